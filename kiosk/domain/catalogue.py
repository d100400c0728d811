"""What the provider sells: operators, their amounts and gift packs.

These come from the top-up provider's catalogue (or the sandbox's); the screens
render them and never hold operator names, amounts or packs of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kiosk.domain.fx import LOCAL_CURRENCY, SendAmount, amount_to_send, pesos_delivered

#: The only country the store sells: an operator of any other is never offered.
COUNTRY = "CO"


@dataclass(frozen=True)
class Pack:
    """A gift pack: a fixed amount of the operator's bundle operator."""

    amount_pesos: int
    name: str
    #: Free text from the provider; the card falls back to it when details are missing.
    description: str = ""
    data_mb: int | None = None
    minutes: int | None = None
    apps: tuple[str, ...] = ()
    validity_days: int | None = None
    #: The sandbox's prices are samples, not the operator's real prices.
    sample_price: bool = False


@dataclass(frozen=True)
class Operator:
    """An operator as the provider describes it (a top-up or a bundle operator).

    ``*_pesos`` amounts are local (COP, what the line gets); ``min_amount``,
    ``max_amount`` and ``fixed_amounts`` are in the account's currency
    (``sender_currency``), which ``fx_rate`` pesos make one unit of.
    """

    id: int
    name: str
    #: The operator's own ``country.isoName``, checked: never picked by its name alone.
    country_code: str = COUNTRY
    #: "RANGE" (any amount between min and max) or "FIXED" (only ``fixed_amounts_pesos``).
    denomination_type: str = "RANGE"
    min_amount_pesos: int | None = None
    max_amount_pesos: int | None = None
    fixed_amounts_pesos: tuple[int, ...] = ()
    is_bundle: bool = False
    packs: tuple[Pack, ...] = field(default=())
    #: Takes amounts in COP (``useLocalAmount: true``) whatever the account's currency.
    supports_local_amounts: bool = True
    sender_currency: str = LOCAL_CURRENCY
    destination_currency: str = LOCAL_CURRENCY
    #: Pesos per unit of ``sender_currency`` (1 for a COP account).
    fx_rate: Decimal = Decimal(1)
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    fixed_amounts: tuple[Decimal, ...] = ()
    country_name: str = ""

    @property
    def brand(self) -> str:
        """The operator's brand as a customer says it ("Claro"), for "this line is X" messages."""
        return self.name.split()[0] if self.name else ""

    @property
    def is_colombian(self) -> bool:
        return self.country_code.upper() == COUNTRY

    def pesos_received(self, pesos: int) -> int:
        """The whole pesos the line gets for a sale of ``pesos``: the pesos themselves where
        the operator takes local amounts, else what the converted amount is worth (never
        less than ``pesos``): what the screen and the receipt say the line receives."""
        sent = self.send_amount(pesos)
        return (
            int(sent.amount)
            if sent.currency == LOCAL_CURRENCY
            else pesos_delivered(sent.amount, self.fx_rate)
        )

    def send_amount(self, pesos: int) -> SendAmount:
        """What to send this operator so that the line gets ``pesos`` (kiosk.domain.fx)."""
        return amount_to_send(
            pesos,
            supports_local_amounts=self.supports_local_amounts,
            sender_currency=self.sender_currency,
            fx_rate=self.fx_rate,
            fixed_amounts=self.fixed_amounts,
            local_fixed_amounts=self.fixed_amounts_pesos,
        )


@dataclass(frozen=True)
class Catalogue:
    """The top-up operator and its bundle operator for one brand of one country."""

    topup_operator: Operator
    bundle_operator: Operator | None = None

    @property
    def brand(self) -> str:
        return self.topup_operator.brand

    @property
    def packs(self) -> tuple[Pack, ...]:
        return self.bundle_operator.packs if self.bundle_operator else ()

    def payable_packs(self, minimum_pesos: int, maximum_pesos: int) -> tuple[Pack, ...]:
        """The packs a customer can pay for: a pack priced under the payment method's
        minimum (PSE: 1.500) or over the store's maximum is never offered."""
        return tuple(
            pack for pack in self.packs if minimum_pesos <= pack.amount_pesos <= maximum_pesos
        )
