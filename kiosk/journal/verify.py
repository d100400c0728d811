"""Verify a journal: the chain, the legality of every move, and the sales projection.

``verify_entries`` is a pure function of plain dicts, so it checks a live
database and a JSON export alike. It stops at the first bad entry and says
what looks wrong with it:

* ``journal.entry_edited``: the entry's content does not match its hash, or its
  payload text is not the canonical encoding the writer stores (a duplicate key
  that ``json.loads`` drops but SQL's ``json_extract`` may read, say);
* ``journal.entry_deleted``: the entry with this sequence number is gone;
* ``journal.entry_inserted``: this entry was slipped in (the next one skips it);
* ``journal.entry_reordered``: this entry belongs elsewhere in the chain;
* ``journal.chain_broken``: the entry no longer links to the one before;
* ``journal.illegal_transition`` / ``journal.bad_entry``: the log says something impossible;
* ``journal.sale_mismatch`` / ``journal.sale_missing`` / ``journal.sale_extra``: a
  ``sales`` row disagrees with the log (named by the sale's last entry).

Honest limit: whoever can rewrite the whole database can recompute a plain
chain; only a hash printed earlier (``against``) or a central copy catches that.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.errors import JournalError
from kiosk.domain.sale import SaleKind, SaleState, can_transition
from kiosk.journal.chain import canonical_json, entry_hash, genesis_hash
from kiosk.journal.projection import apply_entry
from kiosk.journal.schema import SALE_COLUMNS

_AGAINST = re.compile(r"(?:(\d+):)?([0-9a-f]{16,64})")
#: How many entries the chain walk checks between two calls of a ``progress`` callback.
PROGRESS_STEP = 1_000


@dataclass(frozen=True)
class Problem:
    """The first thing found wrong: an entry's sequence number and a message code."""

    seq: int | None
    what: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    entries: int
    sales: int
    last_hash: str
    first_problem: Problem | None = None
    #: Where the ``against`` hash was found, when one was given and found.
    against_seq: int | None = None
    #: How many stored lines were checked against their HMACs; None without the secret.
    lines_checked: int | None = None


def problem_at(seq: int | None, what: str, **params: Any) -> Problem:
    if seq is not None:
        params["seq"] = seq
    return Problem(seq, what, params)


def decode_payload(text: str) -> Any:
    """The payload stored as ``text``, or ``text`` itself unless it is exactly canonical.

    The hash covers the parsed value, so a stored text that is not its value's
    canonical encoding (duplicate keys, other spacing, escapes) could say one
    thing to ``json.loads`` and another to other readers: it stays text, and
    verification reports the entry as edited (or damaged, if it is not JSON).
    """
    try:
        value = json.loads(text)
        return value if canonical_json(value) == text else text
    except ValueError:  # not JSON, or NaN/Infinity that no canonical text holds
        return text


def _decoded(entry: Mapping[str, Any]) -> dict[str, Any]:
    decoded = dict(entry)
    if isinstance(decoded.get("payload"), str):
        decoded["payload"] = decode_payload(decoded["payload"])
    return decoded


def parse_against(text: str) -> tuple[int | None, str]:
    """``HASH`` or ``SEQ:HASH`` (a hash or a prefix of at least 16 hex characters)."""
    match = _AGAINST.fullmatch(text.strip().lower())
    if not match:
        raise JournalError("journal.bad_against")
    return (int(match.group(1)) if match.group(1) else None), match.group(2)


def _chain_problem(
    entries: list[dict[str, Any]],
    genesis: str,
    progress: Callable[[int], None] | None = None,
) -> tuple[Problem | None, list[dict[str, Any]]]:
    """Walk the chain; return the first problem and the entries that passed.

    ``progress`` is told how many more entries were checked, every ``PROGRESS_STEP``.
    """
    by_hash = {entry["hash"]: index for index, entry in enumerate(entries)}
    linked_from: dict[str, int] = {}
    for index, entry in enumerate(entries):
        linked_from.setdefault(entry["prev_hash"], index)
    run = genesis
    for index, entry in enumerate(entries):
        if progress is not None and index and index % PROGRESS_STEP == 0:
            progress(PROGRESS_STEP)
        expected = index + 1
        seq = entry["seq"]
        if seq != expected:
            if isinstance(seq, int) and seq > expected:
                return problem_at(expected, "journal.entry_deleted"), entries[:index]
            return problem_at(expected, "journal.entry_reordered"), entries[:index]
        try:
            content_ok = entry_hash(entry["prev_hash"], entry) == entry["hash"]
        except (AttributeError, KeyError, TypeError, ValueError, UnicodeError):
            return problem_at(expected, "journal.bad_entry"), entries[:index]
        # Still text after ``_decoded``: valid JSON, but not the text the writer stored.
        content_ok = content_ok and not isinstance(entry["payload"], str)
        links_ok = entry["prev_hash"] == run
        if not (links_ok and content_ok):
            next_skips = index + 1 < len(entries) and entries[index + 1]["prev_hash"] == run
            is_someones_predecessor = entry["hash"] in linked_from
            if next_skips and not is_someones_predecessor:
                what, at = "journal.entry_inserted", expected
            elif (
                not links_ok
                and index >= 1
                and entry["prev_hash"] == entries[index - 1]["prev_hash"]
            ):
                what, at = "journal.entry_inserted", expected - 1
            elif not links_ok and (
                by_hash.get(entry["prev_hash"], -1) > index or linked_from.get(run, -1) > index
            ):
                what, at = "journal.entry_reordered", expected
            elif not (links_ok or content_ok) and entry["prev_hash"] not in {*by_hash, genesis}:
                # Its predecessor is gone and it was renumbered to close the gap.
                what, at = "journal.entry_deleted", expected
            elif not content_ok:
                what, at = "journal.entry_edited", expected
            else:
                what, at = "journal.chain_broken", expected
            return problem_at(at, what), entries[: at - 1]
        run = entry["hash"]
    if progress is not None and entries:
        progress(len(entries) - (len(entries) - 1) // PROGRESS_STEP * PROGRESS_STEP)
    return None, entries


def replay(
    entries: Iterable[Mapping[str, Any]],
) -> tuple[dict[str, dict[str, Any]], Problem | None]:
    """The sales rows the log implies, or the first entry that makes no sense."""
    sales: dict[str, dict[str, Any]] = {}
    for entry in entries:
        seq = entry["seq"]
        reference = entry["reference"]
        if reference == "":
            # A journal-level entry (a purge): no sale, no state.
            if entry["state"] != "" or entry["kind"] != "":
                return sales, problem_at(seq, "journal.bad_entry")
            continue
        try:
            target = SaleState(entry["state"])
            SaleKind(entry["kind"])
        except ValueError:
            return sales, problem_at(seq, "journal.bad_entry")
        previous = sales.get(reference)
        current = SaleState(previous["state"]) if previous else None
        if not can_transition(current, target):
            return sales, problem_at(
                seq,
                "journal.illegal_transition",
                current=str(current or "-"),
                target=str(target),
            )
        if previous is not None and previous["kind"] != entry["kind"]:
            return sales, problem_at(seq, "journal.bad_entry")
        try:
            sales[reference] = apply_entry(previous, entry)
        except (KeyError, TypeError, ValueError):
            return sales, problem_at(seq, "journal.bad_entry")
    return sales, None


def _sales_problem(
    expected: Mapping[str, Mapping[str, Any]], actual: Mapping[str, Mapping[str, Any]]
) -> Problem | None:
    problems: list[Problem] = []
    for reference, row in expected.items():
        stored = actual.get(reference)
        if stored is None:
            problems.append(
                problem_at(row["last_seq"], "journal.sale_missing", reference=reference)
            )
            continue
        for column in SALE_COLUMNS:
            if stored.get(column) != row.get(column):
                problems.append(
                    problem_at(
                        row["last_seq"], "journal.sale_mismatch", reference=reference, field=column
                    )
                )
                break
    if problems:
        return min(problems, key=lambda problem: problem.seq or 0)
    extra = sorted(set(actual) - set(expected))
    if extra:
        return problem_at(None, "journal.sale_extra", reference=extra[0])
    return None


def verify_entries(
    meta: Mapping[str, Any] | None,
    entries: Iterable[Mapping[str, Any]],
    sales: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    against: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> VerifyReport:
    """Verify ``entries`` (in sequence order) against ``meta``; and ``sales`` rows if given.

    Works on rows read from a database and on a JSON export (``payload`` as an
    object or as its canonical text). ``progress`` (optional) is told how many more
    entries the chain walk checked, every ``PROGRESS_STEP`` and at its end.
    """
    wanted = parse_against(against) if against else None
    if meta is None:
        return VerifyReport(False, 0, 0, "", problem_at(None, "journal.meta_missing"))
    genesis = genesis_hash(meta)
    listed = [_decoded(entry) for entry in entries]
    count = len(listed)
    stored_genesis = meta.get("genesis_hash")
    if stored_genesis is not None and stored_genesis != genesis:
        return VerifyReport(False, count, 0, genesis, problem_at(None, "journal.genesis_mismatch"))

    problem, good = _chain_problem(listed, genesis, progress)
    last_hash = good[-1]["hash"] if good else genesis
    projected, replay_problem = replay(good)
    problem = problem or replay_problem
    if problem is not None:
        return VerifyReport(False, count, len(projected), last_hash, problem)

    against_seq = None
    if wanted is not None:
        at, prefix = wanted
        found = [entry["seq"] for entry in listed if entry["hash"].startswith(prefix)]
        if not found:
            problem = problem_at(None, "journal.against_missing", hash=prefix)
        elif at is not None and at not in found:
            problem = problem_at(at, "journal.against_moved", hash=prefix, found=found[0])
        else:
            against_seq = at if at is not None else found[0]
    if problem is None and sales is not None:
        problem = _sales_problem(projected, sales)
    return VerifyReport(
        problem is None, count, len(projected), last_hash, problem, against_seq=against_seq
    )
