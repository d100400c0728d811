"""The shift report at the counter, on real widgets over a real journal: the X report on
opening, the Z close behind a confirmation (journaled), printing, the PDF, the follow-up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QScrollArea, QScroller, QTableWidget

from kiosk.controllers.history import DocumentPrinter
from kiosk.domain.document import Document
from kiosk.domain.errors import KioskError
from kiosk.domain.sale import SaleState
from tests.ui.helpers import assert_all_translated, shown_texts, speak
from tests.ui.screens.test_history_screen import Office, build_office
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def office(qtbot: Any, shown_window: MainWindow, tmp_path: Path) -> Iterator[Office]:
    with build_office(qtbot, shown_window, tmp_path) as office:
        yield office


def _opened(qtbot: Any, office: Office) -> None:
    with qtbot.waitSignal(office.reports.reportReady, timeout=10_000):
        office.wiring.open_report()
    qtbot.waitUntil(lambda: not office.reports.busy, timeout=10_000)


def _document_texts(office: Office) -> list[str]:
    return office.window.report.documentView().texts()


def test_the_x_report_shows_on_opening(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    assert office.window.currentScreen() is screen
    report = screen.report()
    assert report is not None and not report.closed
    assert report.sold.count == 2  # the two delivered sales
    texts = _document_texts(office)
    assert texts[0].startswith("Informe X")
    assert "$\xa020.000" in texts  # what the two delivered sales add up to
    assert screen.chartView().chart().by_operator  # the chart has its bars
    # The open sales listed for follow-up, masked.
    follow = {row[0]: row for row in screen.followUpRows()}
    assert set(follow) == {"K1B003", "K1B004"}
    assert follow["K1B003"][1] == "*** *** 6666"
    assert follow["K1B003"][3] == "Pagada, no entregada: reclamar devolución"


def test_closing_the_shift_asks_first_and_is_journaled(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    screen.close_button.click()
    box = screen.confirmation()
    assert box is not None and "cierra el turno" in box.text()
    with qtbot.waitSignal(office.reports.closed, timeout=10_000):
        box.confirm_button.click()
    closes = office.journal.events("shift.closed")
    assert len(closes) == 1
    assert closes[0].payload["last_reference"] == "K1C005"
    report = screen.report()
    assert report is not None and report.closed and report.close_seq == closes[0].seq
    assert screen._title.text() == "Informe Z: turno cerrado"
    assert _document_texts(office)[0].startswith("Informe Z")
    assert "Turno cerrado" in screen.messageText()


def test_saying_no_closes_nothing(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    screen.close_button.click()
    box = screen.confirmation()
    assert box is not None
    with qtbot.assertNotEmitted(office.reports.closed, wait=200):
        box.cancel_button.click()
    assert office.journal.events("shift.closed") == []
    assert screen.confirmation() is None


def test_refresh_makes_a_new_x_report(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    with qtbot.waitSignal(office.reports.reportReady, timeout=10_000):
        office.window.report.refresh_button.click()


def test_the_report_saved_as_pdf(qtbot: Any, office: Office, tmp_path: Path) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    screen.pdf_button.click()
    dialog = screen.pdfDialog()
    assert dialog is not None
    target = tmp_path / "informe.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: "Informe guardado" in screen.messageText(), timeout=20_000)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Informe X" in text and "K1B003" in text


def test_a_pdf_that_cannot_be_written_says_why_in_words(
    qtbot: Any, office: Office, tmp_path: Path
) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    office.wiring._save_pdf(tmp_path / "missing" / "informe.pdf")
    qtbot.waitUntil(lambda: "No se pudo guardar" in screen.messageText(), timeout=20_000)
    assert "la carpeta no existe" in screen.messageText()
    assert "No such file" not in screen.messageText()


def test_the_report_printed(qtbot: Any, office: Office) -> None:
    printed: list[Document] = []
    office.wiring.printer = DocumentPrinter(printed.append)
    office.wiring._connect_printer()
    _opened(qtbot, office)
    with qtbot.waitSignal(office.wiring.printer.printed, timeout=10_000):
        office.window.report.print_button.click()
    assert printed and printed[0].title.startswith("Informe X")
    assert "enviado a la impresora" in office.window.report.messageText()


def test_a_printer_out_of_paper_is_told(qtbot: Any, office: Office) -> None:
    def no_paper(_document: Document) -> None:
        raise KioskError("printer.no_paper")

    office.wiring.printer = DocumentPrinter(no_paper)
    office.wiring._connect_printer()
    _opened(qtbot, office)
    with qtbot.waitSignal(office.wiring.printer.printFailed, timeout=10_000):
        office.window.report.print_button.click()
    assert office.window.report.messageText()


def test_a_follow_up_sale_opens_its_detail_and_comes_back(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    rows = [row[0] for row in screen.followUpRows()]
    table = screen.findChild(QTableWidget, "reportFollowUpTable")
    assert table is not None
    table.selectRow(rows.index("K1B003"))
    with qtbot.waitSignal(office.history.stepsReady, timeout=10_000):
        screen.open_sale_button.click()
    detail = office.window.sale_detail
    assert office.window.currentScreen() is detail
    assert detail.reference() == "K1B003" and detail.canSettle()
    detail.go_back()
    assert office.window.currentScreen() is screen


def test_the_report_speaks_english_after_the_switch(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    spanish = shown_texts(screen)
    speak("en")
    english = shown_texts(screen)
    # The document is rebuilt in English (new labels): compare the screen's own widgets.
    own = {key: text for key, text in spanish.items() if key in english}
    assert_all_translated(own, {key: english[key] for key in own}, data=_data(spanish))
    assert _document_texts(office)[0].startswith("X report")
    follow = {row[0]: row for row in screen.followUpRows()}
    assert follow["K1B003"][2:] == ("COP\xa010,000", "Paid, not delivered: claim a refund")
    assert screen.close_button.text() == "Close shift"
    speak("es")
    QApplication.processEvents()
    assert _document_texts(office)[0].startswith("Informe X")


def _data(texts: dict[Any, str]) -> set[str]:
    """References, masked lines, numbers: the same in every language."""
    return {
        text
        for text in texts.values()
        if text.startswith(("K1", "*** ")) or not any(ch.isalpha() for ch in text)
    }


def test_an_empty_journal_reports_zero(qtbot: Any, office: Office) -> None:
    # Everything sold so far is closed: the next X report starts from zero.
    _opened(qtbot, office)
    with qtbot.waitSignal(office.reports.closed, timeout=10_000):
        office.reports.close_shift("Ana")
    with qtbot.waitSignal(office.reports.reportReady, timeout=10_000):
        office.window.report.refresh_button.click()
    report = office.window.report.report()
    assert report is not None and report.sold.count == 0
    # The open sales stay on the list until they are settled.
    assert {row[0] for row in office.window.report.followUpRows()} == {"K1B003", "K1B004"}
    assert report.day == date(2025, 3, 14)
    assert all(f.state is not SaleState.DELIVERED for f in report.follow_up)


def test_a_close_with_nothing_sold_since_the_last_says_so(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    screen.close_button.click()
    box = screen.confirmation()
    assert box is not None and not box.isEmpty() and "cierra el turno" in box.text()
    with qtbot.waitSignal(office.reports.closed, timeout=10_000):
        box.confirm_button.click()
    # Right after the close (the Z on screen): a new X first, then the question.
    with qtbot.waitSignal(office.reports.reportReady, timeout=10_000):
        screen.close_button.click()
    qtbot.waitUntil(lambda: screen.confirmation() is not None, timeout=10_000)
    box = screen.confirmation()
    assert box is not None and box.isEmpty()
    assert box.text() == "No hay ventas desde el último cierre; ¿cerrar de todos modos?"
    with qtbot.assertNotEmitted(office.reports.closed, wait=100):
        box.cancel_button.click()
    qtbot.waitUntil(lambda: screen.confirmation() is None, timeout=3_000)
    # The X report now on screen has no sales either: the same words.
    screen.close_button.click()
    box = screen.confirmation()
    assert box is not None and box.isEmpty()
    speak("en")
    try:
        assert box.text() == "There are no sales since the last close. Close anyway?"
    finally:
        speak("es")
    box.cancel_button.click()
    assert len(office.journal.events("shift.closed")) == 1


def test_the_report_scrolls_under_a_finger(qtbot: Any, office: Office) -> None:
    _opened(qtbot, office)
    screen = office.window.report
    area = screen.findChild(QScrollArea, "reportDocumentArea")
    table = screen.findChild(QTableWidget, "reportFollowUpTable")
    assert area is not None and table is not None
    assert QScroller.hasScroller(area.viewport())
    assert QScroller.hasScroller(table.viewport())
