"""The kiosk's on-screen digit keypad: ten digits, "Borrar" and "Borrar todo", big keys.

It serves one or more fields of its screen (:meth:`DigitKeypad.serve`): the keys type
into whichever of them had the focus last (the first one at the start). Its keys never
take the focus, so the caret stays in the field; the field's validator and maximum length
still apply, exactly as for the physical keyboard. A field it serves carries the
:data:`OWN_KEYPAD` property, so the letter keyboard of the kiosk does not open for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.controllers.language import translate
from ui.widgets.message_label import set_role

#: A key's size: well over the 48 px a finger needs, with room between keys.
KEY_HEIGHT = 68
KEY_WIDTH = 108
KEY_SPACING = 12
#: Set on a field that a keypad of its screen serves (the letter keyboard leaves it alone).
OWN_KEYPAD = "ownKeypad"
#: Digit keys as a phone lays them out; the last row holds "Borrar todo", 0, "Borrar".
_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"))


class DigitKeypad(QWidget):
    """Digits for the fields it serves.

    Signals: ``keyPressed(str)`` (the digit, ``"erase"`` or ``"clear"``; after the field
    changed). Slots: ``serve(*fields)`` (the first becomes the target), ``setTarget(field)``,
    ``target()``. ``setEnabled(False)`` greys every key.

    Object names: ``<prefix>Keypad``, ``<prefix>Key0`` … ``<prefix>Key9``,
    ``<prefix>KeyErase``, ``<prefix>KeyClear``.
    Words: context ``DigitKeypad``; they follow the language.
    """

    keyPressed = Signal(str)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Keypad")
        self._fields: list[QLineEdit] = []
        self._target: QLineEdit | None = None
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(KEY_SPACING)
        for row, digits in enumerate(_ROWS):
            for column, digit in enumerate(digits):
                grid.addWidget(self._digit_key(prefix, digit), row, column)
        self.clear_key = self._key(f"{prefix}KeyClear", "")
        self.clear_key.clicked.connect(self._clear)
        grid.addWidget(self.clear_key, 3, 0)
        grid.addWidget(self._digit_key(prefix, "0"), 3, 1)
        self.erase_key = self._key(f"{prefix}KeyErase", "")
        self.erase_key.clicked.connect(self._erase)
        grid.addWidget(self.erase_key, 3, 2)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(3 * KEY_WIDTH + 2 * KEY_SPACING, 4 * KEY_HEIGHT + 3 * KEY_SPACING)
        self.retranslate()

    def _key(self, object_name: str, text: str) -> QPushButton:
        key = QPushButton(text, self)
        key.setObjectName(object_name)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setFixedSize(KEY_WIDTH, KEY_HEIGHT)
        set_role(key, "keypadKey")
        return key

    def _digit_key(self, prefix: str, digit: str) -> QPushButton:
        key = self._key(f"{prefix}Key{digit}", digit)
        key.clicked.connect(lambda: self._digit(digit))
        self.keys[digit] = key
        return key

    def retranslate(self) -> None:
        self.erase_key.setText(translate("DigitKeypad", "Borrar"))
        self.erase_key.setAccessibleName(translate("DigitKeypad", "Borrar un dígito"))
        self.clear_key.setText(translate("DigitKeypad", "Borrar todo"))
        self.clear_key.setAccessibleName(translate("DigitKeypad", "Borrar todo el campo"))
        for digit, key in self.keys.items():
            key.setAccessibleName(translate("DigitKeypad", "Dígito {digit}").format(digit=digit))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- the fields served -----------------------------------------------------------------

    def serve(self, *fields: QLineEdit) -> None:
        """Type into these fields: into the one that had the focus last."""
        for field in fields:
            if field in self._fields:
                continue
            self._fields.append(field)
            field.setProperty(OWN_KEYPAD, True)
            field.installEventFilter(self)
        if self._target is None and self._fields:
            self._target = self._fields[0]

    def setTarget(self, field: QLineEdit | None) -> None:
        self._target = field

    def target(self) -> QLineEdit | None:
        return self._target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._fields:
            assert isinstance(watched, QLineEdit)
            self._target = watched
        return super().eventFilter(watched, event)

    # -- keys ----------------------------------------------------------------------------

    def _usable_target(self) -> QLineEdit | None:
        field = self._target
        if field is None or not field.isEnabled() or field.isReadOnly():
            return None
        return field

    def _digit(self, digit: str) -> None:
        field = self._usable_target()
        if field is not None:
            field.insert(digit)  # the validator and the maximum length apply
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keyPressed.emit(digit)

    def _erase(self) -> None:
        field = self._usable_target()
        if field is not None:
            field.backspace()
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keyPressed.emit("erase")

    def _clear(self) -> None:
        field = self._usable_target()
        if field is not None:
            field.clear()
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keyPressed.emit("clear")
