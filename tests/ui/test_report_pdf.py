"""A Z report as PDF (ui/printing/pdf.py with ui/printing/chart.py): its text extracted with
pypdf says the business, the totals, the follow-up and the chain hash, in Spanish and in
English; the chart paints bars where sales were and says so when there are none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.controllers.reports import chart_data, report_document
from kiosk.domain.document import Row
from kiosk.domain.report import ChartData, OperatorBar, ReportHeader, ShiftReport, hours_of_day
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, JournalWriter, open_journal
from kiosk.services.reports import ReportService
from tests.journal.helpers import ACTOR, KIOSK_ID, LINE_SECRET, START, STORE_ID
from tests.services.test_reports import sell
from tests.support.clocks import TickingClock
from ui.printing.chart import paint_chart
from ui.printing.pdf import write_pdf

S = SaleState
HEADER = ReportHeader("Tienda de ejemplo S.A.S.", "900123456-8", "Tienda Centro", "Caja 1")


@pytest.fixture
def z_report(tmp_path: Path) -> Iterator[ShiftReport]:
    """A shift of five sales, closed (journaled) by the report service."""
    clock = TickingClock(START)
    journal: Journal = open_journal(
        f"sqlite:///{tmp_path / 'journal.sqlite3'}",
        store_id=STORE_ID,
        kiosk_id=KIOSK_ID,
        line_secret=LINE_SECRET,
        now=clock,
    )
    writer = JournalWriter(journal)
    try:
        sell(journal, "VTA-0001", amount=10_000, discount="350.00")
        sell(journal, "VTA-0002", amount=20_000, operator="Movistar Colombia", clerk="Luis")
        sell(journal, "VTA-0003", amount=5_000, kind=SaleKind.GIFT_PACK)
        sell(journal, "VTA-0004", S.PAID_NOT_DELIVERED, amount=8_000)
        sell(journal, "VTA-0005", S.DELIVERY_UNKNOWN, amount=3_000)
        service = ReportService(journal, writer, clock, ACTOR, header=lambda: HEADER)
        yield service.close_shift("Ana")
    finally:
        writer.close()
        journal.close()


def _pdf_words(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_z_report_pdf_in_spanish(z_report: ShiftReport, tmp_path: Path) -> None:
    document = report_document(z_report)
    path = tmp_path / "z.pdf"
    write_pdf(document, path, chart=chart_data(z_report))
    words = _pdf_words(path)
    for expected in (
        "Tienda de ejemplo S.A.S.",
        "NIT 900123456-8",
        "Informe Z: cierre de turno",
        "Ventas entregadas",
        "$ 35.000",  # sold: 10.000 + 20.000 + 5.000
        "$ 20.000",
        "Claro Colombia",
        "Movistar Colombia",
        "Pagadas sin entregar",
        "VTA-0004",
        "Resultado desconocido",
        "VTA-0005",
        f"{z_report.close_seq}:{z_report.short_hash}",
        "Turno cerrado y registrado en el diario",
        "Ventas entregadas por hora",
    ):
        assert expected in words, expected
    assert "\u00a0" not in words  # paper has plain spaces
    rows = {line.key: line.value for line in document.lines if isinstance(line, Row)}
    assert rows["count"] == "3" and rows["amount"] == "$\u00a035.000"  # the screen's spaces
    assert rows["earned"] == "$\u00a01.050"  # 350 on each of the three
    assert rows["operator:Claro Colombia"] == "2 ventas · $\u00a015.000"
    assert rows["clerk:Luis"] == "1 venta · $\u00a020.000"
    assert len(rows["chain_hash"].split(":")[1]) >= 16


def test_a_z_report_pdf_in_english(english: None, z_report: ShiftReport, tmp_path: Path) -> None:
    path = tmp_path / "z-en.pdf"
    write_pdf(report_document(z_report), path, chart=chart_data(z_report))
    words = _pdf_words(path)
    for expected in (
        "Tienda de ejemplo S.A.S.",
        "Z report: shift close",
        "Delivered sales",
        "COP 35,000",
        "By operator",
        "Paid, not delivered (settle and record)",
        "Shift closed and recorded in the journal",
        "Delivered sales by hour",
        "Sales by operator",
        "2 sales · COP 15,000",
    ):
        assert expected in words, expected
    for spanish in ("Informe", "Ventas entregadas", "Por operador", "venta(s)"):
        assert spanish not in words, spanish


def _dark_pixels(image: QImage, rect: QRect) -> int:
    dark = 0
    for y in range(rect.top(), rect.bottom(), 3):
        for x in range(rect.left(), rect.right(), 3):
            if QColor(image.pixel(x, y)).lightness() < 128:
                dark += 1
    return dark


def _painted(chart: ChartData) -> QImage:
    image = QImage(900, 560, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(150 / 0.0254))
    image.setDotsPerMeterY(round(150 / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, image.rect(), chart)
    finally:
        painter.end()
    return image


def test_the_chart_draws_bars_where_sales_were() -> None:
    hours = hours_of_day([(9, 30, 300_000), (18, 10, 100_000)])
    operators = (OperatorBar("Claro Colombia", 30, 300_000), OperatorBar("Tigo", 10, 100_000))
    image = _painted(ChartData(hours, operators))
    slot = 900 / 24
    # The 09:00 bar is tall (its lower half is dark), the 03:00 slot empty.
    middle = round(560 * 0.58 * 0.6)
    nine = QRect(round(9 * slot + slot * 0.3), middle, round(slot * 0.4), 20)
    three = QRect(round(3 * slot + slot * 0.3), middle, round(slot * 0.4), 20)
    assert _dark_pixels(image, nine) > 0
    assert _dark_pixels(image, three) == 0
    # Something is painted in the operators' panel (bars and words).
    assert _dark_pixels(image, QRect(0, round(560 * 0.65), 900, round(560 * 0.3))) > 20


def test_an_empty_chart_paints_without_failing() -> None:
    image = _painted(ChartData(hours_of_day([])))
    assert _dark_pixels(image, image.rect()) > 0  # its title and "no sales"
