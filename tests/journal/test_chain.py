"""The chain's encoding is a pure, documented function; references have one documented shape."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.journal import Journal, attempt_reference, new_reference, open_journal
from kiosk.journal.chain import (
    canonical_json,
    entry_hash,
    format_timestamp,
    genesis_hash,
    parse_timestamp,
)
from kiosk.journal.references import REFERENCE_LENGTH, is_reference, sale_reference_of
from tests.journal.helpers import LINE_SECRET, STORE_ID, create_sale


def test_canonical_json_is_sorted_compact_utf8() -> None:
    value = {"b": 1, "a": {"ñ": "café", "z": [True, None]}, "A": 10_000}
    assert canonical_json(value) == '{"A":10000,"a":{"z":[true,null],"ñ":"café"},"b":1}'
    assert canonical_json(value) == canonical_json(json.loads(canonical_json(value)))


def test_timestamps_are_utc_text_with_microseconds() -> None:
    bogota = timezone(timedelta(hours=-5))
    moment = datetime(2026, 11, 25, 13, 0, 0, 123456, tzinfo=bogota)
    assert format_timestamp(moment) == "2026-11-25T18:00:00.123456Z"
    assert parse_timestamp("2026-11-25T18:00:00.123456Z") == moment
    with pytest.raises(ValueError):
        format_timestamp(datetime(2026, 11, 25, 18, 0))  # naive: refused


def test_the_hash_is_sha256_of_prev_hash_and_the_canonical_entry(journal: Journal) -> None:
    entry = create_sale(journal, "KHASH")
    exported = journal.export_entries()[0]
    body = {
        name: exported[name]
        for name in ("seq", "created_at", "reference", "kind", "event", "state", "actor")
    }
    body["payload"] = exported["payload"]
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(exported["prev_hash"].encode() + text.encode("utf-8")).hexdigest()
    assert entry.hash == exported["hash"] == expected == entry_hash(entry.prev_hash, exported)
    assert entry.prev_hash == journal.meta["genesis_hash"]


def test_the_genesis_covers_journal_store_and_kiosk(db_url: str, tmp_path) -> None:
    with open_journal(
        db_url, store_id=STORE_ID, kiosk_id="kiosk-x", line_secret=LINE_SECRET
    ) as journal:
        meta = journal.meta
    fields = {name: meta[name] for name in ("journal_id", "store_id", "kiosk_id", "created_at")}
    assert fields["kiosk_id"] == "kiosk-x" and fields["store_id"] == STORE_ID
    assert meta["genesis_hash"] == hashlib.sha256(canonical_json(fields).encode()).hexdigest()
    assert genesis_hash({**fields, "kiosk_id": "kiosk-y"}) != meta["genesis_hash"]
    assert re.fullmatch(r"[0-9a-f-]{36}", fields["journal_id"])

    other_url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    with open_journal(
        other_url, store_id=STORE_ID, kiosk_id="kiosk-x", line_secret=LINE_SECRET
    ) as other:
        # Same store and kiosk, another journal: another genesis.
        assert other.meta["genesis_hash"] != meta["genesis_hash"]


def test_new_references_have_the_documented_shape() -> None:
    references = [new_reference() for _ in range(2_000)]
    assert len(set(references)) == len(references)
    for reference in references[:50]:
        assert len(reference) == REFERENCE_LENGTH == 14
        # Safe as a Wompi reference and a Reloadly customIdentifier: uppercase letters and digits.
        assert re.fullmatch(r"K[0-9A-Z]{13}", reference)
        assert not set(reference[1:]) & set("ILOU")
        assert is_reference(reference)
    assert not is_reference("k" + references[0][1:])
    assert not is_reference(references[0] + "X")


def test_references_sort_by_time() -> None:
    start = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
    times = [start + timedelta(seconds=n * 37) for n in range(50)]
    references = [new_reference(now=lambda t=t: t) for t in times]
    assert [r[:8] for r in references] == sorted(r[:8] for r in references)


def test_attempt_references() -> None:
    reference = new_reference()
    assert attempt_reference(reference, 1) == reference
    assert attempt_reference(reference, 3) == f"{reference}-3"
    assert sale_reference_of(attempt_reference(reference, 12)) == reference
    assert sale_reference_of(reference) == reference
    assert sale_reference_of(f"{reference}-1") is None
    assert sale_reference_of("someone-else") is None
    with pytest.raises(ValueError):
        attempt_reference(reference, 0)
