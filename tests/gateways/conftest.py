"""Fixtures of the gateway client tests: a fault server, short timeouts, a recorded sleep."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from kiosk.config import TimeoutsConfig, load_config
from kiosk.gateways.factory import Gateways, build_clients
from tests.gateways.faultserver import FaultServer

T = TypeVar("T")

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


def sandbox_overrides(sandbox: Any) -> dict[str, str]:
    """The ``build_clients`` overrides that point the clients at ``sandbox``."""
    keys = sandbox.keys
    return {
        "pse_base_url": sandbox.pse_base_url,
        "pse_checkout_base_url": sandbox.checkout_base_url,
        "pse_public_key": keys.public_key,
        "pse_private_key": keys.private_key,
        "pse_integrity_secret": keys.integrity_secret,
        "topups_base_url": sandbox.topups_base_url,
        "topups_auth_url": sandbox.topups_auth_url,
        "topups_audience": sandbox.topups_audience,
        "topups_client_id": keys.topup_client_id,
        "topups_client_secret": keys.topup_client_secret,
        "lines_base_url": sandbox.lines_base_url,
        "lines_api_key": keys.lines_api_key,
    }


@pytest.fixture
def gateways(sandbox: Any) -> Iterator[Gateways]:
    """The three clients, built by the factory as the app does, aimed at the sandbox."""
    config = dataclasses.replace(load_config(), timeouts=CONTRACT_TIMEOUTS)
    built = build_clients(config, **sandbox_overrides(sandbox))
    yield built
    built.close()


def wait_for(read: Callable[[], T], done: Callable[[T], bool], timeout: float = 5.0) -> T:
    """Poll ``read`` until ``done`` says yes, or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        pause.wait(0.05)


def unique_reference(prefix: str = "K") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12].upper()}"
