"""Few taps (issue 10, item 6): from the attract screen to the checkout QR, a top-up takes at
most 6 taps beyond the line's digits (touch the screen, the job, the consent, a preset,
Continue, "Pagar con código QR") and a gift pack at most 7. Every tap is a finger on a
shown, enabled target of 48x48 px or more, under the finger (tests/e2e/kiosk_hands.py).

What fails: the exact list of taps (``Customer.tapped``, by object name) is asserted, so a
step of the hands that needs one more tap shows as a different list; and a flow that would
need a tap beyond the budget (a focus, a keyboard, a confirmation) stalls at that step: the
stall is reported as a budget failure naming the screen and the taps so far (not only as a
wait's timeout).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.e2e.helpers import LINE, AppRunner
from tests.e2e.kiosk_hands import Customer
from ui.app import AppContext

pytestmark = pytest.mark.gui

TOPUP_BUDGET = 6
GIFT_PACK_BUDGET = 7
#: The taps of each flow, in order (object names; a pattern where the catalogue names it).
TOPUP_TAPS = (
    "attractScreen",
    "startTopupButton",
    "topupConsentCheck",
    "topupPreset_10000",
    "topupContinueButton",
    "confirmContinueButton",
)
GIFT_PACK_TAPS = (
    "attractScreen",
    "startGiftPackButton",
    "giftConsentCheck",
    r"giftPackCard_\d+(_\d+)?",
    "giftContinueButton",
    "confirmContinueButton",
)


@contextmanager
def within_budget(customer: Customer, budget: int, taps: tuple[str, ...]) -> Iterator[None]:
    """The flow in the block takes exactly ``taps`` (at most ``budget``); a step that
    stalls (it needs a tap the flow does not have) fails as over the budget."""
    assert len(taps) <= budget
    try:
        yield
    except customer.qtbot.TimeoutError as stalled:
        screen = customer.screen().objectName()
        raise AssertionError(
            f"over the budget of {budget}: after {customer.tapped} the flow stalls on "
            f"{screen} (it needs a tap more): {stalled}"
        ) from stalled
    assert len(customer.tapped) == customer.taps
    assert len(customer.tapped) == len(taps) and all(
        re.fullmatch(pattern, name) for pattern, name in zip(taps, customer.tapped, strict=True)
    ), f"{customer.taps} taps (budget {budget}): {customer.tapped}, expected {list(taps)}"


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
    with within_budget(customer, TOPUP_BUDGET, TOPUP_TAPS):
        customer.touch_attract()
        customer.choose("topup")
        customer.consent()
        customer.type_line("topup", LINE)
        customer.pick_preset(10_000)
        customer.continue_()
        customer.pay()
    assert ctx.window.payment.qrText()
    assert customer.digit_taps == len(LINE)


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_gift_pack_reaches_its_qr_within_seven_taps(
    qtbot: Any, runner: AppRunner, size: tuple[int, int]
) -> None:
    ctx, customer = at_the_attract_screen(runner)
    ctx.window.resize(*size)
    with within_budget(customer, GIFT_PACK_BUDGET, GIFT_PACK_TAPS):
        customer.touch_attract()
        customer.choose("gift")
        customer.consent()
        customer.type_line("gift", LINE)
        customer.pick_pack(0)
        customer.continue_()
        customer.pay()
    assert ctx.window.payment.qrText()
    assert customer.digit_taps == len(LINE)
