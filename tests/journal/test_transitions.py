"""The state machine at append: an allowed move is one chained entry; a forbidden one, nothing."""

from __future__ import annotations

import itertools

import pytest

from kiosk.domain.errors import JournalError, SaleTransitionError
from kiosk.domain.sale import ALLOWED_TRANSITIONS, SaleKind, SaleState, can_transition
from kiosk.journal import Journal, JournalWriter
from kiosk.journal.chain import entry_hash, format_timestamp
from tests.journal.helpers import ACTOR, create_sale, drive, fresh_line, path_to
from tests.support.clocks import TickingClock

ALLOWED_PAIRS = sorted(
    (source, target) for source, targets in ALLOWED_TRANSITIONS.items() for target in targets
)
# Every state a sale can be in, each reached once, for the forbidden moves.
REACHABLE = sorted(ALLOWED_TRANSITIONS)


def test_every_allowed_transition_journals_exactly_one_chained_entry(
    journal: Journal, ticking_clock: TickingClock
) -> None:
    assert len(ALLOWED_PAIRS) > 30  # the table really is walked
    for number, (source, target) in enumerate(ALLOWED_PAIRS):
        reference = f"KA{number:03d}"
        drive(journal, reference, source)
        count, last = journal.entry_count(), journal.last_hash()

        entry = journal.record(reference, target, event=f"test.{target}", actor=ACTOR)

        assert journal.entry_count() == count + 1
        assert entry.prev_hash == last
        assert entry.seq == count + 1
        assert entry.hash == journal.last_hash()
        assert entry.created_at == ticking_clock.moment
        recomputed = entry_hash(
            last,
            {
                "seq": entry.seq,
                "created_at": format_timestamp(entry.created_at),
                "reference": reference,
                "kind": str(SaleKind.TOPUP),
                "event": f"test.{target}",
                "state": str(target),
                "actor": ACTOR,
                "payload": dict(entry.payload),
            },
        )
        assert recomputed == entry.hash
        sale = journal.sale(reference)
        assert sale is not None
        assert (sale.state, sale.last_seq, sale.last_hash) == (target, entry.seq, entry.hash)
    # Replaying the whole log gives back exactly the sales rows written live.
    report = journal.verify()
    assert report.ok, report.first_problem
    assert report.sales == len(ALLOWED_PAIRS)


def test_every_forbidden_transition_is_refused_without_a_write(journal: Journal) -> None:
    refused = 0
    for number, source in enumerate(REACHABLE):
        reference = f"KF{number:03d}"
        drive(journal, reference, source)
        before = journal.sale(reference)
        count, last = journal.entry_count(), journal.last_hash()
        for target in SaleState:
            if can_transition(source, target):
                continue
            with pytest.raises(SaleTransitionError) as raised:
                journal.record(
                    reference,
                    target,
                    event="test.forbidden",
                    actor=ACTOR,
                    kind=SaleKind.TOPUP if target is SaleState.CREATED else None,
                    amount_pesos=10_000 if target is SaleState.CREATED else None,
                    line=fresh_line() if target is SaleState.CREATED else None,
                )
            expected = "sale.final" if not ALLOWED_TRANSITIONS[source] else "sale.transition"
            assert raised.value.code == expected
            refused += 1
            assert journal.entry_count() == count
            assert journal.last_hash() == last
            assert journal.sale(reference) == before
    assert refused > 200
    assert journal.verify().ok


def test_a_sale_that_does_not_exist_cannot_move(journal: Journal) -> None:
    last = journal.last_hash()
    with pytest.raises(SaleTransitionError) as raised:
        journal.record("KNOSALE", SaleState.PAID, event="payment.paid", actor=ACTOR)
    assert raised.value.code == "sale.unknown"
    assert journal.entry_count() == 0
    assert journal.last_hash() == last == journal.meta["genesis_hash"]
    assert journal.sale("KNOSALE") is None


def test_creating_needs_kind_amount_and_line_and_they_cannot_change(journal: Journal) -> None:
    for missing in ("kind", "amount_pesos", "line"):
        fields = {"kind": SaleKind.TOPUP, "amount_pesos": 5_000, "line": fresh_line()}
        del fields[missing]
        with pytest.raises(JournalError) as raised:
            journal.record("KNEW", SaleState.CREATED, event="sale.created", actor=ACTOR, **fields)
        assert raised.value.code == "journal.creation_fields"
    for bad_amount, bad_line in ((0, fresh_line()), (1.5, fresh_line()), (5_000, "31234")):
        with pytest.raises(JournalError):
            journal.record(
                "KNEW",
                SaleState.CREATED,
                event="sale.created",
                actor=ACTOR,
                kind=SaleKind.TOPUP,
                amount_pesos=bad_amount,
                line=bad_line,
            )
    assert journal.entry_count() == 0

    create_sale(journal, "KNEW", amount=5_000)
    with pytest.raises(JournalError) as raised:
        journal.record(
            "KNEW", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR, amount_pesos=6_000
        )
    assert raised.value.code == "journal.amount_mismatch"
    with pytest.raises(JournalError) as raised:
        journal.record("KNEW", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR, line=fresh_line())
    assert raised.value.code == "journal.line_only_at_creation"
    assert journal.entry_count() == 1


def test_the_projection_follows_attempts_ids_and_pack(journal: Journal) -> None:
    create_sale(journal, "KPROJ", kind=SaleKind.GIFT_PACK, amount=12_000)
    journal.record(
        "KPROJ",
        SaleState.PAYMENT_REQUESTED,
        event="payment.requested",
        actor=ACTOR,
        data={"attempt_reference": "KPROJ", "pack_name": "Paquete 7 días"},
    )
    journal.record(
        "KPROJ",
        SaleState.PAYMENT_FAILED,
        event="payment.declined",
        actor=ACTOR,
        data={"gateway": {"id": "1234-1700000000-11111", "status": "DECLINED"}},
    )
    journal.record(
        "KPROJ",
        SaleState.PAYMENT_REQUESTED,
        event="payment.requested",
        actor=ACTOR,
        data={"attempt_reference": "KPROJ-2"},
    )
    journal.record(
        "KPROJ",
        SaleState.PAID,
        event="payment.approved",
        actor=ACTOR,
        data={"gateway": {"id": "1234-1700000001-22222", "status": "APPROVED"}},
    )
    journal.record("KPROJ", SaleState.DELIVERY_REQUESTED, event="delivery.requested", actor=ACTOR)
    journal.record(
        "KPROJ",
        SaleState.DELIVERED,
        event="delivery.done",
        actor=ACTOR,
        data={"provider": {"transactionId": 98765, "status": "SUCCESSFUL"}},
    )
    sale = journal.sale("KPROJ")
    assert sale is not None
    assert sale.kind is SaleKind.GIFT_PACK and sale.amount_pesos == 12_000
    assert (sale.payment_attempts, sale.delivery_attempts) == (2, 1)
    assert sale.attempt_reference == "KPROJ-2"
    assert sale.gateway_tx_id == "1234-1700000001-22222"
    assert sale.provider_tx_id == "98765"
    assert sale.pack_name == "Paquete 7 días"
    assert sale.is_final
    assert journal.open_sales() == []
    assert [entry.state for entry in journal.entries_for("KPROJ")] == [
        SaleState.CREATED,
        SaleState.PAYMENT_REQUESTED,
        SaleState.PAYMENT_FAILED,
        SaleState.PAYMENT_REQUESTED,
        SaleState.PAID,
        SaleState.DELIVERY_REQUESTED,
        SaleState.DELIVERED,
    ]
    assert journal.verify().ok


def test_open_sales_and_sales_between(journal: Journal, ticking_clock: TickingClock) -> None:
    drive(journal, "KOPEN1", SaleState.PAYMENT_PENDING)
    drive(journal, "KDONE", SaleState.DELIVERED)
    start = ticking_clock.moment
    drive(journal, "KOPEN2", SaleState.PAID_NOT_DELIVERED)
    end = ticking_clock.moment
    drive(journal, "KLATER", SaleState.CREATED)

    assert [sale.reference for sale in journal.open_sales()] == ["KOPEN1", "KOPEN2", "KLATER"]
    assert [sale.reference for sale in journal.sales_between(start, end)] == ["KOPEN2"]


def test_the_writer_runs_every_write_in_order_on_one_thread(journal: Journal) -> None:
    writer = JournalWriter(journal)
    try:
        futures = [
            writer.record(
                f"KW{number:02d}",
                SaleState.CREATED,
                event="sale.created",
                actor=ACTOR,
                kind=SaleKind.TOPUP,
                amount_pesos=1_000 + number,
                line=fresh_line(),
            )
            for number in range(20)
        ]
        refused = writer.record("KW00", SaleState.DELIVERED, event="x", actor=ACTOR)
        threads = writer.submit(lambda: __import__("threading").current_thread().name)
        entries = [future.result(timeout=30) for future in futures]
        with pytest.raises(SaleTransitionError):
            refused.result(timeout=30)
        assert threads.result(timeout=30) == writer.thread.name
    finally:
        writer.close()
    assert [entry.seq for entry in entries] == list(range(1, 21))
    assert not writer.thread.is_alive()
    with pytest.raises(JournalError) as raised:
        writer.record("KW99", SaleState.CREATED, event="x", actor=ACTOR)
    assert raised.value.code == "journal.writer_closed"


def test_closing_the_writer_finishes_the_queued_writes(journal: Journal) -> None:
    writer = JournalWriter(journal)
    futures = [
        writer.record(
            f"KQ{number:02d}",
            SaleState.CREATED,
            event="sale.created",
            actor=ACTOR,
            kind=SaleKind.TOPUP,
            amount_pesos=1_000,
            line=fresh_line(),
        )
        for number in range(10)
    ]
    writer.close()
    assert not writer.thread.is_alive()
    assert all(future.done() and future.exception() is None for future in futures)
    assert journal.entry_count() == 10


def test_paths_reach_their_targets() -> None:
    for state in REACHABLE:
        path = path_to(state)
        assert path[0] is SaleState.CREATED and path[-1] is state
        assert all(can_transition(a, b) for a, b in itertools.pairwise(path))
