"""A customer alone at the kiosk (``kiosk --mode kiosk``) on the test's sandbox: taps only.

A top-up and a gift pack paid through the checkout QR with the on-screen keypad alone (the
payer's phone reads the QR and submits the hosted checkout, then approves on the bank's
page), delivered and told on the result screen; no line is taken before the consent; the
whole flow in English after the customer taps "English" (on the attract or the start
screen, where the switch is); and, as the screens' robustness (no customer's path), a
language change under a filled top-up screen keeps what was typed.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.controllers.language import current_language, set_language, translate
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


@pytest.mark.parametrize("where", ["attract", "start"])
def test_a_customer_who_taps_english_buys_in_english_on_every_screen(
    qtbot: Any, runner: AppRunner, where: str
) -> None:
    """The customer's own path to English: a tap on "English" where the switch is (the
    attract screen, or the start screen after touching the attract screen), then the whole
    top-up in English, every screen checked (no Spanish source English translates
    differently is shown), up to the delivered result."""
    ctx, customer = kiosk(runner)
    window = ctx.window
    if where == "attract":
        customer.press("attractLanguageEn")
        qtbot.waitUntil(lambda: current_language() == "en", timeout=WAIT_MS)
        assert window.currentScreen() is window.attract, "the language tap is not a touch"
        assert child(window, QAbstractButton, "attractLanguageEn").isChecked()
        assert_english(window, "attract")
        customer.touch_attract()
    else:
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
    assert_english(window, "top-up with its line")
    customer.pick_preset(10_000)
    assert_english(window, "top-up with its amount")
    customer.continue_()
    assert_english(window, "confirm")
    pay = child(window, QAbstractButton, "confirmContinueButton").text().replace("&", "")
    assert pay != "Pagar con código QR" and pay.strip()
    customer.pay()
    assert_english(window, "payment")

    reference = pay_on_the_phone(runner, ctx)
    headline = customer.wait_result()
    assert headline == translate("SaleWords", "Recarga hecha") != "Recarga hecha"
    assert_english(window, "result")
    assert reference in child(window, QWidget, "resultReferenceBig").text()
    assert current_language() == "en"


def test_a_language_change_mid_flow_keeps_what_was_typed(qtbot: Any, runner: AppRunner) -> None:
    """The screens' robustness, not a customer's path: the language switch is only on the
    attract and start screens, and going back there starts over. But the language can change
    under a filled screen (a settings save, an idle reset's restore): Qt's LanguageChange
    reaches the top-up screen, and what it holds (consent, line, operator, amount) stays
    while its words change. So this calls ``set_language`` directly."""
    ctx, customer = kiosk(runner)
    window = ctx.window
    customer.touch_attract()
    customer.choose("topup")
    customer.consent()
    customer.type_line("topup", LINE)
    customer.wait_operator()
    operator = window.topup.line_input.operatorName()
    customer.pick_preset(10_000)
    assert spanish_left(window, DATA), "the detector sees the Spanish screen"

    set_language("en")
    qtbot.waitUntil(lambda: not spanish_left(window, DATA), timeout=WAIT_MS)
    assert window.currentScreen() is window.topup
    assert window.topup.line() == LINE and window.topup.consentGiven()
    assert window.topup.line_input.operatorName() == operator
    assert window.topup.amount() == 10_000
    set_language("es")
    qtbot.waitUntil(lambda: bool(spanish_left(window, DATA)), timeout=WAIT_MS)
    assert window.topup.line() == LINE and window.topup.consentGiven()
    assert window.topup.amount() == 10_000
    # The screen still works in the new language: on to the QR.
    customer.continue_()
    customer.pay()
