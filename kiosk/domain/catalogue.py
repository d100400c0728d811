"""What the provider sells: operators, their amounts and gift packs.

These come from the top-up provider's catalogue (or the sandbox's); the screens
render them and never hold operator names, amounts or packs of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """An operator as the provider describes it (a top-up or a bundle operator)."""

    id: int
    name: str
    country_code: str = "CO"
    #: "RANGE" (any amount between min and max) or "FIXED" (only ``fixed_amounts_pesos``).
    denomination_type: str = "RANGE"
    min_amount_pesos: int | None = None
    max_amount_pesos: int | None = None
    fixed_amounts_pesos: tuple[int, ...] = ()
    is_bundle: bool = False
    packs: tuple[Pack, ...] = field(default=())

    @property
    def brand(self) -> str:
        """The operator's brand as a customer says it ("Claro"), for "this line is X" messages."""
        return self.name.split()[0] if self.name else ""


@dataclass(frozen=True)
class Catalogue:
    """The top-up operator and its bundle operator for one brand (Claro in release 1)."""

    topup_operator: Operator
    bundle_operator: Operator | None = None

    @property
    def packs(self) -> tuple[Pack, ...]:
        return self.bundle_operator.packs if self.bundle_operator else ()

    def payable_packs(self, minimum_pesos: int, maximum_pesos: int) -> tuple[Pack, ...]:
        """The packs a customer can pay for: a pack priced under the payment method's
        minimum (PSE: 1.500) or over the store's maximum is never offered."""
        return tuple(
            pack for pack in self.packs if minimum_pesos <= pack.amount_pesos <= maximum_pesos
        )
