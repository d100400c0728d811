"""The sale flow in plain Python: create, pay by PSE, deliver, settle unknowns.

Rules that keep a payment from being lost or a line from being credited twice:

* a committed journal entry comes before each outside call that changes
  something (a PSE create, a top-up), carrying the reference that makes the
  call idempotent; an answer that changes the sale is journaled too;
* a sale only moves along the state machine; a duplicate, late or reordered
  answer is refused by the journal and changes nothing;
* ``paid -> delivery_requested`` can happen once, so a line is credited once
  even when the screen and the reconciler race; the provider also refuses a
  second top-up under the same custom identifier.

Every method blocks (network, journal): controllers call them on a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.config import Config
from kiosk.domain.catalogue import Pack
from kiosk.domain.lines import mask_line
from kiosk.domain.payer import PayerData
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState, is_final
from kiosk.errors import SaleTransitionError
from kiosk.gateways.errors import (
    GatewayError,
    GatewayRejected,
    GatewayUnavailable,
    OutcomeUnknown,
)
from kiosk.journal.privacy import pick_gateway_fields, pick_provider_fields
from kiosk.journal.references import attempt_reference as attempt_reference_of
from kiosk.services.sale_record import SaleProgress, fold_progress

log = logging.getLogger(__name__)

S = SaleState
WRITE_TIMEOUT_SECONDS = 30.0
#: PSE's payment description: at most 30 characters, no ``|`` or ``"``.
DESCRIPTION = {SaleKind.TOPUP: "Recarga celular", SaleKind.GIFT_PACK: "Paquete de regalo"}


@dataclass(frozen=True)
class SaleRequest:
    kind: SaleKind
    line: str
    amount_pesos: int
    operator_id: int
    pack: Pack | None = None
    sender_line: str | None = None


@dataclass(frozen=True)
class PaymentStart:
    """What the payment screen shows: the QR's text, the amount and the countdown's end."""

    reference: str
    attempt_reference: str
    mode: PaymentMode
    qr_text: str
    amount_pesos: int
    expires_at: datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class SaleService:
    """Drives sales through their states; shared by the screens and the reconciler."""

    def __init__(
        self,
        *,
        journal: Any,
        writer: Any,
        pse: Any,
        topups: Any,
        config: Config,
        actor: str,
        clock: Callable[[], datetime] = utc_now,
        new_reference: Callable[[], str],
    ) -> None:
        self._journal = journal
        self._writer = writer
        self._pse = pse
        self._topups = topups
        self._config = config
        self._actor = actor
        self._clock = clock
        self._new_reference = new_reference

    # -- journal -----------------------------------------------------------------

    def _record(self, reference: str, state: SaleState, event: str, **kwargs: Any) -> None:
        future = self._writer.record(reference, state, event=event, actor=self._actor, **kwargs)
        future.result(timeout=WRITE_TIMEOUT_SECONDS)

    def _advance(self, reference: str, state: SaleState, event: str, **data: Any) -> bool:
        """Journal a move; False when the sale already moved on (a late or duplicate answer)."""
        try:
            self._record(reference, state, event, data=data or None)
        except SaleTransitionError:
            log.info("sale %s: %s refused (the sale already moved on)", reference, event)
            return False
        return True

    def progress(self, reference: str) -> SaleProgress:
        progress = fold_progress(self._journal.entries_for(reference))
        if progress is None:
            raise KeyError(reference)
        return progress

    # -- creating and paying -------------------------------------------------------

    def open_sale(self, request: SaleRequest) -> str:
        reference = self._new_reference()
        data: dict[str, Any] = {"operator_id": request.operator_id}
        if request.pack is not None:
            data["pack_name"] = request.pack.name
        self._record(
            reference,
            S.CREATED,
            "sale_created",
            kind=request.kind,
            amount_pesos=request.amount_pesos,
            line=request.line,
            sender_line=request.sender_line,
            data=data,
        )
        return reference

    def start_checkout(self, reference: str) -> PaymentStart:
        """Sign a hosted checkout for the sale; the QR opens it on the payer's phone."""
        progress = self.progress(reference)
        expires_at = self._clock() + timedelta(seconds=self._config.payment.checkout_ttl_seconds)
        # Journaled before the QR is shown: from then on a payment may arrive.
        self._record(
            reference,
            S.PAYMENT_PENDING,
            "checkout_issued",
            data={
                "mode": PaymentMode.CHECKOUT.value,
                "attempt": 1,
                "attempt_reference": reference,
                "expires_at": _iso(expires_at),
            },
        )
        url = self._pse.checkout_url(reference, progress.amount_pesos, expires_at)
        return PaymentStart(
            reference, reference, PaymentMode.CHECKOUT, url, progress.amount_pesos, expires_at
        )

    def start_assisted(self, reference: str, payer: PayerData, bank_code: str) -> PaymentStart:
        """Create a PSE transaction with the payer's data typed by the clerk.

        Raises :class:`GatewayRejected` (fields to fix; a new attempt may follow),
        :class:`GatewayUnavailable` (nothing was sent) or :class:`OutcomeUnknown`
        (the sale waits in ``payment_unknown`` until a look-up settles it).
        """
        progress = self.progress(reference)
        tokens = self._pse.acceptance_tokens()  # fresh for each create, before journaling
        attempt = progress.attempt + 1
        attempt_reference = attempt_reference_of(reference, attempt)
        expires_at = self._clock() + timedelta(seconds=self._config.payment.checkout_ttl_seconds)
        self._record(
            reference,
            S.PAYMENT_REQUESTED,
            "payment_requested",
            data={
                "mode": PaymentMode.ASSISTED.value,
                "attempt": attempt,
                "attempt_reference": attempt_reference,
                "bank_code": bank_code,
                "expires_at": _iso(expires_at),
            },
        )
        try:
            transaction = self._pse.create_pse_transaction(
                reference=attempt_reference,
                amount_pesos=progress.amount_pesos,
                payer=payer,
                bank_code=bank_code,
                description=DESCRIPTION[progress.kind],
                tokens=tokens,
            )
        except OutcomeUnknown:
            self._advance(reference, S.PAYMENT_UNKNOWN, "payment_outcome_unknown")
            raise
        except GatewayRejected as rejected:
            self._advance(
                reference, S.PAYMENT_FAILED, "payment_rejected", refusal=rejected.error_code
            )
            raise
        except GatewayUnavailable:
            # Nothing reached the gateway: the attempt failed before it existed.
            self._advance(reference, S.PAYMENT_FAILED, "payment_unavailable")
            raise
        self._advance(
            reference,
            S.PAYMENT_PENDING,
            "payment_created",
            gateway=pick_gateway_fields(transaction.journal_fields()),
        )
        bank_url = transaction.bank_url or self._wait_for_bank_url(transaction.id)
        return PaymentStart(
            reference,
            attempt_reference,
            PaymentMode.ASSISTED,
            bank_url,
            progress.amount_pesos,
            expires_at,
        )

    def _wait_for_bank_url(self, transaction_id: str) -> str:
        # The bank URL arrives with the first GET after the create.
        for _ in range(5):
            transaction = self._pse.get_transaction(transaction_id)
            if transaction.bank_url:
                return transaction.bank_url
        raise GatewayUnavailable("pse", "no_bank_url")

    # -- following the payment -------------------------------------------------------

    def _look_up_payment(self, progress: SaleProgress) -> Any | None:
        """The attempt that decides the sale: the approved one, else the newest."""
        reference = progress.attempt_reference or progress.reference
        attempts = self._pse.find_by_reference(reference)
        return self._pse.settle_attempts(attempts) if attempts else None

    def poll_payment(self, reference: str) -> SaleProgress:
        """Ask the gateway once and journal what changed; delivers when approved."""
        progress = self.progress(reference)
        if progress.state not in _PAYMENT_WAITING:
            return progress
        transaction = self._look_up_payment(progress)
        self._apply_payment(progress, transaction, closing=False)
        progress = self.progress(reference)
        if progress.state is S.PAID:
            return self.deliver(reference)
        return progress

    def _apply_payment(self, progress: SaleProgress, transaction: Any, *, closing: bool) -> None:
        """Move the sale after a look-up; ``closing`` means nobody waits on screen any more."""
        reference = progress.reference
        state = progress.state
        now = self._clock()
        if transaction is None:
            if state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN}:
                window = timedelta(seconds=self._config.payment.checkout_ttl_seconds)
                if closing and now - progress.state_since > window:
                    self._advance(reference, S.NOT_CREATED, "payment_not_found")
            elif closing and self._nothing_approvable(progress, now):
                self._close_unpaid(progress, "")
            return
        fields = pick_gateway_fields(transaction.journal_fields())
        status = str(transaction.status)
        if status == "APPROVED":
            self._advance(reference, S.PAID, "payment_approved", gateway=fields)
        elif status == "PENDING":
            if state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_FAILED}:
                self._advance(reference, S.PAYMENT_PENDING, "payment_pending", gateway=fields)
        else:  # DECLINED, VOIDED, ERROR: final for this attempt
            if state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING}:
                self._advance(reference, S.PAYMENT_FAILED, "payment_failed", gateway=fields)
                progress = self.progress(reference)
            if closing and self._nothing_approvable(progress, now):
                self._close_unpaid(progress, status)

    def _nothing_approvable(self, progress: SaleProgress, now: datetime) -> bool:
        """No payment under this sale can still be approved."""
        if progress.mode is PaymentMode.CHECKOUT:
            # The payer may try again on the hosted checkout until it expires.
            return progress.expires_at is not None and now >= progress.expires_at
        return True

    def _close_unpaid(self, progress: SaleProgress, status: str) -> None:
        """Close a sale whose payment can no longer be approved (``status``: last attempt)."""
        reference, state = progress.reference, progress.state
        if state is S.PAYMENT_PENDING:
            # A checkout nobody paid, found after its expiry (e.g. after a restart).
            if not self._advance(reference, S.EXPIRED_UNCONFIRMED, "checkout_expired"):
                return
            state = S.EXPIRED_UNCONFIRMED
        target = {S.CANCELLED_UNCONFIRMED: S.CANCELLED, S.EXPIRED_UNCONFIRMED: S.EXPIRED}.get(state)
        if target is None:  # payment_failed: the last attempt's verdict closes the sale
            if status == "ERROR":
                target = S.ERROR
            elif progress.gateway_transaction_id:
                target = S.DECLINED
            else:
                target = S.NOT_CREATED
        self._advance(reference, target, "sale_closed", gateway_status=status)

    def stop_waiting(self, reference: str, *, expired: bool) -> SaleProgress:
        """The customer cancelled or the QR's countdown ended: stop waiting on screen.

        Nothing is revoked: a signed checkout or a created transaction can still be
        approved, so the sale stays watched until the gateway says otherwise.
        """
        progress = self.progress(reference)
        if progress.state is S.CREATED:
            self._advance(reference, S.CANCELLED, "sale_cancelled")
        elif progress.state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED:
            # The assisted attempt is already final: nothing can be approved any more.
            target = S.NOT_CREATED if not progress.gateway_transaction_id else S.CANCELLED
            self._advance(reference, target, "sale_cancelled")
        elif progress.state in _PAYMENT_WAITING:
            target = S.EXPIRED_UNCONFIRMED if expired else S.CANCELLED_UNCONFIRMED
            self._advance(reference, target, "sale_expired" if expired else "sale_cancelled")
        return self.progress(reference)

    # -- delivering ---------------------------------------------------------------------

    def deliver(self, reference: str) -> SaleProgress:
        """Credit the line once a payment is approved (or settle an unknown top-up)."""
        progress = self.progress(reference)
        if progress.state is S.DELIVERY_UNKNOWN:
            self._settle_delivery(progress)
            progress = self.progress(reference)
        if progress.state is not S.PAID and not (
            progress.state is S.DELIVERY_REQUESTED and self._may_resend(progress)
        ):
            return progress
        line = self._journal.line_for(reference)
        sender = self._journal.line_for(reference, role="sender")
        if progress.state is S.PAID and not self._advance(
            reference, S.DELIVERY_REQUESTED, "delivery_requested"
        ):
            return self.progress(reference)  # somebody else is delivering it
        if line is None:
            self._advance(reference, S.PAID_NOT_DELIVERED, "delivery_refused", refusal="NO_LINE")
            return self.progress(reference)
        try:
            result = self._topups.topup(
                reference=reference,
                operator_id=progress.operator_id,
                amount_pesos=progress.amount_pesos,
                line=line,
                sender_line=sender,
            )
        except GatewayRejected as refused:
            self._advance(
                reference, S.PAID_NOT_DELIVERED, "delivery_refused", refusal=refused.error_code
            )
        except (OutcomeUnknown, GatewayUnavailable, GatewayError):
            self._advance(reference, S.DELIVERY_UNKNOWN, "delivery_outcome_unknown")
            self._settle_delivery(self.progress(reference))
        else:
            self._apply_delivery(reference, result)
        return self.progress(reference)

    def _may_resend(self, progress: SaleProgress) -> bool:
        # delivery_requested after a look-up that found nothing: send the same identifier again.
        return progress.provider_transaction_id == "" and progress.refusal == "NOT_FOUND"

    def _apply_delivery(self, reference: str, result: Any) -> None:
        status = str(result.status).upper()
        fields = pick_provider_fields(result.journal_fields())
        if status == "SUCCESSFUL":
            self._advance(reference, S.DELIVERED, "delivered", provider=fields)
        elif status in {"FAILED", "REFUNDED"}:
            self._advance(
                reference, S.PAID_NOT_DELIVERED, "delivery_refused", provider=fields, refusal=status
            )
        else:  # PENDING or PROCESSING at the provider: look again later
            self._advance(reference, S.DELIVERY_UNKNOWN, "delivery_pending", provider=fields)

    def _settle_delivery(self, progress: SaleProgress) -> None:
        try:
            result = self._topups.find_by_custom_identifier(progress.reference)
        except GatewayError:
            return  # still unknown; the reconciler asks again later
        if result is None:
            # Nothing under our identifier: the top-up never arrived; send it again.
            self._advance(
                progress.reference, S.DELIVERY_REQUESTED, "delivery_not_found", refusal="NOT_FOUND"
            )
            return
        self._apply_delivery(progress.reference, result)

    # -- settling later ------------------------------------------------------------------

    def reconcile(self, reference: str) -> SaleProgress:
        """Settle a sale nobody waits for on screen: look up, deliver, or close."""
        progress = self.progress(reference)
        if is_final(progress.state) or progress.state is S.PAID_NOT_DELIVERED:
            return progress
        if progress.state is S.CREATED:
            self._advance(reference, S.CANCELLED, "sale_abandoned")
        elif progress.state in _PAYMENT_WAITING or progress.state in {
            S.CANCELLED_UNCONFIRMED,
            S.EXPIRED_UNCONFIRMED,
        }:
            self._apply_payment(progress, self._look_up_payment(progress), closing=True)
        progress = self.progress(reference)
        if progress.state in {S.PAID, S.DELIVERY_REQUESTED, S.DELIVERY_UNKNOWN}:
            return self.deliver(reference)
        return progress

    # -- receipts ------------------------------------------------------------------------

    def receipt(self, reference: str) -> Receipt:
        progress = self.progress(reference)
        line = self._journal.line_for(reference)
        return Receipt(
            reference=reference,
            kind=progress.kind,
            state=progress.state,
            amount_pesos=progress.amount_pesos,
            masked_line=mask_line(line) if line else "*** *** ****",
            issued_at=progress.state_since,
            gateway_transaction_id=progress.gateway_transaction_id,
            provider_transaction_id=progress.provider_transaction_id,
            pack_name=progress.pack_name,
            chain_hash_short=progress.last_hash[:12],
            store_name=self._config.store.name,
            kiosk_name=self._config.kiosk_name,
        )


_PAYMENT_WAITING = frozenset(
    {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING, S.PAYMENT_FAILED}
)
