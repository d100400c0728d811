"""A yes-or-no question that must not be answered by a stray Enter (closing the shift,
signing out of a sale being set up): one shape for every such question."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.message_label import set_role


@dataclass(frozen=True)
class Question:
    """What the dialog says, in the current language."""

    title: str
    text: str
    confirm: str
    cancel: str


class ConfirmDialog(QDialog):
    """The question (:meth:`question`, asked again on every language change), a primary
    confirm button (accept) and a cancel button (reject, also Esc; the default, so a stray
    Enter changes nothing). Window-modal, opened with ``open()``: nothing waits in a nested
    event loop.

    Object names from ``name``: ``<name>Confirmation``, ``<name>ConfirmText``,
    ``<name>ConfirmButton``, ``<name>CancelButton``.
    """

    def __init__(
        self, parent: QWidget | None, *, name: str, text_width: int, width: int, height: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Confirmation")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        self._text = QLabel(self)
        self._text.setObjectName(f"{name}ConfirmText")
        self._text.setWordWrap(True)
        self._text.setMinimumWidth(text_width)
        layout.addWidget(self._text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName(f"{name}CancelButton")
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName(f"{name}ConfirmButton")
        self.confirm_button.setAutoDefault(False)
        set_role(self.confirm_button, "primary")
        self.confirm_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        # The size is set once, not pushed to the window system on every change.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.resize(width, height)

    def question(self) -> Question:
        raise NotImplementedError

    def retranslate(self) -> None:
        asked = self.question()
        self.setWindowTitle(asked.title)
        self._text.setText(asked.text)
        self.confirm_button.setText(asked.confirm)
        self.cancel_button.setText(asked.cancel)

    def text(self) -> str:
        return self._text.text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
