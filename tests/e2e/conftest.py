"""Fixtures of the whole-app tests: the app on a sandbox of the test's own, and the people
around it (tests/e2e/hands.py): ``clerk``, ``payer`` and ``records`` of the ``app``.

A test that starts apps itself (a restart, a config of its own) takes ``runner`` and asks it
for the same three of each app: ``runner.clerk_for(ctx)``, ``runner.payer_for(ctx)``,
``runner.records_for(ctx)``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.e2e.hands import Clerk, Payer, SaleRecords
from tests.e2e.helpers import APP_THREAD_NAMES, AppRunner, e2e_config
from tests.support.widgets import use_kiosk_style
from ui.app import AppContext


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    """Banks 1/2/3 settle in 0.3 s; bank 5 answers a create after 2 s (past the read timeout)."""
    return SandboxTiming(pse_settle_seconds=0.3, slow_bank_seconds=2.0, slow_line_seconds=1.5)


@pytest.fixture
def app_config() -> Config:
    """The configuration the test's apps are built on (fast polls, short client timeouts)."""
    return e2e_config()


@pytest.fixture
def probe(sandbox: SandboxServer, app_config: Config) -> Iterator[Gateways]:
    """Clients of the test's own (not the app's) to look at the sandbox from outside."""
    built = build_clients(app_config, **sandbox.client_settings())
    yield built
    built.close()


@pytest.fixture
def runner(
    qtbot: Any, qapp: QApplication, sandbox: SandboxServer, app_config: Config
) -> Iterator[AppRunner]:
    """Starts the test's apps (styled as the command styles them) and checks, at the end,
    that none left a thread, a worker or a window behind."""
    use_kiosk_style(qapp)
    threads_before = set(threading.enumerate())
    running = AppRunner(qtbot, sandbox, app_config)
    try:
        yield running
    finally:
        running.finish()
    # The app's own threads (journal writer, embedded sandbox) and any non-daemon thread must
    # be gone; the test sandbox's request handlers are daemons that end with their request.
    left = [
        t
        for t in threading.enumerate()
        if t not in threads_before and (not t.daemon or t.name in APP_THREAD_NAMES)
    ]
    assert not left, f"threads left behind: {[t.name for t in left]}"


@pytest.fixture
def app(runner: AppRunner) -> AppContext:
    """The app on the test's sandbox, shown and started (catalogue, start-up reconciliation)."""
    ctx = runner.start()
    runner.wait_until_idle(ctx)
    return ctx


@pytest.fixture
def clerk(runner: AppRunner, app: AppContext) -> Clerk:
    """The clerk's hands on the app's window."""
    return runner.clerk_for(app)


@pytest.fixture
def payer(runner: AppRunner, app: AppContext) -> Payer:
    """The payer's phone, for the app's payment screen and the sandbox's bank pages."""
    return runner.payer_for(app)


@pytest.fixture
def records(runner: AppRunner, app: AppContext) -> SaleRecords:
    """What the app's journal says about a sale."""
    return runner.records_for(app)
