"""Only packs a customer can pay for are offered."""

from __future__ import annotations

from kiosk.domain.amounts import PSE_MINIMUM_PESOS
from kiosk.domain.catalogue import Catalogue, Operator, Pack


def _catalogue(*prices: int) -> Catalogue:
    packs = tuple(Pack(amount_pesos=price, name=f"Pack {price}") for price in prices)
    return Catalogue(
        topup_operator=Operator(id=1, name="Claro Colombia"),
        bundle_operator=Operator(id=2, name="Claro Colombia Paquetes", is_bundle=True, packs=packs),
    )


def test_packs_under_the_pse_minimum_or_over_the_ceiling_are_not_offered() -> None:
    catalogue = _catalogue(1_000, 1_500, 10_000, 150_000)
    offered = catalogue.payable_packs(PSE_MINIMUM_PESOS, 100_000)
    assert [pack.amount_pesos for pack in offered] == [1_500, 10_000]


def test_no_bundle_operator_means_no_packs() -> None:
    catalogue = Catalogue(topup_operator=Operator(id=1, name="Claro Colombia"))
    assert catalogue.payable_packs(PSE_MINIMUM_PESOS, 100_000) == ()


def test_an_operator_of_another_country_is_not_colombian() -> None:
    assert Operator(id=1, name="Claro Colombia").is_colombian
    look_alike = Operator(id=9, name="Claro Guatemala", country_code="GT")
    assert look_alike.brand == "Claro" and not look_alike.is_colombian


def test_an_operator_sends_pesos_or_the_converted_amount() -> None:
    from decimal import Decimal

    local = Operator(id=1, name="Claro Colombia", sender_currency="USD", fx_rate=Decimal(4100))
    foreign = Operator(
        id=2,
        name="Tigo Colombia",
        supports_local_amounts=False,
        sender_currency="USD",
        fx_rate=Decimal(4100),
    )
    assert (local.send_amount(10_000).amount, local.send_amount(10_000).use_local) == (
        Decimal(10_000),
        True,
    )
    assert (foreign.send_amount(10_000).amount, foreign.send_amount(10_000).currency) == (
        Decimal("2.44"),
        "USD",
    )


def test_the_line_receives_at_least_the_pesos_paid() -> None:
    from decimal import Decimal

    tigo = Operator(
        id=2,
        name="Tigo Colombia",
        supports_local_amounts=False,
        sender_currency="USD",
        fx_rate=Decimal(4100),
    )
    assert tigo.pesos_received(10_000) == 10_004
    assert Operator(id=1, name="Claro Colombia").pesos_received(10_000) == 10_000
