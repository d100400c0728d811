"""The result screen: what happened, what to do next, and the receipt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import Said, describe, now, translate
from kiosk.controllers.receipts import ReceiptController, file_error_words, receipt_document
from kiosk.controllers.worker import run
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
    ("Intentar de nuevo", only when offered), ``pdfSaved(path)``.
    Slots: ``showResult(receipt, headline, next_steps)`` (texts from
    :func:`ui.texts.result_texts`, shown as given until the next result; it hides
    "Intentar de nuevo"), ``showOutcome(receipt, state)`` (the same with the words for
    ``state``, said again if the language changes), ``setRetryAvailable(bool)``
    (call it after either: a declined assisted payment may be tried again), ``reset()``.
    Queries: ``headline()``, ``nextSteps()``, ``receiptView()``.

    Receipts: "Imprimir" (once :meth:`setReceiptController` gives the printing; a failure
    says why in the screen's message, with what it means for the sale, and the button
    becomes "Reintentar" when trying again can help — not when no printer is set up: the
    sale is journaled and the receipt stays here; once printed, "Imprimir copia" prints a
    copy)
    and, at the counter, "Guardar PDF" (a file dialog, then :meth:`savePdf` off the GUI
    thread). ``printReceipt()``, ``savePdf(path)``.

    The buttons and the receipt follow the language (``LanguageChange``).

    Object names: ``resultScreen``, ``resultHeadline``, ``resultNextSteps``,
    ``resultReceiptArea`` (the receipt scrolls in it), ``receiptView``
    (and its rows), ``resultNewSaleButton``, ``resultRetryButton``, ``resultPrintButton``,
    ``resultSavePdfButton``, ``resultMessage`` (printing and saving are said there).
    """

    done = Signal()
    retryRequested = Signal()
    pdfSaved = Signal(str)

    prefix = "result"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        #: The state whose words show (``showOutcome``), or None for texts given as they are.
        self._worded: tuple[SaleState, Receipt] | None = None
        self._receipts: ReceiptController | None = None
        #: A print job of this screen's receipt is on its way / the last one failed.
        self._printing = False
        self._print_failed = False
        #: The receipt shown went to paper once: printing it again prints a copy.
        self._printed_once = False
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
        # A long receipt (every business field, a state and a reason that wrap) is taller
        # than a 1024x768 screen leaves it: it scrolls, every line whole, never sliced.
        self._receipt_area = QScrollArea(content)
        self._receipt_area.setObjectName("resultReceiptArea")
        self._receipt_area.setFrameShape(QFrame.Shape.NoFrame)
        self._receipt_area.setWidgetResizable(True)
        self._receipt_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._receipt_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._receipt_area.setWidget(self._receipt)
        scrollbar = self._receipt_area.verticalScrollBar().sizeHint().width()
        self._receipt_area.setFixedWidth(self._receipt.width() + scrollbar + 4)
        columns.addLayout(left, 1)
        columns.addWidget(self._receipt_area, 0)
        self.body.addLayout(columns, 1)

        self.retry_button = make_button("", "resultRetryButton", content)
        self.retry_button.clicked.connect(self.retryRequested)
        self.retry_button.hide()
        self.footer.addWidget(self.retry_button)
        self.print_button = make_button("", "resultPrintButton", content)
        self.print_button.clicked.connect(self.printReceipt)
        self.print_button.hide()
        self.footer.addWidget(self.print_button)
        self.pdf_button = make_button("", "resultSavePdfButton", content)
        self.pdf_button.clicked.connect(self._ask_pdf_path)
        self.pdf_button.hide()
        self.footer.addWidget(self.pdf_button)
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
        self._say_print_button()
        self.pdf_button.setText(translate("ResultScreen", "Guardar PDF"))
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
        self._forget_printing()
        self._show_receipt_buttons()

    def setRetryAvailable(self, available: bool) -> None:
        self.retry_button.setVisible(available)

    def reset(self) -> None:
        super().reset()
        self._worded = None
        self._headline.clear()
        self._next_steps.clear()
        self._receipt.clear()
        self.setRetryAvailable(False)
        self._forget_printing()
        self._show_receipt_buttons()

    def headline(self) -> str:
        return self._headline.text()

    def nextSteps(self) -> str:
        return self._next_steps.text()

    def receiptView(self) -> ReceiptView:
        return self._receipt

    # -- receipts on paper ---------------------------------------------------------------

    def setReceiptController(self, controller: ReceiptController | None) -> None:
        """The printing (``None``: no printer button)."""
        if self._receipts is not None:
            self._receipts.printed.disconnect(self._printed)
            self._receipts.printFailed.disconnect(self._print_failed_with)
        self._receipts = controller
        if controller is not None:
            controller.printed.connect(self._printed)
            controller.printFailed.connect(self._print_failed_with)
        self._show_receipt_buttons()

    def setCounterMode(self, counter: bool) -> None:
        super().setCounterMode(counter)
        self._show_receipt_buttons()

    def _show_receipt_buttons(self) -> None:
        shown = self._receipt.receipt() is not None
        self.print_button.setVisible(shown and self._receipts is not None)
        # A file dialog is for the counter's clerk, never a self-service customer.
        self.pdf_button.setVisible(shown and self.isCounterMode())

    def _say_print_button(self) -> None:
        if self._print_failed:
            words = translate("ResultScreen", "Reintentar")
        elif self._printed_once:
            words = translate("ResultScreen", "Imprimir copia")
        else:
            words = translate("ResultScreen", "Imprimir")
        self.print_button.setText(words)

    def _forget_printing(self) -> None:
        self._printing = False
        self._print_failed = False
        self._printed_once = False
        self.print_button.setEnabled(True)
        self.clearError()
        self._say_print_button()

    def printReceipt(self) -> None:
        """The receipt shown, on paper (again after a failure; once printed, a copy: it says
        "COPIA" and is journaled)."""
        receipt = self._receipt.receipt()
        controller = self._receipts
        if receipt is None or controller is None or self._printing:
            return
        if not controller.print_receipt(receipt, copy=self._printed_once):
            return
        self._printing = True
        self.print_button.setEnabled(False)
        self.showOwnMessage(
            lambda: translate("ResultScreen", "Imprimiendo el comprobante…"), "hint"
        )

    def _printed(self, reference: str) -> None:
        receipt = self._receipt.receipt()
        if not self._printing or receipt is None or receipt.reference != reference:
            return
        self._printing = False
        self._print_failed = False
        self._printed_once = True
        self.print_button.setEnabled(True)
        self._say_print_button()
        self.showOwnMessage(lambda: translate("ResultScreen", "Comprobante impreso."), "ok")

    def _print_failed_with(self, words: Said) -> None:
        if not self._printing:
            return
        self._printing = False
        controller = self._receipts
        retry = controller is not None and controller.retryHelps()
        # Printing again cannot help when no printer is set up: no "Reintentar" then, the
        # words say where an admin sets it up.
        self._print_failed = retry
        self.print_button.setEnabled(retry)
        self._say_print_button()
        pdf = self.pdf_button.isVisibleTo(self)
        self.showOwnMessage(lambda: f"{now(words)} {self._sale_tail(retry, pdf)}", "error")
        if retry:
            self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _sale_tail(retry: bool, pdf: bool) -> str:
        """What a failed print means for the sale just made, after the printer's words."""
        if retry:
            return translate(
                "ResultScreen",
                "La venta quedó registrada y el comprobante sigue en pantalla. Cuando la "
                "impresora esté lista, oprima «Reintentar».",
            )
        if pdf:
            return translate(
                "ResultScreen",
                "La venta quedó registrada y el comprobante sigue en pantalla; puede "
                "guardarlo en PDF.",
            )
        return translate(
            "ResultScreen", "La venta quedó registrada y el comprobante sigue en pantalla."
        )

    def _ask_pdf_path(self) -> None:
        receipt = self._receipt.receipt()
        if receipt is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("ResultScreen", "Guardar el comprobante en PDF"),
            str(Path(folder) / f"{receipt.reference}.pdf"),
            translate("ResultScreen", "Documentos PDF (*.pdf)"),
        )
        if path:
            self.savePdf(Path(path))

    def savePdf(self, path: Path) -> None:
        """The receipt shown as a PDF at ``path``, written off the GUI thread."""
        receipt = self._receipt.receipt()
        if receipt is None:
            return
        # Imported here: the PDF writer loads Qt's PDF engine, only a save needs it.
        from ui.printing.pdf import write_pdf

        document = receipt_document(receipt)
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.pdf_button.setEnabled(False)

        def saved(_result: object) -> None:
            self.pdf_button.setEnabled(True)
            self.showOwnMessage(
                lambda: translate("ResultScreen", "PDF guardado en {path}").format(path=target),
                "ok",
            )
            self.pdfSaved.emit(str(target))

        def failed(error: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            if not isinstance(error, OSError):
                words = describe(error)
                self.showOwnMessage(lambda: now(words), "error")
                return
            # The reason in the kiosk's words, never the operating system's (English) text.
            self.showOwnMessage(
                lambda: translate(
                    "ResultScreen", "No se pudo guardar el PDF en {path}: {reason}."
                ).format(path=target, reason=file_error_words(error)),
                "error",
            )

        run(lambda: write_pdf(document, target), name="receipt.pdf").on_success(saved).on_failure(
            failed
        )

    def enter(self) -> None:
        self.new_sale_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self.done.emit()

    def go_back(self) -> None:
        # Nothing to go back to once a sale has ended: Esc starts a new one.
        self.done.emit()
