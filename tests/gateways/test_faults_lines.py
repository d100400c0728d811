"""Fault tests of the line-services client (one-time code, then balance)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.config import TimeoutsConfig
from kiosk.gateways.errors import (
    GatewayNotFound,
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnauthorized,
    GatewayUnavailable,
    LineCodeRejected,
    LineLocked,
)
from kiosk.gateways.lines import ActivePack, LineServicesClient
from tests.gateways.faultserver import (
    Drip,
    FaultServer,
    FullBacklog,
    Html,
    Json,
    Reply,
    Stall,
    closed_port_url,
)
from tests.gateways.helpers import FAST, RecordedSleep

API_KEY = "lines_test_faults"
LINE = "3001234567"
OTP = f"/lines/{LINE}/otp"
BALANCE = f"/lines/{LINE}/balance"
BALANCE_BODY = {
    "balance": 12_500,
    "packs": [{"name": "Todo Incluido 7 días", "expires_at": "2024-05-08T15:00:00.000Z"}],
}


def make_client(
    base: str, sleeps: RecordedSleep, timeouts: TimeoutsConfig = FAST
) -> LineServicesClient:
    return LineServicesClient(base, API_KEY, timeouts, sleep=sleeps)


@pytest.fixture
def client(server: FaultServer, sleeps: RecordedSleep) -> Iterator[LineServicesClient]:
    made = make_client(server.url, sleeps)
    yield made
    made.close()


def error(code: str, status: int, **headers: str) -> Json:
    return Json({"errorCode": code, "message": "..."}, status=status, headers=headers)


def test_code_and_balance_requests(server: FaultServer, client: LineServicesClient) -> None:
    server.on("POST", OTP, Json({"expires_in": 300}, status=202))
    server.on("GET", BALANCE, Json(BALANCE_BODY))
    assert client.send_code(LINE).expires_in_seconds == 300
    balance = client.balance(LINE, "123456")
    assert balance.balance_pesos == 12_500
    assert balance.packs == (
        ActivePack("Todo Incluido 7 días", datetime(2024, 5, 8, 15, tzinfo=UTC)),
    )
    (otp,) = server.received("POST", OTP)
    (query,) = server.received("GET", BALANCE)
    assert otp.headers["Authorization"] == query.headers["Authorization"] == f"Bearer {API_KEY}"
    assert query.headers["X-OTP"] == "123456"


def test_empty_answer_to_send_code_is_fine(server: FaultServer, client: LineServicesClient) -> None:
    server.on("POST", OTP, Reply(204))
    assert client.send_code(LINE).expires_in_seconds is None


@pytest.mark.parametrize(
    ("status", "error_code", "code"),
    [
        (401, "INVALID_OTP", "lines.wrong_code"),
        (403, "INVALID_OTP", "lines.wrong_code"),
        (401, "OTP_EXPIRED", "lines.code_expired"),
        (403, "OTP_EXPIRED", "lines.code_expired"),
    ],
)
def test_wrong_or_expired_code(
    server: FaultServer, client: LineServicesClient, status: int, error_code: str, code: str
) -> None:
    server.on("GET", BALANCE, error(error_code, status))
    with pytest.raises(LineCodeRejected) as caught:
        client.balance(LINE, "000000")
    assert caught.value.code == code
    assert server.count("GET", BALANCE) == 1


def test_locked_line_is_not_retried(
    server: FaultServer, client: LineServicesClient, sleeps: RecordedSleep
) -> None:
    server.on("GET", BALANCE, error("LINE_LOCKED", 429, **{"Retry-After": "2"}))
    server.on("POST", OTP, error("LINE_LOCKED", 429, **{"Retry-After": "900"}))
    with pytest.raises(LineLocked) as on_balance:
        client.balance(LINE, "000000")
    with pytest.raises(LineLocked) as on_code:
        client.send_code(LINE)
    assert on_balance.value.code == "lines.locked"
    assert (on_balance.value.retry_after, on_code.value.retry_after) == (2.0, 900.0)
    assert server.count("GET", BALANCE) == 1
    assert sleeps.delays == []


def test_too_many_codes_and_a_line_of_another_operator(
    server: FaultServer, client: LineServicesClient
) -> None:
    server.on("POST", OTP, error("TOO_MANY_CODES", 429, **{"Retry-After": "120"}))
    server.on("GET", BALANCE, error("LINE_NOT_FOUND", 404))
    with pytest.raises(LineLocked) as too_many:
        client.send_code(LINE)
    with pytest.raises(GatewayNotFound) as ported:
        client.balance(LINE, "123456")
    assert (too_many.value.code, too_many.value.retry_after) == ("lines.too_many_codes", 120.0)
    assert ported.value.code == "lines.not_found"


def test_bad_api_key_is_unauthorized(server: FaultServer, client: LineServicesClient) -> None:
    server.on("POST", OTP, error("INVALID_API_KEY", 401))
    with pytest.raises(GatewayUnauthorized):
        client.send_code(LINE)


def test_invalid_line_is_rejected(server: FaultServer, client: LineServicesClient) -> None:
    server.on("POST", OTP, error("INVALID_PHONE_NUMBER", 400))
    with pytest.raises(GatewayRejected) as caught:
        client.send_code(LINE)
    assert caught.value.error_code == "INVALID_PHONE_NUMBER"


def test_refused_connection(sleeps: RecordedSleep) -> None:
    client = make_client(closed_port_url(), sleeps)
    with pytest.raises(GatewayUnavailable) as caught:
        client.send_code(LINE)
    assert caught.value.params["reason"] == "refused"
    assert sleeps.delays == []  # a POST is not retried


def test_connect_timeout(sleeps: RecordedSleep) -> None:
    timeouts = TimeoutsConfig(connect_seconds=0.1, read_seconds=0.5, deadline_seconds=2.0)
    with FullBacklog() as backlog, pytest.raises(GatewayUnavailable) as caught:
        make_client(backlog.url, sleeps, timeouts).balance(LINE, "123456")
    assert caught.value.params["reason"] == "connect_timeout"


def test_read_timeout_on_send_code_is_not_retried(
    server: FaultServer, client: LineServicesClient
) -> None:
    server.on("POST", OTP, Stall())
    with pytest.raises(GatewayUnavailable) as caught:
        client.send_code(LINE)
    assert caught.value.params["reason"] == "read_timeout"
    assert server.count("POST", OTP) == 1  # one SMS at most


def test_read_timeout_on_balance_is_retried(
    server: FaultServer, client: LineServicesClient
) -> None:
    server.on("GET", BALANCE, Stall(), Json(BALANCE_BODY))
    assert client.balance(LINE, "123456").balance_pesos == 12_500
    assert server.count("GET", BALANCE) == 2


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors(server: FaultServer, client: LineServicesClient, status: int) -> None:
    server.on("GET", BALANCE, Reply(status))
    server.on("POST", OTP, Reply(status))
    with pytest.raises(GatewayUnavailable):
        client.balance(LINE, "123456")
    with pytest.raises(GatewayUnavailable):
        client.send_code(LINE)
    assert server.count("GET", BALANCE) == 4
    assert server.count("POST", OTP) == 1


def test_plain_429_with_retry_after_is_retried(
    server: FaultServer, client: LineServicesClient, sleeps: RecordedSleep
) -> None:
    # A bare 429 is a busy server, not a lock: a GET waits as asked and tries again.
    server.on("GET", BALANCE, Reply(429, headers={"Retry-After": "1"}), Json(BALANCE_BODY))
    assert client.balance(LINE, "123456").balance_pesos == 12_500
    assert sleeps.delays == [1.0]


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, b'{"balance": 12500, "packs": [{"na'),
        Html(200),
        Json({"balance": 99.5, "packs": []}),
        Json({"balance": 100, "packs": [{"name": "x", "expires_at": "next week"}]}),
    ],
    ids=["truncated", "html", "fractional", "bad-date"],
)
def test_unreadable_balance_is_a_protocol_error(
    server: FaultServer, client: LineServicesClient, reply: Any
) -> None:
    server.on("GET", BALANCE, reply)
    with pytest.raises(GatewayProtocolError):
        client.balance(LINE, "123456")


def test_slow_drip_ends_at_the_deadline(server: FaultServer, sleeps: RecordedSleep) -> None:
    timeouts = TimeoutsConfig(connect_seconds=0.3, read_seconds=0.4, deadline_seconds=1.0)
    client = make_client(server.url, sleeps, timeouts)
    server.on("GET", BALANCE, Drip(json.dumps(BALANCE_BODY).encode(), interval=0.05))
    started = time.monotonic()
    with pytest.raises(GatewayUnavailable) as caught:
        client.balance(LINE, "123456")
    assert caught.value.params["reason"] == "deadline"
    assert time.monotonic() - started < timeouts.deadline_seconds + 0.5
