"""Colombian mobile lines: 10 digits starting with 3.

Input is forgiving (``+57``, ``57``, spaces, dots, dashes, parentheses); what
comes out is always the 10 national digits. Error parameters never carry the
line itself (only how many digits were counted): they may reach logs.

The operator is never guessed from the prefix (lines are ported): that is the
top-up provider's job.
"""

from __future__ import annotations

from kiosk.domain.errors import ValidationError

LINE_DIGITS = 10
COUNTRY_CODE = "57"
_DIGITS = frozenset("0123456789")
# Characters people use to group a number; they carry no meaning.
_DECORATIONS = frozenset(".-()")


def _digits_of(text: str) -> tuple[str, bool]:
    """The digits typed and whether a leading ``+`` was given."""
    digits: list[str] = []
    plus = False
    for char in text:
        if char in _DIGITS:
            digits.append(char)
        elif char.isspace() or char in _DECORATIONS:
            continue
        elif char == "+" and not plus and not digits:
            # "+57 ..." or "(+57) ...": a plus only before the first digit.
            plus = True
        else:
            raise ValidationError("line.invalid_chars")
    return "".join(digits), plus


def _check_length(digits: str) -> None:
    if len(digits) < LINE_DIGITS:
        raise ValidationError("line.too_short", digits=len(digits), expected=LINE_DIGITS)
    if len(digits) > LINE_DIGITS:
        raise ValidationError("line.too_long", digits=len(digits), expected=LINE_DIGITS)


def normalize_line(text: str) -> str:
    """The 10 national digits of a Colombian mobile line, or a :class:`ValidationError`.

    Codes: ``line.empty``, ``line.letters``, ``line.invalid_chars``,
    ``line.not_colombian`` (a ``+`` with another country code),
    ``line.too_short`` / ``line.too_long`` (params ``digits``, ``expected``),
    ``line.not_mobile`` (10 digits not starting with 3).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if any(char.isalpha() for char in text):
        raise ValidationError("line.letters")
    digits, plus = _digits_of(text)
    if not digits and not plus:
        raise ValidationError("line.empty")
    if plus:
        if not digits.startswith(COUNTRY_CODE):
            raise ValidationError("line.not_colombian")
        digits = digits[len(COUNTRY_CODE) :]
    elif len(digits) == LINE_DIGITS + len(COUNTRY_CODE) and digits.startswith(COUNTRY_CODE):
        # "57" without a plus counts as the country code only when 10 digits follow.
        digits = digits[len(COUNTRY_CODE) :]
    _check_length(digits)
    if digits[0] != "3":
        raise ValidationError("line.not_mobile")
    return digits


def group_line(text: str) -> str:
    """``312 345 6789``: the line grouped as people read it, for confirmation on screen."""
    line = normalize_line(text)
    return f"{line[:3]} {line[3:6]} {line[6:]}"


def mask_line(text: str) -> str:
    """``*** *** 6789``: enough to recognise one's line, for receipts, logs and lists."""
    line = normalize_line(text)
    return f"*** *** {line[6:]}"
