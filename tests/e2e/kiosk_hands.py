"""The customer at a self-service kiosk: one finger, no keyboard, and every tap counted.

:class:`Customer` only taps: a left click at the centre of a widget a person can see, that is
enabled, at least 48x48 px (the kiosk's touch target) and under the finger: the window's
topmost widget at its centre is it or inside it (not off the window, scrolled away or
covered; :func:`assert_reachable`). Every tap is counted in ``taps``, except the keypad's
digit keys (``<prefix>Key0..9``, ``<prefix>KeyErase``, ``<prefix>KeyClear``), counted in
``digit_taps``: issue 10's tap budget counts what a customer chooses, not the line's
digits. Widgets are found by their object names
(docs/OBJECT_NAMES.md) and every step waits for what the screen shows, so the same hands
work in Spanish and in English.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QWidget

from tests.support.widgets import child
from ui.kiosk.admin import CORNER_PX, GESTURE_TAPS
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.widgets.line_input import OperatorState

#: The smallest touch target a kiosk may offer (issue 10: at least 48 px).
MIN_TARGET = 48
#: The job buttons of the start screen, by the job's short name.
JOB_BUTTONS = {
    "topup": "startTopupButton",
    "gift": "startGiftPackButton",
    "balance": "startBalanceButton",
}
#: The keypad's keys that only type the line (not counted as taps).
_DIGIT_KEY = re.compile(r"[a-z][A-Za-z]*Key(\d|Erase|Clear)")


class Customer:
    """One customer's finger on one kiosk window (``taps``, ``digit_taps`` so far)."""

    def __init__(self, qtbot: Any, window: MainWindow, wait_ms: int) -> None:
        self.qtbot = qtbot
        self.window = window
        self.wait_ms = wait_ms
        self.taps = 0
        self.digit_taps = 0
        #: The object names tapped, in order (a failed budget says which).
        self.tapped: list[str] = []

    # -- the finger -----------------------------------------------------------------------

    def child(self, kind: type[QObject], name: str) -> Any:
        """The window's widget called ``name``."""
        return child(self.window, kind, name)

    def tap(self, widget: QWidget, *, digit: bool = False) -> None:
        """A tap at ``widget``'s centre: it must be visible, enabled, a touch target and
        under the finger (:func:`assert_reachable`)."""
        name = widget.objectName() or type(widget).__name__
        assert widget.isVisible(), f"{name} is not shown"
        assert widget.isEnabled(), f"{name} is not enabled"
        assert widget.width() >= MIN_TARGET and widget.height() >= MIN_TARGET, (
            f"{name} is {widget.width()}x{widget.height()}, under {MIN_TARGET}x{MIN_TARGET}"
        )
        self.wait_reachable(widget)
        if digit:
            self.digit_taps += 1
        else:
            self.taps += 1
            self.tapped.append(name)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())

    def wait_reachable(self, widget: QWidget) -> None:
        """Wait until ``widget`` is under the finger (a layout still pending is not yet on
        the screen a person sees); fail saying why it is not, after the wait."""
        window = self.window
        with contextlib.suppress(self.qtbot.TimeoutError):  # said below
            self.qtbot.waitUntil(lambda: not unreachable(window, widget), timeout=self.wait_ms)
        assert_reachable(window, widget)

    def press(self, name: str) -> None:
        """Tap the button called ``name`` (a keypad's digit keys count as digits)."""
        self.tap(self.child(QAbstractButton, name), digit=bool(_DIGIT_KEY.fullmatch(name)))

    def screen(self) -> Screen:
        return self.window.currentScreen()

    def wait_for_screen(self, screen: QWidget) -> None:
        self.qtbot.waitUntil(lambda: self.window.currentScreen() is screen, timeout=self.wait_ms)

    # -- the flow ---------------------------------------------------------------------------

    def touch_attract(self) -> None:
        """Touch the attract screen on its invitation ("Toque la pantalla para empezar", not
        on a job's card, which opens that job); the start screen."""
        attract = self.window.attract
        self.wait_for_screen(attract)
        title = attract.findChild(QWidget, "attractTitle")
        spot = title if title is not None and title.isVisible() else attract
        point = spot.mapTo(attract, spot.rect().center())
        target = attract.childAt(point) or attract
        assert target.isVisible() and target.isEnabled()
        self.wait_reachable(target)
        self.taps += 1
        self.tapped.append(attract.objectName())
        self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(attract, point))
        self.wait_for_screen(self.window.start)

    def choose(self, job: str) -> None:
        """On the start screen, the job (``topup``, ``gift``, ``balance``); its screen."""
        self.wait_for_screen(self.window.start)
        self.press(JOB_BUTTONS[job])
        screens = {
            "topup": self.window.topup,
            "gift": self.window.gift_pack,
            "balance": self.window.balance,
        }
        self.wait_for_screen(screens[job])

    def consent_check(self) -> QCheckBox:
        """The consent box of the screen shown."""
        return self.child(QCheckBox, f"{self.screen().prefix}ConsentCheck")

    def consent(self) -> None:
        """Tap the consent (the middle of its row); it must be given after the tap."""
        box = self.consent_check()
        assert not box.isChecked(), "the consent is never pre-ticked"
        self.tap(box)
        self.qtbot.waitUntil(box.isChecked, timeout=self.wait_ms)

    def keypad(self, prefix: str) -> QWidget:
        """The screen's digit keypad ``<prefix>Keypad``."""
        return self.child(QWidget, f"{prefix}Keypad")

    def type_line(self, prefix: str, digits: str) -> None:
        """The digits on the keypad ``<prefix>Keypad`` (one tap each, counted as digits)."""
        self.keypad(prefix)  # there is one
        for digit in digits:
            self.press(f"{prefix}Key{digit}")

    def wait_operator(self, prefix: str | None = None) -> OperatorState:
        """Wait until the screen's line has its operator, or is refused."""
        screen: Any = self.screen()
        line_input = screen.line_input
        self.qtbot.waitUntil(
            lambda: line_input.operatorState() in (OperatorState.OK, OperatorState.REFUSED),
            timeout=self.wait_ms,
        )
        return line_input.operatorState()

    def pick_preset(self, pesos: int) -> None:
        """Tap the top-up's preset amount ``pesos`` (once the operator is known)."""
        self.wait_operator()
        button = self.child(QAbstractButton, f"topupPreset_{pesos}")
        self.qtbot.waitUntil(button.isVisible, timeout=self.wait_ms)
        self.tap(button)

    def pick_pack(self, index: int) -> None:
        """Tap the gift pack screen's card number ``index`` (once the packs are shown)."""
        self.wait_operator()
        screen = self.window.gift_pack
        self.qtbot.waitUntil(lambda: len(screen.cards()) > index, timeout=self.wait_ms)
        card = screen.cards()[index]
        self.tap(card)
        self.qtbot.waitUntil(lambda: screen.selectedPack() is card.pack(), timeout=self.wait_ms)

    def continue_(self) -> None:
        """The job screen's Continue (``<prefix>ContinueButton``), once enabled; the confirm
        screen."""
        button = self.child(QAbstractButton, f"{self.screen().prefix}ContinueButton")
        self.qtbot.waitUntil(button.isEnabled, timeout=self.wait_ms)
        self.tap(button)
        self.wait_for_screen(self.window.confirm)

    def pay(self) -> None:
        """The confirm screen's "Pagar con código QR"; the payment screen with its QR."""
        self.wait_for_screen(self.window.confirm)
        self.press("confirmContinueButton")
        window = self.window
        self.qtbot.waitUntil(
            lambda: window.currentScreen() is window.payment and bool(window.payment.qrText()),
            timeout=self.wait_ms,
        )

    def wait_result(self, timeout: int | None = None) -> str:
        """The result screen; its headline."""
        window = self.window
        self.qtbot.waitUntil(
            lambda: window.currentScreen() is window.result, timeout=timeout or self.wait_ms
        )
        return window.result.headline()


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return widget.objectName() or type(widget).__name__


def assert_reachable(window: QWidget, widget: QWidget) -> None:
    """A finger on ``widget``'s centre lands on it (see :func:`unreachable`)."""
    problem = unreachable(window, widget)
    assert not problem, problem


def unreachable(window: QWidget, widget: QWidget) -> str:
    """Why a finger on ``widget``'s centre would miss it ("" when it lands): the centre must
    be inside ``window`` and the window's topmost widget there must be ``widget`` or one
    inside it. Misses a widget off the window, cut off by a parent too small for it,
    scrolled out of its scroll area's view or covered by an overlay (QTest would deliver the
    click anyway; a finger cannot). Nothing is scrolled for the finger: a target that needs
    scrolling misses, and the window's size is said."""
    centre = widget.mapTo(window, widget.rect().center())
    size = f"{window.width()}x{window.height()}"
    name = _name(widget)
    if not window.rect().contains(centre):
        return f"{name}'s centre ({centre.x()}, {centre.y()}) is outside the {size} window"
    hit = window.childAt(centre)
    if hit is widget or (hit is not None and widget.isAncestorOf(hit)):
        return ""
    return (
        f"{name}'s centre ({centre.x()}, {centre.y()}) in the {size} window is under "
        f"{_name(hit)}, not {name}{_clipped_by(window, widget)}"
    )


def _clipped_by(window: QWidget, widget: QWidget) -> str:
    """Which of ``widget``'s parents cuts its centre off (a scroll area's viewport, a box
    too small for it), said for the failure."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        at = widget.mapTo(parent, widget.rect().center())
        if not parent.rect().contains(at):
            return (
                f" (cut off by {_name(parent)}, {parent.width()}x{parent.height()}: "
                f"{_name(widget)} at ({at.x()}, {at.y()}) in it)"
            )
        parent = parent.parentWidget()
    return ""


def corner_gesture(qtbot: Any, window: MainWindow, taps: int = GESTURE_TAPS) -> None:
    """The discreet admin gesture: ``taps`` quick taps in the window's top-left corner
    (``CORNER_PX`` square; the top right holds the language switches), on whatever widget
    is there (the application's event filter sees them on their way)."""
    point = QPoint(CORNER_PX // 3, CORNER_PX // 3)
    for _ in range(taps):
        target = window.childAt(point) or window
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def admin_pin_dialog(window: MainWindow) -> QWidget | None:
    """The admin PIN dialog shown on ``window`` (``adminPinDialog``), if one is."""
    for dialog in window.findChildren(QWidget, "adminPinDialog"):
        if dialog.isVisible():
            return dialog
    return None
