"""The kiosk's on-screen letter keyboard: a Spanish layout, capitals, accents, digits and
symbols, big keys that never take the focus.

It types into one target field (:meth:`LetterKeyboard.setTarget`, a :class:`QLineEdit` or a
:class:`QPlainTextEdit`) through the field's own ``insert``/``backspace``, so a line's
validator and maximum length apply exactly as for the physical keyboard. Two pages share
the bottom row: the letters (``q w e r t y u i o p`` / ``a s d f g h j k l ñ`` /
``z x c v b n m`` with "Mayús" and "Tilde") and the digits with the symbols an email, a
name, an address or a NIT needs (``@ . - _ + , / ( ) #`` and more).

"Mayús" (checkable) writes the next letter as a capital, then goes back to small letters;
a second tap before a letter goes back at once. The accents key ("á ü") puts the acute
accent on the vowel keys (á é í ó ú) for the next letter; a second tap gives ü on the u
key; a third, plain vowels again. A letter key shows exactly what it types.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import translate
from ui.widgets.keypad import TextField, erase_in, keep_focus_in, make_key, type_into

#: A key: taller than the 56 px a kiosk button is, wide enough for a thumb.
KEY_HEIGHT = 60
KEY_WIDTH = 92
KEY_SPACING = 8
#: Columns of the layout (in key widths); wide keys take one and a half or more.
COLUMNS = 10

LETTER_ROWS = ("qwertyuiop", "asdfghjklñ", "zxcvbnm")
SYMBOL_ROWS = ("1234567890", "@.-_+,/()#", "'&:;!?\"$%*")
#: The accents a vowel key shows: acute (first tap of "Tilde"), then the diaeresis.
_ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
_DIAERESIS = {"u": "ü"}
#: The states of "Tilde", in the order its taps go through them.
_ACCENT_STATES: tuple[dict[str, str], ...] = ({}, _ACUTE, _DIAERESIS)


def _width(units: float) -> int:
    """The width of a key ``units`` key widths wide (the gaps it spans included)."""
    return round(units * KEY_WIDTH + (units - 1) * KEY_SPACING)


class LetterKeyboard(QWidget):
    """Letters, capitals, accents, digits and symbols for one target field.

    Signals: ``keyPressed(str)`` (the text typed, ``"erase"`` or ``"space"``; only when the
    target took it: nothing while it is disabled or read-only), ``doneRequested()``
    ("Listo"). Slots: ``setTarget(field)``, ``target()``, ``showLetters()``,
    ``showSymbols()``, ``isSymbols()``, ``setShift(bool)``, ``isShift()``,
    ``accents()`` (0 none, 1 acute, 2 diaeresis). ``setEnabled(False)`` greys every key.
    After a key the focus is in the target.

    Object names: ``<prefix>Keyboard``, ``<prefix>Key_<char>`` for every letter (by its
    small letter: ``kbKey_a``, ``kbKey_ñ``; the same key types ``A`` or ``á``) and every
    digit and symbol (``kbKey_1``, ``kbKey_@``, ``kbKey_.``), ``<prefix>KeySpace``,
    ``<prefix>KeyErase``, ``<prefix>KeyShift``, ``<prefix>KeyAccents``,
    ``<prefix>KeySymbols`` ("123" on the letters, "abc" on the symbols),
    ``<prefix>KeyDone``; the pages ``<prefix>LettersPage``, ``<prefix>SymbolsPage``.
    Words: context ``LetterKeyboard``; they follow the language. Every key has an
    accessible name (a letter's is the letter it types).
    """

    keyPressed = Signal(str)
    doneRequested = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Keyboard")
        self._target: TextField | None = None
        self._accent = 0
        #: The letter keys by their small letter; the digit and symbol keys by their text.
        self.letter_keys: dict[str, QPushButton] = {}
        self.symbol_keys: dict[str, QPushButton] = {}

        self._pages = QStackedWidget(self)
        self._letters = QWidget(self._pages)
        self._letters.setObjectName(f"{prefix}LettersPage")
        letters = self._grid(self._letters)
        for row, chars in enumerate(LETTER_ROWS):
            start = 0 if row < 2 else 3  # the last row after "Mayús" (a key and a half)
            for column, char in enumerate(chars):
                key = self._char_key(self._letters, prefix, char)
                self.letter_keys[char] = key
                letters.addWidget(key, row, start + column * 2, 1, 2)
        self.shift_key = make_key(
            self._letters, f"{prefix}KeyShift", "", _width(1.5), KEY_HEIGHT, "keyboardKey"
        )
        self.shift_key.setCheckable(True)
        self.shift_key.toggled.connect(self._render_letters)
        letters.addWidget(self.shift_key, 2, 0, 1, 3)
        self.accents_key = make_key(
            self._letters, f"{prefix}KeyAccents", "", _width(1.5), KEY_HEIGHT, "keyboardKey"
        )
        self.accents_key.setCheckable(True)
        self.accents_key.clicked.connect(self._next_accent)
        letters.addWidget(self.accents_key, 2, 17, 1, 3)
        self._pages.addWidget(self._letters)

        self._symbols = QWidget(self._pages)
        self._symbols.setObjectName(f"{prefix}SymbolsPage")
        symbols = self._grid(self._symbols)
        for row, chars in enumerate(SYMBOL_ROWS):
            for column, char in enumerate(chars):
                key = self._char_key(self._symbols, prefix, char)
                self.symbol_keys[char] = key
                symbols.addWidget(key, row, column * 2, 1, 2)
        self._pages.addWidget(self._symbols)

        bottom_row = QWidget(self)
        bottom = QGridLayout(bottom_row)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(KEY_SPACING)
        self.symbols_key = make_key(
            bottom_row, f"{prefix}KeySymbols", "", _width(1.5), KEY_HEIGHT, "keyboardKey"
        )
        self.symbols_key.clicked.connect(self._flip_page)
        self.space_key = make_key(
            bottom_row, f"{prefix}KeySpace", "", _width(4.5), KEY_HEIGHT, "keyboardKey"
        )
        self.space_key.clicked.connect(lambda: self._type(" ", "space"))
        self.erase_key = make_key(
            bottom_row, f"{prefix}KeyErase", "", _width(2), KEY_HEIGHT, "keyboardKey"
        )
        self.erase_key.setAutoRepeat(True)  # held down, it keeps erasing
        self.erase_key.clicked.connect(self._erase)
        self.done_key = make_key(
            bottom_row, f"{prefix}KeyDone", "", _width(2), KEY_HEIGHT, "keyboardDone"
        )
        self.done_key.clicked.connect(self.doneRequested)
        for column, key in enumerate(
            (self.symbols_key, self.space_key, self.erase_key, self.done_key)
        ):
            bottom.addWidget(key, 0, column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(KEY_SPACING)
        layout.addWidget(self._pages)
        layout.addWidget(bottom_row)
        width = _width(COLUMNS)
        self._pages.setFixedSize(width, 3 * KEY_HEIGHT + 2 * KEY_SPACING)
        bottom_row.setFixedSize(width, KEY_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(width, 4 * KEY_HEIGHT + 3 * KEY_SPACING)
        self.retranslate()

    @staticmethod
    def _grid(page: QWidget) -> QGridLayout:
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        # Half-key columns (a row may start half a key in); a key spans two.
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(KEY_SPACING)
        half = (KEY_WIDTH + KEY_SPACING) // 2
        for column in range(COLUMNS * 2):
            grid.setColumnMinimumWidth(column, half)
        # The last key ends the row: no gap after it.
        grid.setColumnMinimumWidth(COLUMNS * 2 - 1, KEY_WIDTH - half)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return grid

    def _char_key(self, page: QWidget, prefix: str, char: str) -> QPushButton:
        # "&" alone would be read as a mnemonic marker and not shown.
        shown = char.replace("&", "&&")
        key = make_key(page, f"{prefix}Key_{char}", shown, KEY_WIDTH, KEY_HEIGHT, "keyboardKey")
        key.clicked.connect(lambda: self._type_char(char))
        return key

    def _typed_by(self, char: str) -> str:
        """What the key of ``char`` types now (a letter: with the capital and accent on)."""
        if char not in self.letter_keys:
            return char
        typed = _ACCENT_STATES[self._accent].get(char, char)
        return typed.upper() if self.shift_key.isChecked() else typed

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.shift_key.setText(translate("LetterKeyboard", "Mayús"))
        self.shift_key.setAccessibleName(translate("LetterKeyboard", "Mayúsculas"))
        self.accents_key.setAccessibleName(translate("LetterKeyboard", "Tildes"))
        self.space_key.setText(translate("LetterKeyboard", "Espacio"))
        self.space_key.setAccessibleName(translate("LetterKeyboard", "Espacio"))
        self.erase_key.setText(translate("LetterKeyboard", "Borrar"))
        self.erase_key.setAccessibleName(translate("LetterKeyboard", "Borrar una letra"))
        self.done_key.setText(translate("LetterKeyboard", "Listo"))
        self.done_key.setAccessibleName(translate("LetterKeyboard", "Listo, cerrar el teclado"))
        self._render_page_key()
        self._render_letters()
        for char, key in self.symbol_keys.items():
            key.setAccessibleName(self._symbol_name(char))

    def _render_page_key(self) -> None:
        if self.isSymbols():
            self.symbols_key.setText("abc")
            self.symbols_key.setAccessibleName(translate("LetterKeyboard", "Letras"))
        else:
            self.symbols_key.setText("123")
            self.symbols_key.setAccessibleName(translate("LetterKeyboard", "Números y símbolos"))

    @staticmethod
    def _symbol_name(char: str) -> str:
        """A symbol key's accessible name: its name in words where a reader would stumble."""
        names = {
            " ": translate("LetterKeyboard", "Espacio"),
            "@": translate("LetterKeyboard", "Arroba"),
            ".": translate("LetterKeyboard", "Punto"),
            "-": translate("LetterKeyboard", "Guion"),
            "_": translate("LetterKeyboard", "Guion bajo"),
            "+": translate("LetterKeyboard", "Más"),
            ",": translate("LetterKeyboard", "Coma"),
            "/": translate("LetterKeyboard", "Barra"),
            "(": translate("LetterKeyboard", "Abrir paréntesis"),
            ")": translate("LetterKeyboard", "Cerrar paréntesis"),
            "#": translate("LetterKeyboard", "Numeral"),
            "'": translate("LetterKeyboard", "Apóstrofo"),
            "&": translate("LetterKeyboard", "Y comercial"),
            ":": translate("LetterKeyboard", "Dos puntos"),
            ";": translate("LetterKeyboard", "Punto y coma"),
            "!": translate("LetterKeyboard", "Cerrar exclamación"),
            "?": translate("LetterKeyboard", "Cerrar interrogación"),
            '"': translate("LetterKeyboard", "Comillas"),
            "$": translate("LetterKeyboard", "Pesos"),
            "%": translate("LetterKeyboard", "Por ciento"),
            "*": translate("LetterKeyboard", "Asterisco"),
        }
        return names.get(char, char)

    def _render_letters(self) -> None:
        """Each letter key shows (and is named by) exactly what it types now."""
        for char, key in self.letter_keys.items():
            shown = self._typed_by(char)
            key.setText(shown)
            key.setAccessibleName(shown)
        # The key shows the accent it puts now (both, when none is on).
        self.accents_key.setText(("á ü", "á", "ü")[self._accent])
        self.accents_key.setChecked(self._accent != 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- the target ---------------------------------------------------------------------------

    def setTarget(self, field: TextField | None) -> None:
        self._target = field
        keep_focus_in(self, field)

    def target(self) -> TextField | None:
        return self._target

    # -- pages, capitals, accents ----------------------------------------------------------

    def isSymbols(self) -> bool:
        return self._pages.currentWidget() is self._symbols

    def showLetters(self) -> None:
        self._pages.setCurrentWidget(self._letters)
        self._render_page_key()

    def showSymbols(self) -> None:
        self._pages.setCurrentWidget(self._symbols)
        self._render_page_key()

    def _flip_page(self) -> None:
        if self.isSymbols():
            self.showLetters()
        else:
            self.showSymbols()

    def setShift(self, on: bool) -> None:
        self.shift_key.setChecked(on)

    def isShift(self) -> bool:
        return self.shift_key.isChecked()

    def accents(self) -> int:
        return self._accent

    def _next_accent(self) -> None:
        self._accent = (self._accent + 1) % len(_ACCENT_STATES)
        self._render_letters()

    def reset(self) -> None:
        """Small letters, no accent, the letters page (a new field, the keyboard reopened)."""
        self._accent = 0
        self.shift_key.setChecked(False)
        self.showLetters()
        self._render_letters()

    # -- typing -----------------------------------------------------------------------------

    def _type_char(self, char: str) -> None:
        typed = self._typed_by(char)
        self._type(typed, typed)

    def _type(self, text: str, said: str) -> None:
        if not type_into(self._target, text):
            return
        if not self.isSymbols() and (self._accent or self.isShift()):
            # Capitals and accents hold for one letter (the space ends them too).
            self._accent = 0
            self.shift_key.setChecked(False)
            self._render_letters()
        self.keyPressed.emit(said)

    def _erase(self) -> None:
        if erase_in(self._target):
            self.keyPressed.emit("erase")
