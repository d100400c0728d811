"""What to send the top-up provider so that a line gets the pesos the customer paid.

A provider account may be kept in another currency than the line's (Reloadly accounts
are often in USD). An operator that ``supports_local_amounts`` takes the pesos themselves
(``useLocalAmount: true``). Any other takes an amount in the account's currency, which
the provider converts at its rate: ``fx_rate`` pesos per unit of the account's currency.

The rule (one home for it, GATEWAYS.md §2): the amount in the account's currency is
``pesos / fx_rate`` rounded **up** to the currency's cent, so the line never gets less
than was paid for; it gets at most one cent's worth of pesos more (under ``fx_rate / 100``
pesos), which the store pays. A fixed-amount operator takes only its listed amounts: the
one listed beside the pack's price in pesos is sent, when the provider lists both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

LOCAL_CURRENCY = "COP"
#: The smallest unit of an account currency (USD, EUR: cents).
CENT = Decimal("0.01")


@dataclass(frozen=True)
class SendAmount:
    """The amount of one ``POST /topups``: ``amount`` in ``currency``; ``use_local`` says
    whether it is the line's own currency (COP)."""

    amount: Decimal
    currency: str
    use_local: bool


def _check_rate(rate: Decimal) -> Decimal:
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0:
        raise ValueError("the exchange rate must be a positive Decimal")
    return rate


def to_account_currency(pesos: int, rate: Decimal) -> Decimal:
    """``pesos`` in the account's currency: ``pesos / rate`` rounded up to the cent."""
    if isinstance(pesos, bool) or not isinstance(pesos, int) or pesos < 0:
        raise ValueError("pesos must be a whole, non-negative number")
    return (Decimal(pesos) / _check_rate(rate)).quantize(CENT, rounding=ROUND_CEILING)


def pesos_delivered(amount: Decimal, rate: Decimal) -> int:
    """The whole pesos a line gets for ``amount`` of the account's currency at ``rate``."""
    return int((amount * _check_rate(rate)).to_integral_value(rounding=ROUND_FLOOR))


def pesos_worth(amount: Decimal, currency: str, rate: Decimal) -> int:
    """What ``amount`` of ``currency`` is worth in whole pesos (rounded down): how a store's
    float in USD is compared with a sale in pesos."""
    if currency == LOCAL_CURRENCY:
        return int(amount.to_integral_value(rounding=ROUND_FLOOR))
    return pesos_delivered(amount, rate)


def amount_to_send(
    pesos: int,
    *,
    supports_local_amounts: bool,
    sender_currency: str,
    fx_rate: Decimal,
    fixed_amounts: Sequence[Decimal] = (),
    local_fixed_amounts: Sequence[int] = (),
) -> SendAmount:
    """The amount to send for a sale of ``pesos`` to an operator (see the module's rule)."""
    if isinstance(pesos, bool) or not isinstance(pesos, int) or pesos <= 0:
        raise ValueError("pesos must be a whole, positive number")
    if supports_local_amounts or sender_currency == LOCAL_CURRENCY:
        # A COP account sends pesos either way; only the flag differs.
        return SendAmount(Decimal(pesos), LOCAL_CURRENCY, supports_local_amounts)
    if fixed_amounts and len(fixed_amounts) == len(local_fixed_amounts):
        listed = dict(zip(local_fixed_amounts, fixed_amounts, strict=True))
        if pesos in listed:
            return SendAmount(listed[pesos], sender_currency, False)
    return SendAmount(to_account_currency(pesos, fx_rate), sender_currency, False)
