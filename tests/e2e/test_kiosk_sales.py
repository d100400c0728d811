"""A customer alone at the kiosk (``kiosk --mode kiosk``) on the test's sandbox: taps only.

A top-up and a gift pack paid through the checkout QR with the on-screen keypad alone (the
payer's phone reads the QR and submits the hosted checkout, then approves on the bank's
page), delivered and told on the result screen; no line is taken before the consent; and
the flow in English, whose words follow a switch in the middle of it without losing what
was typed.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.controllers.language import current_language, translate
from kiosk.domain.sale import PaymentMode, SaleState
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner
from tests.e2e.kiosk_hands import Customer
from tests.support.sandbox import outbox, provider_topups
from tests.support.spanish import spanish_left
from tests.support.widgets import child
from tests.ui.helpers import NEUTRAL_TEXTS
from ui.app import AppContext

pytestmark = pytest.mark.gui

#: The bank whose page waits for the payer's answer (Aprobar / Rechazar).
BANK = "4"
#: Data a screen shows whatever the language (not Spanish words).
DATA = {"Claro", "Claro Colombia", "Español", "English"} | NEUTRAL_TEXTS


def kiosk(runner: AppRunner) -> tuple[AppContext, Customer]:
    """A kiosk on the test's sandbox, its catalogue loaded, on the attract screen."""
    ctx = runner.start(mode="kiosk")
    runner.wait_until_idle(ctx)
    assert ctx.window.currentScreen() is ctx.window.attract
    return ctx, runner.customer_for(ctx)


def pay_on_the_phone(runner: AppRunner, ctx: AppContext) -> str:
    """The payer's phone reads the QR, submits the checkout, approves at the bank; the sale's
    reference."""
    reference = ctx.controllers.sale.reference
    assert reference
    payer = runner.payer_for(ctx)
    url = payer.scan_qr()
    assert url == ctx.window.payment.qrText()
    payer.open_checkout(url, BANK)
    payer.approve()
    return reference


def test_a_topup_paid_by_checkout_qr_with_the_keypad_alone(qtbot: Any, runner: AppRunner) -> None:
    ctx, customer = kiosk(runner)
    window = ctx.window
    records = runner.records_for(ctx)
    customer.touch_attract()
    customer.choose("topup")
    customer.consent()
    customer.type_line("topup", LINE)
    assert window.topup.line() == LINE
    customer.pick_preset(10_000)
    assert window.topup.amount() == 10_000
    customer.continue_()

    # The kiosk offers the checkout QR only: the payer's data is typed on their own phone.
    assert window.confirm.mode() is PaymentMode.CHECKOUT
    assert not child(window, QAbstractButton, "confirmModeAssistedButton").isVisible()
    pay = child(window, QAbstractButton, "confirmContinueButton")
    assert pay.text().replace("&", "") == "Pagar con código QR"
    customer.pay()

    reference = pay_on_the_phone(runner, ctx)
    headline = customer.wait_result()
    assert headline == translate("SaleWords", "Recarga hecha")
    assert records.state(reference) is SaleState.DELIVERED
    assert len(provider_topups(runner.sandbox, reference)) == 1
    big = child(window, QWidget, "resultReferenceBig")
    assert big.isVisible() and reference in big.text()
    # The short chain hash to photograph: the journal's own, for this sale.
    chain = child(window, QWidget, "resultHashBig")
    assert chain.isVisible() and chain.text().strip()
    assert any(chain.text().strip() in entry.hash for entry in records.entries(reference))
    # Digits on the keypad only; nothing typed on a keyboard.
    assert customer.digit_taps == len(LINE)


def test_a_gift_pack_paid_by_checkout_qr_with_the_keypad_alone(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx, customer = kiosk(runner)
    window = ctx.window
    records = runner.records_for(ctx)
    customer.touch_attract()
    customer.choose("gift")
    customer.consent()
    customer.type_line("gift", LINE)
    assert window.gift_pack.line() == LINE
    customer.pick_pack(0)
    pack = window.gift_pack.selectedPack()
    assert pack is not None
    customer.continue_()
    assert window.confirm.mode() is PaymentMode.CHECKOUT
    customer.pay()

    reference = pay_on_the_phone(runner, ctx)
    headline = customer.wait_result()
    assert headline == translate("SaleWords", "Paquete activado")
    assert records.state(reference) is SaleState.DELIVERED
    record = ctx.journal.sale(reference)
    assert record is not None and record.amount_pesos == pack.amount_pesos
    big = child(window, QWidget, "resultReferenceBig")
    assert big.isVisible() and reference in big.text()
    # The recipient is told by SMS, naming the pack.
    (sms,) = outbox(runner.sandbox, LINE)
    assert pack.name in sms["text"]


@pytest.mark.parametrize("job", ["topup", "gift"])
def test_no_line_is_taken_before_the_consent(
    qtbot: Any, runner: AppRunner, sandbox_requests: list[str], job: str
) -> None:
    ctx, customer = kiosk(runner)
    window = ctx.window
    customer.touch_attract()
    customer.choose(job)
    screen = window.topup if job == "topup" else window.gift_pack
    field = child(window, QLineEdit, f"{job}LineInput")
    asked: list[str] = []
    screen.lineEntered.connect(asked.append)

    # Before the consent: the line field and the keypad are closed, and say why.
    assert not customer.consent_check().isChecked()
    assert not field.isEnabled(), "the line field waits for the consent"
    for digit in LINE:
        key = customer.child(QAbstractButton, f"{job}Key{digit}")
        assert key.isVisible()
        if key.isEnabled():  # a key that can be pressed must type nothing
            qtbot.mouseClick(key, Qt.MouseButton.LeftButton, pos=key.rect().center())
    assert field.text() == "" and screen.line() == ""
    assert asked == [], "no operator detection without the consent"
    assert ctx.controllers.catalogue.line_offer(LINE) is None
    assert detections(sandbox_requests) == [], "the provider was asked about a line"

    # Consent given: the same keys take the line, and its operator is detected.
    customer.consent()
    qtbot.waitUntil(field.isEnabled, timeout=WAIT_MS)
    customer.type_line(job, LINE)
    assert screen.line() == LINE
    customer.wait_operator()
    assert asked == [LINE]
    assert ctx.controllers.catalogue.line_offer(LINE) is not None
    assert len(detections(sandbox_requests)) == 1


def detections(requests: list[str]) -> list[str]:
    """The provider's operator detections among the sandbox's requests."""
    return [request for request in requests if "/operators/auto-detect/" in request]


def assert_english(window: QWidget, where: str) -> None:
    left = spanish_left(window, DATA)
    assert left == [], f"{where}: Spanish left after choosing English: {left}"


def test_the_flow_in_english_and_a_switch_in_the_middle_keeps_what_was_typed(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx, customer = kiosk(runner)
    window = ctx.window
    look = ctx.wiring.kiosk.look
    customer.touch_attract()
    customer.press("startLanguageEn")
    qtbot.waitUntil(lambda: current_language() == "en", timeout=WAIT_MS)
    assert child(window, QAbstractButton, "startLanguageEn").isChecked()
    assert_english(window, "start")

    customer.choose("topup")
    assert_english(window, "top-up")
    customer.consent()
    customer.type_line("topup", LINE)
    customer.wait_operator()
    operator = window.topup.line_input.operatorName()
    assert_english(window, "top-up with its line")

    # Mid-flow, the language changes (as the kiosk's look does it): nothing typed is lost.
    look.choose_language("es")
    qtbot.waitUntil(lambda: bool(spanish_left(window, DATA)), timeout=WAIT_MS)
    assert window.currentScreen() is window.topup
    assert window.topup.line() == LINE and window.topup.consentGiven()
    assert window.topup.line_input.operatorName() == operator
    look.choose_language("en")
    qtbot.waitUntil(lambda: not spanish_left(window, DATA), timeout=WAIT_MS)
    assert window.topup.line() == LINE and window.topup.consentGiven()

    customer.pick_preset(10_000)
    customer.continue_()
    assert_english(window, "confirm")
    pay = child(window, QAbstractButton, "confirmContinueButton").text().replace("&", "")
    assert pay != "Pagar con código QR" and pay.strip()
    customer.pay()
    assert_english(window, "payment")
