"""The Reloadly-compatible top-up API: OAuth, catalogue, top-ups delivered once, reports."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from kiosk.sandbox import SandboxServer
from tests.sandbox.helpers import (
    TIMEOUT,
    bearer,
    line_state,
    sms_to,
    topup_token,
)
from tests.support.clocks import FakeClock

CLARO, CLARO_PACKS, MOVISTAR = "Claro Colombia", "Claro Colombia Paquetes", "Movistar Colombia"


@pytest.fixture
def token(sandbox: SandboxServer) -> str:
    return topup_token(sandbox)


def api_get(
    sandbox: SandboxServer, token: str | None, path: str, **params: str
) -> requests.Response:
    return requests.get(
        f"{sandbox.topups_base_url}{path}", params=params, headers=bearer(token), timeout=TIMEOUT
    )


def catalogue(sandbox: SandboxServer, token: str) -> dict[str, dict[str, Any]]:
    answer = api_get(sandbox, token, "/operators", countryCode="CO", includeBundles="true")
    assert answer.status_code == 200
    return {op["name"]: op for op in answer.json()["content"]}


def topup(
    sandbox: SandboxServer,
    token: str,
    operator_id: int,
    amount: int,
    number: str,
    custom: str,
    sender: str | None = None,
    timeout: Any = TIMEOUT,
) -> requests.Response:
    body: dict[str, Any] = {
        "operatorId": operator_id,
        "amount": amount,
        "useLocalAmount": True,
        "customIdentifier": custom,
        "recipientPhone": {"countryCode": "CO", "number": number},
    }
    if sender:
        body["senderPhone"] = {"countryCode": "CO", "number": sender}
    return requests.post(
        f"{sandbox.topups_base_url}/topups", json=body, headers=bearer(token), timeout=timeout
    )


def account_balance(sandbox: SandboxServer, token: str) -> int:
    answer = api_get(sandbox, token, "/accounts/balance")
    assert answer.status_code == 200
    assert answer.json()["currencyCode"] == "COP"
    return int(answer.json()["balance"])


def assert_error(answer: requests.Response, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text
    payload = answer.json()
    assert payload["errorCode"] == code
    assert payload["message"]


# ----- OAuth ----------------------------------------------------------------------------------


def test_the_token_endpoint_gives_a_bearer_token(sandbox: SandboxServer) -> None:
    answer = requests.post(
        sandbox.topups_auth_url,
        json={
            "client_id": "kiosk-sandbox",
            "client_secret": "kiosk-sandbox-secret",
            "grant_type": "client_credentials",
            "audience": sandbox.topups_audience,
        },
        timeout=TIMEOUT,
    )

    assert answer.status_code == 200
    payload = answer.json()
    assert payload["token_type"] == "Bearer"
    assert payload["expires_in"] == int(sandbox.timing.token_ttl_seconds)
    assert payload["access_token"] and "send-topups" in payload["scope"]
    assert sandbox.topups_audience == f"{sandbox.root_url}/topups-api"


@pytest.mark.parametrize(
    "audience",
    ["{root}/topups-api/", "{root}", "https://topups.reloadly.com", "{root}/topups-api/x", None],
)
def test_only_the_exact_audience_is_accepted(sandbox: SandboxServer, audience: str | None) -> None:
    answer = requests.post(
        sandbox.topups_auth_url,
        json={
            "client_id": "kiosk-sandbox",
            "client_secret": "kiosk-sandbox-secret",
            "grant_type": "client_credentials",
            "audience": audience.format(root=sandbox.root_url) if audience else None,
        },
        timeout=TIMEOUT,
    )

    assert_error(answer, 403, "INVALID_AUDIENCE")


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"client_secret": "wrong"}, 401, "INVALID_CREDENTIALS"),
        ({"client_id": "someone"}, 401, "INVALID_CREDENTIALS"),
        ({"grant_type": "password"}, 400, "UNSUPPORTED_GRANT_TYPE"),
    ],
)
def test_bad_credentials_get_no_token(
    sandbox: SandboxServer, change: dict[str, str], status: int, code: str
) -> None:
    body = {
        "client_id": "kiosk-sandbox",
        "client_secret": "kiosk-sandbox-secret",
        "grant_type": "client_credentials",
        "audience": sandbox.topups_audience,
        **change,
    }

    assert_error(requests.post(sandbox.topups_auth_url, json=body, timeout=TIMEOUT), status, code)


def test_calls_need_a_valid_unexpired_token(
    sandbox: SandboxServer, fake_clock: FakeClock, token: str
) -> None:
    assert_error(api_get(sandbox, None, "/accounts/balance"), 401, "INVALID_TOKEN")
    assert_error(api_get(sandbox, "made-up", "/accounts/balance"), 401, "INVALID_TOKEN")
    assert api_get(sandbox, token, "/accounts/balance").status_code == 200

    fake_clock.advance(sandbox.timing.token_ttl_seconds)

    assert_error(api_get(sandbox, token, "/accounts/balance"), 401, "TOKEN_EXPIRED")
    assert api_get(sandbox, topup_token(sandbox), "/accounts/balance").status_code == 200


# ----- catalogue ------------------------------------------------------------------------------


def test_the_catalogue_has_claro_top_ups_and_sample_priced_gift_packs(
    sandbox: SandboxServer, token: str
) -> None:
    operators = catalogue(sandbox, token)

    claro = operators[CLARO]
    assert (claro["denominationType"], claro["bundle"]) == ("RANGE", False)
    assert (claro["localMinAmount"], claro["localMaxAmount"]) == (1_000, 100_000)
    assert (claro["minAmount"], claro["maxAmount"]) == (1_000, 100_000)
    assert claro["country"]["isoName"] == "CO"
    assert claro["destinationCurrencyCode"] == "COP"

    packs = operators[CLARO_PACKS]
    assert (packs["denominationType"], packs["bundle"], packs["samplePrices"]) == (
        "FIXED",
        True,
        True,
    )
    amounts = [pack["amount"] for pack in packs["packs"]]
    assert packs["fixedAmounts"] == amounts == packs["localFixedAmounts"]
    assert set(packs["fixedAmountsDescriptions"]) == {f"{a}.00" for a in amounts}
    for pack in packs["packs"]:
        description = packs["fixedAmountsDescriptions"][f"{pack['amount']}.00"]
        assert pack["name"] in description and "(precio de muestra)" in description
        assert str(pack["validityDays"]) in pack["name"]  # "... 7 días"
        assert {"dataMb", "minutes", "apps", "validityDays"} <= set(pack)
    assert any(pack["name"].startswith("Todo Incluido") for pack in packs["packs"])


def test_bundles_can_be_left_out_and_operators_read_one_by_one(
    sandbox: SandboxServer, token: str
) -> None:
    operators = catalogue(sandbox, token)
    without = api_get(sandbox, token, "/operators", countryCode="CO", includeBundles="false")
    by_country = api_get(sandbox, token, "/operators/countries/CO")

    assert CLARO_PACKS not in {op["name"] for op in without.json()["content"]}
    assert {op["name"] for op in by_country.json()} == set(operators)
    for op in operators.values():
        assert api_get(sandbox, token, f"/operators/{op['id']}").json() == op
    assert_error(api_get(sandbox, token, "/operators/424242"), 404, "OPERATOR_NOT_FOUND")


@pytest.mark.parametrize(
    ("number", "operator"),
    [("3001234567", CLARO), ("+57 300 000 0003", MOVISTAR), ("573000000003", MOVISTAR)],
)
def test_auto_detect_names_the_operator_of_today(
    sandbox: SandboxServer, token: str, number: str, operator: str
) -> None:
    answer = api_get(sandbox, token, f"/operators/auto-detect/phone/{number}/countries/CO")

    assert answer.status_code == 200
    assert (answer.json()["name"], answer.json()["bundle"]) == (operator, False)


@pytest.mark.parametrize("number", ["12345", "6011234567", "30012345678"])
def test_auto_detect_refuses_what_is_not_a_colombian_mobile(
    sandbox: SandboxServer, token: str, number: str
) -> None:
    answer = api_get(sandbox, token, f"/operators/auto-detect/phone/{number}/countries/CO")

    assert_error(answer, 400, "INVALID_PHONE_NUMBER")


# ----- top-ups --------------------------------------------------------------------------------


def test_a_top_up_is_delivered_and_paid_from_the_account(
    sandbox: SandboxServer, token: str
) -> None:
    claro = catalogue(sandbox, token)[CLARO]
    before_line = line_state(sandbox, "3001112233")["balance"]
    before_account = account_balance(sandbox, token)

    answer = topup(sandbox, token, claro["id"], 10_000, "3001112233", "SALE-1")

    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["status"] == "SUCCESSFUL"
    assert result["customIdentifier"] == "SALE-1"
    assert (result["requestedAmount"], result["deliveredAmount"]) == (10_000, 10_000)
    assert result["requestedAmountCurrencyCode"] == result["deliveredAmountCurrencyCode"] == "COP"
    assert (result["operatorId"], result["operatorName"]) == (claro["id"], CLARO)
    assert result["recipientPhone"].endswith("3001112233")
    assert result["transactionId"] and result["operatorTransactionId"] and result["transactionDate"]
    assert account_balance(sandbox, token) == before_account - 10_000
    assert line_state(sandbox, "3001112233")["balance"] == before_line + 10_000
    assert any("recarga" in sms["text"] for sms in sms_to(sandbox, "3001112233"))


def test_a_repeated_custom_identifier_is_refused_and_delivered_once(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    before_line = line_state(sandbox, "3002223344")["balance"]
    before_account = account_balance(sandbox, token)

    first = topup(sandbox, token, claro_id, 5_000, "3002223344", "SALE-2")
    again = topup(sandbox, token, claro_id, 5_000, "3002223344", "SALE-2")
    other_amount = topup(sandbox, token, claro_id, 7_000, "3002223344", "SALE-2")

    assert first.status_code == 200
    assert_error(again, 409, "DUPLICATED_CUSTOM_IDENTIFIER")
    assert_error(other_amount, 409, "DUPLICATED_CUSTOM_IDENTIFIER")
    reports = api_get(sandbox, token, "/topups/reports/transactions", customIdentifier="SALE-2")
    assert reports.json()["totalElements"] == 1
    assert account_balance(sandbox, token) == before_account - 5_000
    assert line_state(sandbox, "3002223344")["balance"] == before_line + 5_000


def test_simultaneous_top_ups_under_one_identifier_deliver_once(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    before_account = account_balance(sandbox, token)
    statuses: list[int] = []
    start = threading.Barrier(4)

    def send() -> None:
        start.wait()
        statuses.append(
            topup(sandbox, token, claro_id, 2_000, "3003334455", "SALE-RACE").status_code
        )

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 409, 409, 409]
    assert account_balance(sandbox, token) == before_account - 2_000


def test_the_refused_test_line_is_refused_and_nothing_is_charged(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    before_account = account_balance(sandbox, token)

    answer = topup(sandbox, token, claro_id, 5_000, "3000000001", "SALE-3")

    assert_error(answer, 400, "PROVIDER_REFUSED")
    assert account_balance(sandbox, token) == before_account
    assert (
        api_get(sandbox, token, "/topups/reports/transactions", customIdentifier="SALE-3").json()[
            "content"
        ]
        == []
    )


def test_the_ported_line_is_movistars(sandbox: SandboxServer, token: str) -> None:
    operators = catalogue(sandbox, token)

    as_claro = topup(sandbox, token, operators[CLARO]["id"], 5_000, "3000000003", "SALE-4")
    as_movistar = topup(sandbox, token, operators[MOVISTAR]["id"], 5_000, "3000000003", "SALE-5")

    assert_error(as_claro, 400, "OPERATOR_MISMATCH")
    assert as_movistar.status_code == 200
    assert as_movistar.json()["operatorName"] == MOVISTAR


@pytest.mark.parametrize("amount", [999, 100_001, 1_500.5, "5000"])
def test_an_amount_out_of_range_is_refused(sandbox: SandboxServer, token: str, amount: Any) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]

    assert_error(
        topup(sandbox, token, claro_id, amount, "3004445566", "SALE-6"), 400, "AMOUNT_OUT_OF_RANGE"
    )


@pytest.mark.parametrize("amount", [1_000, 100_000])
def test_the_range_limits_themselves_are_accepted(
    sandbox: SandboxServer, token: str, amount: int
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]

    assert (
        topup(sandbox, token, claro_id, amount, "3004445566", f"SALE-{amount}").status_code == 200
    )


def test_a_pack_amount_must_be_one_of_the_fixed_amounts(sandbox: SandboxServer, token: str) -> None:
    packs = catalogue(sandbox, token)[CLARO_PACKS]
    not_fixed = max(packs["fixedAmounts"]) + 1

    answer = topup(sandbox, token, packs["id"], not_fixed, "3004445566", "SALE-7")

    assert_error(answer, 400, "AMOUNT_OUT_OF_RANGE")


@pytest.mark.parametrize("number", ["300123456", "6011234567", ""])
def test_an_invalid_recipient_is_refused(sandbox: SandboxServer, token: str, number: str) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]

    assert_error(
        topup(sandbox, token, claro_id, 5_000, number, "SALE-8"), 400, "INVALID_PHONE_NUMBER"
    )


def test_a_gift_pack_is_activated_and_announced_by_sms(
    sandbox: SandboxServer, fake_clock: FakeClock, token: str
) -> None:
    packs = catalogue(sandbox, token)[CLARO_PACKS]
    pack = next(p for p in packs["packs"] if p["name"].startswith("Todo Incluido"))

    answer = topup(
        sandbox, token, packs["id"], pack["amount"], "3005556677", "GIFT-1", sender="3109876543"
    )

    assert answer.status_code == 200, answer.text
    [sms] = sms_to(sandbox, "3005556677")
    assert pack["name"] in sms["text"]
    assert "3109876543" in sms["text"].replace(" ", "")
    state = line_state(sandbox, "3005556677")
    [active] = state["packs"]
    assert active["name"] == pack["name"]
    expires = datetime.fromisoformat(active["expires_at"])
    assert expires == fake_clock() + timedelta(days=pack["validityDays"])


def test_a_gift_pack_without_sender_names_no_line(sandbox: SandboxServer, token: str) -> None:
    packs = catalogue(sandbox, token)[CLARO_PACKS]
    pack = packs["packs"][0]

    topup(sandbox, token, packs["id"], pack["amount"], "3006667788", "GIFT-2")

    [sms] = sms_to(sandbox, "3006667788")
    assert pack["name"] in sms["text"] and "línea" not in sms["text"]


def test_reports_find_a_top_up_by_id_and_by_custom_identifier(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    sent = topup(sandbox, token, claro_id, 3_000, "3007778899", "SALE-9").json()

    by_id = api_get(sandbox, token, f"/topups/reports/transactions/{sent['transactionId']}")
    by_custom = api_get(sandbox, token, "/topups/reports/transactions", customIdentifier="SALE-9")
    nobody = api_get(sandbox, token, "/topups/reports/transactions", customIdentifier="NOBODY")

    assert by_id.status_code == 200
    assert by_id.json()["transactionId"] == sent["transactionId"]
    assert by_id.json()["status"] == "SUCCESSFUL"
    page = by_custom.json()
    assert (
        page["totalElements"] == 1 and page["content"][0]["transactionId"] == sent["transactionId"]
    )
    assert (nobody.json()["totalElements"], nobody.json()["content"]) == (0, [])
    assert_error(
        api_get(sandbox, token, "/topups/reports/transactions/999999"), 404, "TRANSACTION_NOT_FOUND"
    )


def test_the_slow_line_is_delivered_though_the_answer_comes_late(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    before_account = account_balance(sandbox, token)

    with pytest.raises(requests.ReadTimeout):
        topup(sandbox, token, claro_id, 4_000, "3000000002", "SALE-10", timeout=(TIMEOUT, 0.3))
    reports = api_get(sandbox, token, "/topups/reports/transactions", customIdentifier="SALE-10")

    assert [t["status"] for t in reports.json()["content"]] == ["SUCCESSFUL"]
    assert account_balance(sandbox, token) == before_account - 4_000


def test_an_empty_account_refuses_top_ups(sandbox: SandboxServer, token: str) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    emptied = requests.put(
        f"{sandbox.root_url}/sandbox/account/balance", json={"balance": 500}, timeout=TIMEOUT
    )
    assert emptied.status_code == 200

    assert_error(
        topup(sandbox, token, claro_id, 1_000, "3008889900", "SALE-11"), 400, "INSUFFICIENT_BALANCE"
    )
    assert account_balance(sandbox, token) == 500
