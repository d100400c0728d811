"""Every Colombian operator at the counter: a Movistar top-up and a Tigo gift pack, each
with its operator's own amounts and packs, as a clerk sells them through the widgets."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, SaleRecords
from tests.support.sandbox import outbox, provider_topups
from tests.support.widgets import child
from ui.app import AppContext

pytestmark = pytest.mark.gui

MOVISTAR_LINE = "3161234567"
TIGO_LINE = "3011234567"


def test_a_movistar_top_up_with_movistars_amounts(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    window = app.window
    clerk.sell_topup(MOVISTAR_LINE, 10_000)
    found = app.controllers.catalogue.line_offer(MOVISTAR_LINE)
    assert found is not None and found.brand == "Movistar"
    assert window.topup.offer() == found.offer.topup, "the screen shows Movistar's amounts"
    assert window.confirm.summaryTexts()["Operator"] == found.offer.topup_operator.name
    clerk.pay_assisted("1")
    reference = app.controllers.sale.reference
    clerk.wait_result()

    assert records.state(reference) is SaleState.DELIVERED
    (topup,) = provider_topups(sandbox, reference)
    assert topup["operatorId"] == found.offer.topup_operator.id
    assert clerk.receipt_values()["Operator"] == found.offer.topup_operator.name


def test_a_tigo_gift_pack_from_tigos_catalogue(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    window = app.window
    clerk.press("startGiftPackButton")
    clerk.tick("giftConsentCheck")
    clerk.type("giftLineInput", TIGO_LINE)
    assert clerk.wait_operator("gift") == f"Operador: {window.gift_pack.line_input.operatorName()}"
    found = app.controllers.catalogue.line_offer(TIGO_LINE)
    assert found is not None and found.brand == "Tigo"
    # The cards are Tigo's packs now.
    assert [card.pack() for card in window.gift_pack.cards()] == list(found.offer.packs)
    pack = found.offer.packs[0]
    card = clerk.child(QAbstractButton, f"giftPackCard_{pack.amount_pesos}")
    assert child(card, QLabel, f"giftPackCard_{pack.amount_pesos}Name").text() == pack.name
    clerk.click(card)
    clerk.press("giftContinueButton")
    clerk.wait_for_screen(window.confirm)
    clerk.pay_assisted("1")
    reference = app.controllers.sale.reference
    clerk.wait_result()

    assert records.state(reference) is SaleState.DELIVERED
    assert found.offer.bundle_operator is not None
    (topup,) = provider_topups(sandbox, reference)
    assert topup["operatorId"] == found.offer.bundle_operator.id
    assert any(pack.name in sms["text"] for sms in outbox(sandbox, TIGO_LINE))
