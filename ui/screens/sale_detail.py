"""One sale of the history: what it was, every step the journal holds, a copy of its receipt,
and (a paid sale that was not delivered) how the store settled it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScroller,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kiosk.controllers.language import formats, translate
from kiosk.controllers.sale_words import state_words
from kiosk.domain.sale import SaleState
from ui.models.sales import cell_text
from ui.screens.base import Screen, make_button
from ui.widgets.message_label import set_role

if TYPE_CHECKING:
    from kiosk.controllers.history import Step
    from kiosk.journal import SaleRecord

#: The summary's rows (keys name their labels: ``saleDetail<Key>Value``).
_SUMMARY = (
    ("Moment", "moment"),
    ("Reference", "reference"),
    ("Kind", "kind"),
    ("Operator", "operator"),
    ("Line", "line"),
    ("Amount", "amount"),
    ("Earned", "earned"),
    ("State", "state"),
    ("Clerk", "clerk"),
)
_TABLE_STYLE = "QTableWidget, QHeaderView::section { font-size: 15px; }"


def _captions() -> dict[str, str]:
    return {
        "Moment": translate("SaleDetailScreen", "Fecha y hora"),
        "Reference": translate("SaleDetailScreen", "Referencia"),
        "Kind": translate("SaleDetailScreen", "Venta"),
        "Operator": translate("SaleDetailScreen", "Operador"),
        "Line": translate("SaleDetailScreen", "Línea"),
        "Amount": translate("SaleDetailScreen", "Valor"),
        "Earned": translate("SaleDetailScreen", "Ganancia"),
        "State": translate("SaleDetailScreen", "Estado"),
        "Clerk": translate("SaleDetailScreen", "Cajero"),
    }


#: The steps' columns: when, the state reached (it says what happened), who, a note.
_STEP_COLUMNS = 4
#: Who the journal says wrote the entries no clerk wrote.
_KIOSK_ACTOR_PREFIX = "kiosk:"
_RECONCILER_ACTORS = frozenset({"reconciler", "reconcile", "reconciliation"})
_CLI_ACTOR = "cli"


def _step_titles() -> list[str]:
    return [
        translate("SaleDetailScreen", "Fecha y hora"),
        translate("SaleDetailScreen", "Estado"),
        translate("SaleDetailScreen", "Quién"),
        translate("SaleDetailScreen", "Nota"),
    ]


def actor_words(actor: str) -> str:
    """Who wrote a step, as a person reads it: this till (the kiosk's own entries: its
    name is not kept with them), the automatic follow-up, the command line, or the
    clerk's name (the journal keeps it with ``-`` for spaces)."""
    actor = actor.strip()
    if not actor or actor.startswith(_KIOSK_ACTOR_PREFIX):
        return translate("SaleDetailScreen", "Esta caja")
    lowered = actor.casefold()
    if lowered in _RECONCILER_ACTORS or lowered.startswith("reconciler:"):
        return translate("SaleDetailScreen", "Seguimiento automático")
    if lowered == _CLI_ACTOR:
        return translate("SaleDetailScreen", "Línea de comandos")
    return " ".join(actor.replace("-", " ").split())


def step_note_text(step: Step) -> str:
    """A step's note: how the store settled the sale (the admin's words, journaled)."""
    return step.note


def step_state_text(step: Step) -> str:
    """A step's state in words; a reprint (no state) says it was a copy."""
    if step.state is not None:
        return state_words(step.state)
    if step.event == "sale.reprinted":
        return translate("SaleDetailScreen", "Copia del comprobante")
    return ""


class SaleDetailScreen(Screen):
    """A sale found in the history and its journaled steps (never a full line).

    Signals: ``reprintRequested(reference)`` ("Reimprimir (copia)"),
    ``settleRequested(reference, how)`` ("Registrar solución": only for a sale paid and not
    delivered, with what the store did written in ``saleDetailSettleInput``), ``back()``.
    Slots: ``showSale(sale)``, ``showSteps(reference, steps)``, ``setBusy``,
    ``setError(message)``, ``showHint(message)``.
    Queries: ``reference()``, ``summary()`` (key -> text), ``stepRows()``, ``settledNote()``,
    ``canSettle()``.

    Object names: ``saleDetailScreen``, ``saleDetail<Key>Value`` for ``Moment``,
    ``Reference``, ``Kind``, ``Operator``, ``Line``, ``Amount``, ``Earned``, ``State``,
    ``Clerk``; ``saleDetailSettledNote`` (how a settled sale was settled),
    ``saleDetailSteps`` (QTableWidget: when, state, who, note), ``saleDetailReprintButton``,
    ``saleDetailSettleBox``, ``saleDetailSettleInput``, ``saleDetailSettleButton``,
    ``saleDetailBackButton``.
    """

    reprintRequested = Signal(str)
    settleRequested = Signal(str, str)

    prefix = "saleDetail"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        content = self.content()
        self._sale: SaleRecord | None = None
        self._steps: list[Step] = []

        panel = QFrame(content)
        panel.setObjectName("saleDetailSummary")
        set_role(panel, "panel")
        grid = QGridLayout(panel)
        grid.setContentsMargins(16, 10, 16, 10)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self._captions: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        half = (len(_SUMMARY) + 1) // 2
        for place, (key, _column) in enumerate(_SUMMARY):
            caption = QLabel(panel)
            set_role(caption, "caption")
            caption.setObjectName(f"saleDetail{key}Caption")
            value = QLabel(panel)
            value.setObjectName(f"saleDetail{key}Value")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._captions[key] = caption
            self._values[key] = value
            row, pair = place % half, place // half
            grid.addWidget(caption, row, pair * 2)
            grid.addWidget(value, row, pair * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.body.addWidget(panel)

        self._settled_note = QLabel(content)
        self._settled_note.setObjectName("saleDetailSettledNote")
        self._settled_note.setWordWrap(True)
        self._settled_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self._settled_note, "status")
        self._settled_note.hide()
        self.body.addWidget(self._settled_note)

        self._steps_table = QTableWidget(0, _STEP_COLUMNS, content)
        self._steps_table.setObjectName("saleDetailSteps")
        self._steps_table.setStyleSheet(_TABLE_STYLE)
        self._steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._steps_table.verticalHeader().hide()
        self._steps_table.setWordWrap(False)
        self._steps_table.verticalHeader().setDefaultSectionSize(44)
        self._steps_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(
            self._steps_table.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        header = self._steps_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.body.addWidget(self._steps_table, 1)

        self._settle_box = QFrame(content)
        self._settle_box.setObjectName("saleDetailSettleBox")
        settle = QHBoxLayout(self._settle_box)
        settle.setContentsMargins(0, 0, 0, 0)
        self._settle_caption = QLabel(self._settle_box)
        self._settle_caption.setObjectName("saleDetailSettleCaption")
        set_role(self._settle_caption, "caption")
        self.settle_input = QLineEdit(self._settle_box)
        self.settle_input.setObjectName("saleDetailSettleInput")
        self.settle_input.setMaxLength(200)
        self._settle_caption.setBuddy(self.settle_input)
        self.settle_input.textChanged.connect(self._render_buttons)
        self.settle_button = make_button("", "saleDetailSettleButton", self._settle_box)
        self.settle_button.clicked.connect(self._settle)
        settle.addWidget(self._settle_caption)
        settle.addWidget(self.settle_input, 1)
        settle.addWidget(self.settle_button)
        self._settle_box.hide()
        self.body.addWidget(self._settle_box)

        self.reprint_button = make_button("", "saleDetailReprintButton", content, primary=True)
        self.reprint_button.clicked.connect(self._reprint)
        self.footer.addWidget(self.reprint_button)
        self.retranslate()

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("SaleDetailScreen", "Detalle de la venta"))
        self.setSubtitle(
            translate("SaleDetailScreen", "Cada paso de la venta, como lo guarda el diario.")
        )
        for key, caption in _captions().items():
            self._captions[key].setText(caption)
        self._steps_table.setHorizontalHeaderLabels(_step_titles())
        self._steps_table.setAccessibleName(translate("SaleDetailScreen", "Pasos de la venta"))
        self._settle_caption.setText(translate("SaleDetailScreen", "Cómo se resolvió"))
        self.settle_input.setPlaceholderText(
            translate("SaleDetailScreen", "Ej.: se devolvió el dinero en efectivo")
        )
        self.set_button_text(
            self.settle_button, translate("SaleDetailScreen", "Registrar solución")
        )
        self.set_button_text(
            self.reprint_button, translate("SaleDetailScreen", "Reimprimir (copia)")
        )
        self._render_sale()
        self._render_steps()

    # -- slots -------------------------------------------------------------------------

    def showSale(self, sale: SaleRecord) -> None:
        if self._sale is None or self._sale.reference != sale.reference:
            self._steps = []
            self.settle_input.clear()
        self._sale = sale
        self.clearError()
        self._render_sale()
        self._render_steps()

    def showSteps(self, reference: str, steps: Sequence[Step]) -> None:
        if self._sale is not None and reference != self._sale.reference:
            return  # another sale's steps, late
        self._steps = list(steps)
        self._render_steps()

    def reference(self) -> str:
        return self._sale.reference if self._sale is not None else ""

    def sale(self) -> SaleRecord | None:
        return self._sale

    def summary(self) -> dict[str, str]:
        return {key: label.text() for key, label in self._values.items()}

    def stepRows(self) -> list[tuple[str, ...]]:
        rows = []
        for row in range(self._steps_table.rowCount()):
            cells = (self._steps_table.item(row, column) for column in range(_STEP_COLUMNS))
            rows.append(tuple(cell.text() if cell is not None else "" for cell in cells))
        return rows

    def settledNote(self) -> str:
        """How the store settled the sale, as the detail shows it ("" if not settled)."""
        return self._settled_note.text() if self._settled_note.isVisibleTo(self) else ""

    def canSettle(self) -> bool:
        return self._sale is not None and self._sale.state is SaleState.PAID_NOT_DELIVERED

    # -- rendering ---------------------------------------------------------------------

    def _render_sale(self) -> None:
        sale = self._sale
        for key, column in _SUMMARY:
            self._values[key].setText(cell_text(sale, column) if sale is not None else "")
        self._settle_box.setVisible(self.canSettle())
        self._render_buttons()

    def _render_buttons(self) -> None:
        self.reprint_button.setEnabled(self._sale is not None)
        self.settle_button.setEnabled(self.canSettle() and bool(self.settle_input.text().strip()))

    def _render_steps(self) -> None:
        table = self._steps_table
        table.setRowCount(len(self._steps))
        for row, step in enumerate(self._steps):
            cells = (
                formats().moment(step.moment),
                step_state_text(step),
                actor_words(step.actor),
                step_note_text(step),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, column, item)
        notes = [step.note for step in self._steps if step.note]
        if notes:
            self._settled_note.setText(
                translate("SaleDetailScreen", "Cómo se resolvió: {how}").format(how=notes[-1])
            )
        self._settled_note.setVisible(bool(notes))

    # -- actions -----------------------------------------------------------------------

    def _reprint(self) -> None:
        if self._sale is not None:
            self.reprintRequested.emit(self._sale.reference)

    def _settle(self) -> None:
        how = self.settle_input.text().strip()
        if self.canSettle() and how and self._sale is not None:
            self.settleRequested.emit(self._sale.reference, how)

    def enter(self) -> None:
        if self.canSettle():
            self.settle_input.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reprint_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        if self.settle_input.hasFocus():
            self._settle()

    def reset(self) -> None:
        super().reset()
        self._sale = None
        self._steps = []
        self.settle_input.clear()
        self._render_sale()
        self._render_steps()
