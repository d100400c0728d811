"""The report controller (kiosk/controllers/reports.py): X reports, the close and settling run
on a worker and come back as signals, one at a time; a refusal comes back in words; the
report's Document is said in the current language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.controllers.language import Said
from kiosk.controllers.reports import ReportController, day_words, earned_words, report_document
from kiosk.domain.document import Heading, Row
from kiosk.domain.report import Earned, ShiftReport
from kiosk.domain.sale import SaleState
from kiosk.journal import Journal, JournalWriter
from kiosk.services.reports import ReportService, build_report
from tests.journal.helpers import ACTOR
from tests.services.test_reports import sell
from tests.support.clocks import TickingClock

S = SaleState


@pytest.fixture
def controller(journal: Journal, ticking_clock: TickingClock) -> Iterator[ReportController]:
    writer = JournalWriter(journal)
    yield ReportController(ReportService(journal, writer, ticking_clock, ACTOR))
    writer.close()


def test_an_x_report_comes_back_on_its_signal(
    qtbot: Any, journal: Journal, controller: ReportController
) -> None:
    sell(journal, "K1", amount=10_000)
    busy: list[bool] = []
    controller.busyChanged.connect(busy.append)
    with qtbot.waitSignal(controller.reportReady, timeout=5000) as ready:
        assert controller.x_report()
        assert not controller.x_report()  # one at a time
    report = ready.args[0]
    assert isinstance(report, ShiftReport) and not report.closed
    assert report.sold.amount_pesos == 10_000
    assert busy == [True, False] and not controller.busy


def test_the_close_and_a_settling_come_back_on_their_signals(
    qtbot: Any, journal: Journal, controller: ReportController
) -> None:
    sell(journal, "KPND", S.PAID_NOT_DELIVERED)
    with qtbot.waitSignal(controller.closed, timeout=5000) as closed:
        controller.close_shift("Ana")
    z = closed.args[0]
    assert z.closed and journal.events("shift.closed")[-1].hash == z.chain_hash
    with qtbot.waitSignal(controller.settled, timeout=5000) as settled:
        controller.settle("KPND", "Reembolso en efectivo", "Administrador")
    assert settled.args == ["KPND"]
    assert journal.sale("KPND").state is S.SETTLED  # type: ignore[union-attr]


def test_a_refusal_comes_back_in_words(
    qtbot: Any, journal: Journal, controller: ReportController
) -> None:
    with qtbot.waitSignal(controller.failed, timeout=5000) as failed:
        controller.settle("KNOPE", "x")
    said = failed.args[0]
    assert isinstance(said, Said) and "No existe la venta KNOPE" in said
    assert not controller.busy


def test_the_document_follows_the_language(journal: Journal, ticking_clock: TickingClock) -> None:
    sell(journal, "K1", amount=10_000)
    report = build_report(journal, now=ticking_clock())
    spanish = report_document(report)
    assert isinstance(spanish.lines[0], Heading)
    assert spanish.title == "Informe X: sin cierre"
    rows = {line.key: line for line in spanish.lines if isinstance(line, Row)}
    assert rows["count"].label == "Ventas" and rows["amount"].value == "$\u00a010.000"
    assert rows["kind:topup"].label == "Recarga"
    assert rows["state:delivered"].label == "Pagada y entregada"
    assert day_words(report.day).count("/") == 2
    assert earned_words(()) == "$\u00a00"
    assert earned_words((Earned("USD", 1_234_56),)) == "USD\u00a01.234,56"


def test_the_document_in_english(
    english: None, journal: Journal, ticking_clock: TickingClock
) -> None:
    sell(journal, "K1", amount=10_000)
    writer = JournalWriter(journal)
    try:
        report = ReportService(journal, writer, ticking_clock, ACTOR).close_shift()
    finally:
        writer.close()
    document = report_document(report)
    assert document.title == "Z report: shift close"
    rows = {line.key: line for line in document.lines if isinstance(line, Row)}
    assert (rows["count"].label, rows["amount"].value) == ("Sales", "COP\u00a010,000")
    assert rows["operator:Claro Colombia"].value == "1 sale · COP\u00a010,000"
    assert rows["kind:topup"].label == "Top-up"
    assert rows["chain_hash"].label == "Chain hash"
    assert earned_words((Earned("USD", 1_234_56),)) == "USD\u00a01,234.56"
