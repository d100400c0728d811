"""The shift report at the counter: the X report (today so far) as it prints, a small chart,
the sales to follow up, and the buttons to refresh, close the shift (Z), print and save a PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QScroller,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import formats, translate
from kiosk.controllers.reports import chart_data, report_document
from kiosk.controllers.sale_words import state_words
from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.report import ChartData, FollowUp
from ui.screens.base import Screen, make_button
from ui.widgets.confirm_dialog import ConfirmDialog, Question
from ui.widgets.message_label import set_role
from ui.widgets.save_dialog import save_dialog

if TYPE_CHECKING:
    from kiosk.domain.report import ShiftReport

_TABLE_STYLE = "QTableWidget, QHeaderView::section { font-size: 15px; }"
_DOCUMENT_WIDTH = 470


class DocumentView(QFrame):
    """A :class:`Document` as a readable panel: headings, label-value rows, paragraphs, rules.

    The document is already in the reader's language: whoever holds the data renders it
    again after a language change (``setDocument``). Object names: ``documentView``,
    ``documentCopyMark``, ``documentRow_<key>`` (a row's value, when
    the row has a key), ``documentHeading``, ``documentParagraph``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        set_role(self, "receipt")
        self.setStyleSheet("QLabel { font-size: 15px; }")
        self._document: Document | None = None
        self._labels: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(18, 14, 18, 14)
        self._layout.setSpacing(3)

    def setDocument(self, document: Document | None) -> None:
        self._document = document
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._labels = []
        if document is None:
            return
        if document.copy_mark:
            self._label(document.copy_mark, "documentCopyMark", "receiptTitle", center=True)
        # The title is the document's name (a PDF's metadata); its lines already head it.
        for line in document.lines:
            if isinstance(line, Heading):
                self._label(line.text, "documentHeading", "receiptTitle", center=True)
            elif isinstance(line, Row):
                self._row(line)
            elif isinstance(line, Paragraph):
                self._label(line.text, "documentParagraph", "hint")
            elif isinstance(line, Rule):
                rule = QFrame(self)
                rule.setFrameShape(QFrame.Shape.HLine)
                rule.setObjectName("documentRule")
                self._layout.addWidget(rule)
        self._layout.addStretch(1)

    def document(self) -> Document | None:
        return self._document

    def texts(self) -> list[str]:
        """What the panel says, in order (a row: its label, then its value)."""
        return [label.text() for label in self._labels]

    def _label(self, text: str, name: str, role: str, *, center: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        set_role(label, role)
        if center:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(label)
        self._labels.append(label)
        return label

    def _row(self, row: Row) -> None:
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(row.label, box)
        caption.setWordWrap(True)
        value = QLabel(row.value, box)
        value.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if row.key:
            value.setObjectName(f"documentRow_{row.key}")
        layout.addWidget(caption, 3)
        layout.addWidget(value, 2)
        self._layout.addWidget(box)
        self._labels += [caption, value]


class ChartView(QWidget):
    """The report's small chart (sales by hour and by operator), drawn by the same painter
    as the PDF's. Object name: ``reportChart``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self._chart = ChartData()
        self.setMinimumHeight(200)

    def setChart(self, chart: ChartData) -> None:
        self._chart = chart
        self.update()

    def chart(self) -> ChartData:
        return self._chart

    def paintEvent(self, event: QPaintEvent) -> None:
        from ui.printing.chart import paint_chart  # the reports' painter, as the PDF's

        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            paint_chart(painter, self.rect(), self._chart)
        finally:
            painter.end()


class CloseShiftDialog(ConfirmDialog):
    """ "Cerrar turno": what closing does, "Sí, cerrar turno" or "No, volver" (the default).

    ``empty``: the X report shown has no sale since the last close (or the journal none):
    the question says so, so a second close in a row is not taken for a real one.

    Object names: ``reportCloseConfirmation``, ``reportCloseConfirmText``,
    ``reportCloseConfirmButton``, ``reportCloseCancelButton``.
    """

    def __init__(self, parent: QWidget | None = None, *, empty: bool = False) -> None:
        super().__init__(parent, name="reportClose", text_width=460, width=560, height=220)
        self._empty = empty
        self.retranslate()

    def question(self) -> Question:
        if self._empty:
            text = translate(
                "ReportScreen",
                "No hay ventas desde el último cierre; ¿cerrar de todos modos?",
            )
        else:
            text = translate(
                "ReportScreen",
                "Esto cierra el turno: se hace el informe Z, queda guardado en el diario y el "
                "próximo turno empieza en cero. ¿Cerrar el turno ahora?",
            )
        return Question(
            title=translate("ReportScreen", "Cerrar turno"),
            text=text,
            confirm=translate("ReportScreen", "Sí, cerrar turno"),
            cancel=translate("ReportScreen", "No, volver"),
        )

    def isEmpty(self) -> bool:
        return self._empty


def has_no_sales(report: ShiftReport | None) -> bool:
    """An X report with no sale created since the last close (an empty journal's too)."""
    if report is None or report.closed:
        return False
    return sum(tally.count for tally in report.by_state) == 0


def follow_up_words(item: FollowUp) -> str:
    return state_words(item.state)


class ReportScreen(Screen):
    """The X report shown as it prints, its chart, and the sales to follow up.

    Signals: ``refreshRequested()`` ("Actualizar": a new X report),
    ``closeShiftRequested()`` ("Cerrar turno", after the confirmation says yes),
    ``printRequested()`` ("Imprimir"), ``pdfRequested(path)`` ("Guardar PDF", once a file
    is chosen), ``saleOpened(reference)`` (a follow-up sale opened: its detail, where an
    admin records how it was settled), ``back()``.
    Slots: ``showReport(report)`` (an X or the Z just closed), ``setBusy``, ``setError``,
    ``showHint``, ``askCloseShift()`` (the confirmation; on a Z shown, after a new X),
    ``askPdfPath()`` (the file
    dialog).
    Queries: ``report()``, ``documentView()``, ``chartView()``, ``followUpRows()``,
    ``confirmation()`` and ``pdfDialog()`` (the open dialogs, for tests).

    Object names: ``reportScreen``, ``reportDocumentArea`` (QScrollArea) with the
    ``documentView``, ``reportChart``, ``reportFollowUpCaption``, ``reportFollowUpTable``,
    ``reportOpenSaleButton``, ``reportRefreshButton``, ``reportCloseButton``,
    ``reportPrintButton``, ``reportPdfButton``, ``reportBackButton``; the confirmation
    ``reportCloseConfirmation`` (QMessageBox) and the file dialog ``reportPdfDialog``.
    """

    refreshRequested = Signal()
    closeShiftRequested = Signal()
    printRequested = Signal()
    pdfRequested = Signal(object)
    saleOpened = Signal(str)

    prefix = "report"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        content = self.content()
        self._report: ShiftReport | None = None
        self._confirmation: CloseShiftDialog | None = None
        #: "Cerrar turno" pressed on a Z: the question waits for the new X report.
        self._ask_close_on_report = False
        self._pdf_dialog: QFileDialog | None = None
        #: Use Qt's own file dialog (not the platform's): tests and kiosks drive it.
        self.native_dialogs = False

        columns = QHBoxLayout()
        columns.setSpacing(16)
        self._area = QScrollArea(content)
        self._area.setObjectName("reportDocumentArea")
        self._area.setWidgetResizable(True)
        self._area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._area.setFixedWidth(_DOCUMENT_WIDTH + 24)
        self._document = DocumentView()
        self._area.setWidget(self._document)
        # A finger drags the report (kinetic), as the follow-up list below.
        QScroller.grabGesture(
            self._area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        columns.addWidget(self._area)

        side = QVBoxLayout()
        side.setSpacing(8)
        self._chart = ChartView(content)
        side.addWidget(self._chart, 1)
        self._follow_caption = QLabel(content)
        self._follow_caption.setObjectName("reportFollowUpCaption")
        set_role(self._follow_caption, "caption")
        side.addWidget(self._follow_caption)
        self._follow = QTableWidget(0, 4, content)
        self._follow.setObjectName("reportFollowUpTable")
        self._follow.setStyleSheet(_TABLE_STYLE)
        self._follow.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._follow.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._follow.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._follow.verticalHeader().hide()
        self._follow.setWordWrap(False)
        self._follow.verticalHeader().setDefaultSectionSize(48)
        self._follow.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(
            self._follow.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        header = self._follow.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._follow.doubleClicked.connect(lambda _index: self._open_follow_up())
        self._follow.itemSelectionChanged.connect(self._render_buttons)
        side.addWidget(self._follow, 1)
        self.open_sale_button = make_button("", "reportOpenSaleButton", content)
        self.open_sale_button.clicked.connect(self._open_follow_up)
        side.addWidget(self.open_sale_button, 0, Qt.AlignmentFlag.AlignRight)
        columns.addLayout(side, 1)
        self.body.addLayout(columns, 1)

        self.refresh_button = make_button("", "reportRefreshButton", content)
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.add_hint(self.refresh_button, "", "F5")
        self.print_button = make_button("", "reportPrintButton", content)
        self.print_button.clicked.connect(self.printRequested)
        self.pdf_button = make_button("", "reportPdfButton", content)
        self.pdf_button.clicked.connect(self.askPdfPath)
        self.close_button = make_button("", "reportCloseButton", content, primary=True)
        self.close_button.clicked.connect(self.askCloseShift)
        for button in (self.refresh_button, self.print_button, self.pdf_button, self.close_button):
            self.footer.addWidget(button)
        self.retranslate()

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self._title_text())
        self.setSubtitle(
            translate(
                "ReportScreen",
                "El informe X muestra el turno sin cerrarlo. «Cerrar turno» hace el informe Z.",
            )
        )
        self._area.setAccessibleName(translate("ReportScreen", "Informe del turno"))
        self._chart.setAccessibleName(translate("ReportScreen", "Ventas por hora y por operador"))
        self._follow.setHorizontalHeaderLabels(
            [
                translate("ReportScreen", "Referencia"),
                translate("ReportScreen", "Línea"),
                translate("ReportScreen", "Valor"),
                translate("ReportScreen", "Estado"),
            ]
        )
        self.set_button_text(self.open_sale_button, translate("ReportScreen", "Ver y resolver"))
        self.set_button_text(self.refresh_button, translate("ReportScreen", "Actualizar"))
        self.set_button_text(self.print_button, translate("ReportScreen", "Imprimir"))
        self.set_button_text(self.pdf_button, translate("ReportScreen", "Guardar PDF"))
        self.set_button_text(self.close_button, translate("ReportScreen", "Cerrar turno"))
        self._render()

    def _title_text(self) -> str:
        if self._report is not None and self._report.closed:
            return translate("ReportScreen", "Informe Z: turno cerrado")
        return translate("ReportScreen", "Informe X del turno")

    # -- slots -------------------------------------------------------------------------

    def showReport(self, report: ShiftReport) -> None:
        self._report = report
        self.setTitle(self._title_text())
        self._render()
        if self._ask_close_on_report and not report.closed:
            self._ask_close_on_report = False
            self.askCloseShift()

    def setError(self, message: str) -> None:
        self._ask_close_on_report = False  # the X asked for did not come: no question
        super().setError(message)

    def report(self) -> ShiftReport | None:
        return self._report

    def documentView(self) -> DocumentView:
        return self._document

    def chartView(self) -> ChartView:
        return self._chart

    def followUpRows(self) -> list[tuple[str, ...]]:
        rows = []
        for row in range(self._follow.rowCount()):
            cells = (self._follow.item(row, column) for column in range(4))
            rows.append(tuple(cell.text() if cell is not None else "" for cell in cells))
        return rows

    def confirmation(self) -> CloseShiftDialog | None:
        return self._confirmation

    def pdfDialog(self) -> QFileDialog | None:
        return self._pdf_dialog

    # -- rendering ---------------------------------------------------------------------

    def _render(self) -> None:
        report = self._report
        if report is None:
            self._document.setDocument(None)
            self._chart.setChart(ChartData())
            self._fill_follow_up([], 0)
        else:
            self._document.setDocument(report_document(report))
            self._chart.setChart(chart_data(report))
            self._fill_follow_up(report.follow_up, report.follow_up_count)
        self._render_buttons()

    def _fill_follow_up(self, items: Sequence[FollowUp], count: int) -> None:
        self._follow_caption.setText(
            translate("ReportScreen", "%n venta(s) por revisar", None, count)
            if count
            else translate("ReportScreen", "No hay ventas por revisar.")
        )
        self._follow.setRowCount(len(items))
        shown = formats()
        for row, item in enumerate(items):
            cells = (
                item.reference,
                item.line_masked,
                shown.pesos(item.amount_pesos),
                follow_up_words(item),
            )
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.reference)
                self._follow.setItem(row, column, cell)

    def _render_buttons(self) -> None:
        has_report = self._report is not None
        self.print_button.setEnabled(has_report)
        self.pdf_button.setEnabled(has_report)
        self.open_sale_button.setEnabled(bool(self._follow.selectedItems()))

    # -- actions -----------------------------------------------------------------------

    def _open_follow_up(self) -> None:
        row = self._follow.currentRow()
        item = self._follow.item(row, 0) if row >= 0 else None
        if item is not None:
            self.saleOpened.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def askCloseShift(self) -> CloseShiftDialog | None:
        """ "Esto cierra el turno…" (or, with no sale since the last close, "No hay
        ventas…"): yes closes it (``closeShiftRequested``), no leaves it.

        With a Z shown (the shift just closed), a new X report is asked for first and the
        question comes with it: what it says depends on what was sold since that close.
        """
        if self._report is not None and self._report.closed:
            self._ask_close_on_report = True
            self.refreshRequested.emit()
            return None
        dialog = CloseShiftDialog(self, empty=has_no_sales(self._report))
        dialog.accepted.connect(self.closeShiftRequested)
        dialog.finished.connect(lambda _result: self._confirmed(dialog))
        self._confirmation = dialog
        dialog.open()
        return dialog

    def _confirmed(self, dialog: CloseShiftDialog) -> None:
        if self._confirmation is dialog:
            self._confirmation = None
        dialog.deleteLater()

    def askPdfPath(self) -> QFileDialog:
        """Where to save the report as PDF (``pdfRequested(path)`` once chosen)."""
        dialog = save_dialog(
            self,
            title=translate("ReportScreen", "Guardar el informe en PDF"),
            name="reportPdfDialog",
            name_filter=translate("ReportScreen", "Documentos PDF (*.pdf)"),
            suffix="pdf",
            suggested=f"informe-{self._report.day.isoformat()}.pdf" if self._report else "",
            native=self.native_dialogs,
        )
        dialog.fileSelected.connect(lambda path: self.pdfRequested.emit(Path(path)))
        dialog.finished.connect(lambda _result: self._pdf_done(dialog))
        self._pdf_dialog = dialog
        dialog.open()
        return dialog

    def _pdf_done(self, dialog: QFileDialog) -> None:
        if self._pdf_dialog is dialog:
            self._pdf_dialog = None
        dialog.deleteLater()

    def enter(self) -> None:
        self.refresh_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_F5:
            if not self.isBusy():
                self.refreshRequested.emit()
            return True
        return super().handle_key(event)
