"""The result screen: the outcome's words, the receipt, retry and a new sale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind, SaleState
from tests.support.widgets import child
from tests.ui.helpers import assert_words_translated, speak, visible_words
from ui.texts import result_texts, state_words

pytestmark = pytest.mark.gui


def _receipt(state: SaleState, kind: SaleKind = SaleKind.TOPUP) -> Receipt:
    return Receipt(
        reference="K1-000123",
        kind=kind,
        state=state,
        amount_pesos=10_000,
        masked_line="*** *** 6789",
        issued_at=datetime(2025, 3, 14, 20, 5, tzinfo=UTC),
        gateway_transaction_id="11854-1741982712-49617",
        provider_transaction_id="2987451",
        cus="1874233",
        pack_name="Todo incluido 7 días" if kind is SaleKind.GIFT_PACK else "",
        chain_hash_short="9f2c41ab",
        store_name="Tienda de prueba",
        kiosk_name="Caja 9",
    )


def test_the_result_shows_the_receipt(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.DELIVERED, SaleKind.GIFT_PACK)
    headline, next_steps = result_texts(receipt.state, receipt.kind)
    screen.showResult(receipt, headline, next_steps)
    assert child(screen, QLabel, "resultHeadline").text() == headline
    assert child(screen, QLabel, "resultNextSteps").text() == next_steps
    shown = {key: value for key, _caption, value in screen.receiptView().rows()}
    assert shown["Reference"] == "K1-000123"
    assert shown["GatewayTx"] == "11854-1741982712-49617"
    assert shown["ProviderTx"] == "2987451"
    assert shown["Cus"] == "1874233"
    assert shown["Line"] == "*** *** 6789"
    assert shown["Pack"] == "Todo incluido 7 días"
    assert shown["Amount"] == "$\u00a010.000"
    assert shown["Date"] == "14/03/2025 15:05", "Bogotá time (UTC-5)"
    assert shown["Status"] == state_words(SaleState.DELIVERED)
    assert shown["Chain"] == "9f2c41ab"
    assert child(screen, QLabel, "receiptNote").text() == "Comprobante de pago, no es factura."
    store = child(screen, QLabel, "receiptStore").text()
    assert "Tienda de prueba" in store and "Caja 9" in store


def test_retry_is_offered_only_when_asked(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.PAYMENT_FAILED)
    screen.showResult(receipt, *result_texts(receipt.state))
    retry = child(screen, QPushButton, "resultRetryButton")
    assert not retry.isVisibleTo(screen)
    screen.setRetryAvailable(True)
    assert retry.isVisibleTo(screen)
    with qtbot.waitSignal(screen.retryRequested):
        retry.click()
    with qtbot.waitSignal(screen.done):
        child(screen, QPushButton, "resultNewSaleButton").click()
    with qtbot.waitSignal(screen.done):
        screen.go_on()


def test_the_result_and_its_receipt_speak_english_and_back(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.DELIVERED, SaleKind.GIFT_PACK)
    screen.showOutcome(receipt)
    screen.setRetryAvailable(True)
    assert screen.headline() == "Paquete activado"
    spanish = visible_words(screen)
    spanish_rows = screen.receiptView().rows()
    speak("en")
    english = visible_words(screen)
    values = {value for _key, _caption, value in spanish_rows}
    kept = values - {
        "Paquete de regalo",
        "$\u00a010.000",
        "14/03/2025 15:05",
        state_words(SaleState.DELIVERED),
    }
    assert_words_translated(spanish, english, kept)
    shown = {key: (caption, value) for key, caption, value in screen.receiptView().rows()}
    assert shown["Amount"] == ("Amount", "COP\u00a010,000")
    assert shown["Date"] == ("Date", "Mar 14, 2025 15:05"), "Bogotá time, English dates"
    assert shown["Kind"] == ("Sale", "Gift pack")
    assert shown["Status"] == ("Status", "Paid and delivered")
    assert shown["ProviderTx"] == ("Pack transaction", "2987451")
    assert shown["Reference"] == ("Reference", "K1-000123")
    assert child(screen, QLabel, "receiptNote").text() == "Payment receipt, not an invoice."
    assert screen.headline() == "Pack activated"
    assert child(screen, QPushButton, "resultRetryButton").text() == "Try again"
    speak("es")
    assert visible_words(screen) == spanish
    assert screen.receiptView().rows() == spanish_rows


def test_a_result_given_in_words_stays_as_given(qtbot, window):
    screen = window.show_result()
    receipt = _receipt(SaleState.DECLINED)
    screen.showResult(receipt, "Titular dado", "Pasos dados")
    speak("en")
    assert (screen.headline(), screen.nextSteps()) == ("Titular dado", "Pasos dados")
    assert child(screen, QPushButton, "resultNewSaleButton").text().startswith("New sale")


def _longest_receipt() -> Receipt:
    """Every business field set, the longest state and a reason that wraps."""
    return Receipt(
        reference="VTA-20251201-000123",
        kind=SaleKind.GIFT_PACK,
        state=SaleState.PAID_NOT_DELIVERED,
        amount_pesos=10_000,
        masked_line="*** *** 0001",
        issued_at=datetime(2025, 12, 1, 20, 5, tzinfo=UTC),
        gateway_transaction_id="11854-1741982712-49617",
        provider_transaction_id="2987451",
        cus="1874233",
        pack_name="Todo incluido 7 días con redes sociales ilimitadas",
        operator_name="Comunicación Celular S.A. Comcel",
        line_received_pesos=10_004,
        refusal="PROVIDER_REFUSED",
        refusal_message="El operador rechazó la recarga a esta línea",
        chain_hash_short="9f2c41ab0123cdef",
        store_name="Droguería La Esquina",
        kiosk_name="Caja 1",
        business_name="Droguería La Esquina S.A.S.",
        nit="900123456-8",
        clerk="Ana María Muñoz",
        claims_contact="reclamos@drogueria-laesquina.co · 601 555 0101",
        privacy_notice="Sus datos: Ley 1581 de 2012.",
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_whole_receipt_is_readable_at_1024x768(qtbot, window, language):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QScrollArea

    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_result()
    screen.showOutcome(_longest_receipt())
    if language == "en":
        speak("en")
    try:
        view = screen.receiptView()
        qtbot.wait(50)
        shown = {key for key, _caption, _value in view.rows()}
        assert {"Status", "Reason", "Claims", "Pack", "Received", "Clerk"} <= shown
        labels = [label for label in view.findChildren(QLabel) if label.text()]
        assert len(labels) >= 2 * len(shown)
        area = view.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        inside = QRect(QPoint(0, 0), window.size())
        for label in labels:
            name = label.objectName() or label.text()[:20]
            needed = (
                label.heightForWidth(label.width())
                if label.wordWrap()
                else label.sizeHint().height()
            )
            assert label.height() >= needed, f"{name} clipped: {label.height()} < {needed}"
            if area is not None:
                area.ensureWidgetVisible(label, 0, 0)
                qtbot.wait(1)
            assert label.isVisible(), name
            top_left = label.mapTo(window, QPoint(0, 0))
            box = QRect(top_left, label.size())
            assert inside.contains(box), f"{name} outside the window: {box} in {inside}"
            if area is not None:
                viewport = area.viewport()
                seen = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
                assert seen.contains(box), f"{name} not scrolled into view"
        status = child(view, QLabel, "receiptStatusValue")
        assert status.text() == state_words(SaleState.PAID_NOT_DELIVERED)
    finally:
        speak("es")


# -- at the kiosk ------------------------------------------------------------------------------


class _Printer:
    """A receipt service whose printer fails with ``code`` (``""``: prints)."""

    def __init__(self, code: str = "") -> None:
        self.code = code
        self.jobs = 0

    def printer_configured(self) -> bool:
        return self.code != "printer.not_configured"

    def print_receipt(self, receipt, *, render, copy=False, actor=""):
        from kiosk.domain.errors import KioskError
        from kiosk.services.receipts import Printed

        self.jobs += 1
        render(receipt, copy=copy)
        if self.code:
            raise KioskError(self.code, target="tcp:192.0.2.10:9100")
        return Printed(receipt.reference)


def _kiosk_result(qtbot, window, width: int, height: int, printer: _Printer | None = None):
    from kiosk.controllers.receipts import ReceiptController

    window.setKioskMode(True)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_result()
    screen.setReceiptController(ReceiptController(printer or _Printer()))  # type: ignore[arg-type]
    return screen


def _assert_fits(qtbot, window, screen) -> None:
    """Every shown text whole and on screen (a receipt's row once scrolled to)."""
    from PySide6.QtCore import QEvent, QPoint, QRect
    from PySide6.QtWidgets import QApplication, QScrollArea

    # The layouts the new texts asked for, run now.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    inside = QRect(QPoint(0, 0), window.size())
    area = child(screen, QScrollArea, "resultReceiptArea")
    for label in screen.findChildren(QLabel):
        if not label.isVisibleTo(screen) or not label.text():
            continue
        name = label.objectName() or label.text()[:20]
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        assert label.height() >= needed, f"{name} cut: {label.height()} < {needed}"
        assert label.width() >= label.minimumSizeHint().width(), f"{name} cut sideways"
        if area.isAncestorOf(label):
            area.ensureWidgetVisible(label, 0, 0)
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        box = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
        assert inside.contains(box), f"{name} outside the window: {box} in {inside}"
        if area.isAncestorOf(label):
            viewport = area.viewport()
            seen = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
            assert seen.contains(box), f"{name} not scrolled into view"


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger-text"])
def test_the_kiosk_result_shows_what_a_claim_needs_large(
    qtbot, window, width: int, height: int, language: str, larger: bool
):
    from PySide6.QtGui import QFontInfo

    from ui.style import LARGE_TEXT_SCALE, apply_text_scale
    from ui.texts import claim_how, kiosk_print_trouble, photo_hint

    if larger:
        apply_text_scale(window, LARGE_TEXT_SCALE)  # "Letra grande", as the switch does

    screen = _kiosk_result(qtbot, window, width, height, _Printer("printer.no_paper"))
    if language == "en":
        speak("en")
    try:
        receipt = _longest_receipt()
        screen.showOutcome(receipt)
        # The longest words the screen may say: a printer out of paper.
        assert screen.printReceipt()
        said = kiosk_print_trouble("printer.no_paper", receipt.reference)
        qtbot.waitUntil(lambda: screen.messageText() == said)
        for name, value in (
            ("resultReferenceBig", receipt.reference),
            ("resultHashBig", receipt.chain_hash_short),
        ):
            big = child(screen, QLabel, name)
            assert big.isVisible() and big.text() == value
            assert QFontInfo(big.font()).pixelSize() >= 28, name
            assert big.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        assert child(screen, QLabel, "resultPhotoHint").text() == photo_hint()
        assert child(screen, QLabel, "resultClaimHow").text() == claim_how(receipt.claims_contact)
        assert receipt.claims_contact in child(screen, QLabel, "resultClaimHow").text()
        for hidden in ("resultPrintButton", "resultSavePdfButton"):
            assert not child(screen, QPushButton, hidden).isVisible(), hidden
        new_sale = child(screen, QPushButton, "resultNewSaleButton")
        assert new_sale.isVisible() and new_sale.isEnabled()
        # The paper-like receipt goes to paper: at kiosk size it would not fit whole.
        assert not child(screen, QWidget, "resultReceiptArea").isVisible()
        _assert_fits(qtbot, window, screen)
    finally:
        speak("es")


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("printer.no_paper", "La impresora no tiene papel."),
        ("printer.missing", "La impresora no está disponible."),
        ("printer.failed", "La impresora no está disponible."),
        ("printer.not_configured", ""),
        ("", "Comprobante impreso."),
    ],
)
def test_a_kiosk_print_is_said_in_the_customers_words_and_never_blocks(
    qtbot, window, code: str, said: str
):
    printer = _Printer(code)
    screen = _kiosk_result(qtbot, window, 1280, 800, printer)
    receipt = _longest_receipt()
    screen.showOutcome(receipt)
    new_sale = child(screen, QPushButton, "resultNewSaleButton")
    assert screen.printReceipt()
    assert screen.isPrinting() and new_sale.isEnabled(), "a print never holds the customer"
    qtbot.waitUntil(lambda: not screen.isPrinting())
    message = screen.messageText()
    assert message.startswith(said) if said else message == ""
    if code and code != "printer.not_configured":
        assert receipt.reference in message and "pida una copia en la tienda" in message
        assert "Ajustes" not in message and "Reintentar" not in message, "no printer setup"
    assert printer.jobs == 1, "no retry"
    with qtbot.waitSignal(screen.done):
        new_sale.click()


def test_the_counter_result_keeps_its_buttons_and_receipt(qtbot, window):
    """Leaving kiosk mode brings the counter's receipt and buttons back."""
    screen = _kiosk_result(qtbot, window, 1280, 800)
    screen.showOutcome(_receipt(SaleState.DELIVERED))
    assert not child(screen, QWidget, "resultReceiptArea").isVisible()
    assert child(screen, QWidget, "resultClaimBox").isVisible()
    window.setKioskMode(False)
    window.setCounterMode(True)
    assert child(screen, QWidget, "resultReceiptArea").isVisible()
    assert not child(screen, QWidget, "resultClaimBox").isVisible()
    assert child(screen, QPushButton, "resultPrintButton").isVisible()
    assert child(screen, QPushButton, "resultSavePdfButton").isVisible()


def _assert_buttons_fit(screen) -> None:
    """Every shown button's words whole (its width at least what its text needs)."""
    for button in screen.findChildren(QPushButton):
        if not button.isVisibleTo(screen) or not button.text():
            continue
        name = button.objectName() or button.text()[:20]
        needed = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() >= needed, f"{name} cut: {button.width()} < {needed}"
        assert button.width() >= button.sizeHint().width(), f"{name} narrower than its words"
        assert button.height() >= button.sizeHint().height(), f"{name} shorter than its words"


_SUMMARY = (
    "resultSummaryKind",
    "resultSummaryLine",
    "resultSummaryAmount",
    "resultSummaryOperator",
)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger-text"])
def test_the_kiosk_result_says_what_was_bought_for_the_photo(
    qtbot, window, width: int, height: int, language: str, larger: bool
):
    """The claim box holds what was bought: kind and pack, line, amount, operator; all of it
    whole on screen at every kiosk size, language and text size (a printer out of paper too)."""
    import os

    from PySide6.QtGui import QFontInfo

    from kiosk.controllers.language import formats
    from ui.style import LARGE_TEXT_SCALE, apply_text_scale

    if larger:
        apply_text_scale(window, LARGE_TEXT_SCALE)
    screen = _kiosk_result(qtbot, window, width, height, _Printer("printer.no_paper"))
    if language == "en":
        speak("en")
    try:
        receipt = _longest_receipt()
        screen.showOutcome(receipt)
        assert screen.printReceipt()
        qtbot.waitUntil(lambda: not screen.isPrinting())
        box = child(screen, QWidget, "resultClaimBox")
        assert box.isVisible()
        shown = {name: child(screen, QLabel, name).text() for name in _SUMMARY}
        caption = "Pack" if language == "en" else "Paquete"
        assert shown["resultSummaryKind"] == receipt.pack_name
        assert child(screen, QLabel, "resultSummaryKindCaption").text() == caption
        assert shown["resultSummaryLine"] == receipt.masked_line
        assert shown["resultSummaryAmount"] == formats().pesos(receipt.amount_pesos)
        assert shown["resultSummaryOperator"] == receipt.operator_name
        for name in _SUMMARY:
            label = child(screen, QLabel, name)
            assert label.isVisible() and box.isAncestorOf(label), name
            assert QFontInfo(label.font()).pixelSize() >= 22, f"{name} too small for a photo"
        folder = os.environ.get("RESULT_SHOTS")
        if folder:
            window.grab().save(f"{folder}/{width}x{height}-{language}-{int(larger)}.png")
        _assert_fits(qtbot, window, screen)
        _assert_buttons_fit(screen)
    finally:
        speak("es")


def test_a_topup_summary_has_no_pack_and_hides_what_is_unknown(qtbot, window):
    screen = _kiosk_result(qtbot, window, 1280, 800)
    receipt = _receipt(SaleState.DELIVERED)  # no operator on it
    screen.showOutcome(receipt)
    assert child(screen, QLabel, "resultSummaryKind").text() == "Recarga"
    assert child(screen, QLabel, "resultSummaryAmount").text() == "$\u00a010.000"
    assert child(screen, QLabel, "resultSummaryLine").text() == "*** *** 6789"
    assert not child(screen, QLabel, "resultSummaryOperator").isVisible()
    assert not child(screen, QLabel, "resultSummaryOperatorCaption").isVisible()


class _NoPrinterSetUp(_Printer):
    def printer_configured(self) -> bool:
        return False


_KIOSK_OUTCOMES = [
    (SaleState.DELIVERED, SaleKind.TOPUP),
    (SaleState.DELIVERED, SaleKind.GIFT_PACK),
    (SaleState.DECLINED, SaleKind.TOPUP),
    (SaleState.ERROR, SaleKind.TOPUP),
    (SaleState.PAYMENT_PENDING, SaleKind.TOPUP),
    (SaleState.PAID_NOT_DELIVERED, SaleKind.TOPUP),
    (SaleState.PAID_NOT_DELIVERED, SaleKind.GIFT_PACK),
    (SaleState.CANCELLED_UNCONFIRMED, SaleKind.GIFT_PACK),
    (SaleState.DELIVERY_UNKNOWN, SaleKind.TOPUP),
]


@pytest.mark.parametrize(("state", "kind"), _KIOSK_OUTCOMES)
def test_the_kiosk_never_says_to_keep_a_receipt_it_did_not_give(qtbot, window, state, kind):
    """No printer: photograph the screen; printed: keep the paper; a failed print: the photo."""
    from ui.texts import kiosk_result_texts, result_texts

    screen = _kiosk_result(qtbot, window, 1280, 800, _NoPrinterSetUp())
    receipt = _receipt(state, kind)
    screen.showOutcome(receipt)
    steps = screen.nextSteps()
    assert steps == kiosk_result_texts(state, kind, printed=False)[1]
    assert screen.headline() == result_texts(state, kind)[0]
    assert "comprobante" not in steps.lower(), steps
    keeps = state not in (SaleState.DECLINED, SaleState.ERROR)
    assert ("foto de esta pantalla" in steps) is keeps, steps

    printer = _Printer("printer.no_paper")
    screen = _kiosk_result(qtbot, window, 1280, 800, printer)
    screen.showOutcome(receipt)
    steps = screen.nextSteps()
    assert steps == kiosk_result_texts(state, kind, printed=True)[1]
    assert "foto" not in steps and "este comprobante" not in steps, steps
    assert ("comprobante impreso" in steps) is keeps, steps
    # The printer runs out of paper: nothing to keep but a photo of the screen.
    assert screen.printReceipt()
    qtbot.waitUntil(lambda: not screen.isPrinting())
    assert screen.nextSteps() == kiosk_result_texts(state, kind, printed=False)[1]
    speak("en")
    try:
        english = screen.nextSteps()
        assert english == kiosk_result_texts(state, kind, printed=False)[1]
        assert "receipt" not in english.lower() or not keeps, english
    finally:
        speak("es")


def test_the_counter_keeps_its_words_and_has_no_summary(qtbot, window):
    from ui.texts import result_texts

    window.setCounterMode(True)
    screen = window.show_result()
    receipt = _receipt(SaleState.DELIVERED)
    screen.showOutcome(receipt)
    assert screen.nextSteps() == result_texts(receipt.state, receipt.kind)[1]
    assert "Guarde este comprobante" in screen.nextSteps()
    assert not child(screen, QWidget, "resultClaimBox").isVisibleTo(screen)
