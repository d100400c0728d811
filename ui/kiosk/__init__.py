"""What only the self-service kiosk has, wired on top of the screen flow (``ui/wiring.py``).

Each part has its own module and owns its wiring: ``admin`` (the corner gesture, the admin
PIN, leaving kiosk mode), ``idle`` (the idle warning, the attract screen, the reset),
``keyboard`` (the letter keyboard for any text field), ``look`` (language and larger
text), ``receipt`` (printing at the end of a sale). :func:`wire_kiosk` builds them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.kiosk import admin, idle, keyboard, look, receipt

if TYPE_CHECKING:  # annotations only
    from ui.wiring import Wiring


@dataclass(frozen=True)
class KioskWiring:
    """The kiosk's parts, as wired (tests reach them here)."""

    admin: admin.AdminAccess
    idle: idle.IdleReset
    keyboard: keyboard.KeyboardWiring
    look: look.LookWiring
    receipt: receipt.KioskReceipts


def wire_kiosk(wiring: Wiring) -> KioskWiring:
    """Wire every kiosk part onto ``wiring``'s window and controllers."""
    return KioskWiring(
        admin=admin.AdminAccess(wiring),
        idle=idle.IdleReset(wiring),
        keyboard=keyboard.KeyboardWiring(wiring),
        look=look.LookWiring(wiring),
        receipt=receipt.KioskReceipts(wiring),
    )
