"""Fault tests of the top-up client: typed errors, and a top-up reaches the provider once."""

from __future__ import annotations

import json
import threading
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
    TopupAlreadySubmitted,
    TopupRejected,
)
from kiosk.gateways.topups import TopupClient, TopupStatus
from tests.gateways.faultserver import (
    CloseMidBody,
    Drip,
    FaultServer,
    FullBacklog,
    Html,
    Json,
    Reply,
    Stall,
    closed_port_url,
)
from tests.gateways.helpers import RecordedSleep
from tests.gateways.samples import CLIENT_ID, SECRET, TOKEN_PATH, token, topup_answer, topup_client

TOPUPS = "/topups-api/topups"
BALANCE = "/topups-api/accounts/balance"
REPORT = "/topups-api/topups/reports/transactions/77"


class OffsetMonotonic:
    """Monotonic time that a test can move forward (token expiry)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


@pytest.fixture
def client(server: FaultServer, sleeps: RecordedSleep) -> Iterator[TopupClient]:
    server.on("POST", TOKEN_PATH, token())
    made = topup_client(server.url, sleeps)
    yield made
    made.close()


def send(client: TopupClient) -> Any:
    return client.topup("REF-1", 900, 5_000, "3001234567")


# -- OAuth token --------------------------------------------------------------------------


def test_token_is_requested_once_and_reused(server: FaultServer, client: TopupClient) -> None:
    server.on("GET", BALANCE, Json({"balance": 250_000, "currencyCode": "COP"}))
    assert client.account_balance() == 250_000
    assert client.account_balance() == 250_000
    (request,) = server.received("POST", TOKEN_PATH)
    assert request.json() == {
        "client_id": CLIENT_ID,
        "client_secret": SECRET,
        "grant_type": "client_credentials",
        "audience": f"{server.url}/topups-api",
    }
    for call in server.received("GET", BALANCE):
        assert call.headers["Authorization"] == "Bearer tok-1"
        assert call.headers["Accept"] == "application/com.reloadly.topups-v1+json"


def test_token_is_renewed_shortly_before_it_expires(
    server: FaultServer, sleeps: RecordedSleep
) -> None:
    clock = OffsetMonotonic()
    client = topup_client(server.url, sleeps, clock=clock)
    server.on("POST", TOKEN_PATH, token("tok-1", 600), token("tok-2", 600))
    server.on("GET", BALANCE, Json({"balance": 1}))
    client.account_balance()
    clock.offset = 500.0  # still well before expiry
    client.account_balance()
    assert server.count("POST", TOKEN_PATH) == 1
    clock.offset = 590.0  # within the renewal margin
    client.account_balance()
    assert server.count("POST", TOKEN_PATH) == 2
    assert server.received("GET", BALANCE)[-1].headers["Authorization"] == "Bearer tok-2"


def test_a_401_fetches_a_new_token_once(server: FaultServer, sleeps: RecordedSleep) -> None:
    client = topup_client(server.url, sleeps)
    server.on("POST", TOKEN_PATH, token("tok-1"), token("tok-2"), token("tok-3"))
    expired = Json({"errorCode": "TOKEN_EXPIRED", "message": "Token expired"}, status=401)
    server.on("POST", TOPUPS, expired, Json(topup_answer()))
    assert send(client).status is TopupStatus.SUCCESSFUL
    assert [r.headers["Authorization"] for r in server.received("POST", TOPUPS)] == [
        "Bearer tok-1",
        "Bearer tok-2",
    ]
    # Still refused with a brand-new token: a key problem, not retried forever.
    server.on("GET", BALANCE, expired)
    with pytest.raises(GatewayUnauthorized):
        client.account_balance()
    assert server.count("GET", BALANCE) == 2
    assert server.count("POST", TOKEN_PATH) == 3


def test_concurrent_calls_share_one_token(server: FaultServer, client: TopupClient) -> None:
    server.on("GET", BALANCE, Json({"balance": 1}))
    start = threading.Barrier(6)
    failures: list[BaseException] = []

    def worker() -> None:
        start.wait()
        try:
            client.account_balance()
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert failures == []
    assert server.count("POST", TOKEN_PATH) == 1
    assert server.count("GET", BALANCE) == 6


def test_token_endpoint_down_is_unavailable(server: FaultServer, client: TopupClient) -> None:
    server.on("POST", TOKEN_PATH, Reply(503))
    with pytest.raises(GatewayUnavailable):
        send(client)
    assert server.count("POST", TOPUPS) == 0


# -- network failures ---------------------------------------------------------------------


def test_refused_connection(sleeps: RecordedSleep) -> None:
    client = topup_client(closed_port_url(), sleeps)
    with pytest.raises(GatewayUnavailable) as caught:
        send(client)
    assert caught.value.params["reason"] == "refused"


def test_connect_timeout(server: FaultServer, sleeps: RecordedSleep) -> None:
    # The token comes from a working server; the API itself cannot be reached.
    server.on("POST", TOKEN_PATH, token())
    timeouts = TimeoutsConfig(connect_seconds=0.1, read_seconds=0.5, deadline_seconds=2.0)
    with FullBacklog() as backlog:
        client = TopupClient(
            f"{backlog.url}/topups-api",
            f"{server.url}{TOKEN_PATH}",
            CLIENT_ID,
            SECRET,
            "aud",
            timeouts,
            sleep=sleeps,
        )
        with pytest.raises(GatewayUnavailable) as caught:
            send(client)
    assert caught.value.params["reason"] == "connect_timeout"
    assert not isinstance(caught.value, OutcomeUnknown)


def test_read_timeout_after_the_topup_is_unknown_and_sent_once(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("POST", TOPUPS, Stall())
    with pytest.raises(OutcomeUnknown) as caught:
        send(client)
    assert caught.value.reference == "REF-1"
    assert caught.value.params["cause"] == "read_timeout"
    assert server.count("POST", TOPUPS) == 1


def test_read_timeout_on_a_lookup_is_retried_then_unavailable(
    server: FaultServer, client: TopupClient, sleeps: RecordedSleep
) -> None:
    server.on("GET", REPORT, Stall())
    with pytest.raises(GatewayUnavailable):
        client.get_transaction(77)
    assert server.count("GET", REPORT) == 4
    assert len(sleeps.delays) == 3


def test_connection_closed_mid_body_of_a_topup(server: FaultServer, client: TopupClient) -> None:
    server.on("POST", TOPUPS, CloseMidBody(json.dumps(topup_answer()).encode(), sent=30))
    with pytest.raises(OutcomeUnknown):
        send(client)
    assert server.count("POST", TOPUPS) == 1


# -- server errors ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error_on_a_topup_is_unknown_and_not_retried(
    server: FaultServer, client: TopupClient, sleeps: RecordedSleep, status: int
) -> None:
    server.on("POST", TOPUPS, Reply(status))
    with pytest.raises(OutcomeUnknown) as caught:
        send(client)
    assert caught.value.params["status"] == status
    assert server.count("POST", TOPUPS) == 1
    assert sleeps.delays == []


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error_on_a_lookup_is_retried(
    server: FaultServer, client: TopupClient, sleeps: RecordedSleep, status: int
) -> None:
    server.on("GET", REPORT, Reply(status), Json(topup_answer()))
    assert client.get_transaction(77).transaction_id == "77"
    assert server.count("GET", REPORT) == 2
    assert len(sleeps.delays) == 1


def test_retry_after_is_honoured(
    server: FaultServer, client: TopupClient, sleeps: RecordedSleep
) -> None:
    server.on("GET", BALANCE, Reply(429, headers={"Retry-After": "1"}), Json({"balance": 3}))
    assert client.account_balance() == 3
    assert sleeps.delays == [1.0]


# -- provider answers ---------------------------------------------------------------------


def test_duplicate_custom_identifier_means_already_submitted(
    server: FaultServer, client: TopupClient
) -> None:
    duplicate = {"errorCode": "DUPLICATED_CUSTOM_IDENTIFIER", "message": "Duplicated"}
    server.on("POST", TOPUPS, Json(duplicate, status=409))
    with pytest.raises(TopupAlreadySubmitted) as caught:
        send(client)
    assert isinstance(caught.value, OutcomeUnknown)  # look it up; never a failure
    assert caught.value.code == "topup.duplicate"
    assert server.count("POST", TOPUPS) == 1


@pytest.mark.parametrize(
    ("error_code", "code"),
    [
        ("PROVIDER_REFUSED", "topup.refused"),
        ("INVALID_PHONE_NUMBER", "topup.invalid_line"),
        ("AMOUNT_OUT_OF_RANGE", "topup.amount_out_of_range"),
        ("SOMETHING_NEW", "gateway.rejected"),
    ],
)
def test_refusals_are_typed(
    server: FaultServer, client: TopupClient, error_code: str, code: str
) -> None:
    server.on("POST", TOPUPS, Json({"errorCode": error_code, "message": "No"}, status=400))
    with pytest.raises(GatewayRejected) as caught:
        send(client)
    assert caught.value.code == code
    assert caught.value.error_code == error_code
    assert isinstance(caught.value, TopupRejected) == (code != "gateway.rejected")


def test_truncated_json(server: FaultServer, client: TopupClient) -> None:
    cut = json.dumps(topup_answer()).encode()[:25]
    server.on("POST", TOPUPS, Reply(200, cut))
    server.on("GET", REPORT, Reply(200, cut))
    with pytest.raises(OutcomeUnknown):
        send(client)
    with pytest.raises(GatewayProtocolError) as caught:
        client.get_transaction(77)
    assert caught.value.params["detail"] == "invalid_json"
    assert server.count("POST", TOPUPS) == 1


def test_html_instead_of_json(server: FaultServer, client: TopupClient) -> None:
    server.on("POST", TOPUPS, Html(200))
    server.on("GET", BALANCE, Html(200))
    with pytest.raises(OutcomeUnknown) as unknown:
        send(client)
    with pytest.raises(GatewayProtocolError) as protocol:
        client.account_balance()
    assert unknown.value.params["detail"] == protocol.value.params["detail"] == "html"


def test_unknown_status_value(server: FaultServer, client: TopupClient) -> None:
    server.on("POST", TOPUPS, Json(topup_answer("ON_ITS_WAY")))
    server.on("GET", REPORT, Json(topup_answer("ON_ITS_WAY")))
    with pytest.raises(OutcomeUnknown):
        send(client)
    with pytest.raises(GatewayProtocolError) as caught:
        client.get_transaction(77)
    assert "ON_ITS_WAY" in caught.value.params["detail"]


@pytest.mark.parametrize("amount", [10.5, "10.5", True, None])
def test_amounts_must_be_whole_pesos(server: FaultServer, client: TopupClient, amount: Any) -> None:
    server.on("GET", BALANCE, Json({"balance": amount, "currencyCode": "COP"}))
    with pytest.raises(GatewayProtocolError):
        client.account_balance()


def test_whole_amounts_written_as_decimals_are_accepted(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("GET", BALANCE, Json({"balance": 125000.0, "currencyCode": "COP"}))
    assert client.account_balance() == 125_000


def test_unknown_transaction_is_not_found(server: FaultServer, client: TopupClient) -> None:
    server.on("GET", REPORT, Json({"errorCode": "NOT_FOUND", "message": "No"}, status=404))
    with pytest.raises(GatewayNotFound):
        client.get_transaction(77)


# -- slow drip ----------------------------------------------------------------------------


def test_slow_drip_on_a_topup_ends_at_the_deadline(
    server: FaultServer, sleeps: RecordedSleep
) -> None:
    timeouts = TimeoutsConfig(connect_seconds=0.3, read_seconds=0.4, deadline_seconds=1.0)
    client = topup_client(server.url, sleeps, timeouts)
    server.on("POST", TOKEN_PATH, token())
    server.on("POST", TOPUPS, Drip(json.dumps(topup_answer()).encode(), interval=0.05))
    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        send(client)
    elapsed = time.monotonic() - started
    assert caught.value.params["cause"] == "deadline"
    assert elapsed < timeouts.deadline_seconds + 0.5
    assert server.count("POST", TOPUPS) == 1
