"""The main window: sizes at 1024x768, banner, status bar, shortcuts, its words in two languages."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.config import (
    Config,
    LinesGatewayConfig,
    PseGatewayConfig,
    TopupGatewayConfig,
    load_config,
)
from kiosk.domain.amounts import AmountOffer
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.sandbox import SandboxServer
from tests.support.widgets import child
from tests.ui.helpers import KIOSK, STORE, speak
from ui.app import build_app
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.style import load_stylesheet
from ui.widgets.sandbox_banner import sandbox_text

pytestmark = pytest.mark.gui

TOUCH_MINIMUM = 48
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox)


def _ours(screen: QWidget) -> list[QWidget]:
    """The screen's buttons and inputs, without Qt's own parts (a line edit's clear button)."""
    return [
        widget
        for widget in screen.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE)
        and not isinstance(widget.parent(), (QLineEdit, QComboBox))
    ]


def _fill_every_screen(window: MainWindow, packs) -> None:
    window.topup.setOffer(AmountOffer(1_500, 100_000, (2_000, 5_000, 10_000, 20_000, 50_000)))
    window.gift_pack.setPacks(packs)
    window.balance.setCodeSent("*** *** 6789")
    window.confirm.setSummary(SaleKind.TOPUP, "3123456789", "Claro", 10_000)
    window.payer.setBanks([("1", "Banco que aprueba")])
    window.payer.setTerms("https://example.test/t.pdf", "https://example.test/d.pdf")
    window.payment.showPayment(
        "http://127.0.0.1:9/p/?reference=K1",
        10_000,
        "K1",
        datetime.now(UTC) + timedelta(minutes=10),
        PaymentMode.CHECKOUT,
    )
    receipt = Receipt("K1", SaleKind.TOPUP, SaleState.PAYMENT_FAILED, 10_000, "*** *** 6789",
                      datetime.now(UTC))  # fmt: skip
    window.result.showResult(receipt, "Pago rechazado", "Intente de nuevo.")
    window.result.setRetryAvailable(True)


def test_every_button_and_input_is_at_least_48_px_tall(qtbot, window: MainWindow, packs):
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == (1024, 768)
    _fill_every_screen(window, packs)
    checked = 0
    for screen in window.screens():
        window.stack.setCurrentWidget(screen)
        QApplication.processEvents()
        for widget in _ours(screen):
            if widget.isVisible():
                assert widget.height() >= TOUCH_MINIMUM, (
                    f"{screen.objectName()}: {widget.objectName() or widget} is "
                    f"{widget.height()} px tall"
                )
                checked += 1
    assert checked > 40


def test_every_interactive_widget_has_an_object_name(window: MainWindow, packs):
    _fill_every_screen(window, packs)
    for screen in window.screens():
        for widget in _ours(screen):
            assert widget.objectName(), f"{screen.objectName()}: unnamed {widget}"


def test_screens_fit_at_1024x768(qtbot, window: MainWindow, packs):
    window.show()
    qtbot.waitExposed(window)
    _fill_every_screen(window, packs)
    for screen in window.screens():
        window.stack.setCurrentWidget(screen)
        QApplication.processEvents()
        hint = screen.minimumSizeHint()
        assert hint.width() <= window.stack.width(), screen.objectName()
        assert hint.height() <= window.stack.height(), screen.objectName()


def test_sandbox_banner_and_status_bar(qtbot, window: MainWindow):
    banner = child(window, QLabel, "sandboxBanner")
    assert banner.text() == sandbox_text()
    assert banner.text() == "SANDBOX — pagos de prueba, no se cobra dinero real"
    assert window.isSandboxShown()
    window.setSandbox(False)
    assert not window.isSandboxShown()
    status = child(window, QLabel, "statusStoreLabel").text()
    assert STORE in status and KIOSK in status


@pytest.mark.parametrize(
    ("key", "signal"),
    [(Qt.Key.Key_F1, "topupChosen"), (Qt.Key.Key_F2, "giftPackChosen"),
     (Qt.Key.Key_F3, "balanceChosen")],
)  # fmt: skip
def test_function_keys_choose_a_job_from_the_start(qtbot, shown_window, key, signal):
    with qtbot.waitSignal(getattr(shown_window.start, signal)):
        qtbot.keyClick(shown_window, key)


def test_function_keys_do_nothing_off_the_start_screen(qtbot, shown_window):
    shown_window.show_balance()
    with qtbot.assertNotEmitted(shown_window.start.topupChosen):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)


def test_the_keys_are_shown_on_the_buttons_in_counter_mode(window):
    key = child(window.start, QLabel, "startTopupButtonKey")
    assert key.text() == "F1" and key.isVisibleTo(window.start)
    assert "(Esc)" in child(window.topup, QPushButton, "topupBackButton").text()
    window.setCounterMode(False)
    assert not key.isVisibleTo(window.start)
    assert child(window.topup, QPushButton, "topupBackButton").text() == "Volver"


@pytest.mark.parametrize("name", ["topup", "gift_pack", "balance", "confirm", "payer"])
def test_every_job_screen_has_a_way_back(qtbot, shown_window, name: str):
    screen: Screen = getattr(shown_window, name)
    shown_window.show_screen(screen)
    back = child(screen, QPushButton, f"{screen.prefix}BackButton")
    assert back.isVisible()
    with qtbot.waitSignal(screen.back):
        back.click()
    with qtbot.waitSignal(screen.back):
        qtbot.keyClick(shown_window, Qt.Key.Key_Escape)


def test_the_stylesheet_ships_and_resolves_its_images():
    qss = load_stylesheet()
    assert "min-height: 48px" in qss
    assert "@STYLES@" not in qss


def test_closing_can_be_refused(qtbot, shown_window):
    shown_window.setCloseAllowed(False)
    shown_window.close()
    assert shown_window.isVisible()
    shown_window.setCloseAllowed(True)
    shown_window.close()
    assert not shown_window.isVisible()


def test_the_window_banner_and_busy_layer_speak_english_and_back(qtbot, window: MainWindow):
    screen = window.show_topup()
    screen.setBusy(True)  # the layer's own words
    busy = child(screen, QLabel, "topupBusyMessage")
    cancel = child(screen, QPushButton, "topupBusyCancelButton")
    assert (busy.text(), cancel.text()) == ("Un momento, por favor…", "Cancelar")
    assert window.windowTitle() == "Recargas y paquetes"
    status = child(window, QLabel, "statusStoreLabel").text()

    speak("en")
    assert window.windowTitle() == "Top-ups and packs"
    banner = child(window, QLabel, "sandboxBanner")
    assert banner.text() == "SANDBOX — test payments, no real money is charged"
    assert banner.accessibleName() == banner.text()
    assert (busy.text(), cancel.text()) == ("One moment, please…", "Cancel")
    assert child(window, QLabel, "statusStoreLabel").text() == status  # names are data
    screen.setBusy(True, "Un mensaje del controlador")
    speak("es")
    assert busy.text() == "Un mensaje del controlador", "the caller's words stay as given"
    assert window.windowTitle() == "Recargas y paquetes"
    assert banner.text() == "SANDBOX — pagos de prueba, no se cobra dinero real"


def test_key_hints_survive_a_language_switch(qtbot, window: MainWindow):
    back = child(window.topup, QPushButton, "topupBackButton")
    assert back.text() == "Volver  (Esc)"
    speak("en")
    assert back.text() == "Back  (Esc)"
    window.setCounterMode(False)
    assert back.text() == "Back"
    speak("es")
    assert back.text() == "Volver"
    window.setCounterMode(True)
    assert back.text() == "Volver  (Esc)"


def _gateways_at(sandbox: SandboxServer, public_key: str) -> Config:
    """The test folders' config with every gateway set to ``sandbox``, under ``public_key``."""
    config = load_config()
    urls = sandbox.client_settings()
    keys = sandbox.keys
    return dataclasses.replace(
        config,
        pse=PseGatewayConfig(
            base_url=urls["pse_base_url"],
            checkout_base_url=urls["pse_checkout_base_url"],
            public_key=public_key,
            private_key=keys.private_key,
            integrity_secret=keys.integrity_secret,
            events_secret=keys.events_secret,
        ),
        topups=TopupGatewayConfig(
            base_url=urls["topups_base_url"],
            auth_url=urls["topups_auth_url"],
            audience=urls["topups_audience"],
            client_id=keys.topup_client_id,
            client_secret=keys.topup_client_secret,
        ),
        lines=LinesGatewayConfig(base_url=urls["lines_base_url"], api_key=keys.lines_api_key),
    )


@pytest.mark.parametrize(
    ("public_key", "banner"), [("pub_test_kiosk", True), ("pub_prod_x", False)]
)
def test_the_banner_shows_whenever_test_keys_are_in_use(
    qtbot, sandbox: SandboxServer, public_key: str, banner: bool
) -> None:
    """A configured gateway (no embedded sandbox) with test keys moves no real money either."""
    config = _gateways_at(sandbox, public_key)
    assert not config.uses_sandbox
    context = build_app(config, embed_sandbox=False)
    try:
        qtbot.addWidget(context.window)
        assert context.sandbox is None
        assert context.window.isSandboxShown() is banner
    finally:
        context.close()
