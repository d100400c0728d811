"""The sale's words shared by several screens: kinds, modes, states, outcomes, status lines.

Every function translates when it is called (``translate("SaleWords", …)``), so the
words follow the current language; nothing here holds translated text at import.
Each (state, kind) has its own whole sentences, never glued fragments, so that a
translation can say them naturally. The Spanish sources are the app's own wording.
What a controller needs to pick (the result headline and next steps for a sale's
state) lives here so the wording stays in one place and every state has one.
"""

from __future__ import annotations

from kiosk.controllers.language import translate

# Re-exported: the screens take them from here, the controllers from sale_words.
from kiosk.controllers.sale_words import kind_words as kind_words
from kiosk.controllers.sale_words import refusal_words as refusal_words
from kiosk.controllers.sale_words import state_words as state_words
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState

S = SaleState


def mode_words(mode: PaymentMode) -> str:
    """A payment mode as the clerk picks it."""
    if PaymentMode(mode) is PaymentMode.CHECKOUT:
        return translate("SaleWords", "Pagar con QR en su celular (PSE)")
    return translate("SaleWords", "PSE asistido (el cajero digita los datos)")


def mode_explanation(mode: PaymentMode) -> str:
    """What a payment mode means for the clerk and the customer."""
    if PaymentMode(mode) is PaymentMode.CHECKOUT:
        return translate(
            "SaleWords", "El cliente escanea el código y escribe sus datos de PSE en su celular."
        )
    return translate(
        "SaleWords",
        "Usted digita los datos del pagador aquí; el cliente solo autoriza "
        "el pago en su banco desde el celular.",
    )


def payment_instructions(mode: PaymentMode) -> str:
    """What to tell the customer on the payment screen, by payment mode."""
    if PaymentMode(mode) is PaymentMode.CHECKOUT:
        return translate(
            "SaleWords",
            "Escanee el código con la cámara de su celular: se abre la página de pago PSE. "
            "Allí elige su banco y escribe sus datos de PSE.",
        )
    return translate(
        "SaleWords",
        "Escanee el código con la cámara de su celular y pague en su banco. "
        "El código abre la página de su banco para autorizar el pago.",
    )


_PENDING_STATES = (S.PAYMENT_PENDING, S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN)
_IN_DELIVERY_STATES = (S.PAID, S.DELIVERY_REQUESTED, S.DELIVERY_UNKNOWN)


def _topup_result(state: SaleState) -> tuple[str, str] | None:
    """The outcomes whose words name the top-up."""
    if state is S.DELIVERED:
        return (
            translate("SaleWords", "Recarga hecha"),
            translate(
                "SaleWords",
                "El saldo ya quedó en la línea. Guarde este comprobante. "
                "Para otra venta oprima «Nueva venta».",
            ),
        )
    if state in _PENDING_STATES:
        return (
            translate("SaleWords", "Pago en verificación"),
            translate(
                "SaleWords",
                "El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo "
                "aprueba, la recarga se hace sin que usted vuelva. Guarde este comprobante: "
                "con la referencia puede preguntar en la tienda cómo va su pago.",
            ),
        )
    if state is S.CANCELLED_UNCONFIRMED:
        return (
            translate("SaleWords", "Pago cancelado en pantalla"),
            translate(
                "SaleWords",
                "Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos "
                "revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva. "
                "Guarde este comprobante: con la referencia puede preguntar en la tienda cómo "
                "va su pago.",
            ),
        )
    if state is S.EXPIRED_UNCONFIRMED:
        return (
            translate("SaleWords", "Se acabó el tiempo del código QR"),
            translate(
                "SaleWords",
                "Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo "
                "aprueba, la recarga se hace sin que usted vuelva. Si no pagó, empiece una "
                "nueva venta. Guarde este comprobante: con la referencia puede preguntar en la "
                "tienda cómo va su pago.",
            ),
        )
    if state in _IN_DELIVERY_STATES:
        return (
            translate("SaleWords", "Pago recibido: la recarga está en proceso"),
            translate(
                "SaleWords",
                "El pago quedó aprobado y la recarga se está haciendo en la línea. Si no llega "
                "en unos minutos, pregunte en la tienda con la referencia de este comprobante.",
            ),
        )
    if state is S.PAID_NOT_DELIVERED:
        return (
            translate("SaleWords", "Pago recibido, pero no se pudo hacer la recarga"),
            translate(
                "SaleWords",
                "Su pago quedó aprobado, pero no se pudo hacer la recarga en la línea. Guarde "
                "este comprobante: con la referencia puede reclamar en la tienda la devolución "
                "de su dinero.",
            ),
        )
    if state is S.EXPIRED:
        return (
            translate("SaleWords", "El tiempo para pagar terminó"),
            translate(
                "SaleWords",
                "No se hizo ningún cobro. Si todavía quiere la recarga, empiece una nueva venta.",
            ),
        )
    return None


def _gift_pack_result(state: SaleState) -> tuple[str, str] | None:
    """The outcomes whose words name the gift pack."""
    if state is S.DELIVERED:
        return (
            translate("SaleWords", "Paquete activado"),
            translate(
                "SaleWords",
                "El paquete ya quedó activo en la línea y le llega un mensaje de texto. "
                "Guarde este comprobante. Para otra venta oprima «Nueva venta».",
            ),
        )
    if state in _PENDING_STATES:
        return (
            translate("SaleWords", "Pago en verificación"),
            translate(
                "SaleWords",
                "El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo "
                "aprueba, el paquete se activa sin que usted vuelva. Guarde este comprobante: "
                "con la referencia puede preguntar en la tienda cómo va su pago.",
            ),
        )
    if state is S.CANCELLED_UNCONFIRMED:
        return (
            translate("SaleWords", "Pago cancelado en pantalla"),
            translate(
                "SaleWords",
                "Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos "
                "revisando y, si el banco lo aprueba, el paquete se activa sin que usted "
                "vuelva. Guarde este comprobante: con la referencia puede preguntar en la "
                "tienda cómo va su pago.",
            ),
        )
    if state is S.EXPIRED_UNCONFIRMED:
        return (
            translate("SaleWords", "Se acabó el tiempo del código QR"),
            translate(
                "SaleWords",
                "Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo "
                "aprueba, el paquete se activa sin que usted vuelva. Si no pagó, empiece una "
                "nueva venta. Guarde este comprobante: con la referencia puede preguntar en la "
                "tienda cómo va su pago.",
            ),
        )
    if state in _IN_DELIVERY_STATES:
        return (
            translate("SaleWords", "Pago recibido: el paquete está en proceso"),
            translate(
                "SaleWords",
                "El pago quedó aprobado y el paquete se está activando en la línea. Si no "
                "llega en unos minutos, pregunte en la tienda con la referencia de este "
                "comprobante.",
            ),
        )
    if state is S.PAID_NOT_DELIVERED:
        return (
            translate("SaleWords", "Pago recibido, pero no se pudo activar el paquete"),
            translate(
                "SaleWords",
                "Su pago quedó aprobado, pero no se pudo activar el paquete en la línea. "
                "Guarde este comprobante: con la referencia puede reclamar en la tienda la "
                "devolución de su dinero.",
            ),
        )
    if state is S.EXPIRED:
        return (
            translate("SaleWords", "El tiempo para pagar terminó"),
            translate(
                "SaleWords",
                "No se hizo ningún cobro. Si todavía quiere el paquete, empiece una nueva venta.",
            ),
        )
    return None


def _any_kind_result(state: SaleState) -> tuple[str, str]:
    """The outcomes whose words are the same whatever was sold."""
    if state is S.DECLINED:
        return (
            translate("SaleWords", "Pago rechazado"),
            translate(
                "SaleWords",
                "El banco rechazó el pago y no se hizo ningún cobro. Puede intentar de nuevo "
                "con otra cuenta o banco, o pagar de otra forma.",
            ),
        )
    if state is S.ERROR:
        return (
            translate("SaleWords", "No se pudo hacer el pago"),
            translate(
                "SaleWords",
                "El banco tuvo un error y no se hizo ningún cobro. Intente de nuevo en unos "
                "minutos o con otro banco.",
            ),
        )
    if state is S.PAYMENT_FAILED:
        return (
            translate("SaleWords", "El pago no fue aprobado"),
            translate(
                "SaleWords",
                "Este intento de pago no se aprobó y no se hizo ningún cobro. Puede intentar "
                "de nuevo o empezar una nueva venta.",
            ),
        )
    if state is S.SETTLED:
        return (
            translate("SaleWords", "Venta resuelta por la tienda"),
            translate(
                "SaleWords",
                "La tienda ya resolvió este pago con el cliente. No hay nada más que hacer.",
            ),
        )
    if state is S.CANCELLED:
        return (
            translate("SaleWords", "Venta cancelada"),
            translate(
                "SaleWords", "No se hizo ningún cobro. Para otra venta oprima «Nueva venta»."
            ),
        )
    if state is S.NOT_CREATED:
        return (
            translate("SaleWords", "No se pudo iniciar el pago"),
            translate(
                "SaleWords",
                "El pago no alcanzó a crearse y no se hizo ningún cobro. Intente de nuevo en "
                "un momento.",
            ),
        )
    if state is S.CREATED:
        return (
            translate("SaleWords", "La venta no se pagó"),
            translate(
                "SaleWords", "No se hizo ningún cobro. Para otra venta oprima «Nueva venta»."
            ),
        )
    raise ValueError(f"no result words for {state}")


def result_texts(state: SaleState, kind: SaleKind = SaleKind.TOPUP) -> tuple[str, str]:
    """The result screen's headline and "what to do next" for a sale that ended on ``state``."""
    state = SaleState(state)
    by_kind = _gift_pack_result if SaleKind(kind) is SaleKind.GIFT_PACK else _topup_result
    return by_kind(state) or _any_kind_result(state)


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


def checkout_retry_text() -> str:
    """A checkout payment the bank did not approve: the customer may pay again with the code."""
    return translate(
        "SaleWords",
        "Su banco no aprobó el pago. Puede intentarlo de nuevo en su celular con el mismo código.",
    )


def payment_status_text(
    state: SaleState, kind: SaleKind = SaleKind.TOPUP, mode: PaymentMode | None = None
) -> str:
    """The payment screen's status line for a sale in ``state`` (the customer is watching)."""
    state = SaleState(state)
    gift = SaleKind(kind) is SaleKind.GIFT_PACK
    if state is S.PAYMENT_FAILED and mode is PaymentMode.CHECKOUT:
        return checkout_retry_text()
    if state is S.PAYMENT_REQUESTED:
        return translate("SaleWords", "Creando el pago en PSE…")
    if state is S.PAYMENT_UNKNOWN:
        return translate("SaleWords", "Confirmando con la pasarela si el pago quedó creado…")
    if state is S.PAYMENT_PENDING:
        return translate("SaleWords", "Esperando la confirmación de su banco…")
    if state in (S.PAID, S.DELIVERY_REQUESTED):
        if gift:
            return translate("SaleWords", "Pago aprobado. El paquete se está activando…")
        return translate("SaleWords", "Pago aprobado. La recarga se está haciendo…")
    if state is S.DELIVERY_UNKNOWN:
        return translate("SaleWords", "Pago aprobado. Confirmando con el operador…")
    return state_words(state)


# -- the kiosk's receipt ----------------------------------------------------------------------


def photo_hint() -> str:
    """The kiosk's result screen: what the customer keeps when no paper comes out."""
    return translate("SaleWords", "Tome una foto de esta pantalla para reclamar.")


def claim_how(contact: str) -> str:
    """How a kiosk customer claims: the store's contact (its setting), or the store itself."""
    if contact.strip():
        return translate(
            "SaleWords",
            "Para reclamar, comuníquese con la tienda ({contact}) y dé la referencia y el "
            "código de verificación.",
        ).format(contact=contact.strip())
    return translate(
        "SaleWords",
        "Para reclamar, pregunte en la tienda y dé la referencia y el código de verificación.",
    )


#: A printer failure that a kiosk does not mention: none is set up, so none was expected.
NO_PRINTER = "printer.not_configured"


def kiosk_print_trouble(code: str, reference: str) -> str:
    """A kiosk's printer could not print a sale's receipt (``code``: the failure's,
    ``printer.no_paper``, ...): what it means for the customer, never a printer's setup."""
    if code == "printer.no_paper":
        return translate(
            "SaleWords",
            "La impresora no tiene papel. Su venta quedó registrada: pida una copia en la "
            "tienda con la referencia {reference}.",
        ).format(reference=reference)
    return translate(
        "SaleWords",
        "La impresora no está disponible. Su venta quedó registrada: pida una copia en la "
        "tienda con la referencia {reference}.",
    ).format(reference=reference)


# -- the kiosk's result: what to keep ---------------------------------------------------------


def _kiosk_topup_happened(state: SaleState) -> str | None:
    """What happened to a kiosk's top-up, without what to keep (that follows)."""
    if state is S.DELIVERED:
        return translate("SaleWords", "El saldo ya quedó en la línea.")
    if state in _PENDING_STATES:
        return translate(
            "SaleWords",
            "El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo "
            "aprueba, la recarga se hace sin que usted vuelva.",
        )
    if state is S.CANCELLED_UNCONFIRMED:
        return translate(
            "SaleWords",
            "Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos "
            "revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva.",
        )
    if state is S.EXPIRED_UNCONFIRMED:
        return translate(
            "SaleWords",
            "Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo "
            "aprueba, la recarga se hace sin que usted vuelva. Si no pagó, empiece una "
            "nueva venta.",
        )
    if state in _IN_DELIVERY_STATES:
        return translate(
            "SaleWords", "El pago quedó aprobado y la recarga se está haciendo en la línea."
        )
    if state is S.PAID_NOT_DELIVERED:
        return translate(
            "SaleWords", "Su pago quedó aprobado, pero no se pudo hacer la recarga en la línea."
        )
    return None


def _kiosk_gift_pack_happened(state: SaleState) -> str | None:
    """What happened to a kiosk's gift pack, without what to keep (that follows)."""
    if state is S.DELIVERED:
        return translate(
            "SaleWords",
            "El paquete ya quedó activo en la línea y le llega un mensaje de texto.",
        )
    if state in _PENDING_STATES:
        return translate(
            "SaleWords",
            "El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo "
            "aprueba, el paquete se activa sin que usted vuelva.",
        )
    if state is S.CANCELLED_UNCONFIRMED:
        return translate(
            "SaleWords",
            "Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos "
            "revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva.",
        )
    if state is S.EXPIRED_UNCONFIRMED:
        return translate(
            "SaleWords",
            "Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo "
            "aprueba, el paquete se activa sin que usted vuelva. Si no pagó, empiece una "
            "nueva venta.",
        )
    if state in _IN_DELIVERY_STATES:
        return translate(
            "SaleWords", "El pago quedó aprobado y el paquete se está activando en la línea."
        )
    if state is S.PAID_NOT_DELIVERED:
        return translate(
            "SaleWords", "Su pago quedó aprobado, pero no se pudo activar el paquete en la línea."
        )
    return None


def _kiosk_keep(state: SaleState, printed: bool) -> str:
    """What a kiosk customer keeps after ``state``: the paper when it printed, else a photo
    of the screen (whole sentences; "" when nothing needs keeping)."""
    if state is S.DELIVERED:
        if printed:
            return translate(
                "SaleWords",
                "Guarde el comprobante impreso. Para otra venta oprima «Nueva venta».",
            )
        return translate(
            "SaleWords",
            "Si quiere una constancia, tome una foto de esta pantalla. Para otra venta "
            "oprima «Nueva venta».",
        )
    if state in (*_PENDING_STATES, S.CANCELLED_UNCONFIRMED, S.EXPIRED_UNCONFIRMED):
        if printed:
            return translate(
                "SaleWords",
                "Guarde el comprobante impreso: con la referencia puede preguntar en la "
                "tienda cómo va su pago.",
            )
        return translate(
            "SaleWords",
            "Tome una foto de esta pantalla: con la referencia puede preguntar en la tienda "
            "cómo va su pago.",
        )
    if state in _IN_DELIVERY_STATES:
        if printed:
            return translate(
                "SaleWords",
                "Si no llega en unos minutos, pregunte en la tienda con la referencia del "
                "comprobante impreso.",
            )
        return translate(
            "SaleWords",
            "Tome una foto de esta pantalla. Si no llega en unos minutos, pregunte en la "
            "tienda con la referencia.",
        )
    if state is S.PAID_NOT_DELIVERED:
        if printed:
            return translate(
                "SaleWords",
                "Guarde el comprobante impreso para reclamar en la tienda la devolución de su "
                "dinero.",
            )
        return translate(
            "SaleWords",
            "Tome una foto de esta pantalla para reclamar en la tienda la devolución de su dinero.",
        )
    return ""


def kiosk_says_photo(state: SaleState, *, printed: bool) -> bool:
    """Whether the kiosk's next steps for ``state`` tell the customer to photograph the
    screen (nothing printed, and something to keep)."""
    return not printed and bool(_kiosk_keep(SaleState(state), False))


def kiosk_result_texts(
    state: SaleState, kind: SaleKind = SaleKind.TOPUP, *, printed: bool = False
) -> tuple[str, str]:
    """The kiosk's result headline and next steps for a sale that ended on ``state``.

    The counter's words (:func:`result_texts`) say "Guarde este comprobante" of the
    receipt on screen; a kiosk shows none: its customer keeps the printed receipt when
    ``printed`` (a printer is set up and did not fail), else a photo of the screen.
    """
    state = SaleState(state)
    headline, next_steps = result_texts(state, kind)
    by_kind = (
        _kiosk_gift_pack_happened if SaleKind(kind) is SaleKind.GIFT_PACK else _kiosk_topup_happened
    )
    happened = by_kind(state)
    if happened is not None:
        return headline, f"{happened} {_kiosk_keep(state, printed)}"
    if state is S.DECLINED:
        # No retry at a kiosk's result: a new sale pays again, with another bank.
        next_steps = translate(
            "SaleWords",
            "El banco rechazó el pago y no se hizo ningún cobro. Para pagar con otra cuenta "
            "o banco, oprima «Nueva venta».",
        )
    return headline, next_steps
