"""The clocks the tests hand to the code under test, one class per way of telling time.

- :class:`FakeClock` stands still until the test moves it (settle times, expiries, no waiting);
- :class:`TickingClock` moves one second per reading (every journal entry its own moment);
- :class:`OffsetClock` is real time plus an offset (the sandbox's banks still settle on their
  own, and a test can jump past an expiry or a reconciliation window).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


def _delta(by: timedelta | float) -> timedelta:
    return by if isinstance(by, timedelta) else timedelta(seconds=by)


class FakeClock:
    """A clock the test moves by hand (``advance``), safe to read from the server's threads."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, by: timedelta | float) -> None:
        """Move forward by a timedelta or a number of seconds."""
        with self._lock:
            self._now += _delta(by)


class TickingClock:
    """Advances one second per reading, so every entry has its own time; ``moment`` is the
    last time it told."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment

    def advance(self, by: timedelta | float) -> None:
        self.moment += _delta(by)


class OffsetClock:
    """Real time plus an offset that the test moves forward."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, by: timedelta | float) -> None:
        with self._lock:
            self._offset += _delta(by)
