"""The whole app against a real sandbox on loopback: fixtures and the clerk's and payer's hands.

Each test gets its own sandbox (short delays), a config with fast polls and short client
timeouts, and the app built by :func:`ui.app.build_app` as the ``kiosk`` command builds it.
A test fails if it leaves worker threads, journal writers or top-level widgets behind.
"""

from __future__ import annotations

import dataclasses
import io
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Qt, QThreadPool
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.config import Config, TimeoutsConfig, load_config
from kiosk.controllers.worker import pending_tasks
from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.support.browser import Browser
from ui.app import AppContext, build_app
from ui.style import apply_style

#: A Claro line the sandbox tops up without fuss.
LINE = "3104567890"

#: Short enough for a fast suite; the deadline leaves the clients room for a retry.
E2E_TIMEOUTS = TimeoutsConfig(connect_seconds=1.0, read_seconds=1.0, deadline_seconds=3.0)
#: Threads an app starts (the journal writer, an embedded sandbox); none may outlive it.
APP_THREAD_NAMES = frozenset({"journal-writer", "kiosk-sandbox"})
#: How long a test waits for the app to reach a state (generous: a loaded CI machine).
WAIT_MS = 10_000


def e2e_config(**payment: Any) -> Config:
    """The test folders' config with fast polls and short client timeouts."""
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


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    """Banks 1/2/3 settle in 0.3 s; bank 5 answers a create after 2 s (past the read timeout)."""
    return SandboxTiming(pse_settle_seconds=0.3, slow_bank_seconds=2.0, slow_line_seconds=1.5)


@pytest.fixture
def sandbox(sandbox_timing: SandboxTiming) -> Iterator[SandboxServer]:
    with SandboxServer(timing=sandbox_timing) as running:
        yield running


@pytest.fixture
def config() -> Config:
    return e2e_config()


@pytest.fixture
def probe(sandbox: SandboxServer, config: Config) -> Iterator[Gateways]:
    """Clients of the test's own (not the app's) to look at the sandbox from outside."""
    built = build_clients(config, **sandbox.client_settings())
    yield built
    built.close()


def _descends_from(widget: QWidget, ancestor: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parentWidget()
    return False


class AppRunner:
    """Builds apps on one config and sandbox, and tears every one down with the checks."""

    def __init__(self, qtbot: Any, sandbox: SandboxServer, config: Config) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.config = config
        self.contexts: list[AppContext] = []
        self._toplevels_before = {id(w) for w in QApplication.topLevelWidgets()}

    def start(self, config: Config | None = None, *, embedded: bool = False) -> AppContext:
        """An app on the test's sandbox; ``embedded``: no sandbox given, as the command runs."""
        sandbox = None if embedded else self.sandbox
        configured = config is not None and not config.uses_sandbox
        ctx = build_app(config or self.config, sandbox=None if configured else sandbox)
        self.contexts.append(ctx)
        self.qtbot.addWidget(ctx.window)
        ctx.window.show()
        self.qtbot.waitExposed(ctx.window)
        ctx.window.activateWindow()
        ctx.start()
        return ctx

    def stop(self, ctx: AppContext) -> None:
        """Close one app as the ``kiosk`` command does when the window closes."""
        ctx.close()
        ctx.window.close()
        assert QThreadPool.globalInstance().activeThreadCount() == 0, "worker threads left running"
        assert not ctx.writer.thread.is_alive(), "the journal writer is still running"

    def finish(self) -> None:
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


@pytest.fixture
def runner(
    qtbot: Any, qapp: QApplication, sandbox: SandboxServer, config: Config
) -> Iterator[AppRunner]:
    previous_style, previous_sheet = qapp.style().name(), qapp.styleSheet()
    apply_style(qapp)
    threads_before = set(threading.enumerate())
    running = AppRunner(qtbot, sandbox, config)
    try:
        yield running
    finally:
        try:
            running.finish()
        finally:
            qapp.setStyleSheet(previous_sheet)
            qapp.setStyle(previous_style)
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
    wait_until_idle(runner.qtbot, ctx)
    return ctx


# -- finding and waiting ------------------------------------------------------------------


def child(parent: QWidget, kind: type[QObject], name: str) -> Any:
    """The widget called ``name`` (object names are the contract of docs/OBJECT_NAMES.md)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def wait_until_idle(qtbot: Any, ctx: AppContext) -> None:
    """The catalogue is loaded and the start-up reconciliation pass is over."""
    qtbot.waitUntil(
        lambda: (
            ctx.controllers.catalogue.catalogue is not None
            and not ctx.controllers.reconcile.running
        ),
        timeout=WAIT_MS,
    )


def click(qtbot: Any, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible(), f"{button.objectName()} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot: Any, box: QCheckBox) -> None:
    """Click a check box on its indicator (the box may be wider than its text)."""
    assert box.isEnabled() and box.isVisible(), f"{box.objectName()} is not clickable"
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())


def sale_state(ctx: AppContext, reference: str) -> SaleState | None:
    record = ctx.journal.sale(reference)
    return record.state if record else None


def states_of(ctx: AppContext, reference: str) -> list[SaleState | None]:
    """The states the journal recorded for a sale, in order (one per entry)."""
    return [entry.state for entry in ctx.journal.entries_for(reference)]


# -- the clerk ----------------------------------------------------------------------------


def start_topup(qtbot: Any, ctx: AppContext, line: str) -> None:
    """From the start screen: the top-up screen, consent, the line, its operator detected."""
    window = ctx.window
    click(qtbot, child(window, QPushButton, "startTopupButton"))
    assert window.currentScreen() is window.topup
    tick(qtbot, child(window, QCheckBox, "topupConsentCheck"))
    qtbot.keyClicks(child(window, QLineEdit, "topupLineInput"), line)


def wait_operator(qtbot: Any, ctx: AppContext, prefix: str = "topup") -> str:
    label = child(ctx.window, QWidget, f"{prefix}OperatorLabel")
    qtbot.waitUntil(
        lambda: bool(label.text()) and not label.text().startswith("Consultando"),
        timeout=WAIT_MS,
    )
    return label.text()


def sell_topup(qtbot: Any, ctx: AppContext, line: str, amount: int) -> None:
    """Top-up screen filled and continued, up to the confirm screen."""
    start_topup(qtbot, ctx, line)
    assert wait_operator(qtbot, ctx).startswith("Operador:")
    qtbot.keyClicks(child(ctx.window, QLineEdit, "topupAmountInput"), str(amount))
    click(qtbot, child(ctx.window, QPushButton, "topupContinueButton"))
    qtbot.waitUntil(lambda: ctx.window.currentScreen() is ctx.window.confirm, timeout=WAIT_MS)


def confirm(qtbot: Any, ctx: AppContext, mode: str) -> None:
    """Pick the payment mode (``assisted`` or ``checkout``) and go to pay."""
    name = "confirmModeAssistedButton" if mode == "assisted" else "confirmModeCheckoutButton"
    click(qtbot, child(ctx.window, QPushButton, name))
    click(qtbot, child(ctx.window, QPushButton, "confirmContinueButton"))


def fill_payer(qtbot: Any, ctx: AppContext, bank: str) -> None:
    """The clerk types the payer's PSE data, picks ``bank`` and ticks the terms, then creates."""
    window = ctx.window
    qtbot.waitUntil(lambda: window.currentScreen() is window.payer, timeout=WAIT_MS)
    combo = child(window, QComboBox, "payerBankCombo")
    terms = child(window, QCheckBox, "payerTermsCheck")
    qtbot.waitUntil(lambda: combo.findData(bank) >= 0 and terms.isEnabled(), timeout=WAIT_MS)
    for name, text in (
        ("payerDocumentInput", "1020304050"),
        ("payerNameInput", "Ana Perez"),  # QTest types ASCII only
        ("payerEmailInput", "ana@example.com"),
    ):
        edit = child(window, QLineEdit, name)
        edit.clear()
        qtbot.keyClicks(edit, text)
    combo.setCurrentIndex(combo.findData(bank))
    if not terms.isChecked():
        tick(qtbot, terms)
    click(qtbot, child(window, QPushButton, "payerContinueButton"))


def wait_payment_screen(qtbot: Any, ctx: AppContext) -> None:
    window = ctx.window
    qtbot.waitUntil(
        lambda: window.currentScreen() is window.payment and bool(window.payment.qrText()),
        timeout=WAIT_MS,
    )


def wait_result(qtbot: Any, ctx: AppContext, timeout: int = WAIT_MS) -> str:
    window = ctx.window
    qtbot.waitUntil(lambda: window.currentScreen() is window.result, timeout=timeout)
    return window.result.headline()


def receipt_values(ctx: AppContext) -> dict[str, str]:
    return {key: value for key, _caption, value in ctx.window.result.receiptView().rows()}


# -- the QR -------------------------------------------------------------------------------


def decode_qr(widget: QWidget) -> str:
    """What a phone's camera reads from the painted QR (zxing on a grab of the widget)."""
    image = widget.grab().toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    picture = Image.open(io.BytesIO(bytes(data.data()))).convert("RGB")
    # QR only: a phone's camera app looks for QR codes, and zxing's 1-D readers can
    # occasionally "see" a stray barcode in the modules.
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    texts = [result.text for result in found]
    assert len(texts) == 1, f"expected one QR code on screen, found {len(texts)}"
    return texts[0]


def scan_payment_qr(ctx: AppContext) -> str:
    return decode_qr(child(ctx.window, QWidget, "qrView"))


def bank_page_of(browser: Browser) -> str:
    """The bank page the payer's browser shows after the hosted checkout."""
    assert browser.page is not None and "/sim/bank/" in browser.page.url
    return browser.page.url
