"""The NIT (Colombia's tax number) and its DIAN check digit (pure).

A NIT is written ``900123456-8``, often with thousands dots ``900.123.456-8``: a base
of up to 15 digits, a dash, and the check digit. The digit is computed as the DIAN
does: the base's digits, from the right, times 3, 7, 13, 17, 19, 23, 29, 37, 41, 43,
47, 53, 59, 67, 71; ``r`` = the sum modulo 11; the digit is ``r`` when ``r`` is 0 or
1, else ``11 - r``.
"""

from __future__ import annotations

import re

from kiosk.domain.errors import ValidationError

#: The DIAN's weights, applied to the base's digits from the right.
WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)
_WRITTEN = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d{1,15})\s*-\s*(\d)$")


def check_digit(base: str) -> int:
    """The check digit of ``base`` (1 to 15 digits, no dots)."""
    if not base.isdigit() or not 1 <= len(base) <= len(WEIGHTS) or not base.isascii():
        raise ValidationError("settings.nit_format", nit=base)
    total = sum(int(digit) * weight for digit, weight in zip(reversed(base), WEIGHTS, strict=False))
    remainder = total % 11
    return remainder if remainder in (0, 1) else 11 - remainder


def normalize_nit(text: str) -> str:
    """``text`` as ``<base>-<digit>`` (dots and spaces dropped) when its digit is right.

    Raises ``ValidationError("settings.nit_format")`` when it is not written as a NIT
    and ``ValidationError("settings.nit_check_digit")`` when its check digit is wrong
    (a typo, most often). The right digit is not said: a typo in the base would
    otherwise be "fixed" by copying it.
    """
    written = text.strip()
    match = _WRITTEN.match(written)
    if match is None:
        raise ValidationError("settings.nit_format", nit=written)
    base, digit = match.group(1).replace(".", ""), int(match.group(2))
    if len(base) > len(WEIGHTS):
        raise ValidationError("settings.nit_format", nit=written)
    if check_digit(base) != digit:
        raise ValidationError("settings.nit_check_digit", nit=written)
    return f"{base}-{digit}"
