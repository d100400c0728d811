"""The result screen: what happened, what to do next, and the receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.controllers.language import translate
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleState
from ui.screens.base import Screen, make_button
from ui.texts import outcome_tone, result_texts
from ui.widgets.message_label import set_role
from ui.widgets.receipt_view import ReceiptView

_TONE_ROLES = {"ok": "headlineOk", "error": "headlineError", "warning": "headlineWarning"}


class ResultScreen(Screen):
    """The end of a sale: a headline, the next steps and the receipt.

    Signals: ``done()`` ("Nueva venta", Enter or Esc), ``retryRequested()``
    ("Intentar de nuevo", only when offered).
    Slots: ``showResult(receipt, headline, next_steps)`` (texts from
    :func:`ui.texts.result_texts`, shown as given until the next result; it hides
    "Intentar de nuevo"), ``showOutcome(receipt, state)`` (the same with the words for
    ``state``, said again if the language changes), ``setRetryAvailable(bool)``
    (call it after either: a declined assisted payment may be tried again), ``reset()``.
    Queries: ``headline()``, ``nextSteps()``, ``receiptView()``.

    The buttons and the receipt follow the language (``LanguageChange``).

    Object names: ``resultScreen``, ``resultHeadline``, ``resultNextSteps``, ``receiptView``
    (and its rows), ``resultNewSaleButton``, ``resultRetryButton``.
    """

    done = Signal()
    retryRequested = Signal()

    prefix = "result"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        #: The state whose words show (``showOutcome``), or None for texts given as they are.
        self._worded: tuple[SaleState, Receipt] | None = None
        self._title.hide()
        self.back_button.hide()
        content = self.content()
        columns = QHBoxLayout()
        columns.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(16)
        self._headline = QLabel(content)
        self._headline.setObjectName("resultHeadline")
        self._headline.setWordWrap(True)
        set_role(self._headline, "headline")
        self._next_steps = QLabel(content)
        self._next_steps.setObjectName("resultNextSteps")
        self._next_steps.setWordWrap(True)
        set_role(self._next_steps, "instructions")
        left.addWidget(self._headline)
        left.addWidget(self._next_steps)
        left.addStretch(1)
        self._receipt = ReceiptView(parent=content)
        columns.addLayout(left, 1)
        columns.addWidget(self._receipt, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(columns, 1)

        self.retry_button = make_button("", "resultRetryButton", content)
        self.retry_button.clicked.connect(self.retryRequested)
        self.retry_button.hide()
        self.footer.addWidget(self.retry_button)
        self.new_sale_button = make_button("", "resultNewSaleButton", content, primary=True)
        self.add_hint(self.new_sale_button, "", "Enter")
        self.new_sale_button.clicked.connect(self.done)
        self.footer.addWidget(self.new_sale_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        # The title is hidden (the headline says it all) but screen readers name the screen by it.
        self.setTitle(translate("ResultScreen", "Resultado"))
        self.set_button_text(self.retry_button, translate("ResultScreen", "Intentar de nuevo"))
        self.set_button_text(self.new_sale_button, translate("ResultScreen", "Nueva venta"))
        if self._worded is not None:
            state, receipt = self._worded
            headline, next_steps = result_texts(state, receipt.kind)
            self._headline.setText(headline)
            self._next_steps.setText(next_steps)

    def showResult(self, receipt: Receipt, headline: str, next_steps: str) -> None:
        self._worded = None
        self._show(receipt, headline, next_steps)

    def showOutcome(self, receipt: Receipt, state: SaleState | None = None) -> None:
        """``receipt`` with the words for ``state`` (the receipt's own state by default)."""
        worded = SaleState(state) if state is not None else receipt.state
        self._show(receipt, *result_texts(worded, receipt.kind))
        self._worded = (worded, receipt)

    def _show(self, receipt: Receipt, headline: str, next_steps: str) -> None:
        self._headline.setText(headline)
        set_role(self._headline, _TONE_ROLES.get(outcome_tone(receipt.state), "headline"))
        self._next_steps.setText(next_steps)
        self._receipt.setReceipt(receipt)
        self.setRetryAvailable(False)

    def setRetryAvailable(self, available: bool) -> None:
        self.retry_button.setVisible(available)

    def reset(self) -> None:
        super().reset()
        self._worded = None
        self._headline.clear()
        self._next_steps.clear()
        self._receipt.clear()
        self.setRetryAvailable(False)

    def headline(self) -> str:
        return self._headline.text()

    def nextSteps(self) -> str:
        return self._next_steps.text()

    def receiptView(self) -> ReceiptView:
        return self._receipt

    def enter(self) -> None:
        self.new_sale_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self.done.emit()

    def go_back(self) -> None:
        # Nothing to go back to once a sale has ended: Esc starts a new one.
        self.done.emit()
