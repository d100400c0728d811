"""The kiosk start screen's header (title, language and larger-text switches) whole at the
three sizes, in both languages, at normal and larger text: no word cut, nothing focused."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.controllers.language import current_language, set_language
from tests.ui.helpers import KIOSK, STORE
from ui.kiosk.look import KioskControls
from ui.main_window import MainWindow, build_main_window
from ui.style import LARGE_TEXT_SCALE, apply_text_scale

pytestmark = pytest.mark.gui

SIZES = ((1280, 800), (1920, 1080), (1080, 1920))


@pytest.fixture(autouse=True)
def spanish_after() -> Iterator[None]:
    yield
    if current_language() != "es":
        set_language("es")


@pytest.fixture
def kiosk(qtbot: Any, styled_app: Any) -> MainWindow:
    main = build_main_window(sandbox=False, store_name=STORE, kiosk_name=KIOSK)
    qtbot.addWidget(main)
    main.setKioskMode(True)
    main.start.setKioskControls(KioskControls("start"))
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    main.show_start(reset=True)
    return main


def cut_texts(root: QWidget) -> list[tuple[str, str, int, int]]:
    """(object name, text, width needed, width had) of every visible button or one-line
    label whose text is wider than the widget."""
    cut: list[tuple[str, str, int, int]] = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            need = max(button.fontMetrics().horizontalAdvance(t) for t in button.text().split("\n"))
            if need + 8 > button.width():
                cut.append((button.objectName(), button.text(), need, button.width()))
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            need = label.fontMetrics().horizontalAdvance(label.text())
            if need > label.width() + 1:
                cut.append((label.objectName(), label.text(), need, label.width()))
    # Nothing outside the screen either.
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and widget.window() is root.window():
            right = widget.mapTo(root, widget.rect().bottomRight()).x()
            if right > root.width() and widget.objectName():
                cut.append((widget.objectName(), "past the right edge", right, root.width()))
    return cut


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("scale", [1.0, LARGE_TEXT_SCALE], ids=["normal", "larger"])
def test_the_header_is_whole(
    qtbot: Any, kiosk: MainWindow, size: tuple[int, int], language: str, scale: float
) -> None:
    set_language(language)
    apply_text_scale(kiosk, scale)
    kiosk.resize(*size)
    qtbot.waitUntil(lambda: kiosk.start.width() > 0 and kiosk.size().width() == size[0])
    for _ in range(3):
        QApplication.processEvents()
    start = kiosk.start
    assert start.isVisible()
    qtbot.waitUntil(lambda: cut_texts(start) == [], timeout=2000)


def test_nothing_looks_preselected_at_the_kiosk(qtbot: Any, kiosk: MainWindow) -> None:
    """A touch screen: no tile wears the focus frame when the start screen opens."""
    kiosk.show_start(reset=True)
    QApplication.processEvents()
    assert not any(button.hasFocus() for button in kiosk.start.job_buttons)
