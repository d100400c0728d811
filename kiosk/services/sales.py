"""The sale flow in plain Python: create, pay by PSE, deliver, settle unknowns.

Rules that keep a payment from being lost or a line from being credited twice:

* a committed journal entry comes before each outside call that changes
  something (a PSE create, a top-up), carrying the reference that makes the
  call idempotent; an answer that changes the sale is journaled too, an answer
  that changes nothing is not;
* a sale only moves along the state machine; the journal checks every move
  under its write lock, so a duplicate, late or reordered answer is refused
  there and changes nothing;
* ``paid -> delivery_requested`` happens once, so a line is credited once even
  when the screen and the reconciler race; the provider also refuses a second
  top-up under the same custom identifier (the sale reference);
* a sale is closed unpaid only when no payment under it can still be approved:
  a checkout link can be paid (again, after a decline) until its signed expiry,
  a create whose answer was lost may still arrive until its expiration time.

Every method blocks (network, journal): controllers call them on a worker.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.config import Config
from kiosk.domain.catalogue import Pack
from kiosk.domain.errors import SaleTransitionError
from kiosk.domain.payer import PayerData
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState, is_final
from kiosk.gateways.errors import (
    GatewayError,
    GatewayRejected,
    GatewayUnauthorized,
    GatewayUnavailable,
    TopupAlreadySubmitted,
)
from kiosk.gateways.pse import format_expiration
from kiosk.journal.privacy import pick_gateway_fields, pick_provider_fields
from kiosk.journal.references import attempt_reference as attempt_reference_of
from kiosk.services.sale_record import SaleProgress, fold_progress

log = logging.getLogger(__name__)

S = SaleState
WRITE_TIMEOUT_SECONDS = 30.0
#: PSE's payment description: at most 30 characters, no ``|`` or ``"``.
DESCRIPTION = {SaleKind.TOPUP: "Recarga celular", SaleKind.GIFT_PACK: "Paquete de regalo"}
#: After an expiry, wait this long before calling a payment impossible: the gateway's
#: clock may lag ours, and a create sent at the last second may still be on its way.
EXPIRY_GRACE = timedelta(seconds=60)
#: How long the bank URL of a new assisted payment may take to appear.
BANK_URL_WAIT_SECONDS = 10.0
BANK_URL_PAUSE_SECONDS = 0.5

#: States in which a payment answer may still move the sale.
PAYMENT_WAITING = frozenset(
    {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING, S.PAYMENT_FAILED}
)
#: The screen stopped waiting; only the gateway's answer closes these.
UNCONFIRMED = frozenset({S.CANCELLED_UNCONFIRMED, S.EXPIRED_UNCONFIRMED})
_APPROVED, _PENDING, _ERROR = "APPROVED", "PENDING", "ERROR"


@dataclass(frozen=True)
class SaleRequest:
    kind: SaleKind
    #: Full lines stay out of repr: a log line or a traceback never shows them.
    line: str = field(repr=False)
    amount_pesos: int
    operator_id: int
    pack: Pack | None = None
    sender_line: str | None = field(default=None, repr=False)


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
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._journal = journal
        self._writer = writer
        self._pse = pse
        self._topups = topups
        self._config = config
        self._actor = actor
        self._clock = clock
        self._new_reference = new_reference
        self._sleep = sleep

    # -- journal -----------------------------------------------------------------

    def _record(self, reference: str, state: SaleState, event: str, **kwargs: Any) -> None:
        future = self._writer.record(reference, state, event=event, actor=self._actor, **kwargs)
        future.result(timeout=WRITE_TIMEOUT_SECONDS)

    def _advance(self, reference: str, state: SaleState, event: str, **data: Any) -> bool:
        """Journal a move; False when the sale already moved on (a late or duplicate answer)."""
        data = {key: value for key, value in data.items() if value is not None}
        try:
            self._record(reference, state, event, data=data or None)
        except SaleTransitionError:
            log.info("sale %s: %s refused (the sale already moved on)", reference, event)
            return False
        return True

    def progress(self, reference: str) -> SaleProgress:
        """Where the sale stands, from its journal entries; KeyError for an unknown sale."""
        progress = fold_progress(self._journal.entries_for(reference))
        if progress is None:
            raise KeyError(reference)
        return progress

    # -- creating and paying -------------------------------------------------------

    def open_sale(self, request: SaleRequest) -> str:
        """Journal a new sale (the line is stored apart from the chain); returns its reference."""
        if (request.kind is SaleKind.GIFT_PACK) != (request.pack is not None):
            raise ValueError("a gift pack sale needs its pack, a top-up has none")
        if request.pack is not None and request.pack.amount_pesos != request.amount_pesos:
            raise ValueError("a gift pack costs its pack's price")
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
            sender_line=request.sender_line or None,
            data=data,
        )
        return reference

    def _new_attempt(self, progress: SaleProgress, mode: PaymentMode) -> tuple[int, str]:
        """The next attempt's number and reference; refuse while an attempt can still be paid.

        A new attempt follows a created sale or a final assisted attempt. A checkout
        link stays payable until it expires, so nothing replaces it meanwhile (the
        payer retries on the phone): two live attempts could both be paid.
        """
        state = progress.state
        after_final_attempt = state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED
        if not (state is S.CREATED or after_final_attempt):
            target = S.PAYMENT_PENDING if mode is PaymentMode.CHECKOUT else S.PAYMENT_REQUESTED
            raise SaleTransitionError("sale.transition", current=str(state), target=str(target))
        attempt = progress.attempt + 1
        return attempt, attempt_reference_of(progress.reference, attempt)

    def _expiry(self) -> datetime:
        # Whole milliseconds: the journaled text and the signed one must be the same instant.
        moment = self._clock() + timedelta(seconds=self._config.payment.checkout_ttl_seconds)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

    def start_checkout(self, reference: str) -> PaymentStart:
        """Sign a hosted checkout for the sale; the QR opens it on the payer's phone."""
        progress = self.progress(reference)
        attempt, attempt_ref = self._new_attempt(progress, PaymentMode.CHECKOUT)
        expires_at = self._expiry()
        url = self._pse.checkout_url(attempt_ref, progress.amount_pesos, expires_at)
        # Journaled before the QR is shown: from then on a payment may arrive.
        self._record(
            reference,
            S.PAYMENT_PENDING,
            "checkout_issued",
            data={
                "mode": PaymentMode.CHECKOUT.value,
                "attempt": attempt,
                "attempt_reference": attempt_ref,
                "expires_at": format_expiration(expires_at),
            },
        )
        return PaymentStart(
            reference, attempt_ref, PaymentMode.CHECKOUT, url, progress.amount_pesos, expires_at
        )

    def start_assisted(self, reference: str, payer: PayerData, bank_code: str) -> PaymentStart:
        """Create a PSE transaction with the payer's data typed by the clerk.

        Raises :class:`GatewayRejected` (fields to fix; a new attempt may follow),
        :class:`GatewayUnavailable` (nothing was sent; a new attempt may follow) or
        another :class:`GatewayError` such as ``OutcomeUnknown`` (the sale waits in
        ``payment_unknown`` until a look-up settles it).
        """
        progress = self.progress(reference)
        attempt, attempt_ref = self._new_attempt(progress, PaymentMode.ASSISTED)
        tokens = self._pse.acceptance_tokens()  # fresh for each create; nothing sent yet
        expires_at = self._expiry()
        self._record(
            reference,
            S.PAYMENT_REQUESTED,
            "payment_requested",
            data={
                "mode": PaymentMode.ASSISTED.value,
                "attempt": attempt,
                "attempt_reference": attempt_ref,
                "bank_code": bank_code,
                "expires_at": format_expiration(expires_at),
            },
        )
        try:
            transaction = self._pse.create_pse_transaction(
                reference=attempt_ref,
                amount_pesos=progress.amount_pesos,
                payer=payer,
                bank_code=bank_code,
                description=DESCRIPTION[progress.kind],
                tokens=tokens,
                # The gateway refuses a create that arrives later: after it, "not found" is final.
                expiration_time=expires_at,
            )
        except GatewayRejected as rejected:
            self._advance(
                reference,
                S.PAYMENT_FAILED,
                "payment_rejected",
                payment_refusal=rejected.error_code or f"HTTP_{rejected.params.get('status')}",
            )
            raise
        except GatewayUnavailable:
            # Raised for a create only when the request surely never left.
            self._advance(reference, S.PAYMENT_FAILED, "payment_unavailable")
            raise
        except GatewayError:
            # OutcomeUnknown (or an answer we cannot read): it may exist; a look-up settles it.
            self._advance(reference, S.PAYMENT_UNKNOWN, "payment_outcome_unknown")
            raise
        self._apply_payment(self.progress(reference), transaction, closing=False)
        bank_url = transaction.bank_url or self._wait_for_bank_url(transaction.id)
        mode, amount = PaymentMode.ASSISTED, progress.amount_pesos
        return PaymentStart(reference, attempt_ref, mode, bank_url, amount, expires_at)

    def _wait_for_bank_url(self, transaction_id: str) -> str:
        # The bank URL comes with a GET after the create, sometimes only after a moment.
        give_up = time.monotonic() + BANK_URL_WAIT_SECONDS
        while True:
            try:
                transaction = self._pse.get_transaction(transaction_id)
            except GatewayUnavailable:
                if time.monotonic() >= give_up:
                    raise
            else:
                if transaction.bank_url:
                    return transaction.bank_url
                if time.monotonic() >= give_up:
                    raise GatewayUnavailable("pse", "no_bank_url")
            self._sleep(BANK_URL_PAUSE_SECONDS)

    def payment_start(self, reference: str) -> PaymentStart | None:
        """The QR of the attempt in progress again (e.g. once an unknown create is found).

        None when the sale waits for no payment or the attempt's URL is not known.
        """
        progress = self.progress(reference)
        if progress.state not in PAYMENT_WAITING or progress.expires_at is None:
            return None
        if progress.mode is PaymentMode.CHECKOUT:
            url = self._pse.checkout_url(
                progress.attempt_reference, progress.amount_pesos, progress.expires_at
            )
        else:
            transaction = self._look_up_payment(progress)
            url = transaction.bank_url if transaction is not None else None
            if not url:
                return None
        assert progress.mode is not None
        return PaymentStart(
            reference,
            progress.attempt_reference,
            progress.mode,
            url,
            progress.amount_pesos,
            progress.expires_at,
        )

    # -- following the payment -------------------------------------------------------

    def _look_up_payment(self, progress: SaleProgress) -> Any | None:
        """The attempt that decides the sale: the approved one, else the newest; None if none."""
        if progress.mode is PaymentMode.ASSISTED and progress.attempt_transaction_id:
            # One transaction per assisted attempt, and its id is known: ask for it directly.
            return self._pse.get_transaction(progress.attempt_transaction_id)
        attempts = self._pse.find_by_reference(progress.attempt_reference or progress.reference)
        return self._pse.settle_attempts(attempts) if attempts else None

    def poll_payment(self, reference: str, *, deliver: bool = True) -> SaleProgress:
        """Ask the gateway once and journal what changed; delivers when approved.

        With ``deliver=False`` an approved sale is returned ``paid``, so the screen can say
        "approved" before the top-up is sent (the caller then calls :meth:`deliver`).
        """
        progress = self.progress(reference)
        if progress.state in PAYMENT_WAITING:
            progress = self._apply_payment(progress, self._look_up_payment(progress), closing=False)
        if progress.state is S.PAID:
            return self.deliver(reference) if deliver else progress
        if progress.state is S.DELIVERY_UNKNOWN:
            return self._settle_delivery(progress, resend=True)
        return progress

    def apply_payment_answer(self, reference: str, transaction: Any) -> SaleProgress:
        """Journal what one gateway answer changes (a relayed event, a late look-up).

        ``transaction`` is a :class:`~kiosk.gateways.pse.PseTransaction`. An answer
        about another attempt, or one the sale has moved past, changes nothing.
        """
        return self._apply_payment(self.progress(reference), transaction, closing=False)

    def _apply_payment(
        self, progress: SaleProgress, transaction: Any | None, *, closing: bool
    ) -> SaleProgress:
        """Move the sale after a look-up; ``closing`` means nobody waits on screen any more."""
        reference = progress.reference
        if transaction is None:
            if closing:
                self._close_unpaid(progress, found="")
            return self.progress(reference)
        if transaction.reference != (progress.attempt_reference or reference):
            log.info("sale %s: answer about another attempt ignored", reference)
            return progress
        fields = pick_gateway_fields(transaction.journal_fields())
        status = str(transaction.status)
        if status == _APPROVED:
            paid = self._advance(reference, S.PAID, "payment_approved", gateway=fields)
            if paid and transaction.amount_pesos != progress.amount_pesos:
                # Only the sale's own amount is fulfilled; an admin settles the difference.
                self._advance(
                    reference,
                    S.PAID_NOT_DELIVERED,
                    "payment_amount_mismatch",
                    refusal="AMOUNT_MISMATCH",
                )
        elif status == _PENDING:
            if progress.state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_FAILED}:
                self._advance(reference, S.PAYMENT_PENDING, "payment_pending", gateway=fields)
        else:  # DECLINED, VOIDED, ERROR: final for this attempt (a checkout may be retried)
            if progress.state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING}:
                self._advance(reference, S.PAYMENT_FAILED, "payment_failed", gateway=fields)
            if closing:
                self._close_unpaid(self.progress(reference), found=status)
        return self.progress(reference)

    def _payable_until(self, progress: SaleProgress) -> datetime:
        """When the current attempt stops being payable, grace included."""
        expires_at = progress.expires_at or progress.state_since + timedelta(
            seconds=self._config.payment.checkout_ttl_seconds
        )
        return expires_at + EXPIRY_GRACE

    def _nothing_approvable(self, progress: SaleProgress, found: str) -> bool:
        """No payment under this sale can still be approved (``found``: the last attempt's
        final status, or "" when the gateway knows no transaction for it)."""
        if progress.mode is PaymentMode.CHECKOUT:
            # The payer may open the link, or try again after a decline, until it expires.
            return self._clock() >= self._payable_until(progress)
        if found or progress.state is S.PAYMENT_FAILED:
            # The assisted attempt is final, or its create was refused or never sent.
            return True
        # A create whose answer was lost may still arrive until its expiration time.
        return self._clock() >= self._payable_until(progress)

    def _close_unpaid(self, progress: SaleProgress, *, found: str) -> None:
        """Close a sale whose payment can no longer be approved; else leave it watched."""
        if not self._nothing_approvable(progress, found):
            return
        reference, state = progress.reference, progress.state
        if state is S.PAYMENT_PENDING:
            # A checkout nobody paid, found after its expiry (e.g. after a restart).
            if not self._advance(reference, S.EXPIRED_UNCONFIRMED, "checkout_expired"):
                return
            state = S.EXPIRED_UNCONFIRMED
        if state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN}:
            target = S.NOT_CREATED
        elif state is S.CANCELLED_UNCONFIRMED:
            target = S.CANCELLED
        elif state is S.EXPIRED_UNCONFIRMED:
            target = S.EXPIRED
        elif state is S.PAYMENT_FAILED:
            target = _verdict(found or progress.gateway_status)
        else:
            return
        self._advance(reference, target, "sale_closed", gateway_status=found or None)

    def stop_waiting(self, reference: str, *, expired: bool) -> SaleProgress:
        """The customer cancelled or the QR's countdown ended: stop waiting on screen.

        Nothing is revoked: a signed checkout or a created transaction can still be
        approved, so the sale stays watched until the gateway says otherwise.
        """
        progress = self.progress(reference)
        state = progress.state
        event = "screen_expired" if expired else "screen_cancelled"
        if state is S.CREATED:
            self._advance(reference, S.CANCELLED, event)
        elif state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED:
            # The assisted attempt is already final: nothing can be approved any more.
            target = S.CANCELLED if progress.gateway_transaction_id else S.NOT_CREATED
            self._advance(reference, target, event)
        elif state in {S.PAYMENT_PENDING, S.PAYMENT_FAILED}:
            target = S.EXPIRED_UNCONFIRMED if expired else S.CANCELLED_UNCONFIRMED
            self._advance(reference, target, event)
        elif state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN}:
            # The one "stopped waiting" state a create of unknown outcome may move to.
            self._advance(reference, S.CANCELLED_UNCONFIRMED, event)
        return self.progress(reference)

    # -- delivering ---------------------------------------------------------------------

    def deliver(self, reference: str) -> SaleProgress:
        """Credit the line once its payment is approved (or settle an unknown top-up)."""
        progress = self.progress(reference)
        if progress.state is S.DELIVERY_UNKNOWN:
            return self._settle_delivery(progress, resend=True)
        if progress.state is not S.PAID:
            return progress
        if progress.paid_amount_pesos not in (None, progress.amount_pesos):
            # Approved for another amount (and not yet marked, e.g. after a crash): only the
            # sale's own amount is ever fulfilled; an admin settles the difference.
            self._advance(
                reference,
                S.PAID_NOT_DELIVERED,
                "payment_amount_mismatch",
                refusal="AMOUNT_MISMATCH",
            )
            return self.progress(reference)
        if not self._advance(reference, S.DELIVERY_REQUESTED, "delivery_requested"):
            return self.progress(reference)  # somebody else is delivering it
        return self._send_topup(progress)

    def _send_topup(self, progress: SaleProgress) -> SaleProgress:
        """One top-up under the sale reference; the sale is in ``delivery_requested``."""
        reference = progress.reference
        line = self._journal.line_for(reference)
        if line is None:
            self._advance(reference, S.PAID_NOT_DELIVERED, "delivery_refused", refusal="NO_LINE")
            return self.progress(reference)
        sender = self._journal.line_for(reference, role="sender")
        try:
            result = self._topups.topup(
                reference=reference,
                operator_id=progress.operator_id,
                amount_pesos=progress.amount_pesos,
                line=line,
                sender_line=sender,
            )
        except TopupAlreadySubmitted:
            # Sent before (an answer was lost): look it up, never send it as new.
            self._advance(reference, S.DELIVERY_UNKNOWN, "delivery_duplicate")
            return self._settle_delivery(self.progress(reference), resend=False)
        except GatewayUnauthorized:
            # Refused before the provider acted (keys, token): nothing delivered, retry later.
            self._advance(reference, S.DELIVERY_UNKNOWN, "delivery_not_sent")
        except GatewayRejected as refused:
            code = refused.error_code or f"HTTP_{refused.params.get('status')}"
            self._advance(reference, S.PAID_NOT_DELIVERED, "delivery_refused", refusal=code)
        except GatewayError:
            # Timed out, unreadable, unavailable: a look-up by reference settles it later.
            self._advance(reference, S.DELIVERY_UNKNOWN, "delivery_outcome_unknown")
        else:
            self._apply_delivery(reference, result)
        return self.progress(reference)

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

    def _settle_delivery(self, progress: SaleProgress, *, resend: bool) -> SaleProgress:
        """Look the top-up up by reference; if the provider has none, send it (``resend``)."""
        reference = progress.reference
        try:
            if progress.provider_transaction_id:
                # The provider already named the top-up: ask about that one, never resend.
                result = self._topups.get_transaction(progress.provider_transaction_id)
                resend = False
            else:
                result = self._topups.find_by_custom_identifier(reference)
        except GatewayError as error:
            log.info("sale %s: top-up look-up failed (%s)", reference, error.code)
            return progress  # still unknown; the reconciler asks again later
        if result is not None:
            self._apply_delivery(reference, result)
        elif resend and self._advance(
            reference, S.DELIVERY_REQUESTED, "delivery_not_found", refusal="NOT_FOUND"
        ):
            # The same custom identifier: the provider refuses it if the first one lands late.
            return self._send_topup(self.progress(reference))
        return self.progress(reference)

    # -- settling later ------------------------------------------------------------------

    def reconcile(self, reference: str) -> SaleProgress:
        """Settle a sale nobody waits for on screen: look up, deliver, or close."""
        progress = self.progress(reference)
        if is_final(progress.state) or progress.state is S.PAID_NOT_DELIVERED:
            return progress
        now = self._clock()
        if progress.state is S.CREATED:
            # Nothing was sent, nothing is owed; give a screen that is starting it time.
            started = now - progress.state_since
            if started >= timedelta(seconds=self._config.payment.checkout_ttl_seconds):
                self._advance(reference, S.CANCELLED, "sale_abandoned")
            return self.progress(reference)
        if progress.state in PAYMENT_WAITING or progress.state in UNCONFIRMED:
            progress = self._apply_payment(progress, self._look_up_payment(progress), closing=True)
        if progress.state is S.DELIVERY_REQUESTED:
            # Journaled before a top-up that never reported back (a crash, a stop): the
            # send's deadline is long past, so its outcome is unknown, not in progress.
            interrupted = timedelta(seconds=2 * self._config.timeouts.deadline_seconds)
            if now - progress.state_since >= interrupted and self._advance(
                reference, S.DELIVERY_UNKNOWN, "delivery_interrupted"
            ):
                progress = self.progress(reference)
        if progress.state is S.PAID:
            return self.deliver(reference)
        if progress.state is S.DELIVERY_UNKNOWN:
            return self._settle_delivery(progress, resend=True)
        return progress

    # -- receipts ------------------------------------------------------------------------

    def receipt(self, reference: str) -> Receipt:
        progress = self.progress(reference)
        return Receipt(
            reference=reference,
            kind=progress.kind,
            state=progress.state,
            amount_pesos=progress.amount_pesos,
            # From the chain: a receipt never needs (nor shows) the full line.
            masked_line=progress.line_masked or "*** *** ****",
            issued_at=progress.state_since,
            gateway_transaction_id=progress.gateway_transaction_id,
            provider_transaction_id=progress.provider_transaction_id,
            cus=progress.traceability_code,
            pack_name=progress.pack_name,
            chain_hash_short=progress.last_hash[:12],
            store_name=self._config.store.name,
            kiosk_name=self._config.kiosk_name,
        )


def _verdict(status: str) -> SaleState:
    """How a sale closes after its last attempt failed with ``status``."""
    if status == _ERROR:
        return S.ERROR
    if status:
        return S.DECLINED  # DECLINED or VOIDED
    return S.NOT_CREATED  # no attempt ever reached the gateway
