"""Fixtures of the gateway client tests: a fault server, short timeouts, a recorded sleep."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.config import TimeoutsConfig, load_config
from kiosk.gateways.factory import Gateways, build_clients
from tests.gateways.faultserver import FaultServer

#: Short enough for quick fault tests; the deadline leaves room for four attempts.
FAST = TimeoutsConfig(connect_seconds=0.3, read_seconds=0.25, deadline_seconds=3.0)


class RecordedSleep:
    """Stands in for ``time.sleep``: remembers the delays, waits for none."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


#: Contract tests talk to the sandbox: generous enough for a loaded machine.
CONTRACT_TIMEOUTS = TimeoutsConfig(connect_seconds=2.0, read_seconds=4.0, deadline_seconds=8.0)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Any]:
    """A real sandbox on a free loopback port, with its delays shrunk for tests."""
    from kiosk.sandbox.server import SandboxServer, SandboxTiming

    timing = SandboxTiming(pse_settle_seconds=0.2, slow_bank_seconds=1.0, slow_line_seconds=1.5)
    with SandboxServer(timing=timing) as running:
        yield running


@pytest.fixture
def gateways(sandbox: Any) -> Iterator[Gateways]:
    """The three clients, built by the factory as the app does, aimed at the sandbox."""
    config = dataclasses.replace(load_config(), timeouts=CONTRACT_TIMEOUTS)
    built = build_clients(config, **sandbox.client_settings())
    yield built
    built.close()


def unique_reference(prefix: str = "K") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12].upper()}"
