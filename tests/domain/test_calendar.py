"""Store days follow America/Bogota (UTC-5, no daylight saving), never UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.calendar import day_bounds_utc, store_day


def test_late_evening_in_bogota_is_still_that_day() -> None:
    # 02:30 UTC on the 26th is 21:30 on the 25th in Bogotá.
    assert store_day(datetime(2026, 11, 26, 2, 30, tzinfo=UTC)) == date(2026, 11, 25)
    assert store_day(datetime(2026, 11, 26, 5, 0, tzinfo=UTC)) == date(2026, 11, 26)


def test_day_bounds_are_midnight_bogota_in_utc() -> None:
    start, end = day_bounds_utc(date(2026, 11, 25))
    assert start == datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
    assert end - start == timedelta(days=1)


def test_naive_moments_are_refused() -> None:
    with pytest.raises(ValueError):
        store_day(datetime(2026, 11, 25, 12, 0))


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_every_moment_falls_inside_its_own_day(naive: datetime) -> None:
    moment = naive.replace(tzinfo=UTC)
    start, end = day_bounds_utc(store_day(moment))
    assert start <= moment < end
