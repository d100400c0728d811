"""A translucent layer that covers its parent widget and follows its size (the base of the
busy layer and the kiosk's idle warning)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class CoveringOverlay(QWidget):
    """Covers ``parent`` whole, painted white at ``alpha`` (0–255), hidden at first.

    ``cover()``: over the parent's whole rect, shown and raised over its siblings. A resize
    of the parent resizes the layer with it. Subclasses add their own card and words.
    """

    def __init__(self, parent: QWidget, alpha: int = 200) -> None:
        super().__init__(parent)
        self._alpha = alpha
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        self._cover_parent()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Follow the parent's size so the layer always covers all of it.
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover_parent()
        return super().eventFilter(watched, event)

    def _cover_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255, self._alpha))
        painter.end()
