"""Contract tests: the PSE client against the sandbox over real loopback HTTP."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from kiosk.config import TimeoutsConfig, load_config
from kiosk.gateways.errors import GatewayRejected, OutcomeUnknown
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.gateways.pse import PseClient, PseStatus, PseTransaction
from tests.gateways.helpers import unique_reference
from tests.gateways.samples import PAYER
from tests.support.browser import Browser, pay_through_checkout
from tests.support.sandbox import wait_for


def create(pse: PseClient, reference: str, bank: str, amount: int = 15_000) -> PseTransaction:
    return pse.create_pse_transaction(
        reference, amount, PAYER, bank, f"Recarga {reference}", pse.acceptance_tokens()
    )


def final(pse: PseClient, transaction_id: str) -> PseTransaction:
    return wait_for(lambda: pse.get_transaction(transaction_id), lambda tx: tx.is_final)


def test_bank_list_has_the_test_banks_without_the_placeholder(
    gateways: Gateways, shared_sandbox: Any
) -> None:
    listed = requests.get(
        f"{shared_sandbox.pse_base_url}/pse/financial_institutions",
        headers={"Authorization": f"Bearer {shared_sandbox.keys.public_key}"},
        timeout=5,
    ).json()["data"]
    # As Wompi's, the sandbox's list starts with a "choose your bank" entry under code "0"...
    assert listed[0]["financial_institution_code"] == "0"
    codes = [bank.code for bank in gateways.pse.banks()]
    assert {"1", "2", "3", "4", "5"} <= set(codes)
    # ...which the client never offers as a bank.
    assert "0" not in codes and len(codes) == len(listed) - 1


@pytest.mark.parametrize(
    ("bank", "status"),
    [("1", PseStatus.APPROVED), ("2", PseStatus.DECLINED), ("3", PseStatus.ERROR)],
)
def test_payment_ends_as_the_test_bank_says(
    gateways: Gateways, bank: str, status: PseStatus
) -> None:
    pse = gateways.pse
    reference = unique_reference()
    created = create(pse, reference, bank)
    assert (created.status, created.amount_pesos, created.reference) == (
        PseStatus.PENDING,
        15_000,
        reference,
    )
    ended = final(pse, created.id)
    assert ended.status is status
    assert ended.finalized_at is not None and ended.bank_url
    (found,) = pse.find_by_reference(reference)
    assert found.id == created.id and found.status is status


def test_acceptance_tokens_are_single_use(gateways: Gateways) -> None:
    pse = gateways.pse
    tokens = pse.acceptance_tokens()
    pse.create_pse_transaction(unique_reference(), 15_000, PAYER, "1", "Uno", tokens)
    with pytest.raises(GatewayRejected) as caught:
        pse.create_pse_transaction(unique_reference(), 15_000, PAYER, "1", "Dos", tokens)
    assert caught.value.error_code == "INPUT_VALIDATION_ERROR"
    assert "acceptance_token" in caught.value.fields


@pytest.mark.parametrize("first_bank", ["4", "2"], ids=["pending", "declined"])
def test_a_reference_cannot_be_reused(gateways: Gateways, first_bank: str) -> None:
    pse = gateways.pse
    reference = unique_reference()
    first = create(pse, reference, first_bank)
    if first_bank == "2":
        assert final(pse, first.id).status is PseStatus.DECLINED
    with pytest.raises(GatewayRejected) as caught:
        create(pse, reference, "1")
    assert caught.value.error_code == "INPUT_VALIDATION_ERROR"
    assert "reference" in caught.value.fields
    assert len(pse.find_by_reference(reference)) == 1


def test_the_bank_url_appears_after_the_first_read(gateways: Gateways) -> None:
    pse = gateways.pse
    created = create(pse, unique_reference(), "4")
    first, second = pse.get_transaction(created.id), pse.get_transaction(created.id)
    assert created.bank_url is None and first.bank_url is None
    assert second.bank_url is not None and second.bank_url.endswith(f"/sim/bank/{created.id}")


def test_bank_page_approves_a_waiting_payment(gateways: Gateways) -> None:
    pse = gateways.pse
    created = create(pse, unique_reference(), "4")
    pending = wait_for(lambda: pse.get_transaction(created.id), lambda tx: bool(tx.bank_url))
    assert pending.status is PseStatus.PENDING and pending.bank_url
    browser = Browser()
    try:
        browser.open(pending.bank_url)
        browser.submit(browser.form_with_button("Aprobar"))
        assert browser.page is not None and browser.page.ok
    finally:
        browser.close()
    assert final(pse, created.id).status is PseStatus.APPROVED


def test_slow_bank_create_is_an_unknown_outcome_found_by_reference(shared_sandbox: Any) -> None:
    """Bank 5 answers after 1 s; a client that waits 0.4 s cannot know, then looks it up."""
    impatient = TimeoutsConfig(connect_seconds=1.0, read_seconds=0.4, deadline_seconds=3.0)
    config = dataclasses.replace(load_config(), timeouts=impatient)
    gateways = build_clients(config, **shared_sandbox.client_settings())
    try:
        reference = unique_reference()
        with pytest.raises(OutcomeUnknown):
            create(gateways.pse, reference, "5")
        (found,) = wait_for(lambda: gateways.pse.find_by_reference(reference), bool)
        assert found.reference == reference and found.amount_pesos == 15_000
    finally:
        gateways.close()


# -- hosted checkout -------------------------------------------------------------------


def test_checkout_paid_on_the_hosted_page_is_found_by_reference(gateways: Gateways) -> None:
    pse = gateways.pse
    reference = unique_reference("Q")
    url = pse.checkout_url(reference, 20_000, datetime.now(UTC) + timedelta(minutes=10))
    pay_through_checkout(url, "4", "Aprobar").close()
    (paid,) = pse.find_by_reference(reference)
    assert paid.status is PseStatus.APPROVED
    assert paid.amount_pesos == 20_000


def test_checkout_retry_after_a_decline_settles_on_the_approved_attempt(
    gateways: Gateways,
) -> None:
    pse = gateways.pse
    reference = unique_reference("Q")
    url = pse.checkout_url(reference, 20_000, datetime.now(UTC) + timedelta(minutes=10))
    pay_through_checkout(url, "4", "Rechazar").close()
    pay_through_checkout(url, "4", "Aprobar").close()
    attempts = pse.find_by_reference(reference)
    assert sorted(attempt.status for attempt in attempts) == [
        PseStatus.APPROVED,
        PseStatus.DECLINED,
    ]
    settled = pse.settle_attempts(attempts)
    assert settled is not None and settled.status is PseStatus.APPROVED


def test_tampered_or_expired_checkout_links_are_refused(gateways: Gateways) -> None:
    pse = gateways.pse
    reference = unique_reference("Q")
    good = pse.checkout_url(reference, 20_000, datetime.now(UTC) + timedelta(minutes=10))
    tampered = good.replace("amount-in-cents=2000000", "amount-in-cents=200000")
    expired = pse.checkout_url(reference, 20_000, datetime.now(UTC) - timedelta(seconds=1))
    assert requests.get(good, timeout=5).status_code == 200
    for url in (tampered, expired):
        page = requests.get(url, timeout=5)
        assert page.status_code in (400, 410)
        assert "financial_institution_code" not in page.text
