"""The sales history: filters, then the sales newest first, a page at a time as it scrolls."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScroller,
    QSizePolicy,
    QTableView,
    QWidget,
)

from kiosk.controllers.history import HistoryFilters
from kiosk.controllers.language import current_language, translate
from kiosk.controllers.sale_words import state_words
from kiosk.domain.sale import SaleState
from ui.models.sales import SalesModel
from ui.screens.base import Screen, make_button
from ui.widgets.message_label import set_role
from ui.widgets.save_dialog import save_dialog

if TYPE_CHECKING:
    from kiosk.journal import SaleRecord

#: How many days back the history starts when it opens (a week: "yesterday's sale").
DEFAULT_DAYS = 7
#: The table's own type size: nine columns fit 1024 px.
_TABLE_STYLE = "QTableView, QHeaderView::section { font-size: 14px; }"
#: The filters' own type size: six fields and a button fit one screen's width.
_FILTERS_STYLE = (
    "QLineEdit, QComboBox, QDateEdit { font-size: 17px; min-height: 44px; padding: 0px 8px; }"
    "QDateEdit { background: #ffffff; border: 2px solid #56626f; border-radius: 6px;"
    " min-height: 48px; }"
    "QDateEdit:focus { border: 3px solid #0b5cad; background: #fffdf0; }"
    "QDateEdit::drop-down { width: 30px; border: none; }"
    "QDateEdit QLineEdit { min-height: 48px; border: none; padding: 0px; background: transparent; }"
)
#: A row's height: a finger's (48 px at the least).
ROW_HEIGHT = 48
#: The clerk combo's least width in characters, and at most in pixels: the longest
#: clerk's name ("Ana Fernanda Gómez") fits whole up to that; a longer one shows its start.
CLERK_MIN_CHARS = 12
CLERK_MAX_WIDTH = 256
#: What the combo needs around its text: its padding, frame and the drop-down arrow.
_CLERK_CHROME = 72
#: The columns' widths in pixels (the clerk's column takes the rest).
_WIDTHS = (150, 108, 76, 80, 100, 96, 80, 162)
#: The date fields' format by language (Spanish: day first; English: the month's name).
_DATE_FORMATS = {"es": "dd/MM/yyyy", "en": "MMM d, yyyy"}


def state_choices() -> list[tuple[str, frozenset[SaleState]]]:
    """The status filter's choices: each distinct wording once, with every state it names
    (e.g. "Pago en verificación" is three states), in the states' own order."""
    choices: dict[str, set[SaleState]] = {}
    for state in SaleState:
        choices.setdefault(state_words(state), set()).add(state)
    return [(words, frozenset(states)) for words, states in choices.items()]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class HistoryScreen(Screen):
    """Find a sale: by line (full or its last 4 digits), reference, store days, status, clerk.

    Signals: ``searchRequested(HistoryFilters)`` ("Buscar" or Enter), ``moreRequested()``
    (the table scrolled to its end and there are more pages), ``saleOpened(reference)``
    (a row opened: "Ver venta" on the chosen row, a double click or Enter on it),
    ``exportRequested(HistoryFilters, path, full_lines)`` ("Exportar CSV", once a file is
    chosen; ``full_lines`` when "Líneas completas" is ticked: the wiring asks the admin
    PIN first), ``back()``.
    Slots: ``setToday(day)`` (the store's day: the date fields' default range),
    ``setClerks(names)``, ``showPage(sales, has_more, first)`` (``first``: a new search),
    ``setLoading(bool)``, ``setError(message)``, ``clearResults()`` (a refused search: the
    previous results and their count go), ``reset()``.
    Queries: ``filters()``, ``model()``, ``table()``, ``isEmptyShown()``.

    Lines are shown masked, always (the journal's masked form).

    Object names: ``historyScreen``, ``historyLineInput``, ``historyReferenceInput``,
    ``historyFromDate``, ``historyToDate``, ``historyStateCombo``, ``historyClerkCombo``,
    ``historySearchButton``, ``historyOpenButton`` ("Ver venta": the chosen row),
    ``historyExportButton``, ``historyFullLinesCheck``,
    ``historyCsvDialog`` (the file dialog), ``historyTable``,
    ``historyEmptyLabel``, ``historyCountLabel``, ``historyBackButton`` and the captions
    ``historyLineCaption``, ``historyReferenceCaption``, ``historyFromCaption``,
    ``historyToCaption``, ``historyStateCaption``, ``historyClerkCaption``.
    """

    searchRequested = Signal(object)
    moreRequested = Signal()
    saleOpened = Signal(str)
    exportRequested = Signal(object, object, bool)

    prefix = "history"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        content = self.content()
        self._today = date.today()
        self._clerks: list[str] = []
        self._searched = False

        filters = QWidget(content)
        filters.setObjectName("historyFilters")
        filters.setStyleSheet(_FILTERS_STYLE)
        grid = QGridLayout(filters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self._captions: dict[str, QLabel] = {}

        self.line_input = QLineEdit(filters)
        self.line_input.setObjectName("historyLineInput")
        self.line_input.setMaxLength(20)
        self.reference_input = QLineEdit(filters)
        self.reference_input.setObjectName("historyReferenceInput")
        self.reference_input.setMaxLength(64)
        self.state_combo = QComboBox(filters)
        self.state_combo.setObjectName("historyStateCombo")
        self._fit(self.state_combo)
        self.from_date = self._date_edit("historyFromDate", filters)
        self.to_date = self._date_edit("historyToDate", filters)
        self.clerk_combo = QComboBox(filters)
        self.clerk_combo.setObjectName("historyClerkCombo")
        self.clerk_combo.setEditable(True)
        self.clerk_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._fit(self.clerk_combo)
        self.clerk_combo.setMinimumContentsLength(CLERK_MIN_CHARS)
        self.clerk_combo.activated.connect(lambda _index: self._clerk_from_start())
        self.clerk_combo.setSizePolicy(
            QSizePolicy.Policy.Expanding, self.clerk_combo.sizePolicy().verticalPolicy()
        )
        self.search_button = make_button("", "historySearchButton", filters, primary=True)
        self.search_button.clicked.connect(self.go_on)
        self.search_button.setMinimumWidth(100)

        placed: list[tuple[str, QWidget, int, int]] = [
            ("Line", self.line_input, 0, 0),
            ("Reference", self.reference_input, 0, 2),
            ("State", self.state_combo, 0, 4),
            ("From", self.from_date, 1, 0),
            ("To", self.to_date, 1, 2),
            ("Clerk", self.clerk_combo, 1, 4),
        ]
        for key, field, row, column in placed:
            caption = QLabel(filters)
            caption.setObjectName(f"history{key}Caption")
            set_role(caption, "caption")
            caption.setBuddy(field)
            self._captions[key] = caption
            grid.addWidget(caption, row, column)
            grid.addWidget(field, row, column + 1)
        self._filters_grid = grid
        grid.addWidget(self.search_button, 1, 6)
        for column, stretch in ((1, 2), (3, 2), (5, 3)):
            grid.setColumnStretch(column, stretch)
        self.body.addWidget(filters)

        self._model = SalesModel(self)
        self._model.moreWanted.connect(self.moreRequested)
        self._table = QTableView(content)
        self._table.setObjectName("historyTable")
        self._table.setStyleSheet(_TABLE_STYLE)
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.verticalHeader().hide()
        self._table.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        self._table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A finger drags the list (kinetic); a tap still selects, "Ver venta" opens.
        QScroller.grabGesture(
            self._table.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        self._table.doubleClicked.connect(self._open_index)
        self._table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._render_open_button()
        )
        self._model.modelReset.connect(self._render_open_button)
        self._empty = QLabel(content)
        self._empty.setObjectName("historyEmptyLabel")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        set_role(self._empty, "status")
        self._empty.hide()
        self.body.addWidget(self._empty)
        self.body.addWidget(self._table, 1)

        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        self._count = QLabel(content)
        self._count.setObjectName("historyCountLabel")
        set_role(self._count, "hint")
        self._count.hide()
        below.addWidget(self._count, 1)
        self.open_button = make_button("", "historyOpenButton", content, primary=True)
        self.open_button.setMinimumHeight(ROW_HEIGHT)
        self.open_button.clicked.connect(lambda: self._open_index(self._table.currentIndex()))
        below.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.body.addLayout(below)

        self._render_open_button()

        self.full_lines_check = QCheckBox(content)
        self.full_lines_check.setObjectName("historyFullLinesCheck")
        self.footer.addWidget(self.full_lines_check)
        self.export_button = make_button("", "historyExportButton", content)
        self.export_button.clicked.connect(self.askCsvPath)
        self.footer.addWidget(self.export_button)
        self._csv_dialog: QFileDialog | None = None
        #: Qt's own file dialog (not the platform's): tests and kiosks drive it.
        self.native_dialogs = False

        self.setToday(self._today)
        self.retranslate()

    @staticmethod
    def _fit(combo: QComboBox) -> None:
        """A combo as wide as the grid gives it, not as its longest item (the states')."""
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)

    def _clerk_from_start(self) -> None:
        """A chosen name shows from its start (not scrolled to its end, cut at the left)."""
        line_edit = self.clerk_combo.lineEdit()
        if line_edit is not None:
            line_edit.setCursorPosition(0)

    def _fit_clerks(self, line_edit: QLineEdit) -> None:
        """Wide enough for the longest clerk's name (in the field's own font, styled)."""
        self.clerk_combo.ensurePolished()
        line_edit.ensurePolished()
        metrics = line_edit.fontMetrics()
        names = [*self._clerks, line_edit.placeholderText()]
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        self.clerk_combo.setMinimumWidth(min(widest + _CLERK_CHROME, CLERK_MAX_WIDTH))

    def _date_edit(self, name: str, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        return edit

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("HistoryScreen", "Historial de ventas"))
        self.setSubtitle(
            translate(
                "HistoryScreen",
                "Busque por línea (completa o sus últimos 4 dígitos), referencia, fechas, "
                "estado o cajero.",
            )
        )
        captions = {
            "Line": translate("HistoryScreen", "Línea"),
            "Reference": translate("HistoryScreen", "Referencia"),
            "State": translate("HistoryScreen", "Estado"),
            "From": translate("HistoryScreen", "Desde"),
            "To": translate("HistoryScreen", "Hasta"),
            "Clerk": translate("HistoryScreen", "Cajero"),
        }
        for key, caption in self._captions.items():
            caption.setText(captions[key])
        self.line_input.setPlaceholderText(translate("HistoryScreen", "Ej.: 6789"))
        self.reference_input.setPlaceholderText(translate("HistoryScreen", "Ej.: K1QX"))
        self._fill_states()
        self._fill_clerks()
        for edit in (self.from_date, self.to_date):
            edit.setLocale(QLocale())  # the language's own month names
            edit.setDisplayFormat(_DATE_FORMATS.get(current_language(), _DATE_FORMATS["es"]))
        self.set_button_text(self.search_button, translate("HistoryScreen", "Buscar"))
        self.set_button_text(self.export_button, translate("HistoryScreen", "Exportar CSV"))
        self.set_button_text(self.open_button, translate("HistoryScreen", "Ver venta"))
        self.full_lines_check.setText(
            translate("HistoryScreen", "Líneas completas (PIN de administrador)")
        )
        self.export_button.setToolTip(
            translate(
                "HistoryScreen",
                "Las ventas de las fechas elegidas en un archivo CSV para el contador.",
            )
        )
        self._table.setAccessibleName(translate("HistoryScreen", "Ventas encontradas"))
        self._empty.setText(
            translate(
                "HistoryScreen",
                "No hay ventas con esos filtros. Revise las fechas o quite algún filtro.",
            )
        )
        self._model.retranslate()
        self._render_count()

    def _fill_states(self) -> None:
        chosen = self.state_combo.currentData()
        self.state_combo.blockSignals(True)
        self.state_combo.clear()
        self.state_combo.addItem(translate("HistoryScreen", "Todos los estados"), frozenset())
        for words, states in state_choices():
            self.state_combo.addItem(words, states)
        index = self.state_combo.findData(chosen) if chosen else 0
        self.state_combo.setCurrentIndex(max(0, index))
        self.state_combo.blockSignals(False)

    def _fill_clerks(self) -> None:
        typed = self.clerk_combo.currentText()
        self.clerk_combo.blockSignals(True)
        self.clerk_combo.clear()
        self.clerk_combo.addItem("")
        for name in self._clerks:
            self.clerk_combo.addItem(name)
        self.clerk_combo.setEditText(typed)
        line_edit = self.clerk_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(translate("HistoryScreen", "Todos"))
            self._fit_clerks(line_edit)
        self._clerk_from_start()
        self.clerk_combo.blockSignals(False)

    def _render_count(self) -> None:
        shown = self._model.rowCount()
        if not self._searched or shown == 0:
            self._count.hide()
            return
        if self._model.hasMore():
            words = translate(
                "HistoryScreen", "%n venta(s) mostradas; hay más al bajar.", None, shown
            )
        else:
            words = translate("HistoryScreen", "%n venta(s) en total.", None, shown)
        self._count.setText(words)
        self._count.show()

    # -- slots -------------------------------------------------------------------------

    def setToday(self, today: date) -> None:
        """The store's day today: the date fields' range (the last week) and their limit."""
        self._today = today
        self.to_date.setMaximumDate(_qdate(today))
        self.from_date.setMaximumDate(_qdate(today))
        self.from_date.setDate(_qdate(today - timedelta(days=DEFAULT_DAYS - 1)))
        self.to_date.setDate(_qdate(today))

    def setClerks(self, names: Sequence[str]) -> None:
        self._clerks = list(names)
        self._fill_clerks()

    def showPage(self, sales: Sequence[SaleRecord], has_more: bool, first: bool) -> None:
        """A search's first page (``first``: the table starts over) or its next one."""
        self.setLoading(False)
        self.clearError()
        self._searched = True
        if first:
            self._model.setSales(sales, has_more)
            self._table.scrollToTop()
        else:
            self._model.appendSales(sales, has_more)
        self._empty.setVisible(self._model.rowCount() == 0)
        self._render_count()

    def clearResults(self) -> None:
        """A search was refused (or failed): the table and its count are not its answer, so
        they go (the refusal's message stays)."""
        self._model.clear()
        self._searched = False
        self._empty.hide()
        self._render_count()
        self._render_open_button()

    def setLoading(self, loading: bool) -> None:
        self._model.setLoading(loading)
        self.search_button.setEnabled(not loading)

    def filters(self) -> HistoryFilters:
        states = self.state_combo.currentData()
        return HistoryFilters(
            line=self.line_input.text().strip(),
            reference=self.reference_input.text().strip(),
            first_day=_day(self.from_date.date()),
            last_day=_day(self.to_date.date()),
            states=states if isinstance(states, frozenset) else frozenset(),
            clerk=self.clerk_combo.currentText().strip(),
        )

    def askCsvPath(self) -> QFileDialog:
        """Where to save the CSV of the chosen dates (``exportRequested`` once chosen)."""
        filters = self.filters()
        full_lines = self.full_lines_check.isChecked()
        first, last = filters.first_day, filters.last_day
        dialog = save_dialog(
            self,
            title=translate("HistoryScreen", "Guardar las ventas en CSV"),
            name="historyCsvDialog",
            name_filter=translate("HistoryScreen", "Archivos CSV (*.csv)"),
            suffix="csv",
            suggested=(
                f"ventas-{first.isoformat() if first else ''}-"
                f"{last.isoformat() if last else ''}.csv"
            ),
            native=self.native_dialogs,
        )
        dialog.fileSelected.connect(
            lambda path: self.exportRequested.emit(filters, Path(path), full_lines)
        )
        dialog.finished.connect(lambda _result: self._csv_done(dialog))
        self._csv_dialog = dialog
        dialog.open()
        return dialog

    def _csv_done(self, dialog: QFileDialog) -> None:
        if self._csv_dialog is dialog:
            self._csv_dialog = None
        dialog.deleteLater()

    def csvDialog(self) -> QFileDialog | None:
        return self._csv_dialog

    def model(self) -> SalesModel:
        return self._model

    def table(self) -> QTableView:
        return self._table

    def isEmptyShown(self) -> bool:
        return self._empty.isVisibleTo(self)

    def hasSearched(self) -> bool:
        return self._searched

    def emptyText(self) -> str:
        return self._empty.text()

    # -- keys and focus ----------------------------------------------------------------

    def setKioskMode(self, kiosk: bool) -> None:
        """At the kiosk (its admin) the text is larger: "Buscar" gets a row of its own, at
        the right, rather than being squeezed beside the clerk's filter."""
        super().setKioskMode(kiosk)
        grid = self._filters_grid
        grid.removeWidget(self.search_button)
        # Room between the filters' rows for a finger.
        grid.setVerticalSpacing(12 if kiosk else 6)
        if kiosk:
            grid.addWidget(self.search_button, 2, 0, 1, 7, Qt.AlignmentFlag.AlignRight)
        else:
            grid.addWidget(self.search_button, 1, 6)

    def enter(self) -> None:
        self.line_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self.clearError()
        self.searchRequested.emit(self.filters())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._table.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_index(self._table.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _render_open_button(self) -> None:
        self.open_button.setEnabled(self._table.currentIndex().isValid())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.saleOpened.emit(self._model.reference(index.row()))

    def reset(self) -> None:
        super().reset()
        self.line_input.clear()
        self.reference_input.clear()
        self.state_combo.setCurrentIndex(0)
        self.clerk_combo.setEditText("")
        self.setToday(self._today)
        self.full_lines_check.setChecked(False)
        self._model.clear()
        self._searched = False
        self._empty.hide()
        self._render_count()
