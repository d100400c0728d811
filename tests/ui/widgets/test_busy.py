"""The busy layer a screen shows while it waits: it blocks the screen, Escape cancels it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from tests.support.widgets import child

pytestmark = pytest.mark.gui


def test_the_busy_layer_blocks_the_screen_and_can_be_cancelled(qtbot, shown_window):
    screen = shown_window.show_topup()
    screen.setBusy(True, "Consultando el operador de la línea…")
    overlay = child(screen, QWidget, "topupBusyOverlay")
    assert overlay.isVisible()
    assert not screen.content().isEnabled()
    cancel = child(screen, QPushButton, "topupBusyCancelButton")
    assert QApplication.focusWidget() is cancel
    with qtbot.assertNotEmitted(screen.back), qtbot.waitSignal(screen.busyCancelled):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    with qtbot.waitSignal(screen.busyCancelled):
        cancel.click()
    screen.setBusy(False)
    assert not overlay.isVisible()
    assert screen.content().isEnabled()
    assert QApplication.focusWidget() is child(screen, QLineEdit, "topupLineInput")


def test_a_busy_layer_without_cancel_ignores_escape(qtbot, shown_window):
    screen = shown_window.show_confirm()
    screen.setBusy(True, "Creando el pago…", cancellable=False)
    with qtbot.assertNotEmitted(screen.busyCancelled), qtbot.assertNotEmitted(screen.back):
        qtbot.keyClick(shown_window, Qt.Key.Key_Escape)
