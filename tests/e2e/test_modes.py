"""One source decides the mode: ``kiosk --mode kiosk`` gives the kiosk's checkout QR by default,
as ``mode = "kiosk"`` in the configuration does, and the counter keeps assisted PSE."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.domain.sale import PaymentMode
from tests.e2e.helpers import LINE, AppRunner

pytestmark = pytest.mark.gui


def _default_mode_offered(runner: AppRunner, **start: Any) -> PaymentMode:
    ctx = runner.start(**start)
    runner.wait_until_idle(ctx)
    if ctx.window.isKioskMode():
        # A kiosk opens on its attract screen: a touch, then the start screen.
        assert ctx.window.currentScreen() is ctx.window.attract
        runner.customer_for(ctx).touch_attract()
    clerk = runner.clerk_for(ctx)
    clerk.sell_topup(LINE, 10_000)
    return ctx.window.confirm.mode()


def test_the_mode_given_on_the_command_line_picks_the_kiosks_payment(runner: AppRunner) -> None:
    assert _default_mode_offered(runner, mode="kiosk") is PaymentMode.CHECKOUT


def test_the_configured_kiosk_mode_picks_the_same(runner: AppRunner, app_config: Config) -> None:
    kiosk = dataclasses.replace(app_config, mode="kiosk")
    assert _default_mode_offered(runner, config=kiosk) is PaymentMode.CHECKOUT


def test_the_counter_offers_assisted_pse_first(runner: AppRunner) -> None:
    assert _default_mode_offered(runner) is PaymentMode.ASSISTED
