"""Kiosk part ``idle``: the attract screen's touch, the idle warning, the idle reset.

Any input on the window (a press, a touch, a key, the wheel; seen by an application event
filter, so the input still reaches its widget) restarts the :class:`IdleTimer`. After
``ui.idle_seconds`` without one, the :class:`~ui.widgets.idle_warning.IdleWarning` counts
down ("¿Sigue ahí?"); any touch, or "Sigo aquí", dismisses it; at 0 the kiosk resets
(:meth:`IdleReset.reset_now`) and shows the attract screen.

The timer does not run on the attract screen, on the payment screen (the QR's own
countdown is the wait there; its end is ``sale.expire``), or while the window is hidden;
but it does run on the attract screen in admin mode (admin mode's own idle: the same wait
ends it) and while a dialog (the admin PIN…) is open over it, so neither stays for ever;
a screen busy with a gateway call when the warning or the end comes postpones it by a
whole wait (nothing polls the busy state); a wait the customer could cancel does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kiosk.controllers.idle import IdleTimer
from ui.kiosk.admin import AdminAccess
from ui.widgets.idle_warning import IdleWarning

if TYPE_CHECKING:  # annotations only
    from kiosk.services.settings import SettingsForm
    from ui.wiring import Wiring

#: What counts as someone at the kiosk.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)
#: The settings that change what this part does (a save applies them at once).
IDLE_SECONDS = "ui.idle_seconds"
STORE_NAME = "store.name"
#: The wait while someone's private data is on screen (a balance with its line number):
#: shorter than ``ui.idle_seconds`` (never longer), warning included.
PRIVATE_IDLE_SECONDS = 20


class IdleReset(QObject):
    """The kiosk's idle: ``timer`` (an :class:`IdleTimer` on ``ui.idle_seconds``),
    ``warning`` (the :class:`IdleWarning` over the window's central widget).

    The attract screen's ``touched`` opens the start screen (every form empty); its
    ``jobChosen(job)`` opens that job the way the start screen's button does.
    Slot ``reset_now()``: the whole idle reset (decision 5), then signal ``resetDone()``.
    ``stop()``: the app is closing: nothing fires any more, no input is watched.
    ``isPausedHere()``: whether the screen shown now stops the timer; ``waitSeconds()``:
    the wait now (shorter while a balance is shown). The balance screen's
    ``doneRequested`` ("Terminar") is the whole reset.
    """

    resetDone = Signal()

    def __init__(self, wiring: Wiring) -> None:
        super().__init__(wiring)
        self.wiring = wiring
        self._stopped = False
        window = wiring.window
        config = wiring.controllers.core.config
        #: ``ui.idle_seconds`` now (a settings save changes it).
        self._idle_seconds = float(config.ui.idle_seconds)
        self.timer = IdleTimer(config.ui.idle_seconds, paused=True, parent=self)
        central = window.centralWidget()
        assert central is not None
        self.warning = IdleWarning(central)
        window.attract.setStore(config.store.name)
        window.attract.touched.connect(self._attract_touched)
        window.attract.jobChosen.connect(self._attract_job_chosen)
        window.stack.currentChanged.connect(self._update_pause)
        # A shown balance: "Terminar" is the whole reset, and the wait is shorter.
        window.balance.doneRequested.connect(self.reset_now)
        wiring.controllers.balance.balanceReady.connect(self._update_timeout)
        self.timer.warningStarted.connect(self._warning_started)
        self.timer.warningTick.connect(self.warning.setSecondsLeft)
        self.timer.warningEnded.connect(self.warning.stop)
        self.timer.expired.connect(self._expired)
        self.warning.stayRequested.connect(self.timer.touched)
        wiring.controllers.settings.applied.connect(self._settings_applied)
        # Built just before this part (ui/kiosk/__init__.py): admin mode has an idle too.
        for admin in wiring.findChildren(AdminAccess):
            admin.adminModeChanged.connect(self._update_pause)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._update_pause()

    # -- when the timer runs ------------------------------------------------------------

    def stop(self) -> None:
        """For good (the app closes): the timer paused, the warning hidden, the input filter
        removed."""
        self._stopped = True
        self.timer.setPaused(True)
        self.warning.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def isPausedHere(self) -> bool:
        """Paused: stopped, the window hidden, the payment screen (its QR's countdown), or
        the attract screen with nobody's data on it (no admin mode, no dialog open)."""
        window = self.wiring.window
        if self._stopped or not window.isVisible():
            return True
        screen = window.currentScreen()
        if screen is window.payment:
            return True
        if screen is window.attract:
            return not (self.wiring.admin_mode() or self._dialog_open())
        return False

    def _update_pause(self, *_news: object) -> None:
        self._update_timeout()
        self.timer.setPaused(self.isPausedHere())

    def waitSeconds(self) -> float:
        """The wait now: :data:`PRIVATE_IDLE_SECONDS` while a balance is shown, else
        ``ui.idle_seconds``."""
        window = self.wiring.window
        if window.currentScreen() is window.balance and window.balance.isShowingBalance():
            return min(self._idle_seconds, float(PRIVATE_IDLE_SECONDS))
        return self._idle_seconds

    def _update_timeout(self, *_news: object) -> None:
        seconds = self.waitSeconds()
        if seconds != self.timer.timeout():
            self.timer.setTimeout(seconds)

    def _dialogs(self) -> list[QDialog]:
        """The dialogs over the window (the wiring's own and the window's children)."""
        wiring, window = self.wiring, self.wiring.window
        dialogs: list[QDialog] = [
            dialog for dialog in (wiring.admin_dialog, wiring.sign_out_dialog) if dialog is not None
        ]
        seen = {id(dialog) for dialog in dialogs}
        for dialog in window.findChildren(QDialog):
            if id(dialog) not in seen:
                seen.add(id(dialog))
                dialogs.append(dialog)
        return dialogs

    def _dialog_open(self) -> bool:
        return any(dialog.isVisible() for dialog in self._dialogs())

    def _busy(self) -> bool:
        """A bounded gateway call in progress (it ends by its deadline). A wait the customer
        could cancel (a sale followed by reference while the gateway is down) does not hold
        the reset: the reset cancels it like a tap would, and reconciliation keeps the sale."""
        screen = self.wiring.window.currentScreen()
        return screen.isBusy() and not screen.isBusyCancellable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            if isinstance(watched, QWidget) and self._on_window(watched):
                self._update_timeout()
                self.timer.touched()
        elif kind in (QEvent.Type.Show, QEvent.Type.Hide) and (
            watched is self.wiring.window
            or (isinstance(watched, QDialog) and self._on_window(watched))
        ):
            self._update_pause()
        return False

    def _on_window(self, widget: QWidget) -> bool:
        """``widget`` is on this app's window or on a dialog over it."""
        window = self.wiring.window
        top: QWidget | None = widget.window()
        while top is not None:
            if top is window:
                return True
            top = top.parentWidget()
        return False

    # -- the timer's news -----------------------------------------------------------------

    def _warning_started(self, seconds_left: int) -> None:
        if self._busy():
            self.timer.touched()  # a gateway call in progress: wait again
            return
        self.warning.start(seconds_left)

    def _expired(self) -> None:
        if self._busy():
            self.timer.touched()
            return
        self.reset_now()

    def _attract_touched(self) -> None:
        self.wiring.window.show_start(reset=True)

    def _attract_job_chosen(self, job: str) -> None:
        """A job's card on the attract screen: that job, as its start button opens it."""
        window = self.wiring.window
        window.show_start(reset=True)
        start = window.start
        chosen = {
            "topup": start.topupChosen,
            "giftPack": start.giftPackChosen,
            "balance": start.balanceChosen,
        }.get(job)
        if chosen is not None:
            chosen.emit()

    def _settings_applied(self, form: SettingsForm) -> None:
        seconds = form.values.get(IDLE_SECONDS)
        if (
            isinstance(seconds, int)
            and not isinstance(seconds, bool)
            and seconds != self._idle_seconds
        ):
            self._idle_seconds = float(seconds)
            self._update_timeout()
        store = form.values.get(STORE_NAME)
        if isinstance(store, str):
            self.wiring.window.attract.setStore(store)

    # -- the reset ------------------------------------------------------------------------

    def reset_now(self) -> None:
        """Nobody is there: close any dialog over the window, stop waiting for a payment
        (the reconciler keeps following it), forget the sale, end admin mode, the store's
        language and normal text, every screen emptied, the attract screen."""
        wiring, window = self.wiring, self.wiring.window
        self.warning.stop()
        self._close_dialogs()
        sale = wiring.controllers.sale
        if sale.sale.following:
            sale.cancel()
        sale.reset()
        kiosk = wiring.kiosk
        if kiosk is not None:
            kiosk.admin.end_admin()
            kiosk.look.restore_defaults()
        window.show_attract()
        self.resetDone.emit()

    def _close_dialogs(self) -> None:
        for dialog in self._dialogs():
            if dialog.isVisible():
                dialog.reject()
