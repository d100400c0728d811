"""`Journal.checked_line_for`: the line a top-up is sent to is the one the chain holds a
keyed hash of; a line changed in the line store after the sale was created is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain.errors import JournalError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, open_journal
from kiosk.journal.chain import canonical_json
from tests.journal.helpers import ACTOR, START, Tamperer, create_sale, drive, fresh_line


def test_an_untouched_line_comes_back(journal: Journal) -> None:
    line = fresh_line()
    create_sale(journal, "KLINE", line=line)
    assert journal.checked_line_for("KLINE") == line
    assert journal.checked_line_for("KNONE") is None


def test_a_line_changed_after_the_sale_was_created_is_refused(
    journal: Journal, db_url: str
) -> None:
    create_sale(journal, "KSWAP", line=fresh_line())
    tamperer = Tamperer(db_url)  # sale_lines has no trigger: it must stay erasable
    try:
        tamperer.execute("UPDATE sale_lines SET line = '3009999999' WHERE reference = 'KSWAP'")
    finally:
        tamperer.close()
    assert journal.line_for("KSWAP") == "3009999999"  # the unchecked read would send it
    with pytest.raises(JournalError) as raised:
        journal.checked_line_for("KSWAP")
    assert (raised.value.code, raised.value.params) == (
        "journal.line_mismatch",
        {"reference": "KSWAP"},
    )


def test_a_swapped_sender_line_is_refused_too(journal: Journal, db_url: str) -> None:
    sender = fresh_line()
    journal.record(
        "KGIFT",
        SaleState.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=SaleKind.GIFT_PACK,
        amount_pesos=9_000,
        line=fresh_line(),
        sender_line=sender,
    )
    assert journal.checked_line_for("KGIFT", role="sender") == sender
    tamperer = Tamperer(db_url)
    try:
        tamperer.execute("UPDATE sale_lines SET sender_line = '3009999999'")
    finally:
        tamperer.close()
    with pytest.raises(JournalError, match="line_mismatch"):
        journal.checked_line_for("KGIFT", role="sender")
    assert journal.checked_line_for("KGIFT") is not None  # the recipient's line is intact


def test_a_line_and_its_hash_both_rewritten_are_refused(journal: Journal, db_url: str) -> None:
    """Without the store's secret an attacker can only copy another sale's HMAC, and the
    creating entry's own hash then gives the edit away."""
    create_sale(journal, "KVICTIM", line=fresh_line())
    other = fresh_line()
    donor = create_sale(journal, "KDONOR", line=other)
    victim = journal.entries_for("KVICTIM")[0]
    payload = {**victim.payload, "line_hmac": donor.payload["line_hmac"]}
    tamperer = Tamperer(db_url)
    try:
        tamperer.drop_triggers()
        tamperer.execute(
            "UPDATE journal_entries SET payload = :payload WHERE seq = :seq",
            {"payload": canonical_json(payload), "seq": victim.seq},
        )
        tamperer.execute(
            "UPDATE sale_lines SET line = :line WHERE reference = 'KVICTIM'", {"line": other}
        )
    finally:
        tamperer.close()
    with pytest.raises(JournalError, match="line_mismatch"):
        journal.checked_line_for("KVICTIM")


def test_a_purged_line_is_none_as_before(journal: Journal) -> None:
    drive(journal, "KOLD", SaleState.DELIVERED)
    assert journal.purge_lines(START + timedelta(days=1)) == 1
    assert journal.checked_line_for("KOLD") is None


def test_without_the_stores_secret_nothing_is_vouched_for(journal: Journal, db_url: str) -> None:
    create_sale(journal, "KSECRET")
    with open_journal(db_url, create=False) as reader, pytest.raises(JournalError) as raised:
        reader.checked_line_for("KSECRET")
    assert raised.value.code == "journal.no_line_secret"
    with pytest.raises(ValueError):
        journal.checked_line_for("KSECRET", role="nobody")
