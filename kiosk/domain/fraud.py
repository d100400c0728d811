"""Limits against fraud: how many sales, and how many pesos, one line may get in a store day
and this kiosk may sell in an hour (PRODUCT.md: "a maximum count and amount per line per day
and per kiosk per hour").

Checked before a sale is journaled or paid, so a refusal costs the customer nothing.

What counts: every sale created in the window that did not close unpaid. A sale that ended
:data:`NOT_COUNTED` (declined, error, never created, cancelled, expired) used up nothing: a
customer whose bank declined may try again. A sale still open counts, whatever its state,
because it may still be paid (a checkout stays payable until it expires); so do delivered,
paid-not-delivered and settled sales (money changed hands).

The line's window is its store day (America/Bogota, :mod:`kiosk.domain.calendar`): the count
starts again at local midnight. The kiosk's window is the last 60 minutes. A limit of 0 is no
limit. The sale being checked is not journaled yet: with a limit of N sales, the Nth sale is
allowed and the next one refused; a sale whose pesos would take the total past the limit is
refused (reaching it exactly is allowed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.domain.calendar import day_bounds_utc, store_day
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import Pesos
from kiosk.domain.sale import SaleState

S = SaleState

#: Sales that closed without anyone paying: they do not use up a limit.
NOT_COUNTED: frozenset[SaleState] = frozenset(
    {S.DECLINED, S.ERROR, S.NOT_CREATED, S.CANCELLED, S.EXPIRED}
)
#: The kiosk's window: the last hour, sliding.
KIOSK_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class Usage:
    """What counted sales already used in a window: how many, and their pesos."""

    count: int = 0
    pesos: int = 0


@dataclass(frozen=True)
class FraudLimits:
    """The store's limits (``[limits]`` in the config); 0 means no limit."""

    line_daily_count: int = 0
    line_daily_pesos: int = 0
    kiosk_hourly_count: int = 0
    kiosk_hourly_pesos: int = 0


def line_window_start(now: datetime) -> datetime:
    """When the line's window began: local midnight of ``now``'s store day, in UTC."""
    return day_bounds_utc(store_day(now))[0]


def kiosk_window_start(now: datetime) -> datetime:
    """When the kiosk's window began: an hour before ``now``."""
    return now - KIOSK_WINDOW


def _check(code: str, used: Usage, amount_pesos: int, max_count: int, max_pesos: int) -> None:
    if max_count > 0 and used.count >= max_count:
        raise ValidationError(code, count=used.count, maximum=max_count)
    if max_pesos > 0 and used.pesos + amount_pesos > max_pesos:
        raise ValidationError(
            f"{code}_pesos",
            amount=Pesos(amount_pesos),
            used=Pesos(used.pesos),
            maximum=Pesos(max_pesos),
            left=Pesos(max(0, max_pesos - used.pesos)),
        )


def check_limits(
    limits: FraudLimits, *, amount_pesos: int, line_today: Usage, kiosk_last_hour: Usage
) -> None:
    """Refuse a sale of ``amount_pesos`` past a limit (the line's first, then the kiosk's).

    Raises :class:`ValidationError`: ``sale.limit_line_day`` / ``sale.limit_kiosk_hour``
    (too many sales: ``count`` so far, ``maximum``) or ``sale.limit_line_day_pesos`` /
    ``sale.limit_kiosk_hour_pesos`` (too many pesos: ``amount``, ``used``, ``maximum``,
    ``left``, as :class:`~kiosk.domain.money.Pesos`).
    """
    _check(
        "sale.limit_line_day",
        line_today,
        amount_pesos,
        limits.line_daily_count,
        limits.line_daily_pesos,
    )
    _check(
        "sale.limit_kiosk_hour",
        kiosk_last_hour,
        amount_pesos,
        limits.kiosk_hourly_count,
        limits.kiosk_hourly_pesos,
    )
