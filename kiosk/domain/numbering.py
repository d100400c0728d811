"""Colombia's mobile numbering plan: which operator a prefix was first given to.

Never used to decide what to sell (a ported line keeps its number and changes operator:
the provider's detection says who serves it now); only to tell a customer plainly that a
line is no longer with the operator its number suggests ("Esta línea ahora es de Movistar").
"""

from __future__ import annotations

#: Three-digit prefixes by the operator they were first assigned to.
_FIRST_ASSIGNED = {
    **dict.fromkeys(
        ("310", "311", "312", "313", "314", "320", "321", "322", "323", "324"), "Claro"
    ),
    **dict.fromkeys(("315", "316", "317", "318", "319"), "Movistar"),
    **dict.fromkeys(("300", "301", "302", "303", "304", "305"), "Tigo"),
    **dict.fromkeys(("350", "351"), "WOM"),
}


def first_operator(line: str) -> str:
    """The brand a 10-digit mobile line's prefix was first given to ("" when unknown)."""
    return _FIRST_ASSIGNED.get(line[:3], "")


def ported_from(line: str, serving_brand: str) -> str:
    """The brand the line's number suggests, when another one serves it now; else ""."""
    first = first_operator(line)
    return first if first and first.casefold() != serving_brand.casefold() else ""
