"""The sandbox tests' knobs: the test's sandbox (tests/conftest.py) runs on a clock the test
moves by hand, with slow answers that outlast the tests' short read timeouts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.sandbox import SandboxTiming
from tests.support.clocks import FakeClock

START = datetime(2025, 3, 1, 15, 0, 0, tzinfo=UTC)


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock that stands at 1 March 2025, 15:00 UTC until the test moves it."""
    return FakeClock(START)


@pytest.fixture
def sandbox_clock(fake_clock: FakeClock) -> FakeClock:
    return fake_clock


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    # Slow answers stay longer than the short read timeouts the tests use, yet end fast at stop.
    return SandboxTiming(slow_bank_seconds=2.0, slow_line_seconds=2.0)
