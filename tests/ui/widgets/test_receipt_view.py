"""The receipt on screen names the operator, what the line received when the provider
converted the amount, and why a paid sale was not delivered."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.controllers.receipts import receipt_rows
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind, SaleState

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def _receipt(**changes: object) -> Receipt:
    values: dict[str, object] = {
        "reference": "K1",
        "kind": SaleKind.TOPUP,
        "state": SaleState.DELIVERED,
        "amount_pesos": 10_000,
        "masked_line": "*** *** 6789",
        "issued_at": NOW,
        "operator_name": "Movistar Colombia",
    }
    values.update(changes)
    return Receipt(**values)  # type: ignore[arg-type]


def _rows(receipt: Receipt) -> dict[str, tuple[str, str]]:
    return {row.key: (row.label, row.value) for row in receipt_rows(receipt)}


def test_the_operator_is_named_and_an_equal_delivery_not_repeated(qapp: object) -> None:
    rows = _rows(_receipt(line_received_pesos=10_000))
    assert rows["Operator"] == ("Operador", "Movistar Colombia")
    assert "Received" not in rows and "Reason" not in rows


def test_a_converted_amount_says_what_the_line_received(qapp: object) -> None:
    rows = _rows(_receipt(line_received_pesos=10_004))
    assert rows["Received"] == ("La línea recibió", "$\u00a010.004")


def test_a_paid_sale_not_delivered_says_why(qapp: object, english: None) -> None:
    rows = _rows(_receipt(state=SaleState.PAID_NOT_DELIVERED, refusal="REFUNDED"))
    assert rows["Reason"] == ("Reason", "The operator gave the top-up back to the provider.")
    unknown = _rows(_receipt(state=SaleState.PAID_NOT_DELIVERED, refusal="OPERATOR_DOWN"))
    assert unknown["Reason"][1] == "The top-up provider did not accept it."


def test_the_customer_never_reads_the_providers_code(qapp: object) -> None:
    receipt = _receipt(state=SaleState.PAID_NOT_DELIVERED, refusal="PROVIDER_REFUSED")
    rows = _rows(receipt)
    assert rows["Reason"] == ("Motivo", "El proveedor de recargas no la aceptó.")
    assert "PROVIDER_REFUSED" not in " ".join(value for _label, value in rows.values())
    assert receipt.refusal == "PROVIDER_REFUSED", "the code itself is kept (the journal's)"
    known = _rows(_receipt(state=SaleState.PAID_NOT_DELIVERED, refusal="AMOUNT_MISMATCH"))
    assert known["Reason"][1] == "El banco aprobó un valor distinto."


def test_the_providers_words_follow_the_reason(qapp: object) -> None:
    rows = _rows(
        _receipt(
            state=SaleState.PAID_NOT_DELIVERED,
            refusal="OPERATOR_DOWN",
            refusal_message="Operator ******4567 unavailable",
        )
    )
    assert rows["Reason"][1] == (
        "El proveedor de recargas no la aceptó. "
        "El proveedor dijo: «Operator ******4567 unavailable»"
    )


def test_the_business_the_clerk_and_the_claims_contact(qapp: object) -> None:
    rows = _rows(_receipt(clerk="Ana Muñoz", claims_contact="601 555 0101"))
    assert rows["Clerk"] == ("Atendió", "Ana Muñoz")
    assert rows["Claims"] == ("Reclamos", "601 555 0101")


def test_the_view_renders_the_receipts_document(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from kiosk.controllers.receipts import receipt_document
    from tests.support.widgets import child
    from ui.widgets.receipt_view import ReceiptView

    receipt = _receipt(
        business_name="Droguería La Esquina S.A.S.",
        nit="900123456-8",
        store_name="Droguería La Esquina",
        kiosk_name="Caja 1",
        chain_hash_short="9f2c41ab0123cdef",
        clerk="Ana",
        privacy_notice="Sus datos: Ley 1581 de 2012.",
    )
    view = ReceiptView(receipt)
    qtbot.addWidget(view)
    assert view.document() == receipt_document(receipt)
    store = child(view, QLabel, "receiptStore").text()
    assert store.splitlines() == [
        "Droguería La Esquina S.A.S.",
        "NIT 900123456-8",
        "Droguería La Esquina · Caja 1",
        "Comprobante de pago",
    ]
    assert child(view, QLabel, "receiptChainValue").text() == "9f2c41ab0123cdef"
    assert child(view, QLabel, "receiptClerkValue").text() == "Ana"
    # The privacy notice goes to paper; the screen's consent box shows it already.
    assert child(view, QLabel, "receiptNote").text() == "Comprobante de pago, no es factura."
    assert any("Ley 1581" in getattr(line, "text", "") for line in view.document().lines)  # type: ignore[union-attr]
    qr = child(view, QLabel, "receiptQr")
    assert not qr.pixmap().isNull()
    view.clear()
    assert view.rows() == [] and view.document() is None and qr.isHidden()
