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
    assert unknown["Reason"][1] == "The top-up provider did not accept it (OPERATOR_DOWN)."


def test_the_providers_words_follow_the_reason(qapp: object) -> None:
    rows = _rows(
        _receipt(
            state=SaleState.PAID_NOT_DELIVERED,
            refusal="OPERATOR_DOWN",
            refusal_message="Operator ******4567 unavailable",
        )
    )
    assert rows["Reason"][1] == (
        "El proveedor de recargas no la aceptó (OPERATOR_DOWN). "
        "El proveedor dijo: «Operator ******4567 unavailable»"
    )
