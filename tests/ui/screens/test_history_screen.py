"""The history at the counter, on real widgets over a real journal: filters, lazy pages, a
sale's steps, a reprint marked as a copy (and journaled), settling behind the admin PIN."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScroller, QTableWidget

from kiosk.config import load_config
from kiosk.controllers.history import HistoryController, HistoryFilters
from kiosk.controllers.receipts import ReceiptController
from kiosk.controllers.reports import ReportController
from kiosk.controllers.sale_words import state_words
from kiosk.controllers.staff import StaffController
from kiosk.domain.document import Document
from kiosk.domain.sale import SaleState
from kiosk.journal import Journal, JournalWriter, open_journal
from kiosk.journal.seeding import SeedSummary
from kiosk.services.receipts import ReceiptService
from kiosk.services.recorder import SaleRecorder
from kiosk.services.reports import ReportService
from kiosk.services.staff import StaffService, StaffStore
from tests.controllers.test_history_controller import FIRST, SALES, SetClock, seed_few
from tests.journal.helpers import ACTOR, KIOSK_ID, LINE_SECRET, STORE_ID, path_to
from tests.support.seeded import open_year
from tests.ui.helpers import assert_all_translated, shown_texts, speak
from ui.backoffice_wiring import BackOfficeWiring
from ui.main_window import MainWindow
from ui.models.sales import SalesModel
from ui.screens.sale_detail import actor_words
from ui.widgets.admin_pin_dialog import AdminPinDialog

pytestmark = pytest.mark.gui

#: The seeded sales' full lines: none may ever be shown.
FULL_LINES = {line for _reference, _state, line, *_rest in SALES}


@dataclass
class Office:
    window: MainWindow
    journal: Journal
    history: HistoryController
    reports: ReportController
    wiring: BackOfficeWiring
    clock: SetClock
    printed: list[Document] = field(default_factory=list)


@contextmanager
def build_office(
    qtbot: Any, window: MainWindow, tmp_path: Path, *, page_size: int = 100
) -> Iterator[Office]:
    """The back office of ``window`` over a journal of five sales (see ``seed_few``)."""
    clock = SetClock(FIRST)
    journal = open_journal(
        f"sqlite:///{tmp_path / 'office.sqlite3'}",
        store_id=STORE_ID,
        kiosk_id=KIOSK_ID,
        line_secret=LINE_SECRET,
        now=clock,
    )
    seed_few(journal, clock)
    clock.moment = FIRST + timedelta(days=4)  # 2025-03-14 in Bogotá: the sales are this week
    writer = JournalWriter(journal)
    printed: list[Document] = []
    config = load_config()
    config = replace(
        config, printer=replace(config.printer, target=f"file:{tmp_path / 'printer.bin'}")
    )
    receipts = ReceiptController(
        ReceiptService(
            recorder=SaleRecorder(journal=journal, writer=writer, actor=ACTOR),
            config=config,
            journal=journal,
            writer=writer,
            printer=lambda document, _target, *, paper_mm: printed.append(document),
        ),
        actor="Ana",
    )
    reports = ReportController(ReportService(journal, writer, clock, ACTOR))
    staff = StaffController(
        StaffService(StaffStore(tmp_path / "config", tmp_path / "data", test_keys=True), clock)
    )
    history = HistoryController(journal, receipts=receipts, page_size=page_size)
    wiring = BackOfficeWiring(
        window, history=history, reports=reports, receipts=receipts, staff=staff, clock=clock
    )
    try:
        yield Office(window, journal, history, reports, wiring, clock, printed)
        qtbot.waitUntil(lambda: not history.is_loading() and not reports.busy, timeout=10_000)
    finally:
        writer.close()
        journal.close()


@pytest.fixture
def office(qtbot: Any, shown_window: MainWindow, tmp_path: Path) -> Iterator[Office]:
    with build_office(qtbot, shown_window, tmp_path) as office:
        yield office


def _rows(window: MainWindow) -> list[str]:
    return [sale.reference for sale in window.history.model().sales()]


def _searched(qtbot: Any, office: Office, action: Any) -> list[str]:
    with qtbot.waitSignal(office.history.pageReady, timeout=10_000):
        action()
    qtbot.waitUntil(lambda: not office.history.is_loading(), timeout=10_000)
    return _rows(office.window)


def _enter(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_opening_shows_the_last_weeks_sales_newest_first(qtbot: Any, office: Office) -> None:
    rows = _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    assert office.window.currentScreen() is screen
    assert rows == ["K1C005", "K1B004", "K1B003", "K1A002", "K1A001"]
    assert screen.from_date.date() == QDate(2025, 3, 8)
    assert screen.to_date.date() == QDate(2025, 3, 14)
    model = screen.model()
    cells = [model.index(4, column).data() for column in range(model.columnCount())]
    # date-time, reference, kind, operator, masked line, amount, earned, status, clerk
    assert cells == [
        "10/03/2025 09:01",
        "K1A001",
        "Recarga",
        "Claro",
        "*** *** 2222",
        "$\xa010.000",
        "$\xa0350",
        "Pagada y entregada",
        "Ana",
    ]
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert "Ganancia" in header


def test_each_filter_from_the_screen(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history

    screen.line_input.setText("2222")  # the last four digits
    assert _searched(qtbot, office, lambda: _enter(qtbot, screen.line_input)) == [
        "K1B004",
        "K1A001",
    ]
    screen.line_input.setText("315 777 8888")  # a whole line, as typed
    assert _searched(qtbot, office, lambda: _enter(qtbot, screen.line_input)) == ["K1C005"]
    screen.line_input.clear()

    screen.reference_input.setText("k1b")  # a prefix, any case
    assert _searched(qtbot, office, screen.search_button.click) == ["K1B004", "K1B003"]
    screen.reference_input.clear()

    screen.clerk_combo.setEditText("Luis")
    clerk_field = screen.clerk_combo.lineEdit()
    assert clerk_field is not None
    assert _searched(qtbot, office, lambda: _enter(qtbot, clerk_field)) == ["K1B004", "K1B003"]
    screen.clerk_combo.setEditText("")

    index = screen.state_combo.findText("Pagada, no entregada: reclamar devolución")
    screen.state_combo.setCurrentIndex(index)
    assert _searched(qtbot, office, screen.search_button.click) == ["K1B003"]
    screen.state_combo.setCurrentIndex(0)

    # Store days (Bogotá): 11 March is K1B003's day only.
    screen.from_date.setDate(QDate(2025, 3, 11))
    screen.to_date.setDate(QDate(2025, 3, 11))
    assert _searched(qtbot, office, screen.search_button.click) == ["K1B003"]


def test_a_clerk_is_found_by_the_start_of_the_name(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    for typed, found in (("an", ["K1C005", "K1A002", "K1A001"]), ("LU", ["K1B004", "K1B003"])):
        screen.clerk_combo.setEditText(typed)
        assert _searched(qtbot, office, screen.search_button.click) == found
    screen.clerk_combo.setEditText("%")  # LIKE's wildcard is a plain character
    assert _searched(qtbot, office, screen.search_button.click) == []


def test_a_long_clerks_name_shows_whole_in_the_filter(qtbot: Any, office: Office) -> None:
    screen = office.window.history
    office.window.resize(1024, 768)
    name = "Ana Fernanda Gómez"
    _searched(qtbot, office, office.wiring.open_history)
    screen.setClerks(["Ana", name])
    QApplication.processEvents()
    combo = screen.clerk_combo
    combo.setCurrentIndex(combo.findText(name))
    combo.activated.emit(combo.currentIndex())
    QApplication.processEvents()
    field = combo.lineEdit()
    assert field is not None and field.text() == name
    assert field.cursorPosition() == 0  # shown from its start
    assert field.width() >= field.fontMetrics().horizontalAdvance(name) + 4


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_filters_never_overlap_at_the_counters_size(
    qtbot: Any, office: Office, language: str
) -> None:
    screen = office.window.history
    office.window.resize(1024, 768)
    _searched(qtbot, office, office.wiring.open_history)
    screen.setClerks(["Ana", "Ana Fernanda Gómez"])
    speak(language)
    QApplication.processEvents()
    widgets = [
        screen.line_input,
        screen.reference_input,
        screen.state_combo,
        screen.from_date,
        screen.to_date,
        screen.clerk_combo,
        screen.search_button,
    ]
    for index, first in enumerate(widgets):
        for second in widgets[index + 1 :]:
            overlap = first.geometry().intersects(second.geometry())
            assert not overlap, f"{first.objectName()} overlaps {second.objectName()}"


@pytest.mark.parametrize(
    ("field", "typed"),
    [("line", "789"), ("line", "abcd"), ("reference", "zz!")],
)
def test_a_refused_search_leaves_no_old_results(
    qtbot: Any, office: Office, field: str, typed: str
) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    screen.reference_input.setText("K1A001")
    assert _searched(qtbot, office, screen.search_button.click) == ["K1A001"]
    count = screen.findChild(QLabel, "historyCountLabel")
    assert count is not None and count.isVisibleTo(screen)
    assert count.text() == "1 venta en total."
    screen.reference_input.clear()
    getattr(screen, f"{field}_input").setText(typed)
    with qtbot.waitSignal(office.history.refused, timeout=10_000):
        screen.go_on()
    assert screen.messageText()  # the refusal, said
    assert screen.model().rowCount() == 0
    assert not count.isVisibleTo(screen)
    assert not screen.isEmptyShown()  # not "no sales": the search was not made
    assert not screen.open_button.isEnabled()


def test_the_history_is_made_for_fingers(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    table = screen.table()
    assert table.rowHeight(0) >= 48
    assert table.verticalHeader().defaultSectionSize() >= 48
    assert QScroller.hasScroller(table.viewport())
    # "Ver venta" opens the chosen row: no double click needed.
    button = screen.open_button
    assert button.text() == "Ver venta" and button.isVisibleTo(screen)
    assert button.height() >= 48
    assert not button.isEnabled()  # nothing chosen yet
    row = _rows(office.window).index("K1B003")
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(screen.model().index(row, 1)).center(),
    )
    qtbot.waitUntil(lambda: table.currentIndex().row() == row, timeout=3_000)
    assert button.isEnabled()
    with qtbot.waitSignal(office.history.stepsReady, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    detail = office.window.sale_detail
    assert office.window.currentScreen() is detail and detail.reference() == "K1B003"
    steps = detail.findChild(QTableWidget, "saleDetailSteps")
    assert steps is not None and QScroller.hasScroller(steps.viewport())


def test_who_wrote_a_step_reads_plainly(qtbot: Any, office: Office) -> None:
    assert actor_words("kiosk:1b5acfb2d8aa") == "Esta caja"
    assert actor_words("reconciler") == "Seguimiento automático"
    assert actor_words("Ana-Fernanda-Gómez") == "Ana Fernanda Gómez"
    assert actor_words("Administrador") == "Administrador"
    assert actor_words("cli") == "Línea de comandos"
    speak("en")
    try:
        assert actor_words("kiosk:1b5acfb2d8aa") == "This till"
        assert actor_words("reconciler") == "Automatic follow-up"
    finally:
        speak("es")


def test_nothing_found_says_so_plainly(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    screen.line_input.setText("9999")
    assert _searched(qtbot, office, screen.go_on) == []
    assert screen.isEmptyShown()
    assert screen.emptyText().startswith("No hay ventas con esos filtros.")


def test_a_line_that_is_neither_whole_nor_four_digits_is_told(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    screen.line_input.setText("31234")
    with qtbot.waitSignal(office.history.failed, timeout=10_000):
        screen.go_on()
    assert "últimos 4 dígitos" in screen.messageText()


def test_pages_are_fetched_as_the_table_needs_them(
    qtbot: Any, shown_window: MainWindow, tmp_path: Path
) -> None:
    with build_office(qtbot, shown_window, tmp_path, page_size=2) as office:
        model = shown_window.history.model()
        with qtbot.waitSignal(office.history.pageReady, timeout=10_000):
            office.wiring.open_history()
        # The table fills its visible rows page by page (the view asks: fetchMore).
        qtbot.waitUntil(lambda: model.rowCount() == 5 and not model.hasMore(), timeout=10_000)
        assert _rows(shown_window) == ["K1C005", "K1B004", "K1B003", "K1A002", "K1A001"]
        assert not model.canFetchMore()


def test_a_page_is_all_the_model_holds_until_asked(qtbot: Any, office: Office) -> None:
    """Without a view scrolling, the model holds the first page and asks for no more."""
    history = HistoryController(office.journal, page_size=2)
    pages: list[Any] = []
    history.pageReady.connect(lambda page, first: pages.append((page, first)))
    with qtbot.waitSignal(history.pageReady, timeout=10_000):
        history.search(HistoryFilters(first_day=date(2025, 3, 1)))
    model = SalesModel()
    page, _first = pages[-1]
    model.setSales(page.sales, page.next_before is not None)
    assert model.rowCount() == 2 and model.canFetchMore()
    with qtbot.waitSignal(model.moreWanted, timeout=1000):
        model.fetchMore()
    assert not model.canFetchMore()  # held while the page is on its way


def _open(qtbot: Any, office: Office, reference: str) -> None:
    screen = office.window.history
    row = _rows(office.window).index(reference)
    table = screen.table()
    table.setFocus()
    table.setCurrentIndex(screen.model().index(row, 0))
    with qtbot.waitSignal(office.history.stepsReady, timeout=10_000):
        _enter(qtbot, table)
    assert office.window.currentScreen() is office.window.sale_detail


def test_a_sale_opens_with_its_journaled_steps(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    _open(qtbot, office, "K1A001")
    detail = office.window.sale_detail
    summary = detail.summary()
    assert summary["Reference"] == "K1A001"
    assert summary["Line"] == "*** *** 2222"
    assert summary["Earned"] == "$\xa0350"
    steps = detail.stepRows()
    assert [row[1] for row in steps] == [
        state_words(state) for state in path_to(SaleState.DELIVERED)
    ]
    assert steps[0][1] == "Sin pagar" and steps[-1][1] == "Pagada y entregada"
    # No raw event ids, no raw actor: the state says what happened, "Esta caja" who.
    assert ACTOR.startswith("kiosk:")
    assert steps[0][2:] == ("Esta caja", "")
    who = detail._steps_table.horizontalHeaderItem(2)
    assert who is not None and who.text() == "Quién"
    shown_steps = " ".join(" ".join(row) for row in steps)
    assert "sale." not in shown_steps and "sale_" not in shown_steps
    assert "kiosk:" not in shown_steps
    assert not detail.canSettle()
    shown = " ".join(shown_texts(office.window).values())
    assert not any(line in shown for line in FULL_LINES)
    detail.go_back()
    assert office.window.currentScreen() is office.window.history


def test_reprint_is_a_copy_and_is_journaled(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    _open(qtbot, office, "K1A001")
    detail = office.window.sale_detail
    with qtbot.waitSignal(office.history.stepsReady, timeout=10_000):
        detail.reprint_button.click()
    assert len(office.printed) == 1
    assert office.printed[0].copy_mark  # "COPIA" on paper
    reprints = office.journal.events("sale.reprinted", reference="K1A001")
    assert [(entry.payload["copy"], entry.actor) for entry in reprints] == [(1, "Ana")]
    assert detail.stepRows()[-1][1:3] == ("Copia del comprobante", "Ana")
    assert "Copia impresa" in detail.messageText()


def test_an_admin_records_how_a_paid_not_delivered_sale_was_settled(
    qtbot: Any, office: Office
) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    _open(qtbot, office, "K1B003")
    detail = office.window.sale_detail
    assert detail.canSettle()
    assert not detail.settle_button.isEnabled()  # nothing written yet
    detail.settle_input.setText("Se devolvió el dinero en efectivo")
    detail.settle_button.click()
    dialog = office.window.findChild(AdminPinDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.entry.field.setText("0000")  # the demo admin (test keys)
    with qtbot.waitSignal(office.reports.settled, timeout=10_000):
        dialog.entry.submit()
    qtbot.waitUntil(lambda: detail.summary()["State"] == "Resuelta por la tienda", timeout=10_000)
    sale = office.journal.sale("K1B003")
    assert sale is not None and sale.state is SaleState.SETTLED
    settled = office.journal.entries_for("K1B003")[-1]
    assert settled.event == "sale.settled"
    assert settled.payload["how"] == "Se devolvió el dinero en efectivo"
    assert settled.actor == "Administrador"
    assert not detail.canSettle()
    # Said after the sale is read again (the reload cleared what was said before it).
    qtbot.waitUntil(
        lambda: detail.messageText() == "Solución registrada en el diario.", timeout=10_000
    )
    # How it was settled is on the detail: its step's note and above the steps.
    qtbot.waitUntil(lambda: detail.stepRows()[-1][1] == "Resuelta por la tienda", timeout=10_000)
    assert detail.stepRows()[-1][2:] == ("Administrador", "Se devolvió el dinero en efectivo")
    assert detail.settledNote() == "Cómo se resolvió: Se devolvió el dinero en efectivo"


def test_a_wrong_admin_pin_settles_nothing(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    _open(qtbot, office, "K1B003")
    detail = office.window.sale_detail
    detail.settle_input.setText("Devuelto")
    detail.settle_button.click()
    dialog = office.window.findChild(AdminPinDialog)
    assert dialog is not None
    dialog.entry.field.setText("1111")  # a clerk's PIN, not an admin's
    dialog.entry.submit()
    qtbot.waitUntil(lambda: bool(dialog.message()), timeout=10_000)
    dialog.reject()
    sale = office.journal.sale("K1B003")
    assert sale is not None and sale.state is SaleState.PAID_NOT_DELIVERED


def test_the_history_and_a_sale_speak_english_after_the_switch(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    spanish = shown_texts(screen)
    model = screen.model()
    spanish_cells = [model.index(4, column).data() for column in (2, 5, 7)]
    speak("en")
    assert_all_translated(spanish, shown_texts(screen))
    assert (
        [model.index(4, column).data() for column in (2, 5, 7)]
        == [
            "Top-up",
            "COP\xa010,000",
            "Paid and delivered",
        ]
        != spanish_cells
    )
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Earned"
    assert screen.state_combo.itemText(0) == "All statuses"

    _open(qtbot, office, "K1A001")
    detail = office.window.sale_detail
    assert detail.stepRows()[-1][1] == "Paid and delivered"
    speak("es")
    QApplication.processEvents()
    assert detail.stepRows()[-1][1] == "Pagada y entregada"
    assert screen.state_combo.itemText(0) == "Todos los estados"


def test_reset_forgets_the_search(qtbot: Any, office: Office) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    screen.line_input.setText("2222")
    office.window.show_start(reset=True)
    assert screen.line_input.text() == "" and screen.model().rowCount() == 0
    assert not screen.hasSearched()
    assert _day(screen.to_date.date()) == date(2025, 3, 14)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# -- a year of sales (200,000: tests/support/seeded.py) ----------------------------------


@pytest.fixture
def year_office(qtbot: Any, shown_window: MainWindow, year_journal: Path) -> Iterator[Office]:
    journal = open_year(year_journal, read_only=True)
    clock = SetClock(datetime(2026, 1, 1, 4, 0, tzinfo=UTC))  # 31 Dec 2025, 23:00 in Bogotá
    history = HistoryController(journal)
    wiring = BackOfficeWiring(shown_window, history=history, clock=clock)
    try:
        yield Office(shown_window, journal, history, None, wiring, clock)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: not history.is_loading(), timeout=10_000)
    finally:
        journal.close()


def test_a_year_of_sales_comes_a_page_at_a_time(
    qtbot: Any, year_office: Office, year_summary: SeedSummary
) -> None:
    screen = year_office.window.history
    model = screen.model()
    _searched(qtbot, year_office, year_office.wiring.open_history)  # the last week
    screen.from_date.setDate(QDate(2025, 1, 1))  # the whole year
    started = time.monotonic()
    _searched(qtbot, year_office, screen.go_on)
    assert time.monotonic() - started < 5  # one indexed page, not 200,000 rows
    shown = model.rowCount()
    assert 0 < shown <= 300 and model.hasMore()
    moments = [sale.created_at for sale in model.sales()]
    assert moments == sorted(moments, reverse=True)
    assert moments[0] <= year_summary.end
    # Scrolling to the end asks for the next page, and only that one.
    with qtbot.waitSignal(year_office.history.pageReady, timeout=10_000):
        screen.table().scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > shown, timeout=10_000)
    qtbot.waitUntil(lambda: not year_office.history.is_loading(), timeout=10_000)
    assert model.rowCount() <= shown + 300
    assert len({sale.reference for sale in model.sales()}) == model.rowCount()


def test_a_regular_customers_line_over_a_year(
    qtbot: Any, year_office: Office, year_summary: SeedSummary
) -> None:
    line, count = max(year_summary.repeat_lines.items(), key=lambda item: item[1])
    assert count < 100  # one page
    _searched(qtbot, year_office, year_office.wiring.open_history)
    screen = year_office.window.history
    screen.from_date.setDate(QDate(2025, 1, 1))
    screen.line_input.setText(line)
    _searched(qtbot, year_office, screen.go_on)
    sales = screen.model().sales()
    assert len(sales) == count and not screen.model().hasMore()
    assert {sale.line_masked for sale in sales} == {f"*** *** {line[-4:]}"}
    shown = " ".join(shown_texts(year_office.window).values())
    assert line not in shown


def test_a_clerks_paid_not_delivered_sales_over_a_year(qtbot: Any, year_office: Office) -> None:
    _searched(qtbot, year_office, year_office.wiring.open_history)
    screen = year_office.window.history
    screen.from_date.setDate(QDate(2025, 1, 1))
    screen.clerk_combo.setEditText("Marta")
    screen.state_combo.setCurrentIndex(
        screen.state_combo.findText("Pagada, no entregada: reclamar devolución")
    )
    _searched(qtbot, year_office, screen.go_on)
    sales = screen.model().sales()
    assert sales and all(
        (sale.clerk, sale.state) == ("Marta", SaleState.PAID_NOT_DELIVERED) for sale in sales
    )


# -- the accountant's CSV ---------------------------------------------------------------


def _export_to(qtbot: Any, office: Office, target: Path) -> None:
    screen = office.window.history
    screen.export_button.click()
    dialog = screen.csvDialog()
    assert dialog is not None
    dialog.selectFile(str(target))
    dialog.accept()


def test_the_csv_export_has_masked_lines(qtbot: Any, office: Office, tmp_path: Path) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    target = tmp_path / "ventas.csv"
    with qtbot.waitSignal(office.history.exported, timeout=20_000) as blocker:
        _export_to(qtbot, office, target)
    assert blocker.args == [target, 5]
    written = target.read_text(encoding="utf-8-sig")
    assert "*** *** 2222" in written
    assert not any(line in written for line in FULL_LINES)
    screen = office.window.history
    assert "5 ventas exportadas" in screen.messageText()
    assert not screen.isBusy()


def test_full_lines_only_after_the_admin_pin(qtbot: Any, office: Office, tmp_path: Path) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    screen = office.window.history
    screen.full_lines_check.setChecked(True)
    target = tmp_path / "ventas-completas.csv"
    with qtbot.assertNotEmitted(office.history.exported, wait=200):
        _export_to(qtbot, office, target)
    dialog = office.window.findChild(AdminPinDialog)
    assert dialog is not None and not target.exists()  # nothing before the PIN
    dialog.entry.field.setText("0000")
    with qtbot.waitSignal(office.history.exported, timeout=20_000):
        dialog.entry.submit()
    written = target.read_text(encoding="utf-8-sig")
    assert set(written.replace(";", "\n").split()) >= FULL_LINES
    assert target.stat().st_mode & 0o077 == 0  # the admin's file: owner only


def test_no_admin_pin_no_full_lines(qtbot: Any, office: Office, tmp_path: Path) -> None:
    _searched(qtbot, office, office.wiring.open_history)
    office.window.history.full_lines_check.setChecked(True)
    target = tmp_path / "ventas-completas.csv"
    _export_to(qtbot, office, target)
    dialog = office.window.findChild(AdminPinDialog)
    assert dialog is not None
    with qtbot.assertNotEmitted(office.history.exported, wait=200):
        dialog.reject()
    assert not target.exists()
