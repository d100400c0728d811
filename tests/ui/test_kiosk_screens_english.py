"""The self-service kiosk's screens (``kiosk --mode kiosk``) in English, by name and by touch.

Every kiosk screen is set up as its screenshot shows it (the scenes of
``tools/kiosk_screenshots.py``: the same list, so a new kiosk screen there is checked here):
the attract and start screens, top-up, gift pack, balance, confirm, payment, results, the
keypads, the idle warning, the admin PIN dialog and the letter keyboard dock.

* After the customer taps "English" on the start screen (``startLanguageEn``), no visible
  text (label, button, placeholder, tool tip, accessible name, combo item) on any of them is
  still a Spanish source that English translates differently (``resources/i18n/kiosk_en.ts``;
  tests/support/spanish.py). That no ``.ts`` file has an unfinished entry is
  tests/test_translations.py::test_no_ts_entry_is_unfinished_or_missing_in_english.
* Every visible control has an accessible name (what a screen reader says), and every touch
  target is at least 48x48 px with at least 8 px between two targets, at 1280x800 and at
  1080x1920.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from kiosk.controllers.language import current_language
from kiosk.sandbox import SandboxServer
from tests.e2e.helpers import e2e_config
from tests.support.spanish import spanish_left
from tests.support.tools import load_tool
from tests.ui.helpers import NEUTRAL_TEXTS
from ui.app import AppContext

pytestmark = pytest.mark.gui

SHOTS = load_tool("kiosk_screenshots")
COUNTER_SHOTS = SHOTS.screenshots
#: The smallest touch target and the least room between two (issue 10).
MIN_TARGET = 48
MIN_GAP = 8
#: How long a scene waits for the app (a worker's answer, a dialog).
WAIT_MS = 10_000
SIZES = {"1280x800": (1280, 800), "1080x1920": (1080, 1920)}

#: Sample data the scenes show (the store, packs, banks, operators): not translated.
SAMPLE_DATA = (
    {
        COUNTER_SHOTS.STORE,
        COUNTER_SHOTS.KIOSK,
        f"{COUNTER_SHOTS.STORE} · {COUNTER_SHOTS.KIOSK}",
        "Claro",
        "Movistar",
        "Claro Colombia",
        # The language switch names each language in its own words (never translated).
        "Español",
        "English",
    }
    | NEUTRAL_TEXTS
    | {pack.name for pack in COUNTER_SHOTS.sample_packs()}
    | {pack.description for pack in COUNTER_SHOTS.sample_packs() if pack.description}
    | {name for _code, name in COUNTER_SHOTS.BANKS}
)


#: The kiosk scenes' names, known without building an app (parametrisation runs first);
#: ``kiosk_scenes`` checks that its scenes are exactly these.
SCENE_NAMES: tuple[str, ...] = SHOTS.KIOSK_SCENE_NAMES


class QtBotWaiter(SHOTS.Waiter):
    """The scenes wait through pytest-qt: ``qtbot.waitUntil`` for a condition; ``settle``
    delivers the posted events (layouts, polish) once, as the test's own reads need."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot

    def until(self, condition: Any) -> None:
        self.qtbot.waitUntil(condition, timeout=WAIT_MS)

    def settle(self) -> None:
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def kiosk(styled_app: QApplication, sandbox: SandboxServer) -> Iterator[AppContext]:
    """The whole app in kiosk mode on the test's sandbox, as the screenshots build it."""
    with SHOTS.kiosk_app(e2e_config(), sandbox=sandbox) as ctx:
        yield ctx


def provider_names(ctx: AppContext) -> set[str]:
    """The provider's pack names on the window's cards (its catalogue's words, shown as
    they come)."""
    return {
        label.text()
        for label in ctx.window.findChildren(QLabel)
        if re.fullmatch(r"\w+PackCard_\d+(_\d+)?Name", label.objectName())
    }


def run_scene(qtbot: Any, ctx: AppContext, name: str) -> None:
    waiter = QtBotWaiter(qtbot)
    dict(SHOTS.kiosk_scenes(ctx, waiter))[name]()
    waiter.settle()


def choose_english(qtbot: Any, ctx: AppContext) -> None:
    """On the start screen, the customer taps "English"."""
    SHOTS.calm(ctx, QtBotWaiter(qtbot))
    window = ctx.window
    window.show_start()
    button = window.findChild(QAbstractButton, "startLanguageEn")
    assert button is not None and button.isVisible(), "no English button on the start screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    qtbot.waitUntil(lambda: current_language() == "en", timeout=5_000)
    assert button.isChecked()


@pytest.mark.parametrize("scene_name", SCENE_NAMES)
def test_no_kiosk_screen_still_speaks_spanish_after_english_is_chosen(
    qtbot: Any, kiosk: AppContext, scene_name: str
) -> None:
    kiosk.window.resize(*SIZES["1280x800"])
    run_scene(qtbot, kiosk, scene_name)
    # The detector sees Spanish where there is Spanish (or this test could never fail).
    assert spanish_left(kiosk.window, SAMPLE_DATA), f"{scene_name}: no Spanish recognised"

    choose_english(qtbot, kiosk)
    run_scene(qtbot, kiosk, scene_name)
    left = spanish_left(kiosk.window, SAMPLE_DATA | provider_names(kiosk))
    assert left == [], f"{scene_name}: Spanish left after choosing English: {left}"


# -- touch targets and accessible names ------------------------------------------------------


def _is_control(widget: QWidget) -> bool:
    """A thing a finger uses: a button, a field one types in, a combo box, a spin box (not
    the spin box's own inner field: the spin box is the control)."""
    if widget.objectName().startswith("qt_"):
        return False
    if isinstance(widget, QLineEdit):
        inner = isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)
        return not widget.isReadOnly() and not inner
    return isinstance(widget, QAbstractButton | QComboBox | QAbstractSpinBox)


def _in_front(ctx: AppContext) -> QWidget:
    """What the customer can touch now: a dialog open on the window, the idle warning over
    it, or the window itself."""
    for dialog in ctx.window.findChildren(QDialog):
        if dialog.isVisible():
            return dialog
    for warning in ctx.window.findChildren(QWidget, "idleWarning"):
        if warning.isVisible():
            return warning
    return ctx.window


def _controls(root: QWidget) -> list[QWidget]:
    """The controls shown in ``root`` (not scrolled out of sight, not in a dialog of it)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not _is_control(widget) or not widget.isVisible():
            continue
        if widget.visibleRegion().isEmpty():
            continue  # scrolled out of its viewport
        if widget.window() is not root.window():
            continue
        found.append(widget)
    return found


def _name(widget: QWidget) -> str:
    return widget.objectName() or f"{type(widget).__name__} in {_name(widget.parentWidget())}"


def _rect(widget: QWidget) -> QRect:
    """Where ``widget`` shows on screen (a card half scrolled out: its visible part)."""
    shown = widget.visibleRegion().boundingRect()
    return QRect(widget.mapToGlobal(shown.topLeft()), shown.size())


def _gap(a: QRect, b: QRect) -> int:
    """Pixels between two rectangles (negative: they overlap)."""
    dx = max(b.x() - (a.x() + a.width()), a.x() - (b.x() + b.width()))
    dy = max(b.y() - (a.y() + a.height()), a.y() - (b.y() + b.height()))
    return max(dx, dy)


def _related(a: QWidget, b: QWidget) -> bool:
    return a.isAncestorOf(b) or b.isAncestorOf(a)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, _name(widget)
    return interface.text(QAccessible.Text.Name).strip()


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
@pytest.mark.parametrize("scene_name", SCENE_NAMES)
def test_every_kiosk_control_is_named_and_big_enough_to_touch(
    qtbot: Any, kiosk: AppContext, scene_name: str, size: str
) -> None:
    kiosk.window.resize(*SIZES[size])
    run_scene(qtbot, kiosk, scene_name)
    front = _in_front(kiosk)
    controls = _controls(front)
    assert controls, f"{scene_name}: nothing to touch"

    unnamed = [_name(w) for w in controls if not accessible_name(w)]
    small = [
        f"{_name(w)} {w.width()}x{w.height()}"
        for w in controls
        if w.width() < MIN_TARGET or w.height() < MIN_TARGET
    ]
    crowded = []
    for index, first in enumerate(controls):
        for second in controls[index + 1 :]:
            if _related(first, second):
                continue
            gap = _gap(_rect(first), _rect(second))
            if gap < MIN_GAP:
                crowded.append(f"{_name(first)} / {_name(second)}: {gap} px")
    problems = {
        "without an accessible name": unnamed,
        "under 48x48 px": small,
        "closer than 8 px": crowded,
    }
    assert {kind: found for kind, found in problems.items() if found} == {}, (
        f"{scene_name} at {size}"
    )
