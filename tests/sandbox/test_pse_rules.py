"""The PSE create rules the sandbox enforces, each refused with Wompi's error shape."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import requests

from kiosk.sandbox import SandboxServer
from tests.sandbox.helpers import (
    INTEGRITY,
    PRIVATE,
    PUBLIC,
    TIMEOUT,
    bearer,
    create,
    digest,
    find,
    get_tx,
    pse_body,
)
from tests.support.clocks import FakeClock


def assert_refused(answer: requests.Response, field: str, *, only: bool = False) -> None:
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["type"] == "INPUT_VALIDATION_ERROR"
    messages = error["messages"]
    assert field in messages, messages
    assert messages[field] and all(isinstance(t, str) and t for t in messages[field])
    if only:
        assert set(messages) == {field}, messages


# ----- the integrity signature ----------------------------------------------------------------


def test_known_answer_signature_is_accepted(sandbox: SandboxServer) -> None:
    # The documented formula, by hand: sha256(reference + amount_in_cents + currency + secret).
    signature = hashlib.sha256(
        ("REF1" + "2500000" + "COP" + "test_integrity_kiosk").encode()
    ).hexdigest()
    body = pse_body(sandbox, reference="REF1", amount_in_cents=2_500_000)
    body["signature"] = signature  # a plain string, as Wompi's API reference shows

    answer = create(sandbox, body)

    assert answer.status_code == 201, answer.text
    data = answer.json()["data"]
    assert (data["reference"], data["amount_in_cents"], data["status"]) == (
        "REF1",
        2_500_000,
        "PENDING",
    )


def test_known_answer_signature_with_expiration_time(sandbox: SandboxServer) -> None:
    expiration = "2025-03-01T15:10:00.000Z"  # ten minutes after the test clock's start
    signature = hashlib.sha256(
        ("REF2" + "2500000" + "COP" + expiration + "test_integrity_kiosk").encode()
    ).hexdigest()
    body = pse_body(sandbox, reference="REF2")
    body.update(expiration_time=expiration, signature=signature)

    assert create(sandbox, body).status_code == 201


def test_signature_without_the_expiration_time_is_refused(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="REF3")
    body["expiration_time"] = "2025-03-01T15:10:00.000Z"  # signed as if there were none

    assert_refused(create(sandbox, body), "signature", only=True)


def test_a_wrong_signature_is_refused(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="REF4")
    body["signature"] = digest("REF4", 2_500_000, "COP", "another_secret")

    assert_refused(create(sandbox, body), "signature", only=True)


def test_an_uppercase_signature_is_refused(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="REF5")
    body["signature"] = body["signature"].upper()

    assert_refused(create(sandbox, body), "signature", only=True)


def test_the_widgets_object_form_of_the_signature_is_refused(sandbox: SandboxServer) -> None:
    # {"integrity": digest} is how Wompi's JavaScript widget takes it, not the API: refused
    # even when the digest inside is right.
    body = pse_body(sandbox, reference="REF7")
    body["signature"] = {"integrity": body["signature"]}

    answer = create(sandbox, body)

    assert_refused(answer, "signature", only=True)
    assert find(sandbox, "REF7").json()["data"] == []


def test_a_signature_over_another_amount_is_refused(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="REF6", amount_in_cents=2_500_000)
    body["amount_in_cents"] = 3_000_000

    assert_refused(create(sandbox, body), "signature", only=True)


# ----- acceptance tokens ----------------------------------------------------------------------


def test_merchant_gives_fresh_tokens_with_permalinks(sandbox: SandboxServer) -> None:
    first = requests.get(f"{sandbox.pse_base_url}/merchants/{PUBLIC}", timeout=TIMEOUT).json()
    second = requests.get(f"{sandbox.pse_base_url}/merchants/{PUBLIC}", timeout=TIMEOUT).json()

    for name, kind in (
        ("presigned_acceptance", "END_USER_POLICY"),
        ("presigned_personal_data_auth", "PERSONAL_DATA_AUTH"),
    ):
        block = first["data"][name]
        assert block["type"] == kind
        assert block["acceptance_token"] != second["data"][name]["acceptance_token"]
        page = requests.get(block["permalink"], timeout=TIMEOUT)
        assert page.status_code == 200
        assert page.headers["Content-Type"].startswith("text/html")


def test_unknown_merchant_is_not_found(sandbox: SandboxServer) -> None:
    answer = requests.get(f"{sandbox.pse_base_url}/merchants/pub_test_other", timeout=TIMEOUT)

    assert answer.status_code == 404
    assert answer.json()["error"]["type"] == "NOT_FOUND_ERROR"


def test_a_reused_acceptance_token_is_refused(sandbox: SandboxServer) -> None:
    first = pse_body(sandbox, reference="TOK-1")
    assert create(sandbox, first).status_code == 201
    second = pse_body(sandbox, reference="TOK-2")
    second["acceptance_token"] = first["acceptance_token"]

    assert_refused(create(sandbox, second), "acceptance_token", only=True)


def test_a_reused_personal_data_token_is_refused(sandbox: SandboxServer) -> None:
    first = pse_body(sandbox, reference="TOK-3")
    assert create(sandbox, first).status_code == 201
    second = pse_body(sandbox, reference="TOK-4")
    second["accept_personal_auth"] = first["accept_personal_auth"]

    assert_refused(create(sandbox, second), "accept_personal_auth", only=True)


def test_tokens_are_spent_even_by_a_refused_create(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="TOK-5")
    good_signature = body["signature"]
    body["signature"] = "0" * 64
    assert_refused(create(sandbox, body), "signature", only=True)

    body["signature"] = good_signature
    answer = create(sandbox, body)

    assert_refused(answer, "acceptance_token")
    assert "accept_personal_auth" in answer.json()["error"]["messages"]


def test_tokens_of_the_wrong_kind_are_refused(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="TOK-6")
    body["acceptance_token"], body["accept_personal_auth"] = (
        body["accept_personal_auth"],
        body["acceptance_token"],
    )

    answer = create(sandbox, body)

    assert_refused(answer, "acceptance_token")
    assert "accept_personal_auth" in answer.json()["error"]["messages"]


def test_a_create_refused_for_its_key_does_not_spend_the_tokens(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="TOK-7")
    assert create(sandbox, body, key="pub_test_wrong").status_code == 401

    assert create(sandbox, body).status_code == 201


# ----- references -----------------------------------------------------------------------------


def test_a_reference_is_refused_while_its_payment_is_pending(sandbox: SandboxServer) -> None:
    assert create(sandbox, pse_body(sandbox, reference="R-PEND", bank="4")).status_code == 201

    assert_refused(create(sandbox, pse_body(sandbox, reference="R-PEND")), "reference", only=True)


@pytest.mark.parametrize("bank", ["1", "2", "3"])
def test_a_reference_is_never_used_twice_through_the_api(
    sandbox: SandboxServer, fake_clock: FakeClock, bank: str
) -> None:
    # Wompi: "La referencia ya ha sido usada", also after a decline or an error (only the
    # hosted checkout lets a payer try again under one reference: see test_checkout.py).
    assert create(sandbox, pse_body(sandbox, reference="R-AGAIN", bank=bank)).status_code == 201
    fake_clock.advance(sandbox.timing.pse_settle_seconds)

    again = create(sandbox, pse_body(sandbox, reference="R-AGAIN"))

    assert_refused(again, "reference", only=True)
    assert "La referencia ya ha sido usada" in again.json()["error"]["messages"]["reference"]
    assert len(find(sandbox, "R-AGAIN").json()["data"]) == 1


# ----- amounts, banks, persons, descriptions --------------------------------------------------


def test_an_amount_under_the_minimum_is_refused(sandbox: SandboxServer) -> None:
    assert_refused(
        create(sandbox, pse_body(sandbox, reference="AMT-1", amount_in_cents=149_900)),
        "amount_in_cents",
        only=True,
    )


def test_the_minimum_amount_itself_is_accepted(sandbox: SandboxServer) -> None:
    assert (
        create(sandbox, pse_body(sandbox, reference="AMT-2", amount_in_cents=150_000)).status_code
        == 201
    )


@pytest.mark.parametrize("amount", [2_500_000.0, "2500000", True])
def test_an_amount_that_is_not_an_integer_is_refused(sandbox: SandboxServer, amount: Any) -> None:
    body = pse_body(sandbox, reference="AMT-3")
    body["amount_in_cents"] = amount

    assert_refused(create(sandbox, body), "amount_in_cents")


def test_another_currency_is_refused(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="CUR-1")
    body["currency"] = "USD"
    body["signature"] = digest("CUR-1", 2_500_000, "USD", INTEGRITY)

    assert_refused(create(sandbox, body), "currency", only=True)


@pytest.mark.parametrize("bank", ["99", "0", 1])
def test_an_unknown_bank_is_refused(sandbox: SandboxServer, bank: Any) -> None:
    body = pse_body(sandbox, reference="BANK-1", financial_institution_code=bank)

    assert_refused(create(sandbox, body), "payment_method.financial_institution_code", only=True)


@pytest.mark.parametrize("id_type", ["CC", "CE", "PP"])
def test_a_juridical_person_without_nit_is_refused(sandbox: SandboxServer, id_type: str) -> None:
    body = pse_body(sandbox, reference="JUR-1", user_type=1, user_legal_id_type=id_type)

    assert_refused(create(sandbox, body), "payment_method.user_legal_id_type", only=True)


def test_a_juridical_person_with_nit_is_accepted(sandbox: SandboxServer) -> None:
    body = pse_body(
        sandbox,
        reference="JUR-2",
        user_type=1,
        user_legal_id_type="NIT",
        user_legal_id="900123456-7",
    )

    assert create(sandbox, body).status_code == 201


@pytest.mark.parametrize("user_type", ["0", 2, None])
def test_a_bad_person_type_is_refused(sandbox: SandboxServer, user_type: Any) -> None:
    body = pse_body(sandbox, reference="UT-1", user_type=user_type)

    assert_refused(create(sandbox, body), "payment_method.user_type", only=True)


@pytest.mark.parametrize(
    "description",
    ["x" * 31, "Recarga | Claro", 'Recarga "Claro"'],
    ids=["31 chars", "pipe", "quote"],
)
def test_a_bad_payment_description_is_refused(sandbox: SandboxServer, description: str) -> None:
    body = pse_body(sandbox, reference="DESC-1", payment_description=description)

    assert_refused(create(sandbox, body), "payment_method.payment_description", only=True)


def test_a_description_of_exactly_30_characters_is_accepted(sandbox: SandboxServer) -> None:
    body = pse_body(sandbox, reference="DESC-2", payment_description="y" * 30)

    assert create(sandbox, body).status_code == 201


def _remove(body: dict[str, Any], path: str) -> None:
    *parents, leaf = path.split(".")
    target = body
    for parent in parents:
        target = target[parent]
    del target[leaf]


@pytest.mark.parametrize(
    "field",
    [
        "acceptance_token",
        "accept_personal_auth",
        "amount_in_cents",
        "currency",
        "customer_email",
        "reference",
        "signature",
        "customer_data",
        "customer_data.full_name",
        "customer_data.phone_number",
        "payment_method",
        "payment_method.type",
        "payment_method.user_type",
        "payment_method.user_legal_id_type",
        "payment_method.user_legal_id",
        "payment_method.financial_institution_code",
        "payment_method.payment_description",
    ],
)
def test_a_missing_field_is_named(sandbox: SandboxServer, field: str) -> None:
    body = pse_body(sandbox, reference="MISS-1")
    _remove(body, field)

    assert_refused(create(sandbox, body), field)


def test_a_body_that_is_not_json_is_refused(sandbox: SandboxServer) -> None:
    answer = requests.post(
        f"{sandbox.pse_base_url}/transactions",
        data=b"{not json",
        headers={**bearer(PUBLIC), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )

    assert_refused(answer, "body")


def test_an_expiration_time_in_the_past_is_refused(sandbox: SandboxServer) -> None:
    expiration = "2025-03-01T14:59:00.000Z"
    body = pse_body(sandbox, reference="EXP-1")
    body.update(
        expiration_time=expiration,
        signature=digest("EXP-1", 2_500_000, "COP", expiration, INTEGRITY),
    )

    assert_refused(create(sandbox, body), "expiration_time", only=True)


# ----- keys -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [None, "pub_test_wrong", PRIVATE, "pub_prod_kiosk"],
    ids=["none", "wrong", "private", "prod"],
)
def test_a_create_without_the_public_key_is_unauthorised(
    sandbox: SandboxServer, key: str | None
) -> None:
    answer = create(sandbox, pse_body(sandbox, reference="KEY-1"), key=key)

    assert answer.status_code == 401
    error = answer.json()["error"]
    assert error["type"] == "INVALID_ACCESS_TOKEN"
    assert error["reason"]


@pytest.mark.parametrize("key", [None, PUBLIC, "prv_test_wrong"], ids=["none", "public", "wrong"])
def test_the_reference_lookup_needs_the_private_key(
    sandbox: SandboxServer, key: str | None
) -> None:
    answer = find(sandbox, "ANY", key=key)

    assert answer.status_code == 401
    assert answer.json()["error"]["type"] == "INVALID_ACCESS_TOKEN"


@pytest.mark.parametrize("key", [None, PRIVATE], ids=["none", "private"])
def test_the_bank_list_and_the_get_need_the_public_key(
    sandbox: SandboxServer, key: str | None
) -> None:
    banks = requests.get(
        f"{sandbox.pse_base_url}/pse/financial_institutions", headers=bearer(key), timeout=TIMEOUT
    )
    answer = create(sandbox, pse_body(sandbox, reference="KEY-2"))

    assert banks.status_code == 401
    assert get_tx(sandbox, answer.json()["data"]["id"], key=key).status_code == 401


def test_the_bank_list_names_every_test_bank(sandbox: SandboxServer) -> None:
    answer = requests.get(
        f"{sandbox.pse_base_url}/pse/financial_institutions",
        headers=bearer(PUBLIC),
        timeout=TIMEOUT,
    )

    assert answer.status_code == 200
    listed = answer.json()["data"]
    # Wompi's list starts with a placeholder that is not a bank (a client never offers it).
    assert listed[0] == {
        "financial_institution_code": "0",
        "financial_institution_name": "A continuación seleccione su banco",
    }
    banks = {b["financial_institution_code"]: b["financial_institution_name"] for b in listed[1:]}
    assert set(banks) == {"1", "2", "3", "4", "5"}
    assert banks["1"] == "Banco que aprueba"
    assert banks["2"] == "Banco que rechaza"
