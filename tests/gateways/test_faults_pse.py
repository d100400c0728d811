"""Fault tests of the PSE client: every failure shape ends in the right typed error,
and a create reaches the gateway at most once."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.config import TimeoutsConfig
from kiosk.gateways.errors import (
    GatewayNotFound,
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnauthorized,
    GatewayUnavailable,
    OutcomeUnknown,
)
from kiosk.gateways.pse import PseClient, PseStatus
from tests.gateways.faultserver import (
    CloseMidBody,
    Drip,
    FaultServer,
    FullBacklog,
    HangUp,
    Html,
    Json,
    Reply,
    Stall,
    closed_port_url,
)
from tests.gateways.helpers import RecordedSleep
from tests.gateways.samples import (
    INTEGRITY,
    PAYER,
    PRIVATE,
    PUBLIC,
    TOKENS,
    pse_client,
    transaction,
)

TX_PATH = "/v1/transactions"
ONE_TX = "/v1/transactions/11854-1-1"


@pytest.fixture
def client(server: FaultServer, sleeps: RecordedSleep) -> Iterator[PseClient]:
    made = pse_client(server.url, sleeps)
    yield made
    made.close()


def create(client: PseClient) -> Any:
    return client.create_pse_transaction("REF-1", 15_000, PAYER, "1", "Recarga REF-1", TOKENS)


# -- network failures ---------------------------------------------------------------------


def test_refused_connection_is_unavailable_after_backoff(sleeps: RecordedSleep) -> None:
    client = pse_client(closed_port_url(), sleeps)
    with pytest.raises(GatewayUnavailable) as caught:
        client.get_transaction("11854-1-1")
    assert caught.value.code == "gateway.unavailable"
    assert caught.value.params["reason"] == "refused"
    # Four attempts, three waits, growing and capped.
    assert len(sleeps.delays) == 3
    assert sleeps.delays[0] < sleeps.delays[2] <= 4.0


def test_refused_create_is_unavailable_not_unknown(sleeps: RecordedSleep) -> None:
    client = pse_client(closed_port_url(), sleeps)
    with pytest.raises(GatewayUnavailable) as caught:
        create(client)
    # Nothing was ever sent, so it is safe to say "unavailable" and never retried.
    assert not isinstance(caught.value, OutcomeUnknown)
    assert sleeps.delays == []


def test_connect_timeout_is_unavailable(sleeps: RecordedSleep) -> None:
    timeouts = TimeoutsConfig(connect_seconds=0.1, read_seconds=0.5, deadline_seconds=2.0)
    with FullBacklog() as backlog:
        client = pse_client(backlog.url, sleeps, timeouts)
        with pytest.raises(GatewayUnavailable) as get_error:
            client.get_transaction("11854-1-1")
        with pytest.raises(GatewayUnavailable) as create_error:
            create(client)
    assert get_error.value.params["reason"] == "connect_timeout"
    assert create_error.value.params["reason"] == "connect_timeout"
    assert not isinstance(create_error.value, OutcomeUnknown)


def test_read_timeout_after_create_is_outcome_unknown_and_sent_once(
    server: FaultServer, client: PseClient
) -> None:
    server.on("POST", TX_PATH, Stall())
    with pytest.raises(OutcomeUnknown) as caught:
        create(client)
    assert caught.value.code == "gateway.outcome_unknown"
    assert caught.value.reference == "REF-1"
    assert caught.value.params["cause"] == "read_timeout"
    assert server.count("POST", TX_PATH) == 1


def test_read_timeout_on_get_is_retried_then_unavailable(
    server: FaultServer, client: PseClient, sleeps: RecordedSleep
) -> None:
    server.on("GET", ONE_TX, Stall())
    with pytest.raises(GatewayUnavailable) as caught:
        client.get_transaction("11854-1-1")
    assert caught.value.params["reason"] == "read_timeout"
    assert server.count("GET", ONE_TX) == 4
    assert len(sleeps.delays) == 3


def test_get_recovers_after_a_stall(server: FaultServer, client: PseClient) -> None:
    server.on("GET", ONE_TX, Stall(), Json({"data": transaction("APPROVED")}))
    assert client.get_transaction("11854-1-1").status is PseStatus.APPROVED
    assert server.count("GET", ONE_TX) == 2


def test_connection_closed_mid_body(server: FaultServer, client: PseClient) -> None:
    body = json.dumps({"data": transaction()}).encode()
    server.on("POST", TX_PATH, CloseMidBody(body, sent=20, status=201))
    server.on("GET", ONE_TX, CloseMidBody(body, sent=20))
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client)
    with pytest.raises(GatewayUnavailable) as unavailable:
        client.get_transaction("11854-1-1")
    assert unknown.value.params["cause"] == "connection_lost"
    assert unavailable.value.params["reason"] == "connection_lost"
    assert server.count("POST", TX_PATH) == 1
    assert server.count("GET", ONE_TX) == 4


def test_hang_up_without_answer_after_create(server: FaultServer, client: PseClient) -> None:
    server.on("POST", TX_PATH, HangUp())
    with pytest.raises(OutcomeUnknown):
        create(client)
    assert server.count("POST", TX_PATH) == 1


# -- server errors ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error_on_get_is_retried_with_backoff(
    server: FaultServer, client: PseClient, sleeps: RecordedSleep, status: int
) -> None:
    server.on("GET", ONE_TX, Reply(status), Reply(status), Json({"data": transaction()}))
    assert client.get_transaction("11854-1-1").status is PseStatus.PENDING
    assert server.count("GET", ONE_TX) == 3
    assert len(sleeps.delays) == 2


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error_on_get_ends_unavailable(
    server: FaultServer, client: PseClient, status: int
) -> None:
    server.on("GET", ONE_TX, Reply(status))
    with pytest.raises(GatewayUnavailable) as caught:
        client.get_transaction("11854-1-1")
    assert caught.value.params == {"service": "pse", "reason": "server_error", "status": status}
    assert server.count("GET", ONE_TX) == 4


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error_on_create_is_unknown_and_not_retried(
    server: FaultServer, client: PseClient, sleeps: RecordedSleep, status: int
) -> None:
    server.on("POST", TX_PATH, Reply(status))
    with pytest.raises(OutcomeUnknown) as caught:
        create(client)
    assert caught.value.params["cause"] == "server_error"
    assert server.count("POST", TX_PATH) == 1
    assert sleeps.delays == []


def test_retry_after_seconds_is_honoured(
    server: FaultServer, client: PseClient, sleeps: RecordedSleep
) -> None:
    server.on(
        "GET", ONE_TX, Reply(429, headers={"Retry-After": "2"}), Json({"data": transaction()})
    )
    client.get_transaction("11854-1-1")
    assert sleeps.delays == [2.0]


def test_retry_after_http_date_is_honoured(server: FaultServer, sleeps: RecordedSleep) -> None:
    now = 1_714_575_600.0  # 2024-05-01 15:00:00 UTC
    client = pse_client(server.url, sleeps, wallclock=lambda: now)
    server.on(
        "GET",
        ONE_TX,
        Reply(503, headers={"Retry-After": "Wed, 01 May 2024 15:00:02 GMT"}),
        Json({"data": transaction()}),
    )
    client.get_transaction("11854-1-1")
    assert sleeps.delays == [2.0]


def test_retry_after_beyond_the_deadline_is_not_waited(
    server: FaultServer, client: PseClient, sleeps: RecordedSleep
) -> None:
    server.on("GET", ONE_TX, Reply(429, headers={"Retry-After": "120"}))
    with pytest.raises(GatewayUnavailable) as caught:
        client.get_transaction("11854-1-1")
    assert caught.value.code == "gateway.rate_limited"
    assert caught.value.retry_after == 120.0
    assert sleeps.delays == []
    assert server.count("GET", ONE_TX) == 1


def test_rate_limited_create_is_not_retried(
    server: FaultServer, client: PseClient, sleeps: RecordedSleep
) -> None:
    server.on("POST", TX_PATH, Reply(429, headers={"Retry-After": "1"}))
    with pytest.raises(GatewayUnavailable) as caught:
        create(client)
    assert caught.value.retry_after == 1.0
    assert server.count("POST", TX_PATH) == 1
    assert sleeps.delays == []


# -- unreadable answers ---------------------------------------------------------------------


def test_truncated_json(server: FaultServer, client: PseClient) -> None:
    cut = json.dumps({"data": transaction()}).encode()[:-15]
    server.on("GET", ONE_TX, Reply(200, cut))
    server.on("POST", TX_PATH, Reply(201, cut))
    with pytest.raises(GatewayProtocolError) as protocol:
        client.get_transaction("11854-1-1")
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client)
    assert protocol.value.params["detail"] == "invalid_json"
    assert unknown.value.params["cause"] == "unreadable"
    assert server.count("POST", TX_PATH) == 1


def test_html_instead_of_json(server: FaultServer, client: PseClient) -> None:
    server.on("GET", ONE_TX, Html(200))
    server.on("POST", TX_PATH, Html(200))
    with pytest.raises(GatewayProtocolError) as protocol:
        client.get_transaction("11854-1-1")
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client)
    assert protocol.value.params["detail"] == "html"
    assert unknown.value.params["detail"] == "html"
    assert server.count("POST", TX_PATH) == 1


def test_unknown_status_value(server: FaultServer, client: PseClient) -> None:
    server.on("GET", ONE_TX, Json({"data": transaction("ON_HOLD")}))
    server.on("GET", TX_PATH, Json({"data": [transaction("ON_HOLD")]}))
    server.on("POST", TX_PATH, Json({"data": transaction("ON_HOLD")}, status=201))
    with pytest.raises(GatewayProtocolError) as protocol:
        client.get_transaction("11854-1-1")
    with pytest.raises(GatewayProtocolError):
        client.find_by_reference("REF-1")
    # A create answered with a status we cannot read may still have happened.
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client)
    assert "ON_HOLD" in protocol.value.params["detail"]
    assert "ON_HOLD" in unknown.value.params["detail"]


def test_amount_that_is_not_whole_pesos_is_a_protocol_error(
    server: FaultServer, client: PseClient
) -> None:
    server.on("GET", ONE_TX, Json({"data": transaction(amount_in_cents=1_500_050)}))
    with pytest.raises(GatewayProtocolError):
        client.get_transaction("11854-1-1")


# -- slow drip --------------------------------------------------------------------------


DRIP_TIMEOUTS = TimeoutsConfig(connect_seconds=0.3, read_seconds=0.4, deadline_seconds=1.0)


def test_slow_drip_on_get_ends_at_the_deadline(server: FaultServer, sleeps: RecordedSleep) -> None:
    client = pse_client(server.url, sleeps, DRIP_TIMEOUTS)
    body = json.dumps({"data": transaction()}).encode()
    server.on("GET", ONE_TX, Drip(body, interval=0.05))  # ~25 s for the whole body
    started = time.monotonic()
    with pytest.raises(GatewayUnavailable) as caught:
        client.get_transaction("11854-1-1")
    elapsed = time.monotonic() - started
    assert caught.value.params["reason"] == "deadline"
    # Correctness bound: the call ends near its deadline instead of following the drip.
    assert elapsed < DRIP_TIMEOUTS.deadline_seconds + 0.5
    assert server.count("GET", ONE_TX) == 1


def test_slow_drip_on_create_is_unknown_at_the_deadline(
    server: FaultServer, sleeps: RecordedSleep
) -> None:
    client = pse_client(server.url, sleeps, DRIP_TIMEOUTS)
    body = json.dumps({"data": transaction()}).encode()
    server.on("POST", TX_PATH, Drip(body, interval=0.05, status=201))
    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        create(client)
    elapsed = time.monotonic() - started
    assert caught.value.params["cause"] == "deadline"
    assert elapsed < DRIP_TIMEOUTS.deadline_seconds + 0.5
    assert server.count("POST", TX_PATH) == 1


# -- refusals ---------------------------------------------------------------------------


def test_validation_error_carries_the_field_messages(
    server: FaultServer, client: PseClient
) -> None:
    server.on(
        "POST",
        TX_PATH,
        Json(
            {
                "error": {
                    "type": "INPUT_VALIDATION_ERROR",
                    "messages": {
                        "reference": ["La referencia ya ha sido usada"],
                        "payment_method": {"user_legal_id": ["Número de documento no válido"]},
                    },
                }
            },
            status=422,
        ),
    )
    with pytest.raises(GatewayRejected) as caught:
        create(client)
    assert caught.value.code == "gateway.rejected"
    assert caught.value.error_code == "INPUT_VALIDATION_ERROR"
    assert caught.value.fields == {
        "reference": ["La referencia ya ha sido usada"],
        "payment_method.user_legal_id": ["Número de documento no válido"],
    }
    assert server.count("POST", TX_PATH) == 1


def test_wrong_key_is_unauthorized_and_unknown_id_not_found(
    server: FaultServer, client: PseClient
) -> None:
    unauthorized = {"error": {"type": "INVALID_ACCESS_TOKEN", "reason": "Llave no válida"}}
    server.on("GET", "/v1/pse/financial_institutions", Json(unauthorized, status=401))
    server.on("GET", ONE_TX, Json({"error": {"type": "NOT_FOUND_ERROR"}}, status=404))
    with pytest.raises(GatewayUnauthorized) as denied:
        client.banks()
    with pytest.raises(GatewayNotFound) as missing:
        client.get_transaction("11854-1-1")
    assert denied.value.code == "gateway.unauthorized"
    assert denied.value.error_code == "INVALID_ACCESS_TOKEN"
    assert missing.value.code == "gateway.not_found"


def test_errors_and_logs_hold_no_secrets_or_payer_data(
    server: FaultServer, client: PseClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server.on("GET", TX_PATH, Reply(503))
    server.on("POST", TX_PATH, Stall())
    errors = []
    for call in (lambda: client.find_by_reference("REF-1"), lambda: create(client)):
        with pytest.raises(Exception) as caught:
            call()
        errors.append(caught.value)
    shown = " ".join([*(f"{e!s} {e!r} {e.__cause__!r}" for e in errors), caplog.text])
    for secret in (PRIVATE, PUBLIC, INTEGRITY, "1020304050", "ana@example.com", "Bearer"):
        assert secret not in shown
    assert server.received("GET", TX_PATH)[0].headers["Authorization"] == f"Bearer {PRIVATE}"
