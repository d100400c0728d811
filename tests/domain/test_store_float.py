"""The store's float, often in USD, compared with a sale through the operator's rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError
from kiosk.domain.formats import ENGLISH, SPANISH
from kiosk.domain.store_float import Money, check_float, needed_from_float

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
