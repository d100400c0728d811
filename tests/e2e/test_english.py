"""A counter that speaks English (``[ui] language = "en"``): a top-up sold with the same
widgets as in Spanish, paid by assisted PSE on the bank page, delivered, and told in English."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.config import UiConfig
from kiosk.controllers.language import current_language
from kiosk.domain.sale import SaleState
from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer
from tests.e2e.helpers import LINE, AppRunner, e2e_config
from tests.support.sandbox import provider_topups, pse_attempts

pytestmark = pytest.mark.gui

AMOUNT = 10_000
#: Money as English writes it on screen: pesos kept, with their code (a non-breaking space).
TEN_THOUSAND = "COP\xa010,000"


def test_a_topup_paid_by_assisted_pse_at_an_english_counter(
    runner: AppRunner, sandbox: SandboxServer, probe: Gateways
) -> None:
    app = runner.start(dataclasses.replace(e2e_config(), ui=UiConfig(language="en")))
    runner.wait_until_idle(app)
    clerk, payer, records = runner.clerk_for(app), runner.payer_for(app), runner.records_for(app)
    window = app.window
    assert current_language() == "en"
    assert clerk.child(QPushButton, "startTopupButton").accessibleName() == "Top-up"

    clerk.sell_topup(LINE, AMOUNT)
    assert clerk.child(QLabel, "topupOperatorLabel").text() == "Operator: Claro Colombia"
    summary = window.confirm.summaryTexts()
    assert summary["Kind"] == "Top-up" and summary["Amount"] == TEN_THOUSAND
    clerk.confirm("assisted")
    clerk.fill_payer("4")  # the bank that waits for the payer's answer
    clerk.wait_payment_screen()
    reference = app.controllers.sale.reference
    assert clerk.child(QLabel, "paymentReferenceLabel").text() == f"Reference: {reference}"
    assert clerk.child(QLabel, "paymentAmountLabel").text() == f"Amount: {TEN_THOUSAND}"
    assert window.payment.statusText() == "Waiting for your bank to confirm…"

    url = payer.scan_qr()
    (transaction,) = probe.pse.find_by_reference(reference)
    assert url == transaction.bank_url  # the bank page of this very sale
    payer.approve(url)

    assert clerk.wait_result() == "Top-up done"
    assert window.result.nextSteps().startswith("The balance is now on the line.")
    assert clerk.child(QPushButton, "resultNewSaleButton").text().startswith("New sale")
    receipt = {key: (caption, value) for key, caption, value in window.result.receiptView().rows()}
    assert receipt["Reference"] == ("Reference", reference)
    assert receipt["Line"] == ("Line", "*** *** " + LINE[-4:])
    assert receipt["Amount"] == ("Amount", TEN_THOUSAND)
    assert receipt["Status"] == ("Status", "Paid and delivered")
    caption, moment = receipt["Date"]
    assert caption == "Date" and re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2}", moment)
    assert clerk.child(QLabel, "receiptNote").text() == "Payment receipt, not an invoice."

    # Delivered once, as the journal and the sandbox's own records say.
    assert records.state(reference) is SaleState.DELIVERED
    S = SaleState
    assert records.states(reference) == [
        S.CREATED,
        S.PAYMENT_REQUESTED,
        S.PAYMENT_PENDING,
        S.PAID,
        S.DELIVERY_REQUESTED,
        S.DELIVERED,
    ]
    (paid,) = [tx for tx in pse_attempts(sandbox, reference) if tx["status"] == "APPROVED"]
    assert receipt["GatewayTx"] == ("PSE transaction", paid["id"])
    (topup,) = provider_topups(sandbox, reference)
    assert topup["recipientPhone"] == "57" + LINE and topup["requestedAmount"] == AMOUNT
    assert receipt["ProviderTx"] == ("Top-up transaction", str(topup["transactionId"]))
