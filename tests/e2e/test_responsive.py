"""The GUI thread never waits for a gateway; the SANDBOX banner says when payments are tests."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from kiosk.config import Config
from kiosk.domain.errors import KioskError
from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner
from tests.support.sandbox import provider_topups
from tests.support.widgets import child
from ui.app import AppContext, build_app

pytestmark = pytest.mark.gui


def test_gui_keeps_running_while_the_bank_hangs(
    qtbot: Any, app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    """Bank 5 answers the create after 2 s, past the client's 1 s read timeout."""
    window = app.window
    clerk.sell_topup(LINE, 15_000)
    clerk.confirm("assisted")

    ticks = {"while_busy": 0}
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(
        lambda: ticks.__setitem__("while_busy", ticks["while_busy"] + window.payer.isBusy())
    )
    timer.start()
    told: list[tuple[SaleState, bool, str]] = []
    app.controllers.sale.progressChanged.connect(
        lambda progress: told.append(
            (
                progress.state,
                window.payer.isBusy(),
                window.payer.findChild(QLabel, "payerBusyMessage").text(),
            )
        )
    )
    try:
        clerk.fill_payer("5")
        qtbot.waitUntil(window.payer.isBusy, timeout=WAIT_MS)
        reference_known = lambda: bool(app.controllers.sale.reference)  # noqa: E731
        qtbot.waitUntil(reference_known, timeout=WAIT_MS)
        reference = app.controllers.sale.reference
        # The create's answer is lost: the sale is followed by reference, the clerk told so.
        qtbot.waitUntil(
            lambda: SaleState.PAYMENT_UNKNOWN in records.states(reference), timeout=WAIT_MS
        )
        headline = clerk.wait_result()
    finally:
        timer.stop()
    # The timer kept firing while a worker waited on the bank (a blocked GUI thread fires
    # it at most once, late).
    assert ticks["while_busy"] >= 5
    # While the outcome was unknown the clerk was told, with a way to stop waiting.
    assert (
        SaleState.PAYMENT_UNKNOWN,
        True,
        "Confirmando con la pasarela si el pago quedó creado…",
    ) in told
    assert headline == "Recarga hecha"
    assert records.state(reference) is SaleState.DELIVERED
    assert len(provider_topups(sandbox, reference)) == 1


def test_sandbox_banner_is_shown_on_the_sandbox(app: AppContext) -> None:
    banner = child(app.window, QLabel, "sandboxBanner")
    assert banner.isVisible() and "SANDBOX" in banner.text()


def test_embedded_sandbox_by_default_says_sandbox(runner: AppRunner) -> None:
    """No gateway configured: the app starts its own sandbox and says so on screen."""
    ctx = runner.start(embedded=True)
    runner.wait_until_idle(ctx)
    assert ctx.sandbox is not None and ctx.config.uses_sandbox
    assert child(ctx.window, QLabel, "sandboxBanner").isVisible()
    assert ctx.controllers.catalogue.catalogue is not None  # served by the embedded sandbox


def test_a_configured_gateway_with_test_keys_still_says_sandbox(
    runner: AppRunner, sandbox: SandboxServer, app_config: Config
) -> None:
    """Gateways set in the configuration are not the embedded sandbox, but test keys
    (``pub_test_…``) mean test payments: the banner says so (a ``pub_prod_`` key does not
    show it: tests/ui/test_main_window.py)."""
    urls = sandbox.client_settings()
    keys = sandbox.keys
    configured = dataclasses.replace(
        app_config,
        pse=dataclasses.replace(
            app_config.pse,
            base_url=urls["pse_base_url"],
            checkout_base_url=urls["pse_checkout_base_url"],
            public_key=keys.public_key,
            private_key=keys.private_key,
            integrity_secret=keys.integrity_secret,
            events_secret=keys.events_secret,
        ),
        topups=dataclasses.replace(
            app_config.topups,
            base_url=urls["topups_base_url"],
            auth_url=urls["topups_auth_url"],
            audience=urls["topups_audience"],
            client_id=keys.topup_client_id,
            client_secret=keys.topup_client_secret,
        ),
        lines=dataclasses.replace(
            app_config.lines, base_url=urls["lines_base_url"], api_key=keys.lines_api_key
        ),
    )
    assert not configured.uses_sandbox and configured.uses_test_keys
    ctx = runner.start(configured)
    runner.wait_until_idle(ctx)
    assert ctx.controllers.catalogue.catalogue is not None
    assert ctx.sandbox is None, "nothing embedded: the configured gateway serves"
    assert child(ctx.window, QLabel, "sandboxBanner").isVisible()


def test_a_failed_start_leaves_nothing_open(runner: AppRunner, app_config: Config) -> None:
    """A gateway half configured: the start fails plainly, and the next start is not locked."""
    half = dataclasses.replace(
        app_config, pse=dataclasses.replace(app_config.pse, base_url="http://127.0.0.1:9/v1")
    )
    threads = {t.name for t in threading.enumerate()}
    with pytest.raises(KioskError) as refused:
        build_app(half)
    assert refused.value.code == "gateway.not_configured"
    assert "journal-writer" not in {t.name for t in threading.enumerate()} - threads
    ctx = runner.start()  # the instance lock was released
    runner.wait_until_idle(ctx)
