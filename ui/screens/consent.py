"""The privacy notice and consent box shown before a line is taken (Ley 1581 de 2012)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from ui.texts import CONSENT_LABEL, privacy_notice


class ConsentBox(QFrame):
    """A short privacy notice naming the store, and a consent checkbox that is never pre-ticked.

    Signals: ``toggled(bool)``.
    Slots: ``setStore(name, contact="")``, ``reset()`` (unticks).
    Queries: ``isGiven()``, ``checkBox()``.
    Object names with ``prefix``: ``<prefix>ConsentNotice``, ``<prefix>ConsentCheck``.
    """

    toggled = Signal(bool)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}ConsentBox")
        self._store = ""
        self._contact = ""
        self._notice = QLabel(self)
        self._notice.setObjectName(f"{prefix}ConsentNotice")
        self._notice.setWordWrap(True)
        self._check = QCheckBox(CONSENT_LABEL, self)
        self._check.setObjectName(f"{prefix}ConsentCheck")
        self._check.setChecked(False)
        self._check.toggled.connect(self.toggled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        layout.addWidget(self._notice)
        layout.addWidget(self._check)
        self._render()

    def setStore(self, name: str, contact: str = "") -> None:
        self._store = name
        self._contact = contact
        self._render()

    def reset(self) -> None:
        self._check.setChecked(False)

    def isGiven(self) -> bool:
        return self._check.isChecked()

    def checkBox(self) -> QCheckBox:
        return self._check

    def _render(self) -> None:
        self._notice.setText(privacy_notice(self._store, self._contact))
