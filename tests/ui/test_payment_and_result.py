"""The confirm, payment and result screens, and the outcome wording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.domain.catalogue import Pack
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from tests.ui.conftest import child
from ui.screens.payment import PaymentScreen
from ui.texts import result_texts, state_words
from ui.widgets.receipt_view import NOT_AN_INVOICE

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
    assert child(screen, QLabel, "receiptNote").text() == NOT_AN_INVOICE
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
