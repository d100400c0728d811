"""Start the application: journal, gateways (or the embedded sandbox), controllers, window.

``build_app`` assembles everything without running the event loop (tests use it
with a sandbox of their own); ``run_app`` is what the ``kiosk`` command runs.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import sys
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.config import Config
from kiosk.controllers.balance import BalanceController
from kiosk.controllers.catalogue import CatalogueController
from kiosk.controllers.reconcile import ReconcileController, tick_seconds_for
from kiosk.controllers.sale import SaleController
from kiosk.domain.errors import KioskError
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.journal import JournalWriter, instance_lock_for, new_reference, open_journal
from kiosk.messages import render_error
from kiosk.services.reconcile import Reconciler
from kiosk.services.sales import SaleService
from ui.main_window import MainWindow, build_main_window
from ui.style import apply_style
from ui.wiring import Controllers, Wiring

log = logging.getLogger(__name__)
#: How long closing waits for workers still talking to a gateway (their own deadlines apply).
SHUTDOWN_WAIT_MS = 25_000


@dataclass
class AppContext:
    """Everything a running app holds; ``close()`` releases it in the right order."""

    config: Config
    window: MainWindow
    wiring: Wiring
    controllers: Controllers
    journal: Any
    writer: JournalWriter
    gateways: Gateways
    service: SaleService
    lock: Any
    sandbox: Any = None
    _closed: bool = field(default=False, repr=False)

    def start(self) -> None:
        """Load the catalogue and reconcile every open sale (all off the GUI thread)."""
        self.controllers.catalogue.load_catalogue()
        self.controllers.reconcile.start()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.controllers.reconcile.stop()
        self.controllers.sale.reset()
        # Workers finish within their own deadlines; the writer then drains its queue.
        QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS)
        self.writer.close()
        self.journal.close()
        self.gateways.close()
        if self.sandbox is not None:
            self.sandbox.stop()
        self.lock.release()
        log.info("app closed: journal written and released")


def build_app(
    config: Config, *, sandbox: Any = None, mode: str | None = None, embed_sandbox: bool = True
) -> AppContext:
    """Assemble the app. With no gateway configured, ``sandbox`` (or an embedded one) serves.

    Raises :class:`KioskError` (e.g. ``journal.locked`` when another instance runs).
    """
    mode = mode or config.mode
    lock = instance_lock_for(config.journal_url)
    lock.acquire()  # first: a second instance stops here, before it starts anything
    # Whatever is opened is closed again if a later step fails (a gateway left
    # unconfigured, say): the lock, the writer thread and the sandbox must not leak.
    opened: list[Any] = [lock.release]
    owned_sandbox = None
    try:
        if sandbox is None and config.uses_sandbox and embed_sandbox:
            from kiosk.sandbox import SandboxServer  # imported only when it is used

            sandbox = owned_sandbox = SandboxServer().start()
            opened.append(owned_sandbox.stop)
        config.data_dir.mkdir(parents=True, exist_ok=True)
        journal = open_journal(
            config.journal_url,
            store_id=config.store.id,
            kiosk_id=config.kiosk_id,
            line_secret=config.line_secret,
        )
        opened.append(journal.close)
        writer = JournalWriter(journal)
        opened.append(writer.close)
        gateways = build_clients(config, **(sandbox.client_settings() if sandbox else {}))
    except BaseException:
        for undo in reversed(opened):
            undo()
        raise
    service = SaleService(
        journal=journal,
        writer=writer,
        pse=gateways.pse,
        topups=gateways.topups,
        config=config,
        actor=f"kiosk:{config.kiosk_id[:12]}",
        new_reference=new_reference,
    )
    sale = SaleController(service, config.payment)
    reconciler = Reconciler(
        service=service,
        journal=journal,
        every_seconds=config.payment.reconcile_every_seconds,
        window_hours=config.payment.reconcile_window_hours,
        is_active=sale.is_active,
    )
    controllers = Controllers(
        sale=sale,
        catalogue=CatalogueController(gateways.topups, gateways.pse),
        balance=BalanceController(gateways.lines),
        # Wake up often; the reconciler keeps each sale's own schedule (3 minutes by default).
        reconcile=ReconcileController(
            reconciler, tick_seconds_for(config.payment.reconcile_every_seconds)
        ),
    )
    window = build_main_window(
        sandbox=sandbox is not None, store_name=config.store.name, kiosk_name=config.kiosk_name
    )
    window.setStore(config.store.name, config.store.contact)
    window.setCounterMode(mode != "kiosk")
    wiring = Wiring(window, controllers, config)
    return AppContext(
        config=config,
        window=window,
        wiring=wiring,
        controllers=controllers,
        journal=journal,
        writer=writer,
        gateways=gateways,
        service=service,
        lock=lock,
        sandbox=owned_sandbox,
    )


def _set_up_logging(config: Config) -> None:
    log_dir = config.data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def _forget_bundled_library_path() -> None:
    """In a PyInstaller build, programs we start (the browser for the gateway's terms)
    must not load our bundled libraries: give them the library path the user had."""
    if not getattr(sys, "frozen", False):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original


def _quit_on_termination(app: QApplication) -> QTimer:
    """SIGTERM (a service stop) and SIGINT close the app as the window would: the journal
    writer drains, the sandbox stops. Python handles signals only when it runs, so a
    light timer hands it the control now and then."""
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def run_app(config: Config, mode: str | None = None) -> int:
    """The ``kiosk`` command: the window on the GUI thread until it is closed."""
    _set_up_logging(config)
    _forget_bundled_library_path()
    app = QApplication.instance() or QApplication(sys.argv)
    apply_style(app)
    _quit_on_termination(app)
    try:
        context = build_app(config, mode=mode)
    except KioskError as error:
        QMessageBox.critical(None, "No se puede iniciar", render_error(error))
        return 1
    app.aboutToQuit.connect(context.close)
    if (mode or config.mode) == "kiosk":
        context.window.showFullScreen()
    else:
        context.window.show()
    context.start()
    log.info(
        "app started (%s mode%s)", mode or config.mode, ", sandbox" if config.uses_sandbox else ""
    )
    return app.exec()
