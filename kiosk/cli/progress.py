"""A progress bar with a rate for long back-office commands, on the terminal's stderr.

``Progress(total, label)`` draws ``Exportando ventas [#####-----]  48 % 96.000/200.000
12.345/s, faltan 0:08`` over itself while the work goes on, at most every
``interval`` seconds, but only when stderr is a terminal (or when forced: the
``force`` argument, or ``KIOSK_PROGRESS=1`` in the environment; ``KIOSK_PROGRESS=0``
silences the bar). Whatever the terminal, :meth:`Progress.close` prints one plain
final line (``Exportando ventas: 200.000 en 16,2 s (12.345/s)``), so a script's log
says how long the work took. Numbers are written as the current language writes them
(``QLocale``); every word goes through the ``cli`` translations. Nothing but the
standard library and QtCore.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QLocale

from kiosk.controllers.language import translate

#: ``KIOSK_PROGRESS``: "1" draws the bar even without a terminal, "0" never draws it.
FORCE_VARIABLE = "KIOSK_PROGRESS"
_WIDTH = 24


def _number(value: float, decimals: int = 0) -> str:
    locale = QLocale()
    if decimals:
        return locale.toString(float(value), "f", decimals)
    return locale.toString(round(value))


def _duration(seconds: float) -> str:
    minutes, secs = divmod(max(0, round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _wanted(stream: TextIO, force: bool | None) -> bool:
    if force is not None:
        return force
    asked = os.environ.get(FORCE_VARIABLE, "").strip()
    if asked in ("0", "1"):
        return asked == "1"
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or odd stream
        return False


class Progress:
    """Counts work done out of ``total`` (0 when unknown) and tells the terminal how fast.

    Use it as a context manager or call :meth:`close` once; ``update(n)`` adds ``n``
    items. ``clock`` (seconds, monotonic) and ``stream`` are for tests.
    """

    def __init__(
        self,
        total: int,
        label: str,
        *,
        stream: TextIO | None = None,
        force: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
    ) -> None:
        self.total = max(0, int(total))
        self.label = label
        self.done = 0
        self._stream = stream if stream is not None else sys.stderr
        self._live = _wanted(self._stream, force)
        self._clock = clock
        self._interval = interval
        self._started = clock()
        self._drawn_at: float | None = None
        self._drawn_width = 0
        self._closed = False
        if self._live:
            self._draw(self._started)

    @property
    def live(self) -> bool:
        """Whether the bar is drawn (a terminal, or forced)."""
        return self._live

    def rate(self, now: float | None = None) -> float:
        """Items per second so far (0 before any time has passed)."""
        elapsed = (self._clock() if now is None else now) - self._started
        return self.done / elapsed if elapsed > 0 else 0.0

    def update(self, n: int = 1) -> None:
        self.done += int(n)
        if not self._live or self._closed:
            return
        now = self._clock()
        if self._drawn_at is None or now - self._drawn_at >= self._interval:
            self._draw(now)

    def _bar_line(self, now: float) -> str:
        rate = self.rate(now)
        speed = translate("cli", "{rate}/s").format(rate=_number(rate))
        if not self.total:
            counted = _number(self.done)
            return f"{self.label} {counted} {speed}"
        share = min(1.0, self.done / self.total)
        filled = int(share * _WIDTH)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        counted = translate("cli", "{done}/{total}").format(
            done=_number(self.done), total=_number(self.total)
        )
        line = f"{self.label} [{bar}] {int(share * 100):3d} % {counted} {speed}"
        left = self.total - self.done
        if rate > 0 and left > 0:
            remaining = translate("cli", "faltan {time}").format(time=_duration(left / rate))
            line = f"{line}, {remaining}"
        return line

    def _draw(self, now: float) -> None:
        line = self._bar_line(now)
        padding = " " * max(0, self._drawn_width - len(line))
        self._stream.write(f"\r{line}{padding}")
        self._stream.flush()
        self._drawn_at = now
        self._drawn_width = len(line)

    def final_line(self, now: float | None = None) -> str:
        """The plain line :meth:`close` prints: how many, in how long, how fast."""
        now = self._clock() if now is None else now
        elapsed = max(0.0, now - self._started)
        return translate("cli", "{label}: {count} en {seconds} s ({rate}/s)").format(
            label=self.label,
            count=_number(self.done),
            seconds=_number(elapsed, 1),
            rate=_number(self.rate(now)),
        )

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        line = self.final_line()
        if self._live:
            padding = " " * max(0, self._drawn_width - len(line))
            self._stream.write(f"\r{line}{padding}\n")
        else:
            self._stream.write(f"{line}\n")
        self._stream.flush()

    def abandon(self) -> None:
        """End the bar's line without a summary: the work failed (its error says why)."""
        if self._closed:
            return
        self._closed = True
        if self._live:
            self._stream.write("\n")
            self._stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        if error_type is None:
            self.close()
        else:
            self.abandon()
