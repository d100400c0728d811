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
from kiosk.errors import KioskError
from kiosk.messages import render_error
from kiosk.services.sale_record import SaleProgress
from kiosk.services.sales import PaymentStart, SaleRequest, SaleService, utc_now

log = logging.getLogger(__name__)
S = SaleState

#: States in which the payment screen keeps polling.
_WAITING = frozenset({S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING, S.PAYMENT_FAILED})


class SaleController(QObject):
    """One sale at a time, as the screens see it."""

    #: The QR and countdown to show (a :class:`PaymentStart`).
    paymentStarted = Signal(object)
    #: The sale moved (a :class:`SaleProgress`); the payment screen updates its status text.
    progressChanged = Signal(object)
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
        """True while this screen follows ``reference`` (the reconciler leaves it alone)."""
        return bool(reference) and reference == self._reference

    def begin(
        self,
        request: SaleRequest,
        mode: PaymentMode,
        payer: PayerData | None = None,
        bank_code: str = "",
    ) -> None:
        """Journal the sale and start its payment in ``mode``."""
        self._stop_timer()
        self._reference = ""
        self.busyChanged.emit(True)

        def operation() -> PaymentStart:
            reference = self._service.open_sale(request)
            self._reference = reference
            if mode is PaymentMode.CHECKOUT:
                return self._service.start_checkout(reference)
            assert payer is not None
            return self._service.start_assisted(reference, payer, bank_code)

        run(operation, name="begin_sale").on_success(self._payment_started).on_failure(
            self._start_failed
        )

    def retry(self, payer: PayerData, bank_code: str) -> None:
        """A new assisted attempt for the same sale after a refused or declined one."""
        reference = self._reference
        if not reference:
            return
        self.busyChanged.emit(True)
        run(
            lambda: self._service.start_assisted(reference, payer, bank_code), name="retry"
        ).on_success(self._payment_started).on_failure(self._start_failed)

    def cancel(self) -> None:
        self._stop_waiting(expired=False)

    def expire(self) -> None:
        self._stop_waiting(expired=True)

    def reset(self) -> None:
        """Forget the sale on screen (a new sale, or the kiosk went idle)."""
        self._stop_timer()
        self._reference = ""

    # -- what comes back -------------------------------------------------------------

    def _payment_started(self, start: PaymentStart) -> None:
        self.busyChanged.emit(False)
        self._waiting_since = self._clock()
        self._last_state = None
        self.paymentStarted.emit(start)
        self._schedule_poll()

    def _start_failed(self, error: BaseException) -> None:
        self.busyChanged.emit(False)
        message = _words(error)
        if not self._reference:
            self.failed.emit(message)
            return
        # The sale exists: see where it stands (refused attempt, unknown outcome...).
        reference = self._reference
        run(lambda: self._service.progress(reference), name="progress").on_success(
            lambda progress: self._after_start_failure(progress, message)
        ).on_failure(lambda _error: self.failed.emit(message))

    def _after_start_failure(self, progress: SaleProgress, message: str) -> None:
        self.progressChanged.emit(progress)
        if progress.state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED:
            self.attemptFailed.emit(message)
        elif progress.state in _WAITING:
            # Unknown outcome: keep asking the gateway; the payment may exist.
            self._waiting_since = self._clock()
            self._schedule_poll()
        else:
            self.failed.emit(message)

    def _schedule_poll(self) -> None:
        elapsed = (self._clock() - (self._waiting_since or self._clock())).total_seconds()
        fast = elapsed < self._timing.poll_fast_window_seconds
        seconds = self._timing.poll_fast_seconds if fast else self._timing.poll_slow_seconds
        self._timer.start(max(1, int(seconds * 1000)))

    def _poll(self) -> None:
        reference = self._reference
        if not reference or self._polling:
            return
        self._polling = True
        run(lambda: self._service.poll_payment(reference), name="poll").on_success(
            lambda progress: self._polled(reference, progress)
        ).on_failure(lambda error: self._poll_failed(reference, error))

    def _polled(self, reference: str, progress: SaleProgress) -> None:
        self._polling = False
        if reference != self._reference:
            return  # the screen moved on meanwhile
        if progress.state is not self._last_state:
            self._last_state = progress.state
            self.progressChanged.emit(progress)
        if progress.state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED:
            self._finish(reference)  # declined: the result screen offers a new attempt
        elif progress.state in _WAITING:
            self._schedule_poll()
        else:
            self._finish(reference)

    def _poll_failed(self, reference: str, error: BaseException) -> None:
        self._polling = False
        if reference != self._reference:
            return
        # A gateway hiccup while waiting is not a verdict: keep waiting.
        log.info("poll %s failed: %s", reference, getattr(error, "code", type(error).__name__))
        self._schedule_poll()

    def _stop_waiting(self, *, expired: bool) -> None:
        reference = self._reference
        self._stop_timer()
        if not reference:
            return
        self.busyChanged.emit(True)

        def operation() -> SaleProgress:
            progress = self._service.stop_waiting(reference, expired=expired)
            # A last look: an approval that arrived just now is delivered at once.
            if progress.state in {S.CANCELLED_UNCONFIRMED, S.EXPIRED_UNCONFIRMED}:
                progress = self._service.reconcile(reference)
            return progress

        def done(progress: SaleProgress) -> None:
            self.busyChanged.emit(False)
            self.progressChanged.emit(progress)
            self._finish(reference)

        def failed(error: BaseException) -> None:
            self.busyChanged.emit(False)
            self._finish(reference)

        run(operation, name="stop_waiting").on_success(done).on_failure(failed)

    def _finish(self, reference: str) -> None:
        self._stop_timer()
        run(lambda: self._service.receipt(reference), name="receipt").on_success(
            self.finished.emit
        ).on_failure(lambda error: self.failed.emit(_words(error)))

    def _stop_timer(self) -> None:
        self._timer.stop()


def _words(error: BaseException) -> str:
    if isinstance(error, KioskError):
        return render_error(error)
    log.exception("unexpected error in a sale", exc_info=error)
    return render_error(KioskError("sale.unexpected"))
