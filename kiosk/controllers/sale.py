"""The sale in progress on screen: pay, wait for the verdict, deliver, tell the screen.

Runs every :class:`~kiosk.services.sales.SaleService` call on a worker and
reports through signals; polls the gateway every ``poll_fast_seconds`` for the
first ``poll_fast_window_seconds`` and every ``poll_slow_seconds`` after that.
Cancel and expiry only stop the waiting: the reconciler keeps following the sale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import PaymentConfig
from kiosk.controllers.worker import run
from kiosk.domain.payer import PayerData
from kiosk.domain.sale import PaymentMode, SaleState
from kiosk.messages import describe
from kiosk.services.sale_record import SaleProgress
from kiosk.services.sales import PaymentStart, SaleRequest, SaleService, utc_now

log = logging.getLogger(__name__)
S = SaleState

#: States in which the payment screen keeps polling.
_WAITING = frozenset({S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING, S.PAYMENT_FAILED})
#: Approved: nothing left to cancel or to let expire on screen.
PAID_STATES = frozenset({S.PAID, S.DELIVERY_REQUESTED, S.DELIVERY_UNKNOWN})


class SaleController(QObject):
    """One sale at a time, as the screens see it."""

    #: The QR and countdown to show (a :class:`PaymentStart`).
    paymentStarted = Signal(object)
    #: The sale moved (a :class:`SaleProgress`); the payment screen updates its status text.
    progressChanged = Signal(object)
    #: Every answer of a poll, moved or not (a :class:`SaleProgress`): "still waiting".
    polled = Signal(object)
    #: The screen is done waiting: show the result (a :class:`~kiosk.domain.receipt.Receipt`).
    finished = Signal(object)
    #: Something the user must fix or know before a payment exists (text in their words).
    failed = Signal(str)
    #: An assisted attempt was refused or failed: the clerk may correct and try again.
    attemptFailed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        service: SaleService,
        timing: PaymentConfig,
        *,
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._timing = timing
        self._clock = clock
        self._reference = ""
        #: Bumped by every new sale and by ``reset``: answers of an older one are dropped.
        self._generation = 0
        #: True while the sale is on screen and not yet ended (the reconciler keeps off it).
        self._following = False
        #: True while the payment screen waits for the verdict (polls are scheduled).
        self._waiting = False
        #: The create's answer was lost: no QR shown yet; show it once the payment is found.
        self._qr_missing = False
        self._fetching_qr = False
        self._waiting_since: datetime | None = None
        self._polling = False
        self._last_state: SaleState | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._poll)

    # -- what the screens ask ------------------------------------------------------

    @property
    def reference(self) -> str:
        return self._reference

    def is_active(self, reference: str) -> bool:
        """True while this screen follows ``reference`` (the reconciler leaves it alone).

        Called from the reconciler's worker. A sale whose result is on screen is no longer
        followed (a cancelled or pending one must be reconciled while the customer still
        reads the receipt), except a declined assisted one that the clerk may try again.
        """
        return self._following and bool(reference) and reference == self._reference

    def begin(
        self,
        request: SaleRequest,
        mode: PaymentMode,
        payer: PayerData | None = None,
        bank_code: str = "",
    ) -> None:
        """Journal the sale and start its payment in ``mode``."""
        generation = self._new_generation()
        self._following = True
        self.busyChanged.emit(True)

        def operation() -> PaymentStart:
            reference = self._service.open_sale(request)
            if generation == self._generation:
                # Known at once, so the reconciler never takes the new sale for abandoned.
                self._reference = reference
            if mode is PaymentMode.CHECKOUT:
                return self._service.start_checkout(reference)
            assert payer is not None
            return self._service.start_assisted(reference, payer, bank_code)

        self._start(operation, generation, "begin_sale")

    def retry(self, payer: PayerData, bank_code: str) -> None:
        """A new assisted attempt for the same sale after a refused or declined one."""
        reference = self._reference
        if not reference:
            return
        self._stop_timer()
        self._following = True
        self.busyChanged.emit(True)
        self._start(
            lambda: self._service.start_assisted(reference, payer, bank_code),
            self._generation,
            "retry",
        )

    def cancel(self) -> None:
        self._stop_waiting(expired=False)

    def expire(self) -> None:
        self._stop_waiting(expired=True)

    def reset(self) -> None:
        """Forget the sale on screen (a new sale, the kiosk went idle, the app closes)."""
        self._new_generation()

    # -- what comes back -------------------------------------------------------------

    def _new_generation(self) -> int:
        self._stop_timer()
        self._waiting = False
        self._qr_missing = False
        self._fetching_qr = False
        self._generation += 1
        self._following = False
        self._polling = False
        self._reference = ""
        return self._generation

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _start(self, operation: Callable[[], PaymentStart], generation: int, name: str) -> None:
        run(operation, name=name).on_success(
            lambda start: self._payment_started(generation, start)
        ).on_failure(lambda error: self._start_failed(generation, error))

    def _payment_started(self, generation: int, start: PaymentStart) -> None:
        if not self._current(generation):
            return  # the screen moved on (or the app closes): the reconciler follows it
        self._reference = start.reference
        self._qr_missing = False
        self.busyChanged.emit(False)
        # Waiting is set up before anyone hears of it: a listener may cancel right away.
        self._start_waiting()
        self._last_state = None
        self._schedule_poll()
        self.paymentStarted.emit(start)

    def _start_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self.busyChanged.emit(False)
        message = describe(error)
        if not self._reference:
            self._following = False
            self.failed.emit(message)
            return
        # The sale exists: see where it stands (refused attempt, unknown outcome...).
        reference = self._reference
        run(lambda: self._service.progress(reference), name="progress").on_success(
            lambda progress: self._after_start_failure(generation, progress, message)
        ).on_failure(lambda _error: self._current(generation) and self.failed.emit(message))

    def _after_start_failure(self, generation: int, progress: SaleProgress, message: str) -> None:
        if not self._current(generation):
            return
        if progress.state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED:
            self.progressChanged.emit(progress)
            # Still followed: the clerk corrects the payer's data and tries again.
            self.attemptFailed.emit(message)
        elif progress.state is S.PAID:
            # Approved although the start failed (e.g. no bank URL): follow the delivery,
            # so its verdict reaches the screen.
            self._start_waiting()
            self._last_state = progress.state
            self.progressChanged.emit(progress)
            self._deliver(generation)
        elif progress.state in _WAITING:
            # Unknown outcome: keep asking the gateway; the payment may exist. Waiting is
            # set up before the screens hear of it (they may offer to stop waiting).
            self._qr_missing = True
            self._start_waiting()
            self._last_state = progress.state
            self._schedule_poll()
            self.progressChanged.emit(progress)
        else:
            self.progressChanged.emit(progress)
            # Nothing was paid (e.g. the terms could not be fetched): the clerk may try
            # again in the same sale, so it stays followed until the screen moves on.
            self.failed.emit(message)

    def _start_waiting(self) -> None:
        self._waiting = True
        self._waiting_since = self._clock()

    @property
    def poll_interval_ms(self) -> int:
        """The wait before the next poll (fast at first, then slow), for status and tests."""
        return self._timer.interval()

    def _schedule_poll(self) -> None:
        elapsed = (self._clock() - (self._waiting_since or self._clock())).total_seconds()
        fast = elapsed < self._timing.poll_fast_window_seconds
        seconds = self._timing.poll_fast_seconds if fast else self._timing.poll_slow_seconds
        self._timer.start(max(1, int(seconds * 1000)))

    def _poll(self) -> None:
        reference, generation = self._reference, self._generation
        if not reference or self._polling or not self._waiting:
            return
        self._polling = True
        run(lambda: self._service.poll_payment(reference, deliver=False), name="poll").on_success(
            lambda progress: self._polled(generation, progress)
        ).on_failure(lambda error: self._poll_failed(generation, error))

    def _deliver(self, generation: int) -> None:
        """Approved: the screen already says so; now credit the line (a separate step)."""
        reference = self._reference
        self._polling = True
        run(lambda: self._service.deliver(reference), name="deliver").on_success(
            lambda progress: self._polled(generation, progress)
        ).on_failure(lambda error: self._poll_failed(generation, error))

    def _polled(self, generation: int, progress: SaleProgress) -> None:
        if not self._current(generation):
            return  # the screen moved on meanwhile
        self._polling = False
        if not self._waiting:
            return  # cancelled or expired meanwhile: stopping the wait settles the sale
        if progress.state is not self._last_state:
            self._last_state = progress.state
            self.progressChanged.emit(progress)
        self.polled.emit(progress)
        if progress.state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED:
            # Declined: the result screen offers a new attempt, so the sale stays followed
            # (a reconciliation pass would otherwise close it under the clerk's hands).
            self._finish(generation, keep_following=True)
        elif progress.state is S.PAID:
            self._deliver(generation)
        elif progress.state in _WAITING:
            if self._qr_missing and not self._fetching_qr and progress.state is S.PAYMENT_PENDING:
                self._fetch_qr(generation)
            self._schedule_poll()
        else:
            self._finish(generation)

    def _fetch_qr(self, generation: int) -> None:
        """The payment of a lost create answer exists: its QR (bank URL) can be shown now."""
        reference = self._reference
        self._fetching_qr = True
        run(lambda: self._service.payment_start(reference), name="payment_start").on_success(
            lambda start: self._qr_found(generation, start)
        ).on_failure(lambda error: self._qr_found(generation, None, error))

    def _qr_found(
        self, generation: int, start: PaymentStart | None, error: BaseException | None = None
    ) -> None:
        if not self._current(generation):
            return
        self._fetching_qr = False
        if error is not None:
            log.info("the QR of %s is not known yet: %s", self._reference, type(error).__name__)
        if start is None or not self._waiting:
            return  # not known yet (the next poll asks again), or the screen moved on
        if self._qr_missing:
            self._qr_missing = False
            self.paymentStarted.emit(start)

    def _poll_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self._polling = False
        if not self._waiting:
            return
        # A gateway hiccup while waiting is not a verdict: keep waiting.
        code = getattr(error, "code", type(error).__name__)
        log.info("poll %s failed: %s", self._reference, code)
        self._schedule_poll()

    def _stop_waiting(self, *, expired: bool) -> None:
        reference, generation = self._reference, self._generation
        self._stop_timer()
        if not reference or not self._waiting:
            return  # nothing waits (a second cancel, or the verdict is already in)
        if self._last_state in PAID_STATES:
            # Approved: the line is being credited; the countdown or a late cancel must not
            # hide the verdict the customer is about to see.
            return
        self._waiting = False
        self.busyChanged.emit(True)

        def operation() -> SaleProgress:
            progress = self._service.stop_waiting(reference, expired=expired)
            # A last look: an approval that arrived just now is delivered at once.
            if progress.state in {S.CANCELLED_UNCONFIRMED, S.EXPIRED_UNCONFIRMED}:
                progress = self._service.reconcile(reference)
            return progress

        def done(progress: SaleProgress) -> None:
            if not self._current(generation):
                return
            self.busyChanged.emit(False)
            self.progressChanged.emit(progress)
            self._finish(generation)

        def failed(error: BaseException) -> None:
            if not self._current(generation):
                return
            log.info("stop waiting %s failed: %s", reference, type(error).__name__)
            self.busyChanged.emit(False)
            self._finish(generation)

        run(operation, name="stop_waiting").on_success(done).on_failure(failed)

    def _finish(self, generation: int, *, keep_following: bool = False) -> None:
        self._stop_timer()
        self._waiting = False
        self._following = keep_following
        reference = self._reference
        run(lambda: self._service.receipt(reference), name="receipt").on_success(
            lambda receipt: self._current(generation) and self.finished.emit(receipt)
        ).on_failure(lambda error: self._current(generation) and self.failed.emit(describe(error)))

    def _stop_timer(self) -> None:
        self._timer.stop()
