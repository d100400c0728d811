"""A Claro-branded store (``[catalogue] operators = ["Claro"]``) tells a Tigo line so on the
top-up screen, before any payment."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.config import CatalogueConfig, Config
from tests.e2e.hands import Clerk
from tests.e2e.helpers import signed_in_entries
from ui.app import AppContext

pytestmark = pytest.mark.gui


@pytest.fixture
def app_config(app_config: Config) -> Config:
    return dataclasses.replace(app_config, catalogue=CatalogueConfig(operators=("Claro",)))


def test_a_tigo_line_is_refused_before_payment(app: AppContext, clerk: Clerk) -> None:
    clerk.start_topup("3011234567")
    said = clerk.wait_operator()
    assert "Tigo" in said and "Claro" in said
    assert not clerk.child(QPushButton, "topupContinueButton").isEnabled()
    assert app.journal.entry_count() == signed_in_entries(app)
