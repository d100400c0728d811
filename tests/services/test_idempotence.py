"""Duplicate, late or reordered answers change nothing; racing deliveries credit the line once."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import SaleState
from kiosk.gateways.pse import PseStatus, PseTransaction
from kiosk.sandbox import SandboxServer
from kiosk.services.sales import SaleService
from tests.services.helpers import Counter, assisted_payer
from tests.support.browser import answer_bank_page
from tests.support.sandbox import provider_topups, wait_for

S = SaleState
LINE = "3105550707"


def answer(service: SaleService, reference: str, transaction: PseTransaction) -> SaleProgress:
    """One gateway answer, applied as a poll would apply it (a late, duplicate or odd one)."""
    return service.payments.apply_answer(service.progress(reference), transaction, closing=False)


def test_answers_after_delivery_change_nothing(counter: Counter, sandbox: SandboxServer) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    start = service.payments.start_assisted(reference, assisted_payer(LINE), "4")
    transaction_id = service.progress(reference).attempt_transaction_id
    pending = counter.gateways.pse.get_transaction(transaction_id)
    assert pending.status is PseStatus.PENDING

    answer_bank_page(start.qr_text, "Aprobar")
    approved = counter.gateways.pse.get_transaction(transaction_id)
    # The approval is journaled without delivering; then the older "pending" arrives late.
    assert answer(service, reference, approved).state is S.PAID
    entries = counter.journal.entry_count()
    assert answer(service, reference, pending).state is S.PAID
    assert answer(service, reference, approved).state is S.PAID  # a duplicate
    assert counter.journal.entry_count() == entries

    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)
    entries = counter.journal.entry_count()
    for again in (
        lambda: service.settling.follow(reference),
        lambda: service.settling.reconcile(reference),
        lambda: service.deliveries.deliver(reference),
        lambda: service.payments.stop_waiting(reference, expired=False),
        lambda: answer(service, reference, pending),
        lambda: answer(service, reference, approved),
    ):
        assert again().state is S.DELIVERED
    assert counter.reconciler.run_once(everything=True).looked_up == []
    assert counter.journal.entry_count() == entries
    assert counter.journal.verify().ok
    assert len(provider_topups(sandbox, reference)) == 1


def test_an_answer_about_an_earlier_attempt_is_ignored(counter: Counter) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), "2")
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.PAYMENT_FAILED)
    declined = counter.gateways.pse.get_transaction(
        service.progress(reference).attempt_transaction_id
    )

    service.payments.start_assisted(reference, assisted_payer(LINE), "4")
    entries = counter.journal.entry_count()
    assert answer(service, reference, declined).state is S.PAYMENT_PENDING
    assert counter.journal.entry_count() == entries


def test_the_screen_and_the_reconciler_racing_deliver_once(
    counter: Counter, sandbox: SandboxServer, sandbox_requests: list[str]
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    start = service.payments.start_assisted(reference, assisted_payer(LINE), "4")
    answer_bank_page(start.qr_text, "Aprobar")
    transaction_id = service.progress(reference).attempt_transaction_id
    transaction = counter.gateways.pse.get_transaction(transaction_id)
    assert answer(service, reference, transaction).state is S.PAID

    racers = 4
    barrier = threading.Barrier(racers)
    results: list[SaleState] = []

    def race(step: Callable[[str], SaleProgress]) -> None:
        barrier.wait(timeout=5)
        results.append(step(reference).state)

    steps = [
        service.deliveries.deliver,
        service.settling.reconcile,
        service.settling.follow,
        service.deliveries.deliver,
    ]
    threads = [threading.Thread(target=race, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    assert len(results) == racers

    assert service.progress(reference).state is S.DELIVERED
    assert counter.states(reference).count(S.DELIVERY_REQUESTED) == 1
    assert len(provider_topups(sandbox, reference)) == 1
    # Not even a second attempt reached the provider (its 409 would have saved the day).
    assert sum(line.startswith("POST /topups-api/topups") for line in sandbox_requests) == 1
    assert counter.journal.verify().ok


def test_an_approval_for_another_amount_is_not_fulfilled(
    counter: Counter, sandbox: SandboxServer
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE, 10_000)).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    transaction_id = service.progress(reference).attempt_transaction_id
    approved = wait_for(
        lambda: counter.gateways.pse.get_transaction(transaction_id),
        lambda tx: tx.status is PseStatus.APPROVED,
    )
    # A gateway answer that disagrees with the signed amount (it must never happen).
    odd = dataclasses.replace(approved, amount_pesos=1_500)
    progress = answer(service, reference, odd)
    assert progress.state is S.PAID_NOT_DELIVERED and progress.refusal == "AMOUNT_MISMATCH"
    assert service.settling.reconcile(reference).state is S.PAID_NOT_DELIVERED
    assert provider_topups(sandbox, reference) == []


def test_an_approval_for_another_amount_left_unmarked_by_a_crash_is_not_fulfilled(
    counter: Counter, sandbox: SandboxServer
) -> None:
    """The app stopped between journaling "approved" and "amount mismatch": the reconciler
    must not deliver from the bare ``paid`` state."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE, 10_000)).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    transaction_id = service.progress(reference).attempt_transaction_id
    approved = wait_for(
        lambda: counter.gateways.pse.get_transaction(transaction_id),
        lambda tx: tx.status is PseStatus.APPROVED,
    )
    odd = dataclasses.replace(approved, amount_pesos=1_500).journal_fields()
    counter.writer.record(
        reference, S.PAID, event="payment_approved", actor="test", data={"gateway": odd}
    ).result(timeout=10)

    assert service.settling.reconcile(reference).state is S.PAID_NOT_DELIVERED
    assert counter.progress(reference).refusal == "AMOUNT_MISMATCH"
    assert provider_topups(sandbox, reference) == []


def test_a_top_up_the_provider_already_named_is_asked_about_never_resent(
    counter: Counter, sandbox: SandboxServer
) -> None:
    """The provider answered "processing" with its transaction id, and its report by custom
    identifier lags behind: the sale asks about that transaction and sends nothing again."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE, 10_000)).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    wait_for(lambda: service.payments.poll(reference), lambda p: p.state is S.PAID)
    progress = counter.progress(reference)
    counter.writer.record(
        reference, S.DELIVERY_REQUESTED, event="delivery_requested", actor="test"
    ).result(timeout=10)
    sent = counter.gateways.topups.topup(reference, progress.operator_id, 10_000, LINE)
    processing = {**sent.journal_fields(), "status": "PROCESSING"}
    counter.writer.record(
        reference,
        S.DELIVERY_UNKNOWN,
        event="delivery_pending",
        actor="test",
        data={"provider": processing},
    ).result(timeout=10)
    # A report that lags: the provider's look-up by custom identifier finds nothing yet.
    counter.gateways.topups.find_by_custom_identifier = lambda _reference: None

    assert service.deliveries.deliver(reference).state is S.DELIVERED
    assert len(provider_topups(sandbox, reference)) == 1
    assert counter.journal.verify().ok
