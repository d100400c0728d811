"""Fault tests of the top-up client: typed errors, and a top-up reaches the provider once."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
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
from tests.gateways.samples import (
    CLIENT_ID,
    SECRET,
    TOKEN_PATH,
    operator_answer,
    token,
    topup_answer,
    topup_client,
)

TOPUPS = "/topups-api/topups"
BALANCE = "/topups-api/accounts/balance"
REPORT = "/topups-api/topups/reports/transactions/77"
REPORTS = "/topups-api/topups/reports/transactions"
OPERATOR = "/topups-api/operators/900"


class OffsetMonotonic:
    """Monotonic time that a test can move forward (token expiry)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


@pytest.fixture
def client(server: FaultServer, sleeps: RecordedSleep) -> Iterator[TopupClient]:
    server.on("POST", TOKEN_PATH, token())
    server.on("GET", OPERATOR, Json(operator_answer()))
    server.on("GET", REPORTS, Json({"content": [], "last": True}))
    made = topup_client(server.url, sleeps)
    yield made
    made.close()


def send(client: TopupClient) -> Any:
    return client.topup("REF-1", 900, 5_000, "3001234567")


# -- OAuth token --------------------------------------------------------------------------


def test_token_is_requested_once_and_reused(server: FaultServer, client: TopupClient) -> None:
    server.on("GET", BALANCE, Json({"balance": 250_000, "currencyCode": "COP"}))
    assert client.account_balance().amount == 250_000
    assert client.account_balance().amount == 250_000
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
    server.on("GET", OPERATOR, Json(operator_answer()))
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
    assert client.account_balance().amount == 3
    assert sleeps.delays == [1.0]


# -- provider answers ---------------------------------------------------------------------


def test_duplicate_custom_identifier_means_already_submitted(
    server: FaultServer, client: TopupClient
) -> None:
    duplicate = {"errorCode": "DUPLICATED_CUSTOM_IDENTIFIER", "message": "Duplicated"}
    server.on("POST", TOPUPS, Json(duplicate, status=409))
    server.on("GET", REPORTS, Json({"content": [topup_answer()], "last": True}))
    with pytest.raises(TopupAlreadySubmitted) as caught:
        send(client)
    assert isinstance(caught.value, OutcomeUnknown)  # look it up; never a failure
    assert caught.value.code == "topup.duplicate"
    assert server.count("POST", TOPUPS) == 1
    assert server.received("GET", REPORTS)[0].query["customIdentifier"] == ["REF-1"]


@pytest.mark.parametrize("status", [400, 409, 422])
def test_a_resend_answered_with_an_unknown_4xx_is_never_a_refusal(
    server: FaultServer, client: TopupClient, status: int
) -> None:
    """Reloadly does not document how it refuses a reused customIdentifier."""
    unknown = {"errorCode": "SOMETHING_UNDOCUMENTED", "message": "No se pudo procesar"}
    server.on("POST", TOPUPS, Reply(502), Json(unknown, status=status))
    with pytest.raises(OutcomeUnknown):
        send(client)  # the first attempt's answer is lost
    with pytest.raises(OutcomeUnknown) as caught:
        send(client)  # the second, under the same reference
    assert not isinstance(caught.value, GatewayRejected)
    assert server.count("GET", REPORTS) == 1  # looked up before anything was concluded


def test_an_unknown_4xx_with_a_top_up_found_under_the_reference_is_already_submitted(
    server: FaultServer, client: TopupClient
) -> None:
    unknown = {"errorCode": "REQUEST_NOT_PROCESSED", "message": "No"}
    server.on("POST", TOPUPS, Json(unknown, status=400))
    server.on("GET", REPORTS, Json({"content": [topup_answer("PROCESSING")], "last": True}))
    with pytest.raises(TopupAlreadySubmitted):
        send(client)


def test_a_refusal_whose_look_up_fails_is_an_unknown_outcome(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("POST", TOPUPS, Json({"errorCode": "INVALID_AMOUNT", "message": "No"}, status=400))
    server.on("GET", REPORTS, Reply(503))
    with pytest.raises(OutcomeUnknown) as caught:
        send(client)
    assert not isinstance(caught.value, TopupAlreadySubmitted)


@pytest.mark.parametrize(
    ("error_code", "code"),
    [
        ("INVALID_AMOUNT_FOR_OPERATOR", "topup.amount_out_of_range"),
        ("INVALID_AMOUNT", "topup.invalid_amount"),
        ("INVALID_RECIPIENT_PHONE", "topup.invalid_recipient"),
        ("INVALID_PHONE_NUMBER", "topup.invalid_line"),
        ("INSUFFICIENT_BALANCE", "topup.insufficient_balance"),
        ("PHONE_RECENTLY_RECHARGED", "topup.recently_recharged"),
        ("TOPUP_TRANSACTION_FAILED", "topup.transaction_failed"),
        ("OPERATOR_NOT_IN_SERVICE", "topup.operator_not_in_service"),
        ("PROVIDER_REFUSED", "topup.provider_refused"),
        ("SOMETHING_NEW", "topup.provider_refused"),
        ("", "topup.provider_refused"),
    ],
)
def test_refusals_are_typed(
    server: FaultServer, client: TopupClient, error_code: str, code: str
) -> None:
    server.on("POST", TOPUPS, Json({"errorCode": error_code, "message": "No"}, status=400))
    with pytest.raises(TopupRejected) as caught:
        send(client)
    assert caught.value.code == code
    assert caught.value.error_code == error_code
    assert caught.value.params["provider_message"] == "No"


def test_an_unknown_code_keeps_the_providers_text_for_the_clerk_without_the_line(
    server: FaultServer, client: TopupClient
) -> None:
    text = "Operator maintenance for 573001234567, try later"
    server.on("POST", TOPUPS, Json({"errorCode": "MAINTENANCE_X", "message": text}, status=400))
    with pytest.raises(TopupRejected) as caught:
        send(client)
    assert caught.value.code == "topup.provider_refused"
    assert caught.value.params["provider_message"] == (
        "Operator maintenance for ********4567, try later"
    )


@pytest.mark.parametrize("error_code", ["TOKEN_EXPIRED", "INVALID_TOKEN", "INVALID_CREDENTIALS"])
def test_credential_codes_with_a_400_are_unauthorized(
    server: FaultServer, client: TopupClient, error_code: str
) -> None:
    server.on("POST", TOPUPS, Json({"errorCode": error_code, "message": "No"}, status=400))
    with pytest.raises(GatewayUnauthorized):
        send(client)


def test_decimal_amounts_are_read_as_decimals(server: FaultServer, client: TopupClient) -> None:
    answer = topup_answer(
        requestedAmount=2.44,
        requestedAmountCurrencyCode="USD",
        deliveredAmount=10004.5,
        discount=4.9985,
        discountCurrencyCode="USD",
    )
    server.on("POST", TOPUPS, Json(answer))
    result = send(client)
    assert result.requested_amount == Decimal("2.44") and result.requested_currency == "USD"
    assert result.delivered_amount == Decimal("10004.5") and result.delivered_currency == "COP"
    assert result.delivered_amount_pesos == 10_004
    assert result.discount == Decimal("4.9985") and result.discount_currency == "USD"
    assert all(
        isinstance(value, Decimal)
        for value in (result.requested_amount, result.delivered_amount, result.discount)
    )


def test_processing_then_refunded_is_followed_to_the_end(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("POST", TOPUPS, Json(topup_answer("PROCESSING")))
    server.on(
        "GET",
        REPORT,
        Json(topup_answer("PROCESSING")),
        Json(topup_answer("PROCESSING")),
        Json(topup_answer("REFUNDED")),
    )
    first = send(client)
    assert first.status is TopupStatus.PROCESSING and not first.status.is_final
    seen = [client.get_transaction(77).status for _ in range(3)]
    assert seen == [TopupStatus.PROCESSING, TopupStatus.PROCESSING, TopupStatus.REFUNDED]
    assert seen[-1].is_final and not seen[-1].delivered


def test_a_usd_account_balance_is_read_in_its_currency(
    server: FaultServer, client: TopupClient
) -> None:
    payload = {
        "balance": 1499.2536,
        "currencyCode": "USD",
        "currencyName": "US Dollar",
        "updatedAt": "2024-05-01 10:00:00",
    }
    server.on("GET", BALANCE, Json(payload))
    balance = client.account_balance()
    assert (balance.amount, balance.currency) == (Decimal("1499.2536"), "USD")
    assert balance.currency_name == "US Dollar"


def test_a_usd_account_gets_the_converted_amount_for_a_non_local_operator(
    server: FaultServer, client: TopupClient
) -> None:
    tigo = operator_answer(
        name="Tigo Colombia",
        supportsLocalAmounts=False,
        senderCurrencyCode="USD",
        minAmount=0.25,
        maxAmount=24.4,
        fx={"rate": 4100, "currencyCode": "COP"},
    )
    server.on("GET", OPERATOR, Json(tigo))
    server.on("POST", TOPUPS, Json(topup_answer(deliveredAmount=10004)))
    send_pesos = client.topup("REF-1", 900, 10_000, "3001234567")
    (request,) = server.received("POST", TOPUPS)
    assert request.json()["amount"] == 2.44 and request.json()["useLocalAmount"] is False
    assert b'"amount": 2.44' in request.body
    assert send_pesos.delivered_amount_pesos == 10_004


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


@pytest.mark.parametrize("amount", ["ten", True, None, [1]])
def test_a_balance_must_be_a_number(server: FaultServer, client: TopupClient, amount: Any) -> None:
    server.on("GET", BALANCE, Json({"balance": amount, "currencyCode": "COP"}))
    with pytest.raises(GatewayProtocolError):
        client.account_balance()


def test_whole_amounts_written_as_decimals_are_accepted(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("GET", BALANCE, Json({"balance": 125000.0, "currencyCode": "COP"}))
    assert client.account_balance().amount == 125_000


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
    server.on("GET", OPERATOR, Json(operator_answer()))
    server.on("POST", TOPUPS, Drip(json.dumps(topup_answer()).encode(), interval=0.05))
    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        send(client)
    elapsed = time.monotonic() - started
    assert caught.value.params["cause"] == "deadline"
    assert elapsed < timeouts.deadline_seconds + 0.5
    assert server.count("POST", TOPUPS) == 1


def test_a_spaced_line_in_the_providers_text_is_masked_and_never_kept_raw(
    server: FaultServer, client: TopupClient
) -> None:
    text = "Number +57 300 123 4567 is not allowed"
    server.on("POST", TOPUPS, Json({"errorCode": "MAINTENANCE_X", "message": text}, status=400))
    with pytest.raises(TopupRejected) as caught:
        send(client)
    said = caught.value.params["provider_message"]
    assert said.endswith("4567 is not allowed") and "300 123" not in said
    # Nothing of the raw answer rides along in the exception (its repr reaches logs).
    assert "300 123" not in repr(caught.value) and "3001234567" not in repr(caught.value)
