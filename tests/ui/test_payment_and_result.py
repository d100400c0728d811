"""The confirm, payment and result screens, and the outcome wording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.controllers.language import set_language
from kiosk.domain.catalogue import Pack
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from tests.ui.conftest import child
from ui.screens.payment import PaymentScreen
from ui.texts import (
    kind_words,
    mode_explanation,
    mode_words,
    payment_instructions,
    payment_status_text,
    result_texts,
    state_words,
)

pytestmark = pytest.mark.gui

CHECKOUT_URL = "http://127.0.0.1:9/p/?public-key=pub_test_kiosk&reference=K1-000123"


def _receipt(state: SaleState, kind: SaleKind = SaleKind.TOPUP) -> Receipt:
    return Receipt(
        reference="K1-000123",
        kind=kind,
        state=state,
        amount_pesos=10_000,
        masked_line="*** *** 6789",
        issued_at=datetime(2025, 3, 14, 20, 5, tzinfo=UTC),
        gateway_transaction_id="11854-1741982712-49617",
        provider_transaction_id="2987451",
        cus="1874233",
        pack_name="Todo incluido 7 días" if kind is SaleKind.GIFT_PACK else "",
        chain_hash_short="9f2c41ab",
        store_name="Tienda de prueba",
        kiosk_name="Caja 9",
    )


# -- confirm -----------------------------------------------------------------------------


def test_confirm_defaults_to_assisted_and_can_switch(qtbot, window):
    screen = window.show_confirm()
    pack = Pack(10_000, "Todo incluido 7 días", data_mb=3_072, validity_days=7)
    screen.setSummary(SaleKind.GIFT_PACK, "3123456789", "Claro", 10_000, pack, "3159876543")
    texts = screen.summaryTexts()
    assert texts["Line"] == "312 345 6789" and texts["Sender"] == "315 987 6543"
    assert "Todo incluido 7 días" in texts["Detail"]
    assert texts["Amount"] == "$\u00a010.000"
    with qtbot.waitSignal(screen.confirmed) as confirmed:
        screen.go_on()
    assert confirmed.args == [PaymentMode.ASSISTED]

    child(screen, QPushButton, "confirmModeCheckoutButton").click()
    with qtbot.waitSignal(screen.confirmed) as confirmed:
        child(screen, QPushButton, "confirmContinueButton").click()
    assert confirmed.args == [PaymentMode.CHECKOUT]


def test_confirm_default_mode_comes_from_the_caller(qtbot, window):
    screen = window.confirm
    screen.setDefaultMode(PaymentMode.CHECKOUT)
    assert screen.mode() is PaymentMode.CHECKOUT
    screen.setSummary(SaleKind.TOPUP, "3123456789", "Claro", 5_000)
    assert "Detail" not in screen.summaryTexts(), "no pack row for a top-up"


# -- payment -----------------------------------------------------------------------------


def test_the_countdown_reaches_expiry(qtbot, window):
    screen = window.show_payment()
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(screen.countdownExpired, timeout=3_000):
        screen.showPayment(
            CHECKOUT_URL,
            10_000,
            "K1-000123",
            datetime.now(UTC) + timedelta(milliseconds=1_200),
            PaymentMode.CHECKOUT,
        )
        assert screen.isCountingDown()
    assert screen.countdownText() == "El código QR venció."
    assert not screen.isCountingDown()


def test_the_payment_shows_qr_amount_reference_and_status(qtbot, window):
    moments = iter([datetime(2025, 3, 14, 20, 0, tzinfo=UTC)] * 10)
    screen = PaymentScreen(clock=lambda: next(moments))
    qtbot.addWidget(screen)
    expires = datetime(2025, 3, 14, 20, 9, 5, tzinfo=UTC)
    screen.showPayment(CHECKOUT_URL, 10_000, "K1-000123", expires, PaymentMode.CHECKOUT)
    assert screen.qrText() == CHECKOUT_URL
    assert screen.secondsLeft() == 545
    assert screen.countdownText() == "El código vence en 9:05"
    assert child(screen, QLabel, "paymentAmountLabel").text() == "Valor: $\u00a010.000"
    assert "K1-000123" in child(screen, QLabel, "paymentReferenceLabel").text()
    instructions = child(screen, QLabel, "paymentInstructions").text()
    assert instructions.startswith("Escanee el código con la cámara de su celular")
    screen.setStatus("El banco está procesando el pago…")
    assert screen.statusText() == "El banco está procesando el pago…"


def test_the_countdown_timer_stops_when_the_screen_is_hidden(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_payment()
    screen.showPayment(
        CHECKOUT_URL, 10_000, "K1-1", datetime.now(UTC) + timedelta(minutes=5), PaymentMode.ASSISTED
    )
    assert screen.isCountingDown()
    window.show_result()
    assert not screen.isCountingDown()
    with qtbot.assertNotEmitted(screen.countdownExpired):
        window.show_payment()
    assert screen.isCountingDown(), "shown again, counting again"


def test_escape_on_payment_asks_to_cancel_not_back(qtbot, shown_window):
    screen = shown_window.show_payment()
    with qtbot.assertNotEmitted(screen.back), qtbot.waitSignal(screen.cancelRequested):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    with qtbot.waitSignal(screen.cancelRequested):
        child(screen, QPushButton, "paymentCancelButton").click()


# -- result ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(SaleKind))
@pytest.mark.parametrize("state", list(SaleState))
def test_every_state_has_result_texts_and_words(state: SaleState, kind: SaleKind):
    headline, next_steps = result_texts(state, kind)
    assert headline.strip() and next_steps.strip()
    assert "{" not in headline + next_steps, "every placeholder filled"
    assert state_words(state).strip()


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


def test_the_result_shows_the_receipt(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.DELIVERED, SaleKind.GIFT_PACK)
    headline, next_steps = result_texts(receipt.state, receipt.kind)
    screen.showResult(receipt, headline, next_steps)
    assert child(screen, QLabel, "resultHeadline").text() == headline
    assert child(screen, QLabel, "resultNextSteps").text() == next_steps
    shown = {key: value for key, _caption, value in screen.receiptView().rows()}
    assert shown["Reference"] == "K1-000123"
    assert shown["GatewayTx"] == "11854-1741982712-49617"
    assert shown["ProviderTx"] == "2987451"
    assert shown["Cus"] == "1874233"
    assert shown["Line"] == "*** *** 6789"
    assert shown["Pack"] == "Todo incluido 7 días"
    assert shown["Amount"] == "$\u00a010.000"
    assert shown["Date"] == "14/03/2025 15:05", "Bogotá time (UTC-5)"
    assert shown["Status"] == state_words(SaleState.DELIVERED)
    assert shown["Chain"] == "9f2c41ab"
    assert child(screen, QLabel, "receiptNote").text() == "Comprobante de pago, no es factura."
    store = child(screen, QLabel, "receiptStore").text()
    assert "Tienda de prueba" in store and "Caja 9" in store


def test_retry_is_offered_only_when_asked(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.PAYMENT_FAILED)
    screen.showResult(receipt, *result_texts(receipt.state))
    retry = child(screen, QPushButton, "resultRetryButton")
    assert not retry.isVisibleTo(screen)
    screen.setRetryAvailable(True)
    assert retry.isVisibleTo(screen)
    with qtbot.waitSignal(screen.retryRequested):
        retry.click()
    with qtbot.waitSignal(screen.done):
        child(screen, QPushButton, "resultNewSaleButton").click()
    with qtbot.waitSignal(screen.done):
        screen.go_on()


# -- words in two languages ------------------------------------------------------------------


def speak(language: str) -> None:
    """Switch the app's language; every widget retranslates on the LanguageChange it gets."""
    set_language(language)
    QApplication.processEvents()


def _path(widget: QWidget, root: QWidget) -> str:
    """A name for ``widget`` that survives a retranslation (object name, else its place)."""
    parts = []
    while widget is not None and widget is not root:
        name = widget.objectName()
        if not name:
            parent = widget.parentWidget()
            siblings = parent.findChildren(
                type(widget), "", Qt.FindChildOption.FindDirectChildrenOnly
            )
            name = f"{type(widget).__name__}[{siblings.index(widget)}]"
        parts.append(name)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def visible_words(root: QWidget) -> dict[tuple[str, str], str]:
    """Every text a person sees (or hears) on ``root``: labels, buttons, combo box items,
    placeholders, accessible names and descriptions, tooltips, of the widgets shown."""
    words: dict[tuple[str, str], str] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        key = _path(widget, root)
        found: dict[str, str] = {
            "accessibleName": widget.accessibleName(),
            "accessibleDescription": widget.accessibleDescription(),
            "toolTip": widget.toolTip(),
        }
        if isinstance(widget, QLabel):
            found["text"] = widget.text()
        if isinstance(widget, QAbstractButton):
            found["text"] = widget.text()
        if isinstance(widget, QLineEdit):
            found["placeholder"] = widget.placeholderText()
        if isinstance(widget, QComboBox):
            found.update({f"item{i}": widget.itemText(i) for i in range(widget.count())})
        words.update({(key, kind): text for kind, text in found.items() if text.strip()})
    return words


def assert_all_translated(
    spanish: dict[tuple[str, str], str], english: dict[tuple[str, str], str], data: set[str]
) -> None:
    """The same things show in both languages, and none of the words (``data`` aside:
    lines, references, bank names…) still says its Spanish."""
    assert english.keys() == spanish.keys()
    same = {key: text for key, text in spanish.items() if english[key] == text and text not in data}
    assert not same, f"still in Spanish after switching to English: {same}"


SPANISH_DATA = {
    "312 345 6789",
    "315 987 6543",
    "Claro",
    "K1-000123",
    "Referencia: K1-000123",
}


@pytest.mark.parametrize("kind", list(SaleKind))
def test_confirm_speaks_english_and_back(qtbot, window, kind: SaleKind):
    screen = window.show_confirm()
    pack = Pack(10_000, "Todo incluido 7 días", data_mb=3_072, validity_days=7)
    if kind is SaleKind.GIFT_PACK:
        screen.setSummary(kind, "3123456789", "Claro", 10_000, pack, "3159876543")
    else:
        screen.setSummary(kind, "3123456789", "Claro", 10_000)
    spanish = visible_words(screen)
    assert spanish[("confirmContent/confirmSummary/confirmKindValue", "text")] == (
        "Paquete de regalo" if kind is SaleKind.GIFT_PACK else "Recarga"
    )
    speak("en")
    english = visible_words(screen)
    # The pack's own name and contents come from the catalogue: data, not screen words.
    detail = ("confirmContent/confirmSummary/confirmDetailValue", "text")
    data = SPANISH_DATA | ({spanish[detail]} if detail in spanish else set())
    assert_all_translated(spanish, english, data)
    summary = screen.summaryTexts()
    assert summary["Kind"] == ("Gift pack" if kind is SaleKind.GIFT_PACK else "Top-up")
    assert summary["Amount"] == "COP\u00a010,000"
    assert child(screen, QLabel, "confirmModeCaption").text() == "How does the customer pay?"
    assert screen.mode() is PaymentMode.ASSISTED, "the choice survives the switch"
    speak("es")
    assert visible_words(screen) == spanish


def test_the_payment_speaks_english_and_back(qtbot):
    now = datetime(2025, 3, 14, 20, 0, tzinfo=UTC)
    screen = PaymentScreen(clock=lambda: now)
    qtbot.addWidget(screen)
    expires = datetime(2025, 3, 14, 20, 9, 5, tzinfo=UTC)
    screen.showPayment(CHECKOUT_URL, 10_000, "K1-000123", expires, PaymentMode.CHECKOUT)
    assert screen.statusText() == "Esperando el pago…"
    spanish = visible_words(screen)
    speak("en")
    english = visible_words(screen)
    assert_all_translated(spanish, english, SPANISH_DATA)
    assert screen.countdownText() == "The code expires in 9:05"
    assert child(screen, QLabel, "paymentAmountLabel").text() == "Amount: COP\u00a010,000"
    assert child(screen, QLabel, "paymentReferenceLabel").text() == "Reference: K1-000123"
    assert screen.statusText() == "Waiting for the payment…"
    assert screen.qr_view.accessibleName() == "QR code to pay with your phone"
    assert screen.qrText() == CHECKOUT_URL, "the code itself does not change"
    speak("es")
    assert visible_words(screen) == spanish
    assert screen.countdownText() == "El código vence en 9:05"


def test_the_status_of_a_state_follows_the_language_and_a_given_text_stays(qtbot):
    now = datetime(2025, 3, 14, 20, 0, tzinfo=UTC)
    screen = PaymentScreen(clock=lambda: now)
    qtbot.addWidget(screen)
    screen.showPayment(CHECKOUT_URL, 10_000, "K1-1", now, PaymentMode.ASSISTED)
    assert screen.countdownText() == "El código QR venció."
    screen.showStatus(SaleState.PAID, SaleKind.GIFT_PACK, PaymentMode.ASSISTED)
    assert screen.statusText() == "Pago aprobado. El paquete se está activando…"
    speak("en")
    assert screen.statusText() == "Payment approved. The pack is being activated…"
    assert screen.countdownText() == "The QR code has expired."
    speak("es")
    screen.setStatus("Un texto del controlador")
    speak("en")
    assert screen.statusText() == "Un texto del controlador", "a given line stays until the next"


def test_the_result_and_its_receipt_speak_english_and_back(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.DELIVERED, SaleKind.GIFT_PACK)
    screen.showOutcome(receipt)
    screen.setRetryAvailable(True)
    assert screen.headline() == "Paquete activado"
    spanish = visible_words(screen)
    spanish_rows = screen.receiptView().rows()
    speak("en")
    english = visible_words(screen)
    values = {value for _key, _caption, value in spanish_rows}
    kept = values - {
        "Paquete de regalo",
        "$\u00a010.000",
        "14/03/2025 15:05",
        state_words(SaleState.DELIVERED),
    }
    assert_all_translated(spanish, english, kept)
    shown = {key: (caption, value) for key, caption, value in screen.receiptView().rows()}
    assert shown["Amount"] == ("Amount", "COP\u00a010,000")
    assert shown["Date"] == ("Date", "Mar 14, 2025 15:05"), "Bogotá time, English dates"
    assert shown["Kind"] == ("Sale", "Gift pack")
    assert shown["Status"] == ("Status", "Paid and delivered")
    assert shown["ProviderTx"] == ("Pack transaction", "2987451")
    assert shown["Reference"] == ("Reference", "K1-000123")
    assert child(screen, QLabel, "receiptNote").text() == "Payment receipt, not an invoice."
    assert screen.headline() == "Pack activated"
    assert child(screen, QPushButton, "resultRetryButton").text() == "Try again"
    speak("es")
    assert visible_words(screen) == spanish
    assert screen.receiptView().rows() == spanish_rows


def test_a_result_given_in_words_stays_as_given(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.DECLINED)
    screen.showResult(receipt, "Titular dado", "Pasos dados")
    speak("en")
    assert (screen.headline(), screen.nextSteps()) == ("Titular dado", "Pasos dados")
    assert child(screen, QPushButton, "resultNewSaleButton").text().startswith("New sale")


# -- the sale's words ------------------------------------------------------------------------


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


def test_a_code_that_cannot_be_drawn_is_explained_in_the_current_language(qtbot):
    now = datetime(2025, 3, 14, 20, 0, tzinfo=UTC)
    screen = PaymentScreen(clock=lambda: now)
    qtbot.addWidget(screen)
    screen.showPayment("x" * 5_000, 10_000, "K1-1", now, PaymentMode.CHECKOUT)
    spanish = screen.messageText()
    assert spanish and not screen.qrText()
    speak("en")
    assert screen.messageText() not in ("", spanish)
    speak("es")
    assert screen.messageText() == spanish
