"""Contract tests: the top-up client against the sandbox over real loopback HTTP."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kiosk.config import TimeoutsConfig, load_config
from kiosk.gateways.errors import OutcomeUnknown, TopupAlreadySubmitted, TopupRejected
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.gateways.topups import TopupStatus
from tests.gateways.helpers import unique_reference
from tests.gateways.samples import SENDER
from tests.support.sandbox import PORTED_LINE, REFUSED_LINE, SLOW_LINE, outbox, wait_for

RECIPIENT = "3005550101"
GIFT_RECIPIENT = "3005550102"


def test_operator_detection_follows_portability(gateways: Gateways) -> None:
    assert gateways.topups.detect_operator(RECIPIENT).brand == "Claro"
    assert gateways.topups.detect_operator(PORTED_LINE).brand == "Movistar"


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
    reference = unique_reference("T")
    first = topups.topup(reference, operator.id, 5_000, RECIPIENT)
    assert first.status is TopupStatus.SUCCESSFUL and first.delivered_amount_pesos == 5_000
    with pytest.raises(TopupAlreadySubmitted):
        topups.topup(reference, operator.id, 5_000, RECIPIENT)
    found = topups.find_by_custom_identifier(reference)
    assert found is not None and found.transaction_id == first.transaction_id
    assert topups.get_transaction(first.transaction_id).custom_identifier == reference
    assert topups.account_balance() == float_before - 5_000
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
    assert caught.value.code == "topup.refused"
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
