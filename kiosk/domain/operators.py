"""Which operators' lines this store sells, and what a detected line is sold as.

The operator of a line always comes from the provider's detection, never from its
prefix: a line ported to another operator keeps its number and is sold under the
operator that serves it now. A store may restrict itself to some operators
(``[catalogue] operators``, e.g. a Claro-branded kiosk).
"""

from __future__ import annotations

from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError

#: The Colombian mobile operators (brands) this product sells, in their canonical spelling:
#: the one home of that list. A store restricting itself (``[catalogue] operators``) names
#: some of these; the provider's detection names the same brands.
COLOMBIAN_BRANDS: tuple[str, ...] = ("Claro", "Movistar", "Tigo", "WOM")

#: The balance query needs the operator's own partner API: release 1 has Claro's only.
BALANCE_BRAND = "Claro"


def canonical_brand(name: str) -> str:
    """``name`` in its canonical spelling (``"movistar"`` → ``"Movistar"``), or "" when it is
    not one of :data:`COLOMBIAN_BRANDS` (case and surrounding spaces do not matter)."""
    wanted = name.strip().casefold()
    return next((brand for brand in COLOMBIAN_BRANDS if brand.casefold() == wanted), "")


def sells(brand: str, sold_brands: tuple[str, ...]) -> bool:
    """True when a store selling ``sold_brands`` (empty: every operator) sells ``brand``."""
    return not sold_brands or brand.casefold() in {sold.casefold() for sold in sold_brands}


def check_line_operator(detected: Operator, sold_brands: tuple[str, ...] = ()) -> Operator:
    """The detected operator when the store sells it; else ``sale.line_other_operator``
    (a line of an operator the store does not sell), refused before any payment."""
    if not sells(detected.brand, sold_brands):
        raise ValidationError(
            "sale.line_other_operator", operator=detected.brand, brand=" / ".join(sold_brands)
        )
    return detected


def check_balance_operator(detected: Operator) -> Operator:
    """The detected operator when its balance can be asked here; else
    ``balance.other_operator``, told before any code is sent to the line."""
    if detected.brand.lower() != BALANCE_BRAND.lower():
        raise ValidationError(
            "balance.other_operator", operator=detected.brand, brand=BALANCE_BRAND
        )
    return detected
