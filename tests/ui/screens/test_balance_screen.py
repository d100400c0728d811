"""The balance query screen: line and consent, a one-time code, then the balance."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton

from tests.support.widgets import child
from tests.ui.helpers import assert_all_translated, shown_texts, speak
from ui.screens.balance import BalanceStep

pytestmark = pytest.mark.gui


def test_the_code_is_asked_only_with_a_valid_line_and_consent(qtbot, window):
    screen = window.balance
    send = child(screen, QPushButton, "balanceSendCodeButton")
    consent = child(screen, QCheckBox, "balanceConsentCheck")
    assert not consent.isChecked()
    qtbot.keyClicks(child(screen, QLineEdit, "balanceLineInput"), "312 345 6789")
    assert not send.isEnabled()
    with qtbot.assertNotEmitted(screen.codeRequested):
        screen.go_on()
    consent.click()
    with qtbot.waitSignal(screen.codeRequested) as requested:
        send.click()
    assert requested.args == ["3123456789"]


def test_a_wrong_then_a_right_code_by_keyboard(qtbot, shown_window):
    screen = shown_window.show_balance()
    child(screen, QCheckBox, "balanceConsentCheck").click()
    screen.enter()
    qtbot.keyClicks(QApplication.focusWidget(), "3123456789")
    with qtbot.waitSignal(screen.codeRequested):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    screen.setCodeSent("*** *** 6789")
    code = child(screen, QLineEdit, "balanceCodeInput")
    assert QApplication.focusWidget() is code
    assert "*** *** 6789" in child(screen, QLabel, "balanceCodeCaption").text()

    qtbot.keyClicks(code, "12345")
    with qtbot.assertNotEmitted(screen.codeSubmitted):
        qtbot.keyClick(code, Qt.Key.Key_Return)  # five digits are not a code
    qtbot.keyClicks(code, "6")
    with qtbot.waitSignal(screen.codeSubmitted) as submitted:
        qtbot.keyClick(code, Qt.Key.Key_Return)
    assert submitted.args == ["3123456789", "123456"]

    screen.setError("El código no es correcto. Revise el mensaje e inténtelo de nuevo.")
    assert child(screen, QLabel, "balanceMessage").isVisibleTo(screen)
    assert QApplication.focusWidget() is code and code.selectedText() == "123456"
    qtbot.keyClicks(code, "654321")
    with qtbot.waitSignal(screen.codeSubmitted) as submitted:
        qtbot.keyClick(code, Qt.Key.Key_Return)
    assert submitted.args == ["3123456789", "654321"]

    # 23:30 UTC is 18:30 in Bogotá (UTC-5).
    screen.setBalance(12_350, [("Todo incluido 7 días", datetime(2025, 3, 21, 23, 30, tzinfo=UTC))])
    assert screen.step() is BalanceStep.SHOWN
    assert child(screen, QLabel, "balanceAmountLabel").text() == "Saldo: $\u00a012.350"
    packs = child(screen, QLabel, "balancePacksList").text()
    assert "Todo incluido 7 días" in packs and "21/03/2025 18:30" in packs


def test_a_new_line_forgets_the_code_and_the_balance(qtbot, window):
    screen = window.balance
    child(screen, QCheckBox, "balanceConsentCheck").click()
    edit = child(screen, QLineEdit, "balanceLineInput")
    qtbot.keyClicks(edit, "3123456789")
    screen.setCodeSent("*** *** 6789")
    screen.setBalance(5_000, [])
    assert child(screen, QLabel, "balancePacksList").text() == "No tiene paquetes activos."
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert screen.step() is BalanceStep.LINE
    assert not child(screen, QLabel, "balanceAmountLabel").isVisibleTo(screen)


def test_escape_goes_back(qtbot, shown_window):
    shown_window.show_balance()
    with qtbot.waitSignal(shown_window.balance.back):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_the_code_step_speaks_english_and_back(qtbot, window):
    screen = window.show_balance()
    screen.consent.checkBox().setChecked(True)
    qtbot.keyClicks(child(screen, QLineEdit, "balanceLineInput"), "3123456789")
    screen.setCodeSent("*** *** 6789")
    qtbot.keyClicks(child(screen, QLineEdit, "balanceCodeInput"), "12")
    screen.go_on()  # two digits: the screen says what is missing
    assert (
        screen.messageText() == "Escriba los 6 dígitos del código que llegó por mensaje de texto."
    )
    spanish = shown_texts(screen)

    speak("en")
    assert_all_translated(spanish, shown_texts(screen), data=["312 345 6789"])
    assert child(screen, QLabel, "balanceTitle").text() == "Balance check"
    assert child(screen, QPushButton, "balanceSendCodeButton").text() == "Send another code"
    assert child(screen, QLabel, "balanceCodeCaption").text() == (
        "Type the 6-digit code we sent by text message to *** *** 6789. "
        "If it does not arrive within a minute, ask for another one."
    )
    assert screen.messageText() == "Type the 6-digit code that came by text message."

    speak("es")
    assert shown_texts(screen) == spanish


def test_the_balance_and_packs_speak_english_and_back(qtbot, window):
    screen = window.show_balance()
    screen.consent.checkBox().setChecked(True)
    qtbot.keyClicks(child(screen, QLineEdit, "balanceLineInput"), "3123456789")
    screen.setCodeSent("*** *** 6789")
    expires = datetime(2025, 3, 21, 23, 30, tzinfo=UTC)
    screen.setBalance(12_350, [("Todo incluido 7 días", expires), ("WhatsApp", expires)])
    spanish = shown_texts(screen)
    assert child(screen, QLabel, "balancePacksList").text() == (
        "Paquetes activos:\n• Todo incluido 7 días: vence el 21/03/2025 18:30\n"
        "• WhatsApp: vence el 21/03/2025 18:30"
    )

    speak("en")
    assert_all_translated(spanish, shown_texts(screen), data=["312 345 6789"])
    assert child(screen, QLabel, "balanceAmountLabel").text() == "Balance: COP\u00a012,350"
    assert child(screen, QLabel, "balancePacksList").text() == (
        "Active packs:\n• Todo incluido 7 días: expires Mar 21, 2025 18:30\n"
        "• WhatsApp: expires Mar 21, 2025 18:30"
    )
    screen.setBalance(0, [])
    assert child(screen, QLabel, "balancePacksList").text() == "You have no active packs."

    speak("es")
    assert child(screen, QLabel, "balancePacksList").text() == "No tiene paquetes activos."
    assert child(screen, QLabel, "balanceAmountLabel").text() == "Saldo: $\u00a00"


def test_the_line_step_and_consent_message_in_english(qtbot, window):
    screen = window.show_balance()
    qtbot.keyClicks(child(screen, QLineEdit, "balanceLineInput"), "3123456789")
    screen.go_on()
    spanish = shown_texts(screen)
    assert screen.messageText() == "Marque la autorización de datos para continuar."
    speak("en")
    assert_all_translated(spanish, shown_texts(screen), data=["312 345 6789"])
    assert child(screen, QPushButton, "balanceSendCodeButton").text() == "Send code"
    assert child(screen, QLabel, "balanceLineCaption").text() == "Mobile number"
    assert screen.messageText() == "Tick the consent box to continue."
