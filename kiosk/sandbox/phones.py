"""Colombian mobile numbers and the sandbox's test lines (GATEWAYS.md §3)."""

from __future__ import annotations

import hashlib
import re

#: Refused by the top-up provider (400 PROVIDER_REFUSED).
REFUSED_LINE = "3000000001"
#: Delivered, but the answer comes only after ``slow_line_seconds``.
SLOW_LINE = "3000000002"
#: Ported to Movistar: auto-detection names Movistar, Claro's line services do not know it.
PORTED_LINE = "3000000003"
#: Answered PROCESSING for ``processing_success_seconds``, then SUCCESSFUL.
PROCESSING_LINE = "3000000004"
#: Answered FAILED: nothing delivered, nothing charged.
FAILED_LINE = "3000000005"
#: Answered PROCESSING for ``processing_refund_seconds``, then REFUNDED.
REFUNDED_LINE = "3000000006"
#: Sample ported lines: a Movistar prefix now on Claro, a Claro prefix now on Tigo.
PORTED_TO_CLARO = "3151234567"
PORTED_TO_TIGO = "3129876543"
#: Lines served today by another operator than their prefix's (the README lists them).
PORTED_LINES: dict[str, str] = {
    PORTED_LINE: "Movistar",
    PORTED_TO_CLARO: "Claro",
    PORTED_TO_TIGO: "Tigo",
}

#: The operator each prefix was first assigned to (GATEWAYS.md §3); any other is Claro's.
_PREFIXES: dict[str, range] = {
    "Claro": range(0),  # the default
    "Movistar": range(315, 320),
    "Tigo": range(300, 306),
    "WOM": range(350, 352),
}

_SEPARATORS = re.compile(r"[\s\-().]")


def national_mobile(raw: object) -> str | None:
    """The 10 national digits of a Colombian mobile line, or None when it is not one.

    Accepts ``+57``/``57`` prefixes, spaces, dashes and parentheses, as people type them.
    """
    if not isinstance(raw, str):
        return None
    digits = _SEPARATORS.sub("", raw.strip())
    if digits.startswith("+"):
        digits = digits[1:]
    if len(digits) == 12 and digits.startswith("57"):
        digits = digits[2:]
    if len(digits) == 10 and digits.isdigit() and digits.startswith("3"):
        return digits
    return None


def prefix_brand(number: str) -> str:
    """The brand the line's prefix was first assigned to: 310–314 and 320–324 Claro,
    315–319 Movistar, 300–305 Tigo, 350–351 WOM, any other Claro.

    The test lines ``30000000xx`` are Claro's (they say otherwise through ``PORTED_LINES``).
    """
    if number.startswith("30000000"):
        return "Claro"
    prefix = int(number[:3])
    return next((brand for brand, span in _PREFIXES.items() if prefix in span), "Claro")


def starting_balance(number: str) -> int:
    """A line's opening balance in pesos: the same for a number in every sandbox run."""
    seed = int.from_bytes(hashlib.sha256(number.encode("ascii")).digest()[:4], "big")
    return 1_000 * (seed % 40) + 100 * (seed // 40 % 10)


def masked(number: str) -> str:
    """``******4567``: enough to recognise a line, not enough to reuse it."""
    return "*" * (len(number) - 4) + number[-4:]


def spaced(number: str) -> str:
    """``300 123 4567``, the way a line is read aloud in an SMS."""
    return f"{number[:3]} {number[3:6]} {number[6:]}"
