"""The clerks of a store: who they are (the PIN hashes stay in the staff service's store).

A :class:`Clerk` is what the rest of the app sees of a person at the counter: an id
that never changes, the display name journaled with each sale (``SaleRequest.clerk``),
and whether the clerk is an admin (settings, exports with full lines, leaving kiosk
mode). The demo staff (:data:`DEMO_STAFF`) exists only with test keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.errors import ValidationError

NAME_MAX_LENGTH = 40
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# What the journal refuses as personal data in a name it keeps with every sale: an email,
# or seven digits or more however grouped (a phone, a document number).
_PERSONAL = re.compile(r"@|\d(?:[\s().+-]*\d){6,}")


def check_not_personal(name: str) -> str:
    """``name`` when it holds no email or phone-like number, else ``staff.name_personal``
    (the journal keeps a clerk's or a kiosk's name with each sale, never personal data)."""
    if _PERSONAL.search(name):
        raise ValidationError("staff.name_personal")
    return name


@dataclass(frozen=True)
class Clerk:
    id: str
    name: str
    is_admin: bool = False


@dataclass(frozen=True)
class DemoClerk:
    name: str
    pin: str
    is_admin: bool


#: With test keys and no staff file yet: a clerk and an admin with well-known PINs,
#: said on the sign-in screen under the SANDBOX banner. Never with real keys.
DEMO_STAFF: tuple[DemoClerk, ...] = (
    DemoClerk("Ana", "1111", False),
    DemoClerk("Administrador", "0000", True),
)


def check_clerk_name(name: str) -> str:
    """``name`` trimmed when it can be a clerk's display name: 1 to 40 characters, one
    line. Else ``staff.name_required`` or ``staff.name_too_long``."""
    written = " ".join(name.split()) if isinstance(name, str) else ""
    if not written or _CONTROL.search(written):
        raise ValidationError("staff.name_required")
    if len(written) > NAME_MAX_LENGTH:
        raise ValidationError("staff.name_too_long", limit=NAME_MAX_LENGTH)
    return check_not_personal(written)
