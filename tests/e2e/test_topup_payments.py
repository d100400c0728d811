"""A top-up at the counter, from the start screen to the receipt, paid on the sandbox's PSE.

The clerk's hands are the real widgets; the payer's phone is a small browser that opens
the URL decoded from the painted QR.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, Payer, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner, e2e_config
from tests.support.sandbox import PORTED_LINE, REFUSED_LINE, provider_topups, pse_attempts
from tests.support.widgets import child
from ui.app import AppContext

pytestmark = pytest.mark.gui

AMOUNT = 15_000


def shown_reference(app: AppContext) -> str:
    """The sale's reference as the payment screen shows it to the customer."""
    text = child(app.window, QLabel, "paymentReferenceLabel").text()
    reference = text.removeprefix("Referencia: ").strip()
    assert reference and reference == app.controllers.sale.reference
    return reference


def pay_assisted(clerk: Clerk, app: AppContext, line: str, amount: int, *, bank: str) -> str:
    """A top-up sold at the counter and paid by assisted PSE at ``bank``, up to the payment
    screen; returns the sale's reference as the screen shows it."""
    clerk.sell_topup(line, amount)
    clerk.confirm("assisted")
    clerk.fill_payer(bank)
    clerk.wait_payment_screen()
    return shown_reference(app)


def assert_delivered_once(
    records: SaleRecords, sandbox: SandboxServer, reference: str, line: str = LINE
) -> None:
    assert records.state(reference) is SaleState.DELIVERED
    assert records.states(reference).count(SaleState.DELIVERED) == 1
    (topup,) = provider_topups(sandbox, reference)
    assert topup["recipientPhone"] == "57" + line and topup["requestedAmount"] == AMOUNT


def assert_delivered_receipt(
    clerk: Clerk,
    records: SaleRecords,
    sandbox: SandboxServer,
    reference: str,
    attempt: str | None = None,
) -> None:
    """The receipt of a delivered sale; ``attempt``: the paid attempt's reference at PSE."""
    result = clerk.window.result
    assert result.headline() == "Recarga hecha"
    receipt = clerk.receipt_values()
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
    assert receipt["Chain"] == records.entries(reference)[-1].hash[:16]


# -- approved and delivered --------------------------------------------------------------


def test_checkout_qr_paid_on_the_phone_is_delivered(
    qtbot: Any,
    app: AppContext,
    clerk: Clerk,
    payer: Payer,
    records: SaleRecords,
    sandbox: SandboxServer,
) -> None:
    clerk.sell_topup(LINE, AMOUNT)
    clerk.confirm("checkout")
    clerk.wait_payment_screen()
    reference = shown_reference(app)

    url = payer.scan_qr()
    query = parse_qs(urlsplit(url).query)
    assert query["reference"] == [reference]
    assert query["amount-in-cents"] == [str(AMOUNT * 100)]

    polls: list[object] = []
    app.controllers.sale.polled.connect(polls.append)
    payer.open_checkout(url, "4")  # the bank that waits for the payer's answer
    # Polls come and go while the payer has not answered: the screen still waits.
    qtbot.waitUntil(lambda: len(polls) >= 2, timeout=WAIT_MS)
    assert app.window.currentScreen() is app.window.payment
    assert records.state(reference) is SaleState.PAYMENT_PENDING
    payer.approve()

    clerk.wait_result()
    assert_delivered_receipt(clerk, records, sandbox, reference)
    assert_delivered_once(records, sandbox, reference)


@pytest.mark.parametrize("bank", ["1", "4"])
def test_assisted_pse_payment_is_delivered(
    app: AppContext,
    clerk: Clerk,
    payer: Payer,
    records: SaleRecords,
    sandbox: SandboxServer,
    probe: Gateways,
    bank: str,
) -> None:
    clerk.sell_topup(LINE, AMOUNT)
    clerk.confirm("assisted")
    clerk.fill_payer(bank)
    clerk.wait_payment_screen()
    reference = shown_reference(app)

    if bank == "4":
        # The QR opens the bank page of this very sale's PSE transaction.
        url = payer.scan_qr()
        (transaction,) = probe.pse.find_by_reference(reference)
        assert url == transaction.bank_url and url.endswith(f"/sim/bank/{transaction.id}")
        payer.approve(url)

    clerk.wait_result()
    assert_delivered_receipt(clerk, records, sandbox, reference)
    assert_delivered_once(records, sandbox, reference)
    S = SaleState
    assert records.states(reference) == [
        S.CREATED,
        S.PAYMENT_REQUESTED,  # journaled before the create
        S.PAYMENT_PENDING,
        S.PAID,
        S.DELIVERY_REQUESTED,  # journaled before the top-up
        S.DELIVERED,
    ]


# -- payments that do not go through ------------------------------------------------------


def test_declined_payment_can_be_retried_in_the_same_sale(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer, probe: Gateways
) -> None:
    window = app.window
    reference = pay_assisted(clerk, app, LINE, AMOUNT, bank="2")  # the bank that declines

    assert clerk.wait_result() == "Pago rechazado"
    assert "rechazó" in window.result.nextSteps() and "ningún cobro" in window.result.nextSteps()
    assert clerk.receipt_values()["Reference"] == reference
    assert provider_topups(sandbox, reference) == []

    clerk.press("resultRetryButton")
    assert window.currentScreen() is window.payer
    clerk.fill_payer("1")
    clerk.wait_payment_screen()
    assert shown_reference(app) == reference  # the same sale, a new attempt

    clerk.wait_result()
    assert_delivered_receipt(clerk, records, sandbox, reference, attempt=f"{reference}-2")
    assert_delivered_once(records, sandbox, reference)
    assert records.states(reference).count(SaleState.PAYMENT_REQUESTED) == 2
    # Each attempt has its own reference at the gateway.
    (first,) = probe.pse.find_by_reference(reference)
    (second,) = probe.pse.find_by_reference(f"{reference}-2")
    assert (str(first.status), str(second.status)) == ("DECLINED", "APPROVED")


def test_sale_changed_after_a_decline_is_paid_as_a_new_sale(
    app: AppContext, clerk: Clerk, sandbox: SandboxServer
) -> None:
    """Declined, then back to the top-up screen for another amount: the new amount is paid."""
    window = app.window
    declined = pay_assisted(clerk, app, LINE, AMOUNT, bank="2")
    clerk.wait_result()
    clerk.press("resultRetryButton")
    clerk.press("payerBackButton")
    clerk.press("confirmBackButton")
    assert window.currentScreen() is window.topup
    clerk.type("topupAmountInput", "20000", replace=True)
    clerk.press("topupContinueButton")
    assert window.confirm.summaryTexts()["Amount"] == "$\xa020.000"
    clerk.confirm("assisted")
    clerk.fill_payer("1")
    clerk.wait_payment_screen()

    reference = shown_reference(app)
    assert reference != declined
    assert clerk.child(QLabel, "paymentAmountLabel").text() == "Valor: $\xa020.000"
    clerk.wait_result()
    assert clerk.receipt_values()["Amount"] == "$\xa020.000"
    (topup,) = provider_topups(sandbox, reference)
    assert topup["requestedAmount"] == 20_000
    assert provider_topups(sandbox, declined) == []


def test_bank_error_is_told_plainly(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    window = app.window
    reference = pay_assisted(clerk, app, LINE, AMOUNT, bank="3")  # the bank with an error

    assert clerk.wait_result() == "No se pudo hacer el pago"
    assert "error" in window.result.nextSteps() and "ningún cobro" in window.result.nextSteps()
    assert clerk.child(QPushButton, "resultRetryButton").isVisible()
    assert provider_topups(sandbox, reference) == []

    clerk.press("resultNewSaleButton")
    assert window.currentScreen() is window.start
    assert records.state(reference) is SaleState.PAYMENT_FAILED  # the reconciler closes it


def test_pending_payment_approved_while_the_screen_waits(
    qtbot: Any,
    app: AppContext,
    clerk: Clerk,
    payer: Payer,
    records: SaleRecords,
    sandbox: SandboxServer,
) -> None:
    window = app.window
    reference = pay_assisted(clerk, app, LINE, AMOUNT, bank="4")
    url = payer.scan_qr()

    waiting = window.payment.statusText()
    assert waiting == "Esperando la confirmación de su banco…"
    # Several polls later the payment is still pending and the screen still waits.
    entries = len(records.states(reference))
    polls: list[object] = []
    app.controllers.sale.polled.connect(polls.append)
    qtbot.waitUntil(lambda: len(polls) >= 3, timeout=WAIT_MS)
    assert window.currentScreen() is window.payment
    assert len(records.states(reference)) == entries  # polls that change nothing are not journaled

    seen: list[tuple[str, bool]] = []
    cancel = child(window.payment, QPushButton, "paymentCancelButton")
    app.controllers.sale.progressChanged.connect(
        lambda _p: seen.append((window.payment.statusText(), cancel.isEnabled()))
    )
    payer.approve(url)

    clerk.wait_result()
    # The screen says "approved" before the line is credited, and nothing is left to cancel.
    assert seen[0] == ("Pago aprobado. La recarga se está haciendo…", False)
    assert_delivered_receipt(clerk, records, sandbox, reference)
    assert_delivered_once(records, sandbox, reference)


def test_cancelled_on_screen_then_approved_is_delivered_once_by_reconciliation(
    qtbot: Any,
    app: AppContext,
    clerk: Clerk,
    payer: Payer,
    records: SaleRecords,
    sandbox: SandboxServer,
) -> None:
    reference = pay_assisted(clerk, app, LINE, AMOUNT, bank="4")
    url = payer.scan_qr()

    clerk.press("paymentCancelButton")
    assert clerk.wait_result() == "Pago cancelado en pantalla"
    assert clerk.receipt_values()["Reference"] == reference
    assert records.state(reference) is SaleState.CANCELLED_UNCONFIRMED

    payer.approve(url)  # the customer had already authorised it on the phone
    reconcile = app.controllers.reconcile
    with qtbot.waitSignal(reconcile.passFinished, timeout=WAIT_MS) as finished:
        reconcile.run_pass(everything=True)
    assert finished.args[0].moved == {reference: SaleState.DELIVERED}
    assert_delivered_once(records, sandbox, reference)

    # Another pass (and a new sale on screen) changes nothing: delivered once.
    clerk.press("resultNewSaleButton")
    with qtbot.waitSignal(reconcile.passFinished, timeout=WAIT_MS) as again:
        reconcile.run_pass(everything=True)
    assert reference not in again.args[0].looked_up
    assert_delivered_once(records, sandbox, reference)


def test_the_apps_own_reconciliation_delivers_a_sale_cancelled_then_approved(
    qtbot: Any, runner: AppRunner, sandbox: SandboxServer
) -> None:
    """No pass is forced here: the app's own timer finds the approval and delivers it."""
    app = runner.start(e2e_config(reconcile_every_seconds=1))
    runner.wait_until_idle(app)
    clerk, payer, records = runner.clerk_for(app), runner.payer_for(app), runner.records_for(app)
    reference = pay_assisted(clerk, app, LINE, AMOUNT, bank="4")
    url = payer.scan_qr()
    clerk.press("paymentCancelButton")
    clerk.wait_result()
    assert records.state(reference) is SaleState.CANCELLED_UNCONFIRMED

    payer.approve(url)
    qtbot.waitUntil(lambda: records.state(reference) is SaleState.DELIVERED, timeout=WAIT_MS)
    assert_delivered_once(records, sandbox, reference)


# -- lines that cannot be served ----------------------------------------------------------


def test_a_ported_line_is_sold_under_its_new_operator_and_told_so(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    """The sandbox's line ported to Movistar: never refused for being ported; the screen says
    plainly whose it is now, and Movistar credits it."""
    window = app.window
    reference = pay_assisted(clerk, app, PORTED_LINE, AMOUNT, bank="1")
    said = clerk.child(QLabel, "topupOperatorLabel").text()
    assert window.topup.line_input.isPorted() and said.startswith("Esta línea ahora es de Movistar")
    assert window.confirm.summaryTexts()["Operator"].startswith("Movistar")
    clerk.wait_result()
    assert records.state(reference) is SaleState.DELIVERED
    (topup,) = provider_topups(sandbox, reference)
    movistar = app.controllers.catalogue.line_offer(PORTED_LINE)
    assert movistar is not None and topup["operatorId"] == movistar.offer.topup_operator.id
    assert clerk.receipt_values()["Operator"].startswith("Movistar")


def test_provider_refusal_after_approval_is_paid_not_delivered(
    app: AppContext, clerk: Clerk, records: SaleRecords, sandbox: SandboxServer
) -> None:
    window = app.window
    reference = pay_assisted(clerk, app, REFUSED_LINE, AMOUNT, bank="1")

    headline = clerk.wait_result()
    assert headline == "Pago recibido, pero no se pudo hacer la recarga"
    assert "devolución" in window.result.nextSteps() and "referencia" in window.result.nextSteps()
    receipt = clerk.receipt_values()
    assert receipt["Reference"] == reference and receipt["GatewayTx"]
    assert receipt["Status"] == "Pagada, no entregada: reclamar devolución"
    assert records.state(reference) is SaleState.PAID_NOT_DELIVERED
    assert provider_topups(sandbox, reference) == []


def test_qr_countdown_running_out_stops_the_waiting_but_not_the_sale(runner: AppRunner) -> None:
    app = runner.start(e2e_config(checkout_ttl_seconds=2))
    runner.wait_until_idle(app)
    clerk, records = runner.clerk_for(app), runner.records_for(app)
    clerk.sell_topup(LINE, AMOUNT)
    clerk.confirm("checkout")
    clerk.wait_payment_screen()
    reference = shown_reference(app)
    assert app.window.payment.countdownText().startswith("El código vence en")

    assert clerk.wait_result() == "Se acabó el tiempo del código QR"
    assert "si el banco lo aprueba" in app.window.result.nextSteps()
    # Nobody paid yet, and a signed link may still be paid: the sale stays watched.
    assert records.state(reference) is SaleState.EXPIRED_UNCONFIRMED
    assert clerk.receipt_values()["Reference"] == reference
