"""The confirm screen: the sale's summary and the payment mode, in either language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.domain.catalogue import Pack
from kiosk.domain.sale import PaymentMode, SaleKind
from tests.support.widgets import child
from tests.ui.helpers import SPANISH_DATA, assert_words_translated, speak, visible_words

pytestmark = pytest.mark.gui


def test_confirm_defaults_to_assisted_and_can_switch(qtbot, window):
    screen = window.show_confirm()
    pack = Pack(10_000, "Todo incluido 7 días", data_mb=3_072, validity_days=7)
    screen.setSummary(SaleKind.GIFT_PACK, "3123456789", "Claro", 10_000, pack, "3159876543")
    texts = screen.summaryTexts()
    assert texts["Line"] == "312 345 6789" and texts["Sender"] == "315 987 6543"
    assert "Todo incluido 7 días" in texts["Detail"]
    assert texts["Amount"] == "$\u00a010.000"
    with qtbot.waitSignal(screen.confirmed) as confirmed:
        screen.go_on()
    assert confirmed.args == [PaymentMode.ASSISTED]

    child(screen, QPushButton, "confirmModeCheckoutButton").click()
    with qtbot.waitSignal(screen.confirmed) as confirmed:
        child(screen, QPushButton, "confirmContinueButton").click()
    assert confirmed.args == [PaymentMode.CHECKOUT]


def test_confirm_default_mode_comes_from_the_caller(qtbot, window):
    screen = window.confirm
    screen.setDefaultMode(PaymentMode.CHECKOUT)
    assert screen.mode() is PaymentMode.CHECKOUT
    screen.setSummary(SaleKind.TOPUP, "3123456789", "Claro", 5_000)
    assert "Detail" not in screen.summaryTexts(), "no pack row for a top-up"


@pytest.mark.parametrize("kind", list(SaleKind))
def test_confirm_speaks_english_and_back(qtbot, window, kind: SaleKind):
    screen = window.show_confirm()
    pack = Pack(10_000, "Todo incluido 7 días", data_mb=3_072, validity_days=7)
    if kind is SaleKind.GIFT_PACK:
        screen.setSummary(kind, "3123456789", "Claro", 10_000, pack, "3159876543")
    else:
        screen.setSummary(kind, "3123456789", "Claro", 10_000)
    spanish = visible_words(screen)
    assert spanish[("confirmContent/confirmSummary/confirmKindValue", "text")] == (
        "Paquete de regalo" if kind is SaleKind.GIFT_PACK else "Recarga"
    )
    speak("en")
    english = visible_words(screen)
    # The pack's own name and contents come from the catalogue: data, not screen words.
    detail = ("confirmContent/confirmSummary/confirmDetailValue", "text")
    data = SPANISH_DATA | ({spanish[detail]} if detail in spanish else set())
    assert_words_translated(spanish, english, data)
    summary = screen.summaryTexts()
    assert summary["Kind"] == ("Gift pack" if kind is SaleKind.GIFT_PACK else "Top-up")
    assert summary["Amount"] == "COP\u00a010,000"
    assert child(screen, QLabel, "confirmModeCaption").text() == "How does the customer pay?"
    assert screen.mode() is PaymentMode.ASSISTED, "the choice survives the switch"
    speak("es")
    assert visible_words(screen) == spanish


def test_the_kiosk_offers_only_the_checkout_qr(qtbot, window):
    """Decision 3: the kiosk never sees the payer's document or email — no assisted PSE."""
    window.setKioskMode(True)
    screen = window.show_confirm()
    screen.setDefaultMode(PaymentMode.ASSISTED)  # whatever the store's setting says
    screen.setSummary(SaleKind.TOPUP, "3123456789", "Claro", 10_000)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert screen.mode() is PaymentMode.CHECKOUT
    for name in ("confirmModeAssistedButton", "confirmModeCheckoutButton"):
        assert not child(screen, QPushButton, name).isVisible(), name
    assert not child(screen, QLabel, "confirmModeExplanation").isVisible()
    caption = child(screen, QLabel, "confirmModeCaption")
    assert caption.isVisible() and caption.text().startswith("Usted paga en su propio celular")
    pay = child(screen, QPushButton, "confirmContinueButton")
    assert pay.text() == "Pagar con código QR" and pay.accessibleName() in ("", pay.text())
    assert child(screen, QPushButton, "confirmBackButton").isVisible()
    with qtbot.waitSignal(screen.confirmed) as confirmed:
        pay.click()
    assert confirmed.args == [PaymentMode.CHECKOUT]
    speak("en")
    try:
        assert pay.text() == "Pay with QR code"
        assert caption.text() == "You pay on your own phone: scan the QR code on the next screen."
    finally:
        speak("es")

    # Back at the counter: both modes, the store's default, the clerk's words.
    window.setKioskMode(False)
    assert child(screen, QPushButton, "confirmModeAssistedButton").isVisible()
    assert screen.mode() is PaymentMode.ASSISTED
    assert caption.text() == "¿Cómo paga el cliente?"
    assert pay.text() == "Ir a pagar"


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1080, 1920), (1920, 1080)])
def test_the_kiosk_confirm_fits_with_larger_text(qtbot, window, width, height):
    from PySide6.QtCore import QEvent, QPoint, QRect
    from PySide6.QtWidgets import QApplication

    from ui.style import LARGE_TEXT_SCALE, apply_text_scale

    window.setKioskMode(True)
    apply_text_scale(window, LARGE_TEXT_SCALE)  # "Letra grande", as the switch does
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_confirm()
    pack = Pack(10_000, "Todo incluido 7 días con redes sociales", data_mb=3_072, validity_days=7)
    screen.setSummary(SaleKind.GIFT_PACK, "3123456789", "Claro", 10_000, pack, "3159876543")
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    inside = QRect(QPoint(0, 0), window.size())
    for widget in [*screen.findChildren(QLabel), *screen.findChildren(QPushButton)]:
        if not widget.isVisible() or not widget.text():
            continue
        name = widget.objectName()
        if isinstance(widget, QLabel) and widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()), f"{name} cut"
        else:
            assert widget.width() >= widget.minimumSizeHint().width(), f"{name} cut sideways"
        assert inside.contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())), name
