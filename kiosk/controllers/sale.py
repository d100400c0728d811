"""The sale in progress on screen: pay, wait for the verdict, deliver, tell the screen.

The controller holds one immutable :class:`SaleOnScreen` (the request, the payment
mode, the reference, the last progress and an explicit :class:`Phase`) and replaces
it as the sale moves; workers only call the services and return values, they never
write the controller. Polls run every ``poll_fast_seconds`` for the first
``poll_fast_window_seconds`` of waiting and every ``poll_slow_seconds`` after that.
Cancel and expiry only stop the waiting: the reconciler keeps following the sale.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import PaymentConfig
from kiosk.controllers.language import Said, describe
from kiosk.controllers.worker import run
from kiosk.domain.outcomes import (
    AWAITING_PAYMENT,
    PAID_IN_DELIVERY,
    UNCONFIRMED,
    Verdict,
    can_retry,
    outcome_state,
)
from kiosk.domain.payer import PayerData
from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import PaymentMode, SaleState
from kiosk.domain.sale_request import PaymentStart, SaleRequest
from kiosk.services.sales import SaleService, utc_now

log = logging.getLogger(__name__)
S = SaleState


class Phase(StrEnum):
    #: No sale on screen.
    IDLE = "idle"
    #: A request is being confirmed (its payment mode chosen); nothing is journaled yet.
    PREPARED = "prepared"
    #: Opening the sale or creating a payment attempt (the screen is busy).
    STARTING = "starting"
    #: Waiting for the gateway's verdict (the QR is shown, or will be once found).
    WAITING = "waiting"
    #: Approved: the line is being credited; nothing can be cancelled.
    DELIVERING = "delivering"
    #: Cancelled or expired on screen: a last look before the result.
    STOPPING = "stopping"
    #: An attempt failed or never started; the clerk may start another in the same sale.
    RETRYABLE = "retryable"
    #: The result is on screen; the reconciler follows the sale from now on.
    FINISHED = "finished"


#: Phases in which the screen follows the sale (the reconciler leaves it alone).
_FOLLOWING = frozenset({Phase.STARTING, Phase.WAITING, Phase.DELIVERING, Phase.STOPPING})
#: Phases in which the gateway is polled.
_POLLING = frozenset({Phase.WAITING, Phase.DELIVERING})


@dataclass(frozen=True)
class SaleOnScreen:
    """The one sale the screens show, as one value (replaced, never changed in place)."""

    generation: int = 0
    phase: Phase = Phase.IDLE
    request: SaleRequest | None = None
    mode: PaymentMode | None = None
    reference: str = ""
    #: The last progress the screen was told about (None before the sale exists).
    progress: SaleProgress | None = None
    #: False after a create whose answer was lost, until its payment (and QR) is found.
    qr_shown: bool = False
    waiting_since: datetime | None = None
    #: When the line started being credited (a provider still PROCESSING is followed a while).
    delivering_since: datetime | None = None

    @property
    def following(self) -> bool:
        return self.phase in _FOLLOWING or self.phase is Phase.RETRYABLE

    @property
    def can_retry(self) -> bool:
        """A new assisted attempt may follow in this sale."""
        return self.phase is Phase.RETRYABLE

    @property
    def paid(self) -> bool:
        return self.progress is not None and self.progress.state in PAID_IN_DELIVERY


class SaleController(QObject):
    """One sale at a time, as the screens see it."""

    #: The QR and countdown to show (a :class:`PaymentStart`).
    paymentStarted = Signal(object)
    #: The sale moved (a :class:`SaleProgress`); the payment screen updates its status text.
    progressChanged = Signal(object)
    #: Every answer of a poll, moved or not (a :class:`SaleProgress`): "still waiting".
    polled = Signal(object)
    #: The screen is done waiting: show the result (a :class:`~kiosk.domain.outcomes.Verdict`).
    finished = Signal(object)
    #: Something the user must fix or know before a payment exists (a ``Said``: words in
    #: the current language that follow a language change).
    failed = Signal(object)
    #: An assisted attempt was refused or failed: the clerk may correct and try again.
    attemptFailed = Signal(object)
    busyChanged = Signal(bool)
    #: The assisted payment exists; its bank's page (the QR) is still being asked for.
    waitingForBank = Signal()
    # Worker -> GUI thread (queued: the receiver lives on the GUI thread), with the
    # generation of the sale it is about.
    _bankWaitReported = Signal(int)

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
        self._sale = SaleOnScreen()
        #: Who sells: the signed-in clerk's display name ("": the journal names the kiosk).
        self._clerk = ""
        #: Workers in flight for the current sale ("poll", "qr"): never two of a kind.
        self._in_flight: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._poll)
        self._bankWaitReported.connect(self._bank_wait_reported)

    # -- what the screens ask ------------------------------------------------------

    @property
    def sale(self) -> SaleOnScreen:
        return self._sale

    @property
    def reference(self) -> str:
        return self._sale.reference

    def is_active(self, reference: str) -> bool:
        """True while this screen follows ``reference`` (the reconciler leaves it alone).

        Called from the reconciler's worker: it only reads the current value. A sale whose
        result is on screen is no longer followed (a cancelled or pending one must be
        reconciled while the customer still reads the receipt), except a declined assisted
        one that the clerk may try again.
        """
        sale = self._sale
        return sale.following and bool(reference) and reference == sale.reference

    def set_clerk(self, name: str) -> None:
        """The clerk who sells from now on (after a sign-in; "" after a sign-out): every
        request prepared or begun here carries the name, journaled with the sale."""
        self._clerk = name.strip()

    @property
    def clerk(self) -> str:
        return self._clerk

    def _stamped(self, request: SaleRequest) -> SaleRequest:
        """The request as sold by the clerk signed in now (the one who confirms it)."""
        if not self._clerk or request.clerk == self._clerk:
            return request
        return dataclasses.replace(request, clerk=self._clerk)

    def prepare(self, request: SaleRequest) -> None:
        """A new request to confirm (any earlier sale is left to the reconciler)."""
        request = self._stamped(request)
        self._new_sale(SaleOnScreen(phase=Phase.PREPARED, request=request))

    def choose_mode(self, mode: PaymentMode) -> None:
        """The payment mode for the prepared request, or for the next attempt of a sale whose
        last attempt failed."""
        if not self._sale.reference or self._sale.phase is Phase.RETRYABLE:
            self._set(mode=mode)

    def pay(self, payer: PayerData | None = None, bank_code: str = "") -> None:
        """Start paying the prepared request in its mode, or a new attempt in the same sale."""
        sale = self._sale
        if sale.reference:
            if payer is not None:
                self.retry(payer, bank_code)
            elif sale.mode is PaymentMode.CHECKOUT and sale.phase is Phase.RETRYABLE:
                # The payer takes the QR after a failed assisted attempt: the same sale.
                self._stop_timer()
                self._in_flight.clear()
                self._set(phase=Phase.STARTING)
                self.busyChanged.emit(True)
                self._start_payment(sale.generation, sale.reference, PaymentMode.CHECKOUT, None, "")
        elif sale.request is not None and sale.mode is not None:
            self.begin(sale.request, sale.mode, payer, bank_code)

    def begin(
        self,
        request: SaleRequest,
        mode: PaymentMode,
        payer: PayerData | None = None,
        bank_code: str = "",
    ) -> None:
        """Journal the sale, then start its payment in ``mode``."""
        if mode is PaymentMode.ASSISTED and payer is None:
            raise ValueError("an assisted payment needs the payer's data")
        request = self._stamped(request)
        generation = self._new_sale(SaleOnScreen(phase=Phase.STARTING, request=request, mode=mode))
        self.busyChanged.emit(True)
        run(lambda: self._service.payments.open_sale(request), name="open_sale").on_success(
            lambda progress: self._opened(generation, progress, payer, bank_code)
        ).on_failure(lambda error: self._start_failed(generation, error))

    def retry(self, payer: PayerData, bank_code: str) -> None:
        """A new assisted attempt for the same sale after a refused or declined one."""
        sale = self._sale
        if not sale.reference or not sale.can_retry:
            return
        self._stop_timer()
        self._in_flight.clear()  # an earlier attempt's look-ups are not this one's
        self._set(phase=Phase.STARTING, mode=PaymentMode.ASSISTED)
        self.busyChanged.emit(True)
        self._start_payment(sale.generation, sale.reference, PaymentMode.ASSISTED, payer, bank_code)

    def cancel(self) -> None:
        self._stop_waiting(expired=False)

    def expire(self) -> None:
        self._stop_waiting(expired=True)

    def reset(self) -> None:
        """Forget the sale on screen (a new sale, the kiosk went idle, the app closes)."""
        self._new_sale(SaleOnScreen())

    @property
    def poll_interval_ms(self) -> int:
        """The wait before the next poll (fast at first, then slow), for status and tests."""
        return self._timer.interval()

    # -- the value -------------------------------------------------------------------

    def _new_sale(self, sale: SaleOnScreen) -> int:
        self._stop_timer()
        self._in_flight.clear()
        generation = self._sale.generation + 1
        self._sale = dataclasses.replace(sale, generation=generation)
        return generation

    def _set(self, **changes: object) -> None:
        self._sale = dataclasses.replace(self._sale, **changes)  # type: ignore[arg-type]

    def _current(self, generation: int) -> bool:
        return generation == self._sale.generation

    def _tell(self, progress: SaleProgress) -> None:
        """Keep ``progress`` as the sale's last known; tell the screens if it moved."""
        moved = self._sale.progress is None or self._sale.progress.state is not progress.state
        self._set(progress=progress, reference=progress.reference)
        if moved:
            self.progressChanged.emit(progress)

    # -- starting ----------------------------------------------------------------------

    def _opened(
        self, generation: int, progress: SaleProgress, payer: PayerData | None, bank_code: str
    ) -> None:
        if not self._current(generation):
            return  # the screen moved on: the reconciler closes the unpaid sale
        # Known at once, so the reconciler never takes the new sale for abandoned.
        self._set(reference=progress.reference, progress=progress)
        mode = self._sale.mode
        assert mode is not None
        self._start_payment(generation, progress.reference, mode, payer, bank_code)

    def _start_payment(
        self,
        generation: int,
        reference: str,
        mode: PaymentMode,
        payer: PayerData | None,
        bank_code: str,
    ) -> None:
        payments = self._service.payments

        def operation() -> PaymentStart:
            if mode is PaymentMode.CHECKOUT:
                return payments.start_checkout(reference)
            assert payer is not None
            return payments.start_assisted(
                reference,
                payer,
                bank_code,
                # Called on the worker: only emit (delivered on the GUI thread).
                on_waiting_for_bank=lambda: self._bankWaitReported.emit(generation),
            )

        run(operation, name="start_payment").on_success(
            lambda start: self._payment_started(generation, start)
        ).on_failure(lambda error: self._start_failed(generation, error))

    def _bank_wait_reported(self, generation: int) -> None:
        if self._current(generation) and self._sale.phase is Phase.STARTING:
            self.waitingForBank.emit()

    def _payment_started(self, generation: int, start: PaymentStart) -> None:
        if not self._current(generation):
            return  # the screen moved on (or the app closes): the reconciler follows it
        self.busyChanged.emit(False)
        # Waiting is set up before anyone hears of it: a listener may cancel right away.
        self._set(
            phase=Phase.WAITING,
            reference=start.reference,
            mode=start.mode,
            qr_shown=True,
            waiting_since=self._clock(),
        )
        self._schedule_poll()
        self.paymentStarted.emit(start)

    def _start_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self.busyChanged.emit(False)
        message = describe(error)
        reference = self._sale.reference
        if not reference:
            self._set(phase=Phase.IDLE)  # nothing was journaled
            self.failed.emit(message)
            return

        def unknown(_error: BaseException) -> None:
            if self._current(generation):
                # The sale cannot be read now: the reconciler follows it from here.
                self._set(phase=Phase.FINISHED)
                self.failed.emit(message)

        # The sale exists: see where it stands (refused attempt, unknown outcome...).
        run(lambda: self._service.progress(reference), name="progress").on_success(
            lambda progress: self._after_start_failure(generation, progress, message)
        ).on_failure(unknown)

    def _after_start_failure(self, generation: int, progress: SaleProgress, message: Said) -> None:
        if not self._current(generation):
            return
        if can_retry(progress):
            # Still followed: the clerk corrects the payer's data and tries again.
            self._set(phase=Phase.RETRYABLE)
            self._tell(progress)
            self.attemptFailed.emit(message)
        elif progress.state is S.PAID:
            # Approved although the start failed (e.g. no bank URL): follow the delivery,
            # so its verdict reaches the screen.
            now = self._clock()
            self._set(phase=Phase.DELIVERING, waiting_since=now, delivering_since=now)
            self._tell(progress)
            self._deliver(generation)
        elif progress.state in AWAITING_PAYMENT:
            # Unknown outcome: keep asking the gateway; the payment may exist. Waiting is
            # set up before the screens hear of it (they may offer to stop waiting).
            self._set(phase=Phase.WAITING, qr_shown=False, waiting_since=self._clock())
            self._schedule_poll()
            self._tell(progress)
        else:
            # Nothing was paid (e.g. the terms could not be fetched): the clerk may try
            # again in the same sale, so it stays followed until the screen moves on.
            self._set(phase=Phase.RETRYABLE)
            self._tell(progress)
            self.failed.emit(message)

    # -- waiting -------------------------------------------------------------------------

    def _schedule_poll(self) -> None:
        since = self._sale.waiting_since or self._clock()
        elapsed = (self._clock() - since).total_seconds()
        fast = elapsed < self._timing.poll_fast_window_seconds
        seconds = self._timing.poll_fast_seconds if fast else self._timing.poll_slow_seconds
        self._timer.start(max(1, int(seconds * 1000)))

    def _poll(self) -> None:
        sale = self._sale
        if not sale.reference or "poll" in self._in_flight or sale.phase not in _POLLING:
            return
        self._in_flight.add("poll")
        reference, generation = sale.reference, sale.generation
        if sale.phase is Phase.DELIVERING:
            # Paid: what is left to ask is the provider (a top-up still processing).
            step = functools.partial(self._service.deliveries.deliver, reference)
        else:
            step = functools.partial(self._service.payments.poll, reference)
        run(step, name="poll").on_success(
            lambda progress: self._polled(generation, progress)
        ).on_failure(lambda error: self._poll_failed(generation, error))

    def _deliver(self, generation: int) -> None:
        """Approved: the screen already says so; now credit the line (a separate step)."""
        reference = self._sale.reference
        self._in_flight.add("poll")
        run(lambda: self._service.deliveries.deliver(reference), name="deliver").on_success(
            lambda progress: self._polled(generation, progress)
        ).on_failure(lambda error: self._poll_failed(generation, error))

    def _polled(self, generation: int, progress: SaleProgress) -> None:
        if not self._current(generation):
            return  # the screen moved on meanwhile
        self._in_flight.discard("poll")
        if self._sale.phase not in _POLLING:
            return  # cancelled or expired meanwhile: stopping the wait settles the sale
        self._tell(progress)
        self.polled.emit(progress)
        if can_retry(progress):
            # Declined: the result screen offers a new attempt, so the sale stays followed
            # (a reconciliation pass would otherwise close it under the clerk's hands).
            self._finish(generation, progress, retryable=True)
        elif progress.state is S.PAID:
            self._set(phase=Phase.DELIVERING, delivering_since=self._clock())
            self._deliver(generation)
        elif progress.state in {S.DELIVERY_REQUESTED, S.DELIVERY_UNKNOWN} and self._may_follow():
            # The provider is still processing (or another worker sends): the customer is
            # watching, so ask again a while before telling "in progress" and leaving it to
            # the reconciler.
            self._schedule_poll()
        elif progress.state in AWAITING_PAYMENT:
            if not self._sale.qr_shown and progress.state is S.PAYMENT_PENDING:
                self._fetch_qr(generation)
            self._schedule_poll()
        else:
            self._finish(generation, progress)

    def _may_follow(self) -> bool:
        """A delivery is followed on screen as long as the fast polling window lasts."""
        since = self._sale.delivering_since
        window = self._timing.poll_fast_window_seconds
        return since is not None and (self._clock() - since).total_seconds() < window

    def _fetch_qr(self, generation: int) -> None:
        """The payment of a lost create answer exists: its QR (bank URL) can be shown now."""
        if "qr" in self._in_flight:
            return
        reference = self._sale.reference
        self._in_flight.add("qr")
        payments = self._service.payments
        run(lambda: payments.payment_start(reference), name="payment_start").on_success(
            lambda start: self._qr_found(generation, start)
        ).on_failure(lambda error: self._qr_found(generation, None, error))

    def _qr_found(
        self, generation: int, start: PaymentStart | None, error: BaseException | None = None
    ) -> None:
        if not self._current(generation):
            return
        self._in_flight.discard("qr")
        if error is not None:
            log.info(
                "the QR of %s is not known yet: %s", self._sale.reference, type(error).__name__
            )
        if start is None or self._sale.phase is not Phase.WAITING or self._sale.qr_shown:
            return  # not known yet (the next poll asks again), or the screen moved on
        current = self._sale.progress
        attempt = current.attempt_reference if current is not None else ""
        if attempt and start.attempt_reference != attempt:
            return  # an earlier attempt's page: the next poll asks for this one's
        self._set(qr_shown=True)
        self.paymentStarted.emit(start)

    def _poll_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self._in_flight.discard("poll")
        if self._sale.phase not in _POLLING:
            return
        # A gateway hiccup while waiting is not a verdict: keep waiting.
        code = getattr(error, "code", type(error).__name__)
        log.info("poll %s failed: %s", self._sale.reference, code)
        last = self._sale.progress
        if self._sale.phase is Phase.DELIVERING and not self._may_follow() and last is not None:
            self._finish(generation, last)  # "in progress": the reconciler follows it
            return
        self._schedule_poll()

    # -- stopping and finishing -------------------------------------------------------------

    def _stop_waiting(self, *, expired: bool) -> None:
        sale = self._sale
        if not sale.reference or sale.phase is not Phase.WAITING:
            return  # nothing waits (a second cancel, or the verdict is already in)
        if sale.paid:
            # Approved: the line is being credited; the countdown or a late cancel must not
            # hide the verdict the customer is about to see.
            return
        self._stop_timer()
        self._set(phase=Phase.STOPPING)
        self.busyChanged.emit(True)
        reference, generation = sale.reference, sale.generation
        service = self._service

        def operation() -> SaleProgress:
            progress = service.payments.stop_waiting(reference, expired=expired)
            # A last look: an approval that arrived just now is delivered at once.
            if progress.state in UNCONFIRMED or progress.state is S.PAID:
                progress = service.settling.reconcile(reference)
            return progress

        def done(progress: SaleProgress) -> None:
            if not self._current(generation):
                return
            self.busyChanged.emit(False)
            self._tell(progress)
            self._finish(generation, progress)

        def failed(error: BaseException) -> None:
            if not self._current(generation):
                return
            log.info("stop waiting %s failed: %s", reference, type(error).__name__)
            self.busyChanged.emit(False)
            last = self._sale.progress
            if last is not None:
                self._finish(generation, last)
            else:
                self._set(phase=Phase.FINISHED)
                self.failed.emit(describe(error))

        run(operation, name="stop_waiting").on_success(done).on_failure(failed)

    def _finish(self, generation: int, progress: SaleProgress, *, retryable: bool = False) -> None:
        """The verdict, with its receipt from the progress in hand (no journal trip)."""
        self._stop_timer()
        self._set(phase=Phase.RETRYABLE if retryable else Phase.FINISHED, progress=progress)
        receipt = self._service.receipts.for_progress(progress)
        verdict = Verdict(receipt, outcome_state(progress), can_retry=retryable)
        if self._current(generation):
            self.finished.emit(verdict)

    def _stop_timer(self) -> None:
        self._timer.stop()
