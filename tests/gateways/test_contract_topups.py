"""Contract tests: the top-up client against the sandbox over real loopback HTTP."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from kiosk.config import TimeoutsConfig, load_config
from kiosk.gateways.errors import OutcomeUnknown, TopupAlreadySubmitted, TopupRejected
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.gateways.topups import TopupClient, TopupStatus
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.gateways.helpers import CONTRACT_TIMEOUTS, unique_reference
from tests.gateways.samples import SENDER
from tests.support.sandbox import PORTED_LINE, REFUSED_LINE, SLOW_LINE, outbox, wait_for

RECIPIENT = "3105550101"
GIFT_RECIPIENT = "3105550102"


@pytest.mark.parametrize(
    ("line", "brand"),
    [
        (RECIPIENT, "Claro"),
        (PORTED_LINE, "Movistar"),
        ("3151234567", "Claro"),  # a Movistar prefix, ported to Claro
        ("3129876543", "Tigo"),  # a Claro prefix, ported to Tigo
        ("3165550101", "Movistar"),
        ("3015550101", "Tigo"),
        ("3505550101", "WOM"),
    ],
)
def test_operator_detection_follows_portability(gateways: Gateways, line: str, brand: str) -> None:
    detected = gateways.topups.detect_operator(line)
    assert (detected.brand, detected.country_code) == (brand, "CO")


def test_every_colombian_operator_has_a_catalogue_and_the_look_alike_none(
    gateways: Gateways,
) -> None:
    catalogues = gateways.topups.catalogues()
    assert sorted(c.brand for c in catalogues) == ["Claro", "Movistar", "Tigo", "WOM"]
    for catalogue in catalogues:
        assert catalogue.topup_operator.is_colombian and catalogue.bundle_operator is not None
        assert catalogue.topup_operator.name == f"{catalogue.brand} Colombia"
        assert catalogue.packs and all(pack.sample_price for pack in catalogue.packs)
    names = {op.name for op in gateways.topups.catalogue()}
    assert "Claro Guatemala" not in names
    assert gateways.topups.catalogue_for("Claro").topup_operator.name == "Claro Colombia"


def test_a_tigo_line_is_sold_from_tigos_own_catalogue(
    shared_sandbox: Any, gateways: Gateways
) -> None:
    topups = gateways.topups
    line = "3015550102"
    catalogue = topups.catalogue_for_operator(topups.detect_operator(line))
    assert catalogue.brand == "Tigo" and catalogue.bundle_operator is not None
    pack = catalogue.packs[0]
    sent = topups.topup(
        unique_reference("G"), catalogue.bundle_operator.id, pack.amount_pesos, line
    )
    assert sent.status is TopupStatus.SUCCESSFUL
    assert sent.delivered_amount_pesos == pack.amount_pesos
    assert any(pack.name in sms["text"] for sms in outbox(shared_sandbox, line))


def test_a_second_top_up_to_a_line_within_two_minutes_is_refused(gateways: Gateways) -> None:
    topups = gateways.topups
    line = "3105550103"
    operator = topups.detect_operator(line)
    topups.topup(unique_reference("T"), operator.id, 5_000, line)
    with pytest.raises(TopupRejected) as caught:
        topups.topup(unique_reference("T"), operator.id, 5_000, line)
    assert caught.value.code == "topup.recently_recharged"
    assert caught.value.error_code == "PHONE_RECENTLY_RECHARGED"


def test_answers_carry_decimals(gateways: Gateways) -> None:
    topups = gateways.topups
    line = "3105550104"
    result = topups.topup(unique_reference("T"), topups.detect_operator(line).id, 1_995, line)
    assert result.discount == Decimal("59.85") and result.discount_currency == "COP"
    assert (result.requested_amount, result.requested_currency) == (Decimal(1_995), "COP")
    assert (result.delivered_amount, result.delivered_currency) == (Decimal(1_995), "COP")


def test_claro_catalogue_has_amounts_and_gift_packs(gateways: Gateways) -> None:
    catalogue = gateways.topups.catalogue_for("Claro")
    topup = catalogue.topup_operator
    assert not topup.is_bundle and topup.brand == "Claro"
    assert topup.min_amount_pesos is not None and topup.max_amount_pesos is not None
    assert catalogue.bundle_operator is not None and catalogue.packs
    for pack in catalogue.packs:
        assert pack.amount_pesos in catalogue.bundle_operator.fixed_amounts_pesos
        assert pack.name and pack.validity_days and pack.sample_price


def test_topup_is_delivered_once_even_when_sent_twice(
    shared_sandbox: Any, gateways: Gateways
) -> None:
    topups = gateways.topups
    operator = topups.detect_operator(RECIPIENT)
    float_before = topups.account_balance()
    assert float_before.currency == "COP"
    reference = unique_reference("T")
    first = topups.topup(reference, operator.id, 5_000, RECIPIENT)
    assert first.status is TopupStatus.SUCCESSFUL and first.delivered_amount_pesos == 5_000
    # The sandbox answers the reused identifier with an undocumented 400: a look-up settles it.
    with pytest.raises(TopupAlreadySubmitted):
        topups.topup(reference, operator.id, 5_000, RECIPIENT)
    found = topups.find_by_custom_identifier(reference)
    assert found is not None and found.transaction_id == first.transaction_id
    assert topups.get_transaction(first.transaction_id).custom_identifier == reference
    spent = Decimal(5_000) - first.discount if first.discount else Decimal(5_000)
    assert topups.account_balance().amount == float_before.amount - spent
    credited = [
        sms for sms in outbox(shared_sandbox, RECIPIENT) if "recarga" in sms["text"].lower()
    ]
    assert len(credited) == 1


def test_gift_pack_is_delivered_once_and_texted_to_the_recipient(
    shared_sandbox: Any, gateways: Gateways
) -> None:
    topups = gateways.topups
    catalogue = topups.catalogue_for("Claro")
    assert catalogue.bundle_operator is not None
    pack = catalogue.packs[0]
    reference = unique_reference("G")
    sent = topups.topup(
        reference, catalogue.bundle_operator.id, pack.amount_pesos, GIFT_RECIPIENT, SENDER
    )
    assert sent.status is TopupStatus.SUCCESSFUL
    with pytest.raises(TopupAlreadySubmitted):
        topups.topup(
            reference, catalogue.bundle_operator.id, pack.amount_pesos, GIFT_RECIPIENT, SENDER
        )
    found = topups.find_by_custom_identifier(reference)
    assert found is not None and found.transaction_id == sent.transaction_id
    gifts = [sms for sms in outbox(shared_sandbox, GIFT_RECIPIENT) if pack.name in sms["text"]]
    assert len(gifts) == 1
    assert SENDER in gifts[0]["text"].replace(" ", "")


def test_refused_line_is_a_typed_refusal(gateways: Gateways) -> None:
    operator = gateways.topups.detect_operator(REFUSED_LINE)
    reference = unique_reference("T")
    with pytest.raises(TopupRejected) as caught:
        gateways.topups.topup(reference, operator.id, 5_000, REFUSED_LINE)
    # Not one of Reloadly's documented codes: a plain refusal keeping the provider's text.
    assert caught.value.code == "topup.provider_refused"
    assert caught.value.error_code == "PROVIDER_REFUSED"
    assert caught.value.params["provider_message"]
    assert gateways.topups.find_by_custom_identifier(reference) is None


def test_slow_answer_is_unknown_then_found_delivered(shared_sandbox: Any) -> None:
    """The sandbox answers the slow line after 1.5 s; this client waits only 0.5 s."""
    impatient = TimeoutsConfig(connect_seconds=1.0, read_seconds=0.5, deadline_seconds=3.0)
    config = dataclasses.replace(load_config(), timeouts=impatient)
    gateways = build_clients(config, **shared_sandbox.client_settings())
    try:
        topups = gateways.topups
        operator = topups.detect_operator(SLOW_LINE)
        reference = unique_reference("T")
        with pytest.raises(OutcomeUnknown) as caught:
            topups.topup(reference, operator.id, 5_000, SLOW_LINE)
        assert caught.value.params["cause"] == "read_timeout"
        # The sandbox may still be inside its delay: wait until the top-up is on record.
        found = wait_for(lambda: topups.find_by_custom_identifier(reference), bool)
        assert found.status is TopupStatus.SUCCESSFUL
    finally:
        gateways.close()


# ----- test lines that take their time, and a USD account -----------------------------------

QUICK = SandboxTiming(
    processing_success_seconds=0.6, processing_refund_seconds=0.6, recently_recharged_seconds=1.0
)


def _topups_on(sandbox: SandboxServer) -> Iterator[TopupClient]:
    config = dataclasses.replace(load_config(), timeouts=CONTRACT_TIMEOUTS)
    built = build_clients(config, **sandbox.client_settings())
    try:
        yield built.topups
    finally:
        built.close()


@pytest.fixture(scope="module")
def quick_topups() -> Iterator[TopupClient]:
    with SandboxServer(timing=QUICK) as running:
        yield from _topups_on(running)


@pytest.fixture(scope="module")
def usd_topups() -> Iterator[TopupClient]:
    with SandboxServer(timing=QUICK, account_currency="USD", fx_rate=4100) as running:
        yield from _topups_on(running)


def test_processing_is_followed_until_successful(quick_topups: TopupClient) -> None:
    line = "3000000004"
    first = quick_topups.topup(
        unique_reference("T"), quick_topups.detect_operator(line).id, 5_000, line
    )
    assert first.status is TopupStatus.PROCESSING and not first.status.is_final
    final = wait_for(
        lambda: quick_topups.get_transaction(first.transaction_id), lambda r: r.status.is_final
    )
    assert final.status is TopupStatus.SUCCESSFUL and final.status.delivered


def test_processing_then_refunded_ends_not_delivered(quick_topups: TopupClient) -> None:
    line = "3000000006"
    first = quick_topups.topup(
        unique_reference("T"), quick_topups.detect_operator(line).id, 5_000, line
    )
    assert first.status is TopupStatus.PROCESSING
    final = wait_for(
        lambda: quick_topups.get_transaction(first.transaction_id), lambda r: r.status.is_final
    )
    assert final.status is TopupStatus.REFUNDED and not final.status.delivered


def test_the_failed_line_ends_failed(quick_topups: TopupClient) -> None:
    line = "3000000005"
    result = quick_topups.topup(
        unique_reference("T"), quick_topups.detect_operator(line).id, 5_000, line
    )
    assert result.status is TopupStatus.FAILED and result.status.is_final
    assert not result.status.delivered


def test_a_usd_account_delivers_the_pesos_paid(usd_topups: TopupClient) -> None:
    balance = usd_topups.account_balance()
    assert balance.currency == "USD"
    tigo_line, claro_line = "3015550109", "3105550109"
    tigo = usd_topups.detect_operator(tigo_line)
    assert (tigo.sender_currency, tigo.supports_local_amounts) == ("USD", False)
    assert tigo.fx_rate == Decimal(4100)

    converted = usd_topups.topup(unique_reference("T"), tigo.id, 10_000, tigo_line)
    local = usd_topups.topup(
        unique_reference("T"), usd_topups.detect_operator(claro_line).id, 10_000, claro_line
    )

    assert converted.status is TopupStatus.SUCCESSFUL
    assert (converted.requested_amount, converted.requested_currency) == (Decimal("2.44"), "USD")
    assert converted.delivered_amount_pesos is not None
    assert 10_000 <= converted.delivered_amount_pesos < 10_041  # at most a cent more
    assert (local.requested_currency, local.delivered_amount_pesos) == ("COP", 10_000)
    assert usd_topups.account_balance().amount < balance.amount


def test_a_usd_account_sells_gift_packs_at_their_listed_amounts(usd_topups: TopupClient) -> None:
    line = "3015550110"
    catalogue = usd_topups.catalogue_for_operator(usd_topups.detect_operator(line))
    assert catalogue.bundle_operator is not None
    pack = catalogue.packs[1]
    sent = usd_topups.topup(
        unique_reference("G"), catalogue.bundle_operator.id, pack.amount_pesos, line
    )
    assert sent.status is TopupStatus.SUCCESSFUL
    assert sent.requested_currency == "USD"
    assert (
        sent.delivered_amount_pesos is not None and sent.delivered_amount_pesos >= pack.amount_pesos
    )
