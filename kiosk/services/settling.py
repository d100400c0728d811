"""Settling a sale nobody waits for on screen: look it up, deliver it, or close it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from kiosk.config import Config
from kiosk.domain.outcomes import AWAITING_PAYMENT, UNCONFIRMED
from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import SaleState, is_final
from kiosk.services.delivery import DeliveryService
from kiosk.services.payments import PaymentService
from kiosk.services.recorder import SaleRecorder

S = SaleState


class SettlingService:
    def __init__(
        self,
        *,
        recorder: SaleRecorder,
        payments: PaymentService,
        deliveries: DeliveryService,
        config: Config,
        clock: Callable[[], datetime],
    ) -> None:
        self._recorder = recorder
        self._payments = payments
        self._deliveries = deliveries
        self._config = config
        self._clock = clock

    def follow(self, reference: str) -> SaleProgress:
        """One look while the customer waits: the payment, then the delivery it allows."""
        progress = self._payments.poll(reference)
        return self._deliveries.deliver_sale(progress)

    def reconcile(self, reference: str, *, at_start_up: bool = False) -> SaleProgress:
        """Settle a sale nobody waits for on screen: look up, deliver, or close.

        ``at_start_up``: the app has just started holding the journal's instance lock and
        sent nothing yet, so a top-up journaled as requested cannot still be on its way:
        it was interrupted (a crash, a stop) and is settled at once, not after its deadline.
        """
        progress = self._recorder.progress(reference)
        if is_final(progress.state) or progress.state is S.PAID_NOT_DELIVERED:
            return progress
        now = self._clock()
        if progress.state is S.CREATED:
            # Nothing was sent, nothing is owed; give a screen that is starting it time.
            started = now - progress.state_since
            if started >= timedelta(seconds=self._config.payment.checkout_ttl_seconds):
                progress, _ = self._recorder.advance(progress, S.CANCELLED, "sale_abandoned")
            return progress
        if progress.state in AWAITING_PAYMENT or progress.state in UNCONFIRMED:
            transaction = self._payments.look_up(progress)
            progress = self._payments.apply_answer(progress, transaction, closing=True)
        if progress.state is S.DELIVERY_REQUESTED:
            # Journaled before a top-up that never reported back (a crash, a stop): the
            # send's deadline is long past, so its outcome is unknown, not in progress.
            interrupted = timedelta(seconds=2 * self._config.timeouts.deadline_seconds)
            if at_start_up or now - progress.state_since >= interrupted:
                progress, _ = self._recorder.advance(
                    progress, S.DELIVERY_UNKNOWN, "delivery_interrupted"
                )
        return self._deliveries.deliver_sale(progress)
