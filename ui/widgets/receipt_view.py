"""The receipt on screen: the one receipt model, rendered as a narrow paper-like panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.controllers.language import formats, translate
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind
from ui.texts import kind_words, refusal_words, state_words
from ui.widgets.message_label import set_role

RECEIPT_WIDTH = 440

#: The keys of the rows (used in object names), in the order printed.
_KEYS = (
    "Date",
    "Reference",
    "GatewayTx",
    "Cus",
    "ProviderTx",
    "Line",
    "Kind",
    "Operator",
    "Pack",
    "Amount",
    "Received",
    "Status",
    "Reason",
    "Chain",
)


def not_an_invoice() -> str:
    """The receipt's closing note, in the current language."""
    return translate("ReceiptView", "Comprobante de pago, no es factura.")


def receipt_title() -> str:
    return translate("ReceiptView", "Comprobante de pago")


def _captions(kind: SaleKind) -> dict[str, str]:
    return {
        "Date": translate("ReceiptView", "Fecha"),
        "Reference": translate("ReceiptView", "Referencia"),
        "GatewayTx": translate("ReceiptView", "Transacción PSE"),
        "Cus": translate("ReceiptView", "CUS"),
        # Name the delivery after what was delivered.
        "ProviderTx": (
            translate("ReceiptView", "Transacción paquete")
            if kind is SaleKind.GIFT_PACK
            else translate("ReceiptView", "Transacción recarga")
        ),
        "Line": translate("ReceiptView", "Línea"),
        "Kind": translate("ReceiptView", "Venta"),
        "Operator": translate("ReceiptView", "Operador"),
        "Pack": translate("ReceiptView", "Paquete"),
        "Amount": translate("ReceiptView", "Valor"),
        "Received": translate("ReceiptView", "La línea recibió"),
        "Status": translate("ReceiptView", "Estado"),
        "Reason": translate("ReceiptView", "Motivo"),
        "Chain": translate("ReceiptView", "Verificación"),
    }


def receipt_rows(receipt: Receipt) -> list[tuple[str, str, str]]:
    """``(key, caption, value)`` for every row the receipt shows (empty values left out),
    in the current language and its formats."""
    shown = formats()
    values = {
        "Date": shown.moment(receipt.issued_at),
        "Reference": receipt.reference,
        "GatewayTx": receipt.gateway_transaction_id,
        "Cus": receipt.cus,
        "ProviderTx": receipt.provider_transaction_id,
        "Line": receipt.masked_line,
        "Kind": kind_words(receipt.kind),
        "Operator": receipt.operator_name,
        "Pack": receipt.pack_name,
        "Amount": shown.pesos(receipt.amount_pesos),
        "Received": (
            shown.pesos(receipt.line_received_pesos)
            if receipt.line_received_pesos not in (None, receipt.amount_pesos)
            else ""
        ),
        "Status": state_words(receipt.state),
        "Reason": refusal_words(receipt.refusal, receipt.refusal_message),
        "Chain": receipt.chain_hash_short,
    }
    captions = _captions(SaleKind(receipt.kind))
    return [(key, captions[key], values[key]) for key in _KEYS if values[key]]


class ReceiptView(QFrame):
    """A receipt: store and kiosk, date and time (Bogotá), reference, gateway and provider
    transaction ids, masked line, kind, pack, amount, status in words, short chain hash,
    and "Comprobante de pago, no es factura".

    It keeps the :class:`Receipt` and renders it again in the new language on
    ``LanguageChange``.

    API: ``ReceiptView(receipt=None)``, ``setReceipt(receipt)``, ``clear()``, ``receipt()``,
    ``rows()`` (what is shown, for tests). Object names: ``receiptView``, ``receiptStore``,
    ``receipt<Key>Value`` (``receiptReferenceValue``, ``receiptAmountValue``, ...),
    ``receiptNote``.
    """

    def __init__(self, receipt: Receipt | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptView")
        set_role(self, "receipt")
        self._receipt: Receipt | None = None
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
        set_role(self._note, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self._store)
        layout.addWidget(self._form_box)
        layout.addWidget(self._note)
        # The width of a wide paper receipt, whatever the content.
        self.setFixedWidth(RECEIPT_WIDTH)
        if receipt is not None:
            self._receipt = receipt
        self.retranslate()

    def retranslate(self) -> None:
        """Every word again in the current language, from the receipt kept."""
        self.setAccessibleName(receipt_title())
        self._note.setText(not_an_invoice())
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setReceipt(self, receipt: Receipt) -> None:
        self._receipt = receipt
        self._render()
        self._note.show()

    def clear(self) -> None:
        self._receipt = None
        self._render()

    def receipt(self) -> Receipt | None:
        return self._receipt

    def rows(self) -> list[tuple[str, str, str]]:
        return list(self._rows)

    def _render(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._rows = []
        self._store.clear()
        receipt = self._receipt
        if receipt is None:
            return
        heading = [receipt_title()]
        if receipt.store_name:
            heading.append(receipt.store_name)
        if receipt.kiosk_name:
            heading.append(receipt.kiosk_name)
        self._store.setText("\n".join(heading))
        self._rows = receipt_rows(receipt)
        for key, caption, value in self._rows:
            caption_label = QLabel(caption, self._form_box)
            set_role(caption_label, "caption")
            value_label = QLabel(value, self._form_box)
            value_label.setObjectName(f"receipt{key}Value")
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(caption_label, value_label)
