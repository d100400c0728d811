"""The amount sent to the provider gives the line at least the pesos paid, never much more."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.fx import (
    SendAmount,
    amount_to_send,
    pesos_delivered,
    pesos_worth,
    to_account_currency,
)

pesos_st = st.integers(min_value=1, max_value=10_000_000)
rates = st.decimals(
    min_value=Decimal("0.5"), max_value=Decimal("20000"), places=4, allow_nan=False
).filter(lambda rate: rate > 0)


@given(pesos_st, rates)
def test_the_line_gets_at_least_what_was_paid_and_at_most_a_cent_more(
    pesos: int, rate: Decimal
) -> None:
    amount = to_account_currency(pesos, rate)

    assert amount == amount.quantize(Decimal("0.01"))
    assert pesos_delivered(amount, rate) >= pesos
    assert amount * rate - pesos < rate / 100  # never a whole cent too much


@given(pesos_st, pesos_st, rates)
def test_more_pesos_never_send_less(a: int, b: int, rate: Decimal) -> None:
    low, high = sorted((a, b))
    assert to_account_currency(low, rate) <= to_account_currency(high, rate)


def test_the_documented_example() -> None:
    assert to_account_currency(10_000, Decimal(4100)) == Decimal("2.44")
    assert pesos_delivered(Decimal("2.44"), Decimal(4100)) == 10_004
    assert pesos_worth(Decimal("1500.00"), "USD", Decimal(4100)) == 6_150_000
    assert pesos_worth(Decimal("5000.75"), "COP", Decimal(1)) == 5_000


@given(pesos_st)
def test_local_amounts_send_the_pesos_themselves(pesos: int) -> None:
    sent = amount_to_send(
        pesos, supports_local_amounts=True, sender_currency="USD", fx_rate=Decimal(4100)
    )
    assert sent == SendAmount(Decimal(pesos), "COP", True)


def test_a_cop_account_sends_pesos_without_the_local_flag() -> None:
    sent = amount_to_send(
        7_000, supports_local_amounts=False, sender_currency="COP", fx_rate=Decimal(1)
    )
    assert sent == SendAmount(Decimal(7_000), "COP", False)


def test_a_fixed_amount_operator_gets_the_amount_listed_beside_the_pack() -> None:
    sent = amount_to_send(
        7_000,
        supports_local_amounts=False,
        sender_currency="USD",
        fx_rate=Decimal(4100),
        fixed_amounts=(Decimal("0.49"), Decimal("1.70")),
        local_fixed_amounts=(2_000, 7_000),
    )
    assert sent == SendAmount(Decimal("1.70"), "USD", False)


@pytest.mark.parametrize("pesos", [0, -5, True, 1.5])
def test_only_whole_positive_pesos(pesos: object) -> None:
    with pytest.raises(ValueError):
        amount_to_send(
            pesos,  # type: ignore[arg-type]
            supports_local_amounts=True,
            sender_currency="COP",
            fx_rate=Decimal(1),
        )


@pytest.mark.parametrize("rate", [Decimal(0), Decimal(-1), Decimal("NaN")])
def test_a_rate_must_be_positive(rate: Decimal) -> None:
    with pytest.raises(ValueError):
        to_account_currency(1_000, rate)
