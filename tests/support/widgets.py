"""Widgets found by their object names (the contract of docs/OBJECT_NAMES.md) and pressed
as a finger would: shared by the screen tests and the whole-app tests."""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QWidget

from ui.style import apply_style, load_stylesheet


def free_closed_windows() -> None:
    """Free the windows of earlier tests that only the cycle collector frees (a signal's
    closure holding its window): a stylesheet applied next would repolish them all, and a
    test's set-up would grow slower with every test before it."""
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


#: The fixtures that style the app as the ``kiosk`` command does.
STYLED_FIXTURES = frozenset({"styled_app", "runner"})


def use_kiosk_style(app: QApplication) -> None:
    """The app as the command styles it, for a test that measures or looks: applied before
    the test builds its windows, and left applied afterwards (restyling a test's big window
    at its teardown cost seconds; the next unstyled test clears it, with no window alive)."""
    free_closed_windows()
    if app.styleSheet() != load_stylesheet() or app.style().name().lower() != "fusion":
        apply_style(app)


def plain_style(app: QApplication) -> None:
    """No stylesheet: what a test that did not ask for the kiosk's style expects."""
    if app.styleSheet():
        free_closed_windows()
        app.setStyleSheet("")


def child(parent: QWidget, kind: type[QObject], name: str) -> Any:
    """The child of ``parent`` called ``name``, of ``kind``; fails plainly when there is none."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def click(qtbot: Any, button: QWidget) -> None:
    """A click on a button a person could click: enabled and shown."""
    assert button.isEnabled() and button.isVisible(), f"{button.objectName()} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot: Any, box: QCheckBox) -> None:
    """Click a check box on its indicator (the box may be wider than its text)."""
    assert box.isEnabled() and box.isVisible(), f"{box.objectName()} is not clickable"
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())
