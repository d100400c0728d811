"""The sign-in screen and the admin PIN dialog on the real staff service (its files in the
test's folders, its clock in the test's hands): a right PIN, a wrong one with the tries left,
the lockout's live countdown, the keyboard, the demo PINs note."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from kiosk.controllers.language import describe
from kiosk.controllers.staff import StaffController
from kiosk.domain.errors import KioskError
from kiosk.domain.pins import MAX_TRIES
from kiosk.domain.staff import DEMO_STAFF
from kiosk.services.staff import StaffService, StaffStore
from tests.support.clocks import FakeClock
from tests.support.widgets import child, click
from tests.ui.helpers import speak
from ui.main_window import MainWindow
from ui.screens.sign_in import SignInScreen
from ui.widgets.admin_pin_dialog import AdminPinDialog, ask_admin_pin
from ui.widgets.pin_pad import KEY_SIZE

pytestmark = pytest.mark.gui

CLERK = next(demo for demo in DEMO_STAFF if not demo.is_admin)
ADMIN = next(demo for demo in DEMO_STAFF if demo.is_admin)
WRONG = "9876"
WAIT_MS = 10_000


class Seconds:
    """The countdown's own clock (``PinEntry.clock``): moved by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 14, 15, 0, tzinfo=UTC))


@pytest.fixture
def staff(tmp_path: Path, clock: FakeClock) -> StaffController:
    """The staff service on the test's folders, with test keys (the demo staff)."""
    store = StaffStore(tmp_path / "config", tmp_path / "data", test_keys=True)
    return StaffController(StaffService(store, clock))


@pytest.fixture
def screen(shown_window: MainWindow, staff: StaffController) -> Iterator[SignInScreen]:
    """The sign-in screen shown, connected to the staff controller as the wiring does."""
    sign_in = shown_window.show_sign_in()
    sign_in.pinEntered.connect(staff.sign_in)
    staff.checkingChanged.connect(sign_in.setChecking)
    staff.signInRefused.connect(
        lambda message, seconds: (
            sign_in.setLocked(seconds) if seconds else sign_in.setRefused(message)
        )
    )
    yield sign_in


def _press(qtbot, root, prefix: str, pin: str) -> None:
    for digit in pin:
        click(qtbot, child(root, QPushButton, f"{prefix}PinKey{digit}"))
    click(qtbot, child(root, QPushButton, f"{prefix}PinKeyEnter"))


def _refused(qtbot, staff: StaffController, action) -> None:
    with qtbot.waitSignal(staff.signInRefused, timeout=WAIT_MS):
        action()
    qtbot.waitUntil(lambda: not staff.is_checking(), timeout=WAIT_MS)


def test_the_clerks_pin_on_the_keypad_signs_in(qtbot, screen, staff) -> None:
    with qtbot.waitSignal(staff.signedIn, timeout=WAIT_MS) as signed:
        _press(qtbot, screen, "signIn", CLERK.pin)
    assert signed.args[0].name == CLERK.name
    assert staff.clerk_name == CLERK.name
    assert screen.entry.pin() == CLERK.pin  # the screen is left as it was; the wiring moves on


def test_the_keyboard_types_the_pin_and_enter_signs_in(qtbot, screen, staff) -> None:
    field = child(screen, type(screen.entry.field), "signInPinInput")
    assert field.hasFocus()
    qtbot.keyClicks(field, "12ab" + "34")  # letters never get in
    assert field.text() == "1234"
    field.clear()
    qtbot.keyClicks(field, CLERK.pin)
    with qtbot.waitSignal(staff.signedIn, timeout=WAIT_MS):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_erase_takes_one_digit_back(qtbot, screen) -> None:
    for digit in "123":
        click(qtbot, child(screen, QPushButton, f"signInPinKey{digit}"))
    click(qtbot, child(screen, QPushButton, "signInPinKeyErase"))
    assert screen.entry.pin() == "12"


def test_a_wrong_pin_says_how_many_tries_are_left(qtbot, screen, staff) -> None:
    _refused(qtbot, staff, lambda: _press(qtbot, screen, "signIn", WRONG))
    expected = describe(KioskError("pin.wrong", tries_left=MAX_TRIES - 1))
    assert screen.message() == expected
    assert str(MAX_TRIES - 1) in screen.message()
    assert screen.entry.pin() == "", "the wrong PIN is emptied"
    assert staff.clerk is None


def test_too_many_wrong_pins_lock_with_a_live_countdown(qtbot, screen, staff, clock) -> None:
    seconds = Seconds()
    screen.entry.clock = seconds
    for _ in range(MAX_TRIES):
        _refused(qtbot, staff, lambda: _press(qtbot, screen, "signIn", WRONG))
    assert screen.entry.isLocked()
    assert "1:00" in screen.message()
    assert not screen.entry.field.isEnabled() and not screen.entry.pad.isEnabled()
    seconds.now += 35
    screen.entry.tick()
    assert "0:25" in screen.message()
    # Typing while locked does nothing.
    qtbot.keyClicks(screen, "1")
    assert screen.entry.pin() == ""
    seconds.now += 25
    clock.advance(60)
    screen.entry.tick()
    assert not screen.entry.isLocked()
    assert screen.entry.field.isEnabled() and screen.entry.pad.isEnabled()
    with qtbot.waitSignal(staff.signedIn, timeout=WAIT_MS):
        _press(qtbot, screen, "signIn", CLERK.pin)


def test_a_lock_already_running_is_told_with_its_seconds(qtbot, screen, staff, clock) -> None:
    for _ in range(MAX_TRIES):
        _refused(qtbot, staff, lambda: _press(qtbot, screen, "signIn", WRONG))
    clock.advance(20)
    screen.entry.setRefused("")  # as a new screen would be
    _refused(qtbot, staff, lambda: _press(qtbot, screen, "signIn", CLERK.pin))
    assert screen.entry.isLocked() and 39 <= screen.entry.secondsLeft() <= 40
    assert staff.clerk is None, "a right PIN is not even looked at while locked"


def test_the_demo_pins_note(qtbot, screen) -> None:
    assert screen.demoNote() == ""
    screen.setDemoNote("Ana 1111")
    assert child(screen, type(screen._demo_note), "signInDemoNote").isVisible()
    screen.setDemoNote("")
    assert not screen._demo_note.isVisible()


def test_the_keys_are_big_enough_for_a_finger(screen) -> None:
    for key in screen.entry.pad.findChildren(QPushButton):
        assert key.height() >= 48 and key.width() >= 48
        assert key.minimumHeight() >= KEY_SIZE
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_screen_speaks_english(qtbot, screen) -> None:
    spanish = screen.entry.pad.erase_key.text(), screen._title.text()
    speak("en")
    try:
        english = screen.entry.pad.erase_key.text(), screen._title.text()
        assert english == ("Delete", "Start shift")
        assert spanish != english
    finally:
        speak("es")


# -- the admin PIN ---------------------------------------------------------------------------


def _dialog(shown_window: MainWindow, staff: StaffController, granted: list) -> AdminPinDialog:
    return ask_admin_pin(shown_window, staff, granted.append, reason="Para abrir los ajustes.")


def test_the_admin_pin_is_granted_to_an_admin_only(qtbot, shown_window, staff) -> None:
    granted: list = []
    dialog = _dialog(shown_window, staff, granted)
    qtbot.waitExposed(dialog)
    assert child(dialog, type(dialog._reason_label), "adminPinReason").text().startswith("Para")
    _press(qtbot, dialog, "admin", CLERK.pin)
    qtbot.waitUntil(lambda: bool(dialog.message()), timeout=WAIT_MS)
    assert dialog.message() == describe(KioskError("pin.not_admin"))
    assert granted == [] and dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        _press(qtbot, dialog, "admin", ADMIN.pin)
    assert [clerk.name for clerk in granted] == [ADMIN.name]
    assert granted[0].is_admin


def test_the_admin_pin_dialog_counts_wrong_tries_and_locks(qtbot, shown_window, staff) -> None:
    granted: list = []
    dialog = _dialog(shown_window, staff, granted)
    qtbot.waitExposed(dialog)
    for tries in range(MAX_TRIES):
        _press(qtbot, dialog, "admin", WRONG)
        qtbot.waitUntil(lambda: not dialog.entry.isChecking(), timeout=WAIT_MS)
        if tries < MAX_TRIES - 1:
            left = MAX_TRIES - tries - 1
            assert dialog.message() == describe(KioskError("pin.wrong", tries_left=left))
    assert dialog.entry.isLocked() and "1:00" in dialog.message()
    assert granted == []


def test_the_admin_pin_dialog_cancels_with_escape(qtbot, shown_window, staff) -> None:
    cancelled: list = []
    dialog = ask_admin_pin(
        shown_window, staff, lambda _c: None, on_cancelled=lambda: cancelled.append(1)
    )
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.keyClick(dialog.entry.field, Qt.Key.Key_Escape)
    assert cancelled == [1]


def test_with_real_keys_and_no_staff_the_first_admin_is_created(
    qtbot: Any, shown_window: MainWindow, tmp_path: Path, clock: FakeClock
) -> None:
    store = StaffStore(tmp_path / "real-config", tmp_path / "real-data", test_keys=False)
    staff = StaffController(StaffService(store, clock))
    assert staff.needs_setup and not staff.demo_pins
    screen = shown_window.show_sign_in()
    screen.setSetupNeeded(True)
    screen.firstAdminRequested.connect(staff.create_first_admin)
    staff.signInRefused.connect(lambda message, _seconds: screen.setRefused(message))
    name = child(screen, QLineEdit, "signInNameInput")
    assert name.isVisible() and screen._title.text() == "Primer administrador"
    qtbot.keyClicks(name, "Marta")
    _refused(qtbot, staff, lambda: _press(qtbot, screen, "signIn", "1111"))
    assert screen.message() == describe(KioskError("pin.too_simple"))
    with qtbot.waitSignal(staff.signedIn, timeout=WAIT_MS) as signed:
        _press(qtbot, screen, "signIn", "4826")
    assert signed.args[0].name == "Marta" and signed.args[0].is_admin
    assert not staff.needs_setup
