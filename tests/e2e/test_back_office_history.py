"""The back office on the whole app: after a sale, the clerk finds it in the history, sees its
steps, reprints a copy (on a file printer: the bytes and a journaled ``sale.reprinted``),
then makes the X report and closes the shift (a journaled ``shift.closed``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Config
from kiosk.domain.sale import SaleState
from tests.e2e.hands import DEMO_CLERK, Clerk, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS, e2e_config
from ui.app import AppContext

pytestmark = pytest.mark.gui

AMOUNT = 12_000


@pytest.fixture
def printer_file(tmp_path: Path) -> Path:
    return tmp_path / "printer.bin"


@pytest.fixture
def app_config(printer_file: Path) -> Config:
    config = e2e_config()
    return dataclasses.replace(
        config, printer=dataclasses.replace(config.printer, target=f"file:{printer_file}")
    )


def test_a_sale_found_reprinted_and_the_shift_closed(
    qtbot: Any, app: AppContext, clerk: Clerk, records: SaleRecords, printer_file: Path
) -> None:
    window = app.window
    clerk.sell_topup(LINE, AMOUNT)
    clerk.pay_assisted("1")  # the bank that approves by itself
    reference = app.controllers.sale.reference
    clerk.wait_result()
    assert records.state(reference) is SaleState.DELIVERED
    clerk.press("resultNewSaleButton")

    # The history: the sale is the newest, its line masked, its clerk named.
    clerk.press("backOfficeHistoryButton")
    clerk.wait_for_screen(window.history)
    model = window.history.model()
    qtbot.waitUntil(lambda: model.rowCount() >= 1, timeout=WAIT_MS)
    newest = model.sale(0)
    assert newest.reference == reference
    assert (newest.line_masked, newest.clerk) == (f"*** *** {LINE[-4:]}", DEMO_CLERK.name)

    # Its steps, then a copy of its receipt.
    table = window.history.table()
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    clerk.wait_for_screen(window.sale_detail)
    detail = window.sale_detail
    qtbot.waitUntil(lambda: len(detail.stepRows()) >= 3, timeout=WAIT_MS)
    assert detail.stepRows()[-1][1] == "Pagada y entregada"
    clerk.press("saleDetailReprintButton")
    qtbot.waitUntil(
        lambda: bool(app.journal.events("sale.reprinted", reference=reference)), timeout=WAIT_MS
    )
    (copy,) = app.journal.events("sale.reprinted", reference=reference)
    assert copy.payload["copy"] == 1
    assert reference.encode() in printer_file.read_bytes()
    qtbot.waitUntil(lambda: "Copia impresa" in detail.messageText(), timeout=WAIT_MS)

    # The shift: an X report on opening, then the Z close after the confirmation.
    clerk.press("backOfficeReportButton")
    clerk.wait_for_screen(window.report)
    screen = window.report
    qtbot.waitUntil(lambda: screen.report() is not None, timeout=WAIT_MS)
    report = screen.report()
    assert report is not None and report.sold.count == 1
    assert report.sold.amount_pesos == AMOUNT
    clerk.press("reportCloseButton")
    confirmation = screen.confirmation()
    assert confirmation is not None
    clerk.click(confirmation.confirm_button)
    qtbot.waitUntil(lambda: bool(app.journal.events("shift.closed")), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: getattr(screen.report(), "closed", False), timeout=WAIT_MS)
    (closed,) = app.journal.events("shift.closed")
    assert closed.payload["last_reference"] == reference
    assert any(text.startswith("Informe Z") for text in screen.documentView().texts())
