"""The covering layer shared by the busy layer and the idle warning."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from ui.widgets.busy import BusyOverlay
from ui.widgets.idle_warning import IdleWarning
from ui.widgets.overlay import CoveringOverlay

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("kind", [CoveringOverlay, BusyOverlay, IdleWarning])
def test_it_covers_its_parent_and_follows_its_size(qtbot: Any, kind: type[QWidget]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(800, 600)
    parent.show()
    layer = kind(parent)
    assert isinstance(layer, CoveringOverlay)
    assert layer.isHidden()
    layer.cover()
    assert layer.isVisible() and layer.geometry() == parent.rect()
    parent.resize(1080, 1920)
    qtbot.waitUntil(lambda: layer.geometry() == parent.rect())
