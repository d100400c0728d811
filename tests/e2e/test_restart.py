"""A sale left waiting by a stopped app is delivered once by the next start's reconciliation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.controllers.worker import pending_tasks
from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner
from tests.support.sandbox import provider_topups

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", ["assisted", "checkout"])
def test_pending_sale_of_a_stopped_app_is_delivered_at_the_next_start(
    qtbot: Any, runner: AppRunner, sandbox: SandboxServer, mode: str
) -> None:
    first = runner.start()
    runner.wait_until_idle(first)
    clerk, payer, records = (
        runner.clerk_for(first),
        runner.payer_for(first),
        runner.records_for(first),
    )
    clerk.sell_topup(LINE, 20_000)
    clerk.confirm(mode)
    if mode == "assisted":
        clerk.fill_payer("4")  # waits for the bank page
    qtbot.waitUntil(lambda: bool(first.window.payment.qrText()), timeout=WAIT_MS)
    reference = first.controllers.sale.reference
    url = payer.scan_qr()
    assert records.state(reference) is SaleState.PAYMENT_PENDING
    runner.stop(first)  # the app is closed while the payment screen waits

    # The customer pays on the phone while no app runs.
    if mode == "assisted":
        payer.approve(url)
    else:
        payer.open_checkout(url, "4")
        payer.approve()
    assert provider_topups(sandbox, reference) == []

    reports: list[Any] = []
    second = runner.start()  # same config, same journal
    second.controllers.reconcile.passFinished.connect(reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=WAIT_MS)
    records = runner.records_for(second)
    assert reports[0].moved == {reference: SaleState.DELIVERED}
    assert records.state(reference) is SaleState.DELIVERED
    assert records.states(reference).count(SaleState.DELIVERED) == 1
    (topup,) = provider_topups(sandbox, reference)
    assert topup["recipientPhone"] == "57" + LINE and topup["requestedAmount"] == 20_000
    assert second.window.currentScreen() is second.window.start  # nothing on screen for it

    # A later pass finds nothing left to do.
    second.controllers.reconcile.run_pass(everything=True)
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=WAIT_MS)
    assert reference not in reports[1].looked_up
    assert len(provider_topups(sandbox, reference)) == 1


def test_app_closed_while_a_create_hangs_stops_cleanly_and_the_next_start_delivers(
    qtbot: Any, runner: AppRunner, sandbox: SandboxServer
) -> None:
    """Bank 5 answers after the client gave up; the app is closed during that wait."""
    first = runner.start()
    runner.wait_until_idle(first)
    clerk = runner.clerk_for(first)
    clerk.sell_topup(LINE, 20_000)
    clerk.confirm("assisted")
    clerk.fill_payer("5")
    qtbot.waitUntil(lambda: bool(first.controllers.sale.reference), timeout=WAIT_MS)
    reference = first.controllers.sale.reference
    runner.stop(first)  # waits for the create's worker (its own deadline), then closes

    QApplication.processEvents()  # the create's late answer reaches a closed app
    assert pending_tasks() == 0, "a closed app started new work"
    assert first.window.currentScreen() is first.window.payer  # no payment screen after close

    reports: list[Any] = []
    second = runner.start()
    second.controllers.reconcile.passFinished.connect(reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=WAIT_MS)
    assert reports[0].moved == {reference: SaleState.DELIVERED}
    states = runner.records_for(second).states(reference)
    assert states[:2] == [SaleState.CREATED, SaleState.PAYMENT_REQUESTED]
    assert states.count(SaleState.DELIVERED) == 1
    assert len(provider_topups(sandbox, reference)) == 1
