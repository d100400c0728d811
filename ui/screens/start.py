"""The start screen: the three jobs as big buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.controllers.language import translate
from ui.screens.base import Screen
from ui.widgets.message_label import set_role

#: (object name, shortcut) of each job, in the order shown.
JOBS = (
    ("startTopupButton", "F1"),
    ("startGiftPackButton", "F2"),
    ("startBalanceButton", "F3"),
)


def job_words(object_name: str) -> tuple[str, str]:
    """(title, one-line explanation) of a job's button, in the current language."""
    if object_name == "startTopupButton":
        return (
            translate("StartScreen", "Recarga"),
            translate("StartScreen", "Saldo para una línea prepago."),
        )
    if object_name == "startGiftPackButton":
        return (
            translate("StartScreen", "Paquete de regalo"),
            translate(
                "StartScreen", "Datos y minutos para otra persona; le llega un mensaje de texto."
            ),
        )
    return (
        translate("StartScreen", "Consulta de saldo"),
        translate("StartScreen", "El saldo y los paquetes de su línea, con un código por SMS."),
    )


class JobButton(QPushButton):
    """A big button with a title, a one-line explanation and (counter mode) its shortcut key.

    Its words come from :func:`job_words` by its object name and follow the language.
    """

    def __init__(self, object_name: str, key: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAutoDefault(True)
        set_role(self, "job")
        self.setMinimumHeight(112)
        self._title = QLabel(self)
        self._title.setObjectName(f"{object_name}Title")
        set_role(self._title, "jobTitle")
        self._explanation = QLabel(self)
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
        self.retranslate()

    def retranslate(self) -> None:
        title, explanation = job_words(self.objectName())
        self._title.setText(title)
        self._explanation.setText(explanation)
        self.setAccessibleName(title)
        self.setAccessibleDescription(explanation)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def title(self) -> str:
        return self._title.text()

    def explanation(self) -> str:
        return self._explanation.text()

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
    Slots: ``setCounterMode(bool)`` shows the keys on the buttons; ``setGreeting(text)``
    (the caller's words in place of the title; ``""`` gives the screen's own back).
    Object names: ``startScreen``, ``startTopupButton``, ``startGiftPackButton``,
    ``startBalanceButton``.
    """

    topupChosen = Signal()
    giftPackChosen = Signal()
    balanceChosen = Signal()

    prefix = "start"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._greeting = ""
        # The start screen is where "back" ends: no button for it.
        self.back_button.hide()
        signals = (self.topupChosen, self.giftPackChosen, self.balanceChosen)
        self.job_buttons: list[JobButton] = []
        for (name, key), signal in zip(JOBS, signals, strict=True):
            button = JobButton(name, key, self.content())
            button.clicked.connect(signal)
            self.body.addWidget(button)
            self.job_buttons.append(button)
            # Window-wide, but Qt only fires shortcuts of visible widgets: start screen only.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(signal)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self._greeting or translate("StartScreen", "¿Qué desea hacer?"))
        self.setSubtitle(translate("StartScreen", "Elija una opción."))

    def setGreeting(self, text: str) -> None:
        self._greeting = text
        self.setTitle(text or translate("StartScreen", "¿Qué desea hacer?"))

    def setCounterMode(self, counter: bool) -> None:
        super().setCounterMode(counter)
        for button in self.job_buttons:
            button.setKeyVisible(counter)

    def enter(self) -> None:
        self.job_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        """Nothing before the start screen."""
