"""The kiosk's letter keyboard on real widgets: a name with capitals, accents and ñ, an
email and an address typed by taps alone, through the field's validator; big keys with
room between them that never take the focus; its words in the language spoken."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tests.support.widgets import child, click
from tests.ui.helpers import speak
from ui.widgets.letter_keyboard import LETTER_ROWS, SYMBOL_ROWS, LetterKeyboard

pytestmark = pytest.mark.gui

_ACUTE = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"}


def tap_text(qtbot, keyboard: LetterKeyboard, text: str) -> None:
    """Type ``text`` with taps on ``keyboard``'s keys alone, as a person would: "Mayús"
    before a capital, "Tilde" before an accented vowel (twice for ü), "123"/"abc" to go
    between the letters and the symbols."""
    prefix = keyboard.objectName().removesuffix("Keyboard")

    def tap(name: str) -> None:
        click(qtbot, child(keyboard, QPushButton, f"{prefix}{name}"))

    for char in text:
        if char == " ":
            tap("KeySpace")
            continue
        small = char.lower()
        base = _ACUTE.get(small, "u" if small == "ü" else small)
        is_letter = any(base in row for row in LETTER_ROWS)
        if is_letter == keyboard.isSymbols():
            tap("KeySymbols")
        if is_letter:
            if char != small:
                tap("KeyShift")
            for _ in range(1 if small in _ACUTE else 2 if small == "ü" else 0):
                tap("KeyAccents")
        tap(f"Key_{base}")


class Host(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.keyboard = LetterKeyboard("kb", self)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.field)
        layout.addWidget(self.notes)
        layout.addWidget(self.keyboard)
        self.keyboard.setTarget(self.field)


@pytest.fixture
def host(qtbot, styled_app: QApplication) -> Iterator[Host]:
    widget = Host()
    widget.resize(1100, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.field.setFocus()
    qtbot.waitUntil(widget.field.hasFocus)
    yield widget


def test_a_name_with_capitals_accents_and_enie_by_taps_alone(qtbot, host: Host) -> None:
    tap_text(qtbot, host.keyboard, "José Ñuñez")
    assert host.field.text() == "José Ñuñez"
    assert host.field.hasFocus(), "the keys never take the focus"
    tap_text(qtbot, host.keyboard, " Güell")
    assert host.field.text() == "José Ñuñez Güell"


def test_an_email_and_a_nit_by_taps_alone(qtbot, host: Host) -> None:
    tap_text(qtbot, host.keyboard, "ana@tienda.co")
    assert host.field.text() == "ana@tienda.co"
    host.field.clear()
    tap_text(qtbot, host.keyboard, "900123456-7")
    assert host.field.text() == "900123456-7"


def test_an_address_in_a_text_of_several_lines_and_erase(qtbot, host: Host) -> None:
    host.notes.setFocus()
    host.keyboard.setTarget(host.notes)
    tap_text(qtbot, host.keyboard, "Calle 5 # 3-21")
    click(qtbot, child(host.keyboard, QPushButton, "kbKeyErase"))
    assert host.notes.toPlainText() == "Calle 5 # 3-2"
    assert host.notes.hasFocus()
    assert host.field.text() == ""


def test_capitals_and_accents_hold_for_one_letter(qtbot, host: Host) -> None:
    keyboard = host.keyboard
    a = child(keyboard, QPushButton, "kbKey_a")
    click(qtbot, child(keyboard, QPushButton, "kbKeyShift"))
    assert keyboard.isShift() and a.text() == "A" and a.accessibleName() == "A"
    click(qtbot, child(keyboard, QPushButton, "kbKeyAccents"))
    assert a.text() == "Á" and child(keyboard, QPushButton, "kbKey_u").text() == "Ú"
    click(qtbot, a)
    assert host.field.text() == "Á"
    assert not keyboard.isShift() and keyboard.accents() == 0
    assert (a.text(), a.accessibleName()) == ("a", "a")
    # a second tap of "Mayús" before a letter goes back to small letters
    click(qtbot, child(keyboard, QPushButton, "kbKeyShift"))
    click(qtbot, child(keyboard, QPushButton, "kbKeyShift"))
    click(qtbot, a)
    assert host.field.text() == "Áa"


def test_the_fields_validator_and_length_apply(qtbot, host: Host) -> None:
    host.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[a-z]*"), host))
    host.field.setMaxLength(3)
    tap_text(qtbot, host.keyboard, "Ab1cde")
    assert host.field.text() == "bcd", "capitals and digits refused, three letters at most"


def test_done_asks_to_close_and_nothing_is_typed_into_a_disabled_field(qtbot, host: Host) -> None:
    with qtbot.waitSignal(host.keyboard.doneRequested):
        click(qtbot, child(host.keyboard, QPushButton, "kbKeyDone"))
    host.field.setEnabled(False)
    with qtbot.assertNotEmitted(host.keyboard.keyPressed):
        click(qtbot, child(host.keyboard, QPushButton, "kbKey_q"))
        click(qtbot, child(host.keyboard, QPushButton, "kbKeySpace"))
    assert host.field.text() == ""
    host.field.setEnabled(True)
    host.keyboard.setEnabled(False)
    qtbot.mouseClick(child(host.keyboard, QPushButton, "kbKey_q"), Qt.MouseButton.LeftButton)
    assert host.field.text() == ""


def _keys(keyboard: LetterKeyboard) -> list[QPushButton]:
    return [key for key in keyboard.findChildren(QPushButton) if key.isVisibleTo(keyboard)]


def _gaps(rects: list[QRect]) -> list[int]:
    """The room between every two keys side by side in a row, and between rows."""
    gaps = []
    for a in rects:
        for b in rects:
            if a.top() == b.top() and b.left() > a.right():
                gaps.append(b.left() - a.right() - 1)
            overlapping = a.left() <= b.right() and b.left() <= a.right()
            if overlapping and b.top() > a.bottom():
                gaps.append(b.top() - a.bottom() - 1)
    return gaps


@pytest.mark.parametrize("page", ["letters", "symbols"])
def test_keys_are_big_with_room_between_and_never_take_the_focus(host: Host, page: str) -> None:
    keyboard = host.keyboard
    if page == "symbols":
        keyboard.showSymbols()
    expected = 10 + 10 + (7 + 2 if page == "letters" else 10) + 4
    keys = _keys(keyboard)
    assert len(keys) == expected
    for key in keys:
        assert key.height() >= 56 and key.width() >= 56, key.objectName()
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus, key.objectName()
        assert key.accessibleName(), key.objectName()
    rects = [QRect(key.mapTo(keyboard, key.rect().topLeft()), key.size()) for key in keys]
    gaps = _gaps(rects)
    assert gaps and min(gaps) >= 8
    assert all(keyboard.rect().contains(rect) for rect in rects), "no key cut off"


def test_every_symbol_a_form_needs_has_a_key(host: Host) -> None:
    for char in "@.-_+,/()#'":
        assert any(char in row for row in SYMBOL_ROWS), char
        assert child(host.keyboard, QPushButton, f"kbKey_{char}").text() == char


def test_words_follow_the_language(qtbot, host: Host) -> None:
    keyboard = host.keyboard
    space = child(keyboard, QPushButton, "kbKeySpace")
    done = child(keyboard, QPushButton, "kbKeyDone")
    erase = child(keyboard, QPushButton, "kbKeyErase")
    shift = child(keyboard, QPushButton, "kbKeyShift")
    symbols = child(keyboard, QPushButton, "kbKeySymbols")
    at = child(keyboard, QPushButton, "kbKey_@")
    assert (space.text(), space.accessibleName()) == ("Espacio", "Espacio")
    assert (done.text(), erase.text(), shift.text()) == ("Listo", "Borrar", "Mayús")
    assert symbols.accessibleName() == "Números y símbolos"
    assert at.accessibleName() == "Arroba"
    assert child(keyboard, QPushButton, "kbKey_ñ").accessibleName() == "ñ"
    try:
        speak("en")
        assert (space.text(), space.accessibleName()) == ("Space", "Space")
        assert (done.text(), erase.text(), shift.text()) == ("Done", "Delete", "Shift")
        assert shift.accessibleName() == "Capitals"
        assert symbols.accessibleName() == "Numbers and symbols"
        assert at.accessibleName() == "At sign"
        keyboard.showSymbols()
        assert (symbols.text(), symbols.accessibleName()) == ("abc", "Letters")
    finally:
        speak("es")
    assert space.text() == "Espacio" and symbols.accessibleName() == "Letras"
