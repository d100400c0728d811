"""Kiosk part ``keyboard``: the on-screen keyboard dock at the bottom of the main window.

Built in kiosk mode only (:func:`ui.kiosk.wire_kiosk`): any text field of the window (or of
a dialog over it) that no keypad of its screen serves opens the dock when it gets the
focus; see :class:`~ui.widgets.keyboard_dock.KeyboardDock`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.widgets.keyboard_dock import KeyboardDock

if TYPE_CHECKING:  # annotations only
    from ui.wiring import Wiring


class KeyboardWiring(QObject):
    """The dock (``.dock``, object name ``keyboardDock``), last in the window's central
    layout: shown, it takes its room from the screens above it."""

    def __init__(self, wiring: Wiring) -> None:
        super().__init__(wiring)
        self.wiring = wiring
        central = wiring.window.centralWidget()
        layout = central.layout() if central is not None else None
        assert central is not None and layout is not None, "the window's central layout"
        self.dock = KeyboardDock(central)
        layout.addWidget(self.dock)
