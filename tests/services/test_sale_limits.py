"""What may be sold is decided by the services, with no screen: amounts within the store's and
the operator's limits, packs from the operator's own catalogue, lines of the operator sold here."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.config import Config
from kiosk.domain.amounts import AmountOffer
from kiosk.domain.catalogue import Operator, Pack
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleKind
from kiosk.domain.sale_request import SaleRequest, check_request
from tests.services.helpers import Counter, counter_config

LINE = "3105551212"
#: This store sells top-ups of at most 20.000 (the default is 100.000).
STORE_MAXIMUM = 20_000


@pytest.fixture
def sale_config() -> Config:
    config = counter_config()
    return dataclasses.replace(
        config, limits=dataclasses.replace(config.limits, topup_max_pesos=STORE_MAXIMUM)
    )


def _refused(counter: Counter, request: SaleRequest) -> ValidationError:
    entries = counter.journal.entry_count()
    with pytest.raises(ValidationError) as refused:
        counter.service.payments.open_sale(request)
    assert counter.journal.entry_count() == entries, "a refused sale journals nothing"
    return refused.value


def test_a_topup_over_the_stores_maximum_is_refused_without_any_screen(counter: Counter) -> None:
    error = _refused(counter, counter.topup_request(LINE, STORE_MAXIMUM + 1_000))
    assert error.code == "amount.above_maximum" and error.params["maximum"] == STORE_MAXIMUM


def test_a_topup_under_pses_minimum_is_refused(counter: Counter) -> None:
    error = _refused(counter, counter.topup_request(LINE, 1_000))
    assert error.code == "amount.below_minimum" and error.params["minimum"] == 1_500


def test_an_amount_up_to_the_stores_maximum_is_sold(counter: Counter) -> None:
    progress = counter.service.payments.open_sale(counter.topup_request(LINE, STORE_MAXIMUM))
    assert progress.amount_pesos == STORE_MAXIMUM


def test_an_operator_with_fixed_amounts_sells_only_those(counter: Counter) -> None:
    request = counter.topup_request(LINE, 7_000)
    fixed = dataclasses.replace(
        request.operator, denomination_type="FIXED", fixed_amounts_pesos=(5_000, 10_000)
    )
    error = _refused(counter, dataclasses.replace(request, operator=fixed))
    assert error.code == "amount.not_offered"


def test_a_gift_pack_must_be_one_of_the_operators_packs(counter: Counter) -> None:
    request, pack = counter.gift_pack_request(LINE, _first_pack_name(counter), None)
    forged = Pack(pack.amount_pesos, "Paquete inventado")
    error = _refused(counter, dataclasses.replace(request, pack=forged))
    assert error.code == "pack.not_offered"
    assert counter.service.payments.open_sale(request).pack_name == pack.name


def test_a_ported_line_gets_its_new_operators_offer(counter: Counter) -> None:
    found = counter.catalogue.detect("3000000003")  # the sandbox's line ported to Movistar
    assert found.brand == "Movistar" and found.offer.brand == "Movistar"
    assert counter.catalogue.detect(LINE).brand == "Claro"


def test_the_offer_is_decided_below_the_screens(counter: Counter) -> None:
    offer = counter.catalogue.offer()
    limits = counter.config.limits
    assert offer.topup.minimum_pesos == max(1_500, limits.topup_min_pesos)
    assert offer.topup.maximum_pesos <= limits.topup_max_pesos
    assert offer.packs and all(
        1_500 <= pack.amount_pesos <= limits.topup_max_pesos for pack in offer.packs
    )
    assert set(offer.packs) <= set(offer.catalogue.packs)


def _first_pack_name(counter: Counter) -> str:
    return counter.catalogue.offer().packs[0].name


def test_a_gift_pack_request_needs_its_pack() -> None:
    request = SaleRequest(SaleKind.GIFT_PACK, LINE, 5_000, Operator(1, "Claro Colombia"))
    with pytest.raises(ValueError):
        check_request(request, AmountOffer(), AmountOffer())
