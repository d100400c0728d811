"""Checkout QR: the payer pays on the hosted checkout on their phone; the line is credited once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from kiosk.domain.errors import SaleTransitionError
from kiosk.domain.sale import PaymentMode, SaleState
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer, past_expiry
from tests.support.browser import pay_through_checkout
from tests.support.clocks import OffsetClock
from tests.support.sandbox import (
    outbox,
    provider_balance,
    provider_topups,
    pse_attempts,
    wait_for,
)

S = SaleState
LINE = "3105550101"


@pytest.mark.parametrize(
    ("bank", "button"),
    [("1", ""), ("4", "Aprobar")],
    ids=["bank-approves-on-its-own", "approved-on-the-bank-page"],
)
def test_checkout_paid_on_the_phone_is_delivered_once(
    counter: Counter, sandbox: SandboxServer, bank: str, button: str
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE, 12_000)).reference
    start = service.payments.start_checkout(reference)
    query = parse_qs(urlsplit(start.qr_text).query)
    assert start.qr_text.startswith(f"{sandbox.checkout_base_url}/p/")
    assert query["reference"] == [reference] and query["amount-in-cents"] == ["1200000"]
    assert (start.mode, start.amount_pesos, start.attempt_reference) == (
        PaymentMode.CHECKOUT,
        12_000,
        reference,
    )
    float_before = provider_balance(sandbox)

    pay_through_checkout(start.qr_text, bank, button).close()
    delivered = wait_for(
        lambda: service.settling.follow(reference), lambda progress: progress.state is S.DELIVERED
    )

    (topup,) = provider_topups(sandbox, reference)
    assert topup["deliveredAmount"] == 12_000 and topup["recipientPhone"].endswith(LINE)
    # The store's float pays the top-up less the provider's discount (what the store earns).
    discount = Decimal(str(topup["discount"]))
    assert discount > 0
    assert provider_balance(sandbox) == float_before - (12_000 - discount)
    assert any("recarga" in sms["text"].lower() for sms in outbox(sandbox, LINE))
    # Only moves are journaled: the polls that saw "still pending" left no entries.
    assert counter.states(reference) == [
        S.CREATED,
        S.PAYMENT_PENDING,
        S.PAID,
        S.DELIVERY_REQUESTED,
        S.DELIVERED,
    ]
    assert counter.journal.verify().ok

    (payment,) = pse_attempts(sandbox, reference)
    receipt = service.receipts.for_reference(reference)
    assert receipt.state is S.DELIVERED and receipt.amount_pesos == 12_000
    assert receipt.masked_line == "*** *** 0101"
    assert receipt.gateway_transaction_id == payment["id"] == delivered.gateway_transaction_id
    assert receipt.provider_transaction_id == str(topup["transactionId"])
    # PSE's CUS, as the gateway gives it once the payment is final.
    assert receipt.cus and receipt.cus == payment["payment_method"]["extra"]["traceability_code"]
    last_entry = counter.journal.entries_for(reference)[-1]
    assert receipt.chain_hash_short == last_entry.hash[:16] and len(receipt.chain_hash_short) == 16
    assert receipt.store_name == counter.config.store.name


def test_a_declined_checkout_can_be_paid_again_on_the_phone(
    counter: Counter, sandbox: SandboxServer
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    start = service.payments.start_checkout(reference)

    pay_through_checkout(start.qr_text, "4", "Rechazar").close()
    failed = wait_for(
        lambda: service.settling.follow(reference), lambda p: p.state is S.PAYMENT_FAILED
    )
    assert failed.gateway_status == "DECLINED"
    # The link is still alive: nobody closes the sale, nor starts a second payment beside it.
    assert counter.reconciler.run_once(everything=True).moved == {}
    assert service.progress(reference).state is S.PAYMENT_FAILED
    with pytest.raises(SaleTransitionError):
        service.payments.start_assisted(reference, assisted_payer(LINE), "1")

    pay_through_checkout(start.qr_text, "4", "Aprobar").close()
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)

    assert len(provider_topups(sandbox, reference)) == 1
    statuses = sorted(attempt["status"] for attempt in pse_attempts(sandbox, reference))
    assert statuses == ["APPROVED", "DECLINED"]
    states = counter.states(reference)
    assert states[:3] == [S.CREATED, S.PAYMENT_PENDING, S.PAYMENT_FAILED]
    assert states[-3:] == [S.PAID, S.DELIVERY_REQUESTED, S.DELIVERED]
    receipt = service.receipts.for_reference(reference)
    approved = [a for a in pse_attempts(sandbox, reference) if a["status"] == "APPROVED"]
    assert receipt.gateway_transaction_id == approved[0]["id"]


def test_an_expired_checkout_with_nothing_paid_is_closed_by_reconciliation(
    counter: Counter, sandbox: SandboxServer, offset_clock: OffsetClock
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    start = service.payments.start_checkout(reference)
    counter.reconciler.run_once(everything=True)
    assert counter.states(reference) == [S.CREATED, S.PAYMENT_PENDING]  # still payable
    # Just past the expiry the gateway (its clock may lag) might still take a payment.
    offset_clock.advance(timedelta(seconds=counter.config.payment.checkout_ttl_seconds + 1))
    counter.reconciler.run_once(everything=True)
    assert counter.states(reference) == [S.CREATED, S.PAYMENT_PENDING]

    offset_clock.advance(past_expiry(counter.config))
    report = counter.reconciler.run_once(everything=True)

    assert report.moved == {reference: S.EXPIRED}
    assert counter.states(reference)[-2:] == [S.EXPIRED_UNCONFIRMED, S.EXPIRED]
    # The gateway agrees: the link can no longer be paid.
    assert pay_link_status(start.qr_text) == 410
    assert provider_topups(sandbox, reference) == []


def test_a_checkout_declined_and_left_to_expire_closes_as_declined(
    counter: Counter, sandbox: SandboxServer, offset_clock: OffsetClock
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    start = service.payments.start_checkout(reference)
    pay_through_checkout(start.qr_text, "2", "").close()
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.PAYMENT_FAILED)

    offset_clock.advance(past_expiry(counter.config))
    assert counter.reconciler.run_once().moved == {reference: S.DECLINED}
    assert provider_topups(sandbox, reference) == []


def test_the_countdown_ending_only_stops_the_waiting(
    counter: Counter, sandbox: SandboxServer, offset_clock: OffsetClock
) -> None:
    """Expired on screen, the link is paid all the same (the phone was slow): delivered."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    start = service.payments.start_checkout(reference)
    assert service.payments.stop_waiting(reference, expired=True).state is S.EXPIRED_UNCONFIRMED

    pay_through_checkout(start.qr_text, "1", "").close()
    wait_for(lambda: service.settling.reconcile(reference), lambda p: p.state is S.DELIVERED)
    assert len(provider_topups(sandbox, reference)) == 1


def pay_link_status(url: str) -> int:
    return requests.get(url, timeout=5).status_code
