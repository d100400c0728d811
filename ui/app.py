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
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.controllers.assembly import Controllers, build_controllers
from kiosk.controllers.language import describe, translate
from kiosk.domain.errors import KioskError
from ui.main_window import MainWindow, build_main_window
from ui.style import apply_style
from ui.wiring import Wiring

if TYPE_CHECKING:  # annotations only: ui depends on the controllers and the domain
    from kiosk.config import Config
    from kiosk.gateways.factory import Gateways
    from kiosk.journal import Journal, JournalWriter
    from kiosk.sandbox import SandboxServer
    from kiosk.services.sales import SaleService

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything a running app holds; ``close()`` releases it in the right order."""

    config: Config
    window: MainWindow
    wiring: Wiring
    controllers: Controllers
    _closed: bool = field(default=False, repr=False)

    @property
    def journal(self) -> Journal:
        return self.controllers.core.journal

    @property
    def writer(self) -> JournalWriter:
        return self.controllers.core.writer

    @property
    def gateways(self) -> Gateways:
        return self.controllers.core.gateways

    @property
    def service(self) -> SaleService:
        return self.controllers.core.sales

    @property
    def sandbox(self) -> SandboxServer | None:
        """The sandbox the app embedded itself (None when it was given one, or none)."""
        return self.controllers.core.sandbox

    def start(self) -> None:
        """Load the catalogue and reconcile every open sale (all off the GUI thread)."""
        self.controllers.start()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.controllers.close()
        log.info("app closed: journal written and released")


def build_app(
    config: Config,
    *,
    sandbox: SandboxServer | None = None,
    mode: str | None = None,
    embed_sandbox: bool = True,
) -> AppContext:
    """Assemble the app. With no gateway configured, ``sandbox`` (or an embedded one) serves.

    Raises :class:`KioskError` (e.g. ``journal.locked`` when another instance runs).
    """
    mode = mode or config.mode
    controllers = build_controllers(config, sandbox=sandbox, embed_sandbox=embed_sandbox)
    window = build_main_window(
        sandbox=sandbox is not None or controllers.core.sandbox is not None,
        store_name=config.store.name,
        kiosk_name=config.kiosk_name,
    )
    window.setStore(config.store.name, config.store.contact)
    window.setCounterMode(mode != "kiosk")
    wiring = Wiring(window, controllers, mode)
    return AppContext(config=config, window=window, wiring=wiring, controllers=controllers)


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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    apply_style(app)
    _quit_on_termination(app)
    try:
        context = build_app(config, mode=mode)
    except KioskError as error:
        title = translate("App", "No se puede iniciar")
        QMessageBox.critical(None, title, describe(error))
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
