"""A second top-up to the same line within 2 minutes is refused on the top-up screen, with the
time left, before any payment (the provider would refuse it after the customer paid)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.domain.sale import SaleState
from tests.e2e.hands import Clerk, SaleRecords
from tests.e2e.helpers import LINE
from ui.app import AppContext

pytestmark = pytest.mark.gui


def test_a_second_top_up_within_two_minutes_is_refused_before_payment(
    app: AppContext, clerk: Clerk, records: SaleRecords
) -> None:
    clerk.sell_topup(LINE, 10_000)
    clerk.pay_assisted("1")
    first = app.controllers.sale.reference
    clerk.wait_result()
    assert records.state(first) is SaleState.DELIVERED
    clerk.press("resultNewSaleButton")
    entries = app.journal.entry_count()

    clerk.start_topup(LINE)
    said = clerk.wait_operator()
    seconds = re.search(r"(\d+) segundos", said)
    assert "2 minutos" in said and seconds and 100 <= int(seconds.group(1)) <= 120
    clerk.type("topupAmountInput", "10000")
    assert not clerk.child(QPushButton, "topupContinueButton").isEnabled()
    assert app.journal.entry_count() == entries, "nothing journaled: nothing to pay"
