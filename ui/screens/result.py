"""The result screen: what happened, what to do next, and the receipt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import Said, describe, formats, now, translate
from kiosk.controllers.receipts import ReceiptController, file_error_words, receipt_document
from kiosk.controllers.worker import run
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind, SaleState
from ui.screens.base import Screen, make_button
from ui.texts import (
    NO_PRINTER,
    claim_how,
    kind_words,
    kiosk_print_trouble,
    kiosk_result_texts,
    kiosk_says_photo,
    outcome_tone,
    photo_hint,
    result_texts,
)
from ui.widgets.message_label import set_role
from ui.widgets.receipt_view import ReceiptView

#: "Nueva venta" at the kiosk: a wide target.
_KIOSK_BUTTON_WIDTH = 280

_TONE_ROLES = {"ok": "headlineOk", "error": "headlineError", "warning": "headlineWarning"}


class ResultScreen(Screen):
    """The end of a sale: a headline, the next steps and the receipt.

    Signals: ``done()`` ("Nueva venta", Enter or Esc), ``retryRequested()``
    ("Intentar de nuevo", only when offered), ``pdfSaved(path)``, ``receiptShown(Receipt)``
    (a sale's receipt is on screen: the kiosk prints it, ``ui/kiosk/receipt.py``).
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

    Kiosk mode (:meth:`setKioskMode`): a customer alone keeps a photo, so the reference
    and the short chain hash are large and selectable (``resultReferenceBig``,
    ``resultHashBig``, captions ``resultReferenceCaption``, ``resultHashCaption``, in
    ``resultClaimBox``), with "Tome una foto…" (``resultPhotoHint``) and how to claim
    (``resultClaimHow``: the store's contact from the receipt), and what was bought, so a
    photo of the screen is the proof of the purchase: ``resultSummaryKind`` (the kind, or
    a gift's pack, captioned "Paquete"), ``resultSummaryLine`` (the masked line),
    ``resultSummaryAmount``, ``resultSummaryOperator`` (hidden when unknown), captioned
    ``resultSummaryKindCaption``,
    ``resultSummaryLineCaption``, ``resultSummaryAmountCaption``,
    ``resultSummaryOperatorCaption`` (portrait: a row each under the codes; landscape: the
    line and amount beside the codes, the kind and operator under them). The next steps
    (:func:`ui.texts.kiosk_result_texts`) say to keep the printed receipt when a printer
    is set up (the receipt controller's ``printerConfigured()``) and has not failed, else
    to photograph the screen (the photo hint is then not said twice) — never "this
    receipt" of a paper that does not exist. The paper-like receipt is
    hidden (it goes to paper; the screen keeps what a claim needs, large). No "Imprimir"
    nor "Guardar PDF": the kiosk prints once by itself (:meth:`printReceipt` returns
    whether a job started); a printer that fails is said in the customer's words
    (``printer.no_paper``: "La impresora no tiene papel. Su venta quedó registrada: pida
    una copia…"), none set up is not said, nothing is retried. "Nueva venta" is always
    enabled.

    Object names: ``resultScreen``, ``resultHeadline``, ``resultNextSteps``,
    ``resultReceiptArea`` (the receipt scrolls in it), ``receiptView``
    (and its rows), ``resultNewSaleButton``, ``resultRetryButton``, ``resultPrintButton``,
    ``resultSavePdfButton``, ``resultMessage`` (printing and saving are said there).
    """

    done = Signal()
    retryRequested = Signal()
    pdfSaved = Signal(str)
    receiptShown = Signal(object)

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
        #: At the kiosk, the receipt shown will not come out on paper (the printer failed).
        self._no_paper = False
        #: The next steps shown tell the customer to photograph the screen.
        self._photo_in_steps = False
        self._title.hide()
        self.back_button.hide()
        content = self.content()
        # Landscape: the words left, the receipt right; portrait: the receipt below.
        self._columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(32)
        self._left = left = QVBoxLayout()
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
        self._claim_box = self._build_claim_box(content)
        left.addWidget(self._claim_box)
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

    def _build_claim_box(self, content: QWidget) -> QFrame:
        """The kiosk's reference and hash, large, what was bought, the photo hint and how
        to claim."""
        box = QFrame(content)
        box.setObjectName("resultClaimBox")
        set_role(box, "panel")
        outer = QVBoxLayout(box)
        outer.setContentsMargins(20, 8, 20, 8)
        outer.setSpacing(6)
        self._claim_grid = grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self._reference_caption = QLabel(box)
        self._reference_caption.setObjectName("resultReferenceCaption")
        self._hash_caption = QLabel(box)
        self._hash_caption.setObjectName("resultHashCaption")
        self._reference_big = QLabel(box)
        self._reference_big.setObjectName("resultReferenceBig")
        self._hash_big = QLabel(box)
        self._hash_big.setObjectName("resultHashBig")
        for caption, value in (
            (self._reference_caption, self._reference_big),
            (self._hash_caption, self._hash_big),
        ):
            set_role(caption, "caption")
            # Large for a photo (the stylesheet's kiosk rules name them).
            set_role(value, "bigAmount")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What was bought: large enough to read in a photo of the screen.
        self._summary: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("Kind", "Line", "Amount", "Operator"):
            caption = QLabel(box)
            caption.setObjectName(f"resultSummary{key}Caption")
            set_role(caption, "caption")
            value = QLabel(box)
            value.setObjectName(f"resultSummary{key}")
            value.setWordWrap(key in ("Kind", "Operator"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            set_role(value, "instructions")
            self._summary[key] = (caption, value)
        # The long values (a pack's name, an operator's) wrap in a grid of their own: a
        # grid's height for a wrapped label spanning columns would be guessed too tall.
        self._claim_rows = rows = QGridLayout()
        rows.setHorizontalSpacing(16)
        rows.setVerticalSpacing(4)
        self._place_claim(portrait=False)
        outer.addLayout(grid)
        outer.addLayout(rows)
        self._photo_hint = QLabel(box)
        self._photo_hint.setObjectName("resultPhotoHint")
        self._photo_hint.setWordWrap(True)
        set_role(self._photo_hint, "instructions")
        self._claim_how = QLabel(box)
        self._claim_how.setObjectName("resultClaimHow")
        self._claim_how.setWordWrap(True)
        self._claim_how.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self._claim_how, "instructions")
        outer.addWidget(self._photo_hint)
        outer.addWidget(self._claim_how)
        box.hide()
        return box

    def _place_claim(self, portrait: bool) -> None:
        """Portrait: a row each. Landscape (short of height): the line and the amount
        beside the reference and the hash, the kind and the operator under them."""
        grid, rows = self._claim_grid, self._claim_rows
        codes = [
            (self._reference_caption, self._reference_big),
            (self._hash_caption, self._hash_big),
        ]
        for caption, value in [*codes, *self._summary.values()]:
            for layout in (grid, rows):
                layout.removeWidget(caption)
                layout.removeWidget(value)
        for column in range(5):
            grid.setColumnStretch(column, 0)
            grid.setColumnMinimumWidth(column, 0)
        centre = Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        top = Qt.AlignmentFlag.AlignTop
        kind, line, amount, operator = self._summary.values()
        below = [kind, line, amount, operator] if portrait else [kind, operator]
        for row, (caption, value) in enumerate(codes):
            grid.addWidget(caption, row, 0, centre)
            grid.addWidget(value, row, 1, left)
        if not portrait:
            for row, (caption, value) in enumerate((line, amount)):
                grid.addWidget(caption, row, 3, centre)
                grid.addWidget(value, row, 4, centre)
            grid.setColumnMinimumWidth(2, 8)
        grid.setColumnStretch(4 if not portrait else 1, 1)
        for row, (caption, value) in enumerate(below):
            rows.addWidget(caption, row, 0, top)
            rows.addWidget(value, row, 1)
        rows.setColumnStretch(1, 1)
        self._align_captions()

    def _align_captions(self) -> None:
        """The captions under the codes line up with the codes' captions."""
        grid, rows = self._claim_grid, self._claim_rows
        captions = [self._reference_caption, self._hash_caption]
        captions += [caption for caption, _value in self._summary.values()]
        width = max(
            (caption.sizeHint().width() for caption in captions if caption.text()), default=0
        )
        for layout in (grid, rows):
            layout.setColumnMinimumWidth(0, width)

    def showEvent(self, event: QShowEvent) -> None:
        # The text size may have changed while the screen was hidden ("Letra grande").
        self._align_captions()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._align_captions()

    def _render_summary(self, receipt: Receipt | None) -> None:
        captions = {
            "Kind": translate("ResultScreen", "Compra"),
            "Line": translate("ResultScreen", "Línea"),
            "Amount": translate("ResultScreen", "Valor"),
            "Operator": translate("ResultScreen", "Operador"),
        }
        values = dict.fromkeys(captions, "")
        if receipt is not None:
            kind = kind_words(receipt.kind)
            if receipt.kind is SaleKind.GIFT_PACK and receipt.pack_name:
                # A gift: the pack's own name, captioned as a pack (one line in landscape).
                captions["Kind"] = translate("ResultScreen", "Paquete")
                kind = receipt.pack_name
            values = {
                "Kind": kind,
                "Line": receipt.masked_line,
                "Amount": formats().pesos(receipt.amount_pesos),
                "Operator": receipt.operator_name,
            }
        for key, (caption, value) in self._summary.items():
            caption.setText(captions[key])
            value.setText(values[key])
            value.setAccessibleDescription(captions[key])
            caption.setVisible(bool(values[key]))
            value.setVisible(bool(values[key]))

    def _render_claim(self) -> None:
        receipt = self._receipt.receipt()
        self._reference_caption.setText(translate("ResultScreen", "Referencia"))
        self._hash_caption.setText(translate("ResultScreen", "Verificación"))
        self._photo_hint.setText(photo_hint())
        # Next steps that already say to photograph the screen need no second hint.
        self._photo_hint.setVisible(not self._photo_in_steps)
        if receipt is None:
            for label in (self._reference_big, self._hash_big, self._claim_how):
                label.clear()
        else:
            self._reference_big.setText(receipt.reference)
            self._hash_big.setText(receipt.chain_hash_short)
            self._claim_how.setText(claim_how(receipt.claims_contact))
        self._render_summary(receipt)
        shown = self.isKioskMode() and receipt is not None
        self._claim_box.setVisible(shown)
        has_hash = bool(receipt is not None and receipt.chain_hash_short)
        self._hash_caption.setVisible(has_hash)
        self._hash_big.setVisible(has_hash)
        # A screen reader says the value (the label's text) and what it is.
        self._reference_big.setAccessibleDescription(self._reference_caption.text())
        self._hash_big.setAccessibleDescription(self._hash_caption.text())
        self._align_captions()

    # -- kiosk and orientation ---------------------------------------------------------

    def setKioskMode(self, kiosk: bool) -> None:
        """The kiosk's result: see the class's docstring."""
        super().setKioskMode(kiosk)
        self.new_sale_button.setMinimumWidth(_KIOSK_BUTTON_WIDTH if kiosk else 0)
        # The kiosk's larger words need the height (1280x800, larger text).
        self._left.setSpacing(12 if kiosk else 16)
        # The customer keeps the big reference and hash (and the paper); the paper-like
        # receipt's every id at kiosk size would not fit beside them.
        self._receipt_area.setVisible(not kiosk)
        self._show_receipt_buttons()
        self._say_outcome()
        self._render_claim()

    def _apply_orientation(self, portrait: bool) -> None:
        self._place_claim(portrait)
        columns = self._columns
        if portrait:
            columns.setDirection(QBoxLayout.Direction.TopToBottom)
            columns.setStretch(0, 0)
            columns.setStretch(1, 1)
            columns.setAlignment(self._receipt_area, Qt.AlignmentFlag.AlignHCenter)
        else:
            columns.setDirection(QBoxLayout.Direction.LeftToRight)
            columns.setStretch(0, 1)
            columns.setStretch(1, 0)
            columns.setAlignment(self._receipt_area, Qt.AlignmentFlag(0))

    def retranslate(self) -> None:
        super().retranslate()
        # The title is hidden (the headline says it all) but screen readers name the screen by it.
        self.setTitle(translate("ResultScreen", "Resultado"))
        self.set_button_text(self.retry_button, translate("ResultScreen", "Intentar de nuevo"))
        self.set_button_text(self.new_sale_button, translate("ResultScreen", "Nueva venta"))
        self._say_print_button()
        self.pdf_button.setText(translate("ResultScreen", "Guardar PDF"))
        self._say_outcome()
        self._render_claim()

    def _say_outcome(self) -> None:
        """The words for the state shown (``showOutcome``), in the current language; at
        the kiosk, what to keep: the paper when one comes out, else a photo."""
        self._photo_in_steps = False
        if self._worded is None:
            return
        state, receipt = self._worded
        if self.isKioskMode():
            controller = self._receipts
            printed = (
                controller is not None and controller.printerConfigured() and not self._no_paper
            )
            headline, next_steps = kiosk_result_texts(state, receipt.kind, printed=printed)
            self._photo_in_steps = kiosk_says_photo(state, printed=printed)
        else:
            headline, next_steps = result_texts(state, receipt.kind)
        self._headline.setText(headline)
        self._next_steps.setText(next_steps)

    def showResult(self, receipt: Receipt, headline: str, next_steps: str) -> None:
        self._worded = None
        self._show(receipt, headline, next_steps)

    def showOutcome(self, receipt: Receipt, state: SaleState | None = None) -> None:
        """``receipt`` with the words for ``state`` (the receipt's own state by default)."""
        worded = SaleState(state) if state is not None else receipt.state
        self._worded = (worded, receipt)
        self._show(receipt, *result_texts(worded, receipt.kind))

    def _show(self, receipt: Receipt, headline: str, next_steps: str) -> None:
        self._headline.setText(headline)
        set_role(self._headline, _TONE_ROLES.get(outcome_tone(receipt.state), "headline"))
        self._next_steps.setText(next_steps)
        self._receipt.setReceipt(receipt)
        self.setRetryAvailable(False)
        self._forget_printing()
        self._show_receipt_buttons()
        self._say_outcome()
        self._render_claim()
        self.receiptShown.emit(receipt)

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
        self._render_claim()

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
        # The kiosk prints once by itself: no button for a customer to print again.
        self.print_button.setVisible(
            shown and self._receipts is not None and not self.isKioskMode()
        )
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
        self._no_paper = False
        self.print_button.setEnabled(True)
        self.clearError()
        self._say_print_button()

    def printReceipt(self) -> bool:
        """The receipt shown, on paper (again after a failure; once printed, a copy: it says
        "COPIA" and is journaled); whether a job started (not while one is printing)."""
        receipt = self._receipt.receipt()
        controller = self._receipts
        if receipt is None or controller is None or self._printing:
            return False
        if not controller.print_receipt(receipt, copy=self._printed_once):
            return False
        self._printing = True
        self.print_button.setEnabled(False)
        self.showOwnMessage(
            lambda: translate("ResultScreen", "Imprimiendo el comprobante…"), "hint"
        )
        return True

    def isPrinting(self) -> bool:
        """A job of the receipt shown is on its way."""
        return self._printing

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
        receipt = self._receipt.receipt()
        if self.isKioskMode() and receipt is not None:
            # The customer's words (a warning: the sale is recorded whatever the paper),
            # never the printer's setup; no retry (the store reprints from its history).
            code = controller.failureCode() if controller is not None else ""
            # No paper comes out: the next steps say to photograph the screen instead.
            self._no_paper = True
            self._say_outcome()
            self._render_claim()
            if code == NO_PRINTER:
                self.clearError()
                return
            reference = receipt.reference
            self.showOwnMessage(lambda: kiosk_print_trouble(code, reference), "warning")
            return
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
