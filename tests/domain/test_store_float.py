"""The store's float, often in USD, compared with a sale through the operator's rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError
from kiosk.domain.formats import ENGLISH, SPANISH
from kiosk.domain.sale import SaleState
from kiosk.domain.store_float import (
    HOLDS_FLOAT,
    Money,
    check_float,
    held_by,
    is_low,
    needed_from_float,
    warning_threshold,
)

USD_OPERATOR = Operator(
    1, "Tigo Colombia", supports_local_amounts=False, sender_currency="USD", fx_rate=Decimal(4100)
)
LOCAL_ON_USD = Operator(
    2, "Claro Colombia", supports_local_amounts=True, sender_currency="USD", fx_rate=Decimal(4100)
)
COP_OPERATOR = Operator(3, "Claro Colombia")


def test_a_sale_takes_its_converted_amount_from_a_usd_float() -> None:
    assert needed_from_float(10_000, USD_OPERATOR) == Money(Decimal("2.44"), "USD")
    # Local amounts are charged to the USD account at the operator's rate too.
    assert needed_from_float(10_000, LOCAL_ON_USD) == Money(Decimal("2.44"), "USD")
    assert needed_from_float(10_000, COP_OPERATOR) == Money(Decimal(10_000), "COP")


def test_a_float_too_low_is_refused_with_its_balance() -> None:
    check_float(Money(Decimal("2.44"), "USD"), 10_000, USD_OPERATOR)
    with pytest.raises(ValidationError) as refused:
        check_float(Money(Decimal("2.43"), "USD"), 10_000, USD_OPERATOR)
    assert refused.value.code == "topup.float_too_low"
    assert refused.value.params["balance"] == Money(Decimal("2.43"), "USD")
    with pytest.raises(ValidationError):
        check_float(Money(Decimal(9_999), "COP"), 10_000, COP_OPERATOR)


def test_the_float_is_shown_in_its_own_currency() -> None:
    assert SPANISH.money(Decimal("1234.5"), "USD") == "USD\u00a01.234,50"
    assert ENGLISH.money(Decimal("1234.5"), "USD") == "USD\u00a01,234.50"
    assert SPANISH.money(Decimal(5_000_000), "COP") == "$\u00a05.000.000"


def test_open_sales_hold_their_converted_amounts() -> None:
    held = held_by([(10_000, USD_OPERATOR), (20_500, LOCAL_ON_USD), (5_000, COP_OPERATOR)], "USD")
    assert held == Money(Decimal("2.44") + Decimal("5.00"), "USD")  # a COP sale holds no dollars
    assert held_by([], "COP") == Money(Decimal(0), "COP")


def test_a_sale_is_refused_when_what_is_held_leaves_too_little() -> None:
    balance = Money(Decimal("10.00"), "USD")
    check_float(balance, 10_000, USD_OPERATOR, held=Money(Decimal("7.56"), "USD"))
    with pytest.raises(ValidationError) as refused:
        check_float(balance, 10_000, USD_OPERATOR, held=Money(Decimal("7.57"), "USD"))
    assert refused.value.code == "sale.float_held"
    assert refused.value.params == {
        "balance": balance,
        "held": Money(Decimal("7.57"), "USD"),
        "available": Money(Decimal("2.43"), "USD"),
    }
    # Nothing held: the plain "float too low" words, as before.
    with pytest.raises(ValidationError) as low:
        check_float(Money(Decimal("2.43"), "USD"), 10_000, USD_OPERATOR, Money(Decimal(0), "USD"))
    assert low.value.code == "topup.float_too_low"


def test_more_held_than_the_balance_leaves_nothing_available() -> None:
    with pytest.raises(ValidationError) as refused:
        check_float(Money(Decimal(5), "COP"), 5_000, COP_OPERATOR, Money(Decimal(9_000), "COP"))
    assert refused.value.params["available"] == Money(Decimal(0), "COP")


def test_a_float_in_another_currency_is_not_compared() -> None:
    check_float(Money(Decimal(0), "EUR"), 10_000, USD_OPERATOR, Money(Decimal(99), "EUR"))


def test_the_open_sales_that_hold_the_float() -> None:
    assert SaleState.PAYMENT_PENDING in HOLDS_FLOAT and SaleState.CREATED in HOLDS_FLOAT
    assert SaleState.PAID in HOLDS_FLOAT and SaleState.DELIVERY_UNKNOWN in HOLDS_FLOAT
    assert SaleState.DELIVERED not in HOLDS_FLOAT
    assert SaleState.PAID_NOT_DELIVERED not in HOLDS_FLOAT


def test_the_warning_threshold_is_in_the_floats_own_currency() -> None:
    assert warning_threshold(Money(Decimal("99.99"), "USD"), 100) == Money(Decimal(100), "USD")
    assert is_low(Money(Decimal("99.99"), "USD"), 100)
    assert not is_low(Money(Decimal(100), "USD"), 100)
    assert warning_threshold(Money(Decimal(0), "COP"), 0) is None
    assert not is_low(Money(Decimal(0), "COP"), 0)
