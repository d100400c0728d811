"""The receipt on screen: the receipt's document, rendered as a narrow paper-like panel.

The words come from :func:`kiosk.controllers.receipts.receipt_document` (their one home):
the printer and the PDF render the very same document.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.controllers.receipts import receipt_document, receipt_title
from kiosk.domain.document import Document, Heading, Paragraph, Row
from kiosk.domain.errors import KioskError
from kiosk.domain.qr import build_qr_matrix
from kiosk.domain.receipt import Receipt
from ui.qr_painter import qr_image
from ui.widgets.message_label import set_role

RECEIPT_WIDTH = 440
#: The receipt's QR on screen (logical pixels): small, it is the paper's that gets scanned.
QR_SIZE = 112


class ReceiptView(QFrame):
    """A receipt: the business and its NIT, store and kiosk, the rows of
    :func:`~kiosk.controllers.receipts.receipt_rows` (date and time in Bogotá, reference,
    gateway and provider transaction ids, masked line, kind, pack, amount, status in
    words, clerk, short chain hash, claims contact), "Comprobante de pago, no es factura",
    and the QR of the reference and hash.

    It keeps the :class:`Receipt` and renders it again in the new language on
    ``LanguageChange``.

    API: ``ReceiptView(receipt=None)``, ``setReceipt(receipt)``, ``clear()``, ``receipt()``,
    ``document()`` (what is shown, as the printer and the PDF get it), ``rows()`` (``(key,
    caption, value)`` shown, for tests). Object names: ``receiptView``, ``receiptStore``
    (the headings), ``receipt<Key>Value`` (``receiptReferenceValue``,
    ``receiptAmountValue``, ...), ``receiptNote``, ``receiptQr``.
    """

    def __init__(self, receipt: Receipt | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptView")
        set_role(self, "receipt")
        self._receipt: Receipt | None = None
        self._document: Document | None = None
        self._rows: list[tuple[str, str, str]] = []
        self._store = QLabel(self)
        self._store.setObjectName("receiptStore")
        self._store.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._store.setWordWrap(True)
        set_role(self._store, "receiptTitle")
        self._form_box = QWidget(self)
        self._form = QFormLayout(self._form_box)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setHorizontalSpacing(12)
        self._form.setVerticalSpacing(2)
        self._note = QLabel(self)
        self._note.setObjectName("receiptNote")
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._note.setWordWrap(True)
        set_role(self._note, "hint")
        self._qr = QLabel(self)
        self._qr.setObjectName("receiptQr")
        self._qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._qr.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self._store)
        layout.addWidget(self._form_box)
        layout.addWidget(self._note)
        layout.addWidget(self._qr)
        # The width of a wide paper receipt, whatever the content.
        self.setFixedWidth(RECEIPT_WIDTH)
        if receipt is not None:
            self._receipt = receipt
        self.retranslate()

    def retranslate(self) -> None:
        """Every word again in the current language, from the receipt kept."""
        self.setAccessibleName(receipt_title())
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setReceipt(self, receipt: Receipt) -> None:
        self._receipt = receipt
        self._render()

    def clear(self) -> None:
        self._receipt = None
        self._render()

    def receipt(self) -> Receipt | None:
        return self._receipt

    def document(self) -> Document | None:
        return self._document

    def rows(self) -> list[tuple[str, str, str]]:
        return list(self._rows)

    def _render(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._rows = []
        self._store.clear()
        self._note.clear()
        self._qr.clear()
        self._qr.hide()
        receipt = self._receipt
        self._document = None if receipt is None else receipt_document(receipt)
        document = self._document
        if document is None:
            return
        headings = [line.text for line in document.lines if isinstance(line, Heading)]
        self._store.setText("\n".join(headings))
        # The closing note ("no es factura"). The privacy notice before it goes to paper and
        # PDF; on screen the consent box already shows it, and a long one has no room here.
        paragraphs = [line.text for line in document.lines if isinstance(line, Paragraph)]
        self._note.setText(paragraphs[-1] if paragraphs else "")
        for line in document.lines:
            if not isinstance(line, Row):
                continue
            self._rows.append((line.key, line.label, line.value))
            caption_label = QLabel(line.label, self._form_box)
            set_role(caption_label, "caption")
            value_label = QLabel(line.value, self._form_box)
            value_label.setObjectName(f"receipt{line.key}Value")
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(caption_label, value_label)
        self._show_qr(document.qr)

    def _show_qr(self, data: str) -> None:
        if not data:
            return
        try:
            matrix = build_qr_matrix(data)
        except KioskError:
            return  # a receipt's QR is short ASCII; nothing to show if it is not
        ratio = self.devicePixelRatioF()
        image = qr_image(matrix, round(QR_SIZE * ratio))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self._qr.setPixmap(pixmap)
        self._qr.show()
