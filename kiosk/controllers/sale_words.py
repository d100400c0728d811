"""A sale's words that the edge shares with the screens: its kind, its state, why it was
not delivered (for receipts, reports, lists and the result screen alike).

Moved here from ``ui.texts`` (which re-exports them) so that documents built in the
controllers (``kiosk.controllers.receipts``, the shift report) say them the same way.
Every function translates when it is called; context ``SaleWords``.
"""

from __future__ import annotations

from kiosk.controllers.language import translate
from kiosk.domain.sale import SaleKind, SaleState

S = SaleState


def kind_words(kind: SaleKind) -> str:
    """What is being sold, for summaries and receipts."""
    if SaleKind(kind) is SaleKind.GIFT_PACK:
        return translate("SaleWords", "Paquete de regalo")
    return translate("SaleWords", "Recarga")


def _state_words() -> dict[SaleState, str]:
    return {
        S.CREATED: translate("SaleWords", "Sin pagar"),
        S.PAYMENT_REQUESTED: translate("SaleWords", "Pago en verificación"),
        S.PAYMENT_UNKNOWN: translate("SaleWords", "Pago en verificación"),
        S.PAYMENT_PENDING: translate("SaleWords", "Pago pendiente en el banco"),
        S.PAYMENT_FAILED: translate("SaleWords", "Intento de pago no aprobado"),
        S.CANCELLED_UNCONFIRMED: translate(
            "SaleWords", "Cancelada en pantalla; pago en verificación"
        ),
        S.EXPIRED_UNCONFIRMED: translate("SaleWords", "Código vencido; pago en verificación"),
        S.PAID: translate("SaleWords", "Pagada; entrega en proceso"),
        S.DELIVERY_REQUESTED: translate("SaleWords", "Pagada; entrega en proceso"),
        S.DELIVERY_UNKNOWN: translate("SaleWords", "Pagada; entrega en verificación"),
        S.PAID_NOT_DELIVERED: translate("SaleWords", "Pagada, no entregada: reclamar devolución"),
        S.DELIVERED: translate("SaleWords", "Pagada y entregada"),
        S.SETTLED: translate("SaleWords", "Resuelta por la tienda"),
        S.DECLINED: translate("SaleWords", "Pago rechazado por el banco"),
        S.ERROR: translate("SaleWords", "Error del banco; sin cobro"),
        S.NOT_CREATED: translate("SaleWords", "Pago no iniciado; sin cobro"),
        S.CANCELLED: translate("SaleWords", "Cancelada; sin cobro"),
        S.EXPIRED: translate("SaleWords", "Vencida; sin cobro"),
    }


def state_words(state: SaleState) -> str:
    """A sale's state in words for the receipt and lists."""
    return _state_words()[SaleState(state)]


def refusal_words(code: str, provider_said: str = "") -> str:
    """Why a paid sale was not delivered, for the receipt ("" when there is no reason), in
    plain words (a code without words of its own is not shown: the journal keeps it);
    what the provider said, when it said something, follows in its own words."""
    if not code:
        return ""
    reason = _refusal_reason(code)
    if not provider_said:
        return reason
    return translate("SaleWords", "{reason} El proveedor dijo: «{said}»").format(
        reason=reason, said=provider_said
    )


def _refusal_reason(code: str) -> str:
    words = {
        "FAILED": translate("SaleWords", "El operador no pudo hacer la recarga."),
        "REFUNDED": translate("SaleWords", "El operador devolvió la recarga al proveedor."),
        "LINE_MISMATCH": translate(
            "SaleWords", "La línea guardada no coincide con la de la venta; no se envió nada."
        ),
        "AMOUNT_MISMATCH": translate("SaleWords", "El banco aprobó un valor distinto."),
        "NO_LINE": translate("SaleWords", "La línea de la venta ya no está guardada."),
    }
    # A code with no words of its own stays in the journal (and the log); the customer
    # reads plain words, never the provider's technical code.
    return words.get(code) or translate("SaleWords", "El proveedor de recargas no la aceptó.")
