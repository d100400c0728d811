"""The provider's 2-minute rule between two top-ups to one number, decided before payment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.recharge import RECHARGE_COOLDOWN, check_recharge_allowed, cooldown_left
from kiosk.domain.sale import SaleState

S = SaleState
NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def test_a_line_delivered_a_minute_ago_waits_the_other_minute() -> None:
    sales = [(S.DELIVERED, NOW - timedelta(seconds=60))]
    assert cooldown_left(sales, NOW) == timedelta(seconds=60)
    with pytest.raises(ValidationError) as refused:
        check_recharge_allowed(sales, NOW)
    assert refused.value.code == "sale.line_recently_recharged"
    assert refused.value.params == {"count": 60}


def test_a_line_being_credited_waits_a_whole_window() -> None:
    for state in (S.PAID, S.DELIVERY_REQUESTED, S.DELIVERY_UNKNOWN):
        assert cooldown_left([(state, NOW - timedelta(minutes=5))], NOW) == RECHARGE_COOLDOWN


def test_sales_that_credited_nothing_never_hold_a_line() -> None:
    nothing = [
        (state, NOW)
        for state in (S.CREATED, S.PAYMENT_PENDING, S.DECLINED, S.PAID_NOT_DELIVERED, S.EXPIRED)
    ]
    assert cooldown_left(nothing, NOW) == timedelta(0)
    check_recharge_allowed(nothing, NOW)


@given(st.integers(min_value=0, max_value=600))
def test_the_time_left_is_the_window_less_the_time_since_delivery(seconds_ago: int) -> None:
    left = cooldown_left([(S.DELIVERED, NOW - timedelta(seconds=seconds_ago))], NOW)
    assert left == max(timedelta(0), RECHARGE_COOLDOWN - timedelta(seconds=seconds_ago))
