"""The deadline covers the whole call, not only the body: connecting, the TLS handshake
and the status line and headers too, where requests' timeouts restart on every byte.

Elapsed-time bounds here are correctness bounds (the call ends near its deadline
instead of following the server), not performance assertions.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.config import TimeoutsConfig
from kiosk.gateways.errors import GatewayUnavailable, OutcomeUnknown
from kiosk.gateways.http import HttpClient
from kiosk.gateways.pse import PseStatus
from tests.gateways.faultserver import DripBytes, DripHead, FaultServer, FullBacklog, Json
from tests.gateways.helpers import RecordedSleep
from tests.gateways.samples import (
    PAYER,
    TOKEN_PATH,
    TOKENS,
    operator_answer,
    pse_client,
    token,
    topup_answer,
    topup_client,
    transaction,
)

#: Each dripped byte (every 50 ms) comes well within the read timeout; the
#: whole head takes seconds, far past the deadline.
TIMEOUTS = TimeoutsConfig(connect_seconds=0.3, read_seconds=0.4, deadline_seconds=1.0)
MARGIN = 0.5
ONE_TX = "/v1/transactions/11854-1-1"
TX_PATH = "/v1/transactions"
TOPUPS = "/topups-api/topups"


def timed(call: Callable[[], Any], error: type[Exception]) -> tuple[Exception, float]:
    started = time.monotonic()
    with pytest.raises(error) as caught:
        call()
    return caught.value, time.monotonic() - started


def test_dripping_headers_on_a_get_end_at_the_deadline(
    server: FaultServer, sleeps: RecordedSleep
) -> None:
    client = pse_client(server.url, sleeps, TIMEOUTS)
    body = json.dumps({"data": transaction()}).encode()
    server.on("GET", ONE_TX, DripHead(body), Json({"data": transaction("APPROVED")}))
    error, elapsed = timed(lambda: client.get_transaction("11854-1-1"), GatewayUnavailable)
    assert not isinstance(error, OutcomeUnknown)
    assert error.params["reason"] == "deadline"
    assert elapsed < TIMEOUTS.deadline_seconds + MARGIN
    # No time was left to retry.
    assert server.count("GET", ONE_TX) == 1
    assert sleeps.delays == []
    # The interrupted connection was thrown away: the next call works.
    assert client.get_transaction("11854-1-1").status is PseStatus.APPROVED
    client.close()


def test_dripping_headers_after_a_pse_create_are_unknown_and_sent_once(
    server: FaultServer, sleeps: RecordedSleep
) -> None:
    client = pse_client(server.url, sleeps, TIMEOUTS)
    body = json.dumps({"data": transaction()}).encode()
    server.on("POST", TX_PATH, DripHead(body, status=201))
    error, elapsed = timed(
        lambda: client.create_pse_transaction("REF-1", 15_000, PAYER, "1", "Recarga REF-1", TOKENS),
        OutcomeUnknown,
    )
    assert error.params["cause"] == "deadline"
    assert error.reference == "REF-1"
    assert elapsed < TIMEOUTS.deadline_seconds + MARGIN
    assert server.count("POST", TX_PATH) == 1
    assert sleeps.delays == []
    client.close()


def test_dripping_headers_after_a_topup_are_unknown_and_sent_once(
    server: FaultServer, sleeps: RecordedSleep
) -> None:
    client = topup_client(server.url, sleeps, TIMEOUTS)
    server.on("POST", TOKEN_PATH, token())
    # The client reads the operator first (its amounts and rate are current), then sends.
    server.on("GET", "/topups-api/operators/900", Json(operator_answer()))
    server.on("POST", TOPUPS, DripHead(json.dumps(topup_answer()).encode()))
    error, elapsed = timed(lambda: client.topup("REF-1", 900, 5_000, "3001234567"), OutcomeUnknown)
    assert error.params["cause"] == "deadline"
    assert elapsed < TIMEOUTS.deadline_seconds + MARGIN
    assert server.count("POST", TOPUPS) == 1
    client.close()


def test_a_hanging_connect_is_bounded_by_the_deadline(sleeps: RecordedSleep) -> None:
    """Even when the connect timeout alone would outlast the deadline."""
    timeouts = TimeoutsConfig(connect_seconds=30.0, read_seconds=0.4, deadline_seconds=1.0)
    with FullBacklog() as backlog:
        client = pse_client(backlog.url, sleeps, timeouts)
        get_error, get_elapsed = timed(
            lambda: client.get_transaction("11854-1-1"), GatewayUnavailable
        )
        create_error, create_elapsed = timed(
            lambda: client.create_pse_transaction(
                "REF-1", 15_000, PAYER, "1", "Recarga REF-1", TOKENS
            ),
            GatewayUnavailable,
        )
        client.close()
    for error, elapsed in ((get_error, get_elapsed), (create_error, create_elapsed)):
        # Nothing was sent: unavailable, never "outcome unknown".
        assert not isinstance(error, OutcomeUnknown)
        assert error.params["reason"] == "deadline"
        assert elapsed < timeouts.deadline_seconds + MARGIN


#: The start of a TLS handshake record that never completes.
TLS_STALL = b"\x16\x03\x03\x40\x00" + b"\x00" * 400


def test_a_dripping_tls_handshake_ends_at_the_deadline(sleeps: RecordedSleep) -> None:
    """The handshake runs under the connect timeout, here far longer than the deadline."""
    timeouts = TimeoutsConfig(connect_seconds=30.0, read_seconds=30.0, deadline_seconds=1.0)
    with DripBytes(TLS_STALL) as dripper:
        http = HttpClient("pse", f"https://{dripper.address}", timeouts, sleep=sleeps)
        get_error, get_elapsed = timed(lambda: http.get("/x", label="x"), GatewayUnavailable)
        create_error, create_elapsed = timed(
            lambda: http.send("POST", "/x", label="x", create_reference="R"), GatewayUnavailable
        )
        http.close()
    assert get_error.params["reason"] == create_error.params["reason"] == "deadline"
    assert get_elapsed < timeouts.deadline_seconds + MARGIN
    # The handshake never finished, so the create was never sent.
    assert not isinstance(create_error, OutcomeUnknown)
    assert create_elapsed < timeouts.deadline_seconds + MARGIN
    assert dripper.accepted == 2


# -- the pool after a watchdog fired ----------------------------------------------------


def test_a_connection_shut_down_by_the_deadline_is_not_pooled(server: FaultServer) -> None:
    """The watchdog may fire just as an answer completes: the connection it shut
    down is closed when given back, so the next call opens a fresh one."""
    from kiosk.gateways.deadline import Deadline, _WatchedHTTPConnectionPool

    host, port = server.url.removeprefix("http://").split(":")
    pool = _WatchedHTTPConnectionPool(host, int(port), maxsize=1)
    with Deadline(60.0) as deadline:
        connection = pool._get_conn()
        connection.connect()
        deadline._expire()  # as the timer would
        pool._put_conn(connection)
    assert connection.sock is None  # closed, not parked half shut down in the pool

    # Given back before the deadline passed: left alone, and reused.
    with Deadline(60.0) as deadline:
        connection = pool._get_conn()
        connection.connect()
        pool._put_conn(connection)
        deadline._expire()
    assert connection.is_connected
    assert pool._get_conn() is connection
    pool.close()
