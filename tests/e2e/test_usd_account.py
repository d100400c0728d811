"""A store whose provider account is in USD: a top-up to an operator that takes USD amounts
delivers the pesos the customer paid (the client converts through the operator's ``fx``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.controllers.language import formats
from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, SaleRecords
from tests.e2e.helpers import WAIT_MS, signed_in_entries
from tests.support.sandbox import provider_topups
from ui.app import AppContext

pytestmark = pytest.mark.gui

TIGO_LINE = "3011234567"  # Tigo takes USD amounts on a USD account (no local amounts)
PAID = 10_000


@pytest.fixture
def sandbox_account() -> tuple[str, int]:
    return ("USD", 4100)


def test_a_usd_account_delivers_the_pesos_that_were_paid(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    clerk.sell_topup(TIGO_LINE, PAID)
    found = app.controllers.catalogue.line_offer(TIGO_LINE)
    assert found is not None and not found.operator.supports_local_amounts
    receives = found.offer.topup_operator.pesos_received(PAID)
    assert receives > PAID  # a cent of USD rounds up
    # The clerk and the customer see what the line will receive before paying.
    summary = app.window.confirm.summaryTexts()
    assert summary["Receives"] == formats().pesos(receives)
    clerk.pay_assisted("1")
    reference = app.controllers.sale.reference
    clerk.wait_result()

    assert records.state(reference) is SaleState.DELIVERED
    (topup,) = provider_topups(sandbox, reference)
    assert topup["requestedAmountCurrencyCode"] == "USD"
    assert topup["deliveredAmountCurrencyCode"] == "COP"
    delivered = Decimal(str(topup["deliveredAmount"]))
    # Never less than was paid, and at most a cent of USD more.
    assert PAID <= delivered < PAID + Decimal("0.01") * 4100 + 1
    # The journal keeps the currency of what was sent (2.44 is dollars, not pesos).
    provider = [entry.payload.get("provider") or {} for entry in records.entries(reference)]
    assert any(fields.get("requestedAmountCurrencyCode") == "USD" for fields in provider)
    # The receipt says what the line received.
    assert clerk.receipt_values()["Received"] == formats().pesos(int(delivered))


def test_the_float_is_shown_in_dollars_and_a_sale_it_cannot_pay_is_refused(
    qtbot: Any, app: AppContext, clerk: Clerk, sandbox: SandboxServer
) -> None:
    label = clerk.child(QLabel, "statusFloatLabel")
    qtbot.waitUntil(lambda: label.isVisible() and "USD" in label.text(), timeout=WAIT_MS)
    sandbox.set_account_balance(Decimal("2.00"))  # less than 10.000 pesos at 4.100
    clerk.sell_topup(TIGO_LINE, PAID)
    clerk.confirm("checkout")  # the sale is opened (and refused) from the confirm screen
    message = clerk.child(QLabel, "confirmMessage")
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=WAIT_MS)
    assert "USD" in message.text() and "2,00" in message.text()
    assert app.journal.entry_count() == signed_in_entries(app), "refused before the sale"
