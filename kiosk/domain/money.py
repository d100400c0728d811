"""Money as integer pesos: formatting for es_CO and parsing what a clerk types.

Colombian pesos have no cents in everyday use, so the whole app counts whole
pesos as ``int``. Cents appear only at the PSE gateway's edge (Wompi's
``amount_in_cents``): :func:`pesos_to_cents` and :func:`cents_to_pesos` are
the only crossings. Floats are refused everywhere: they cannot hold money.
"""

from __future__ import annotations

import re

from kiosk.domain.errors import ValidationError

#: On screen the symbol and the digits must not be split across lines.
NBSP = "\u00a0"

#: More digits than this is not an amount anybody sells (and ``int()`` on
#: thousands of digits is slow or refused outright).
MAX_DIGITS = 15

_PLAIN = re.compile(r"[0-9]+")
# Thousands grouped by dots ("10.000") or by single spaces ("10 000"), never mixed.
_DOT_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_SPACE_GROUPED = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+")
# "10.5" or "10.50": someone typed decimals with a dot (US style).
_DOT_DECIMALS = re.compile(r"[0-9]+\.[0-9]{1,2}")
_GROUPING_CHARS = frozenset("0123456789. \u00a0\u202f")


class Pesos(int):
    """An int of whole pesos that is to be shown as money.

    A message parameter of this type is written by the current language's
    formatter (``$ 10.000`` in Spanish, ``COP 10,000`` in English), so the core
    never formats money for a person itself.
    """

    __slots__ = ()


def _require_int(value: object, name: str) -> int:
    # bool is an int subclass and float is never money: both are caller bugs.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return value


def format_pesos(pesos: int, *, screen: bool = True) -> str:
    """``$ 10.000``: dot thousands separator, no decimals.

    On screen the space after ``$`` is non-breaking; on paper (``screen=False``)
    it is a plain space, which every receipt printer's code page has.
    """
    _require_int(pesos, "pesos")
    space = NBSP if screen else " "
    digits = f"{abs(pesos):,}".replace(",", ".")
    sign = "-" if pesos < 0 else ""
    return f"{sign}${space}{digits}"


def parse_pesos(text: str) -> int:
    """Whole pesos from what a clerk types: ``10000``, ``10.000``, ``$ 10.000``, ``10 000``.

    Raises :class:`ValidationError` with a code saying what is wrong:
    ``money.empty``, ``money.letters``, ``money.decimals``, ``money.negative``,
    ``money.bad_grouping``, ``money.invalid_chars``, ``money.too_large``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    body = text.strip()
    if not body:
        raise ValidationError("money.empty")
    if any(char.isalpha() for char in body):
        raise ValidationError("money.letters")
    # In es_CO the comma is the decimal separator: "10.000,50" or "10,5".
    if "," in body:
        raise ValidationError("money.decimals")
    if body.startswith("-"):
        raise ValidationError("money.negative")
    if body.startswith("$"):
        body = body[1:].strip()
        if not body:
            raise ValidationError("money.empty")

    if _PLAIN.fullmatch(body):
        digits = body
    elif _DOT_GROUPED.fullmatch(body) or _SPACE_GROUPED.fullmatch(body):
        digits = "".join(char for char in body if char in "0123456789")
    elif _DOT_DECIMALS.fullmatch(body):
        raise ValidationError("money.decimals")
    elif set(body) <= _GROUPING_CHARS:
        raise ValidationError("money.bad_grouping")
    else:
        raise ValidationError("money.invalid_chars")

    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise ValidationError("money.too_large", maximum_digits=MAX_DIGITS)
    return int(digits)


def pesos_to_cents(pesos: int) -> int:
    """Pesos to the gateway's ``amount_in_cents``."""
    return _require_int(pesos, "pesos") * 100


def cents_to_pesos(cents: int) -> int:
    """The gateway's cents back to pesos; cents that are not whole pesos are refused."""
    _require_int(cents, "cents")
    if cents % 100:
        raise ValidationError("money.cents_not_whole", count=cents)
    return cents // 100
