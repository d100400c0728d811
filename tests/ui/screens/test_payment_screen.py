"""The payment screen: the QR, the amount, the reference, the countdown and the status line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from tests.support.widgets import child
from tests.ui.helpers import SPANISH_DATA, assert_words_translated, speak, visible_words
from ui.screens.payment import PaymentScreen

pytestmark = pytest.mark.gui

CHECKOUT_URL = "http://127.0.0.1:9/p/?public-key=pub_test_kiosk&reference=K1-000123"


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
    assert_words_translated(spanish, english, SPANISH_DATA)
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
