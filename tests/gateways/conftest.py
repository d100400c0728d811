"""Fixtures of the gateway client tests: a fault server per test, a recorded sleep, and one
sandbox shared by a module's contract tests with the clients built on it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from kiosk.config import load_config
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.gateways.faultserver import FaultServer
from tests.gateways.helpers import CONTRACT_TIMEOUTS, RecordedSleep


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[SandboxServer]:
    """A real sandbox on a free loopback port, with its delays shrunk, for a whole module:
    its tests tell their sales apart by unique references."""
    timing = SandboxTiming(pse_settle_seconds=0.2, slow_bank_seconds=1.0, slow_line_seconds=1.5)
    with SandboxServer(timing=timing) as running:
        yield running


@pytest.fixture
def gateways(shared_sandbox: SandboxServer) -> Iterator[Gateways]:
    """The three clients, built by the factory as the app does, aimed at the shared sandbox."""
    config = dataclasses.replace(load_config(), timeouts=CONTRACT_TIMEOUTS)
    built = build_clients(config, **shared_sandbox.client_settings())
    yield built
    built.close()
