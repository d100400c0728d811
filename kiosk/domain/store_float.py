"""The store's float with the provider (the balance it sells from), often in USD.

A sale is compared with it through the operator's rate before any payment, so that no
customer pays for a top-up the provider would refuse for want of balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError

_CENT = Decimal("0.01")


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


def check_float(balance: Money, pesos: int, operator: Operator) -> None:
    """Refuse with ``topup.float_too_low`` when the float cannot pay for the sale."""
    needed = needed_from_float(pesos, operator)
    if needed.currency == balance.currency and balance.amount < needed.amount:
        raise ValidationError("topup.float_too_low", balance=balance)
