"""A create whose answer is lost: the sale is found by reference and its QR still shown."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.e2e.hands import Clerk, Payer, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS
from tests.support.sandbox import provider_topups
from ui.app import AppContext

pytestmark = pytest.mark.gui


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    # Bank 5 answers after 2 s (the client gives up after 1 s) and stays pending far longer
    # than any test waits: only the payer's answer on the bank page can approve it.
    return SandboxTiming(pse_settle_seconds=600.0, slow_bank_seconds=2.0, slow_line_seconds=1.5)


def test_lost_create_answer_still_shows_the_bank_qr_of_the_sale(
    app: AppContext,
    clerk: Clerk,
    payer: Payer,
    records: SaleRecords,
    sandbox: SandboxServer,
    probe: Gateways,
) -> None:
    window = app.window
    clerk.sell_topup(LINE, 15_000)
    clerk.confirm("assisted")
    busy = clerk.child(QLabel, "payerBusyMessage")
    told: list[tuple[SaleState, bool, str]] = []
    app.controllers.sale.progressChanged.connect(
        lambda progress: told.append((progress.state, window.payer.isBusy(), busy.text()))
    )
    clerk.fill_payer("5")

    clerk.wait_payment_screen()  # found by reference: its QR after all
    reference = app.controllers.sale.reference
    assert SaleState.PAYMENT_UNKNOWN in records.states(reference)
    # Meanwhile the clerk was told that the payment is being confirmed.
    assert told[0] == (
        SaleState.PAYMENT_UNKNOWN,
        True,
        "Confirmando con la pasarela si el pago quedó creado…",
    )
    assert not window.payer.isBusy()
    url = payer.scan_qr()
    (transaction,) = probe.pse.find_by_reference(reference)
    assert url == transaction.bank_url
    assert window.payment.statusText() == "Esperando la confirmación de su banco…"

    payer.approve(url)
    assert clerk.wait_result() == "Recarga hecha"
    assert records.state(reference) is SaleState.DELIVERED
    assert len(provider_topups(sandbox, reference)) == 1


def test_clerk_may_stop_waiting_for_a_lost_create_answer(
    qtbot: Any, app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    window = app.window
    clerk.sell_topup(LINE, 15_000)
    clerk.confirm("assisted")
    cancel = clerk.child(QPushButton, "payerBusyCancelButton")
    offered: list[bool] = []

    def stop_waiting_when_told(progress: Any) -> None:
        # The clerk reads "Confirmando…" and presses "Cancelar" on the spot.
        if progress.state is SaleState.PAYMENT_UNKNOWN:
            offered.append(cancel.isVisible())
            clerk.click(cancel)

    app.controllers.sale.progressChanged.connect(stop_waiting_when_told)
    clerk.fill_payer("5")
    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert offered == [True]
    reference = app.controllers.sale.reference

    assert clerk.wait_result() == "Pago cancelado en pantalla"
    assert records.state(reference) is SaleState.CANCELLED_UNCONFIRMED  # still watched
    assert provider_topups(sandbox, reference) == []
    assert window.currentScreen() is window.result  # no QR pops up after the cancel
