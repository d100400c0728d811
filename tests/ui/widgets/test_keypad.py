"""The kiosk's digit keypad on real widgets: it types through the field's validator and
length, erases, clears, follows the focus between the fields it serves, never takes the
focus, has big keys with room between them, names its keys in the language spoken, and
types nothing while it (or its field) is disabled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tests.support.widgets import child, click
from tests.ui.helpers import speak
from ui.widgets.keypad import OWN_KEYPAD, DigitKeypad

pytestmark = pytest.mark.gui


class Host(QWidget):
    """Two line fields over a keypad that serves them, as a kiosk screen has."""

    def __init__(self) -> None:
        super().__init__()
        self.line = QLineEdit(self)
        self.line.setObjectName("line")
        self.line.setMaxLength(6)
        # Digits 1 to 5 only: what the validator refuses never gets in.
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(r"[1-5]*"), self))
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.keypad = DigitKeypad("test", self)
        layout = QVBoxLayout(self)
        # The window's size is the test's, not its content's (no size hints to the platform).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.line)
        layout.addWidget(self.code)
        layout.addWidget(self.keypad)
        self.keypad.serve(self.line, self.code)


@pytest.fixture
def host(qtbot, styled_app: QApplication) -> Iterator[Host]:
    widget = Host()
    widget.resize(600, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.line.setFocus()
    qtbot.waitUntil(widget.line.hasFocus)
    yield widget


def _press(qtbot, host: Host, keys: str) -> None:
    for digit in keys:
        click(qtbot, child(host, QPushButton, f"testKey{digit}"))


def test_digits_go_through_the_validator_and_the_length(qtbot, host: Host) -> None:
    with qtbot.waitSignal(host.keypad.keyPressed) as pressed:
        _press(qtbot, host, "1")
    assert pressed.args == ["1"]
    _press(qtbot, host, "2789")
    assert host.line.text() == "12", "7, 8 and 9 are refused by the field's validator"
    _press(qtbot, host, "345512")
    assert host.line.text() == "123455", "never longer than the field's maximum length"
    assert host.line.hasFocus(), "the focus stays in the field"
    assert host.line.property(OWN_KEYPAD) and host.code.property(OWN_KEYPAD)


def test_erase_takes_one_digit_back_and_clear_empties_the_field(qtbot, host: Host) -> None:
    _press(qtbot, host, "1234")
    click(qtbot, child(host, QPushButton, "testKeyErase"))
    assert host.line.text() == "123"
    with qtbot.waitSignal(host.keypad.keyPressed) as pressed:
        click(qtbot, child(host, QPushButton, "testKeyClear"))
    assert pressed.args == ["clear"]
    assert host.line.text() == ""
    assert host.line.hasFocus()


def test_the_keys_type_into_the_served_field_that_had_the_focus_last(qtbot, host: Host) -> None:
    _press(qtbot, host, "12")
    qtbot.mouseClick(host.code, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(host.code.hasFocus)
    assert host.keypad.target() is host.code
    _press(qtbot, host, "90")
    assert (host.line.text(), host.code.text()) == ("12", "90")
    assert host.code.hasFocus()
    host.line.setFocus()
    qtbot.waitUntil(host.line.hasFocus)
    _press(qtbot, host, "3")
    assert (host.line.text(), host.code.text()) == ("123", "90")


def test_no_key_takes_the_focus(qtbot, host: Host) -> None:
    keys = host.keypad.findChildren(QPushButton)
    assert len(keys) == 12
    for key in keys:
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus, key.objectName()
    qtbot.mouseClick(child(host, QPushButton, "testKeyErase"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(host, QPushButton, "testKey5"), Qt.MouseButton.LeftButton)
    assert host.line.hasFocus() and host.line.text() == "5"


def _gaps(rects: list[QRect]) -> list[int]:
    """The room between every two keys side by side or one above the other."""
    gaps = []
    for a in rects:
        for b in rects:
            same_row = a.top() == b.top()
            same_column = a.left() == b.left()
            if same_row and b.left() > a.right():
                gaps.append(b.left() - a.right() - 1)
            elif same_column and b.top() > a.bottom():
                gaps.append(b.top() - a.bottom() - 1)
    return gaps


def test_keys_are_big_with_room_between_them(host: Host) -> None:
    keys = host.keypad.findChildren(QPushButton)
    for key in keys:
        assert key.width() >= 48 and key.height() >= 48, key.objectName()
    gaps = _gaps([key.geometry() for key in keys])
    assert gaps and min(gaps) >= 8


def test_keys_are_named_in_the_language_spoken(qtbot, host: Host) -> None:
    five, erase = child(host, QPushButton, "testKey5"), child(host, QPushButton, "testKeyErase")
    clear = child(host, QPushButton, "testKeyClear")
    assert five.accessibleName() == "Dígito 5"
    assert (erase.text(), erase.accessibleName()) == ("Borrar", "Borrar un dígito")
    assert (clear.text(), clear.accessibleName()) == ("Borrar\ntodo", "Borrar todo el campo")
    try:
        speak("en")
        assert five.accessibleName() == "Digit 5"
        assert (erase.text(), erase.accessibleName()) == ("Delete", "Delete one digit")
        assert (clear.text(), clear.accessibleName()) == ("Clear\nall", "Clear the whole field")
    finally:
        speak("es")
    assert erase.text() == "Borrar"


def test_nothing_is_typed_while_the_keypad_or_its_field_is_disabled(qtbot, host: Host) -> None:
    host.keypad.setEnabled(False)
    qtbot.mouseClick(child(host, QPushButton, "testKey1"), Qt.MouseButton.LeftButton)
    assert host.line.text() == ""
    host.keypad.setEnabled(True)
    # (a disabled field hands the focus on: the other served field goes too)
    host.line.setEnabled(False)
    host.code.setEnabled(False)
    with qtbot.assertNotEmitted(host.keypad.keyPressed):
        click(qtbot, child(host, QPushButton, "testKey1"))
        click(qtbot, child(host, QPushButton, "testKeyErase"))
        click(qtbot, child(host, QPushButton, "testKeyClear"))
    assert host.line.text() == host.code.text() == ""
    host.line.setEnabled(True)
    host.line.setReadOnly(True)
    host.keypad.setTarget(host.line)
    click(qtbot, child(host, QPushButton, "testKey2"))
    assert host.line.text() == ""
