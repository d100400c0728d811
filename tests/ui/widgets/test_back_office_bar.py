"""The back office's bar: the counter's buttons (sign out) or the kiosk's (leave kiosk mode,
back to the kiosk), each asking through its own signal, in Spanish and in English."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.support.widgets import child
from tests.ui.helpers import speak
from ui.main_window import MainWindow
from ui.widgets.back_office_bar import BackOfficeBar

pytestmark = pytest.mark.gui

COUNTER = {
    "backOfficeHistoryButton",
    "backOfficeReportButton",
    "backOfficeSettingsButton",
    "backOfficeSignOutButton",
}
KIOSK = {
    "backOfficeHistoryButton",
    "backOfficeReportButton",
    "backOfficeSettingsButton",
    "backOfficeExitButton",
    "backOfficeKioskButton",
}


def shown(bar: BackOfficeBar) -> set[str]:
    return {button.objectName() for button in bar.findChildren(QPushButton) if button.isVisible()}


@pytest.fixture
def bar(shown_window: MainWindow) -> BackOfficeBar:
    """The window's own bar, shown (as the wiring shows it)."""
    shown_window.setBackOfficeVisible(True)
    return shown_window.back_office


def test_the_counter_and_the_kiosk_have_their_own_buttons(bar: BackOfficeBar) -> None:
    assert shown(bar) == COUNTER
    bar.setCounterMode(False)
    assert shown(bar) == KIOSK
    bar.setJobsAvailable(report=False)
    assert shown(bar) == KIOSK - {"backOfficeReportButton"}
    bar.setCounterMode(True)
    assert shown(bar) == COUNTER - {"backOfficeReportButton"}


def test_each_kiosk_button_asks_through_its_own_signal(qtbot: Any, bar: BackOfficeBar) -> None:
    bar.setCounterMode(False)
    exit_button = child(bar, QPushButton, "backOfficeExitButton")
    kiosk_button = child(bar, QPushButton, "backOfficeKioskButton")
    assert exit_button.text() == "Salir del modo quiosco"
    assert kiosk_button.text() == "Volver al quiosco"
    with qtbot.waitSignal(bar.exitRequested), qtbot.assertNotEmitted(bar.kioskRequested):
        qtbot.mouseClick(exit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.kioskRequested), qtbot.assertNotEmitted(bar.exitRequested):
        qtbot.mouseClick(kiosk_button, Qt.MouseButton.LeftButton)


def test_the_kiosk_buttons_speak_english(bar: BackOfficeBar) -> None:
    bar.setCounterMode(False)
    speak("en")
    assert child(bar, QPushButton, "backOfficeExitButton").text() == "Leave kiosk mode"
    assert child(bar, QPushButton, "backOfficeKioskButton").text() == "Back to the kiosk"
    speak("es")
    assert child(bar, QPushButton, "backOfficeKioskButton").text() == "Volver al quiosco"
