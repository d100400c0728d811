"""Fixtures of the sale-flow tests: a sandbox on loopback, a journal file, a counter on both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.services.helpers import (
    PAYER_DOCUMENT,
    PAYER_EMAIL,
    SLOW_SECONDS,
    Counter,
    OffsetClock,
    counter_config,
    journal_url,
    open_counter,
)
from tests.support.browser import CHECKOUT_PAYER

#: Banks 1/2/3 settle quickly; the slow bank and the slow line outlast the clients' 1 s reads.
TIMING = SandboxTiming(
    pse_settle_seconds=0.2, slow_bank_seconds=SLOW_SECONDS, slow_line_seconds=SLOW_SECONDS
)
#: What the payers type: it must never reach the journal's payloads.
PAYER_SECRETS = (PAYER_DOCUMENT, PAYER_EMAIL, *CHECKOUT_PAYER.values())


@pytest.fixture
def clock() -> OffsetClock:
    return OffsetClock()


@pytest.fixture
def sandbox_requests() -> list[str]:
    """Every request the sandbox served (``"GET /v1/transactions/… -> 200"``), in order."""
    return []


@pytest.fixture
def sandbox(clock: OffsetClock, sandbox_requests: list[str]) -> Iterator[SandboxServer]:
    with SandboxServer(timing=TIMING, clock=clock, request_log=sandbox_requests.append) as running:
        yield running


@pytest.fixture
def config() -> Config:
    return counter_config()


@pytest.fixture
def make_counter(
    config: Config, sandbox: SandboxServer, clock: OffsetClock, tmp_path: Path
) -> Iterator[Callable[..., Counter]]:
    """Build a counter on the test's journal file; each is checked and closed at the end."""
    opened: list[Counter] = []

    def make(**kwargs: Any) -> Counter:
        counter = open_counter(
            kwargs.pop("config", config),
            sandbox.client_settings(),
            journal_url(tmp_path),
            clock,
            **kwargs,
        )
        opened.append(counter)
        return counter

    yield make
    for counter in opened:
        counter.close()
    if opened:
        # Whatever the test did, the journal it leaves verifies and holds no personal data.
        last = open_counter(config, sandbox.client_settings(), journal_url(tmp_path), clock)
        try:
            last.check_journal(PAYER_SECRETS)
        finally:
            last.close()


@pytest.fixture
def counter(make_counter: Callable[..., Counter]) -> Counter:
    return make_counter()
