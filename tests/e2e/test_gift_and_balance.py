"""A gift pack sent and its SMS received; a balance query behind a one-time code."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.controllers.language import formats
from kiosk.domain.money import format_pesos
from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS, signed_in_entries
from tests.support.sandbox import outbox, provider_topups
from tests.support.widgets import child
from ui.app import AppContext

pytestmark = pytest.mark.gui

SENDER = "3209876543"


def test_gift_pack_is_delivered_with_an_sms_naming_the_pack_and_the_sender(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    window = app.window
    clerk.press("startGiftPackButton")
    assert window.currentScreen() is window.gift_pack
    clerk.tick("giftConsentCheck")
    clerk.type("giftLineInput", LINE)
    assert clerk.wait_operator("gift").startswith("Operador:")

    card = clerk.child(QAbstractButton, "giftPackCard_10000")
    pack_name = child(card, QLabel, "giftPackCard_10000Name").text()
    clerk.click(card)
    assert window.gift_pack.selectedPack() is not None
    assert window.gift_pack.selectedPack().name == pack_name
    clerk.type("giftSenderLineInput", SENDER)
    clerk.press("giftContinueButton")
    clerk.wait_for_screen(window.confirm)
    summary = window.confirm.summaryTexts()
    assert summary["Kind"] == "Paquete de regalo" and summary["Amount"] == "$\xa010.000"
    assert summary["Sender"] == "320 987 6543"

    clerk.confirm("assisted")
    clerk.fill_payer("1")
    clerk.wait_payment_screen()
    reference = app.controllers.sale.reference

    assert clerk.wait_result() == "Paquete activado"
    receipt = clerk.receipt_values()
    assert receipt["Reference"] == reference and receipt["Pack"] == pack_name
    assert receipt["Status"] == "Pagada y entregada"
    assert records.state(reference) is SaleState.DELIVERED
    (topup,) = provider_topups(sandbox, reference)
    assert topup["senderPhone"] == "57" + SENDER

    (sms,) = outbox(sandbox, LINE)
    assert pack_name in sms["text"] and "320 987 6543" in sms["text"]
    assert outbox(sandbox, SENDER) == []  # the sender gets nothing


def test_balance_shows_after_a_wrong_then_the_right_code(
    qtbot: Any, app: AppContext, clerk: Clerk, sandbox: SandboxServer, probe: Gateways
) -> None:
    window = app.window
    # Someone gifted the line a pack earlier (straight at the provider): it must be listed.
    catalogue = probe.topups.catalogue_for("Claro")
    assert catalogue.bundle_operator is not None
    pack = catalogue.packs[0]
    probe.topups.topup("GIFT-BEFORE-BALANCE", catalogue.bundle_operator.id, pack.amount_pesos, LINE)
    clerk.press("startBalanceButton")
    assert window.currentScreen() is window.balance
    clerk.tick("balanceConsentCheck")
    clerk.type("balanceLineInput", LINE)
    clerk.press("balanceSendCodeButton")
    code_box = clerk.child(QWidget, "balanceCodeBox")
    qtbot.waitUntil(code_box.isVisible, timeout=WAIT_MS)
    assert LINE not in clerk.child(QLabel, "balanceCodeCaption").text()  # masked there

    (sms,) = [sms for sms in outbox(sandbox, LINE) if "código" in sms["text"]]
    code = re.search(r"\b(\d{6})\b", sms["text"]).group(1)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    clerk.type("balanceCodeInput", wrong)
    clerk.press("balanceShowButton")
    message = clerk.child(QLabel, "balanceMessage")
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=WAIT_MS)
    assert "código" in message.text().lower()
    assert not clerk.child(QWidget, "balanceResult").isVisible()

    clerk.type("balanceCodeInput", code, replace=True)
    clerk.press("balanceShowButton")
    result = clerk.child(QWidget, "balanceResult")
    qtbot.waitUntil(result.isVisible, timeout=WAIT_MS)
    expected = probe.lines.balance(LINE, code)  # the code stays valid until it expires
    assert clerk.child(QLabel, "balanceAmountLabel").text() == (
        f"Saldo: {format_pesos(expected.balance_pesos)}"
    )
    (active,) = [held for held in expected.packs if held.name == pack.name]
    assert active.expires_at is not None
    packs_text = clerk.child(QLabel, "balancePacksList").text()
    assert f"• {pack.name}: vence el {formats().moment(active.expires_at)}" in packs_text
    assert not message.isVisible()
    assert app.journal.entry_count() == signed_in_entries(app)  # balance queries: never


@pytest.mark.parametrize(("line", "operator"), [("3000000003", "Movistar"), ("3001234567", "Tigo")])
def test_the_balance_of_another_operators_line_is_refused_before_any_code(
    qtbot: Any, app: AppContext, clerk: Clerk, sandbox: SandboxServer, line: str, operator: str
) -> None:
    """The balance query needs Claro's partner API: a Movistar (ported) or Tigo line is told
    so before any code is sent."""
    clerk.press("startBalanceButton")
    clerk.tick("balanceConsentCheck")
    clerk.type("balanceLineInput", line)
    clerk.press("balanceSendCodeButton")
    message = clerk.child(QLabel, "balanceMessage")
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=WAIT_MS)
    assert operator in message.text() and "Claro" in message.text()
    assert not clerk.child(QWidget, "balanceCodeBox").isVisible()
    assert outbox(sandbox, line) == [], "no code went to the line"
