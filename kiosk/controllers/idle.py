"""The kiosk's idle timer: a warning with a countdown, then "expired" (QtCore only).

Nobody polls: one single-shot timer wakes at the warning's start, then at each second
boundary of the countdown, then at the end. The clock is injectable (monotonic seconds)
so tests drive it without sleeping: advance a fake clock, then call :meth:`IdleTimer.wake`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

#: The countdown before an idle reset (decision 5: 15 s).
DEFAULT_WARNING_SECONDS = 15
#: Slack on float clocks: 14.9999999 s left is still 15 s.
_EPSILON = 1e-3


class IdleTimer(QObject):
    """Counts the time since the last touch; warns, counts down, then expires.

    Slots: ``setTimeout(seconds)`` (the whole wait, warning included; restarts it),
    ``setWarningSeconds(seconds)`` (the countdown at its end, default 15; restarts the
    wait), ``touched()`` (someone is there: the wait restarts, a warning ends),
    ``setPaused(bool)`` (paused: nothing fires and a warning ends; unpausing restarts the
    full wait), ``wake()`` (the timer's own slot; tests call it after moving a fake clock).

    Signals: ``warningStarted(int seconds_left)``, ``warningTick(int seconds_left)`` (once a
    second during the warning), ``warningEnded()`` (a touch or a pause ended the warning),
    ``expired()`` (the whole wait passed; the warning is over without ``warningEnded``,
    and nothing more fires until the next ``touched()`` or unpause).

    Queries: ``timeout()``, ``warningSeconds()``, ``isPaused()``, ``isWarning()``,
    ``secondsLeft()``, ``isArmed()`` and ``nextWakeMs()`` (the single-shot timer).
    """

    warningStarted = Signal(int)
    warningTick = Signal(int)
    warningEnded = Signal()
    expired = Signal()

    def __init__(
        self,
        timeout_seconds: float = 60,
        *,
        warning_seconds: float = DEFAULT_WARNING_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        paused: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout = float(timeout_seconds)
        self._warning = float(warning_seconds)
        self._paused = paused
        self._since = clock()
        self._warning_on = False
        self._shown_left = 0
        #: The wait passed: nothing more until a touch or an unpause.
        self._expired = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer may fire up to 5 % early: the countdown's seconds would stutter.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.wake)
        if not paused:
            self._arm()

    # -- settings ------------------------------------------------------------------------

    def setTimeout(self, seconds: float) -> None:
        self._timeout = max(float(seconds), 0.0)
        self._restart()

    def timeout(self) -> float:
        return self._timeout

    def setWarningSeconds(self, seconds: float) -> None:
        self._warning = max(float(seconds), 0.0)
        self._restart()

    def warningSeconds(self) -> float:
        return self._warning

    # -- what happens --------------------------------------------------------------------

    @Slot()
    def touched(self) -> None:
        """Someone is at the kiosk: the wait starts again (a warning on screen ends)."""
        self._restart()

    def setPaused(self, paused: bool) -> None:
        if paused == self._paused:
            return
        self._paused = paused
        if paused:
            self._timer.stop()
            self._end_warning()
        else:
            self._restart()

    def isPaused(self) -> bool:
        return self._paused

    def isWarning(self) -> bool:
        return self._warning_on

    def secondsLeft(self) -> int:
        """Whole seconds until expiry (rounded up; 0 once expired)."""
        left = self._timeout - (self._clock() - self._since)
        return max(math.ceil(left - _EPSILON), 0)

    def isArmed(self) -> bool:
        return self._timer.isActive()

    def nextWakeMs(self) -> int:
        """The single-shot timer's interval as last armed (-1: not armed)."""
        return self._timer.interval() if self._timer.isActive() else -1

    @Slot()
    def wake(self) -> None:
        """Where the wait stands now: warn, tick, expire, or sleep until the next step."""
        if self._paused or self._expired:
            return
        self._timer.stop()
        idle = self._clock() - self._since
        remaining = self._timeout - idle
        if remaining <= _EPSILON:
            self._expired = True
            self._warning_on = False
            self._shown_left = 0
            self.expired.emit()
            return
        warning = min(self._warning, self._timeout)
        until_warning = remaining - warning
        if until_warning > _EPSILON:
            self._sleep(until_warning)
            return
        left = max(math.ceil(remaining - _EPSILON), 1)
        if not self._warning_on:
            self._warning_on = True
            self._shown_left = left
            self.warningStarted.emit(left)
        elif left != self._shown_left:
            self._shown_left = left
            self.warningTick.emit(left)
        if self._paused or self._timer.isActive():
            return  # a listener paused or touched meanwhile
        # Next: the moment the countdown shows one second less (at 1: the end).
        self._sleep(remaining - (left - 1))

    # -- inside --------------------------------------------------------------------------

    def _restart(self) -> None:
        self._since = self._clock()
        self._expired = False
        self._end_warning()
        if not self._paused:
            self._arm()

    def _arm(self) -> None:
        self._timer.stop()
        self.wake()

    def _sleep(self, seconds: float) -> None:
        self._timer.start(max(math.ceil(seconds * 1000 - 0.01), 1))

    def _end_warning(self) -> None:
        if self._warning_on:
            self._warning_on = False
            self._shown_left = 0
            self.warningEnded.emit()
