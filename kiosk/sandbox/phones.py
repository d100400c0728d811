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
