"""The provider's rule against a second top-up too soon (Reloadly's ``PHONE_RECENTLY_RECHARGED``).

The provider refuses a second top-up to the same number within 2 minutes. Checked before any
payment, so that no customer pays for a top-up the provider would refuse.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta

from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleState

#: The provider's window between two top-ups to one number.
RECHARGE_COOLDOWN = timedelta(minutes=2)
#: Approved and being credited: the provider's window starts when that top-up lands.
_CREDITING = frozenset({SaleState.PAID, SaleState.DELIVERY_REQUESTED, SaleState.DELIVERY_UNKNOWN})


def cooldown_left(
    sales: Iterable[tuple[SaleState, datetime]],
    now: datetime,
    cooldown: timedelta = RECHARGE_COOLDOWN,
) -> timedelta:
    """How long before the line may be topped up again, given its recent sales as
    (state, last change): zero when it may be now."""
    left = timedelta(0)
    for state, changed_at in sales:
        if state in _CREDITING:
            left = max(left, cooldown)
        elif state is SaleState.DELIVERED:
            left = max(left, changed_at + cooldown - now)
    return left


def check_recharge_allowed(
    sales: Iterable[tuple[SaleState, datetime]],
    now: datetime,
    cooldown: timedelta = RECHARGE_COOLDOWN,
) -> None:
    """Refuse with ``sale.line_recently_recharged`` (``count``: the seconds left)."""
    left = cooldown_left(sales, now, cooldown)
    if left > timedelta(0):
        raise ValidationError("sale.line_recently_recharged", count=math.ceil(left.total_seconds()))
