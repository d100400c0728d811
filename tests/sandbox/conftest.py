"""A sandbox per test on a free loopback port, driven by a clock the test advances."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.sandbox.helpers import FakeClock

START = datetime(2025, 3, 1, 15, 0, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def timing() -> SandboxTiming:
    # Slow answers stay longer than the short read timeouts the tests use, yet end fast at stop.
    return SandboxTiming(slow_bank_seconds=2.0, slow_line_seconds=2.0)


@pytest.fixture
def sandbox(clock: FakeClock, timing: SandboxTiming) -> Iterator[SandboxServer]:
    with SandboxServer(clock=clock, timing=timing) as server:
        yield server
