"""The Reloadly-compatible top-up API: OAuth, catalogue, top-ups delivered once, reports."""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests

from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.sandbox.helpers import (
    TIMEOUT,
    bearer,
    line_state,
    sms_to,
    topup_token,
)
from tests.support.clocks import FakeClock

CLARO, CLARO_PACKS, MOVISTAR = "Claro Colombia", "Claro Colombia Paquetes", "Movistar Colombia"
#: Reloadly's documented error codes (GATEWAYS.md §2).
DOCUMENTED_CODES = {
    "INVALID_AMOUNT_FOR_OPERATOR",
    "INVALID_AMOUNT",
    "INVALID_RECIPIENT_PHONE",
    "INVALID_PHONE_NUMBER",
    "INSUFFICIENT_BALANCE",
    "PHONE_RECENTLY_RECHARGED",
    "TOPUP_TRANSACTION_FAILED",
    "OPERATOR_NOT_IN_SERVICE",
    "TOKEN_EXPIRED",
    "INVALID_TOKEN",
    "INVALID_CREDENTIALS",
}


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
    *,
    local: bool = True,
) -> requests.Response:
    body: dict[str, Any] = {
        "operatorId": operator_id,
        "amount": amount,
        "useLocalAmount": local,
        "customIdentifier": custom,
        "recipientPhone": {"countryCode": "CO", "number": number},
    }
    if sender:
        body["senderPhone"] = {"countryCode": "CO", "number": sender}
    return requests.post(
        f"{sandbox.topups_base_url}/topups", json=body, headers=bearer(token), timeout=timeout
    )


def account_balance(sandbox: SandboxServer, token: str, currency: str = "COP") -> Decimal:
    answer = api_get(sandbox, token, "/accounts/balance")
    assert answer.status_code == 200
    payload = answer.json()
    assert payload["currencyCode"] == currency
    assert {"balance", "currencyCode", "currencyName", "updatedAt"} <= set(payload)
    return Decimal(str(payload["balance"]))


def charged(amount: int | str) -> Decimal:
    """What a top-up costs the account: its amount less the provider's 3% discount."""
    return Decimal(amount) * Decimal("0.97")


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
    [("3101234567", CLARO), ("+57 300 000 0003", MOVISTAR), ("573000000003", MOVISTAR)],
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
    before_line = line_state(sandbox, "3101112233")["balance"]
    before_account = account_balance(sandbox, token)

    answer = topup(sandbox, token, claro["id"], 10_000, "3101112233", "SALE-1")

    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["status"] == "SUCCESSFUL"
    assert result["customIdentifier"] == "SALE-1"
    assert (result["requestedAmount"], result["deliveredAmount"]) == (10_000, 10_000)
    assert result["requestedAmountCurrencyCode"] == result["deliveredAmountCurrencyCode"] == "COP"
    assert (result["operatorId"], result["operatorName"]) == (claro["id"], CLARO)
    assert result["recipientPhone"].endswith("3101112233")
    assert result["transactionId"] and result["operatorTransactionId"] and result["transactionDate"]
    assert account_balance(sandbox, token) == before_account - charged(10_000)
    assert line_state(sandbox, "3101112233")["balance"] == before_line + 10_000
    assert any("recarga" in sms["text"] for sms in sms_to(sandbox, "3101112233"))


def test_a_repeated_custom_identifier_is_refused_and_delivered_once(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    before_line = line_state(sandbox, "3102223344")["balance"]
    before_account = account_balance(sandbox, token)

    first = topup(sandbox, token, claro_id, 5_000, "3102223344", "SALE-2")
    again = topup(sandbox, token, claro_id, 5_000, "3102223344", "SALE-2")
    other_amount = topup(sandbox, token, claro_id, 7_000, "3102223344", "SALE-2")

    assert first.status_code == 200
    # Reloadly does not document this answer: the sandbox's code is none of the documented ones.
    assert_error(again, 400, "REQUEST_NOT_PROCESSED")
    assert_error(other_amount, 400, "REQUEST_NOT_PROCESSED")
    assert again.json()["errorCode"] not in DOCUMENTED_CODES
    reports = api_get(sandbox, token, "/topups/reports/transactions", customIdentifier="SALE-2")
    assert reports.json()["totalElements"] == 1
    assert account_balance(sandbox, token) == before_account - charged(5_000)
    assert line_state(sandbox, "3102223344")["balance"] == before_line + 5_000


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
            topup(sandbox, token, claro_id, 2_000, "3103334455", "SALE-RACE").status_code
        )

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 400, 400, 400]
    assert account_balance(sandbox, token) == before_account - charged(2_000)


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

    assert_error(as_claro, 400, "INVALID_RECIPIENT_PHONE")
    assert as_movistar.status_code == 200
    assert as_movistar.json()["operatorName"] == MOVISTAR


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (999, "INVALID_AMOUNT_FOR_OPERATOR"),
        (100_001, "INVALID_AMOUNT_FOR_OPERATOR"),
        (1_500.5, "INVALID_AMOUNT_FOR_OPERATOR"),
        ("5000", "INVALID_AMOUNT"),
        (-5, "INVALID_AMOUNT"),
    ],
)
def test_an_amount_out_of_range_is_refused(
    sandbox: SandboxServer, token: str, amount: Any, code: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]

    assert_error(topup(sandbox, token, claro_id, amount, "3104445566", "SALE-6"), 400, code)


@pytest.mark.parametrize("amount", [1_000, 100_000])
def test_the_range_limits_themselves_are_accepted(
    sandbox: SandboxServer, token: str, amount: int
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]

    assert (
        topup(sandbox, token, claro_id, amount, "3104445566", f"SALE-{amount}").status_code == 200
    )


def test_a_pack_amount_must_be_one_of_the_fixed_amounts(sandbox: SandboxServer, token: str) -> None:
    packs = catalogue(sandbox, token)[CLARO_PACKS]
    not_fixed = max(packs["fixedAmounts"]) + 1

    answer = topup(sandbox, token, packs["id"], not_fixed, "3104445566", "SALE-7")

    assert_error(answer, 400, "INVALID_AMOUNT_FOR_OPERATOR")


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
        sandbox, token, packs["id"], pack["amount"], "3105556677", "GIFT-1", sender="3109876543"
    )

    assert answer.status_code == 200, answer.text
    [sms] = sms_to(sandbox, "3105556677")
    assert pack["name"] in sms["text"]
    assert "3109876543" in sms["text"].replace(" ", "")
    state = line_state(sandbox, "3105556677")
    [active] = state["packs"]
    assert active["name"] == pack["name"]
    expires = datetime.fromisoformat(active["expires_at"])
    assert expires == fake_clock() + timedelta(days=pack["validityDays"])


def test_a_gift_pack_without_sender_names_no_line(sandbox: SandboxServer, token: str) -> None:
    packs = catalogue(sandbox, token)[CLARO_PACKS]
    pack = packs["packs"][0]

    topup(sandbox, token, packs["id"], pack["amount"], "3106667788", "GIFT-2")

    [sms] = sms_to(sandbox, "3106667788")
    assert pack["name"] in sms["text"] and "línea" not in sms["text"]


def test_reports_find_a_top_up_by_id_and_by_custom_identifier(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    sent = topup(sandbox, token, claro_id, 3_000, "3107778899", "SALE-9").json()

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
    assert account_balance(sandbox, token) == before_account - charged(4_000)


def test_an_empty_account_refuses_top_ups(sandbox: SandboxServer, token: str) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    emptied = requests.put(
        f"{sandbox.root_url}/sandbox/account/balance", json={"balance": 500}, timeout=TIMEOUT
    )
    assert emptied.status_code == 200

    assert_error(
        topup(sandbox, token, claro_id, 1_000, "3108889900", "SALE-11"), 400, "INSUFFICIENT_BALANCE"
    )
    assert account_balance(sandbox, token) == 500


# ----- every Colombian operator, the look-alike, prefixes -------------------------------------


def country_catalogue(sandbox: SandboxServer, token: str) -> list[dict[str, Any]]:
    answer = api_get(
        sandbox, token, "/operators/countries/CO", includeBundles="true", includeData="true"
    )
    assert answer.status_code == 200
    assert isinstance(answer.json(), list)  # a plain list, not a page
    return list(answer.json())


def test_the_country_catalogue_lists_every_colombian_operator_with_its_packs(
    sandbox: SandboxServer, token: str
) -> None:
    listed = country_catalogue(sandbox, token)
    colombian = [op for op in listed if op["country"]["isoName"] == "CO"]

    for brand in ("Claro", "Movistar", "Tigo", "WOM"):
        mine = [op for op in colombian if op["name"].startswith(brand + " ")]
        topups = [op for op in mine if not op["bundle"]]
        bundles = [op for op in mine if op["bundle"]]
        assert len(topups) == 1 and len(bundles) == 1, brand
        assert topups[0]["denominationType"] == "RANGE"
        bundle = bundles[0]
        assert bundle["denominationType"] == "FIXED" and bundle["samplePrices"] is True
        assert bundle["packs"] and all(p["samplePrice"] is True for p in bundle["packs"])
        assert all("(precio de muestra)" in d for d in bundle["fixedAmountsDescriptions"].values())
    pack_names = {op["name"]: {p["name"] for p in op["packs"]} for op in colombian if op["bundle"]}
    assert len({frozenset(names) for names in pack_names.values()}) == 4  # each its own packs
    for op in listed:
        assert {
            "denominationType",
            "senderCurrencyCode",
            "destinationCurrencyCode",
            "minAmount",
            "maxAmount",
            "fixedAmounts",
            "supportsLocalAmounts",
            "localMinAmount",
            "localMaxAmount",
            "localFixedAmounts",
            "fx",
            "fixedAmountsDescriptions",
            "bundle",
            "data",
            "country",
        } <= set(op)
        assert {"rate", "currencyCode"} <= set(op["fx"])
        assert {"isoName", "name"} <= set(op["country"])


def test_a_foreign_look_alike_is_listed_first_under_colombia(
    sandbox: SandboxServer, token: str
) -> None:
    listed = country_catalogue(sandbox, token)

    first_claro = next(op for op in listed if op["name"].startswith("Claro"))
    assert first_claro["name"] == "Claro Guatemala"
    assert first_claro["country"] == {"isoName": "GT", "name": "Guatemala"}
    # The provider refuses a Colombian line sent to it.
    answer = topup(sandbox, token, first_claro["id"], 50, "3101234567", "GT-1")
    assert_error(answer, 400, "INVALID_RECIPIENT_PHONE")


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("3101234567", "Claro"),
        ("3149999999", "Claro"),
        ("3201234567", "Claro"),
        ("3241234567", "Claro"),
        ("3151111111", "Movistar"),
        ("3191234567", "Movistar"),
        ("3001234567", "Tigo"),
        ("3051234567", "Tigo"),
        ("3501234567", "WOM"),
        ("3511234567", "WOM"),
        ("3331234567", "Claro"),  # any other prefix
        ("3061234567", "Claro"),
        ("3151234567", "Claro"),  # ported from Movistar
        ("3129876543", "Tigo"),  # ported from Claro
        ("3000000003", "Movistar"),  # the ported test line
        ("3000000001", "Claro"),
        ("3000000004", "Claro"),
    ],
)
def test_detection_follows_prefixes_and_ported_lines(
    sandbox: SandboxServer, token: str, number: str, brand: str
) -> None:
    answer = api_get(sandbox, token, f"/operators/auto-detect/phone/{number}/countries/CO")

    assert answer.json()["name"] == f"{brand} Colombia"
    assert answer.json()["country"]["isoName"] == "CO"


def test_a_line_is_topped_up_only_through_its_operator_of_today(
    sandbox: SandboxServer, token: str
) -> None:
    by_name = {op["name"]: op["id"] for op in country_catalogue(sandbox, token)}

    as_movistar = topup(sandbox, token, by_name["Movistar Colombia"], 5_000, "3151234567", "P-1")
    as_claro = topup(sandbox, token, by_name["Claro Colombia"], 5_000, "3151234567", "P-2")
    tigo = topup(sandbox, token, by_name["Tigo Colombia"], 5_000, "3129876543", "P-3", local=False)

    assert_error(as_movistar, 400, "INVALID_RECIPIENT_PHONE")
    assert as_claro.status_code == 200 and as_claro.json()["operatorName"] == "Claro Colombia"
    assert tigo.status_code == 200 and tigo.json()["operatorName"] == "Tigo Colombia"


# ----- answers: decimals, discount, the 2-minute rule ---------------------------------------


def test_an_answer_carries_decimal_amounts_and_the_discount(
    sandbox: SandboxServer, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]

    result = topup(sandbox, token, claro_id, 1_995, "3101110000", "DEC-1").json()

    assert result["discount"] == pytest.approx(59.85)  # 3% of 1.995, a decimal
    assert "59.85" in json.dumps(result["discount"])
    assert (result["requestedAmount"], result["requestedAmountCurrencyCode"]) == (1_995, "COP")
    assert (result["deliveredAmount"], result["deliveredAmountCurrencyCode"]) == (1_995, "COP")
    assert result["balanceInfo"]["cost"] == pytest.approx(1_935.15)


def test_a_second_top_up_to_a_number_within_the_window_is_refused(
    sandbox: SandboxServer, fake_clock: FakeClock, token: str
) -> None:
    operators = catalogue(sandbox, token)
    window = sandbox.timing.recently_recharged_seconds
    assert window == 120.0  # 2 minutes by default

    first = topup(sandbox, token, operators[CLARO]["id"], 5_000, "3102220000", "R-1")
    fake_clock.advance(window - 1)
    pack = operators[CLARO_PACKS]["fixedAmounts"][0]
    again = topup(sandbox, token, operators[CLARO_PACKS]["id"], pack, "3102220000", "R-2")
    other_line = topup(sandbox, token, operators[CLARO]["id"], 5_000, "3102220001", "R-3")
    fake_clock.advance(1)
    later = topup(sandbox, token, operators[CLARO]["id"], 5_000, "3102220000", "R-4")

    assert first.status_code == 200
    assert_error(again, 400, "PHONE_RECENTLY_RECHARGED")
    assert other_line.status_code == 200
    assert later.status_code == 200, later.text


def test_the_recent_recharge_window_is_a_setting() -> None:
    timing = SandboxTiming(recently_recharged_seconds=0.0)
    with SandboxServer(timing=timing) as sandbox:
        token = topup_token(sandbox)
        claro_id = catalogue(sandbox, token)[CLARO]["id"]
        answers = [topup(sandbox, token, claro_id, 5_000, "3102223333", f"W-{n}") for n in range(2)]
    assert [a.status_code for a in answers] == [200, 200]


# ----- test lines: PROCESSING, FAILED, REFUNDED -----------------------------------------------


def report_status(sandbox: SandboxServer, token: str, custom: str) -> str:
    page = api_get(sandbox, token, "/topups/reports/transactions", customIdentifier=custom).json()
    [item] = page["content"]
    return str(item["status"])


def test_the_processing_line_succeeds_after_its_delay(
    sandbox: SandboxServer, fake_clock: FakeClock, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    delay = sandbox.timing.processing_success_seconds
    assert delay == 20.0

    answer = topup(sandbox, token, claro_id, 5_000, "3000000004", "PR-1")
    fake_clock.advance(delay - 1)
    still = report_status(sandbox, token, "PR-1")
    fake_clock.advance(1)

    assert answer.json()["status"] == "PROCESSING"
    assert still == "PROCESSING"
    assert report_status(sandbox, token, "PR-1") == "SUCCESSFUL"
    assert any("recarga" in sms["text"] for sms in sms_to(sandbox, "3000000004"))


def test_the_failed_line_fails_and_costs_nothing(sandbox: SandboxServer, token: str) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    before = account_balance(sandbox, token)

    answer = topup(sandbox, token, claro_id, 5_000, "3000000005", "F-1")

    assert answer.status_code == 200 and answer.json()["status"] == "FAILED"
    assert report_status(sandbox, token, "F-1") == "FAILED"
    assert account_balance(sandbox, token) == before
    assert sms_to(sandbox, "3000000005") == []


def test_the_refunded_line_processes_then_is_refunded(
    sandbox: SandboxServer, fake_clock: FakeClock, token: str
) -> None:
    claro_id = catalogue(sandbox, token)[CLARO]["id"]
    delay = sandbox.timing.processing_refund_seconds
    assert delay == 10.0
    before = account_balance(sandbox, token)

    answer = topup(sandbox, token, claro_id, 5_000, "3000000006", "RF-1")
    charged_meanwhile = account_balance(sandbox, token)
    fake_clock.advance(delay)

    assert answer.json()["status"] == "PROCESSING"
    assert charged_meanwhile == before - charged(5_000)
    assert report_status(sandbox, token, "RF-1") == "REFUNDED"
    assert account_balance(sandbox, token) == before
    assert sms_to(sandbox, "3000000006") == []


# ----- a USD account --------------------------------------------------------------------------


@pytest.fixture
def usd_sandbox(fake_clock: FakeClock) -> Iterator[SandboxServer]:
    with SandboxServer(clock=fake_clock, account_currency="USD", fx_rate=4100) as running:
        yield running


def test_a_usd_account_takes_usd_where_local_amounts_are_not_supported(
    usd_sandbox: SandboxServer,
) -> None:
    token = topup_token(usd_sandbox)
    by_name = {op["name"]: op for op in country_catalogue(usd_sandbox, token)}
    tigo, claro = by_name["Tigo Colombia"], by_name["Claro Colombia"]
    before = account_balance(usd_sandbox, token, "USD")

    assert (tigo["supportsLocalAmounts"], claro["supportsLocalAmounts"]) == (False, True)
    assert tigo["senderCurrencyCode"] == "USD" and tigo["destinationCurrencyCode"] == "COP"
    assert tigo["fx"] == {"rate": 4100, "currencyCode": "COP"}
    assert (tigo["minAmount"], tigo["maxAmount"]) == (0.25, 24.4)  # pesos / rate, cent up
    assert (tigo["localMinAmount"], tigo["localMaxAmount"]) == (1_000, 100_000)
    tigo_packs = by_name["Tigo Colombia Paquetes"]
    assert tigo_packs["localFixedAmounts"] == [p["amount"] for p in tigo_packs["packs"]]
    assert tigo_packs["fixedAmounts"][1] == 1.71  # 7.000 / 4.100, cent up

    local_refused = topup(usd_sandbox, token, tigo["id"], 10_000, "3001234567", "U-0")
    usd = requests.post(
        f"{usd_sandbox.topups_base_url}/topups",
        data=json.dumps(
            {
                "operatorId": tigo["id"],
                "amount": 2.44,
                "useLocalAmount": False,
                "customIdentifier": "U-1",
                "recipientPhone": {"countryCode": "CO", "number": "3001234567"},
            }
        ),
        headers={**bearer(token), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    ).json()
    local = topup(usd_sandbox, token, claro["id"], 10_000, "3101234567", "U-2").json()

    assert_error(local_refused, 400, "INVALID_AMOUNT")
    assert (usd["requestedAmount"], usd["requestedAmountCurrencyCode"]) == (2.44, "USD")
    assert (usd["deliveredAmount"], usd["deliveredAmountCurrencyCode"]) == (10_004, "COP")
    assert (usd["discount"], usd["discountCurrencyCode"]) == (0.0732, "USD")
    assert (local["requestedAmount"], local["requestedAmountCurrencyCode"]) == (10_000, "COP")
    assert local["deliveredAmount"] == 10_000
    spent = Decimal("2.44") - Decimal("0.0732") + Decimal("2.44") - Decimal("0.0732")
    assert account_balance(usd_sandbox, token, "USD") == before - spent


def test_the_account_currency_and_rate_are_flags() -> None:
    from kiosk.sandbox.cli import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["sandbox", "--account-currency", "USD", "--fx-rate", "4100"])
    assert (args.account_currency, args.fx_rate) == ("USD", "4100")
    defaults = parser.parse_args(["sandbox"])
    assert (defaults.account_currency, defaults.fx_rate) == ("COP", "4100")
    with pytest.raises(ValueError, match="COP o USD"):
        SandboxServer(account_currency="EUR")


# ----- error shapes ---------------------------------------------------------------------------


def test_errors_have_reloadlys_shape(sandbox: SandboxServer, token: str) -> None:
    answer = topup(sandbox, token, 424242, 5_000, "3101234567", "E-1")
    assert set(answer.json()) == {"timeStamp", "message", "path", "errorCode", "infos", "details"}
