"""The reconciliation controller: its first pass is the start-up pass, and only that one."""

from __future__ import annotations

from typing import Any

from kiosk.controllers.reconcile import ReconcileController
from kiosk.services.reconcile import ReconcileReport


class RecordingReconciler:
    def __init__(self) -> None:
        self.passes: list[tuple[bool, bool]] = []

    def run_once(self, *, everything: bool = False, at_start_up: bool = False) -> ReconcileReport:
        self.passes.append((everything, at_start_up))
        return ReconcileReport()


def test_only_the_first_pass_after_start_is_the_start_up_pass(qtbot: Any) -> None:
    reconciler = RecordingReconciler()
    controller = ReconcileController(reconciler, tick_seconds=60)  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.passFinished, timeout=5000):
        controller.start()
    with qtbot.waitSignal(controller.passFinished, timeout=5000):
        controller.run_pass(everything=True)
    controller.stop()
    assert reconciler.passes == [(True, True), (True, False)]


class FailingReconciler:
    def run_once(self, *, everything: bool = False, at_start_up: bool = False) -> ReconcileReport:
        raise ConnectionError("the gateway is down")


def test_a_failed_pass_still_ends(qtbot: Any) -> None:
    """The start-up pass ends (and the app says "ready") even when its gateways are down."""
    controller = ReconcileController(FailingReconciler(), tick_seconds=60)  # type: ignore[arg-type]
    ended = qtbot.waitSignal(controller.passEnded, timeout=5000)
    with ended, qtbot.assertNotEmitted(controller.passFinished, wait=300):
        controller.start()
    controller.stop()
