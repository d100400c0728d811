"""The kiosk's language and text-size switches (top right of the attract and start screens).

Each language's button says its name in that language ("Español", "English") and is
never translated: a visitor finds their own language whatever the kiosk speaks now.
Their accessible names ("Cambiar a español", "Switch to English"…) follow the language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.controllers.language import current_language, translate
from ui.widgets.message_label import set_role

#: Every switch is at least this tall (a touch target a metre away).
SWITCH_HEIGHT = 56
#: Room beside a switch's words (its padding and border), so no layout squeezes them.
TEXT_ROOM = 48
#: (language, its own name for itself): the buttons, in the order shown.
LANGUAGE_NAMES = (("es", "Español"), ("en", "English"))


class SwitchButton(QPushButton):
    """A switch's button: never narrower than its words (in its font now, larger text
    included) plus :data:`TEXT_ROOM`."""

    def _text_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.text()) + TEXT_ROOM

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._text_width()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._text_width()), hint.height())


def _switch_button(text: str, object_name: str, parent: QWidget) -> QPushButton:
    button = SwitchButton(text, parent)
    button.setObjectName(object_name)
    button.setCheckable(True)
    button.setMinimumHeight(SWITCH_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    # A tap must not take the focus from the field being typed in.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    set_role(button, "switch")
    return button


class LanguageSwitch(QWidget):
    """Two checkable buttons, "Español" and "English"; the current language is checked.

    Signal ``languageChosen(str)`` (``"es"`` or ``"en"``), on a tap on a language (the
    wiring switches the app's language). Slot ``setLanguage(str)`` checks the button of
    that language without emitting; after any language change the app's language is
    checked again by itself. ``language()`` is the one checked.
    Object names: ``<prefix>LanguageSwitch``, ``<prefix>LanguageEs``, ``<prefix>LanguageEn``.
    Words: context ``LanguageSwitch`` (accessible names only: the buttons' texts are
    the languages' own names).
    """

    languageChosen = Signal(str)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}LanguageSwitch")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for language, name in LANGUAGE_NAMES:
            button = _switch_button(name, f"{prefix}Language{language.capitalize()}", self)
            button.clicked.connect(lambda _checked=False, chosen=language: self._chosen(chosen))
            self._group.addButton(button)
            self.buttons[language] = button
            layout.addWidget(button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setLanguage(current_language())
        self.buttons["es"].setAccessibleName(translate("LanguageSwitch", "Cambiar a español"))
        self.buttons["en"].setAccessibleName(translate("LanguageSwitch", "Cambiar a inglés"))
        self.setAccessibleName(translate("LanguageSwitch", "Idioma"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setLanguage(self, language: str) -> None:
        """Check ``language``'s button (no signal)."""
        if language not in self.buttons:
            raise ValueError(f"unknown language {language!r}")
        self.buttons[language].setChecked(True)

    def language(self) -> str:
        for language, button in self.buttons.items():
            if button.isChecked():
                return language
        return ""

    def _chosen(self, language: str) -> None:
        # The tapped button is checked now (exclusive group); the wiring does the rest.
        self.languageChosen.emit(language)


class TextSizeSwitch(QWidget):
    """One checkable button, "Letra grande": every text a quarter larger while checked.

    Signal ``toggled(bool)`` (a tap; the wiring re-applies the stylesheet scaled). Slot
    ``setLarge(bool)`` checks it or not without emitting; ``isLarge()``.
    Object names: ``<prefix>TextSizeSwitch``, ``<prefix>LargerText``.
    Words: context ``TextSizeSwitch``.
    """

    toggled = Signal(bool)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}TextSizeSwitch")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = _switch_button("", f"{prefix}LargerText", self)
        self.button.clicked.connect(self.toggled)
        layout.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(translate("TextSizeSwitch", "Letra grande"))
        self.button.setAccessibleName(translate("TextSizeSwitch", "Letra grande"))
        self.button.setAccessibleDescription(
            translate("TextSizeSwitch", "Muestra todos los textos más grandes.")
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setLarge(self, large: bool) -> None:
        """Checked or not (no signal)."""
        self.button.setChecked(large)

    def isLarge(self) -> bool:
        return self.button.isChecked()
