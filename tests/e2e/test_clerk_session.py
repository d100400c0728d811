"""The clerk's shift on the whole app and the test's sandbox: the counter opens on the sign-in,
the clerk signs in with a PIN (the sandbox's demo staff), sells (the journal names the clerk),
cannot sign out in the middle of a payment, signs out; the settings behind the admin PIN,
a change that applies at once and one that waits for a restart; a kiosk has no sign-in and
leaves only with the admin PIN, behind its corner gesture."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit

from kiosk.controllers.language import describe
from kiosk.domain.errors import KioskError
from kiosk.domain.sale import SaleState
from tests.e2e.hands import DEMO_ADMIN, DEMO_CLERK, Clerk, Payer, SaleRecords
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner
from tests.e2e.kiosk_hands import admin_pin_dialog, corner_gesture
from tests.support.widgets import child
from tests.ui.helpers import speak
from ui.app import AppContext

pytestmark = pytest.mark.gui

AMOUNT = 15_000


def test_the_counter_opens_on_the_sign_in_and_the_clerk_signs_in(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx = runner.start(signed_in=False)
    window, clerk = ctx.window, runner.clerk_for(ctx)
    assert window.currentScreen() is window.sign_in
    assert not window.isBackOfficeShown(), "no back office before a sign-in"
    note = child(window, QLabel, "signInDemoNote")
    assert note.isVisible() and DEMO_CLERK.pin in note.text() and DEMO_ADMIN.pin in note.text()

    clerk.enter_pin("9876")
    qtbot.waitUntil(lambda: bool(window.sign_in.message()), timeout=WAIT_MS)
    assert window.sign_in.message() == describe(KioskError("pin.wrong", tries_left=4))
    assert window.currentScreen() is window.sign_in

    clerk.sign_in()
    assert window.isBackOfficeShown()
    assert child(window, QLabel, "statusClerkLabel").text() == f"Cajero: {DEMO_CLERK.name}"
    assert ctx.controllers.staff.clerk_name == DEMO_CLERK.name
    qtbot.waitUntil(lambda: bool(ctx.journal.events("clerk.signed_in")), timeout=WAIT_MS)
    (signed,) = ctx.journal.events("clerk.signed_in")
    assert signed.payload["clerk"] == DEMO_CLERK.name


def test_a_sale_carries_the_clerk_into_the_journal(
    app: AppContext, clerk: Clerk, records: SaleRecords
) -> None:
    clerk.sell_topup(LINE, AMOUNT)
    clerk.pay_assisted("1")  # the bank that approves by itself
    reference = app.controllers.sale.reference
    clerk.wait_result()
    assert records.state(reference) is SaleState.DELIVERED
    sale = app.journal.sale(reference)
    assert sale is not None and sale.clerk == DEMO_CLERK.name
    assert records.entries(reference)[0].payload["clerk"] == DEMO_CLERK.name


def test_no_sign_out_in_the_middle_of_a_payment(
    qtbot: Any, app: AppContext, clerk: Clerk, payer: Payer
) -> None:
    window = app.window
    clerk.sell_topup(LINE, AMOUNT)
    clerk.pay_assisted("4")  # the bank that waits for the payer
    clerk.sign_out()
    assert window.currentScreen() is window.payment
    assert "durante un pago" in window.payment.messageText()
    assert app.controllers.staff.clerk is not None

    payer.approve(payer.scan_qr())
    clerk.wait_result()
    clerk.sign_out()
    clerk.wait_for_screen(window.sign_in)
    assert app.controllers.staff.clerk is None
    assert not child(window, QLabel, "statusClerkLabel").isVisible()
    assert not window.isBackOfficeShown()
    assert app.controllers.sale.clerk == ""


def test_signing_out_of_a_sale_being_set_up_asks_first(
    qtbot: Any, app: AppContext, clerk: Clerk
) -> None:
    """On the confirm screen nothing is paid yet: "Cerrar sesión" asks before discarding."""
    window, wiring = app.window, app.wiring
    clerk.sell_topup(LINE, AMOUNT)
    assert window.currentScreen() is window.confirm

    clerk.sign_out()
    dialog = wiring.sign_out_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.text() == "Hay una venta sin terminar; ¿cerrar sesión y descartarla?"
    clerk.click(child(dialog, QAbstractButton, "signOutCancelButton"))
    qtbot.waitUntil(lambda: wiring.sign_out_dialog is None, timeout=WAIT_MS)
    assert window.currentScreen() is window.confirm, "no: the sale stays on screen"
    assert app.controllers.staff.clerk is not None
    assert app.controllers.sale.sale.request is not None

    clerk.sign_out()
    dialog = wiring.sign_out_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    clerk.click(child(dialog, QAbstractButton, "signOutConfirmButton"))
    clerk.wait_for_screen(window.sign_in)
    assert app.controllers.staff.clerk is None
    assert app.controllers.sale.sale.request is None, "the sale was discarded"


def test_the_sign_out_question_speaks_english(qtbot: Any, app: AppContext, clerk: Clerk) -> None:
    clerk.sell_topup(LINE, AMOUNT)
    clerk.sign_out()
    dialog = app.wiring.sign_out_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    speak("en")
    try:
        assert dialog.text() == "A sale is not finished yet. Sign out and discard it?"
        assert child(dialog, QAbstractButton, "signOutConfirmButton").text() == "Yes, sign out"
    finally:
        speak("es")
    assert dialog.text() == "Hay una venta sin terminar; ¿cerrar sesión y descartarla?"
    clerk.click(child(dialog, QAbstractButton, "signOutCancelButton"))
    qtbot.waitUntil(lambda: app.wiring.sign_out_dialog is None, timeout=WAIT_MS)
    assert app.window.currentScreen() is app.window.confirm


def _open_settings(qtbot: Any, app: AppContext, clerk: Clerk) -> None:
    """ "Ajustes", then the admin's PIN: first a clerk's (refused), then the admin's."""
    window = app.window
    clerk.press("backOfficeSettingsButton")
    dialog = app.wiring.admin_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    clerk.enter_pin(DEMO_CLERK.pin, prefix="admin", within=dialog)
    qtbot.waitUntil(lambda: bool(dialog.message()), timeout=WAIT_MS)
    assert dialog.message() == describe(KioskError("pin.not_admin"))
    assert window.currentScreen() is not window.settings
    clerk.enter_pin(DEMO_ADMIN.pin, prefix="admin", within=dialog)
    clerk.wait_for_screen(window.settings)
    qtbot.waitUntil(lambda: not window.settings.isBusy(), timeout=WAIT_MS)


def test_the_settings_need_the_admin_pin_and_a_save_applies_what_it_can(
    qtbot: Any, app: AppContext, clerk: Clerk
) -> None:
    window = app.window
    _open_settings(qtbot, app, clerk)
    store = child(window, QLineEdit, "settingsStoreNameInput")
    assert store.text() == app.config.store.name

    clerk.type("settingsStoreNameInput", "Drogueria La Nueva", replace=True)
    clerk.type("settingsPseBaseUrlInput", "https://pse.example.com/v1", replace=True)
    with qtbot.waitSignal(app.controllers.settings.saved, timeout=WAIT_MS):
        clerk.press("settingsContinueButton")
    message = window.settings.messageText()
    assert "Ya en uso: Nombre de la tienda." in message
    assert "Se aplicarán al reiniciar la aplicación: Dirección de la pasarela PSE." in message
    # At once: the status bar says the new name; the gateway waits for the next start.
    assert "Drogueria La Nueva" in child(window, QLabel, "statusStoreLabel").text()
    saved = tomllib.loads((app.config.config_dir / "config.toml").read_text(encoding="utf-8"))
    assert saved["store"]["name"] == "Drogueria La Nueva"
    assert app.controllers.core.gateways is not None  # the running clients are untouched
    qtbot.waitUntil(lambda: bool(app.journal.events("settings.changed")), timeout=WAIT_MS)
    (changed,) = app.journal.events("settings.changed")
    assert changed.payload["fields"] == ["pse.base_url", "store.name"]

    clerk.press("settingsBackButton")
    clerk.wait_for_screen(window.start)


def test_a_bad_nit_is_refused_and_nothing_is_saved(
    qtbot: Any, app: AppContext, clerk: Clerk
) -> None:
    _open_settings(qtbot, app, clerk)
    clerk.type("settingsStoreNitInput", "900123456-1", replace=True)
    with qtbot.waitSignal(app.controllers.settings.refused, timeout=WAIT_MS):
        clerk.press("settingsContinueButton")
    assert child(app.window, QLabel, "settingsErrorStoreNit").isVisible()
    assert not (app.config.config_dir / "config.toml").exists()


def test_a_kiosk_sells_without_a_sign_in_and_leaves_with_the_admin_pin(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx = runner.start(mode="kiosk")
    window, clerk = ctx.window, runner.clerk_for(ctx)
    # A kiosk opens on its attract screen, no sign-in, no back office in sight.
    assert window.currentScreen() is window.attract
    bar = window.back_office
    assert not bar.isVisible(), "outside admin mode a kiosk shows no back office"
    runner.customer_for(ctx).touch_attract()
    assert window.currentScreen() is window.start and not bar.isVisible()
    assert ctx.controllers.sale.clerk == "", "a kiosk's sales carry the kiosk"

    # The corner gesture asks for the admin PIN; cancelled, the kiosk stays as it was.
    corner_gesture(qtbot, window)
    qtbot.waitUntil(lambda: admin_pin_dialog(window) is not None, timeout=WAIT_MS)
    dialog = admin_pin_dialog(window)
    assert dialog is not None
    clerk.click(child(dialog, QAbstractButton, "adminPinCancelButton"))
    qtbot.waitUntil(lambda: admin_pin_dialog(window) is None, timeout=WAIT_MS)
    assert window.isVisible() and not bar.isVisible(), "cancelled: the kiosk stays"

    # With the admin PIN: admin mode, then "Salir del modo quiosco" closes the app.
    corner_gesture(qtbot, window)
    qtbot.waitUntil(lambda: admin_pin_dialog(window) is not None, timeout=WAIT_MS)
    dialog = admin_pin_dialog(window)
    assert dialog is not None
    clerk.enter_pin(DEMO_ADMIN.pin, prefix="admin", within=dialog)
    qtbot.waitUntil(lambda: bar.isVisible() and bar.exit_button.isVisible(), timeout=WAIT_MS)
    assert not bar.sign_out_button.isVisible(), "a kiosk has nobody to sign out"
    clerk.press("backOfficeExitButton")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)


def test_the_float_warning_and_the_language_apply_at_once(
    qtbot: Any, app: AppContext, clerk: Clerk
) -> None:
    window = app.window
    label = child(window, QLabel, "statusFloatLabel")
    qtbot.waitUntil(label.isVisible, timeout=WAIT_MS)
    assert not window.isFloatLow()  # the sandbox's COP 5.000.000 is over the default 100
    _open_settings(qtbot, app, clerk)
    clerk.type("settingsLimitsFloatWarningBelowInput", "10000000", replace=True)
    language = child(window, QComboBox, "settingsUiLanguageInput")
    language.setCurrentIndex(language.findData("en"))
    with qtbot.waitSignal(app.controllers.settings.saved, timeout=WAIT_MS):
        clerk.press("settingsContinueButton")
    # The float is read again and warns under the new threshold; the app speaks English.
    qtbot.waitUntil(window.isFloatLow, timeout=WAIT_MS)
    assert label.text().startswith("Low balance with the provider")
    assert label.property("role") == "floatLow"
    assert child(window, QAbstractButton, "backOfficeSignOutButton").text() == "Sign out"
    assert "In use now:" in window.settings.messageText()
