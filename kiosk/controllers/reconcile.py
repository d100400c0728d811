"""Reconciliation while the app runs: at start-up, then on a timer, off the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.controllers.worker import run
from kiosk.services.reconcile import Reconciler, ReconcileReport

log = logging.getLogger(__name__)


def tick_seconds_for(every_seconds: float) -> float:
    """How often to wake the reconciler: often enough that no sale waits much longer than
    its own schedule (``every_seconds``), never busier than 10 times a second."""
    return min(30.0, max(0.1, every_seconds / 6))


class ReconcileController(QObject):
    passFinished = Signal(object)  # ReconcileReport
    #: A pass is over, whether it finished or failed (its gateways may be down).
    passEnded = Signal()

    def __init__(
        self, reconciler: Reconciler, tick_seconds: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._reconciler = reconciler
        self._running = False
        self._stopped = False
        self._start_up_pending = False
        #: A pass asked for while one ran: None (none), else its ``everything``.
        self._queued: bool | None = None
        self._timer = QTimer(self)
        # The reconciler keeps each sale's own schedule; the timer only wakes it up.
        self._timer.setInterval(max(100, int(tick_seconds * 1000)))
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        """A full pass now (start-up: the app holds the instance lock and has sent nothing
        yet, so an interrupted top-up is settled at once), then regular passes."""
        self._stopped = False
        self._start_up_pending = True
        self.run_pass(everything=True)
        self._timer.start()

    def stop(self) -> None:
        """No new pass from now on (the one running, if any, finishes on its worker)."""
        self._stopped = True
        self._timer.stop()
        self._queued = None

    @property
    def running(self) -> bool:
        return self._running

    def run_pass(self, everything: bool = False) -> None:
        """One pass off the GUI thread; ``everything`` ignores each sale's schedule.

        One pass runs at a time; a pass asked for meanwhile runs right after it (a timer
        tick is dropped, a pass asked for explicitly is not).
        """
        if self._stopped:
            return
        if self._running:
            self._queued = everything or bool(self._queued)
            return
        self._running = True
        # Only the very first pass after start() is the start-up pass.
        at_start_up, self._start_up_pending = self._start_up_pending, False
        reconciler = self._reconciler
        run(
            lambda: reconciler.run_once(everything=everything, at_start_up=at_start_up),
            name="reconcile",
        ).on_success(self._finished).on_failure(self._failed)

    def _finished(self, report: ReconcileReport) -> None:
        self._running = False
        self.passFinished.emit(report)
        self.passEnded.emit()
        self._run_queued()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.warning("reconciliation pass failed: %s", type(error).__name__)
        self.passEnded.emit()
        self._run_queued()

    def _tick(self) -> None:
        if not self._running:
            self.run_pass()

    def _run_queued(self) -> None:
        queued, self._queued = self._queued, None
        if queued is not None:
            self.run_pass(everything=queued)
