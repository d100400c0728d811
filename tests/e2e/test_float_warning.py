"""The store's float on the clerk's screen: shown in its own currency, read again in the
background, a warning under the store's threshold; and a sale the float cannot pay once the
sales still open are set aside is refused on the confirm screen, before any payment."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.domain.sale import SaleKind
from kiosk.domain.sale_request import SaleRequest
from kiosk.domain.store_float import Money
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk
from tests.e2e.helpers import WAIT_MS
from ui.app import AppContext

pytestmark = pytest.mark.gui

TIGO_LINE, OTHER_TIGO_LINE = "3011234567", "3011234568"
PAID = 10_000  # USD 2,44 at 4.100


@pytest.fixture
def sandbox_account() -> tuple[str, int]:
    return ("USD", 4100)


def test_a_float_under_the_threshold_warns_the_clerk(
    qtbot: Any, app: AppContext, clerk: Clerk, sandbox: SandboxServer
) -> None:
    label = clerk.child(QLabel, "statusFloatLabel")
    qtbot.waitUntil(lambda: label.isVisible() and "USD" in label.text(), timeout=WAIT_MS)
    catalogue = app.controllers.catalogue
    sandbox.set_account_balance(Decimal("99.50"))  # the threshold is 100 (dollars here)
    with qtbot.waitSignal(catalogue.floatLow, timeout=WAIT_MS) as low:
        catalogue.load_float()  # what the minute's timer does
    assert low.args == [Money(Decimal("99.50"), "USD"), Money(Decimal(100), "USD")]
    qtbot.waitUntil(lambda: "99,50" in label.text(), timeout=WAIT_MS)


def test_a_sale_the_float_less_the_open_sales_cannot_pay_is_refused(
    qtbot: Any, app: AppContext, clerk: Clerk, sandbox: SandboxServer
) -> None:
    sandbox.set_account_balance(Decimal("4.00"))  # one sale of 10.000 fits, not two
    # A sale whose QR a payer already holds (it may be paid any moment) holds USD 2,44.
    core = app.controllers.core
    operator = core.gateways.topups.detect_operator(OTHER_TIGO_LINE)
    payments = core.sales.payments
    pending = payments.open_sale(SaleRequest(SaleKind.TOPUP, OTHER_TIGO_LINE, PAID, operator))
    payments.start_checkout(pending.reference)
    entries = app.journal.entry_count()

    clerk.sell_topup(TIGO_LINE, PAID)
    clerk.confirm("checkout")
    message = clerk.child(QLabel, "confirmMessage")
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=WAIT_MS)
    assert "USD\u00a02,44" in message.text() and "USD\u00a01,56" in message.text()
    assert "No se cobró nada" in message.text()
    assert app.journal.entry_count() == entries, "refused before the sale existed"
