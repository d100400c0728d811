"""A Claro-branded store (``[catalogue] operators = ["Claro"]``) refuses another operator's
line before any payment: at the detection and in the service."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.config import CatalogueConfig, Config
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleKind
from kiosk.domain.sale_request import SaleRequest
from tests.services.helpers import Counter

TIGO_LINE = "3011234567"  # a Tigo prefix


@pytest.fixture
def sale_config(sale_config: Config) -> Config:
    """A Claro-branded store: ``[catalogue] operators = ["Claro"]``."""
    return dataclasses.replace(sale_config, catalogue=CatalogueConfig(operators=("Claro",)))


def test_a_store_that_sells_claro_only_refuses_a_tigo_line_before_payment(
    counter: Counter,
) -> None:
    assert [offer.brand for offer in counter.catalogue.offers()] == ["Claro"]
    with pytest.raises(ValidationError) as refused:
        counter.catalogue.detect(TIGO_LINE)
    assert refused.value.code == "sale.line_other_operator"
    assert refused.value.params == {"operator": "Tigo", "brand": "Claro"}
    tigo = counter.gateways.topups.detect_operator(TIGO_LINE)
    entries = counter.journal.entry_count()
    with pytest.raises(ValidationError):
        counter.service.payments.open_sale(SaleRequest(SaleKind.TOPUP, TIGO_LINE, 10_000, tigo))
    assert counter.journal.entry_count() == entries
