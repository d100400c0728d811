"""A top-up at the counter, from the start screen to the receipt, paid on the sandbox's PSE.

The clerk's hands are the real widgets; the payer's phone is a small browser that opens
the URL decoded from the painted QR.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer
from tests.e2e.conftest import (
    LINE,
    WAIT_MS,
    AppRunner,
    bank_page_of,
    child,
    click,
    confirm,
    e2e_config,
    fill_payer,
    receipt_values,
    sale_state,
    scan_payment_qr,
    sell_topup,
    start_topup,
    states_of,
    wait_operator,
    wait_payment_screen,
    wait_result,
    wait_until_idle,
)
from tests.support.browser import answer_bank_page, pay_through_checkout
from tests.support.sandbox import PORTED_LINE, REFUSED_LINE, provider_topups, pse_attempts
from ui.app import AppContext

pytestmark = pytest.mark.gui

AMOUNT = 15_000


def shown_reference(app: AppContext) -> str:
    """The sale's reference as the payment screen shows it to the customer."""
    text = child(app.window, QLabel, "paymentReferenceLabel").text()
    reference = text.removeprefix("Referencia: ").strip()
    assert reference and reference == app.controllers.sale.reference
    return reference


def pay_assisted(qtbot: Any, app: AppContext, line: str, amount: int, *, bank: str) -> str:
    """A top-up sold at the counter and paid by assisted PSE at ``bank``, up to the payment
    screen; returns the sale's reference as the screen shows it."""
    sell_topup(qtbot, app, line, amount)
    confirm(qtbot, app, "assisted")
    fill_payer(qtbot, app, bank)
    wait_payment_screen(qtbot, app)
    return shown_reference(app)


def assert_delivered_once(
    app: AppContext, sandbox: SandboxServer, reference: str, line: str = LINE
) -> None:
    assert sale_state(app, reference) is SaleState.DELIVERED
    assert states_of(app, reference).count(SaleState.DELIVERED) == 1
    (topup,) = provider_topups(sandbox, reference)
    assert topup["recipientPhone"] == "57" + line and topup["requestedAmount"] == AMOUNT


def assert_delivered_receipt(
    app: AppContext, sandbox: SandboxServer, reference: str, attempt: str | None = None
) -> None:
    """The receipt of a delivered sale; ``attempt``: the paid attempt's reference at PSE."""
    result = app.window.result
    assert result.headline() == "Recarga hecha"
    receipt = receipt_values(app)
    assert receipt["Reference"] == reference
    assert receipt["Line"] == "*** *** " + LINE[-4:]
    assert LINE not in " ".join(receipt.values())  # a receipt never shows the full line
    assert receipt["Amount"] == "$\xa015.000"
    assert receipt["Status"] == "Pagada y entregada"
    # The ids are the sandbox's own records of this sale, not just any text.
    (paid,) = [
        tx for tx in pse_attempts(sandbox, attempt or reference) if tx["status"] == "APPROVED"
    ]
    assert receipt["GatewayTx"] == paid["id"]
    assert receipt["ProviderTx"] == str(provider_topups(sandbox, reference)[0]["transactionId"])
    # The short chain hash is the one of the sale's last journal entry (its delivery).
    assert receipt["Chain"] == app.journal.entries_for(reference)[-1].hash[:12]


# -- approved and delivered --------------------------------------------------------------


def test_checkout_qr_paid_on_the_phone_is_delivered(
    qtbot: Any, app: AppContext, sandbox: SandboxServer
) -> None:
    sell_topup(qtbot, app, LINE, AMOUNT)
    confirm(qtbot, app, "checkout")
    wait_payment_screen(qtbot, app)
    reference = shown_reference(app)

    url = scan_payment_qr(app)
    query = parse_qs(urlsplit(url).query)
    assert query["reference"] == [reference]
    assert query["amount-in-cents"] == [str(AMOUNT * 100)]

    polls: list[object] = []
    app.controllers.sale.polled.connect(polls.append)
    browser = pay_through_checkout(url, "4", "")  # the bank that waits for the payer's answer
    try:
        # Polls come and go while the payer has not answered: the screen still waits.
        qtbot.waitUntil(lambda: len(polls) >= 2, timeout=WAIT_MS)
        assert app.window.currentScreen() is app.window.payment
        assert sale_state(app, reference) is SaleState.PAYMENT_PENDING
        answer_bank_page(bank_page_of(browser), "Aprobar")
    finally:
        browser.close()

    wait_result(qtbot, app)
    assert_delivered_receipt(app, sandbox, reference)
    assert_delivered_once(app, sandbox, reference)


@pytest.mark.parametrize("bank", ["1", "4"])
def test_assisted_pse_payment_is_delivered(
    qtbot: Any, app: AppContext, sandbox: SandboxServer, probe: Gateways, bank: str
) -> None:
    sell_topup(qtbot, app, LINE, AMOUNT)
    confirm(qtbot, app, "assisted")
    fill_payer(qtbot, app, bank)
    wait_payment_screen(qtbot, app)
    reference = shown_reference(app)

    if bank == "4":
        # The QR opens the bank page of this very sale's PSE transaction.
        url = scan_payment_qr(app)
        (transaction,) = probe.pse.find_by_reference(reference)
        assert url == transaction.bank_url and url.endswith(f"/sim/bank/{transaction.id}")
        answer_bank_page(url, "Aprobar")

    wait_result(qtbot, app)
    assert_delivered_receipt(app, sandbox, reference)
    assert_delivered_once(app, sandbox, reference)
    S = SaleState
    assert states_of(app, reference) == [
        S.CREATED,
        S.PAYMENT_REQUESTED,  # journaled before the create
        S.PAYMENT_PENDING,
        S.PAID,
        S.DELIVERY_REQUESTED,  # journaled before the top-up
        S.DELIVERED,
    ]


# -- payments that do not go through ------------------------------------------------------


def test_declined_payment_can_be_retried_in_the_same_sale(
    qtbot: Any, app: AppContext, sandbox: SandboxServer, probe: Gateways
) -> None:
    window = app.window
    reference = pay_assisted(qtbot, app, LINE, AMOUNT, bank="2")  # the bank that declines

    assert wait_result(qtbot, app) == "Pago rechazado"
    assert "rechazó" in window.result.nextSteps() and "ningún cobro" in window.result.nextSteps()
    assert receipt_values(app)["Reference"] == reference
    assert provider_topups(sandbox, reference) == []

    click(qtbot, child(window, QPushButton, "resultRetryButton"))
    assert window.currentScreen() is window.payer
    fill_payer(qtbot, app, "1")
    wait_payment_screen(qtbot, app)
    assert shown_reference(app) == reference  # the same sale, a new attempt

    wait_result(qtbot, app)
    assert_delivered_receipt(app, sandbox, reference, attempt=f"{reference}-2")
    assert_delivered_once(app, sandbox, reference)
    assert states_of(app, reference).count(SaleState.PAYMENT_REQUESTED) == 2
    # Each attempt has its own reference at the gateway.
    (first,) = probe.pse.find_by_reference(reference)
    (second,) = probe.pse.find_by_reference(f"{reference}-2")
    assert (str(first.status), str(second.status)) == ("DECLINED", "APPROVED")


def test_sale_changed_after_a_decline_is_paid_as_a_new_sale(
    qtbot: Any, app: AppContext, sandbox: SandboxServer
) -> None:
    """Declined, then back to the top-up screen for another amount: the new amount is paid."""
    window = app.window
    declined = pay_assisted(qtbot, app, LINE, AMOUNT, bank="2")
    wait_result(qtbot, app)
    click(qtbot, child(window, QPushButton, "resultRetryButton"))
    click(qtbot, child(window, QPushButton, "payerBackButton"))
    click(qtbot, child(window, QPushButton, "confirmBackButton"))
    assert window.currentScreen() is window.topup
    amount_input = child(window, QLineEdit, "topupAmountInput")
    amount_input.clear()
    qtbot.keyClicks(amount_input, "20000")
    click(qtbot, child(window, QPushButton, "topupContinueButton"))
    assert window.confirm.summaryTexts()["Amount"] == "$\xa020.000"
    confirm(qtbot, app, "assisted")
    fill_payer(qtbot, app, "1")
    wait_payment_screen(qtbot, app)

    reference = shown_reference(app)
    assert reference != declined
    assert child(window, QLabel, "paymentAmountLabel").text() == "Valor: $\xa020.000"
    wait_result(qtbot, app)
    assert receipt_values(app)["Amount"] == "$\xa020.000"
    (topup,) = provider_topups(sandbox, reference)
    assert topup["requestedAmount"] == 20_000
    assert provider_topups(sandbox, declined) == []


def test_bank_error_is_told_plainly(qtbot: Any, app: AppContext, sandbox: SandboxServer) -> None:
    window = app.window
    reference = pay_assisted(qtbot, app, LINE, AMOUNT, bank="3")  # the bank with an error

    assert wait_result(qtbot, app) == "No se pudo hacer el pago"
    assert "error" in window.result.nextSteps() and "ningún cobro" in window.result.nextSteps()
    assert child(window, QPushButton, "resultRetryButton").isVisible()
    assert provider_topups(sandbox, reference) == []

    click(qtbot, child(window, QPushButton, "resultNewSaleButton"))
    assert window.currentScreen() is window.start
    assert sale_state(app, reference) is SaleState.PAYMENT_FAILED  # the reconciler closes it


def test_pending_payment_approved_while_the_screen_waits(
    qtbot: Any, app: AppContext, sandbox: SandboxServer
) -> None:
    window = app.window
    reference = pay_assisted(qtbot, app, LINE, AMOUNT, bank="4")
    url = scan_payment_qr(app)

    waiting = window.payment.statusText()
    assert waiting == "Esperando la confirmación de su banco…"
    # Several polls later the payment is still pending and the screen still waits.
    entries = len(states_of(app, reference))
    polls: list[object] = []
    app.controllers.sale.polled.connect(polls.append)
    qtbot.waitUntil(lambda: len(polls) >= 3, timeout=WAIT_MS)
    assert window.currentScreen() is window.payment
    assert len(states_of(app, reference)) == entries  # polls that change nothing are not journaled

    seen: list[tuple[str, bool]] = []
    cancel = child(window.payment, QPushButton, "paymentCancelButton")
    app.controllers.sale.progressChanged.connect(
        lambda _p: seen.append((window.payment.statusText(), cancel.isEnabled()))
    )
    answer_bank_page(url, "Aprobar")

    wait_result(qtbot, app)
    # The screen says "approved" before the line is credited, and nothing is left to cancel.
    assert seen[0] == ("Pago aprobado. La recarga se está haciendo…", False)
    assert_delivered_receipt(app, sandbox, reference)
    assert_delivered_once(app, sandbox, reference)


def test_cancelled_on_screen_then_approved_is_delivered_once_by_reconciliation(
    qtbot: Any, app: AppContext, sandbox: SandboxServer
) -> None:
    window = app.window
    reference = pay_assisted(qtbot, app, LINE, AMOUNT, bank="4")
    url = scan_payment_qr(app)

    click(qtbot, child(window, QPushButton, "paymentCancelButton"))
    assert wait_result(qtbot, app) == "Pago cancelado en pantalla"
    assert receipt_values(app)["Reference"] == reference
    assert sale_state(app, reference) is SaleState.CANCELLED_UNCONFIRMED

    answer_bank_page(url, "Aprobar")  # the customer had already authorised it on the phone
    reconcile = app.controllers.reconcile
    with qtbot.waitSignal(reconcile.passFinished, timeout=WAIT_MS) as finished:
        reconcile.run_pass(everything=True)
    assert finished.args[0].moved == {reference: SaleState.DELIVERED}
    assert_delivered_once(app, sandbox, reference)

    # Another pass (and a new sale on screen) changes nothing: delivered once.
    click(qtbot, child(window, QPushButton, "resultNewSaleButton"))
    with qtbot.waitSignal(reconcile.passFinished, timeout=WAIT_MS) as again:
        reconcile.run_pass(everything=True)
    assert reference not in again.args[0].looked_up
    assert_delivered_once(app, sandbox, reference)


def test_the_apps_own_reconciliation_delivers_a_sale_cancelled_then_approved(
    qtbot: Any, runner: AppRunner, sandbox: SandboxServer
) -> None:
    """No pass is forced here: the app's own timer finds the approval and delivers it."""
    app = runner.start(e2e_config(reconcile_every_seconds=1))
    wait_until_idle(qtbot, app)
    reference = pay_assisted(qtbot, app, LINE, AMOUNT, bank="4")
    url = scan_payment_qr(app)
    click(qtbot, child(app.window, QPushButton, "paymentCancelButton"))
    wait_result(qtbot, app)
    assert sale_state(app, reference) is SaleState.CANCELLED_UNCONFIRMED

    answer_bank_page(url, "Aprobar")
    qtbot.waitUntil(lambda: sale_state(app, reference) is SaleState.DELIVERED, timeout=WAIT_MS)
    assert_delivered_once(app, sandbox, reference)


# -- lines that cannot be served ----------------------------------------------------------


def test_ported_line_is_refused_before_any_payment(qtbot: Any, app: AppContext) -> None:
    window = app.window
    start_topup(qtbot, app, PORTED_LINE)
    refusal = wait_operator(qtbot, app)
    assert "Movistar" in refusal and "Claro" in refusal
    qtbot.keyClicks(child(window, QLineEdit, "topupAmountInput"), str(AMOUNT))
    continue_button = child(window, QPushButton, "topupContinueButton")
    assert not continue_button.isEnabled()
    # Enter in the amount field does not get past it either.
    amount_input = child(window, QLineEdit, "topupAmountInput")
    amount_input.setFocus()
    qtbot.keyClick(amount_input, Qt.Key.Key_Return)
    assert window.currentScreen() is window.topup
    assert app.journal.entry_count() == 0


def test_provider_refusal_after_approval_is_paid_not_delivered(
    qtbot: Any, app: AppContext, sandbox: SandboxServer
) -> None:
    window = app.window
    reference = pay_assisted(qtbot, app, REFUSED_LINE, AMOUNT, bank="1")

    headline = wait_result(qtbot, app)
    assert headline == "Pago recibido, pero no se pudo hacer la recarga"
    assert "devolución" in window.result.nextSteps() and "referencia" in window.result.nextSteps()
    receipt = receipt_values(app)
    assert receipt["Reference"] == reference and receipt["GatewayTx"]
    assert receipt["Status"] == "Pagada, no entregada: reclamar devolución"
    assert sale_state(app, reference) is SaleState.PAID_NOT_DELIVERED
    assert provider_topups(sandbox, reference) == []


def test_qr_countdown_running_out_stops_the_waiting_but_not_the_sale(
    qtbot: Any, runner: AppRunner
) -> None:
    app = runner.start(e2e_config(checkout_ttl_seconds=2))
    wait_until_idle(qtbot, app)
    sell_topup(qtbot, app, LINE, AMOUNT)
    confirm(qtbot, app, "checkout")
    wait_payment_screen(qtbot, app)
    reference = shown_reference(app)
    assert app.window.payment.countdownText().startswith("El código vence en")

    assert wait_result(qtbot, app) == "Se acabó el tiempo del código QR"
    assert "si el banco lo aprueba" in app.window.result.nextSteps()
    # Nobody paid yet, and a signed link may still be paid: the sale stays watched.
    assert sale_state(app, reference) is SaleState.EXPIRED_UNCONFIRMED
    assert receipt_values(app)["Reference"] == reference
