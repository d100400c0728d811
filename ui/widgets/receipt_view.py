"""The receipt on screen: the one receipt model, rendered as a narrow paper-like panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.domain.money import format_pesos
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind
from ui.formatting import format_local_datetime
from ui.texts import KIND_WORDS, state_words
from ui.widgets.message_label import set_role

NOT_AN_INVOICE = "Comprobante de pago, no es factura."
RECEIPT_WIDTH = 440

#: (key used in object names, caption) in the order printed.
_ROWS = (
    ("Date", "Fecha"),
    ("Reference", "Referencia"),
    ("GatewayTx", "Transacción PSE"),
    ("Cus", "CUS"),
    ("ProviderTx", "Transacción entrega"),
    ("Line", "Línea"),
    ("Kind", "Venta"),
    ("Pack", "Paquete"),
    ("Amount", "Valor"),
    ("Status", "Estado"),
    ("Chain", "Verificación"),
)


def receipt_rows(receipt: Receipt) -> list[tuple[str, str, str]]:
    """``(key, caption, value)`` for every row the receipt shows (empty values left out)."""
    values = {
        "Date": format_local_datetime(receipt.issued_at),
        "Reference": receipt.reference,
        "GatewayTx": receipt.gateway_transaction_id,
        "Cus": receipt.cus,
        "ProviderTx": receipt.provider_transaction_id,
        "Line": receipt.masked_line,
        "Kind": KIND_WORDS[receipt.kind],
        "Pack": receipt.pack_name,
        "Amount": format_pesos(receipt.amount_pesos),
        "Status": state_words(receipt.state),
        "Chain": receipt.chain_hash_short,
    }
    captions = dict(_ROWS)
    # Name the delivery after what was delivered.
    captions["ProviderTx"] = (
        "Transacción paquete" if receipt.kind is SaleKind.GIFT_PACK else "Transacción recarga"
    )
    return [(key, captions[key], values[key]) for key, _caption in _ROWS if values[key]]


class ReceiptView(QFrame):
    """A receipt: store and kiosk, date and time (Bogotá), reference, gateway and provider
    transaction ids, masked line, kind, pack, amount, status in words, short chain hash,
    and "Comprobante de pago, no es factura".

    API: ``ReceiptView(receipt=None)``, ``setReceipt(receipt)``, ``clear()``, ``rows()``
    (what is shown, for tests). Object names: ``receiptView``, ``receiptStore``,
    ``receipt<Key>Value`` (``receiptReferenceValue``, ``receiptAmountValue``, ...),
    ``receiptNote``.
    """

    def __init__(self, receipt: Receipt | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptView")
        set_role(self, "receipt")
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
        self._note = QLabel(NOT_AN_INVOICE, self)
        self._note.setObjectName("receiptNote")
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self._note, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self._store)
        layout.addWidget(self._form_box)
        layout.addWidget(self._note)
        self.setAccessibleName("Comprobante de pago")
        # The width of a wide paper receipt, whatever the content.
        self.setFixedWidth(RECEIPT_WIDTH)
        if receipt is not None:
            self.setReceipt(receipt)

    def setReceipt(self, receipt: Receipt) -> None:
        self.clear()
        heading = ["Comprobante de pago"]
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
        self._note.show()

    def clear(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._rows = []
        self._store.clear()

    def rows(self) -> list[tuple[str, str, str]]:
        return list(self._rows)
