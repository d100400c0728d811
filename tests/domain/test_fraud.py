"""Limits against fraud, as a pure rule: counts and pesos in, a refusal with its numbers out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.fraud import (
    NOT_COUNTED,
    FraudLimits,
    Usage,
    check_limits,
    kiosk_window_start,
    line_window_start,
)
from kiosk.domain.sale import FINAL_STATES, SaleState

S = SaleState
LIMITS = FraudLimits(
    line_daily_count=5,
    line_daily_pesos=300_000,
    kiosk_hourly_count=60,
    kiosk_hourly_pesos=3_000_000,
)


NONE = Usage()


def _refused(amount: int, line: Usage, kiosk: Usage = NONE) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        check_limits(LIMITS, amount_pesos=amount, line_today=line, kiosk_last_hour=kiosk)
    return refused.value


def test_the_fifth_sale_to_a_line_is_allowed_and_the_sixth_refused() -> None:
    check_limits(LIMITS, amount_pesos=10_000, line_today=Usage(4, 40_000), kiosk_last_hour=Usage())
    error = _refused(10_000, Usage(5, 50_000))
    assert error.code == "sale.limit_line_day"
    assert error.params == {"count": 5, "maximum": 5}


def test_a_line_may_reach_its_daily_pesos_but_not_pass_them() -> None:
    check_limits(
        LIMITS, amount_pesos=100_000, line_today=Usage(2, 200_000), kiosk_last_hour=Usage()
    )
    error = _refused(100_001, Usage(2, 200_000))
    assert error.code == "sale.limit_line_day_pesos"
    assert error.params == {
        "amount": 100_001,
        "used": 200_000,
        "maximum": 300_000,
        "left": 100_000,
    }


def test_the_kiosks_hour_has_its_own_count_and_pesos() -> None:
    check_limits(
        LIMITS, amount_pesos=10_000, line_today=Usage(), kiosk_last_hour=Usage(59, 2_990_000)
    )
    assert _refused(10_000, Usage(), Usage(60, 600_000)).code == "sale.limit_kiosk_hour"
    error = _refused(10_001, Usage(), Usage(59, 2_990_000))
    assert error.code == "sale.limit_kiosk_hour_pesos" and error.params["left"] == 10_000


def test_the_line_is_checked_before_the_kiosk() -> None:
    assert _refused(10_000, Usage(5, 0), Usage(60, 0)).code == "sale.limit_line_day"


def test_zero_is_no_limit() -> None:
    check_limits(
        FraudLimits(),
        amount_pesos=10**9,
        line_today=Usage(10**6, 10**12),
        kiosk_last_hour=Usage(10**6, 10**12),
    )
    only_pesos = FraudLimits(line_daily_pesos=300_000)
    check_limits(only_pesos, amount_pesos=1, line_today=Usage(99, 0), kiosk_last_hour=Usage(99, 0))


def test_the_lines_day_is_bogotas_calendar_day() -> None:
    # 04:59 UTC is still 23:59 of the day before in Bogotá (UTC-5); 05:00 UTC is midnight.
    late = datetime(2026, 12, 1, 4, 59, tzinfo=UTC)
    assert line_window_start(late) == datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    assert line_window_start(datetime(2026, 12, 1, 5, 0, tzinfo=UTC)) == datetime(
        2026, 12, 1, 5, 0, tzinfo=UTC
    )
    assert kiosk_window_start(late) == datetime(2026, 12, 1, 3, 59, tzinfo=UTC)


def test_only_sales_that_closed_unpaid_are_not_counted() -> None:
    closed_unpaid = {S.DECLINED, S.ERROR, S.NOT_CREATED, S.CANCELLED, S.EXPIRED}
    assert closed_unpaid == NOT_COUNTED == FINAL_STATES - {S.DELIVERED, S.SETTLED}
    # Open sales may still be paid; delivered, settled and paid-not-delivered were paid.
    assert not NOT_COUNTED & {
        S.PAYMENT_PENDING,
        S.PAYMENT_FAILED,
        S.DELIVERED,
        S.SETTLED,
        S.PAID_NOT_DELIVERED,
    }


def test_each_refusal_has_spanish_words_that_say_nothing_was_charged() -> None:
    from kiosk.messages import SOURCES

    for code in (
        "sale.limit_line_day",
        "sale.limit_line_day_pesos",
        "sale.limit_kiosk_hour",
        "sale.limit_kiosk_hour_pesos",
        "sale.float_held",
    ):
        assert "no se cobró nada" in SOURCES[code].lower()
