"""The privacy notice at the kiosk is the store's own, from the settings, in each language; a
settings save changes it at once; with none set, the app's own notice names the store."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.config import Config
from kiosk.controllers.language import set_language
from tests.e2e.helpers import WAIT_MS, AppRunner
from tests.support.widgets import child

pytestmark = pytest.mark.gui

STORE_NOTICE = "Droguería Prueba guarda su número 180 días. Escriba a datos@prueba.co."
STORE_NOTICE_EN = "Droguería Prueba keeps your number for 180 days. Write to datos@prueba.co."


@pytest.fixture(autouse=True)
def spanish_after() -> Iterator[None]:
    yield
    set_language("es")


def _notices(runner: AppRunner, app_config: Config, es: str, en: str) -> Any:
    store = dataclasses.replace(app_config.store, privacy_notice=es, privacy_notice_en=en)
    ctx = runner.start(dataclasses.replace(app_config, store=store), mode="kiosk")
    runner.wait_until_idle(ctx)
    return ctx


def _shown(ctx: Any, prefix: str) -> str:
    return str(child(ctx.window, QLabel, f"{prefix}ConsentNotice").text())


def test_the_stores_notice_shows_in_each_language_on_every_line_screen(
    qtbot: Any, runner: AppRunner, app_config: Config
) -> None:
    ctx = _notices(runner, app_config, STORE_NOTICE, STORE_NOTICE_EN)
    for prefix in ("topup", "gift", "balance"):
        assert _shown(ctx, prefix) == STORE_NOTICE
    set_language("en")
    for prefix in ("topup", "gift", "balance"):
        # Qt delivers the language change to every widget from the event loop.
        qtbot.waitUntil(lambda p=prefix: _shown(ctx, p) == STORE_NOTICE_EN, timeout=WAIT_MS)


def test_a_settings_save_changes_the_notice_at_once(
    qtbot: Any, runner: AppRunner, app_config: Config
) -> None:
    ctx = _notices(runner, app_config, "", "")
    assert ctx.config.store.name in _shown(ctx, "topup"), "the app's own notice names the store"
    settings = ctx.controllers.settings
    with qtbot.waitSignal(settings.applied, timeout=WAIT_MS):
        settings.save(
            {"store.privacy_notice": STORE_NOTICE, "store.privacy_notice_en": STORE_NOTICE_EN}
        )
    assert _shown(ctx, "topup") == STORE_NOTICE
    set_language("en")
    qtbot.waitUntil(lambda: _shown(ctx, "gift") == STORE_NOTICE_EN, timeout=WAIT_MS)
