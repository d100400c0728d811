"""The people around a running app: the clerk's hands on its widgets, the payer's phone, and
what the app's journal says about a sale.

The clerk finds every widget by its object name (docs/OBJECT_NAMES.md) and waits on what the
screens show, not on their words, so the same hands sell in Spanish and in English. The
payer's phone reads the QR painted on the payment screen, as a camera does, and answers the
sandbox's bank pages with a small browser.
"""

from __future__ import annotations

import io
from typing import Any

import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QLineEdit, QWidget

from kiosk.controllers.language import translate
from kiosk.domain.sale import SaleState
from kiosk.domain.staff import DEMO_STAFF
from kiosk.journal import Entry, Journal
from tests.support.browser import Browser, answer_bank_page, pay_through_checkout
from tests.support.widgets import child, click, tick
from ui.main_window import MainWindow
from ui.widgets.line_input import OperatorState

#: What the clerk types for the assisted payer (QTest types ASCII only).
PAYER_FIELDS = (
    ("payerDocumentInput", "1020304050"),
    ("payerNameInput", "Ana Perez"),
    ("payerEmailInput", "ana@example.com"),
)
#: The bank page's button that approves a payment (the sandbox's pages are in Spanish).
APPROVE = "Aprobar"
#: The sandbox's demo staff (kiosk.domain.staff.DEMO_STAFF): a clerk and an admin.
DEMO_CLERK = next(demo for demo in DEMO_STAFF if not demo.is_admin)
DEMO_ADMIN = next(demo for demo in DEMO_STAFF if demo.is_admin)
DEMO_CLERK_PIN = DEMO_CLERK.pin
DEMO_ADMIN_PIN = DEMO_ADMIN.pin


class Clerk:
    """The clerk at one app's window: clicks, ticks and types, then waits for the screen."""

    def __init__(self, qtbot: Any, window: MainWindow, wait_ms: int) -> None:
        self.qtbot = qtbot
        self.window = window
        self.wait_ms = wait_ms

    # -- fingers ----------------------------------------------------------------------------

    def child(self, kind: type[QObject], name: str) -> Any:
        """The window's widget called ``name``."""
        return child(self.window, kind, name)

    def click(self, button: QWidget) -> None:
        click(self.qtbot, button)

    def press(self, name: str) -> None:
        """Click the button called ``name``."""
        self.click(self.child(QAbstractButton, name))

    def tick(self, name: str) -> None:
        """Tick the check box called ``name`` on its indicator."""
        tick(self.qtbot, self.child(QCheckBox, name))

    def type(self, name: str, text: str, *, replace: bool = False) -> None:
        """Type ``text`` into the field called ``name`` (``replace``: clear it first)."""
        edit = self.child(QLineEdit, name)
        if replace:
            edit.clear()
        self.qtbot.keyClicks(edit, text)

    def wait_for_screen(self, screen: QWidget) -> None:
        self.qtbot.waitUntil(lambda: self.window.currentScreen() is screen, timeout=self.wait_ms)

    # -- the shift ----------------------------------------------------------------------------

    def enter_pin(self, pin: str, prefix: str = "signIn", within: QWidget | None = None) -> None:
        """Press ``pin`` on the keypad called ``<prefix>PinPad`` (in ``within``, e.g. an
        admin PIN dialog; else in the window), then its "Entrar"."""
        root = within or self.window
        for digit in pin:
            self.click(child(root, QAbstractButton, f"{prefix}PinKey{digit}"))
        self.click(child(root, QAbstractButton, f"{prefix}PinKeyEnter"))

    def sign_in(self, pin: str = DEMO_CLERK_PIN) -> None:
        """At the sign-in screen: the PIN on the keypad; wait for the start screen."""
        self.wait_for_screen(self.window.sign_in)
        self.enter_pin(pin)
        self.wait_for_screen(self.window.start)

    def sign_out(self) -> None:
        """ "Cerrar sesión" in the back office's bar."""
        self.press("backOfficeSignOutButton")

    # -- a top-up ---------------------------------------------------------------------------

    def start_topup(self, line: str) -> None:
        """From the start screen: the top-up screen, consent, the line (its operator is then
        detected)."""
        self.press("startTopupButton")
        assert self.window.currentScreen() is self.window.topup
        self.tick("topupConsentCheck")
        self.type("topupLineInput", line)

    def wait_operator(self, prefix: str = "topup") -> str:
        """Wait until the line's operator is known, or the line refused; what the label says."""
        screen = self.window.topup if prefix == "topup" else self.window.gift_pack
        line_input = screen.line_input
        self.qtbot.waitUntil(
            lambda: line_input.operatorState() in (OperatorState.OK, OperatorState.REFUSED),
            timeout=self.wait_ms,
        )
        return self.child(QWidget, f"{prefix}OperatorLabel").text()

    def sell_topup(self, line: str, amount: int) -> None:
        """Top-up screen filled and continued, up to the confirm screen."""
        self.start_topup(line)
        said = self.wait_operator()
        line_input = self.window.topup.line_input
        operator = line_input.operatorName()
        # The label names the operator, in the words of the language spoken; a ported line
        # (its number suggests another operator) says so plainly.
        words = "Esta línea ahora es de {name}" if line_input.isPorted() else "Operador: {name}"
        assert operator and said == translate("LineInput", words).format(name=operator)
        self.type("topupAmountInput", str(amount))
        self.press("topupContinueButton")
        self.wait_for_screen(self.window.confirm)

    def confirm(self, mode: str) -> None:
        """Pick the payment mode (``assisted`` or ``checkout``) and go to pay."""
        self.press(
            "confirmModeAssistedButton" if mode == "assisted" else "confirmModeCheckoutButton"
        )
        self.press("confirmContinueButton")

    def fill_payer(self, bank: str) -> None:
        """Type the payer's PSE data, pick ``bank`` and tick the terms, then create the payment."""
        self.wait_for_screen(self.window.payer)
        combo = self.child(QComboBox, "payerBankCombo")
        terms = self.child(QCheckBox, "payerTermsCheck")
        self.qtbot.waitUntil(
            lambda: combo.findData(bank) >= 0 and terms.isEnabled(), timeout=self.wait_ms
        )
        for name, text in PAYER_FIELDS:
            self.type(name, text, replace=True)
        combo.setCurrentIndex(combo.findData(bank))
        if not terms.isChecked():
            tick(self.qtbot, terms)
        self.press("payerContinueButton")

    def pay_assisted(self, bank: str) -> None:
        """From the confirm screen: assisted PSE at ``bank``, up to the payment screen's QR."""
        self.confirm("assisted")
        self.fill_payer(bank)
        self.wait_payment_screen()

    def wait_payment_screen(self) -> None:
        """The payment screen, showing its QR."""
        window = self.window
        self.qtbot.waitUntil(
            lambda: window.currentScreen() is window.payment and bool(window.payment.qrText()),
            timeout=self.wait_ms,
        )

    def wait_result(self, timeout: int | None = None) -> str:
        """The result screen; its headline."""
        window = self.window
        self.qtbot.waitUntil(
            lambda: window.currentScreen() is window.result, timeout=timeout or self.wait_ms
        )
        return window.result.headline()

    def receipt_values(self) -> dict[str, str]:
        """The receipt on the result screen, value by row key (``Reference``, ``Amount``…)."""
        return {key: value for key, _caption, value in self.window.result.receiptView().rows()}


class Payer:
    """The payer's phone: a camera for the QR on one app's payment screen, a browser for the
    hosted checkout and the bank pages (each closed once answered, the rest with the phone)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._browsers: list[Browser] = []

    def scan_qr(self) -> str:
        """What the camera reads off the painted QR: exactly one code, its text."""
        return decode_qr(child(self.window, QWidget, "qrView"))

    def open_checkout(self, url: str, bank: str) -> str:
        """Open the checkout link, fill the form as a payer would, and stop on ``bank``'s page,
        the payment still waiting for an answer; the bank page's URL."""
        browser = pay_through_checkout(url, bank, "")
        self._browsers.append(browser)
        assert browser.page is not None and "/sim/bank/" in browser.page.url
        return browser.page.url

    def approve(self, bank_url: str | None = None) -> None:
        """Approve on ``bank_url`` (the assisted QR's bank page), or on the bank page the last
        checkout led to."""
        if bank_url is None:
            browser = self._browsers.pop()
            try:
                assert browser.page is not None
                answer_bank_page(browser.page.url, APPROVE)
            finally:
                browser.close()
        else:
            answer_bank_page(bank_url, APPROVE)

    def close(self) -> None:
        for browser in self._browsers:
            browser.close()
        self._browsers.clear()


class SaleRecords:
    """What one app's journal says about a sale."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def state(self, reference: str) -> SaleState | None:
        """The sale's state now (``None``: no such sale)."""
        record = self.journal.sale(reference)
        return record.state if record else None

    def states(self, reference: str) -> list[SaleState | None]:
        """The states the journal recorded for a sale, in order (one per entry)."""
        return [entry.state for entry in self.entries(reference)]

    def entries(self, reference: str) -> list[Entry]:
        return list(self.journal.entries_for(reference))


def decode_qr(widget: QWidget) -> str:
    """What a phone's camera reads from the painted QR (zxing on a grab of the widget)."""
    image = widget.grab().toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    picture = Image.open(io.BytesIO(bytes(data.data()))).convert("RGB")
    # QR only: a phone's camera app looks for QR codes, and zxing's 1-D readers can
    # occasionally "see" a stray barcode in the modules.
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    texts = [result.text for result in found]
    assert len(texts) == 1, f"expected one QR code on screen, found {len(texts)}"
    return texts[0]
