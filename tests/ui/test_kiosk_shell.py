"""The kiosk shell gives up, for a while, on a platform that keeps moving its window back (a
window manager keeping a panel): it must not fight it on every turn of the event loop."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtWidgets import QMainWindow

from ui.kiosk import shell

pytestmark = pytest.mark.gui


class PanelKeepingManager(QObject):
    """Moves the window 30 px down whenever it reaches the whole screen, as a window manager
    that keeps a panel at the top does."""

    def __init__(self, window: QMainWindow, target: QRect) -> None:
        super().__init__(window)
        self.window, self.target, self.corrections = window, target, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = watched is self.window and event.type() == QEvent.Type.Resize
        if resized and self.window.geometry() == self.target:
            self.corrections += 1
            QTimer.singleShot(0, self.window, self.keep_panel)
        return False

    def keep_panel(self) -> None:
        target = self.target
        self.window.setGeometry(0, 30, target.width(), target.height() - 30)


def test_a_platform_that_keeps_moving_the_window_is_not_fought_forever(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    held = shell.hold_fullscreen(window)
    refits: list[int] = []
    original = shell.KioskShell._refit

    def counted(self: shell.KioskShell) -> None:
        refits.append(1)
        original(self)

    monkeypatch.setattr(shell.KioskShell, "_refit", counted)
    target = held.target()
    assert target is not None
    manager = PanelKeepingManager(window, target)
    window.installEventFilter(manager)
    manager.keep_panel()
    # Half a second of event loop: before the fix, thousands of refits.
    qtbot.wait(500)
    assert manager.corrections >= 1, "the fake window manager did move the window back"
    assert len(refits) <= shell.MAX_REFITS + 1
    # A new screen geometry lets the shell try again.
    held.fit(target)
    held.release()
