"""Kiosk part ``admin``: the discreet corner gesture, the admin PIN, admin mode.

Five presses within three seconds in the window's top-left corner (96x96 px), on any
screen, open the admin PIN dialog ("Modo administrador"). The presses are seen by an
application-wide event filter and still reach whatever is under the finger. With an
administrator's PIN the kiosk is in admin mode: the back-office bar shows (history, shift
report, settings without asking the PIN again, "Salir del modo quiosco", "Volver al
quiosco"). Outside admin mode the bar is hidden.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.controllers.language import Said, translate

if TYPE_CHECKING:  # annotations only
    from kiosk.domain.staff import Clerk
    from ui.screens.base import Screen
    from ui.wiring import Wiring

log = logging.getLogger(__name__)

#: The corner's side, in px, from the window's top-left (the top right holds the kiosk's
#: language and text-size switches: taps there must not count).
CORNER_PX = 96
#: Presses in the corner that open the admin PIN…
GESTURE_TAPS = 5
#: …within this many seconds.
GESTURE_SECONDS = 3.0

_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})


def admin_reason() -> Said:
    """Why the admin PIN is asked after the corner gesture."""
    return Said(lambda: translate("AdminAccess", "Modo administrador"))


class AdminAccess(QObject):
    """The corner gesture and admin mode of a kiosk's window (``wiring.window``).

    Signal ``adminModeChanged(bool)``. Slots: ``open_gesture_prompt()`` (what the gesture
    does: the admin PIN dialog, ``wiring.admin_dialog``), ``end_admin()`` (the bar hidden,
    back to the attract screen unless a sale is being paid), ``stop()`` (the event filter
    removed; the app is closing). Queries: ``isAdminMode()``, ``tapsCounted()``.
    ``setClock(clock)``: monotonic seconds (tests). No widgets of its own: the dialog's
    object names are ``adminPinDialog``…, the bar's ``backOfficeBar``….
    Words: context ``AdminAccess``.
    """

    adminModeChanged = Signal(bool)

    def __init__(self, wiring: Wiring, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(wiring)
        self.wiring = wiring
        self.window = wiring.window
        self._clock = clock
        self._taps: deque[float] = deque()
        #: The last press counted (timestamp, global x, y): the same press is seen again on
        #: its way from the window to the widget under it, and a touch again as a mouse press.
        self._last_press: tuple[int, int, int] | None = None
        self._admin = False
        #: The screen shown when admin mode began (back there when a sale is being paid).
        self._admin_from: Screen | None = None
        self._prompt_queued = False
        self.window.setBackOfficeVisible(False)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- queries and set-up --------------------------------------------------------------

    def isAdminMode(self) -> bool:
        return self._admin

    def tapsCounted(self) -> int:
        """Corner presses counted towards the gesture now (the last 3 s)."""
        self._forget_old(self._clock())
        return len(self._taps)

    def setClock(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._taps.clear()

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- the gesture ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PRESSES and not self._admin:
            self._pressed(watched, event)
        return False  # the press goes on to whatever is under the finger

    def _pressed(self, watched: QObject, event: QEvent) -> None:
        window = self.window
        if not window.isVisible() or not self._in_window(watched):
            return
        dialog = self.wiring.admin_dialog
        if dialog is not None and dialog.isVisible():
            return
        where = _global_position(event)
        if where is None:
            return
        assert isinstance(event, QMouseEvent | QTouchEvent)
        press = (event.timestamp(), where.x(), where.y())
        if press == self._last_press:
            return
        self._last_press = press
        local = window.mapFromGlobal(where)
        in_corner = 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX
        if not in_corner:
            self._taps.clear()  # five in a row
            return
        now = self._clock()
        self._forget_old(now)
        self._taps.append(now)
        if len(self._taps) >= GESTURE_TAPS and not self._prompt_queued:
            self._taps.clear()
            # After this press has reached its widget, not in the middle of it.
            self._prompt_queued = True
            QTimer.singleShot(0, self, self._prompt_now)

    def _in_window(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() is self.window
        if isinstance(watched, QWindow):
            return watched is self.window.windowHandle()
        return False

    def _forget_old(self, now: float) -> None:
        while self._taps and now - self._taps[0] > GESTURE_SECONDS:
            self._taps.popleft()

    def _prompt_now(self) -> None:
        self._prompt_queued = False
        self.open_gesture_prompt()

    def open_gesture_prompt(self) -> None:
        """The admin PIN dialog ("Modo administrador"); granted: admin mode."""
        if self._admin:
            return
        log.info("kiosk: the admin corner gesture")
        self.wiring.ask_admin(self._granted, admin_reason())

    # -- admin mode ----------------------------------------------------------------------

    def _granted(self, admin: Clerk) -> None:
        if self._admin:
            return
        log.info("kiosk: admin mode (%s)", admin.name)
        self._admin = True
        self._admin_from = self.window.currentScreen()
        self.window.setBackOfficeVisible(True)
        self.adminModeChanged.emit(True)

    def end_admin(self) -> None:
        """Admin mode ends ("Volver al quiosco", or the idle reset): the bar hidden, and the
        attract screen (the sale being set up forgotten), unless a sale is being paid: then
        the screen admin mode began on, when a back-office screen is shown."""
        self.window.setBackOfficeVisible(False)
        if not self._admin:
            return
        self._admin = False
        before, self._admin_from = self._admin_from, None
        log.info("kiosk: admin mode ended")
        self.adminModeChanged.emit(False)
        window, wiring = self.window, self.wiring
        if wiring.mid_payment():
            back_office = (window.history, window.sale_detail, window.report, window.settings)
            if window.currentScreen() in back_office and before is not None:
                window.show_screen(before if before not in back_office else window.payment)
            return
        wiring.controllers.sale.reset()
        window.show_attract()


def _global_position(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent):
        points = event.points()
        return points[0].globalPosition().toPoint() if points else None
    return None
