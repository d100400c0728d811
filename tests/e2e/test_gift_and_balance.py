"""A gift pack sent and its SMS received; a balance query behind a one-time code."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.domain.money import format_pesos
from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer
from tests.e2e.conftest import (
    LINE,
    WAIT_MS,
    child,
    click,
    confirm,
    fill_payer,
    receipt_values,
    sale_state,
    tick,
    wait_operator,
    wait_payment_screen,
    wait_result,
)
from tests.support.sandbox import outbox, provider_topups
from ui.app import AppContext
from ui.formatting import format_local_datetime

pytestmark = pytest.mark.gui

SENDER = "3209876543"


def test_gift_pack_is_delivered_with_an_sms_naming_the_pack_and_the_sender(
    qtbot: Any, app: AppContext, sandbox: SandboxServer
) -> None:
    window = app.window
    click(qtbot, child(window, QPushButton, "startGiftPackButton"))
    assert window.currentScreen() is window.gift_pack
    tick(qtbot, child(window, QCheckBox, "giftConsentCheck"))
    qtbot.keyClicks(child(window, QLineEdit, "giftLineInput"), LINE)
    assert wait_operator(qtbot, app, "gift").startswith("Operador:")

    card = child(window, QAbstractButton, "giftPackCard_10000")
    pack_name = child(card, QLabel, "giftPackCard_10000Name").text()
    click(qtbot, card)
    assert window.gift_pack.selectedPack() is not None
    assert window.gift_pack.selectedPack().name == pack_name
    qtbot.keyClicks(child(window, QLineEdit, "giftSenderLineInput"), SENDER)
    click(qtbot, child(window, QPushButton, "giftContinueButton"))
    qtbot.waitUntil(lambda: window.currentScreen() is window.confirm, timeout=WAIT_MS)
    summary = window.confirm.summaryTexts()
    assert summary["Kind"] == "Paquete de regalo" and summary["Amount"] == "$\xa010.000"
    assert summary["Sender"] == "320 987 6543"

    confirm(qtbot, app, "assisted")
    fill_payer(qtbot, app, "1")
    wait_payment_screen(qtbot, app)
    reference = app.controllers.sale.reference

    assert wait_result(qtbot, app) == "Paquete activado"
    receipt = receipt_values(app)
    assert receipt["Reference"] == reference and receipt["Pack"] == pack_name
    assert receipt["Status"] == "Pagada y entregada"
    assert sale_state(app, reference) is SaleState.DELIVERED
    (topup,) = provider_topups(sandbox, reference)
    assert topup["senderPhone"] == "57" + SENDER

    (sms,) = outbox(sandbox, LINE)
    assert pack_name in sms["text"] and "320 987 6543" in sms["text"]
    assert outbox(sandbox, SENDER) == []  # the sender gets nothing


def test_balance_shows_after_a_wrong_then_the_right_code(
    qtbot: Any, app: AppContext, sandbox: SandboxServer, probe: Gateways
) -> None:
    window = app.window
    # Someone gifted the line a pack earlier (straight at the provider): it must be listed.
    catalogue = probe.topups.catalogue_for("Claro")
    assert catalogue.bundle_operator is not None
    pack = catalogue.packs[0]
    probe.topups.topup("GIFT-BEFORE-BALANCE", catalogue.bundle_operator.id, pack.amount_pesos, LINE)
    click(qtbot, child(window, QPushButton, "startBalanceButton"))
    assert window.currentScreen() is window.balance
    tick(qtbot, child(window, QCheckBox, "balanceConsentCheck"))
    qtbot.keyClicks(child(window, QLineEdit, "balanceLineInput"), LINE)
    click(qtbot, child(window, QPushButton, "balanceSendCodeButton"))
    code_box = child(window, QWidget, "balanceCodeBox")
    qtbot.waitUntil(code_box.isVisible, timeout=WAIT_MS)
    assert LINE not in child(window, QLabel, "balanceCodeCaption").text()  # masked there

    (sms,) = [sms for sms in outbox(sandbox, LINE) if "código" in sms["text"]]
    code = re.search(r"\b(\d{6})\b", sms["text"]).group(1)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    code_input = child(window, QLineEdit, "balanceCodeInput")
    qtbot.keyClicks(code_input, wrong)
    click(qtbot, child(window, QPushButton, "balanceShowButton"))
    message = child(window, QLabel, "balanceMessage")
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=WAIT_MS)
    assert "código" in message.text().lower()
    assert not child(window, QWidget, "balanceResult").isVisible()

    code_input.clear()
    qtbot.keyClicks(code_input, code)
    click(qtbot, child(window, QPushButton, "balanceShowButton"))
    result = child(window, QWidget, "balanceResult")
    qtbot.waitUntil(result.isVisible, timeout=WAIT_MS)
    expected = probe.lines.balance(LINE, code)  # the code stays valid until it expires
    assert child(window, QLabel, "balanceAmountLabel").text() == (
        f"Saldo: {format_pesos(expected.balance_pesos)}"
    )
    (active,) = [held for held in expected.packs if held.name == pack.name]
    assert active.expires_at is not None
    packs_text = child(window, QLabel, "balancePacksList").text()
    assert f"• {pack.name}: vence el {format_local_datetime(active.expires_at)}" in packs_text
    assert not message.isVisible()
    assert app.journal.entry_count() == 0  # balance queries are never journaled
