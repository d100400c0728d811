"""The balance query screen: line and consent, a one-time code, then the balance."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton

from tests.ui.conftest import child
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
