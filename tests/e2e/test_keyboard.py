"""A counter top-up done with the keyboard alone: every key goes to the focused widget."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget

from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, Payer, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS
from tests.support.sandbox import provider_topups
from tests.support.widgets import child
from ui.app import AppContext

pytestmark = pytest.mark.gui


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key) -> None:
    qtbot.keyClick(focused(), key)


def type_text(qtbot: Any, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def key_to_topup_confirm(qtbot: Any, app: AppContext, amount: int) -> None:
    """F1, the line, Enter, Space (consent), Enter, the amount, Enter: the confirm screen."""
    window = app.window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F1)
    assert window.currentScreen() is window.topup
    assert focused() is child(window, QLineEdit, "topupLineInput")
    type_text(qtbot, LINE)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is child(window, QCheckBox, "topupConsentCheck")
    press(qtbot, Qt.Key.Key_Space)
    assert window.topup.consentGiven()
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is child(window, QLineEdit, "topupAmountInput")
    type_text(qtbot, str(amount))
    press(qtbot, Qt.Key.Key_Return)  # waits for the operator if it is still being detected
    qtbot.waitUntil(lambda: window.currentScreen() is window.confirm, timeout=WAIT_MS)


def test_assisted_topup_with_the_keyboard_alone(
    qtbot: Any,
    app: AppContext,
    clerk: Clerk,
    payer: Payer,
    records: SaleRecords,
    sandbox: SandboxServer,
) -> None:
    window = app.window
    key_to_topup_confirm(qtbot, app, 12_000)
    press(qtbot, Qt.Key.Key_1)  # assisted (the counter's default anyway)
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.currentScreen() is window.payer, timeout=WAIT_MS)
    assert focused() is child(window, QLineEdit, "payerDocumentInput")
    bank = child(window, QComboBox, "payerBankCombo")
    terms = child(window, QCheckBox, "payerTermsCheck")
    qtbot.waitUntil(lambda: bank.findData("4") > 0 and terms.isEnabled(), timeout=WAIT_MS)
    type_text(qtbot, "1020304050")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Ana Perez")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "ana@example.com")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is child(window, QLineEdit, "payerPhoneInput")
    assert focused().text() == LINE  # prefilled with the line
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is bank
    for _ in range(bank.findData("4")):
        press(qtbot, Qt.Key.Key_Down)
    assert bank.currentData() == "4"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is terms
    press(qtbot, Qt.Key.Key_Space)
    assert terms.isChecked()
    press(qtbot, Qt.Key.Key_Return)

    clerk.wait_payment_screen()
    reference = app.controllers.sale.reference
    payer.approve(payer.scan_qr())  # the payer, on their phone
    clerk.wait_result()
    assert window.result.headline() == "Recarga hecha"
    assert clerk.receipt_values()["Reference"] == reference
    assert records.state(reference) is SaleState.DELIVERED
    assert len(provider_topups(sandbox, reference)) == 1

    press(qtbot, Qt.Key.Key_Return)  # a new sale
    assert window.currentScreen() is window.start
    assert app.controllers.sale.reference == ""
    press(qtbot, Qt.Key.Key_F1)
    assert child(window, QLineEdit, "topupLineInput").text() == ""  # nothing left from before


def test_checkout_topup_with_the_keyboard_alone(
    qtbot: Any, app: AppContext, clerk: Clerk, payer: Payer, sandbox: SandboxServer
) -> None:
    window = app.window
    key_to_topup_confirm(qtbot, app, 12_000)
    press(qtbot, Qt.Key.Key_Escape)  # back to check the line: what was typed stays
    assert window.currentScreen() is window.topup
    assert window.topup.line() == LINE and window.topup.amount() == 12_000
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.currentScreen() is window.confirm, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_2)  # the QR for the payer's own phone
    press(qtbot, Qt.Key.Key_Return)
    clerk.wait_payment_screen()
    reference = app.controllers.sale.reference

    payer.open_checkout(payer.scan_qr(), "4")
    payer.approve()
    clerk.wait_result()
    assert window.result.headline() == "Recarga hecha"
    assert len(provider_topups(sandbox, reference)) == 1
    press(qtbot, Qt.Key.Key_Return)
    assert window.currentScreen() is window.start
