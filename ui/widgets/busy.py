"""A "please wait" layer over a screen, with a cancel button (Electrum's WaitingDialog idea).

It covers its parent, eats clicks so nothing under it can be pressed twice,
and offers "Cancelar" so nobody is ever stuck behind it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.controllers.language import now, translate
from ui.widgets.overlay import CoveringOverlay

CARD_WIDTH = 540


def default_message() -> str:
    """What the layer says when its caller gives no message, in the current language."""
    return translate("BusyOverlay", "Un momento, por favor…")


class BusyOverlay(CoveringOverlay):
    """Covers ``parent`` while a request is running.

    API:
      * ``start(message="", cancellable=True)``: show over the parent, focus "Cancelar".
      * ``stop()``: hide.
      * ``isActive() -> bool``, ``isCancellable() -> bool``, ``message() -> str``.
      * signal ``cancelled()``: the user pressed "Cancelar" (the caller decides what it means).

    Object names: ``<prefix>BusyOverlay``, ``<prefix>BusyMessage``, ``<prefix>BusyCancelButton``.

    A message given to ``start`` is shown as given (the caller's words, not retranslated);
    the default message and "Cancelar" follow the language.
    """

    cancelled = Signal()

    def __init__(self, parent: QWidget, prefix: str = "") -> None:
        super().__init__(parent, alpha=200)
        self.setObjectName(f"{prefix}BusyOverlay" if prefix else "busyOverlay")

        card = QFrame(self)
        card.setObjectName("busyCard")
        # A fixed width lets the wrapped message compute its height (a sentence on two lines).
        card.setFixedWidth(CARD_WIDTH)
        self._message = QLabel(card)
        self._message.setObjectName(f"{prefix}BusyMessage" if prefix else "busyMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._cancel = QPushButton(card)
        self._cancel.setObjectName(f"{prefix}BusyCancelButton" if prefix else "busyCancelButton")
        self._cancel.setAutoDefault(True)
        self._cancel.clicked.connect(self.cancelled)

        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(32, 24, 32, 24)
        card_layout.setSpacing(20)
        card_layout.addWidget(self._message)
        card_layout.addWidget(self._cancel, 0, Qt.AlignmentFlag.AlignHCenter)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

        self._cancellable = True
        self._given_message = ""
        self.retranslate()

    def retranslate(self) -> None:
        self._message.setText(now(self._given_message) or default_message())
        self._cancel.setText(translate("BusyOverlay", "Cancelar"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def start(self, message: str = "", cancellable: bool = True) -> None:
        self._given_message = message
        self._message.setText(message or default_message())
        self._cancellable = cancellable
        self._cancel.setVisible(cancellable)
        self.cover()
        if cancellable:
            self._cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        self.hide()

    def isCancellable(self) -> bool:
        return self._cancellable

    def isActive(self) -> bool:
        return not self.isHidden()

    def message(self) -> str:
        return self._message.text()
