"""The kiosk's idle warning: "¿Sigue ahí?" over the whole window, with a live countdown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.controllers.language import translate
from ui.widgets.message_label import set_role
from ui.widgets.overlay import CoveringOverlay

CARD_WIDTH = 640
#: The "Sigo aquí" button's height: a big touch target (kiosk buttons ≥ 56 px).
STAY_BUTTON_HEIGHT = 72


class IdleWarning(CoveringOverlay):
    """Covers ``parent`` (the window's central widget) while the idle countdown runs.

    API: ``start(seconds_left)`` (shown, raised over everything, "Sigo aquí" focused),
    ``setSecondsLeft(n)``, ``stop()`` (hidden, the focus back where it was),
    ``isActive()``, ``secondsLeft()``, ``countdownText()``.
    Signal ``stayRequested()``: "Sigo aquí" pressed (any touch on the window also counts:
    the idle wiring sees it first).

    Object names: ``idleWarning``, ``idleWarningCard``, ``idleWarningTitle``,
    ``idleWarningCountdown``, ``idleWarningStayButton``.
    Words: context ``IdleWarning`` ("¿Sigue ahí?", "Volveremos al inicio en {n} s",
    "Sigo aquí"); they follow the language.
    """

    stayRequested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, alpha=220)
        self.setObjectName("idleWarning")
        self._seconds = 0
        self._focus_before: QWidget | None = None

        card = QFrame(self)
        card.setObjectName("idleWarningCard")
        self._card = card
        card.setFixedWidth(CARD_WIDTH)
        self._title = QLabel(card)
        self._title.setObjectName("idleWarningTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title.setWordWrap(True)
        set_role(self._title, "title")
        self._countdown = QLabel(card)
        self._countdown.setObjectName("idleWarningCountdown")
        self._countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._countdown.setWordWrap(True)
        set_role(self._countdown, "subtitle")
        self._stay = QPushButton(card)
        self._stay.setObjectName("idleWarningStayButton")
        self._stay.setAutoDefault(True)
        self._stay.setMinimumHeight(STAY_BUTTON_HEIGHT)
        self._stay.setMinimumWidth(320)
        set_role(self._stay, "primary")
        self._stay.clicked.connect(self.stayRequested)

        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(40, 32, 40, 32)
        card_layout.setSpacing(24)
        card_layout.addWidget(self._title)
        card_layout.addWidget(self._countdown)
        card_layout.addWidget(self._stay, 0, Qt.AlignmentFlag.AlignHCenter)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(translate("IdleWarning", "¿Sigue ahí?"))
        self._stay.setText(translate("IdleWarning", "Sigo aquí"))
        self._render_countdown()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _render_countdown(self) -> None:
        self._countdown.setText(
            translate("IdleWarning", "Volveremos al inicio en {n} s").format(n=self._seconds)
        )
        self._fit_card()

    def _fit_card(self) -> None:
        """The card as tall as its wrapped words need at its width, in the stylesheet's
        fonts (a centred item gets its size hint, which guesses another width)."""
        self._card.ensurePolished()
        self._card.setFixedHeight(self._card.heightForWidth(CARD_WIDTH))

    # -- API ----------------------------------------------------------------------------

    def start(self, seconds_left: int) -> None:
        self.setSecondsLeft(seconds_left)  # the card fitted to the words
        if self.isHidden():
            self._focus_before = QApplication.focusWidget()
        self.cover()
        self._stay.setFocus(Qt.FocusReason.OtherFocusReason)

    def setSecondsLeft(self, seconds: int) -> None:
        self._seconds = max(int(seconds), 0)
        self._render_countdown()

    def stop(self) -> None:
        """Hidden; the focus back where it was (e.g. the line field the keypad serves)."""
        if self.isHidden():
            return
        self.hide()
        previous, self._focus_before = self._focus_before, None
        if previous is not None and previous.isVisible() and previous.isEnabled():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)

    def isActive(self) -> bool:
        return not self.isHidden()

    def secondsLeft(self) -> int:
        return self._seconds

    def countdownText(self) -> str:
        return self._countdown.text()
