"""The kiosk's on-screen digit keypad: ten digits, "Borrar" and "Borrar todo", big keys.

It serves one or more fields of its screen (:meth:`DigitKeypad.serve`): the keys type
into whichever of them had the focus last (the first one at the start). Its keys never
take the focus, so the caret stays in the field; the field's validator and maximum length
still apply, exactly as for the physical keyboard. A field it serves carries the
:data:`OWN_KEYPAD` property, so the letter keyboard of the kiosk does not open for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

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

#: What an on-screen key types into: a line, or a text of several lines.
TextField = QLineEdit | QPlainTextEdit


class Key(QPushButton):
    """A key that keeps the size it was given when a stylesheet is applied (a sheet's
    ``min-height`` for every button would otherwise change it): the keys of a keypad are
    laid out to the pixel, their room between them included. Its words always show whole:
    when the sheet's font (larger text, a longer translation) does not fit, the key takes
    the largest smaller size that does."""

    #: When a sheet may have changed the size (a re-polish sends no event: the layout then
    #: resizes the key to the sheet's size, and the key takes its own back).
    _CHECKED = frozenset({QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.Resize})
    #: The smallest text a key shrinks to.
    _SMALLEST_PX = 12

    def __init__(self, text: str, parent: QWidget, width: int, height: int) -> None:
        self._fitting = False
        self._fit_pending = False
        super().__init__(text, parent)
        self._held = QSize(width, height)
        self.setFixedSize(self._held)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        kind = event.type()
        if kind in self._CHECKED and (
            self.minimumSize() != self._held or self.maximumSize() != self._held
        ):
            self.setFixedSize(self._held)
        # Never set a sheet while Qt is polishing (app.setStyleSheet walks every widget):
        # fit after it, on the event loop.
        fitting_event = kind in (
            QEvent.Type.Polish,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        )
        if fitting_event and not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_later)
        return handled

    def _fit_later(self) -> None:
        self._fit_pending = False
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fits(self, font: QFont, lines: list[str]) -> bool:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        metrics = QFontMetrics(font)
        wide = max(metrics.horizontalAdvance(line) for line in lines)
        return wide <= room.width() and len(lines) * metrics.lineSpacing() <= room.height()

    def _fit(self) -> None:
        """The sheet's font, or the largest smaller one the words fit in (the key's own
        sheet: a sheet's font wins over ``setFont``)."""
        if self._fitting or not self.text():
            return
        self._fitting = True
        try:
            if self.styleSheet():
                self.setStyleSheet("")  # the sheet's own font back, to measure
            font = QFont(self.font())
            lines = self.text().replace("&&", "&").split("\n")
            sheet_pixels = font.pixelSize()
            if sheet_pixels <= 0:
                sheet_pixels = round(font.pointSizeF() * 4 / 3)
            pixels = sheet_pixels
            while pixels > self._SMALLEST_PX and not self._fits(font, lines):
                pixels -= 1
                font.setPixelSize(pixels)
            if pixels != sheet_pixels:
                self.setStyleSheet(f"font-size: {pixels}px;")
        finally:
            self._fitting = False


def make_key(
    parent: QWidget,
    object_name: str,
    text: str,
    width: int,
    height: int,
    role: str,
    *,
    hold_size: bool = True,
) -> QPushButton:
    """A key of an on-screen keypad or keyboard, never taking the focus (the caret stays in
    the field it types into). Its size is fixed; ``hold_size`` keeps it so under any
    stylesheet (False: the stylesheet may set its own, as it does for the PIN keys)."""
    key: QPushButton
    if hold_size:
        key = Key(text, parent, width, height)
    else:
        key = QPushButton(text, parent)
        key.setFixedSize(width, height)
    key.setObjectName(object_name)
    key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    set_role(key, role)  # polishes again: the sheet's sizes come back
    if hold_size:
        key.setFixedSize(width, height)
    return key


def keep_focus_in(keys: QWidget, field: TextField | None) -> None:
    """A tap on a key of ``keys`` leaves the focus in ``field``: Qt gives a pressed
    widget's focus to its first ancestor that takes a click (the window, often), unless
    an ancestor's focus proxy already has it."""
    keys.setFocusProxy(field)  # type: ignore[arg-type]  # None clears it


def is_typable(field: TextField | None) -> bool:
    """Whether a key may type into ``field`` now (enabled and not read-only)."""
    return field is not None and field.isEnabled() and not field.isReadOnly()


def type_into(field: TextField | None, text: str) -> bool:
    """Type ``text`` at the caret of ``field`` as the physical keyboard would (a line's
    validator and maximum length apply), then give it the focus; False: nothing typed."""
    if field is None or not is_typable(field):
        return False
    if isinstance(field, QLineEdit):
        field.insert(text)
    else:
        field.insertPlainText(text)
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def erase_in(field: TextField | None) -> bool:
    """Erase the character before the caret of ``field`` (or its selection), then give it
    the focus; False: nothing erased."""
    if field is None or not is_typable(field):
        return False
    if isinstance(field, QLineEdit):
        field.backspace()
    else:
        cursor = field.textCursor()
        cursor.deletePreviousChar()
        field.setTextCursor(cursor)
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


class DigitKeypad(QWidget):
    """Digits for the fields it serves.

    Signals: ``keyPressed(str)`` (the digit, ``"erase"`` or ``"clear"``; after the field
    took it: a key does nothing while its field is disabled or read-only). Slots:
    ``serve(*fields)`` (the first becomes the target), ``setTarget(field)`` (type into a
    field without serving it: the kiosk's keyboard dock does), ``target()``.
    ``setEnabled(False)`` greys every key. After a key the focus is in the field.

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
        return make_key(self, object_name, text, KEY_WIDTH, KEY_HEIGHT, "keypadKey")

    def _digit_key(self, prefix: str, digit: str) -> QPushButton:
        key = self._key(f"{prefix}Key{digit}", digit)
        key.clicked.connect(lambda: self._digit(digit))
        self.keys[digit] = key
        return key

    def retranslate(self) -> None:
        self.erase_key.setText(translate("DigitKeypad", "Borrar"))
        self.erase_key.setAccessibleName(translate("DigitKeypad", "Borrar un dígito"))
        # On two lines: a key's width holds one word at the kiosk's size.
        self.clear_key.setText(translate("DigitKeypad", "Borrar todo").replace(" ", "\n", 1))
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
            self.setTarget(self._fields[0])

    def setTarget(self, field: QLineEdit | None) -> None:
        self._target = field
        keep_focus_in(self, field)

    def target(self) -> QLineEdit | None:
        return self._target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._fields:
            assert isinstance(watched, QLineEdit)
            self.setTarget(watched)
        return super().eventFilter(watched, event)

    # -- keys ----------------------------------------------------------------------------
    # A key does nothing (and says nothing) while its field takes no typing.

    def _usable_target(self) -> QLineEdit | None:
        field = self._target
        return field if is_typable(field) else None

    def _digit(self, digit: str) -> None:
        if type_into(self._usable_target(), digit):
            self.keyPressed.emit(digit)

    def _erase(self) -> None:
        if erase_in(self._usable_target()):
            self.keyPressed.emit("erase")

    def _clear(self) -> None:
        field = self._usable_target()
        if field is not None:
            field.clear()
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.keyPressed.emit("clear")
