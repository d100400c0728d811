"""Fixtures of the sale-flow tests: the test's sandbox on a clock a test moves forward, a
journal file, and counters built on both as the app builds them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.services.helpers import (
    PAYER_SECRETS,
    SLOW_SECONDS,
    Counter,
    counter_config,
    journal_url,
    open_counter,
)
from tests.support.clocks import OffsetClock


@pytest.fixture
def offset_clock() -> OffsetClock:
    """Real time plus an offset the test moves forward; the counter's and the sandbox's."""
    return OffsetClock()


@pytest.fixture
def sandbox_clock(offset_clock: OffsetClock) -> OffsetClock:
    return offset_clock


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    """Banks 1/2/3 settle quickly; the slow bank and the slow line outlast the clients' 1 s
    reads."""
    return SandboxTiming(
        pse_settle_seconds=0.2, slow_bank_seconds=SLOW_SECONDS, slow_line_seconds=SLOW_SECONDS
    )


@pytest.fixture
def sale_config() -> Config:
    """The configuration a counter is built on: the test folders' config, short timeouts."""
    return counter_config()


@pytest.fixture
def make_counter(
    sale_config: Config, sandbox: SandboxServer, offset_clock: OffsetClock, tmp_path: Path
) -> Iterator[Callable[..., Counter]]:
    """Build a counter on the test's journal file; each is checked and closed at the end."""
    opened: list[Counter] = []

    def make(**kwargs: Any) -> Counter:
        counter = open_counter(
            kwargs.pop("config", sale_config),
            sandbox.client_settings(),
            journal_url(tmp_path),
            offset_clock,
            **kwargs,
        )
        opened.append(counter)
        return counter

    yield make
    for counter in opened:
        counter.close()
    if opened:
        # Whatever the test did, the journal it leaves verifies and holds no personal data.
        last = open_counter(
            sale_config, sandbox.client_settings(), journal_url(tmp_path), offset_clock
        )
        try:
            last.check_journal(PAYER_SECRETS)
        finally:
            last.close()


@pytest.fixture
def counter(make_counter: Callable[..., Counter]) -> Counter:
    return make_counter()
