"""The sale's words (ui/texts.py): whole sentences per state, kind and mode, in both languages."""

from __future__ import annotations

import pytest

from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from tests.ui.helpers import speak
from ui.texts import (
    kind_words,
    kiosk_result_texts,
    kiosk_says_photo,
    mode_explanation,
    mode_words,
    payment_instructions,
    payment_status_text,
    result_texts,
    state_words,
)


@pytest.mark.parametrize("kind", list(SaleKind))
@pytest.mark.parametrize("state", list(SaleState))
def test_every_state_has_result_texts_and_words(state: SaleState, kind: SaleKind):
    headline, next_steps = result_texts(state, kind)
    assert headline.strip() and next_steps.strip()
    assert "{" not in headline + next_steps, "every placeholder filled"
    assert state_words(state).strip()


@pytest.mark.parametrize("printed", [False, True], ids=["no-paper", "printed"])
@pytest.mark.parametrize("kind", list(SaleKind))
@pytest.mark.parametrize("state", list(SaleState))
def test_the_kiosk_words_never_name_a_receipt_it_did_not_give(
    qapp, state: SaleState, kind: SaleKind, printed: bool
):
    """A kiosk shows no paper-like receipt: its words say to keep the printed one, or to
    photograph the screen, in both languages; the headline is the counter's."""
    headline, next_steps = kiosk_result_texts(state, kind, printed=printed)
    assert headline == result_texts(state, kind)[0]
    assert next_steps.strip() and "{" not in next_steps
    assert "este comprobante" not in next_steps and "de este comprobante" not in next_steps
    photo = kiosk_says_photo(state, printed=printed)
    assert ("foto de esta pantalla" in next_steps) is photo, next_steps
    if printed:
        assert "foto" not in next_steps
    else:
        assert "comprobante" not in next_steps
    speak("en")
    try:
        english = kiosk_result_texts(state, kind, printed=printed)[1]
        assert english != next_steps or not next_steps, "translated"
        assert "this receipt" not in english.lower()
        assert ("photo of this screen" in english) is photo, english
    finally:
        speak("es")


@pytest.mark.parametrize(
    ("state", "kind"),
    [
        (SaleState.DELIVERED, SaleKind.TOPUP),
        (SaleState.DELIVERED, SaleKind.GIFT_PACK),
        (SaleState.PAYMENT_PENDING, SaleKind.TOPUP),
        (SaleState.PAID_NOT_DELIVERED, SaleKind.GIFT_PACK),
        (SaleState.CANCELLED_UNCONFIRMED, SaleKind.TOPUP),
        (SaleState.DELIVERY_UNKNOWN, SaleKind.GIFT_PACK),
    ],
)
def test_the_kiosk_says_what_to_keep_for_each_outcome(state: SaleState, kind: SaleKind):
    paper = kiosk_result_texts(state, kind, printed=True)[1]
    photo = kiosk_result_texts(state, kind, printed=False)[1]
    assert "comprobante impreso" in paper
    assert "Tome una foto de esta pantalla" in photo or "tome una foto de esta pantalla" in photo


def test_a_declined_payment_at_the_kiosk_starts_a_new_sale():
    for printed in (False, True):
        _headline, next_steps = kiosk_result_texts(SaleState.DECLINED, printed=printed)
        assert "«Nueva venta»" in next_steps and "de otra forma" not in next_steps


def test_paid_not_delivered_tells_how_to_claim_a_refund():
    _headline, next_steps = result_texts(SaleState.PAID_NOT_DELIVERED)
    assert "referencia" in next_steps and "devolución" in next_steps


@pytest.mark.parametrize(
    "state",
    [SaleState.PAYMENT_PENDING, SaleState.CANCELLED_UNCONFIRMED, SaleState.EXPIRED_UNCONFIRMED],
)
def test_a_payment_still_moving_says_it_is_followed(state: SaleState):
    _headline, next_steps = result_texts(state)
    assert "seguimos revisando" in next_steps.lower()
    assert "referencia" in next_steps


def test_the_outcomes_are_told_apart():
    outcomes = [
        SaleState.DELIVERED,
        SaleState.DECLINED,
        SaleState.ERROR,
        SaleState.PAYMENT_PENDING,
        SaleState.PAID_NOT_DELIVERED,
    ]
    assert len({result_texts(state) for state in outcomes}) == len(outcomes)
    assert result_texts(SaleState.DELIVERED, SaleKind.TOPUP) != result_texts(
        SaleState.DELIVERED, SaleKind.GIFT_PACK
    )


def _every_sale_word() -> list[str]:
    words = [state_words(state) for state in SaleState]
    for kind in SaleKind:
        words.append(kind_words(kind))
        for state in SaleState:
            words.extend(result_texts(state, kind))
            for mode in (None, *PaymentMode):
                words.append(payment_status_text(state, kind, mode))
    for mode in PaymentMode:
        words += [mode_words(mode), mode_explanation(mode), payment_instructions(mode)]
    return words


def test_the_sale_words_are_english_after_switching_and_spanish_again(qapp):
    spanish = _every_sale_word()
    speak("en")
    english = _every_sale_word()
    same = {es for es, en in zip(spanish, english, strict=True) if es == en}
    assert not same, f"not translated: {same}"
    assert all("{" not in words for words in english), "no placeholder left"
    speak("es")
    assert _every_sale_word() == spanish


def test_spanish_sale_words_are_todays_wording(qapp):
    assert result_texts(SaleState.DELIVERED, SaleKind.TOPUP) == (
        "Recarga hecha",
        "El saldo ya quedó en la línea. Guarde este comprobante. "
        "Para otra venta oprima «Nueva venta».",
    )
    assert result_texts(SaleState.PAYMENT_PENDING, SaleKind.GIFT_PACK) == (
        "Pago en verificación",
        "El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo aprueba, "
        "el paquete se activa sin que usted vuelva. Guarde este comprobante: con la referencia "
        "puede preguntar en la tienda cómo va su pago.",
    )
    assert result_texts(SaleState.PAID_NOT_DELIVERED, SaleKind.TOPUP)[0] == (
        "Pago recibido, pero no se pudo hacer la recarga"
    )
    assert result_texts(SaleState.EXPIRED, SaleKind.GIFT_PACK)[1] == (
        "No se hizo ningún cobro. Si todavía quiere el paquete, empiece una nueva venta."
    )
    assert state_words(SaleState.PAID_NOT_DELIVERED) == "Pagada, no entregada: reclamar devolución"
    assert payment_status_text(SaleState.DELIVERY_REQUESTED, SaleKind.TOPUP) == (
        "Pago aprobado. La recarga se está haciendo…"
    )
    assert payment_status_text(SaleState.PAYMENT_FAILED, SaleKind.TOPUP, PaymentMode.CHECKOUT) == (
        "Su banco no aprobó el pago. Puede intentarlo de nuevo en su celular con el mismo código."
    )
    assert mode_words(PaymentMode.ASSISTED) == "PSE asistido (el cajero digita los datos)"
    assert kind_words(SaleKind.GIFT_PACK) == "Paquete de regalo"


def test_a_few_sale_words_in_english(english):
    assert result_texts(SaleState.DECLINED)[0] == "Payment declined"
    assert state_words(SaleState.CANCELLED) == "Cancelled; no charge"
    assert payment_status_text(SaleState.PAYMENT_PENDING) == "Waiting for your bank to confirm…"
    assert mode_words(PaymentMode.CHECKOUT) == "Pay by QR on your phone (PSE)"
