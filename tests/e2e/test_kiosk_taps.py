"""Few taps (issue 10, item 6): from the attract screen to the checkout QR, a top-up takes at
most 6 taps beyond the line's digits (touch the screen, the job, the consent, a preset,
Continue, "Pagar con código QR") and a gift pack at most 7. Every tap is a finger on a
shown, enabled target of 48x48 px or more (tests/e2e/kiosk_hands.py); nothing else (a focus,
a keyboard) may be needed, or the flow stops before its QR.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.helpers import LINE, AppRunner
from tests.e2e.kiosk_hands import Customer
from ui.app import AppContext

pytestmark = pytest.mark.gui

TOPUP_BUDGET = 6
GIFT_PACK_BUDGET = 7


def at_the_attract_screen(runner: AppRunner) -> tuple[AppContext, Customer]:
    ctx = runner.start(mode="kiosk")
    runner.wait_until_idle(ctx)
    assert ctx.window.currentScreen() is ctx.window.attract
    return ctx, runner.customer_for(ctx)


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_topup_reaches_its_qr_within_six_taps(
    qtbot: Any, runner: AppRunner, size: tuple[int, int]
) -> None:
    ctx, customer = at_the_attract_screen(runner)
    ctx.window.resize(*size)
    customer.touch_attract()
    customer.choose("topup")
    customer.consent()
    customer.type_line("topup", LINE)
    customer.pick_preset(10_000)
    customer.continue_()
    customer.pay()
    assert ctx.window.payment.qrText()
    assert customer.taps <= TOPUP_BUDGET, f"{customer.taps} taps: {customer.tapped}"
    assert customer.digit_taps == len(LINE)


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_gift_pack_reaches_its_qr_within_seven_taps(
    qtbot: Any, runner: AppRunner, size: tuple[int, int]
) -> None:
    ctx, customer = at_the_attract_screen(runner)
    ctx.window.resize(*size)
    customer.touch_attract()
    customer.choose("gift")
    customer.consent()
    customer.type_line("gift", LINE)
    customer.pick_pack(0)
    customer.continue_()
    customer.pay()
    assert ctx.window.payment.qrText()
    assert customer.taps <= GIFT_PACK_BUDGET, f"{customer.taps} taps: {customer.tapped}"
    assert customer.digit_taps == len(LINE)
