"""The bank's page comes late (as Wompi's): while the app reads the new payment again for
its bank URL, the payer screen says what it waits for, then the QR follows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.e2e.hands import Clerk
from tests.e2e.helpers import LINE
from tests.support.widgets import child
from ui.app import AppContext

pytestmark = pytest.mark.gui


def test_the_payer_screen_says_it_waits_for_the_bank_page(
    qtbot: Any, app: AppContext, clerk: Clerk
) -> None:
    window = app.window
    seen: list[tuple[object, bool, str]] = []

    def note() -> None:
        # Connected after the wiring: its busy layer is already up when this runs.
        screen = window.currentScreen()
        message = child(window, QLabel, "payerBusyMessage").text()
        seen.append((screen, screen.isBusy(), message))

    app.controllers.sale.waitingForBank.connect(note)
    clerk.sell_topup(LINE, 15_000)
    clerk.confirm("assisted")
    clerk.fill_payer("4")
    clerk.wait_payment_screen()

    assert seen == [(window.payer, True, "Esperando la página de su banco…")]
    assert not window.payer.isBusy()  # left behind idle, ready for a retry
