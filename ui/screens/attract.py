"""The kiosk's attract screen: an invitation to touch, shown while nobody uses the kiosk."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.controllers.language import translate
from ui.screens.base import Screen


class AttractScreen(Screen):
    """ "Toque la pantalla para empezar": any touch outside its own controls emits ``touched``.

    Signal ``touched()``. Object names: ``attractScreen``, ``attractTitle``.
    Words: context ``AttractScreen``.
    """

    touched = Signal()

    prefix = "attract"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.back_button.hide()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("AttractScreen", "Toque la pantalla para empezar"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.touched.emit()

    def go_on(self) -> None:
        self.touched.emit()

    def go_back(self) -> None:
        """Nothing before the attract screen."""
