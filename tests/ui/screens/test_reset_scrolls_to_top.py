"""A reset (a new sale, or the kiosk's idle reset) scrolls every scroll area of every
screen back to its top: the next customer never starts in the middle of a list."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from kiosk.domain.catalogue import Pack
from ui.main_window import MainWindow
from ui.style import LARGE_TEXT_SCALE, load_stylesheet

pytestmark = pytest.mark.gui


def test_show_attract_scrolls_every_screen_back_to_the_top(
    qtbot, window: MainWindow, packs: list[Pack]
):
    window.setKioskMode(True)
    window.gift_pack.setPacks(packs * 3)  # a list longer than its area
    window.setStyleSheet(load_stylesheet(LARGE_TEXT_SCALE))  # the columns scroll too
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    scrolled: list[str] = []
    for screen in (window.gift_pack, window.topup, window.balance, window.settings):
        window.show_screen(screen)
        qtbot.waitUntil(screen.isVisible)
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        for area in screen.findChildren(QAbstractScrollArea):
            bar = area.verticalScrollBar()
            if area.isVisibleTo(screen) and bar.maximum() > 0:
                bar.setValue(bar.maximum())
                scrolled.append(area.objectName())
    for name in ("giftPacksArea", "topupScrollArea", "settingsArea"):
        assert any(name == area for area in scrolled), f"{name} did not scroll: {scrolled}"
    window.show_attract()  # what the idle reset does to the screens
    for screen in window.screens():
        for area in screen.findChildren(QAbstractScrollArea):
            assert area.verticalScrollBar().value() == 0, area.objectName()
