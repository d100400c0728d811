"""The hash chain: a canonical encoding of an entry and the SHA-256 that links it.

Everything here is a pure function of plain values, so the same chain verifies
on SQLite, on PostgreSQL and on a JSON export (even outside Python, given the
rules below).

Canonical encoding of a value: JSON with keys sorted by code point, no spaces
(``","`` and ``":"`` as separators), non-ASCII characters kept as UTF-8 (not
escaped), no floats (money is integer pesos), timestamps as UTC ISO-8601 text
with microseconds and a ``Z`` (``2026-11-25T18:00:00.123456Z``). In Python:
``json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``.

* genesis = hex SHA-256 of the canonical encoding of
  ``{journal_id, store_id, kiosk_id, created_at}`` (the ``journal_meta`` row);
* hash of an entry = hex SHA-256 of ``prev_hash`` (64 ASCII hex characters)
  followed by the canonical encoding of ``{seq, created_at, reference, kind,
  event, state, actor, payload}``; the first entry's ``prev_hash`` is the genesis.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

#: The fields of an entry that its hash covers (``prev_hash`` is prefixed, ``hash`` is the result).
HASHED_FIELDS: tuple[str, ...] = (
    "seq",
    "created_at",
    "reference",
    "kind",
    "event",
    "state",
    "actor",
    "payload",
)
GENESIS_FIELDS: tuple[str, ...] = ("journal_id", "store_id", "kiosk_id", "created_at")

_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_TIMESTAMP_LENGTH = len("2026-11-25T18:00:00.123456Z")


def canonical_json(value: Any) -> str:
    """The one text encoding the chain hashes (and the payload column stores)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def canonical_bytes(value: Any) -> bytes:
    return canonical_json(value).encode("utf-8")


def format_timestamp(moment: datetime) -> str:
    """UTC ISO-8601 text with microseconds: sorts as text in the same order as in time."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("journal timestamps must be timezone-aware")
    return moment.astimezone(UTC).strftime(_TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """The moment :func:`format_timestamp` wrote (a ``ValueError`` for other text)."""
    # The journal's own form, exactly (``2026-11-25T18:00:00.123456Z``), parsed the fast
    # way: history pages and reports read hundreds of thousands of them.
    if len(text) == _TIMESTAMP_LENGTH and text[10] == "T" and text[19] == "." and text[-1] == "Z":
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    return datetime.strptime(text, _TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def genesis_hash(meta: Mapping[str, Any]) -> str:
    body = {name: meta[name] for name in GENESIS_FIELDS}
    return hashlib.sha256(canonical_bytes(body)).hexdigest()


def entry_body(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The hashed part of an entry; a payload stored as text is decoded first."""
    body = {name: entry[name] for name in HASHED_FIELDS}
    if isinstance(body["payload"], str):
        body["payload"] = json.loads(body["payload"])
    return body


def entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    digest = hashlib.sha256(prev_hash.encode("ascii"))
    digest.update(canonical_bytes(entry_body(entry)))
    return digest.hexdigest()
