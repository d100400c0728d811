"""Spanish (Colombia) wording shared by several screens: outcomes, states, the privacy notice.

Screen-specific labels live with their screen; what a controller needs to pick
(the result headline and next steps for a sale's state) lives here so the
wording stays in one place and every state has one.
"""

from __future__ import annotations

from kiosk.domain.sale import PaymentMode, SaleKind, SaleState

S = SaleState

KIND_WORDS: dict[SaleKind, str] = {
    SaleKind.TOPUP: "Recarga",
    SaleKind.GIFT_PACK: "Paquete de regalo",
}

MODE_WORDS: dict[PaymentMode, str] = {
    PaymentMode.CHECKOUT: "Pagar con QR en su celular (PSE)",
    PaymentMode.ASSISTED: "PSE asistido (el cajero digita los datos)",
}

MODE_EXPLANATIONS: dict[PaymentMode, str] = {
    PaymentMode.CHECKOUT: "El cliente escanea el código y escribe sus datos de PSE en su celular.",
    PaymentMode.ASSISTED: "Usted digita los datos del pagador aquí; el cliente solo autoriza "
    "el pago en su banco desde el celular.",
}

#: What to tell the customer on the payment screen, by payment mode.
PAYMENT_INSTRUCTIONS: dict[PaymentMode, str] = {
    PaymentMode.CHECKOUT: "Escanee el código con la cámara de su celular y pague en su banco. "
    "Allí elige su banco y escribe sus datos de PSE.",
    PaymentMode.ASSISTED: "Escanee el código con la cámara de su celular y pague en su banco. "
    "El código abre la página de su banco para autorizar el pago.",
}

#: How the receipt and lists name a sale's state.
STATE_WORDS: dict[SaleState, str] = {
    S.CREATED: "Sin pagar",
    S.PAYMENT_REQUESTED: "Pago en verificación",
    S.PAYMENT_UNKNOWN: "Pago en verificación",
    S.PAYMENT_PENDING: "Pago pendiente en el banco",
    S.PAYMENT_FAILED: "Intento de pago no aprobado",
    S.CANCELLED_UNCONFIRMED: "Cancelada en pantalla; pago en verificación",
    S.EXPIRED_UNCONFIRMED: "Código vencido; pago en verificación",
    S.PAID: "Pagada; entrega en proceso",
    S.DELIVERY_REQUESTED: "Pagada; entrega en proceso",
    S.DELIVERY_UNKNOWN: "Pagada; entrega en verificación",
    S.PAID_NOT_DELIVERED: "Pagada, no entregada: reclamar devolución",
    S.DELIVERED: "Pagada y entregada",
    S.SETTLED: "Resuelta por la tienda",
    S.DECLINED: "Pago rechazado por el banco",
    S.ERROR: "Error del banco; sin cobro",
    S.NOT_CREATED: "Pago no iniciado; sin cobro",
    S.CANCELLED: "Cancelada; sin cobro",
    S.EXPIRED: "Vencida; sin cobro",
}

_FOLLOW_UP = (
    "Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago."
)

# (headline, next steps) per state; where the job changes the words, one per kind.
_PENDING = (
    "Pago en verificación",
    "El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo aprueba, "
    "{happens} sin que usted vuelva. " + _FOLLOW_UP,
)
_IN_DELIVERY = (
    "Pago recibido: {thing} está en proceso",
    "El pago quedó aprobado y {in_progress} en la línea. Si no llega en "
    "unos minutos, pregunte en la tienda con la referencia de este comprobante.",
)

_RESULT_TEXTS: dict[SaleState, tuple[str, str]] = {
    S.DELIVERED: (
        "{Done}",
        "{Done_detail} Guarde este comprobante. Para otra venta oprima «Nueva venta».",
    ),
    S.DECLINED: (
        "Pago rechazado",
        "El banco rechazó el pago y no se hizo ningún cobro. Puede intentar de nuevo con otra "
        "cuenta o banco, o pagar de otra forma.",
    ),
    S.ERROR: (
        "No se pudo hacer el pago",
        "El banco tuvo un error y no se hizo ningún cobro. Intente de nuevo en unos minutos "
        "o con otro banco.",
    ),
    S.PAYMENT_FAILED: (
        "El pago no fue aprobado",
        "Este intento de pago no se aprobó y no se hizo ningún cobro. Puede intentar de nuevo "
        "o empezar una nueva venta.",
    ),
    S.PAYMENT_PENDING: _PENDING,
    S.PAYMENT_REQUESTED: _PENDING,
    S.PAYMENT_UNKNOWN: _PENDING,
    S.CANCELLED_UNCONFIRMED: (
        "Pago cancelado en pantalla",
        "Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos revisando y, "
        "si el banco lo aprueba, {happens} sin que usted vuelva. " + _FOLLOW_UP,
    ),
    S.EXPIRED_UNCONFIRMED: (
        "Se acabó el tiempo del código QR",
        "Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo aprueba, "
        "{happens} sin que usted vuelva. Si no pagó, empiece una nueva venta. " + _FOLLOW_UP,
    ),
    S.PAID: _IN_DELIVERY,
    S.DELIVERY_REQUESTED: _IN_DELIVERY,
    S.DELIVERY_UNKNOWN: _IN_DELIVERY,
    S.PAID_NOT_DELIVERED: (
        "Pago recibido, pero {failed}",
        "Su pago quedó aprobado, pero {failed} en la línea. Guarde este comprobante: "
        "con la referencia puede reclamar en la tienda la devolución de su dinero.",
    ),
    S.SETTLED: (
        "Venta resuelta por la tienda",
        "La tienda ya resolvió este pago con el cliente. No hay nada más que hacer.",
    ),
    S.CANCELLED: (
        "Venta cancelada",
        "No se hizo ningún cobro. Para otra venta oprima «Nueva venta».",
    ),
    S.EXPIRED: (
        "El tiempo para pagar terminó",
        "No se hizo ningún cobro. Si todavía quiere {thing}, empiece una nueva venta.",
    ),
    S.NOT_CREATED: (
        "No se pudo iniciar el pago",
        "El pago no alcanzó a crearse y no se hizo ningún cobro. Intente de nuevo en un momento.",
    ),
    S.CREATED: (
        "La venta no se pagó",
        "No se hizo ningún cobro. Para otra venta oprima «Nueva venta».",
    ),
}

_KIND_WORDING: dict[SaleKind, dict[str, str]] = {
    SaleKind.TOPUP: {
        "thing": "la recarga",
        "happens": "la recarga se hace",
        "in_progress": "la recarga se está haciendo",
        "failed": "no se pudo hacer la recarga",
        "Done": "Recarga hecha",
        "Done_detail": "El saldo ya quedó en la línea.",
    },
    SaleKind.GIFT_PACK: {
        "thing": "el paquete",
        "happens": "el paquete se activa",
        "in_progress": "el paquete se está activando",
        "failed": "no se pudo activar el paquete",
        "Done": "Paquete activado",
        "Done_detail": "El paquete ya quedó activo en la línea y le llega un mensaje de texto.",
    },
}


def result_texts(state: SaleState, kind: SaleKind = SaleKind.TOPUP) -> tuple[str, str]:
    """The result screen's headline and "what to do next" for a sale that ended on ``state``."""
    headline, next_steps = _RESULT_TEXTS[SaleState(state)]
    wording = _KIND_WORDING[SaleKind(kind)]
    return headline.format(**wording), next_steps.format(**wording)


def state_words(state: SaleState) -> str:
    """A sale's state in words for the receipt."""
    return STATE_WORDS[SaleState(state)]


_TONES: dict[SaleState, str] = {
    S.DELIVERED: "ok",
    S.SETTLED: "ok",
    S.DECLINED: "error",
    S.ERROR: "error",
    S.PAYMENT_FAILED: "error",
    S.NOT_CREATED: "error",
    S.PAID_NOT_DELIVERED: "error",
    S.CANCELLED: "neutral",
    S.EXPIRED: "neutral",
    S.CREATED: "neutral",
}


def outcome_tone(state: SaleState) -> str:
    """``ok``, ``error``, ``warning`` (still moving: pending, in delivery) or ``neutral``."""
    return _TONES.get(SaleState(state), "warning")


def privacy_notice(store_name: str, contact: str = "") -> str:
    """The short privacy notice shown before a line is taken (Ley 1581 de 2012)."""
    store = store_name or "La tienda"
    where = f" ({contact})" if contact else ""
    return (
        f"{store} usa su número de celular solo para hacer esta venta y guardar su registro. "
        f"Para consultar, corregir o pedir que se borren sus datos, pregunte en {store}{where}"
        " (Ley 1581 de 2012). ¿Autoriza el uso de su número para esta venta?"
    )


CONSENT_LABEL = "Sí, &autorizo"
CONSENT_NEEDED = "Marque la autorización de datos para continuar."


#: The payment screen's status line while a sale moves (the customer is watching).
_PAYMENT_STATUS: dict[SaleState, str] = {
    S.PAYMENT_REQUESTED: "Creando el pago en PSE…",
    S.PAYMENT_UNKNOWN: "Confirmando con la pasarela si el pago quedó creado…",
    S.PAYMENT_PENDING: "Esperando la confirmación de su banco…",
    S.PAID: "Pago aprobado. {in_progress_cap}…",
    S.DELIVERY_REQUESTED: "Pago aprobado. {in_progress_cap}…",
    S.DELIVERY_UNKNOWN: "Pago aprobado. Confirmando con el operador…",
}
_CHECKOUT_RETRY = (
    "Su banco no aprobó el pago. Puede intentarlo de nuevo en su celular con el mismo código."
)


def payment_status_text(
    state: SaleState, kind: SaleKind = SaleKind.TOPUP, mode: PaymentMode | None = None
) -> str:
    """The status line of the payment screen for a sale in ``state`` ("" when none fits)."""
    state = SaleState(state)
    if state is S.PAYMENT_FAILED and mode is PaymentMode.CHECKOUT:
        return _CHECKOUT_RETRY
    template = _PAYMENT_STATUS.get(state)
    if template is None:
        return state_words(state)
    in_progress = _KIND_WORDING[SaleKind(kind)]["in_progress"]
    return template.format(in_progress_cap=in_progress[:1].upper() + in_progress[1:])
