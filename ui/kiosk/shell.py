"""Kiosk part ``shell``: the window holds its whole screen, with or without a window manager.

Kiosks often run a bare X session. There ``QWidget.showFullScreen()`` only asks a window
manager for the fullscreen state (``_NET_WM_STATE_FULLSCREEN``), nobody answers, and the
window stays at its own size in a corner. :func:`hold_fullscreen` makes the window take
its screen's geometry itself, frameless, and keeps it so: the screen's geometry changes
(a rotation, a new resolution), the window moves to another screen, the primary screen
changes, or something takes the window out of fullscreen (minimised, restored).

``run_app`` calls it in kiosk mode; tests with ``AppRunner`` only show and resize.
"""

from __future__ import annotations

import logging
import time
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class KioskShell(QObject):
    """Keeps ``window`` frameless and covering its screen, fullscreen.

    Follows ``QScreen.geometryChanged`` of the window's screen, the window handle's
    ``screenChanged`` (it then follows the new screen), ``QGuiApplication
    .primaryScreenChanged`` (the window moves to the new primary screen) and undoes a
    window-state change out of fullscreen (minimise, maximise, normal) or a move or
    resize by anything else, on the next turn of the event loop (at most ``MAX_REFITS`` within
    ``REFIT_WINDOW_SECONDS`` when the platform refuses). A child of the window: it goes with it.
    Slots: ``fit(geometry=None)``, ``release()`` (stops holding).
    Queries: ``screen()`` (the screen followed now), ``target()`` (the geometry held),
    ``isHolding()``. No widgets (and no object names) of its own.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._screen: QScreen | None = None
        self._handle: QWindow | None = None
        self._holding = True
        self._fit_queued = False
        #: When the last refits ran (monotonic seconds), and whether the shell gave up.
        self._refit_times: list[float] = []
        self._gave_up = False
        #: The geometry held now (the screen's, as last heard from it).
        self._target: QRect | None = None
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.winId()  # the native window now: its handle and its screen exist
        handle = window.windowHandle()
        if handle is not None:
            self._handle = handle
            handle.screenChanged.connect(self._screen_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.primaryScreenChanged.connect(self._primary_changed)
        window.installEventFilter(self)
        self._follow(self._current_screen())
        self.fit()

    # -- queries -------------------------------------------------------------------------

    def screen(self) -> QScreen | None:
        return self._screen

    def target(self) -> QRect | None:
        """The geometry the window is held at (its screen's, as last heard)."""
        return QRect(self._target) if self._target is not None else None

    def isHolding(self) -> bool:
        return self._holding

    # -- holding -------------------------------------------------------------------------

    def fit(self, geometry: QRect | None = None) -> None:
        """Cover ``geometry`` (default: the followed screen's whole geometry), fullscreen.

        Out of fullscreen (or hidden): the geometry, then ``showFullScreen()``. Already
        fullscreen: only the geometry (without a window manager nobody else sets it; with
        one, the window manager agrees). Qt drops the fullscreen flag on a ``setGeometry``
        without telling the window system; the geometry is what covers the screen.
        """
        if not self._holding:
            return
        if geometry is None:
            screen = self._screen or self._current_screen()
            if screen is None:
                return
            geometry = screen.geometry()
        self._target = QRect(geometry)
        window = self._window
        if _out_of_fullscreen(window.windowState()) or not window.isVisible():
            if window.geometry() != geometry:
                window.setGeometry(geometry)
            window.showFullScreen()
        if window.geometry() != geometry:
            window.setGeometry(geometry)
        log.debug("kiosk window holds %dx%d", geometry.width(), geometry.height())

    def release(self) -> None:
        """Stop holding (the window keeps its geometry and state as they are)."""
        if not self._holding:
            return
        self._holding = False
        # Whatever is gone already (a window closed first) has nothing left to disconnect.
        with suppress(RuntimeError):
            self._window.removeEventFilter(self)
        if self._handle is not None:
            with suppress(RuntimeError):
                self._handle.screenChanged.disconnect(self._screen_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with suppress(RuntimeError):
                app.primaryScreenChanged.disconnect(self._primary_changed)
        with suppress(RuntimeError):
            self._follow(None)

    def _current_screen(self) -> QScreen | None:
        handle = self._window.windowHandle()
        if handle is not None and handle.screen() is not None:
            return handle.screen()
        return QGuiApplication.primaryScreen()

    def _follow(self, screen: QScreen | None) -> None:
        if screen is self._screen:
            return
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._geometry_changed)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._geometry_changed)

    def _geometry_changed(self, geometry: QRect) -> None:
        self._start_over()
        self.fit(QRect(geometry))

    def _screen_changed(self, screen: QScreen | None) -> None:
        self._follow(screen)
        self._start_over()
        self.fit()

    def _start_over(self) -> None:
        """A new screen or geometry: the refits may try again."""
        self._refit_times.clear()
        self._gave_up = False

    def _primary_changed(self, screen: QScreen | None) -> None:
        if screen is None or not self._holding:
            return
        handle = self._window.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)  # screenChanged follows, and fits the window there
        self._follow(screen)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and self._holding and not self._fit_queued:
            kind = event.type()
            if (
                kind == QEvent.Type.WindowStateChange
                and _out_of_fullscreen(self._window.windowState())
            ) or (kind in _MOVED and self._moved_off_screen()):
                # Not inside the change itself: on the next turn of the event loop.
                self._fit_queued = True
                QTimer.singleShot(0, self, self._refit)
        return False

    def _moved_off_screen(self) -> bool:
        """Something else moved or resized the window (which also ends fullscreen)."""
        target = self._target
        return target is not None and self._window.isVisible() and self._window.geometry() != target

    def _refit(self) -> None:
        self._fit_queued = False
        if not self._holding:
            return
        # Counted over a few seconds, not "in a row": right after our own setGeometry the
        # window always looks in place, so a platform that moves it back each time (a window
        # manager keeping a panel) would otherwise be fought on every turn of the loop.
        now = time.monotonic()
        self._refit_times = [t for t in self._refit_times if now - t < REFIT_WINDOW_SECONDS]
        if len(self._refit_times) >= MAX_REFITS:
            if not self._gave_up:
                self._gave_up = True
                log.warning("the kiosk window cannot be held at its screen's geometry")
            return
        self._refit_times.append(now)
        self.fit(self._target)


_MOVED = frozenset({QEvent.Type.Move, QEvent.Type.Resize})
#: Refits within REFIT_WINDOW_SECONDS before the shell gives up until the next screen change
#: (a platform refusing the size).
MAX_REFITS = 5
REFIT_WINDOW_SECONDS = 2.0


def _out_of_fullscreen(state: Qt.WindowState) -> bool:
    left = Qt.WindowState.WindowMinimized | Qt.WindowState.WindowMaximized
    return not (state & Qt.WindowState.WindowFullScreen) or bool(state & left)


def hold_fullscreen(window: QWidget) -> KioskShell:
    """Make ``window`` cover its screen, frameless and fullscreen, and keep it so."""
    return KioskShell(window)
