"""The hosted checkout page, used as a phone's browser would: read the form, fill it, post it."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest
import requests

from kiosk.sandbox import SandboxServer
from tests.sandbox.helpers import (
    INTEGRITY,
    TIMEOUT,
    Form,
    checkout_url,
    digest,
    find,
    forms_of,
    submit,
)
from tests.support.clocks import FakeClock

EXPIRES = "2025-03-01T15:10:00.000Z"  # ten minutes after the test clock's start
PAYER = {
    "user_legal_id": "1023456789",
    "full_name": "Ana Pérez",
    "customer_email": "ana@example.com",
    "phone_number": "3001234567",
}
TICKS = ("accept_terms", "accept_personal_auth")


def open_form(url: str) -> tuple[requests.Response, Form]:
    page = requests.get(url, timeout=TIMEOUT)
    assert page.status_code == 200, page.text
    forms = forms_of(page.text)
    assert len(forms) == 1
    return page, forms[0]


def pay(url: str, bank: str, **values: str) -> requests.Response:
    page, form = open_form(url)
    return submit(page, form, {**PAYER, "financial_institution_code": bank, **values}, TICKS)


def test_a_signed_link_shows_a_phone_friendly_form(sandbox: SandboxServer) -> None:
    page, form = open_form(checkout_url(sandbox, "CK-1", expiration=EXPIRES))

    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert 'name="viewport"' in page.text
    assert "$ 25.000" in page.text and "CK-1" in page.text
    assert form.method == "post"
    assert {"1", "2", "3", "4", "5"} <= set(form.options["financial_institution_code"])
    assert set(form.options["user_type"]) == {"0", "1"}
    assert "NIT" in form.options["user_legal_id_type"]
    assert set(TICKS) <= set(form.checkboxes)
    assert not set(TICKS) & set(form.fields)  # consent is never pre-ticked
    assert form.fields["reference"] == "CK-1"


@pytest.mark.parametrize(
    ("case", "status", "words"),
    [
        ("wrong signature", 400, "firma"),
        ("uppercase signature", 400, "firma"),
        ("amount changed", 400, "firma"),
        ("expiration not signed", 400, "firma"),
        ("other merchant", 400, "comercio"),
        ("expired", 410, "venció"),
    ],
)
def test_a_bad_link_gets_a_clear_spanish_page(
    sandbox: SandboxServer, fake_clock: FakeClock, case: str, status: int, words: str
) -> None:
    good = digest("CK-2", 2_500_000, "COP", EXPIRES, INTEGRITY)
    url = {
        "wrong signature": checkout_url(sandbox, "CK-2", expiration=EXPIRES, signature="0" * 64),
        "uppercase signature": checkout_url(
            sandbox, "CK-2", expiration=EXPIRES, signature=good.upper()
        ),
        "amount changed": checkout_url(
            sandbox, "CK-2", amount_in_cents=100_000_00, expiration=EXPIRES, signature=good
        ),
        "expiration not signed": checkout_url(
            sandbox,
            "CK-2",
            expiration=EXPIRES,
            signature=digest("CK-2", 2_500_000, "COP", INTEGRITY),
        ),
        "other merchant": checkout_url(
            sandbox, "CK-2", expiration=EXPIRES, **{"public-key": "pub_test_x"}
        ),
        "expired": checkout_url(sandbox, "CK-2", expiration=EXPIRES),
    }[case]
    if case == "expired":
        fake_clock.advance(600)

    page = requests.get(url, timeout=TIMEOUT)

    assert page.status_code == status
    assert page.headers["Content-Type"].startswith("text/html")
    assert words in page.text
    assert "código QR" in page.text  # tells the payer what to do
    assert forms_of(page.text) == []


def test_the_form_creates_the_payment_and_sends_the_payer_to_the_bank(
    sandbox: SandboxServer,
) -> None:
    answer = pay(checkout_url(sandbox, "CK-3", expiration=EXPIRES), bank="4")

    assert answer.status_code == 303
    [tx] = find(sandbox, "CK-3").json()["data"]
    assert answer.headers["Location"] == f"/sim/bank/{tx['id']}"
    assert tx["status"] == "PENDING"
    assert tx["amount_in_cents"] == 2_500_000
    assert tx["expiration_time"] == EXPIRES
    assert tx["customer_email"] == "ana@example.com"
    assert tx["payment_method"]["financial_institution_code"] == "4"
    assert len(tx["payment_method"]["payment_description"]) <= 30

    bank_page = requests.get(urljoin(answer.url, answer.headers["Location"]), timeout=TIMEOUT)
    approve = next(f for f in forms_of(bank_page.text) if f.action.endswith("/approve"))
    submit(bank_page, approve, allow_redirects=True)

    assert find(sandbox, "CK-3").json()["data"][0]["status"] == "APPROVED"


def test_after_a_decline_the_payer_can_try_again_under_the_same_reference(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    url = checkout_url(sandbox, "CK-4", expiration=EXPIRES)
    first = pay(url, bank="2")
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    result = requests.get(urljoin(first.url, first.headers["Location"]), timeout=TIMEOUT)
    assert "rechazó" in result.text

    retry_link = html.unescape(re.search(r'href="([^"]+)">Intentar de nuevo', result.text)[1])
    second = pay(urljoin(result.url, retry_link), bank="1")

    assert second.status_code == 303
    statuses = sorted(tx["status"] for tx in find(sandbox, "CK-4").json()["data"])
    assert statuses == ["DECLINED", "PENDING"]


def test_while_a_payment_is_pending_the_link_points_to_it(sandbox: SandboxServer) -> None:
    url = checkout_url(sandbox, "CK-5", expiration=EXPIRES)
    page, form = open_form(url)
    first = submit(page, form, {**PAYER, "financial_institution_code": "4"}, TICKS)
    assert first.status_code == 303

    again = requests.get(url, timeout=TIMEOUT)
    resent = submit(page, form, {**PAYER, "financial_institution_code": "1"}, TICKS)

    assert "en curso" in again.text
    assert first.headers["Location"] in again.text
    assert forms_of(again.text) == []
    assert resent.status_code == 422  # the same rule as the API: the reference is taken
    assert len(find(sandbox, "CK-5").json()["data"]) == 1


def test_without_consent_nothing_is_created(sandbox: SandboxServer) -> None:
    page, form = open_form(checkout_url(sandbox, "CK-6", expiration=EXPIRES))

    answer = submit(page, form, {**PAYER, "financial_institution_code": "1"})

    assert answer.status_code == 422
    assert "términos" in answer.text
    assert find(sandbox, "CK-6").json()["data"] == []
    # The form comes back with what the payer typed.
    assert forms_of(answer.text)[0].fields["full_name"] == "Ana Pérez"


def test_a_juridical_payer_must_use_nit(sandbox: SandboxServer) -> None:
    answer = pay(
        checkout_url(sandbox, "CK-7", expiration=EXPIRES),
        bank="1",
        user_type="1",
        user_legal_id_type="CC",
    )

    assert answer.status_code == 422
    assert "NIT" in answer.text
    assert find(sandbox, "CK-7").json()["data"] == []


def test_a_link_that_expires_while_the_payer_types_is_refused(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    page, form = open_form(checkout_url(sandbox, "CK-8", expiration=EXPIRES))
    fake_clock.advance(601)

    answer = submit(page, form, {**PAYER, "financial_institution_code": "1"}, TICKS)

    assert answer.status_code == 410
    assert find(sandbox, "CK-8").json()["data"] == []


def test_the_result_page_links_back_to_the_store(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    url = checkout_url(
        sandbox, "CK-9", expiration=EXPIRES, **{"redirect-url": "https://tienda.example/fin"}
    )
    answer = pay(url, bank="1")
    fake_clock.advance(sandbox.timing.pse_settle_seconds)

    result = requests.get(urljoin(answer.url, answer.headers["Location"]), timeout=TIMEOUT)

    [tx] = find(sandbox, "CK-9").json()["data"]
    assert f'href="https://tienda.example/fin?id={tx["id"]}"' in result.text


def test_a_link_without_expiration_lives_the_default_time_from_its_first_opening(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    url = checkout_url(sandbox, "CK-10")
    open_form(url)
    fake_clock.advance(sandbox.timing.checkout_ttl_default_seconds - 1)
    open_form(url)
    fake_clock.advance(1)

    assert requests.get(url, timeout=TIMEOUT).status_code == 410
