"""The kiosk's receipt (issue 10, item 7): printed by itself on the kiosk's printer after a
sale, and a printer out of paper said in the customer's words without blocking anything —
"Nueva venta" goes back to the attract screen (the next customer starts afresh), and the
sale is in the store's history."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.config import Config
from kiosk.domain.sale import SaleState
from tests.e2e.hands import Clerk
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner, e2e_config
from tests.printing.helpers import PAPER_OUT, FakeNetworkPrinter
from tests.support.widgets import child
from ui.app import AppContext
from ui.texts import claim_how, kiosk_print_trouble

pytestmark = pytest.mark.gui

#: The sandbox bank whose checkout the payer approves.
BANK = "4"
AMOUNT = 10_000
#: ESC @: every ESC/POS job starts by initialising the printer.
ESC_INIT = b"\x1b@"


def with_printer(target: str, contact: str = "") -> Config:
    config = e2e_config()
    store = dataclasses.replace(config.store, contact=contact) if contact else config.store
    return dataclasses.replace(
        config, printer=dataclasses.replace(config.printer, target=target), store=store
    )


def kiosk_sale(runner: AppRunner, config: Config) -> tuple[AppContext, Clerk, str]:
    """A kiosk on ``config``: from the attract screen, a top-up paid by the checkout QR on
    the payer's phone, up to the result screen; the sale's reference."""
    ctx = runner.start(mode="kiosk", config=config)
    runner.wait_until_idle(ctx)
    window = ctx.window
    assert window.currentScreen() is window.attract
    hands = runner.clerk_for(ctx)
    window.attract.touched.emit()  # the tap-by-tap flow is tests/e2e/test_kiosk_taps.py's
    hands.wait_for_screen(window.start)
    hands.sell_topup(LINE, AMOUNT)
    hands.press("confirmContinueButton")  # "Pagar con código QR"
    hands.wait_payment_screen()
    reference = ctx.controllers.sale.reference
    payer = runner.payer_for(ctx)
    payer.open_checkout(payer.scan_qr(), BANK)
    payer.approve()
    hands.wait_result()
    assert runner.records_for(ctx).state(reference) is SaleState.DELIVERED
    return ctx, hands, reference


def test_the_kiosk_prints_the_receipt_by_itself(
    qtbot: Any, runner: AppRunner, tmp_path: Path
) -> None:
    paper = tmp_path / "receipt.bin"
    ctx, _hands, reference = kiosk_sale(
        runner, with_printer(f"file:{paper}", contact="601 555 0101")
    )
    result = ctx.window.result
    qtbot.waitUntil(lambda: paper.exists() and not result.isPrinting(), timeout=WAIT_MS)
    printed = paper.read_bytes()
    assert printed.startswith(ESC_INIT) and reference.encode() in printed
    assert not ctx.controllers.receipts.busy() and ctx.controllers.receipts.failureCode() == ""
    # Once: the same outcome shown again prints nothing more.
    kiosk = ctx.wiring.kiosk
    assert kiosk is not None
    receipt = result.receiptView().receipt()
    assert receipt is not None
    result.showOutcome(receipt)
    assert not result.isPrinting() and not ctx.controllers.receipts.busy()
    assert kiosk.receipt.printedKeys() == [(reference, str(SaleState.DELIVERED))]
    # The screen keeps what a claim needs, large, whatever the paper.
    assert child(result, QLabel, "resultReferenceBig").text() == reference
    hash_big = child(result, QLabel, "resultHashBig")
    assert hash_big.isVisible() and len(hash_big.text()) == 16
    assert child(result, QLabel, "resultClaimHow").text() == claim_how("601 555 0101")
    for hidden in ("resultPrintButton", "resultSavePdfButton"):
        assert not child(result, QAbstractButton, hidden).isVisible()


def test_a_printer_out_of_paper_is_said_and_blocks_nothing(qtbot: Any, runner: AppRunner) -> None:
    printer = FakeNetworkPrinter(status=PAPER_OUT)
    try:
        ctx, hands, reference = kiosk_sale(runner, with_printer(printer.target))
        result = ctx.window.result
        said = kiosk_print_trouble("printer.no_paper", reference)
        qtbot.waitUntil(lambda: result.messageText() == said, timeout=WAIT_MS)
        assert ctx.controllers.receipts.failureCode() == "printer.no_paper"
        assert reference.encode() not in printer.received(), "no receipt on an empty roll"
        # No retry: nothing more is sent, no button to try again.
        assert not child(result, QAbstractButton, "resultPrintButton").isVisible()
        # The sale is the store's, for a reprint from its history.
        assert runner.records_for(ctx).state(reference) is SaleState.DELIVERED
        new_sale = child(result, QAbstractButton, "resultNewSaleButton")
        assert new_sale.isEnabled()
        hands.click(new_sale)
        hands.wait_for_screen(ctx.window.attract)
        assert not ctx.controllers.sale.reference, "the sale on screen is forgotten"
    finally:
        printer.close()


def test_no_printer_set_up_is_not_a_customers_problem(qtbot: Any, runner: AppRunner) -> None:
    ctx, hands, reference = kiosk_sale(runner, with_printer(""))
    result = ctx.window.result
    receipts = ctx.controllers.receipts
    assert not receipts.printerConfigured()
    assert not receipts.busy() and not result.isPrinting(), "no job for a printer it has not"
    assert ctx.wiring.kiosk is not None and ctx.wiring.kiosk.receipt.printedKeys() == []
    assert result.messageText() == "", "nothing to say about a printer the kiosk has not"
    assert child(result, QLabel, "resultReferenceBig").text() == reference
    hands.press("resultNewSaleButton")
    hands.wait_for_screen(ctx.window.attract)


def test_a_printer_that_does_not_answer_holds_neither_the_customer_nor_the_idle_reset(
    qtbot: Any, runner: AppRunner
) -> None:
    # It takes the job but never answers the paper query: the job waits for its deadline.
    printer = FakeNetworkPrinter(status=b"")
    try:
        ctx, _hands, reference = kiosk_sale(runner, with_printer(printer.target))
        window, result, receipts = ctx.window, ctx.window.result, ctx.controllers.receipts
        assert result.isPrinting() and receipts.busy(), "the job waits for the printer"
        assert child(result, QAbstractButton, "resultNewSaleButton").isEnabled()
        assert child(result, QLabel, "resultReferenceBig").text() == reference
        # Nobody there: the idle reset goes back to the attract screen all the same.
        assert ctx.wiring.kiosk is not None
        ctx.wiring.kiosk.idle.reset_now()
        assert window.currentScreen() is window.attract
        # The job's late end (printed or failed) changes nothing on screen; none is sent again.
        qtbot.waitUntil(lambda: not receipts.busy(), timeout=WAIT_MS)
        assert window.currentScreen() is window.attract
        assert result.messageText() == "" and result.receiptView().receipt() is None
        assert ctx.wiring.kiosk.receipt.printedKeys() == [(reference, str(SaleState.DELIVERED))]
    finally:
        printer.close()
