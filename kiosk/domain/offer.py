"""What the store sells right now: the operator it sells, its top-up amounts, its packs.

Built below the screens (``kiosk.services.catalogue``) from the provider's catalogue
and the store's limits; the screens render it and never decide amounts or packs.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.amounts import AmountOffer
from kiosk.domain.catalogue import Catalogue, Operator, Pack


@dataclass(frozen=True)
class StoreOffer:
    catalogue: Catalogue
    #: The amounts a top-up may have here (store, operator and PSE limits combined).
    topup: AmountOffer
    #: The gift packs a customer can pay for here (priced within PSE's and the store's range).
    packs: tuple[Pack, ...]

    @property
    def topup_operator(self) -> Operator:
        return self.catalogue.topup_operator

    @property
    def bundle_operator(self) -> Operator | None:
        return self.catalogue.bundle_operator

    @property
    def brand(self) -> str:
        return self.catalogue.brand


@dataclass(frozen=True)
class LineOffer:
    """A line as the store can sell it: the operator that serves it now (the provider's
    detection), that operator's offer here, and the brand its number suggests when it was
    ported from another one ("" when not)."""

    operator: Operator
    offer: StoreOffer
    ported_from: str = ""

    @property
    def brand(self) -> str:
        return self.operator.brand
