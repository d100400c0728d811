"""Fixtures for the screens: a styled app, the main window as the counter builds it, sample data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.domain.catalogue import Pack
from tests.support.widgets import use_kiosk_style
from tests.ui.helpers import KIOSK, STORE
from ui.main_window import MainWindow, build_main_window


@pytest.fixture
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The kiosk stylesheet for the test (sizes depend on it); an unstyled test after it
    clears it (tests/conftest.py ``plain_style_unless_asked``)."""
    use_kiosk_style(qapp)
    yield qapp


@pytest.fixture
def window(qtbot, styled_app: QApplication) -> MainWindow:
    main = build_main_window(sandbox=True, store_name=STORE, kiosk_name=KIOSK)
    qtbot.addWidget(main)
    return main


@pytest.fixture
def shown_window(qtbot, window: MainWindow) -> MainWindow:
    """The window shown and active, so focus and window shortcuts behave as on a counter."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def packs() -> list[Pack]:
    return [
        Pack(10_000, "Todo incluido 7 días", data_mb=3_072, minutes=100_000,
             apps=("WhatsApp", "Facebook"), validity_days=7, sample_price=True),
        Pack(20_000, "Datos 15 días", data_mb=6_144, minutes=200, validity_days=15),
        Pack(4_000, "Bolsa de datos", description="800 MB para navegar durante 5 días."),
    ]  # fmt: skip
