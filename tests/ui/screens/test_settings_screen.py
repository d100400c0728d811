"""The settings screen on the real settings and staff services (the config file and the
staff file in the test's folders): every setting shown, a refusal field by field with
nothing saved, keys never shown, what applies now and what at the next start, the clerks."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kiosk.config import Config, load_config
from kiosk.controllers.language import describe, text
from kiosk.controllers.settings import SettingsController
from kiosk.controllers.staff import StaffController
from kiosk.domain.errors import KioskError
from kiosk.domain.settings import FIELDS, LABELS
from kiosk.domain.text import Text
from kiosk.services.settings import SettingsService
from kiosk.services.staff import StaffService, StaffStore
from tests.support.clocks import FakeClock
from tests.support.widgets import child, click
from tests.ui.helpers import speak
from ui.main_window import MainWindow
from ui.screens.settings import SettingsScreen, field_part

pytestmark = pytest.mark.gui

WAIT_MS = 10_000
#: A key as a gateway would give it: it must never be on screen.
PRIVATE_KEY = "prv_test_Zq8sW2mKeyNeverShown"
GOOD_NIT = "900123456-8"
BAD_NIT = "900123456-1"


@dataclasses.dataclass
class Form:
    screen: SettingsScreen
    settings: SettingsController
    staff: StaffController
    service: SettingsService
    path: Path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 14, 15, 0, tzinfo=UTC))


@pytest.fixture
def config() -> Config:
    """The test folders' config, with a gateway's private key set (in memory)."""
    loaded = load_config()
    return dataclasses.replace(loaded, pse=dataclasses.replace(loaded.pse, private_key=PRIVATE_KEY))


def _connect(screen: SettingsScreen, settings: SettingsController, staff: StaffController) -> None:
    """As the app's wiring does (ui/wiring.py)."""
    screen.saveRequested.connect(settings.save)
    settings.formReady.connect(lambda form: screen.setValues(form.values, form.keys_set))
    settings.refused.connect(screen.setFieldErrors)
    settings.failed.connect(screen.setError)
    settings.saved.connect(lambda result: screen.setSaved(result.applied, result.need_restart))
    settings.applied.connect(lambda form: screen.setValues(form.values, form.keys_set))
    settings.busyChanged.connect(lambda busy: screen.setBusy(busy, "", cancellable=False))
    screen.clerkAddRequested.connect(staff.add_clerk)
    screen.clerkPinRequested.connect(staff.set_pin)
    screen.clerkRemoveRequested.connect(staff.remove_clerk)
    staff.clerksReady.connect(screen.setClerks)
    staff.clerkSaved.connect(screen.clerkAdded)
    staff.failed.connect(lambda message: screen.setClerkMessage(message, "error"))


@pytest.fixture
def form(
    qtbot: Any, shown_window: MainWindow, config: Config, clock: FakeClock, tmp_path: Path
) -> Iterator[Form]:
    path = config.config_dir / "config.toml"
    service = SettingsService(config, path, clock, env={})
    settings = SettingsController(service)
    store = StaffStore(tmp_path / "staff-config", tmp_path / "staff-data", test_keys=True)
    staff = StaffController(StaffService(store, clock))
    screen = shown_window.show_settings()
    _connect(screen, settings, staff)
    with qtbot.waitSignal(settings.formReady, timeout=WAIT_MS):
        settings.load()
    with qtbot.waitSignal(staff.clerksReady, timeout=WAIT_MS):
        staff.load_clerks()
    yield Form(screen, settings, staff, service, path)


def _type(qtbot: Any, form: Form, name: str, value: str) -> None:
    field = form.screen.fieldInput(name)
    if isinstance(field, QPlainTextEdit):
        field.setPlainText(value)
        return
    assert isinstance(field, QLineEdit)
    field.clear()
    qtbot.keyClicks(field, value)


def _save(qtbot: Any, form: Form, signal: Any) -> None:
    with qtbot.waitSignal(signal, timeout=WAIT_MS):
        click(qtbot, child(form.screen, QAbstractButton, "settingsContinueButton"))
    qtbot.waitUntil(lambda: not form.settings.is_busy(), timeout=WAIT_MS)


def _everything_shown(root: QWidget) -> list[str]:
    """Every text a person could read on ``root``: labels, buttons, fields, placeholders."""
    shown: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text())
        if isinstance(widget, QLineEdit):
            shown += [widget.text(), widget.displayText(), widget.placeholderText()]
        if isinstance(widget, QPlainTextEdit):
            shown.append(widget.toPlainText())
        shown += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    return shown


def test_every_setting_has_its_row_in_its_group(form: Form) -> None:
    screen = form.screen
    for group in ("business", "payments", "printer", "limits", "staff"):
        assert child(screen, QWidget, f"settingsGroup_{group}").title()
    for setting in FIELDS:
        part = field_part(setting.name)
        child(screen, QWidget, f"settings{part}Input")
        caption = child(screen, QLabel, f"settings{part}Caption")
        assert caption.text() == text(Text(LABELS, setting.label))
    assert child(screen, QLineEdit, "settingsStoreNitInput").text() == GOOD_NIT
    assert child(screen, QLineEdit, "settingsKioskNameInput").text() == "Caja 1"
    assert screen.changes() == {}, "nothing changed yet"


def test_a_bad_nit_and_inverted_limits_are_refused_field_by_field(qtbot: Any, form: Form) -> None:
    _type(qtbot, form, "store.nit", BAD_NIT)
    _type(qtbot, form, "limits.topup_min_pesos", "200000")
    _type(qtbot, form, "store.name", "Otra tienda")
    _save(qtbot, form, form.settings.refused)
    screen = form.screen
    assert screen.fieldError("store.nit")
    assert child(screen, QLabel, "settingsErrorStoreNit").isVisible()
    assert screen.fieldError("limits.topup_min_pesos")
    assert screen.fieldError("store.name") == "", "a good field has no error"
    assert "No se guardó nada" in screen.messageText()
    assert not form.path.exists(), "nothing written"
    assert form.service.config.store.name != "Otra tienda"


def test_an_unknown_operator_is_refused_under_its_field(qtbot: Any, form: Form) -> None:
    """Sales are matched by brand: a typo would silently stop that operator's sales."""
    screen = form.screen
    placeholder = child(screen, QLineEdit, "settingsCatalogueOperatorsInput").placeholderText()
    assert "Claro, Movistar, Tigo, WOM" in placeholder
    _type(qtbot, form, "catalogue.operators", "claro, Movistr")
    _save(qtbot, form, form.settings.refused)
    error = screen.fieldError("catalogue.operators")
    assert "«Movistr»" in error and "Claro, Movistar, Tigo, WOM" in error
    assert child(screen, QLabel, "settingsErrorCatalogueOperators").isVisible()
    assert not form.path.exists(), "nothing written"

    _type(qtbot, form, "catalogue.operators", "claro, movistar")
    _save(qtbot, form, form.settings.saved)
    assert screen.fieldError("catalogue.operators") == ""
    assert tomllib.loads(form.path.read_text(encoding="utf-8"))["catalogue"]["operators"] == [
        "Claro",
        "Movistar",
    ]
    assert child(screen, QLineEdit, "settingsCatalogueOperatorsInput").text() == "Claro, Movistar"


def test_the_float_threshold_takes_grouped_digits_in_the_accounts_currency(
    qtbot: Any, form: Form
) -> None:
    screen = form.screen
    caption = child(screen, QLabel, "settingsLimitsFloatWarningBelowCaption").text()
    assert "en la moneda de esa cuenta" in caption
    field = child(screen, QLineEdit, "settingsLimitsFloatWarningBelowInput")
    assert "moneda de la cuenta" in field.placeholderText()
    _type(qtbot, form, "limits.float_warning_below", "500.000")
    _save(qtbot, form, form.settings.saved)
    assert screen.fieldError("limits.float_warning_below") == ""
    saved = tomllib.loads(form.path.read_text(encoding="utf-8"))
    assert saved["limits"]["float_warning_below"] == 500_000
    assert form.service.config.limits.float_warning_below == 500_000


def test_keys_are_never_shown(qtbot: Any, form: Form) -> None:
    screen = form.screen
    key_field = child(screen, QLineEdit, "settingsPsePrivateKeyInput")
    assert key_field.text() == "" and key_field.echoMode() == QLineEdit.EchoMode.Password
    assert key_field.placeholderText() == "Escriba para reemplazar"
    assert child(screen, QLabel, "settingsPsePrivateKeyState").text() == "Configurada"
    assert child(screen, QLabel, "settingsPseEventsSecretState").text() == "Sin configurar"
    assert not any(PRIVATE_KEY in shown for shown in _everything_shown(shown_root(screen)))

    # A new key replaces the old one in the file, and is not shown either.
    new_key = "prv_test_AnotherKeyNeverShown"
    _type(qtbot, form, "pse.private_key", new_key)
    assert screen.changes() == {"pse.private_key": new_key}
    _save(qtbot, form, form.settings.saved)
    assert tomllib.loads(form.path.read_text(encoding="utf-8"))["pse"]["private_key"] == new_key
    assert key_field.text() == ""
    everything = _everything_shown(shown_root(screen))
    assert not any(new_key in shown or PRIVATE_KEY in shown for shown in everything)


def shown_root(screen: SettingsScreen) -> QWidget:
    window = screen.window()
    assert isinstance(window, QWidget)
    return window


def test_a_save_says_what_applies_now_and_what_at_the_next_start(qtbot: Any, form: Form) -> None:
    _type(qtbot, form, "store.name", "Drogueria Nueva")
    _type(qtbot, form, "pse.base_url", "https://pse.example.com/v1")
    _save(qtbot, form, form.settings.saved)
    message = form.screen.messageText()
    assert "Ya en uso: Nombre de la tienda." in message
    assert "Se aplicarán al reiniciar la aplicación: Dirección de la pasarela PSE." in message
    saved = tomllib.loads(form.path.read_text(encoding="utf-8"))
    assert saved["store"]["name"] == "Drogueria Nueva"
    assert saved["pse"]["base_url"] == "https://pse.example.com/v1"
    assert form.path.stat().st_mode & 0o777 == 0o600
    # The form is shown as now kept: nothing changed any more.
    assert form.screen.changes() == {}


def test_the_clerks_are_added_given_a_new_pin_and_removed(qtbot: Any, form: Form) -> None:
    screen = form.screen

    def names() -> list[str]:
        return [screen.clerk_list.item(i).text() for i in range(screen.clerk_list.count())]

    assert names() == ["Administrador (administrador)", "Ana"]
    qtbot.keyClicks(child(screen, QLineEdit, "settingsNewClerkNameInput"), "Beto")
    qtbot.keyClicks(child(screen, QLineEdit, "settingsNewClerkPinInput"), "4826")
    with qtbot.waitSignal(form.staff.clerksReady, timeout=WAIT_MS):
        click(qtbot, child(screen, QAbstractButton, "settingsNewClerkAddButton"))
    assert "Beto" in names()
    assert child(screen, QLineEdit, "settingsNewClerkNameInput").text() == ""

    # A PIN too simple is refused with its reason.
    screen.clerk_list.setCurrentRow(names().index("Beto"))
    qtbot.keyClicks(child(screen, QLineEdit, "settingsClerkPinInput"), "1111")
    with qtbot.waitSignal(form.staff.failed, timeout=WAIT_MS):
        click(qtbot, child(screen, QAbstractButton, "settingsClerkPinButton"))
    assert screen.clerkMessage() == describe(KioskError("pin.too_simple"))

    screen.clerk_list.setCurrentRow(names().index("Beto"))
    with qtbot.waitSignal(form.staff.clerksReady, timeout=WAIT_MS):
        click(qtbot, child(screen, QAbstractButton, "settingsClerkRemoveButton"))
    assert "Beto" not in names()


def test_the_form_speaks_english(form: Form) -> None:
    screen = form.screen
    speak("en")
    try:
        assert child(screen, QWidget, "settingsGroup_business").title() == "Business"
        assert child(screen, QLabel, "settingsPsePrivateKeyState").text() == "Set"
        caption = child(screen, QLabel, "settingsStoreNameCaption").text()
        assert caption and caption != "Nombre de la tienda"
    finally:
        speak("es")
