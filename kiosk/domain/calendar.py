"""Store days in America/Bogota time: a day, a shift or a report range never follows UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

STORE_TIMEZONE = ZoneInfo("America/Bogota")


def store_day(moment: datetime) -> date:
    """The store's calendar day of an aware ``moment`` (e.g. 02:00 UTC is the previous evening)."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(STORE_TIMEZONE).date()


def day_bounds_utc(day: date) -> tuple[datetime, datetime]:
    """``[start, end)`` of a store day in UTC, for queries such as ``sales_between``."""
    start = datetime.combine(day, time.min, tzinfo=STORE_TIMEZONE)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=STORE_TIMEZONE)
    return start.astimezone(UTC), end.astimezone(UTC)
