"""Crediting the line once its payment is approved, and settling a top-up of unknown outcome.

``paid -> delivery_requested`` happens once, so a line is credited once even when
the screen and the reconciler race; the provider also refuses a second top-up
under the same custom identifier (the sale reference). A top-up the provider has
already named is only ever looked up, never sent again.
"""

from __future__ import annotations

import logging

from kiosk.domain.errors import JournalError
from kiosk.domain.outcomes import DeliveryOutcome, delivery_outcome
from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import SaleState
from kiosk.gateways.errors import (
    GatewayError,
    GatewayRejected,
    GatewayUnauthorized,
    TopupAlreadySubmitted,
)
from kiosk.gateways.topups import TopupResult
from kiosk.journal.privacy import pick_provider_fields
from kiosk.services.payments import PaymentService
from kiosk.services.ports import JournalReader, TopupProvider
from kiosk.services.recorder import SaleRecorder

log = logging.getLogger(__name__)

S = SaleState


class DeliveryService:
    def __init__(
        self,
        *,
        recorder: SaleRecorder,
        journal: JournalReader,
        topups: TopupProvider,
        payments: PaymentService,
    ) -> None:
        self._recorder = recorder
        self._journal = journal
        self._topups = topups
        self._payments = payments

    def deliver(self, reference: str) -> SaleProgress:
        """Credit the line of an approved sale (or settle an unknown top-up)."""
        return self.deliver_sale(self._recorder.progress(reference))

    def deliver_sale(self, progress: SaleProgress) -> SaleProgress:
        if progress.state is S.DELIVERY_UNKNOWN:
            return self.settle(progress, resend=True)
        if progress.state is not S.PAID:
            return progress
        if progress.paid_amount_pesos not in (None, progress.amount_pesos):
            # Approved for another amount and not yet marked (e.g. after a crash).
            return self._payments.refuse_other_amount(progress)
        progress, moved = self._recorder.advance(
            progress, S.DELIVERY_REQUESTED, "delivery_requested"
        )
        if not moved:
            return progress  # somebody else is delivering it
        return self._send_topup(progress)

    def _send_topup(self, progress: SaleProgress, *, resend: bool = False) -> SaleProgress:
        """One top-up under the sale reference; the sale is in ``delivery_requested``.

        ``resend``: an earlier top-up under this reference may have reached the provider (it
        found none just now, but it may land late): then no answer but a success is read as
        a refusal, whatever it says; a later look-up settles it (GATEWAYS.md §2).
        """
        reference = progress.reference
        try:
            # Checked against the keyed hash the chain holds: a line changed in the line
            # store after payment is never credited.
            line = self._journal.checked_line_for(reference)
            sender = self._journal.checked_line_for(reference, role="sender")
        except JournalError as error:
            if error.code != "journal.line_mismatch":
                raise
            log.warning("sale %s: the stored line does not match the chain; not sent", reference)
            progress, _ = self._recorder.advance(
                progress, S.PAID_NOT_DELIVERED, "delivery_refused", refusal="LINE_MISMATCH"
            )
            return progress
        if line is None or progress.operator_id is None:
            progress, _ = self._recorder.advance(
                progress, S.PAID_NOT_DELIVERED, "delivery_refused", refusal="NO_LINE"
            )
            return progress
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
            progress, _ = self._recorder.advance(progress, S.DELIVERY_UNKNOWN, "delivery_duplicate")
            return self.settle(progress, resend=False)
        except GatewayUnauthorized:
            # Refused before the provider acted (keys, token): nothing delivered, retry later.
            progress, _ = self._recorder.advance(progress, S.DELIVERY_UNKNOWN, "delivery_not_sent")
        except GatewayRejected as refused:
            if resend:
                log.info("sale %s: a resend was refused; only a look-up settles it", reference)
                progress, _ = self._recorder.advance(
                    progress, S.DELIVERY_UNKNOWN, "delivery_resend_refused"
                )
                return progress
            code = refused.error_code or f"HTTP_{refused.params.get('status')}"
            # The provider's own words (long numbers masked by the client) for the clerk.
            said = refused.params.get("provider_message") or None
            progress, _ = self._recorder.advance(
                progress,
                S.PAID_NOT_DELIVERED,
                "delivery_refused",
                refusal=code,
                refusal_message=said,
            )
        except GatewayError:
            # Timed out, unreadable, unavailable: a look-up by reference settles it later.
            progress, _ = self._recorder.advance(
                progress, S.DELIVERY_UNKNOWN, "delivery_outcome_unknown"
            )
        else:
            progress = self._apply(progress, result)
        return progress

    def _apply(self, progress: SaleProgress, result: TopupResult) -> SaleProgress:
        fields = pick_provider_fields(result.journal_fields())
        status = str(result.status)
        outcome = delivery_outcome(status)
        if outcome is DeliveryOutcome.DELIVERED:
            progress, _ = self._recorder.advance(
                progress, S.DELIVERED, "delivered", provider=fields
            )
        elif outcome is DeliveryOutcome.REFUSED:
            progress, _ = self._recorder.advance(
                progress, S.PAID_NOT_DELIVERED, "delivery_refused", provider=fields, refusal=status
            )
        else:
            progress, _ = self._recorder.advance(
                progress, S.DELIVERY_UNKNOWN, "delivery_pending", provider=fields
            )
        return progress

    def settle(self, progress: SaleProgress, *, resend: bool) -> SaleProgress:
        """Look the top-up up by reference; if the provider has none, send it (``resend``)."""
        reference = progress.reference
        result: TopupResult | None
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
            return self._apply(progress, result)
        if resend:
            progress, moved = self._recorder.advance(
                progress, S.DELIVERY_REQUESTED, "delivery_not_found", refusal="NOT_FOUND"
            )
            if moved:
                # The same custom identifier: the provider refuses it if the first one lands late.
                return self._send_topup(progress, resend=True)
        return progress
