"""The idle timer on a fake clock: the warning, its countdown, a touch, a pause, the expiry."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.controllers.idle import DEFAULT_WARNING_SECONDS, IdleTimer


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Heard:
    """What the timer said, in order."""

    def __init__(self, timer: IdleTimer) -> None:
        self.events: list[tuple[str, int | None]] = []
        timer.warningStarted.connect(lambda left: self.events.append(("started", left)))
        timer.warningTick.connect(lambda left: self.events.append(("tick", left)))
        timer.warningEnded.connect(lambda: self.events.append(("ended", None)))
        timer.expired.connect(lambda: self.events.append(("expired", None)))

    def take(self) -> list[tuple[str, int | None]]:
        events, self.events = self.events, []
        return events


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timer(qtbot: Any, clock: FakeClock) -> IdleTimer:
    return IdleTimer(60, clock=clock)


def step(timer: IdleTimer, clock: FakeClock, seconds: float) -> None:
    """Time passes; the single-shot timer fires (as its own QTimer would)."""
    clock.advance(seconds)
    timer.wake()


def test_sleeps_until_the_warning_without_polling(timer: IdleTimer, clock: FakeClock) -> None:
    heard = Heard(timer)
    assert timer.warningSeconds() == DEFAULT_WARNING_SECONDS == 15
    # One wake-up, at the warning's start: 60 - 15 s.
    assert timer.isArmed() and timer.nextWakeMs() == 45_000
    step(timer, clock, 20)  # woken early (e.g. a timer's slack): nothing said, asleep again
    assert heard.take() == [] and timer.nextWakeMs() == 25_000
    step(timer, clock, 25)
    assert heard.take() == [("started", 15)]
    assert timer.isWarning() and timer.secondsLeft() == 15
    assert timer.nextWakeMs() == 1_000  # the next second boundary


def test_counts_down_each_second_then_expires(timer: IdleTimer, clock: FakeClock) -> None:
    heard = Heard(timer)
    step(timer, clock, 45)
    for _ in range(14):
        step(timer, clock, 1)
    assert heard.take() == [("started", 15)] + [("tick", n) for n in range(14, 0, -1)]
    assert timer.nextWakeMs() == 1_000
    step(timer, clock, 1)
    assert heard.take() == [("expired", None)]
    assert not timer.isWarning() and not timer.isArmed()
    step(timer, clock, 100)  # nothing more until someone touches
    assert heard.take() == []


def test_wakes_at_the_boundary_after_a_late_wake(timer: IdleTimer, clock: FakeClock) -> None:
    heard = Heard(timer)
    step(timer, clock, 45.3)  # a loaded machine woke 0.3 s late
    assert heard.take() == [("started", 15)]
    assert timer.nextWakeMs() == 700
    step(timer, clock, 0.7)
    assert heard.take() == [("tick", 14)]
    step(timer, clock, 3.5)  # several seconds late: one tick with the true count
    assert heard.take() == [("tick", 11)]
    assert timer.nextWakeMs() == 500


def test_a_touch_ends_the_warning_and_restarts_the_wait(timer: IdleTimer, clock: FakeClock) -> None:
    heard = Heard(timer)
    step(timer, clock, 50)
    clock.advance(3)
    timer.touched()
    assert heard.take() == [("started", 10), ("ended", None)]
    assert not timer.isWarning() and timer.nextWakeMs() == 45_000
    step(timer, clock, 45)
    assert heard.take() == [("started", 15)]


def test_touches_before_the_warning_only_restart_the_wait(
    timer: IdleTimer, clock: FakeClock
) -> None:
    heard = Heard(timer)
    clock.advance(40)
    timer.touched()
    assert timer.nextWakeMs() == 45_000 and heard.take() == []


def test_paused_nothing_fires_and_unpausing_restarts_the_full_wait(
    timer: IdleTimer, clock: FakeClock
) -> None:
    heard = Heard(timer)
    step(timer, clock, 46)
    timer.setPaused(True)
    assert heard.take() == [("started", 14), ("ended", None)]
    assert timer.isPaused() and not timer.isArmed()
    step(timer, clock, 500)
    timer.touched()  # touches while paused arm nothing
    assert heard.take() == [] and not timer.isArmed()
    timer.setPaused(True)  # no change
    timer.setPaused(False)
    assert timer.nextWakeMs() == 45_000
    step(timer, clock, 45)
    assert heard.take() == [("started", 15)]


def test_a_new_timeout_or_warning_restarts_the_wait(timer: IdleTimer, clock: FakeClock) -> None:
    heard = Heard(timer)
    clock.advance(30)
    timer.setTimeout(90)
    assert timer.timeout() == 90 and timer.nextWakeMs() == 75_000
    timer.setWarningSeconds(5)
    assert timer.nextWakeMs() == 85_000
    step(timer, clock, 85)
    assert heard.take() == [("started", 5)]
    assert timer.secondsLeft() == 5


def test_a_warning_as_long_as_the_wait_starts_at_once(qtbot: Any, clock: FakeClock) -> None:
    timer = IdleTimer(2, warning_seconds=5, clock=clock, paused=True)
    heard = Heard(timer)
    timer.setPaused(False)
    assert heard.take() == [("started", 2)]
    step(timer, clock, 1)
    step(timer, clock, 1)
    assert heard.take() == [("tick", 1), ("expired", None)]


def test_a_listener_may_postpone_the_expiry(timer: IdleTimer, clock: FakeClock) -> None:
    """What a busy screen does: at the expiry it touches, and the wait starts again."""
    timer.expired.connect(timer.touched)
    heard = Heard(timer)
    step(timer, clock, 45)
    step(timer, clock, 15)
    assert heard.take() == [("started", 15), ("expired", None)]
    assert timer.isArmed() and timer.nextWakeMs() == 45_000


def test_the_real_timer_fires_on_its_own(qtbot: Any) -> None:
    """No fake clock: a short wait warns, ticks and expires through its own QTimer."""
    timer = IdleTimer(0.3, warning_seconds=0.2)
    with qtbot.waitSignals([timer.warningStarted, timer.expired], timeout=3000, order="strict"):
        pass
    assert not timer.isWarning()
