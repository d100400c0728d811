"""How PSE transactions end: on their own for banks 1/2/3/5, on the bank page for bank 4."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
import requests

from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.sandbox.helpers import (
    TIMEOUT,
    checkout_url,
    create,
    find,
    forms_of,
    get_tx,
    pse_body,
    submit,
)
from tests.support.clocks import FakeClock


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def create_pending(sandbox: SandboxServer, reference: str, bank: str) -> dict:
    answer = create(sandbox, pse_body(sandbox, reference=reference, bank=bank))
    assert answer.status_code == 201, answer.text
    data = answer.json()["data"]
    assert data["status"] == "PENDING"
    assert data["finalized_at"] is None
    return data


def bank_url_of(transaction: dict) -> str | None:
    return transaction["payment_method"].get("extra", {}).get("async_payment_url")


# ----- the bank URL appears late, as Wompi's does ---------------------------------------------


def test_the_bank_url_shows_from_the_second_read_on(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    created = create_pending(sandbox, "LATE-1", "1")
    first = get_tx(sandbox, created["id"]).json()["data"]
    second = get_tx(sandbox, created["id"]).json()["data"]
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    final = get_tx(sandbox, created["id"]).json()["data"]

    assert bank_url_of(created) is None  # not in the create's answer
    assert bank_url_of(first) is None  # nor in the first read
    assert bank_url_of(second) == f"{sandbox.root_url}/sim/bank/{created['id']}"
    assert final["status"] == "APPROVED" and bank_url_of(final) == bank_url_of(second)


def test_a_look_up_by_reference_is_a_read_too(sandbox: SandboxServer) -> None:
    created = create_pending(sandbox, "LATE-2", "4")
    (first,) = find(sandbox, "LATE-2").json()["data"]
    second = get_tx(sandbox, created["id"]).json()["data"]

    assert bank_url_of(first) is None
    assert bank_url_of(second) == f"{sandbox.root_url}/sim/bank/{created['id']}"


def test_a_payment_final_before_its_first_read_shows_its_bank_url_and_cus(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    created = create_pending(sandbox, "LATE-3", "2")
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    (first,) = find(sandbox, "LATE-3").json()["data"]

    assert first["status"] == "DECLINED"
    assert bank_url_of(first) == f"{sandbox.root_url}/sim/bank/{created['id']}"
    assert first["payment_method"]["extra"]["traceability_code"]


@pytest.mark.parametrize(("bank", "final"), [("1", "APPROVED"), ("2", "DECLINED"), ("3", "ERROR")])
def test_test_banks_settle_on_their_own(
    sandbox: SandboxServer, fake_clock: FakeClock, bank: str, final: str
) -> None:
    created = create_pending(sandbox, f"SETTLE-{bank}", bank)
    settle = sandbox.timing.pse_settle_seconds
    get_tx(sandbox, created["id"])  # the first read, which has no bank URL yet

    fake_clock.advance(settle - 0.5)
    early = get_tx(sandbox, created["id"]).json()["data"]
    fake_clock.advance(0.5)
    late = get_tx(sandbox, created["id"]).json()["data"]

    assert early["status"] == "PENDING"
    assert early["payment_method"]["extra"]["async_payment_url"] == (
        f"{sandbox.root_url}/sim/bank/{created['id']}"
    )
    assert late["status"] == final
    assert instant(late["finalized_at"]) == instant(created["created_at"]) + timedelta(
        seconds=settle
    )
    assert (
        late["payment_method"]["extra"]["async_payment_url"]
        == (early["payment_method"]["extra"]["async_payment_url"])
    )


def test_a_final_status_never_changes(sandbox: SandboxServer, fake_clock: FakeClock) -> None:
    created = create_pending(sandbox, "FINAL-1", "1")
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    page = requests.get(f"{sandbox.root_url}/sim/bank/{created['id']}", timeout=TIMEOUT)
    assert "Pago aprobado" in page.text
    assert forms_of(page.text) == []  # no buttons once final

    answer = requests.post(f"{sandbox.root_url}/sim/bank/{created['id']}/decline", timeout=TIMEOUT)
    fake_clock.advance(3600)

    assert answer.status_code == 200  # redirected back to the result
    assert get_tx(sandbox, created["id"]).json()["data"]["status"] == "APPROVED"


@pytest.mark.parametrize(("button", "final"), [("approve", "APPROVED"), ("decline", "DECLINED")])
def test_bank_4_waits_for_its_bank_page(
    sandbox: SandboxServer, fake_clock: FakeClock, button: str, final: str
) -> None:
    created = create_pending(sandbox, f"DEMO-{button}", "4")
    fake_clock.advance(3600)
    get_tx(sandbox, created["id"])  # the first read, which has no bank URL yet
    pending = get_tx(sandbox, created["id"]).json()["data"]
    assert pending["status"] == "PENDING"

    page = requests.get(pending["payment_method"]["extra"]["async_payment_url"], timeout=TIMEOUT)
    assert page.status_code == 200
    assert "$ 25.000" in page.text and "DEMO-" in page.text
    form = next(f for f in forms_of(page.text) if f.action.endswith(f"/{button}"))
    answered = submit(page, form, allow_redirects=True)

    done = get_tx(sandbox, created["id"]).json()["data"]
    assert answered.status_code == 200
    assert answered.url == page.url  # back on the bank page, showing the result
    assert done["status"] == final
    assert instant(done["finalized_at"]) == fake_clock()
    assert forms_of(answered.text) == []


def test_the_bank_page_ends_a_test_bank_payment_before_its_settle_time(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    created = create_pending(sandbox, "EARLY-1", "1")
    page = requests.get(f"{sandbox.root_url}/sim/bank/{created['id']}", timeout=TIMEOUT)
    decline = next(f for f in forms_of(page.text) if f.action.endswith("/decline"))

    submit(page, decline, allow_redirects=True)
    fake_clock.advance(sandbox.timing.pse_settle_seconds)

    assert get_tx(sandbox, created["id"]).json()["data"]["status"] == "DECLINED"


def test_bank_5_answers_late_and_the_payment_is_found_by_reference(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    body = pse_body(sandbox, reference="SLOW-1", bank="5")

    with pytest.raises(requests.ReadTimeout):
        create(sandbox, body, timeout=(TIMEOUT, 0.3))
    found = find(sandbox, "SLOW-1").json()["data"]
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    settled = find(sandbox, "SLOW-1").json()["data"]

    assert [tx["status"] for tx in found] == ["PENDING"]
    assert [tx["status"] for tx in settled] == ["APPROVED"]


def pay_on_the_checkout(sandbox: SandboxServer, url: str, bank: str) -> str:
    """Pay a checkout link's form as a phone would; the new transaction's id."""
    page = requests.get(url, timeout=TIMEOUT)
    (form,) = forms_of(page.text)
    payer = {
        "user_legal_id": "1023456789",
        "full_name": "Ana Pérez",
        "customer_email": "pagador@example.com",
        "phone_number": "3001234567",
        "financial_institution_code": bank,
    }
    answer = submit(page, form, payer, ("accept_terms", "accept_personal_auth"))
    assert answer.status_code == 303, answer.text
    return str(answer.headers["Location"]).rsplit("/", 1)[-1]


def test_lookup_by_reference_returns_every_attempt_with_its_payer_data(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    # Several attempts under one reference come from the hosted checkout (the API refuses
    # a reused reference): a payer declined once tries again on the same link.
    url = checkout_url(sandbox, "MANY-1", expiration="2025-03-01T15:10:00.000Z")
    first = pay_on_the_checkout(sandbox, url, "2")
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    second = pay_on_the_checkout(sandbox, url, "4")

    answer = find(sandbox, "MANY-1")

    assert answer.status_code == 200
    attempts = {tx["id"]: tx for tx in answer.json()["data"]}
    assert set(attempts) == {first, second}
    assert attempts[first]["status"] == "DECLINED"
    assert attempts[second]["status"] == "PENDING"
    # The real API answers with the payer's data too: the kiosk's journal must filter it.
    assert attempts[second]["customer_email"] == "pagador@example.com"
    assert attempts[second]["payment_method"]["user_legal_id"] == "1023456789"
    assert find(sandbox, "NOBODY").json()["data"] == []


def test_an_unknown_transaction_is_not_found(sandbox: SandboxServer) -> None:
    answer = get_tx(sandbox, "11854-0-0")

    assert answer.status_code == 404
    assert answer.json()["error"]["type"] == "NOT_FOUND_ERROR"


def test_an_unknown_bank_page_is_a_plain_404_page(sandbox: SandboxServer) -> None:
    answer = requests.get(f"{sandbox.root_url}/sim/bank/11854-0-0", timeout=TIMEOUT)

    assert answer.status_code == 404
    assert answer.headers["Content-Type"].startswith("text/html")


def test_with_the_real_clock_a_test_bank_settles_by_itself() -> None:
    timing = SandboxTiming(pse_settle_seconds=0.2)
    with SandboxServer(timing=timing) as sandbox:
        created = create_pending(sandbox, "REAL-1", "1")
        deadline = time.monotonic() + 5
        status = "PENDING"
        while status == "PENDING" and time.monotonic() < deadline:
            status = get_tx(sandbox, created["id"]).json()["data"]["status"]
        final = get_tx(sandbox, created["id"]).json()["data"]

    assert status == "APPROVED"
    finalized = instant(final["finalized_at"])
    assert finalized.tzinfo is not None and finalized <= datetime.now(UTC)
