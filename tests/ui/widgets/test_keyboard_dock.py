"""The kiosk's keyboard dock on real widgets: a text field's focus opens the letter keyboard,
a digits field the digit keypad, a field with a keypad of its own nothing; a button's tap
closes it (and still clicks); "Listo" closes it and a tap on the field opens it again; the
focused field stays in view; a dialog's field gets it too; its words follow the language.
And the whole app in kiosk mode: the dock at the bottom of the window, for a settings field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.sandbox import SandboxServer
from tests.e2e.helpers import AppRunner, e2e_config
from tests.support.widgets import child, click
from tests.ui.helpers import speak
from tests.ui.widgets.test_letter_keyboard import tap_text
from ui.style import LARGE_TEXT_SCALE, apply_text_scale, repolish
from ui.widgets import letter_keyboard
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.keypad import OWN_KEYPAD

pytestmark = pytest.mark.gui


class Window(QMainWindow):
    """A kiosk-like window: fields in a scroll area, a button, the dock last in the layout."""

    def __init__(self) -> None:
        super().__init__()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.area = QScrollArea(central)
        self.area.setWidgetResizable(True)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        self.name = QLineEdit(form)
        self.amount = QLineEdit(form)
        self.amount.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.days = QSpinBox(form)
        self.pin = QLineEdit(form)
        self.pin.setProperty(OWN_KEYPAD, True)
        self.shown_only = QLineEdit(form)
        self.shown_only.setReadOnly(True)
        self.save = QPushButton("Guardar", form)
        form_layout.addWidget(self.name)
        form_layout.addWidget(self.amount)
        form_layout.addWidget(self.days)
        form_layout.addWidget(self.pin)
        form_layout.addWidget(self.shown_only)
        form_layout.addWidget(self.save)
        form_layout.addSpacing(500)
        self.notes = QPlainTextEdit(form)
        self.notes.setFixedHeight(80)
        form_layout.addWidget(self.notes)
        self.area.setWidget(form)
        layout.addWidget(self.area, 1)
        self.setCentralWidget(central)
        self.dock = KeyboardDock(central)
        layout.addWidget(self.dock)
        # The window's size is the test's (as the kiosk's main window does it).
        window_layout = self.layout()
        assert window_layout is not None
        window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)


@pytest.fixture
def dock_window(qtbot, styled_app: QApplication) -> Iterator[Window]:
    main = Window()
    main.resize(1280, 800)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main


def _focus(qtbot, field: QWidget) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.hasFocus)


def test_a_text_field_opens_the_letter_keyboard_and_taps_type_into_it(qtbot, dock_window) -> None:
    dock = dock_window.dock
    assert not dock.isOpen()
    _focus(qtbot, dock_window.name)
    assert dock.isOpen() and dock.layoutName() == "letters"
    assert dock.target() is dock_window.name
    tap_text(qtbot, dock.letters, "José Ñuñez")
    assert dock_window.name.text() == "José Ñuñez"
    assert dock_window.name.hasFocus()


def test_a_digits_field_opens_the_digit_keypad(qtbot, dock_window) -> None:
    dock = dock_window.dock
    _focus(qtbot, dock_window.amount)
    assert dock.layoutName() == "digits"
    assert dock.digits.isVisible() and not dock.letters.isVisible()
    for digit in "5000":
        click(qtbot, child(dock, QPushButton, f"kbDigitsKey{digit}"))
    assert dock_window.amount.text() == "5000"
    assert not dock_window.amount.property(OWN_KEYPAD), "the dock serves it without owning it"
    _focus(qtbot, dock_window.name)
    assert dock.layoutName() == "letters"
    _focus(qtbot, dock_window.days)  # a spin box types digits into its own line
    assert dock.layoutName() == "digits"
    click(qtbot, child(dock, QPushButton, "kbDigitsKey7"))
    assert "7" in dock_window.days.text()


def test_a_field_with_its_own_keypad_or_read_only_opens_nothing(qtbot, dock_window) -> None:
    _focus(qtbot, dock_window.pin)
    assert not dock_window.dock.isOpen()
    _focus(qtbot, dock_window.shown_only)
    assert not dock_window.dock.isOpen()
    dock_window.name.setEnabled(False)
    dock_window.name.setFocus()
    assert not dock_window.dock.isOpen()


def test_a_tap_on_a_button_closes_it_and_still_clicks(qtbot, dock_window) -> None:
    _focus(qtbot, dock_window.name)
    with qtbot.waitSignal(dock_window.save.clicked):
        qtbot.mouseClick(dock_window.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock_window.dock.isOpen())
    assert dock_window.dock.target() is None


def test_done_closes_it_and_a_tap_on_the_field_opens_it_again(qtbot, dock_window) -> None:
    dock = dock_window.dock
    _focus(qtbot, dock_window.name)
    with qtbot.waitSignal(dock.closed):
        click(qtbot, child(dock, QPushButton, "kbKeyDone"))
    assert not dock.isOpen() and dock_window.name.hasFocus()
    with qtbot.waitSignal(dock.opened):
        qtbot.mouseClick(dock_window.name, Qt.MouseButton.LeftButton)
    assert dock.layoutName() == "letters"
    _focus(qtbot, dock_window.amount)
    with qtbot.waitSignal(dock.closed):
        click(qtbot, child(dock, QPushButton, "kbDigitsKeyDone"))
    _focus(qtbot, dock_window.notes)  # a text of several lines: its view takes the tap
    click(qtbot, child(dock, QPushButton, "kbKeyDone"))
    with qtbot.waitSignal(dock.opened):
        qtbot.mouseClick(dock_window.notes.viewport(), Qt.MouseButton.LeftButton)


def test_the_focused_field_stays_in_view(qtbot, dock_window) -> None:
    dock = dock_window.dock
    _focus(qtbot, dock_window.notes)  # low in the scroll area: the dock would cover it
    qtbot.waitUntil(dock.isOpen)
    viewport = dock_window.area.viewport()

    def in_view() -> bool:
        top_left = dock_window.notes.mapTo(viewport, dock_window.notes.rect().topLeft())
        bottom_right = dock_window.notes.mapTo(viewport, dock_window.notes.rect().bottomRight())
        return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)

    qtbot.waitUntil(in_view)
    dock_top = dock.mapTo(dock_window, dock.rect().topLeft()).y()
    notes_bottom = dock_window.notes.mapTo(dock_window, dock_window.notes.rect().bottomLeft()).y()
    assert notes_bottom < dock_top
    tap_text(qtbot, dock.letters, "Calle 5")
    assert dock_window.notes.toPlainText() == "Calle 5"


def test_keys_are_big_with_room_and_fit_the_window(qtbot, dock_window) -> None:
    dock = dock_window.dock
    _focus(qtbot, dock_window.name)
    keys = [key for key in dock.findChildren(QPushButton) if key.isVisible()]
    assert len(keys) == 33
    for key in keys:
        assert key.height() >= 56 and key.width() >= 56, key.objectName()
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert dock_window.rect().contains(key.mapTo(dock_window, key.rect().bottomRight()))
    _focus(qtbot, dock_window.amount)
    keys = [key for key in dock.findChildren(QPushButton) if key.isVisible()]
    assert len(keys) == 13
    for key in keys:
        assert key.height() >= 48 and key.width() >= 48, key.objectName()
    dock_window.resize(1080, 1920)  # portrait: it still fits
    qtbot.waitUntil(lambda: dock_window.width() == 1080)
    _focus(qtbot, dock_window.name)
    for key in dock.findChildren(QPushButton):
        if key.isVisible():
            assert dock_window.rect().contains(key.mapTo(dock_window, key.rect().bottomRight()))


def test_its_words_follow_the_language(qtbot, dock_window) -> None:
    dock = dock_window.dock
    _focus(qtbot, dock_window.amount)
    done = child(dock, QPushButton, "kbDigitsKeyDone")
    assert (done.text(), dock.accessibleName()) == ("Listo", "Teclado en pantalla")
    try:
        speak("en")
        assert (done.text(), dock.accessibleName()) == ("Done", "On-screen keyboard")
        assert child(dock, QPushButton, "kbKeySpace").text() == "Space"
        assert child(dock, QPushButton, "kbDigitsKeyErase").text() == "Delete"
    finally:
        speak("es")
    assert done.text() == "Listo"


def test_a_field_in_a_dialog_gets_the_dock_inside_the_dialog(qtbot, dock_window) -> None:
    dock = dock_window.dock
    dialog = QDialog(dock_window)
    layout = QVBoxLayout(dialog)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # no size hints offscreen
    field = QLineEdit(dialog)
    layout.addWidget(field)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    _focus(qtbot, field)
    assert dock.isOpen() and dock.window() is dialog
    tap_text(qtbot, dock.letters, "ana@tienda.co")
    assert field.text() == "ana@tienda.co"
    dialog.reject()
    qtbot.waitUntil(lambda: dock.window() is dock_window)
    assert not dock.isOpen()
    dialog.deleteLater()
    dock_window.activateWindow()
    qtbot.waitUntil(dock_window.isActiveWindow)
    _focus(qtbot, dock_window.name)
    assert dock.isOpen() and dock.window() is dock_window


def test_a_dialog_without_room_for_it_gets_no_dock(qtbot, dock_window) -> None:
    dialog = QDialog(dock_window)
    layout = QGridLayout(dialog)  # as a file dialog's
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    field = QLineEdit(dialog)
    layout.addWidget(field, 0, 0)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    _focus(qtbot, field)
    assert not dock_window.dock.isOpen() and dock_window.dock.window() is dock_window
    dialog.reject()
    dialog.deleteLater()


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_kiosk_has_the_dock_under_its_screens(
    qtbot, styled_app: QApplication, sandbox: SandboxServer, size: tuple[int, int]
) -> None:
    runner = AppRunner(qtbot, sandbox, e2e_config())
    try:
        ctx = runner.start(mode="kiosk")
        window = ctx.window
        assert ctx.wiring.kiosk is not None
        dock = ctx.wiring.kiosk.keyboard.dock
        assert dock.objectName() == "keyboardDock"
        central = window.centralWidget()
        layout = central.layout()
        assert layout.itemAt(layout.count() - 1).widget() is dock
        assert not dock.isOpen(), "closed on the attract screen"
        window.resize(*size)
        qtbot.waitUntil(lambda: window.width() == size[0])
        settings = window.show_settings()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        field = child(settings, QLineEdit, "settingsStoreNameInput")
        field.clear()
        _focus(qtbot, field)
        assert dock.isOpen() and dock.layoutName() == "letters"
        tap_text(qtbot, dock.letters, "Tienda Ñ")
        assert field.text() == "Tienda Ñ"
        area = child(settings, QScrollArea, "settingsArea")

        def in_view() -> bool:
            view = area.viewport().rect()
            return view.contains(field.mapTo(area.viewport(), field.rect().topLeft())) and (
                view.contains(field.mapTo(area.viewport(), field.rect().bottomRight()))
            )

        qtbot.waitUntil(in_view)  # the whole field, over the dock
        # The whole dock on the window, under the screen (nothing cut off, nothing over it).
        dock_rect = dock.geometry()
        assert central.rect().contains(dock_rect)
        assert window.stack.geometry().bottom() < dock_rect.top()
        for key in dock.findChildren(QPushButton):
            if key.isVisible():
                corner = key.mapTo(central, key.rect().bottomRight())
                assert central.rect().contains(corner), key.objectName()
                # the kiosk's sheet (re-polished on kiosk mode) leaves the keys' sizes alone
                assert key.height() == letter_keyboard.KEY_HEIGHT, key.objectName()
        history = window.show_history()  # it puts the focus in its line filter itself
        qtbot.waitUntil(lambda: dock.target() is child(history, QLineEdit, "historyLineInput"))
        _focus(qtbot, child(history, QLineEdit, "historyReferenceInput"))
        assert dock.isOpen() and dock.target() is history.reference_input
        assert window.stack.geometry().bottom() < dock.geometry().top()
        window.show_attract()
        qtbot.waitUntil(lambda: not dock.isOpen())
    finally:
        runner.finish()


def _unfit(keys: list[QPushButton]) -> list[str]:
    """The keys whose words do not fit inside them (borders and padding left)."""
    bad = []
    for key in keys:
        metrics = key.fontMetrics()
        lines = key.text().replace("&&", "&").split("\n")
        wide = max(metrics.horizontalAdvance(line) for line in lines)
        tall = len(lines) * metrics.lineSpacing()
        if wide > key.width() - 12 or tall > key.height() - 7:
            bad.append(f"{key.objectName()} {key.text()!r} {wide}x{tall} in {key.size()}")
    return bad


@pytest.mark.parametrize("scale", [1.0, LARGE_TEXT_SCALE], ids=["normal", "larger"])
def test_every_key_shows_its_words_whole_on_the_kiosks_sheet(qtbot, dock_window, scale) -> None:
    dock = dock_window.dock
    dock_window.setProperty("kiosk", True)
    repolish(dock_window)
    apply_text_scale(dock_window, scale)
    bad: list[str] = []
    try:
        for language in ("es", "en"):
            speak(language)
            for field, symbols in (
                (dock_window.name, False),
                (dock_window.name, True),
                (dock_window.amount, False),
            ):
                _focus(qtbot, field)
                if symbols:
                    dock.letters.showSymbols()
                bad += _unfit([key for key in dock.findChildren(QPushButton) if key.isVisible()])
                dock.letters.showLetters()
    finally:
        speak("es")
        apply_text_scale(dock_window, 1.0)
    assert not bad
