"""Start the application: journal, gateways (or the embedded sandbox), controllers, window.

``build_app`` assembles everything without running the event loop (tests use it
with a sandbox of their own); ``run_app`` is what the ``kiosk`` command runs.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kiosk.controllers.assembly import Controllers, build_controllers
from kiosk.controllers.language import describe, set_language, translate
from kiosk.domain.errors import ConfigError, KioskError
from ui.kiosk.shell import KioskShell, hold_fullscreen
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
    #: A kiosk's window held fullscreen on its screen (``run_app`` in kiosk mode).
    shell: KioskShell | None = None
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
        if self.shell is not None:
            self.shell.release()
        kiosk = self.wiring.kiosk
        if kiosk is not None:
            kiosk.admin.stop()
            kiosk.idle.stop()
        # The app is shut down: its window may close now (a kiosk's refuses until then).
        self.window.setCloseAllowed(True)
        self.controllers.close()
        log.info("app closed: journal written and released")


def build_app(
    config: Config,
    *,
    sandbox: SandboxServer | None = None,
    mode: str | None = None,
    embed_sandbox: bool = True,
    config_path: Path | None = None,
) -> AppContext:
    """Assemble the app. With no gateway configured, ``sandbox`` (or an embedded one) serves.

    ``config_path``: the file ``config`` was loaded from (``--config``; default
    ``<config dir>/config.toml``): the settings screen saves there.
    Raises :class:`KioskError` (e.g. ``journal.locked`` when another instance runs).
    """
    mode = mode or config.mode
    controllers = build_controllers(
        config, sandbox=sandbox, embed_sandbox=embed_sandbox, config_path=config_path
    )
    window = build_main_window(
        # Test keys or a sandbox: no real money moves, and the banner says so.
        sandbox=sandbox is not None
        or controllers.core.sandbox is not None
        or config.uses_test_keys,
        store_name=config.store.name,
        kiosk_name=config.kiosk_name,
    )
    window.setStore(config.store.name, config.store.contact)
    window.setPrivacyNotice(config.store.privacy_notice, config.store.privacy_notice_en)
    window.setCounterMode(mode != "kiosk")
    window.setKioskMode(mode == "kiosk")
    wiring = Wiring(window, controllers, mode)
    # A counter opens on the clerk's sign-in; a kiosk on its start screen.
    wiring.begin()
    return AppContext(config=config, window=window, wiring=wiring, controllers=controllers)


# Qt platforms that show nothing to a person: no dialog may wait there for a click.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl"})
# How long the display probe waits for an X server to accept a connection.
X_PROBE_SECONDS = 2.0


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """The log, and each file it rotates into, readable by the owner only (0600)."""

    def _open(self) -> TextIOWrapper:
        # Created 0600 (the umask can only take bits away), then forced to 0600 in case an
        # older version left it readable by others.
        os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        os.chmod(self.baseFilename, 0o600)
        return super()._open()


def _set_up_logging(config: Config) -> None:
    """``<data>/logs/kiosk.log``: the folder 0700 and the files 0600, whatever the umask.

    (Done here with ``os.chmod``: ``ui`` may not import the journal's file helpers.)
    On Windows ``os.chmod`` sets only the read-only flag; the user's profile keeps it private.
    """
    # The data folder is made private when this creates it (the journal's folder too).
    if not config.data_dir.exists():
        config.data_dir.mkdir(parents=True, mode=0o700)
        os.chmod(config.data_dir, 0o700)
    log_dir = config.data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(log_dir, 0o700)
    handler = _PrivateLogFile(
        log_dir / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # force: a library may have configured the root logger at import (python-escpos calls
    # logging.basicConfig() when imported); the app's log is this file, not stderr.
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


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


def _x_server_answers(display: str) -> bool:
    """Whether the X server of ``display`` (``:0``, ``host:10.0``) accepts a connection.

    A display we cannot parse is given the benefit of the doubt: Qt will say more.
    """
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return True
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        # Linux servers listen on an abstract socket too (the file may be hidden in a sandbox).
        targets: list[tuple[int, object]] = [
            (socket.AF_UNIX, "\0" + path),
            (socket.AF_UNIX, path),
        ]
    else:
        targets = [(socket.AF_INET, (host, 6000 + int(number)))]
    for family, address in targets:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as probe:
                probe.settimeout(X_PROBE_SECONDS)
                probe.connect(address)  # type: ignore[arg-type]
                return True
        except OSError:
            continue
    return False


def check_display(env: Mapping[str, str] | None = None, platform: str | None = None) -> None:
    """Refuse plainly, before a QApplication exists, when Linux has no display to open.

    Qt ends the process (no exception, no message a newcomer understands) when the xcb
    platform cannot reach an X server; this says to use ``QT_QPA_PLATFORM=offscreen`` or
    ``xvfb-run`` instead. Raises :class:`ConfigError` (``config.no_display`` or
    ``config.display_unreachable``). Other systems always have a display.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or QApplication.instance() is not None:
        return
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return  # offscreen, wayland, eglfs, vnc…: Qt does not need an X server
    display = env.get("DISPLAY", "")
    if not display:
        if env.get("WAYLAND_DISPLAY") and not chosen:
            return  # Qt picks Wayland
        raise ConfigError("config.no_display")
    if not _x_server_answers(display):
        raise ConfigError("config.display_unreachable", display=display)


@contextmanager
def _platform_failure_told_plainly(language: str) -> Iterator[None]:
    """While the QApplication is made: if Qt cannot open its platform (an X server that
    refuses us, a missing xcb library), Qt ends the process with ``qFatal``; say why, the
    way every start-up problem is said, and exit 2 first. Nothing is open yet to close."""
    reasons: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            reasons.append(message)
            print(message, file=sys.stderr, flush=True)
            return
        detail = " ".join([*reasons, message])
        error = ConfigError("config.display_failed", detail=detail)
        try:
            # The QApplication being made already counts as the instance translators need.
            set_language(language)
            words = str(describe(error))
        except Exception:  # a half-made Qt: the code and Qt's reason still say what it is
            words = str(error)
        print(f"kiosk: {words}", file=sys.stderr, flush=True)
        log.error("cannot open the display: %s", detail)
        logging.shutdown()
        os._exit(2)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def shows_dialogs(app: QGuiApplication) -> bool:
    """A person can see (and close) a dialog: not a headless platform such as offscreen."""
    return app.platformName() not in HEADLESS_PLATFORMS


class _Termination:
    """SIGTERM (a service stop) and SIGINT, from the first moment of :func:`run_app`.

    Before the event loop runs, a signal is only remembered (``requested``): start-up
    checks it and closes what it opened. Once the Qt application exists, a signal also
    posts ``exit(0)``, which runs as soon as an event loop does (the main one, or a
    dialog's: a dialog never outlives a signal). Python handles signals only when it
    runs, so a light timer hands it the control now and then. ``exit`` rather than
    ``quit``: a kiosk window that refuses to close must not keep a service stop waiting.
    """

    def __init__(self) -> None:
        self.requested = False
        self.dialog: QDialog | None = None
        self._app: QApplication | None = None
        self._previous: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return  # signals reach the main thread only; whoever runs us there handles them
        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous[number] = signal.signal(number, self._on_signal)

    def _on_signal(self, number: int, _frame: object) -> None:
        self.requested = True
        log.info("%s received: closing", signal.Signals(number).name)
        if self.dialog is not None:
            self.dialog.reject()
        app = self._app
        if app is not None:
            QTimer.singleShot(0, lambda: app.exit(0))

    def attach(self, app: QApplication) -> None:
        self._app = app
        timer = QTimer(app)
        timer.timeout.connect(lambda: None)
        timer.start(250)

    def restore(self) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()


def _refuse_to_start(error: KioskError, app: QApplication, termination: _Termination) -> int:
    """The reason on stderr always; in a dialog too when a person can see one."""
    message = describe(error)
    print(f"kiosk: {message}", file=sys.stderr, flush=True)
    log.error("cannot start: %s", error)
    if shows_dialogs(app) and not termination.requested:
        box = QMessageBox(
            QMessageBox.Icon.Critical, translate("App", "No se puede iniciar"), message
        )
        termination.dialog = box
        box.exec()
        termination.dialog = None
    return 1


def run_app(config: Config, mode: str | None = None, config_path: Path | None = None) -> int:
    """The ``kiosk`` command: the window on the GUI thread until it is closed.

    Exit status: 0 when the window closes or a SIGTERM/SIGINT stops the app (also one
    that arrives during start-up: what was opened is closed, the journal released); 1
    when the app cannot start (the reason on stderr, and in a dialog on a real display).
    Raises :class:`ConfigError` when Linux has no display (see :func:`check_display`).
    """
    termination = _Termination()
    try:
        return _run(config, mode, termination, config_path)
    finally:
        termination.restore()


def _run(
    config: Config, mode: str | None, termination: _Termination, config_path: Path | None = None
) -> int:
    try:
        _set_up_logging(config)
    except OSError as error:
        # A data folder this user cannot write (e.g. made by root): say so, no traceback.
        raise ConfigError(
            "config.data_folder", path=str(config.data_dir), detail=error.strerror or ""
        ) from None
    _forget_bundled_library_path()
    check_display()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        with _platform_failure_told_plainly(config.ui.language):
            app = QApplication(sys.argv)
    termination.attach(app)
    apply_style(app)
    if termination.requested:
        log.info("stopped before start-up")
        return 0
    try:
        context = build_app(config, mode=mode, config_path=config_path)
    except KioskError as error:
        return _refuse_to_start(error, app, termination)
    if termination.requested:
        context.close()
        return 0
    app.aboutToQuit.connect(context.close)
    if (mode or config.mode) == "kiosk":
        # Frameless on the screen's whole geometry: fullscreen without a window manager too.
        context.shell = hold_fullscreen(context.window)
    else:
        context.window.show()
    context.start()
    log.info(
        "app started (%s mode%s)", mode or config.mode, ", sandbox" if config.uses_sandbox else ""
    )
    return app.exec()
