"""Reconciliation while the app runs: at start-up, then on a timer, off the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.controllers.worker import run
from kiosk.services.reconcile import Reconciler, ReconcileReport

log = logging.getLogger(__name__)


class ReconcileController(QObject):
    passFinished = Signal(object)  # ReconcileReport

    def __init__(self, reconciler: Reconciler, tick_seconds: float, parent=None) -> None:
        super().__init__(parent)
        self._reconciler = reconciler
        self._running = False
        self._timer = QTimer(self)
        # The reconciler keeps each sale's own schedule; the timer only wakes it up.
        self._timer.setInterval(max(1000, int(tick_seconds * 1000)))
        self._timer.timeout.connect(self.run_pass)

    def start(self) -> None:
        """A full pass now (start-up), then regular passes."""
        self.run_pass(everything=True)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._running

    def run_pass(self, everything: bool = False) -> None:
        if self._running:
            return  # one pass at a time
        self._running = True
        run(lambda: self._reconciler.run_once(everything=everything), name="reconcile").on_success(
            self._finished
        ).on_failure(self._failed)

    def _finished(self, report: ReconcileReport) -> None:
        self._running = False
        self.passFinished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.warning("reconciliation pass failed: %s", type(error).__name__)
