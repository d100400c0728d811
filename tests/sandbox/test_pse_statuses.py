"""How PSE transactions end: on their own for banks 1/2/3/5, on the bank page for bank 4."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
import requests

from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.sandbox.helpers import (
    TIMEOUT,
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


@pytest.mark.parametrize(("bank", "final"), [("1", "APPROVED"), ("2", "DECLINED"), ("3", "ERROR")])
def test_test_banks_settle_on_their_own(
    sandbox: SandboxServer, fake_clock: FakeClock, bank: str, final: str
) -> None:
    created = create_pending(sandbox, f"SETTLE-{bank}", bank)
    settle = sandbox.timing.pse_settle_seconds

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


def test_lookup_by_reference_returns_every_attempt_with_its_payer_data(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    first = create_pending(sandbox, "MANY-1", "2")
    fake_clock.advance(sandbox.timing.pse_settle_seconds)
    second = create_pending(sandbox, "MANY-1", "4")

    answer = find(sandbox, "MANY-1")

    assert answer.status_code == 200
    attempts = {tx["id"]: tx for tx in answer.json()["data"]}
    assert set(attempts) == {first["id"], second["id"]}
    assert attempts[first["id"]]["status"] == "DECLINED"
    assert attempts[second["id"]]["status"] == "PENDING"
    # The real API answers with the payer's data too: the kiosk's journal must filter it.
    assert attempts[second["id"]]["customer_email"] == "pagador@example.com"
    assert attempts[second["id"]]["payment_method"]["user_legal_id"] == "1023456789"
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
