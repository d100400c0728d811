"""Controllers against the sandbox, where the screens cannot show an ordering by themselves."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.controllers.catalogue import CatalogueController
from tests.e2e.helpers import LINE, WAIT_MS
from tests.support.sandbox import PORTED_LINE
from ui.app import AppContext

pytestmark = pytest.mark.gui


def test_a_ported_line_is_detected_under_its_new_operator_before_the_catalogue_loads(
    qtbot: Any, app: AppContext
) -> None:
    controller = CatalogueController(app.controllers.core.catalogue)
    assert controller.catalogue is None
    with qtbot.waitSignal(controller.lineOffer, timeout=WAIT_MS) as found:
        controller.detect_operator(PORTED_LINE)
    line, offer = found.args
    assert line == PORTED_LINE and offer.brand == "Movistar" and offer.offer.brand == "Movistar"
    assert controller.line_offer(PORTED_LINE) == offer
    with qtbot.waitSignal(controller.operatorDetected, timeout=WAIT_MS) as detected:
        controller.detect_operator(LINE)
    assert detected.args[0] == LINE and detected.args[1].brand == "Claro"


def test_a_reconciliation_pass_asked_for_while_one_runs_still_runs(
    qtbot: Any, app: AppContext
) -> None:
    reconcile = app.controllers.reconcile
    reports: list[Any] = []
    reconcile.passFinished.connect(reports.append)
    reconcile.run_pass(everything=True)
    assert reconcile.running
    reconcile.run_pass(everything=True)  # e.g. the clerk asked while the timer's pass ran
    qtbot.waitUntil(lambda: len(reports) == 2 and not reconcile.running, timeout=WAIT_MS)
