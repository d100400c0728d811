"""The store's float with the provider (the balance it sells from), often in USD.

A sale is compared with it through the operator's rate before any payment, so that no
customer pays for a top-up the provider would refuse for want of balance. What the sales
still open may take from it is held: each one's amount converted through its own operator
(:func:`needed_from_float`), so two sales paying at once cannot both count on the same
dollars.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import FINAL_STATES, SaleState

_CENT = Decimal("0.01")

#: Sales that may still take from the float: open ones that are not delivered yet (paid or
#: still waiting for their payment). A paid-not-delivered sale is not: the provider did not
#: (or no longer does) take its top-up from the float. A top-up being sent holds until it is
#: delivered, even if the provider has taken it already (the safe side: refuse, not oversell).
HOLDS_FLOAT: frozenset[SaleState] = (
    frozenset(SaleState) - FINAL_STATES - {SaleState.PAID_NOT_DELIVERED}
)


@dataclass(frozen=True)
class Money:
    """An amount in any currency (the float's), shown by the edge in the current language."""

    amount: Decimal
    currency: str


def needed_from_float(pesos: int, operator: Operator) -> Money:
    """What a sale of ``pesos`` to ``operator`` takes from the float, in the float's currency:
    the amount sent when the provider takes the account's currency, else the pesos at the
    operator's rate (local amounts are charged to the account in its own currency)."""
    sent = operator.send_amount(pesos)
    account = operator.sender_currency
    if sent.currency == account:
        return Money(sent.amount, account)
    rate = operator.fx_rate or Decimal(1)
    return Money((Decimal(pesos) / rate).quantize(_CENT, rounding=ROUND_CEILING), account)


def held_by(sales: Iterable[tuple[int, Operator]], currency: str) -> Money:
    """What open sales, as (pesos, operator), hold of a float in ``currency``.

    A sale whose operator takes another currency is charged to another account: it holds
    nothing of this one.
    """
    total = Decimal(0)
    for pesos, operator in sales:
        needed = needed_from_float(pesos, operator)
        if needed.currency == currency:
            total += needed.amount
    return Money(total, currency)


def check_float(balance: Money, pesos: int, operator: Operator, held: Money | None = None) -> None:
    """Refuse a sale the float cannot pay once the open sales' ``held`` is set aside.

    ``topup.float_too_low`` (``balance``) when nothing is held; ``sale.float_held``
    (``balance``, ``held``, ``available``: what is left for new sales) when open sales hold
    part of it. A float in another currency than the operator takes is not compared.
    """
    needed = needed_from_float(pesos, operator)
    if needed.currency != balance.currency:
        return
    reserved = held.amount if held is not None and held.currency == balance.currency else 0
    available = balance.amount - reserved
    if available >= needed.amount:
        return
    if reserved <= 0:
        raise ValidationError("topup.float_too_low", balance=balance)
    raise ValidationError(
        "sale.float_held",
        balance=balance,
        held=Money(Decimal(reserved), balance.currency),
        available=Money(max(Decimal(0), available), balance.currency),
    )


def warning_threshold(balance: Money, below: int) -> Money | None:
    """The float under which the clerk is warned (``below`` whole units of the float's own
    currency); None when ``below`` is 0 (never warn)."""
    if below <= 0:
        return None
    return Money(Decimal(below), balance.currency)


def is_low(balance: Money, below: int) -> bool:
    """The float is under the store's warning threshold."""
    threshold = warning_threshold(balance, below)
    return threshold is not None and balance.amount < threshold.amount
