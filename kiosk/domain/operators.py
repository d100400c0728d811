"""Which operators' lines this store sells (release 1: one brand, Claro).

The operator of a line always comes from the provider's detection, never from its
prefix: a line ported to another operator keeps its number.
"""

from __future__ import annotations

from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError

#: The brand the store sells when nothing else is configured.
SOLD_BRAND = "Claro"
#: The balance query needs the operator's own partner API: release 1 has Claro's only.
BALANCE_BRAND = "Claro"


def check_line_operator(detected: Operator, sold_brand: str = SOLD_BRAND) -> Operator:
    """The detected operator when the store sells it; else ``sale.line_other_operator``
    (e.g. a line ported to Movistar), refused before any payment."""
    if detected.brand.lower() != sold_brand.lower():
        raise ValidationError("sale.line_other_operator", operator=detected.brand, brand=sold_brand)
    return detected


def check_balance_operator(detected: Operator) -> Operator:
    """The detected operator when its balance can be asked here; else
    ``balance.other_operator``, told before any code is sent to the line."""
    if detected.brand.lower() != BALANCE_BRAND.lower():
        raise ValidationError(
            "balance.other_operator", operator=detected.brand, brand=BALANCE_BRAND
        )
    return detected
