"""Assisted PSE at the counter: the clerk types the payer's data, the QR opens the bank URL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.domain.sale import PaymentMode, SaleState
from kiosk.gateways.errors import GatewayRejected
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer
from tests.support.sandbox import outbox, provider_topups, pse_attempts, wait_for

S = SaleState
LINE = "3105550202"
SENDER = "3109876543"


def test_assisted_payment_approved_is_delivered(counter: Counter, sandbox: SandboxServer) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE, 5_000)).reference
    start = service.payments.start_assisted(reference, assisted_payer(LINE), "1")

    (payment,) = pse_attempts(sandbox, reference)
    assert start.mode is PaymentMode.ASSISTED and start.attempt_reference == reference
    assert start.qr_text == payment["payment_method"]["extra"]["async_payment_url"]
    assert payment["amount_in_cents"] == 500_000
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)

    assert len(provider_topups(sandbox, reference)) == 1
    assert counter.states(reference) == [
        S.CREATED,
        S.PAYMENT_REQUESTED,
        S.PAYMENT_PENDING,
        S.PAID,
        S.DELIVERY_REQUESTED,
        S.DELIVERED,
    ]
    receipt = service.receipts.for_reference(reference)
    assert receipt.gateway_transaction_id == payment["id"]
    assert receipt.provider_transaction_id


def test_a_declined_attempt_is_retried_in_the_same_sale(
    counter: Counter, sandbox: SandboxServer
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), "2")
    failed = wait_for(
        lambda: service.settling.follow(reference), lambda p: p.state is S.PAYMENT_FAILED
    )
    assert (failed.mode, failed.gateway_status, failed.attempt) == (
        PaymentMode.ASSISTED,
        "DECLINED",
        1,
    )

    retry = service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    assert retry.reference == reference and retry.attempt_reference == f"{reference}-2"
    delivered = wait_for(
        lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED
    )

    (declined,) = pse_attempts(sandbox, reference)
    (approved,) = pse_attempts(sandbox, f"{reference}-2")
    assert (declined["status"], approved["status"]) == ("DECLINED", "APPROVED")
    assert delivered.gateway_transaction_id == approved["id"]
    assert len(provider_topups(sandbox, reference)) == 1
    sale = counter.journal.sale(reference)
    assert sale is not None and sale.payment_attempts == 2 and sale.delivery_attempts == 1
    assert sale.attempt_reference == f"{reference}-2"


@pytest.mark.parametrize(
    ("bank", "status", "closed"), [("2", "DECLINED", S.DECLINED), ("3", "ERROR", S.ERROR)]
)
def test_a_failed_attempt_nobody_retries_is_closed_with_its_verdict(
    counter: Counter, sandbox: SandboxServer, bank: str, status: str, closed: SaleState
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), bank)
    failed = wait_for(
        lambda: service.settling.follow(reference), lambda p: p.state is S.PAYMENT_FAILED
    )
    assert failed.gateway_status == status
    # The clerk leaves the result screen without a new attempt: reconciliation closes it.
    assert counter.reconciler.run_once().moved == {reference: closed}
    assert service.receipts.for_reference(reference).state is closed
    assert provider_topups(sandbox, reference) == []


def test_a_refused_create_leaves_the_sale_open_for_a_corrected_attempt(
    counter: Counter, sandbox: SandboxServer
) -> None:
    from kiosk.gateways.errors import GatewayRejected

    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    with pytest.raises(GatewayRejected) as refused:
        service.payments.start_assisted(reference, assisted_payer(LINE), "99")  # no such bank
    assert "payment_method.financial_institution_code" in refused.value.fields
    progress = service.progress(reference)
    assert progress.state is S.PAYMENT_FAILED
    assert progress.payment_refusal == "INPUT_VALIDATION_ERROR"

    service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)
    assert pse_attempts(sandbox, reference) == []  # the refused attempt never existed
    assert len(pse_attempts(sandbox, f"{reference}-2")) == 1


def test_a_gift_pack_is_activated_with_an_sms_naming_it_and_the_sender(
    counter: Counter, sandbox: SandboxServer
) -> None:
    service = counter.service
    request, pack = counter.gift_pack_request(LINE, "Todo Incluido 7 días", SENDER)
    reference = service.payments.open_sale(request).reference
    service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)

    (topup,) = provider_topups(sandbox, reference)
    assert topup["deliveredAmount"] == pack.amount_pesos
    assert topup["senderPhone"].endswith(SENDER)
    (sms,) = [sms for sms in outbox(sandbox, LINE) if pack.name in sms["text"]]
    assert SENDER in sms["text"].replace(" ", "")
    receipt = service.receipts.for_reference(reference)
    assert receipt.pack_name == pack.name and receipt.amount_pesos == pack.amount_pesos
    # The sender's line is kept apart, like the recipient's; the chain holds it masked.
    assert counter.journal.line_for(reference, role="sender") == SENDER
    created = counter.journal.entries_for(reference)[0].payload
    assert created["sender_line_masked"] == "*** *** 6543"


class ReadsRecorded:
    """The real PSE client, noting each create and read and whether it had the bank URL."""

    def __init__(self, real: Any, seen: list[str]) -> None:
        self._real, self._seen = real, seen

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def create_pse_transaction(self, **kwargs: Any) -> Any:
        created = self._real.create_pse_transaction(**kwargs)
        self._seen.append("create with URL" if created.bank_url else "create")
        return created

    def get_transaction(self, transaction_id: str) -> Any:
        read = self._real.get_transaction(transaction_id)
        self._seen.append("read with URL" if read.bank_url else "read")
        return read


def test_the_bank_url_is_waited_for_and_the_wait_is_told(
    make_counter: Callable[..., Counter], sandbox: SandboxServer
) -> None:
    seen: list[str] = []
    counter = make_counter(pse=lambda real: ReadsRecorded(real, seen))
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference

    start = service.payments.start_assisted(
        reference, assisted_payer(LINE), "4", on_waiting_for_bank=lambda: seen.append("waiting")
    )

    # As Wompi's, the sandbox gives the bank URL only from the second read after the create;
    # the screen is told once, before the reads begin.
    assert seen == ["create", "waiting", "read", "read with URL"]
    (payment,) = pse_attempts(sandbox, reference)
    assert start.qr_text == payment["payment_method"]["extra"]["async_payment_url"]
    assert start.qr_text.endswith(f"/sim/bank/{payment['id']}")


def test_every_assisted_attempt_has_a_reference_of_its_own(
    counter: Counter, sandbox: SandboxServer
) -> None:
    service, pse = counter.service, counter.gateways.pse
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    first = service.payments.start_assisted(reference, assisted_payer(LINE), "2")
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.PAYMENT_FAILED)

    # The gateway refuses a second create under a reference already used, declined or not...
    with pytest.raises(GatewayRejected) as refused:
        pse.create_pse_transaction(
            reference=first.attempt_reference,
            amount_pesos=10_000,
            payer=assisted_payer(LINE),
            bank_code="1",
            description="Recarga celular",
            tokens=pse.acceptance_tokens(),
        )
    assert "reference" in refused.value.fields

    # ...so the clerk's new attempt goes under a new one, and is accepted.
    retry = service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    assert retry.attempt_reference == f"{reference}-2" != first.attempt_reference
    assert len(pse_attempts(sandbox, retry.attempt_reference)) == 1
    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)
