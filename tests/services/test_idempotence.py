"""Duplicate, late or reordered answers change nothing; racing deliveries credit the line once."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

from kiosk.domain.sale import SaleState
from kiosk.gateways.pse import PseStatus
from kiosk.sandbox import SandboxServer
from kiosk.services.sale_record import SaleProgress
from tests.services.helpers import Counter, assisted_payer
from tests.support.browser import answer_bank_page
from tests.support.sandbox import provider_topups, wait_for

S = SaleState
LINE = "3005550707"


def test_answers_after_delivery_change_nothing(counter: Counter, sandbox: SandboxServer) -> None:
    service = counter.service
    reference = service.open_sale(counter.topup_request(LINE))
    start = service.start_assisted(reference, assisted_payer(LINE), "4")
    transaction_id = service.progress(reference).attempt_transaction_id
    pending = counter.gateways.pse.get_transaction(transaction_id)
    assert pending.status is PseStatus.PENDING

    answer_bank_page(start.qr_text, "Aprobar")
    approved = counter.gateways.pse.get_transaction(transaction_id)
    # The approval is journaled without delivering; then the older "pending" arrives late.
    assert service.apply_payment_answer(reference, approved).state is S.PAID
    entries = counter.journal.entry_count()
    assert service.apply_payment_answer(reference, pending).state is S.PAID
    assert service.apply_payment_answer(reference, approved).state is S.PAID  # a duplicate
    assert counter.journal.entry_count() == entries

    wait_for(lambda: service.poll_payment(reference), lambda p: p.state is S.DELIVERED)
    entries = counter.journal.entry_count()
    for again in (
        lambda: service.poll_payment(reference),
        lambda: service.reconcile(reference),
        lambda: service.deliver(reference),
        lambda: service.stop_waiting(reference, expired=False),
        lambda: service.apply_payment_answer(reference, pending),
        lambda: service.apply_payment_answer(reference, approved),
    ):
        assert again().state is S.DELIVERED
    assert counter.reconciler.run_once(everything=True).looked_up == []
    assert counter.journal.entry_count() == entries
    assert counter.journal.verify().ok
    assert len(provider_topups(sandbox, reference)) == 1


def test_an_answer_about_an_earlier_attempt_is_ignored(counter: Counter) -> None:
    service = counter.service
    reference = service.open_sale(counter.topup_request(LINE))
    service.start_assisted(reference, assisted_payer(LINE), "2")
    wait_for(lambda: service.poll_payment(reference), lambda p: p.state is S.PAYMENT_FAILED)
    declined = counter.gateways.pse.get_transaction(
        service.progress(reference).attempt_transaction_id
    )

    service.start_assisted(reference, assisted_payer(LINE), "4")
    entries = counter.journal.entry_count()
    assert service.apply_payment_answer(reference, declined).state is S.PAYMENT_PENDING
    assert counter.journal.entry_count() == entries


def test_the_screen_and_the_reconciler_racing_deliver_once(
    counter: Counter, sandbox: SandboxServer, sandbox_requests: list[str]
) -> None:
    service = counter.service
    reference = service.open_sale(counter.topup_request(LINE))
    start = service.start_assisted(reference, assisted_payer(LINE), "4")
    answer_bank_page(start.qr_text, "Aprobar")
    transaction_id = service.progress(reference).attempt_transaction_id
    transaction = counter.gateways.pse.get_transaction(transaction_id)
    assert service.apply_payment_answer(reference, transaction).state is S.PAID

    racers = 4
    barrier = threading.Barrier(racers)
    results: list[SaleState] = []

    def race(step: Callable[[str], SaleProgress]) -> None:
        barrier.wait(timeout=5)
        results.append(step(reference).state)

    steps = [service.deliver, service.reconcile, service.poll_payment, service.deliver]
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
    reference = service.open_sale(counter.topup_request(LINE, 10_000))
    service.start_assisted(reference, assisted_payer(LINE), "1")
    transaction_id = service.progress(reference).attempt_transaction_id
    approved = wait_for(
        lambda: counter.gateways.pse.get_transaction(transaction_id),
        lambda tx: tx.status is PseStatus.APPROVED,
    )
    # A gateway answer that disagrees with the signed amount (it must never happen).
    odd = dataclasses.replace(approved, amount_pesos=1_500)
    progress = service.apply_payment_answer(reference, odd)
    assert progress.state is S.PAID_NOT_DELIVERED and progress.refusal == "AMOUNT_MISMATCH"
    assert service.reconcile(reference).state is S.PAID_NOT_DELIVERED
    assert provider_topups(sandbox, reference) == []
