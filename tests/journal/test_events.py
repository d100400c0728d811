"""Journal-level entries: a reprint, a shift close, journaled in the chain but no sale's step."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import JournalError
from kiosk.domain.progress import fold_progress
from kiosk.domain.sale import SaleState
from kiosk.journal import Journal, JournalWriter, open_journal
from kiosk.journal.chain import canonical_json
from tests.journal.helpers import ACTOR, Tamperer, drive, fresh_line


def _close(journal: Journal) -> None:
    journal.record_event(
        "shift.closed",
        actor="admin:Administrador",
        data={
            "count": 1,
            "pesos": 10_000,
            "first_reference": "KSOLD",
            "last_reference": "KSOLD",
            "through_seq": journal.entry_count(),
            "chain_hash": journal.last_hash(),
        },
    )


def test_a_reprint_and_a_shift_close_are_journaled_and_verify(journal: Journal) -> None:
    drive(journal, "KSOLD", SaleState.DELIVERED)
    before = journal.entry_count()
    reprint = journal.record_event(
        "sale.reprinted", actor="clerk:Ana", data={"reference": "KSOLD", "copy": 1}
    )
    assert reprint.seq == before + 1
    assert (reprint.reference, reprint.state, reprint.kind) == ("", None, None)
    assert reprint.event == "sale.reprinted" and reprint.actor == "clerk:Ana"
    assert reprint.payload == {"reference": "KSOLD", "copy": 1}
    _close(journal)
    journal.record_event(
        "sale.reprinted", actor="clerk:Ana", data={"reference": "KSOLD", "copy": 2}
    )
    report = journal.verify()
    assert report.ok, report.first_problem
    assert report.entries == before + 3 and report.sales == 1
    assert journal.last_hash() == journal.events("sale.reprinted")[-1].hash

    # Read back: by event, by the sale they name, oldest first.
    assert [e.payload["copy"] for e in journal.events("sale.reprinted")] == [1, 2]
    assert [e.payload["copy"] for e in journal.events("sale.reprinted", reference="KSOLD")] == [
        1,
        2,
    ]
    assert journal.events("sale.reprinted", reference="KOTHER") == []
    (closed,) = journal.events("shift.closed")
    assert closed.payload["through_seq"] == before + 1
    assert journal.events("clerk.signed_in") == []


def test_a_sales_steps_never_include_journal_level_entries(journal: Journal) -> None:
    drive(journal, "KSOLD", SaleState.PAID)
    journal.record_event("sale.reprinted", actor=ACTOR, data={"reference": "KSOLD", "copy": 1})
    steps = journal.entries_for("KSOLD")
    assert all(entry.reference == "KSOLD" and entry.state is not None for entry in steps)
    progress = fold_progress(steps)
    assert progress is not None and progress.state is SaleState.PAID
    assert journal.entries_for("") == []
    # The sale goes on after the event as before.
    journal.record("KSOLD", SaleState.DELIVERY_REQUESTED, event="delivery.requested", actor=ACTOR)
    assert journal.verify().ok


@pytest.mark.parametrize("edit", ["payload", "actor"])
def test_a_tampered_event_is_found(journal: Journal, db_url: str, edit: str) -> None:
    drive(journal, "KSOLD", SaleState.DELIVERED)
    _close(journal)
    reprint = journal.record_event(
        "sale.reprinted", actor="clerk:Ana", data={"reference": "KSOLD", "copy": 1}
    )
    drive(journal, "KLATER", SaleState.DECLINED)
    (closed,) = journal.events("shift.closed")
    tamperer = Tamperer(db_url)
    try:
        tamperer.drop_triggers()
        if edit == "payload":
            forged = {**closed.payload, "pesos": 1}
            tamperer.execute(
                "UPDATE journal_entries SET payload = :payload WHERE seq = :seq",
                {"payload": canonical_json(forged), "seq": closed.seq},
            )
            target = closed.seq
        else:
            tamperer.execute(
                "UPDATE journal_entries SET actor = 'clerk:Luis' WHERE seq = :seq",
                {"seq": reprint.seq},
            )
            target = reprint.seq
    finally:
        tamperer.close()
    report = journal.verify()
    assert not report.ok and report.first_problem is not None
    assert (report.first_problem.what, report.first_problem.seq) == (
        "journal.entry_edited",
        target,
    )


def test_an_event_given_a_state_is_a_bad_entry(journal: Journal, db_url: str) -> None:
    drive(journal, "KSOLD", SaleState.DELIVERED)
    event = journal.record_event("sale.reprinted", actor=ACTOR, data={"reference": "KSOLD"})
    tamperer = Tamperer(db_url)
    try:
        tamperer.drop_triggers()
        tamperer.execute(
            "UPDATE journal_entries SET state = 'delivered' WHERE seq = :seq", {"seq": event.seq}
        )
    finally:
        tamperer.close()
    report = journal.verify()
    assert not report.ok and report.first_problem is not None
    assert report.first_problem.seq == event.seq


@pytest.mark.parametrize(
    ("event", "actor", "data", "code"),
    [
        ("sale reprinted", ACTOR, {}, "journal.bad_event"),
        ("", ACTOR, {}, "journal.bad_event"),
        ("journal.lines_purged", ACTOR, {"count": 1}, "journal.bad_event"),
        ("sale.reprinted", "", {}, "journal.bad_actor"),
        ("settings.changed", ACTOR, {"email": "x"}, "journal.personal_data"),
        ("clerk.signed_in", ACTOR, {"note": "call 300 123 4567"}, "journal.personal_data"),
        ("shift.closed", ACTOR, {"pesos": 1.5}, "journal.bad_payload"),
        ("shift.closed", ACTOR, {"line_hmac": "x"}, "journal.reserved_key"),
    ],
)
def test_bad_events_are_refused_and_write_nothing(
    journal: Journal, event: str, actor: str, data: dict[str, object], code: str
) -> None:
    with pytest.raises(JournalError) as raised:
        journal.record_event(event, actor=actor, data=data)
    assert raised.value.code == code
    assert journal.entry_count() == 0


def test_the_writer_records_events_in_turn(db_url: str) -> None:
    from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID

    with open_journal(
        db_url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET
    ) as journal:
        writer = JournalWriter(journal)
        try:
            created = writer.record(
                "KW",
                SaleState.CREATED,
                event="sale.created",
                actor=ACTOR,
                kind="topup",
                amount_pesos=5_000,
                line=fresh_line(),
            )
            signed = writer.record_event("clerk.signed_in", actor=ACTOR, data={"clerk": "Ana"})
            assert signed.result(timeout=30).seq == created.result(timeout=30).seq + 1
        finally:
            writer.close()
        assert [e.payload for e in journal.events("clerk.signed_in")] == [{"clerk": "Ana"}]
        assert journal.verify().ok
