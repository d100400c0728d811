"""A top-up the provider ends FAILED, or PROCESSING then REFUNDED, ends paid, not delivered,
with its reason on the receipt (the customer claims with it)."""

from __future__ import annotations

import pytest

from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxTiming
from tests.services.helpers import SLOW_SECONDS, Counter, assisted_payer
from tests.support.sandbox import wait_for

S = SaleState


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    """The services' timings, with the refunded line's PROCESSING over in half a second."""
    return SandboxTiming(
        pse_settle_seconds=0.2,
        slow_bank_seconds=SLOW_SECONDS,
        slow_line_seconds=SLOW_SECONDS,
        processing_refund_seconds=0.5,
    )


def _paid(counter: Counter, line: str) -> str:
    payments = counter.service.payments
    reference = payments.open_sale(counter.topup_request(line)).reference
    payments.start_assisted(reference, assisted_payer(line), "1")
    wait_for(lambda: payments.poll(reference), lambda progress: progress.state is S.PAID)
    return reference


@pytest.mark.parametrize(("line", "reason"), [("3000000005", "FAILED"), ("3000000006", "REFUNDED")])
def test_the_providers_failure_ends_paid_not_delivered_with_its_reason(
    counter: Counter, line: str, reason: str
) -> None:
    reference = _paid(counter, line)
    ended = wait_for(
        lambda: counter.service.deliveries.deliver(reference),
        lambda progress: progress.state is S.PAID_NOT_DELIVERED,
    )
    assert ended.refusal == reason
    receipt = counter.service.receipts.for_progress(ended)
    assert receipt.state is S.PAID_NOT_DELIVERED and receipt.refusal == reason
    if reason == "REFUNDED":
        assert S.DELIVERY_UNKNOWN in counter.states(reference), "PROCESSING came first"


def test_the_providers_own_words_reach_the_receipt_of_a_refused_top_up(
    counter: Counter,
) -> None:
    reference = _paid(counter, "3000000001")  # the sandbox's provider refuses this line
    ended = counter.service.deliveries.deliver(reference)
    assert ended.state is S.PAID_NOT_DELIVERED and ended.refusal
    assert ended.refusal_message, "what the provider said is kept for the clerk"
    assert "3000000001" not in ended.refusal_message, "never a full line"
    receipt = counter.service.receipts.for_reference(reference)
    assert receipt.refusal_message == ended.refusal_message
