"""The start screen: the three jobs as big buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.screens.base import Screen
from ui.widgets.message_label import set_role

#: (object name, title, one-line explanation, shortcut)
JOBS = (
    ("startTopupButton", "Recarga", "Saldo para una línea prepago.", "F1"),
    (
        "startGiftPackButton",
        "Paquete de regalo",
        "Datos y minutos para otra persona; le llega un mensaje de texto.",
        "F2",
    ),
    (
        "startBalanceButton",
        "Consulta de saldo",
        "El saldo y los paquetes de su línea, con un código por SMS.",
        "F3",
    ),
)


class JobButton(QPushButton):
    """A big button with a title, a one-line explanation and (counter mode) its shortcut key."""

    def __init__(self, object_name: str, title: str, explanation: str, key: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAutoDefault(True)
        set_role(self, "job")
        self.setAccessibleName(title)
        self.setAccessibleDescription(explanation)
        self.setMinimumHeight(112)
        self._title = QLabel(title, self)
        self._title.setObjectName(f"{object_name}Title")
        set_role(self._title, "jobTitle")
        self._explanation = QLabel(explanation, self)
        self._explanation.setObjectName(f"{object_name}Explanation")
        self._explanation.setWordWrap(True)
        set_role(self._explanation, "jobExplanation")
        self._key = QLabel(key, self)
        self._key.setObjectName(f"{object_name}Key")
        set_role(self._key, "keyHint")
        self._key.hide()
        for label in (self._title, self._explanation, self._key):
            # The labels are decoration: clicks go to the button.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(4)
        layout.addWidget(self._title)
        layout.addWidget(self._explanation)

    def setKeyVisible(self, visible: bool) -> None:
        self._key.setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        hint = self._key.sizeHint()
        self._key.setGeometry(self.width() - hint.width() - 16, 12, hint.width(), hint.height())


class StartScreen(Screen):
    """The three jobs.

    Signals: ``topupChosen()``, ``giftPackChosen()``, ``balanceChosen()``
    (also by F1, F2, F3 while this screen is shown). ``back`` is never emitted here.
    Slots: ``setCounterMode(bool)`` shows the keys on the buttons; ``setGreeting(text)``.
    Object names: ``startScreen``, ``startTopupButton``, ``startGiftPackButton``,
    ``startBalanceButton``.
    """

    topupChosen = Signal()
    giftPackChosen = Signal()
    balanceChosen = Signal()

    prefix = "start"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("¿Qué desea hacer?", "Elija una opción.", parent)
        # The start screen is where "back" ends: no button for it.
        self.back_button.hide()
        signals = (self.topupChosen, self.giftPackChosen, self.balanceChosen)
        self.job_buttons: list[JobButton] = []
        for (name, title, explanation, key), signal in zip(JOBS, signals, strict=True):
            button = JobButton(name, title, explanation, key, self.content())
            button.clicked.connect(signal)
            self.body.addWidget(button)
            self.job_buttons.append(button)
            # Window-wide, but Qt only fires shortcuts of visible widgets: start screen only.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(signal)
        self.body.addStretch(1)

    def setGreeting(self, text: str) -> None:
        self.setTitle(text)

    def setCounterMode(self, counter: bool) -> None:
        super().setCounterMode(counter)
        for button in self.job_buttons:
            button.setKeyVisible(counter)

    def enter(self) -> None:
        self.job_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        """Nothing before the start screen."""
