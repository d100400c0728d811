"""The back office's screenshot scenes (sign-in, settings) for tools/screenshots.py (40–43).

Each scene sets the window up with sample data, as the app's wiring would: the demo PINs
under the SANDBOX banner, a lock counting down, the settings form with the defaults of a
new store (a gateway key set, never shown), and a refused NIT.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kiosk.config import Config
from kiosk.controllers.language import describe
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Clerk
from kiosk.services.settings import values_of
from ui.main_window import MainWindow
from ui.wiring import demo_pins_text

#: The clerk signed in on the back office's shots.
CLERK = "Ana"
SAMPLE_CLERKS = (
    Clerk("a1", "Administrador", True),
    Clerk("b2", "Ana", False),
    Clerk("c3", "Carlos Pérez", False),
)


def sign_in(window: MainWindow) -> None:
    window.setClerk("")
    screen = window.show_sign_in()
    screen.setDemoNote(demo_pins_text())
    screen.entry.field.setText("11")


def sign_in_locked(window: MainWindow) -> None:
    window.setClerk("")
    screen = window.show_sign_in()
    screen.setDemoNote(demo_pins_text())
    screen.setLocked(47)


def _settings(window: MainWindow) -> None:
    window.setClerk(CLERK)
    window.setBackOfficeVisible(True)
    folder = Path(tempfile.gettempdir())
    config = Config(config_dir=folder, data_dir=folder, kiosk_id="sample")
    values = values_of(config)
    values["store.name"] = "Droguería La Esquina"
    values["store.contact"] = "Línea de reclamos 601 555 0100"
    screen = window.show_settings()
    screen.setValues(values, {"pse.private_key": True, "topups.client_secret": True})
    screen.setClerks(SAMPLE_CLERKS)


def settings(window: MainWindow) -> None:
    _settings(window)


def settings_refused(window: MainWindow) -> None:
    _settings(window)
    screen = window.settings
    nit = screen.fieldInput("store.nit")
    nit.setProperty("text", "900123456-1")
    screen.setFieldErrors(
        {"store.nit": describe(ValidationError("settings.nit_check_digit", nit="900123456-1"))}
    )
