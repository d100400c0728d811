"""A label for inline messages (errors, hints, confirmations) styled by role in the QSS."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.controllers.language import now

#: Roles the stylesheet knows: ``QLabel[role="error"]`` and friends.
ROLES = ("", "hint", "error", "ok", "warning")


def set_role(widget: QWidget, role: str) -> None:
    """Set the ``role`` property the stylesheet keys on, and re-apply the style."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    # Dynamic properties are not watched by Qt style sheets: polish again.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class MessageLabel(QLabel):
    """Word-wrapped message that hides itself when empty.

    ``setMessage(text, role="error")``; ``clearMessage()``; ``text()``/``role()`` for tests.
    A message that is a ``Said`` (a controller's words) is said again after a language
    change; a plain string stays as it was given (its owner retranslates it).
    """

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setProperty("role", "")
        self._given = ""
        self.hide()

    def setMessage(self, text: str, role: str = "error") -> None:
        if role not in ROLES:
            raise ValueError(f"unknown message role {role!r}")
        self._given = text
        self.setText(text)
        set_role(self, role if text else "")
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._given:
            self.setText(now(self._given))

    def clearMessage(self) -> None:
        self.setMessage("", "")

    def role(self) -> str:
        return str(self.property("role") or "")
