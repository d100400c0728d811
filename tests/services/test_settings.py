"""Settings: every field checked on its own (all errors at once, nothing written), keys
write-only, an atomic save that keeps the previous file, live versus next-start changes."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.config import Config, load_config
from kiosk.controllers.language import describe
from kiosk.domain.errors import ConfigError, KioskError
from kiosk.domain.settings import FIELDS, LIVE, SECRETS
from kiosk.services.settings import SaveResult, SettingsRefused, SettingsService

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
POSIX = sys.platform != "win32"
SECRET = "prv_prod_Zq8sK3yT"  # a private key that must never be shown


def _write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    os.chmod(path, 0o600)


@pytest.fixture
def config_path(isolated_dirs: dict[str, Path]) -> Path:
    path = isolated_dirs["config"] / "config.toml"
    _write(
        path,
        "# the store's own file\n"
        'kiosk_name = "Caja 2"\n'
        '[store]\nname = "Tienda Peña"\n'
        f'[pse]\nbase_url = "https://sandbox.wompi.co/v1"\npublic_key = "pub_test_x"\n'
        f'private_key = "{SECRET}"\n',
    )
    return path


@pytest.fixture
def events() -> list[tuple[str, Mapping[str, object]]]:
    return []


@pytest.fixture
def service(config_path: Path, events: list[tuple[str, Mapping[str, object]]]) -> SettingsService:
    return SettingsService(
        load_config(env={}),
        config_path,
        lambda: NOW,
        journal_event=lambda event, data: events.append((event, data)),
        env={},
    )


def test_the_form_has_every_value_but_the_keys(service: SettingsService) -> None:
    form = service.current()
    assert form.values["kiosk_name"] == "Caja 2"
    assert form.values["store.name"] == "Tienda Peña"
    assert form.values["store.nit"] == "900123456-8"
    assert form.values["printer.paper_mm"] == 80
    assert form.values["limits.topup_presets_pesos"] == (2_000, 5_000, 10_000, 20_000, 50_000)
    assert set(form.values) | set(form.keys_set) == {field.name for field in FIELDS}
    assert form.keys_set == {
        "pse.private_key": True,
        "pse.integrity_secret": False,
        "pse.events_secret": False,
        "topups.client_secret": False,
        "lines.api_key": False,
    }
    assert set(form.keys_set) == SECRETS
    assert SECRET not in repr(form) and SECRET not in str(form.values)


BAD_VALUES = [
    ("store.business_name", "   ", "settings.required", "vacío"),
    ("store.business_name", "x" * 121, "settings.too_long", "120 caracteres"),
    ("store.nit", "900123456-7", "settings.nit_check_digit", "dígito de verificación"),
    ("store.nit", "900123456", "settings.nit_format", "no es un NIT"),
    ("store.name", "Tienda\nPeña", "settings.control_characters", "caracteres"),
    ("store.name", "Tienda\ud800Peña", "settings.control_characters", "caracteres"),
    ("kiosk_name", "", "settings.required", "vacío"),
    ("kiosk_name", "Caja 3105551234", "staff.name_personal", "teléfono"),
    ("store.contact", "x" * 201, "settings.too_long", "200 caracteres"),
    ("store.privacy_notice", "a\x00b", "settings.control_characters", "caracteres"),
    ("journal.retention_days", "0", "settings.too_small", "al menos 1"),
    ("journal.retention_days", "cien", "settings.not_a_number", "no es un número entero"),
    ("pse.base_url", "ftp://sandbox.wompi.co", "settings.bad_url", "dirección web"),
    ("pse.checkout_base_url", "https://", "settings.bad_url", "dirección web"),
    ("topups.auth_url", "https://user:pw@auth.example", "settings.bad_url", "dirección web"),
    ("lines.base_url", "not a url", "settings.bad_url", "dirección web"),
    ("pse.private_key", "two\nlines", "settings.bad_key", "llave"),
    ("printer.target", "usb:zz:01", "settings.printer_target", "impresora"),
    ("printer.target", "tcp:host:99999", "settings.printer_target", "impresora"),
    ("printer.paper_mm", "70", "settings.paper", "58 u 80"),
    ("printer.paper_mm", "ancho", "settings.paper", "58 u 80"),
    ("ui.idle_seconds", " ", "settings.required", "vacío"),
    ("ui.language", "fr", "settings.language", "idioma"),
    ("catalogue.operators", ["Claro", "claro"], "settings.repeated", "repetido"),
    ("catalogue.operators", "claro, foo", "settings.operator_unknown", "«foo»"),
    ("catalogue.operators", "Movistr", "settings.operator_unknown", "Claro, Movistar, Tigo, WOM"),
    ("limits.float_warning_below", "1,5", "settings.not_a_number", "número entero"),
    ("limits.float_warning_below", "1.0000", "settings.not_a_number", "número entero"),
    ("ui.idle_seconds", "5", "settings.too_small", "al menos 10"),
    ("limits.topup_presets_pesos", "2.000, 0", "settings.preset_zero", "mayor que cero"),
    ("limits.topup_presets_pesos", "2.000, 500.000", "settings.preset_outside", "fuera"),
    ("limits.topup_min_pesos", "-5", "money.negative", "negativ"),
    ("limits.topup_max_pesos", "10,5", "money.decimals", ""),
    ("limits.topup_min_pesos", "200.000", "settings.inverted", "mayor que la máxima"),
    ("limits.line_daily_count", "-1", "settings.negative", "negativo"),
    ("limits.line_daily_pesos", "0", "settings.too_small", "al menos $"),
    ("limits.kiosk_hourly_count", 0, "settings.too_small", "al menos 1"),
    ("limits.kiosk_hourly_pesos", True, "settings.not_a_number", "número entero"),
    ("limits.float_warning_below", "-100", "settings.negative", "negativo"),
    ("shop.colour", "red", "settings.unknown_field", "no es un ajuste"),
]


@pytest.mark.parametrize(("name", "value", "code", "words"), BAD_VALUES)
def test_each_bad_value_is_refused_with_its_own_message(
    service: SettingsService, config_path: Path, name: str, value: object, code: str, words: str
) -> None:
    before = config_path.read_bytes()
    with pytest.raises(SettingsRefused) as caught:
        service.save({name: value})
    error = caught.value.errors[name]
    assert error.code == code
    said = describe(error)
    assert words in said and "inesperado" not in said
    assert config_path.read_bytes() == before
    assert not (config_path.parent / "config.toml.bak").exists()


def test_every_error_comes_at_once_and_nothing_is_written(
    service: SettingsService, config_path: Path, events: list[object]
) -> None:
    before = config_path.read_bytes()
    with pytest.raises(SettingsRefused) as caught:
        service.save(
            {
                "store.nit": "900.123.456-1",
                "printer.target": "serial:/dev/ttyUSB0:123",
                "limits.topup_min_pesos": "5.000",  # fine alone, but above the new maximum
                "limits.topup_max_pesos": "2.000",
                "store.name": "Tienda Nueva",  # fine: still not saved
            }
        )
    assert set(caught.value.errors) == {
        "store.nit",
        "printer.target",
        "limits.topup_min_pesos",
        "limits.topup_max_pesos",
    }
    assert describe(caught.value) == "No se guardó nada: revise los 4 campos marcados."
    assert config_path.read_bytes() == before
    assert sorted(p.name for p in config_path.parent.iterdir()) == ["config.toml", "machine.toml"]
    assert service.current().values["store.name"] == "Tienda Peña"
    assert events == []


def test_a_change_against_a_value_kept_is_refused(service: SettingsService) -> None:
    with pytest.raises(SettingsRefused) as caught:
        service.save({"limits.topup_max_pesos": "4.000"})  # presets go up to 50.000
    assert set(caught.value.errors) == {"limits.topup_presets_pesos"}


def test_a_save_applies_what_it_can_and_says_what_waits(
    service: SettingsService,
    config_path: Path,
    events: list[tuple[str, Mapping[str, object]]],
) -> None:
    saved: list[tuple[Config, SaveResult]] = []
    service = SettingsService(
        service.config,
        config_path,
        lambda: NOW,
        on_saved=lambda config, result: saved.append((config, result)),
        journal_event=lambda event, data: events.append((event, data)),
        env={},
    )
    result = service.save(
        {
            "store.business_name": "Peña y Cía S.A.S.",
            "store.nit": "800.197.268-4",
            "printer.target": "tcp:192.168.1.50:9100",
            "printer.paper_mm": "58",
            "ui.language": "en",
            "limits.float_warning_below": "250",
            "limits.line_daily_count": "3",
            "limits.topup_max_pesos": "90000",
            "ui.idle_seconds": 90,
            "store.name": "Tienda Peña",  # unchanged: neither applied nor waiting
        }
    )
    assert result.applied == {
        "store.business_name",
        "store.nit",
        "printer.target",
        "printer.paper_mm",
        "ui.language",
        "limits.float_warning_below",
        "limits.line_daily_count",
        "ui.idle_seconds",
    }
    assert result.need_restart == {"limits.topup_max_pesos"}
    assert result.applied <= LIVE and not result.need_restart & LIVE
    config = service.config
    assert config.store.nit == "800197268-4"
    assert (config.printer.target, config.printer.paper_mm) == ("tcp:192.168.1.50:9100", 58)
    assert (config.ui.language, config.ui.idle_seconds) == ("en", 90)
    assert config.limits.line_daily_count == 3
    assert saved == [(config, result)]
    assert events == [("settings.changed", {"fields": sorted(result.changed)})]


def test_the_saved_file_loads_back_the_same(service: SettingsService, config_path: Path) -> None:
    service.save(
        {
            "store.privacy_notice": 'Sus datos: "Ley 1581".\nEscríbanos a datos@tienda.co \\ ñ',
            "store.contact": "Línea 601 555 0101 — reclamos@tienda.co",
            "catalogue.operators": "Claro, Movistar",
            "limits.topup_presets_pesos": "3.000, 1.500, 20.000",
            "limits.topup_min_pesos": 1_500,
            "limits.kiosk_hourly_pesos": "2.500.000",
            "topups.base_url": "https://topups.example.com",
            "topups.client_secret": "s3cr3t\"'\\",
            "journal.retention_days": "90",
        }
    )
    loaded = load_config(env={})
    assert loaded == service.config
    assert loaded.store.privacy_notice.startswith('Sus datos: "Ley 1581".\nEscríbanos')
    assert loaded.catalogue.operators == ("Claro", "Movistar")
    assert loaded.limits.topup_presets_pesos == (1_500, 3_000, 20_000)
    assert loaded.topups.client_secret == "s3cr3t\"'\\"
    # What the file said before stays: the kiosk's name, the store's name, the gateway.
    assert (loaded.kiosk_name, loaded.store.name) == ("Caja 2", "Tienda Peña")
    assert loaded.pse.private_key == SECRET and loaded.pse.public_key == "pub_test_x"


def test_the_operators_sold_are_known_brands_in_their_own_spelling(
    service: SettingsService, config_path: Path
) -> None:
    """Sales are matched by brand: "Movistr" would silently stop every Movistar sale."""
    before = config_path.read_bytes()
    with pytest.raises(SettingsRefused) as caught:
        service.save({"catalogue.operators": "Claro, Movistr"})
    error = caught.value.errors["catalogue.operators"]
    assert describe(error) == (
        "«Movistr» no es un operador conocido: escriba uno de estos: Claro, Movistar, Tigo, WOM."
    )
    assert config_path.read_bytes() == before

    service.save({"catalogue.operators": " movistar, CLARO ,wom,tigo"})
    assert service.config.catalogue.operators == ("Movistar", "Claro", "WOM", "Tigo")
    assert load_config(env={}).catalogue.operators == ("Movistar", "Claro", "WOM", "Tigo")


def test_an_unknown_operator_in_the_file_is_a_clear_config_error(config_path: Path) -> None:
    _write(config_path, '[catalogue]\noperators = ["Claro", "Movistr"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(env={})
    assert caught.value.code == "config.bad_value"
    assert caught.value.params["key"] == "operators"
    said = describe(caught.value)
    assert said.startswith("Configuración: la clave «operators» de «catalogue» no sirve")
    assert "«Movistr»" in said and "Claro, Movistar, Tigo, WOM" in said


@pytest.mark.parametrize(
    ("typed", "kept"), [("500.000", 500_000), ("1.000", 1_000), ("1000", 1_000), (250, 250)]
)
def test_the_float_threshold_takes_grouped_digits(
    service: SettingsService, typed: object, kept: int
) -> None:
    service.save({"limits.float_warning_below": typed})
    assert service.config.limits.float_warning_below == kept
    assert isinstance(service.config.limits.float_warning_below, int)
    assert load_config(env={}).limits.float_warning_below == kept


def test_the_float_threshold_says_its_currency() -> None:
    from kiosk.controllers.language import text
    from kiosk.domain.settings import FIELDS_BY_NAME, LABELS
    from kiosk.domain.text import Text

    label = text(Text(LABELS, FIELDS_BY_NAME["limits.float_warning_below"].label))
    assert "moneda de esa cuenta" in label


def test_the_previous_file_is_kept_and_both_are_private(
    service: SettingsService, config_path: Path
) -> None:
    before = config_path.read_bytes()
    service.save({"store.name": "Tienda Nueva"})
    backup = config_path.parent / "config.toml.bak"
    assert backup.read_bytes() == before
    service.save({"store.name": "Tienda Otra"})
    assert b"Tienda Nueva" in backup.read_bytes()
    if POSIX:
        assert stat.S_IMODE(config_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert sorted(p.name for p in config_path.parent.iterdir()) == [
        "config.toml",
        "config.toml.bak",
        "machine.toml",
    ]


def test_a_first_save_with_no_file_yet(isolated_dirs: dict[str, Path]) -> None:
    path = isolated_dirs["config"] / "config.toml"
    service = SettingsService(load_config(env={}), path, lambda: NOW, env={})
    service.save({"kiosk_name": "Caja 9"})
    assert load_config(env={}).kiosk_name == "Caja 9"
    assert not (path.parent / "config.toml.bak").exists()


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failure_mid_write_leaves_the_old_file(
    service: SettingsService, config_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before = config_path.read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(f"kiosk.services.config_file.os.{step}", fail)
    with pytest.raises(KioskError) as caught:
        service.save({"store.name": "Tienda Nueva"})
    assert caught.value.code == "settings.save_failed"
    assert "No space left" in describe(caught.value)
    assert config_path.read_bytes() == before
    assert service.current().values["store.name"] == "Tienda Peña"
    leftovers = {p.name for p in config_path.parent.iterdir()} - {"machine.toml", "config.toml"}
    assert leftovers <= {"config.toml.bak"}


def test_keys_are_write_only(
    service: SettingsService,
    config_path: Path,
    caplog: pytest.LogCaptureFixture,
    events: list[tuple[str, Mapping[str, object]]],
) -> None:
    caplog.set_level(logging.DEBUG)
    # Left empty: the key there is stays.
    result = service.save({"pse.private_key": "", "store.name": "Tienda Nueva"})
    assert "pse.private_key" not in result.changed
    assert load_config(env={}).pse.private_key == SECRET
    # Given: it replaces the key, and still is only "set".
    result = service.save({"pse.private_key": "prv_prod_New1", "lines.api_key": "lk_9"})
    assert result.need_restart == {"pse.private_key", "lines.api_key"}
    assert load_config(env={}).pse.private_key == "prv_prod_New1"
    form = service.current()
    assert form.keys_set["pse.private_key"] and form.keys_set["lines.api_key"]
    shown = repr(form) + repr(result) + repr(events) + caplog.text
    for key in (SECRET, "prv_prod_New1", "lk_9"):
        assert key not in shown
        assert key not in repr(service.config)


def test_a_key_from_the_environment_is_changed_there(config_path: Path) -> None:
    env = {"KIOSK_TOPUP_CLIENT_SECRET": "from-env"}
    service = SettingsService(load_config(env=env), config_path, lambda: NOW, env=env)
    assert service.current().keys_set["topups.client_secret"]
    with pytest.raises(SettingsRefused) as caught:
        service.save({"topups.client_secret": "typed"})
    error = caught.value.errors["topups.client_secret"]
    assert error.code == "settings.key_in_environment"
    assert "KIOSK_TOPUP_CLIENT_SECRET" in describe(error)
    # The environment's secret never lands in the file.
    service.save({"store.name": "Tienda Nueva"})
    assert "from-env" not in config_path.read_text(encoding="utf-8")


def test_nothing_changed_writes_nothing(
    service: SettingsService, config_path: Path, events: list[object]
) -> None:
    before = config_path.read_bytes()
    result = service.save({"store.name": " Tienda Peña ", "printer.paper_mm": 80})
    assert result == SaveResult(frozenset(), frozenset())
    assert config_path.read_bytes() == before and events == []


def test_a_refusal_in_english(service: SettingsService, english: None) -> None:
    with pytest.raises(SettingsRefused) as caught:
        service.save({"store.nit": "900123456-7", "printer.paper_mm": 70})
    assert describe(caught.value.errors["store.nit"]) == (
        "The check digit of the NIT 900123456-7 does not match: check the number."
    )
    assert describe(caught.value) == "Nothing was saved: check the 2 fields marked."


def test_every_label_is_translated(english: None) -> None:
    from kiosk.controllers.language import text
    from kiosk.domain.settings import LABELS
    from kiosk.domain.text import Text

    for field in FIELDS:
        assert text(Text(LABELS, field.label)) != field.label or field.label == "NIT", field.name
