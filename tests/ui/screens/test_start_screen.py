"""The start screen: the three jobs and the greeting, in either language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from tests.support.widgets import child
from tests.ui.helpers import assert_all_translated, shown_texts, speak
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_start_screen_speaks_english_and_back(qtbot, window: MainWindow):
    screen = window.show_start()
    spanish = shown_texts(screen)
    assert child(screen, QLabel, "startTopupButtonTitle").text() == "Recarga"

    speak("en")
    assert_all_translated(spanish, shown_texts(screen))
    assert child(screen, QLabel, "startTitle").text() == "What would you like to do?"
    assert child(screen, QLabel, "startSubtitle").text() == "Choose an option."
    titles = [button.title() for button in screen.job_buttons]
    assert titles == ["Top-up", "Gift pack", "Balance check"]
    topup = child(screen, QPushButton, "startTopupButton")
    assert topup.accessibleName() == "Top-up"
    assert topup.accessibleDescription() == "Credit for a prepaid line."
    assert child(screen, QLabel, "startTopupButtonKey").text() == "F1"

    speak("es")
    assert shown_texts(screen) == spanish


def test_a_greeting_stays_the_callers_words(qtbot, window: MainWindow):
    window.start.setGreeting("Buenos días")
    speak("en")
    assert child(window.start, QLabel, "startTitle").text() == "Buenos días"
    window.start.setGreeting("")
    assert child(window.start, QLabel, "startTitle").text() == "What would you like to do?"
