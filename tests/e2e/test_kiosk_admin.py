"""Leaving the kiosk: the window refuses to close and Esc does nothing; only the discreet
corner gesture (5 quick taps in the top-left 96x96 px) and the admin PIN, typed on the
dialog's keypad, give admin mode: the back-office bar, "Salir del modo quiosco" (the app
closes) and "Volver al quiosco". The kiosk's window follows a change of its screen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from tests.e2e.hands import DEMO_ADMIN_PIN
from tests.e2e.helpers import WAIT_MS, AppRunner
from tests.support.widgets import child
from ui.app import AppContext
from ui.kiosk.admin import CORNER_PX, AdminAccess
from ui.kiosk.shell import hold_fullscreen
from ui.main_window import MainWindow
from ui.widgets.admin_pin_dialog import AdminPinDialog

pytestmark = pytest.mark.gui


class Clock:
    """The gesture's clock, moved by the test (monotonic seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosk(runner: AppRunner) -> AppContext:
    ctx = runner.start(mode="kiosk")
    assert ctx.window.currentScreen() is ctx.window.attract
    return ctx


@pytest.fixture
def clock(kiosk: AppContext) -> Clock:
    moved = Clock()
    admin(kiosk).setClock(moved)
    return moved


def admin(ctx: AppContext) -> AdminAccess:
    assert ctx.wiring.kiosk is not None
    return ctx.wiring.kiosk.admin


def tap_corner(qtbot: Any, window: MainWindow, inset: int = 10) -> None:
    """A tap ``inset`` px inside the window's top-left corner, on whatever is there."""
    point = QPoint(inset, inset)
    target = window.childAt(point) or window
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def taps(qtbot: Any, window: MainWindow, clock: Clock, count: int, every: float) -> None:
    for _ in range(count):
        tap_corner(qtbot, window)
        clock.now += every


def pin_dialog(ctx: AppContext) -> AdminPinDialog | None:
    dialog = ctx.wiring.admin_dialog
    return dialog if dialog is not None and dialog.isVisible() else None


def open_pin_dialog(qtbot: Any, ctx: AppContext, clock: Clock) -> AdminPinDialog:
    taps(qtbot, ctx.window, clock, 5, every=0.4)
    qtbot.waitUntil(lambda: pin_dialog(ctx) is not None, timeout=WAIT_MS)
    dialog = pin_dialog(ctx)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def type_pin(qtbot: Any, dialog: QWidget, pin: str) -> None:
    """The PIN on the dialog's own keypad (``adminPinKey0``…), then its "Entrar"."""
    for digit in pin:
        qtbot.mouseClick(child(dialog, QAbstractButton, f"adminPinKey{digit}"), Qt.LeftButton)
    qtbot.mouseClick(child(dialog, QAbstractButton, "adminPinKeyEnter"), Qt.LeftButton)


def enter_admin_mode(qtbot: Any, ctx: AppContext, clock: Clock) -> None:
    dialog = open_pin_dialog(qtbot, ctx, clock)
    with qtbot.waitSignal(admin(ctx).adminModeChanged, timeout=WAIT_MS) as changed:
        type_pin(qtbot, dialog, DEMO_ADMIN_PIN)
    assert changed.args == [True]


def test_the_kiosk_window_refuses_to_close(kiosk: AppContext) -> None:
    window = kiosk.window
    assert not window.close()
    event = QCloseEvent()  # the close button, Alt+F4: what a window manager sends
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.isVisible()


def test_esc_does_nothing_at_the_kiosk(qtbot: Any, kiosk: AppContext) -> None:
    window = kiosk.window
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.currentScreen() is window.attract
    window.show_topup()  # a job screen, where a counter's Esc goes back
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.currentScreen() is window.topup
    assert window.isVisible()


def test_outside_admin_mode_the_kiosk_shows_no_back_office(kiosk: AppContext) -> None:
    assert not kiosk.window.isBackOfficeShown()
    assert not admin(kiosk).isAdminMode()


def test_four_quick_taps_or_five_slow_ones_do_nothing(
    qtbot: Any, kiosk: AppContext, clock: Clock
) -> None:
    window = kiosk.window
    taps(qtbot, window, clock, 4, every=0.5)
    QApplication.processEvents()
    assert pin_dialog(kiosk) is None
    assert admin(kiosk).tapsCounted() == 4
    clock.now += 5  # the four are forgotten
    taps(qtbot, window, clock, 5, every=1.0)  # five, over four seconds
    QApplication.processEvents()
    assert pin_dialog(kiosk) is None
    # Five quick taps away from the corner (just outside it) do nothing either.
    for _ in range(5):
        tap_corner(qtbot, window, inset=CORNER_PX + 4)
    QApplication.processEvents()
    assert pin_dialog(kiosk) is None
    assert admin(kiosk).tapsCounted() == 0


def test_five_quick_taps_ask_the_admin_pin_and_a_wrong_one_keeps_the_kiosk(
    qtbot: Any, kiosk: AppContext, clock: Clock
) -> None:
    dialog = open_pin_dialog(qtbot, kiosk, clock)
    assert child(dialog, QLabel, "adminPinReason").text() == "Modo administrador"
    type_pin(qtbot, dialog, "9876")
    qtbot.waitUntil(lambda: bool(dialog.message()), timeout=WAIT_MS)
    assert dialog.isVisible(), "a wrong PIN: the dialog asks again"
    assert not admin(kiosk).isAdminMode()
    assert not kiosk.window.isBackOfficeShown()
    qtbot.mouseClick(child(dialog, QAbstractButton, "adminPinCancelButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: pin_dialog(kiosk) is None, timeout=WAIT_MS)
    assert kiosk.window.isVisible() and not kiosk.window.close()
    assert not admin(kiosk).isAdminMode()


def test_the_admin_pin_gives_admin_mode_and_leaving_closes_the_app(
    qtbot: Any, kiosk: AppContext, clock: Clock
) -> None:
    window = kiosk.window
    enter_admin_mode(qtbot, kiosk, clock)
    assert admin(kiosk).isAdminMode()
    assert window.isBackOfficeShown()
    bar = window.back_office
    for button in (
        bar.history_button,
        bar.report_button,
        bar.settings_button,
        bar.exit_button,
        bar.kiosk_button,
    ):
        assert button.isVisible(), button.objectName()
    assert not bar.sign_out_button.isVisible()
    assert bar.exit_button.text() == "Salir del modo quiosco"
    # The settings open at once: the PIN was just given.
    qtbot.mouseClick(bar.settings_button, Qt.LeftButton)
    assert window.currentScreen() is window.settings
    assert pin_dialog(kiosk) is None
    qtbot.waitUntil(lambda: not window.settings.isBusy(), timeout=WAIT_MS)

    qtbot.mouseClick(child(window, QAbstractButton, "backOfficeExitButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)


def test_volver_al_quiosco_ends_admin_mode(qtbot: Any, kiosk: AppContext, clock: Clock) -> None:
    window = kiosk.window
    enter_admin_mode(qtbot, kiosk, clock)
    qtbot.mouseClick(window.back_office.report_button, Qt.LeftButton)
    assert window.currentScreen() is window.report
    qtbot.mouseClick(window.back_office.history_button, Qt.LeftButton)
    assert window.currentScreen() is window.history
    assert pin_dialog(kiosk) is None, "the history and the report ask no PIN in admin mode"
    with qtbot.waitSignal(admin(kiosk).adminModeChanged, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(child(window, QAbstractButton, "backOfficeKioskButton"), Qt.LeftButton)
    assert changed.args == [False]
    assert not window.isBackOfficeShown()
    assert window.currentScreen() is window.attract
    assert not window.close(), "back to the kiosk: closing is refused again"
    # The settings, asked for again outside admin mode, want the PIN.
    kiosk.wiring.open_settings()
    assert pin_dialog(kiosk) is not None
    dialog = pin_dialog(kiosk)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: pin_dialog(kiosk) is None, timeout=WAIT_MS)


@pytest.fixture
def screen_restored(kiosk: AppContext) -> Iterator[None]:
    screen = kiosk.window.screen()
    real = screen.geometry()
    yield
    screen.geometryChanged.emit(real)


def test_the_kiosk_shell_holds_the_screen_and_follows_a_change(
    qtbot: Any, kiosk: AppContext, screen_restored: None
) -> None:
    window = kiosk.window
    window.resize(1024, 768)
    kiosk.shell = shell = hold_fullscreen(window)  # released when the app closes
    screen = window.screen()
    real = screen.geometry()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == real, timeout=WAIT_MS)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint

    portrait = QRect(0, 0, 1080, 1920)
    screen.geometryChanged.emit(portrait)  # as a rotated screen says
    assert window.geometry() == portrait
    qtbot.waitUntil(lambda: window.geometry() == portrait, timeout=WAIT_MS)
    assert window.currentScreen().isPortrait()

    screen.geometryChanged.emit(real)
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == real, timeout=WAIT_MS)

    window.showMinimized()  # undone: the kiosk stays fullscreen
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == real, timeout=WAIT_MS)
    window.setGeometry(10, 10, 800, 600)  # moved off its screen by something else
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == real, timeout=WAIT_MS)
    assert shell.target() == real
