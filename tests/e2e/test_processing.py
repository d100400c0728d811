"""A top-up the provider answers PROCESSING is followed on the payment screen until it is
delivered (the sandbox's line 3000000004), not left at "in progress"."""

from __future__ import annotations

import pytest

from kiosk.controllers.language import translate
from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.e2e.hands import Clerk, SaleRecords
from tests.support.sandbox import provider_topups
from ui.app import AppContext

pytestmark = pytest.mark.gui

PROCESSING_LINE = "3000000004"


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    """The e2e timings, with the processing line delivered after 1.5 s instead of 20."""
    return SandboxTiming(
        pse_settle_seconds=0.3,
        slow_bank_seconds=2.0,
        slow_line_seconds=1.5,
        processing_success_seconds=1.5,
    )


def test_a_processing_top_up_ends_delivered_on_screen(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    clerk.sell_topup(PROCESSING_LINE, 10_000)
    clerk.pay_assisted("1")
    reference = app.controllers.sale.reference

    headline = clerk.wait_result()

    assert headline == translate("SaleWords", "Recarga hecha")
    assert records.state(reference) is SaleState.DELIVERED
    (topup,) = provider_topups(sandbox, reference)
    assert topup["status"] == "SUCCESSFUL"
    assert SaleState.DELIVERY_UNKNOWN in records.states(reference), "it was processing first"
