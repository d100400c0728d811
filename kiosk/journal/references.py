"""Sale references: short, unique, uppercase; valid Wompi references and Reloadly customIdentifiers.

Format: ``K`` + 7 characters of the Unix time in seconds + 6 random characters,
all in Crockford's base32 (digits and uppercase letters without I, L, O and U,
so a clerk can read one aloud without confusion). Example: ``K1QX4M2B7H9ZKQ``
(14 characters). The time part makes references sort roughly by creation; the
30 random bits keep two kiosks of one store apart within the same second.

A PSE attempt after the first one gets its own reference: ``<sale reference>-<n>``.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "K"
_TIME_CHARS = 7
_RANDOM_CHARS = 6
REFERENCE_LENGTH = len(PREFIX) + _TIME_CHARS + _RANDOM_CHARS
_REFERENCE = re.compile(rf"{PREFIX}[{ALPHABET}]{{{_TIME_CHARS + _RANDOM_CHARS}}}")
_ATTEMPT = re.compile(rf"({_REFERENCE.pattern})(?:-([2-9]|[1-9]\d+))?")


def _base32(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def new_reference(
    now: Callable[[], datetime] | None = None, randbits: Callable[[int], int] = secrets.randbits
) -> str:
    """A fresh sale reference such as ``K1QX4M2B7H9ZKQ``."""
    moment = (now or (lambda: datetime.now(UTC)))()
    seconds = int(moment.timestamp()) % (32**_TIME_CHARS)
    return (
        PREFIX + _base32(seconds, _TIME_CHARS) + _base32(randbits(5 * _RANDOM_CHARS), _RANDOM_CHARS)
    )


def is_reference(text: str) -> bool:
    return _REFERENCE.fullmatch(text) is not None


def attempt_reference(reference: str, attempt: int) -> str:
    """The PSE reference of payment attempt ``attempt`` (1-based) of a sale."""
    if attempt < 1:
        raise ValueError("attempts count from 1")
    return reference if attempt == 1 else f"{reference}-{attempt}"


def sale_reference_of(attempt_ref: str) -> str | None:
    """The sale reference an attempt reference belongs to, or None if it is not one of ours."""
    match = _ATTEMPT.fullmatch(attempt_ref)
    return match.group(1) if match else None
