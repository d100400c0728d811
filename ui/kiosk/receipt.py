"""Kiosk part ``receipt`` (being built: see ui/kiosk/__init__.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:  # annotations only
    from ui.wiring import Wiring


class KioskReceipts(QObject):
    def __init__(self, wiring: Wiring) -> None:
        super().__init__(wiring)
        self.wiring = wiring
