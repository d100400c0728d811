"""The QR as a phone's camera reads it off the painted payment screen: this very sale's link."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PySide6.QtWidgets import QWidget

from kiosk.gateways.factory import Gateways
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import Clerk, Payer
from tests.e2e.helpers import LINE, WAIT_MS
from tests.support.widgets import child
from ui.app import AppContext

pytestmark = pytest.mark.gui

AMOUNT = 25_000


def documented_signature(
    reference: str, cents: str, currency: str, expiration: str, secret: str
) -> str:
    """Wompi's integrity signature, written out here from its documented formula."""
    return hashlib.sha256(f"{reference}{cents}{currency}{expiration}{secret}".encode()).hexdigest()


def scan_at_sizes(qtbot: Any, app: AppContext, payer: Payer) -> str:
    """Decode the QR at the counter's size and at the smallest window; both must agree."""
    view = child(app.window, QWidget, "qrView")
    at_full_size = payer.scan_qr()
    app.window.resize(app.window.minimumSize())
    qtbot.waitUntil(lambda: view.width() < 500, timeout=WAIT_MS)
    assert payer.scan_qr() == at_full_size
    assert at_full_size == app.window.payment.qrText()  # what is painted is what was set
    return at_full_size


def test_checkout_qr_is_the_signed_checkout_link_of_this_sale(
    qtbot: Any, app: AppContext, clerk: Clerk, payer: Payer, sandbox: SandboxServer
) -> None:
    clerk.sell_topup(LINE, AMOUNT)
    clerk.confirm("checkout")
    clerk.wait_payment_screen()
    reference = app.controllers.sale.reference
    assert reference in app.window.payment.findChild(QWidget, "paymentReferenceLabel").text()

    url = scan_at_sizes(qtbot, app, payer)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == sandbox.checkout_base_url
    assert parts.path == "/p/"
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    assert query["reference"] == reference
    assert query["amount-in-cents"] == str(AMOUNT * 100) and query["currency"] == "COP"
    assert query["public-key"] == sandbox.keys.public_key
    # The countdown's end is the link's signed expiration, as journaled before the QR showed.
    (issued,) = [e for e in app.journal.entries_for(reference) if "expires_at" in e.payload]
    assert query["expiration-time"] == issued.payload["expires_at"]
    assert query["signature:integrity"] == documented_signature(
        reference,
        query["amount-in-cents"],
        "COP",
        query["expiration-time"],
        sandbox.keys.integrity_secret,
    )
    # And the hosted checkout accepts it as this sale's payment page.
    page = requests.get(url, timeout=5)
    assert page.status_code == 200 and reference in page.text


def test_assisted_qr_is_the_bank_page_of_this_sales_transaction(
    qtbot: Any, app: AppContext, clerk: Clerk, payer: Payer, probe: Gateways
) -> None:
    clerk.sell_topup(LINE, AMOUNT)
    clerk.confirm("assisted")
    clerk.fill_payer("4")
    clerk.wait_payment_screen()
    reference = app.controllers.sale.reference

    url = scan_at_sizes(qtbot, app, payer)
    (transaction,) = probe.pse.find_by_reference(reference)
    assert transaction.reference == reference and transaction.amount_pesos == AMOUNT
    assert url == transaction.bank_url
    record = app.journal.sale(reference)
    assert record is not None and record.gateway_tx_id == transaction.id
    page = requests.get(url, timeout=5)
    assert page.status_code == 200 and reference in page.text
