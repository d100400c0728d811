"""The whole app as the ``kiosk`` command builds it, on a config made for tests: how long a
test waits, the line it sells to, and the runner that starts apps and checks what they leave.

Each app is built by :func:`ui.app.build_app` on the test's sandbox (short delays), with fast
polls and short client timeouts. Stopping one fails the test if it leaves worker threads,
a journal writer or top-level widgets behind.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Config, TimeoutsConfig, load_config
from kiosk.controllers.worker import pending_tasks
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import DEMO_CLERK_PIN, Clerk, Payer, SaleRecords
from tests.e2e.kiosk_hands import Customer
from ui.app import AppContext, build_app

#: A Claro line the sandbox tops up without fuss.
LINE = "3104567890"

#: Short enough for a fast suite; the deadline leaves the clients room for a retry.
E2E_TIMEOUTS = TimeoutsConfig(connect_seconds=1.0, read_seconds=1.0, deadline_seconds=3.0)
#: Threads an app starts (the journal writer, an embedded sandbox); none may outlive it.
APP_THREAD_NAMES = frozenset({"journal-writer", "kiosk-sandbox"})
#: The window size a kiosk test starts at (a kiosk's landscape screen); a counter keeps the
#: main window's own 1024x768.
KIOSK_SIZE = (1280, 800)
#: How long a test waits for the app to reach a state (generous: a loaded CI machine).
WAIT_MS = 10_000


def e2e_config(**payment: Any) -> Config:
    """The test folders' config with fast polls and short client timeouts; ``payment``
    changes more of the payment settings (a short QR, a quick reconciliation timer)."""
    config = load_config()
    timing = dataclasses.replace(
        config.payment,
        **{
            "poll_fast_seconds": 0.1,
            "poll_fast_window_seconds": 60,
            "poll_slow_seconds": 0.2,
            **payment,
        },
    )
    return dataclasses.replace(config, payment=timing, timeouts=E2E_TIMEOUTS)


def signed_in_entries(ctx: AppContext) -> int:
    """The journal-level entries of the app's sign-ins (not a sale's)."""
    return len(ctx.journal.events("clerk.signed_in"))


def _descends_from(widget: QWidget, ancestor: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parentWidget()
    return False


class AppRunner:
    """Builds apps on one config and sandbox, hands out the clerk, the payer and the records
    of each, and tears every app down with the checks."""

    def __init__(self, qtbot: Any, sandbox: SandboxServer, config: Config) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.config = config
        self.contexts: list[AppContext] = []
        self._payers: list[Payer] = []
        self._toplevels_before = {id(w) for w in QApplication.topLevelWidgets()}

    def start(
        self,
        config: Config | None = None,
        *,
        embedded: bool = False,
        mode: str | None = None,
        signed_in: bool = True,
    ) -> AppContext:
        """An app on the test's sandbox; ``embedded``: no sandbox given, as the command runs;
        ``mode``: as ``kiosk --mode`` gives it (over the configuration's). A kiosk window is
        resized to :data:`KIOSK_SIZE` before it is shown (a test may resize it again).

        ``signed_in`` (the one knob for the sign-in): a counter opens on the sign-in
        screen, and the clerk signs in there with the sandbox's demo PIN, on the keypad, as
        a person does (the product is not bypassed); ``False`` leaves the app at the
        sign-in screen. A kiosk has no sign-in.
        """
        sandbox = None if embedded else self.sandbox
        configured = config is not None and not config.uses_sandbox
        chosen = config or self.config
        ctx = build_app(chosen, sandbox=None if configured else sandbox, mode=mode)
        self.contexts.append(ctx)
        self.qtbot.addWidget(ctx.window)
        if (mode or chosen.mode) == "kiosk":
            ctx.window.resize(*KIOSK_SIZE)
        ctx.window.show()
        self.qtbot.waitExposed(ctx.window)
        ctx.window.activateWindow()
        if signed_in and (mode or chosen.mode) != "kiosk":
            # Before the start-up work, so a test still sees it begin (e.g. its reconciliation).
            self.clerk_for(ctx).sign_in(DEMO_CLERK_PIN)
            # The sign-in is journaled ("clerk.signed_in"): written before the test looks.
            self.qtbot.waitUntil(lambda: bool(signed_in_entries(ctx)), timeout=WAIT_MS)
        ctx.start()
        return ctx

    def wait_until_idle(self, ctx: AppContext) -> None:
        """The catalogue is loaded and the start-up reconciliation pass is over."""
        self.qtbot.waitUntil(
            lambda: (
                ctx.controllers.catalogue.catalogue is not None
                and not ctx.controllers.reconcile.running
            ),
            timeout=WAIT_MS,
        )

    def clerk_for(self, ctx: AppContext) -> Clerk:
        """The clerk's hands on ``ctx``'s window."""
        return Clerk(self.qtbot, ctx.window, WAIT_MS)

    def customer_for(self, ctx: AppContext) -> Customer:
        """A kiosk customer's finger on ``ctx``'s window (taps only, each counted)."""
        return Customer(self.qtbot, ctx.window, WAIT_MS)

    def payer_for(self, ctx: AppContext) -> Payer:
        """The payer's phone, pointed at ``ctx``'s payment screen; closed with the runner."""
        payer = Payer(ctx.window)
        self._payers.append(payer)
        return payer

    def records_for(self, ctx: AppContext) -> SaleRecords:
        """What ``ctx``'s journal says about a sale."""
        return SaleRecords(ctx.journal)

    def stop(self, ctx: AppContext) -> None:
        """Close one app as the ``kiosk`` command does when the window closes."""
        ctx.close()
        ctx.window.close()
        assert QThreadPool.globalInstance().activeThreadCount() == 0, "worker threads left running"
        assert not ctx.writer.thread.is_alive(), "the journal writer is still running"

    def finish(self) -> None:
        for payer in self._payers:
            payer.close()
        for ctx in self.contexts:
            self.stop(ctx)
        # Results queued by the last workers reach their callbacks (nothing may be pending).
        QApplication.processEvents()
        assert pending_tasks() == 0, "worker results never delivered"
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        windows = [ctx.window for ctx in self.contexts]
        left = [
            widget
            for widget in QApplication.topLevelWidgets()
            if id(widget) not in self._toplevels_before
            and widget not in windows
            and not any(_descends_from(widget, window) for window in windows)
            and widget.isVisible()
        ]
        assert not left, f"top-level widgets left behind: {[w.objectName() for w in left]}"
