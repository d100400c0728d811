"""Configuration: defaults without a file, the TOML file, environment secrets, identity."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.controllers.language import describe
from kiosk.domain.errors import ConfigError
from kiosk.messages import SOURCES


def test_defaults_need_no_file(isolated_dirs: dict[str, Path]) -> None:
    config = load_config()
    assert config.uses_sandbox
    assert config.limits.topup_min_pesos == 1_000
    assert config.limits.topup_max_pesos == 100_000
    assert config.journal_url == f"sqlite:///{isolated_dirs['data'] / 'journal.sqlite3'}"
    assert config.mode == "counter"
    assert config.ui.language == "es"
    # PRODUCT.md's timing: a QR lives 10 minutes; polls every second for 2 minutes, then
    # every 5 seconds; reconciliation every 3 minutes for 24 hours; lines kept 180 days.
    payment = config.payment
    assert payment.checkout_ttl_seconds == 600
    assert (payment.poll_fast_seconds, payment.poll_fast_window_seconds) == (1.0, 120)
    assert payment.poll_slow_seconds == 5.0
    assert (payment.reconcile_every_seconds, payment.reconcile_window_hours) == (180, 24)
    assert config.journal.retention_days == 180
    assert (config.payment.default_mode_counter, config.payment.default_mode_kiosk) == (
        "assisted",
        "checkout",
    )


def test_kiosk_id_and_line_secret_are_created_once_and_kept_private(
    isolated_dirs: dict[str, Path],
) -> None:
    first = load_config()
    second = load_config()
    assert first.kiosk_id == second.kiosk_id
    assert first.line_secret == second.line_secret and len(first.line_secret) == 64
    machine = isolated_dirs["config"] / "machine.toml"
    assert stat.S_IMODE(machine.stat().st_mode) == 0o600
    assert first.line_secret.decode() not in repr(first)


def test_file_values_and_environment_secrets(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = isolated_dirs["config"] / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text(
        'mode = "kiosk"\n'
        "[limits]\ntopup_min_pesos = 2000\ntopup_presets_pesos = [3000, 6000]\n"
        '[pse]\nbase_url = "https://production.example/v1"\npublic_key = "pub_prod_x"\n'
        "[payment]\npoll_fast_seconds = 2\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KIOSK_PSE_PRIVATE_KEY", "prv_prod_secret")
    config = load_config()
    assert config.mode == "kiosk"
    assert config.limits.topup_min_pesos == 2000
    assert config.limits.topup_presets_pesos == (3000, 6000)
    assert config.payment.poll_fast_seconds == 2.0
    assert not config.uses_sandbox
    assert config.pse.private_key == "prv_prod_secret"
    assert "prv_prod_secret" not in repr(config)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("[limits]\ntopup_min_pesos = 'mil'\n", "config.wrong_type"),
        ("[limits]\ntopup_min_pesos = true\n", "config.wrong_type"),
        ("[limits]\nunknown = 1\n", "config.unknown_key"),
        ("colour = 'red'\n", "config.unknown_key"),
        ("mode = 'arcade'\n", "config.bad_mode"),
        ("[ui]\nlanguage = 'fr'\n", "config.bad_language"),
        ("[ui]\nlanguage = 1\n", "config.wrong_type"),
        # The language lives in [ui] only.
        ("language = 'en'\n", "config.unknown_key"),
        ("[limits\n", "config.invalid_toml"),
        ("limits = 3\n", "config.section_not_table"),
    ],
)
def test_bad_files_get_their_own_message(
    isolated_dirs: dict[str, Path], body: str, code: str
) -> None:
    path = isolated_dirs["config"] / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert caught.value.code == code
    assert code in SOURCES


def test_the_language_comes_from_the_ui_section(isolated_dirs: dict[str, Path]) -> None:
    path = isolated_dirs["config"] / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('[ui]\nlanguage = "en"\n', encoding="utf-8")
    assert load_config().ui.language == "en"


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nope.toml")
    assert caught.value.code == "config.missing_file"


def _config_file(isolated_dirs: dict[str, Path], body: bytes, mode: int = 0o600) -> Path:
    path = isolated_dirs["config"] / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    os.chmod(path, mode)
    return path


def test_a_file_not_in_utf8_is_named(isolated_dirs: dict[str, Path]) -> None:
    # Saved as Latin-1 by an editor that does not ask: "Tienda Peña".
    path = _config_file(isolated_dirs, '[store]\nname = "Tienda Peña"\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert caught.value.code == "config.not_utf8"
    said = describe(caught.value)
    assert str(path) in said and "UTF-8" in said


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[limits]\ntopup_min_pesos = 'mil'\n", "debe ser un número entero."),
        ("[limits]\ntopup_min_pesos = true\n", "debe ser un número entero."),
        ("[payment]\npoll_fast_seconds = 'uno'\n", "debe ser un número."),
        ("[store]\nname = 7\n", "debe ser un texto entre comillas."),
        ("kiosk_name = 7\n", "debe ser un texto entre comillas."),
        ("[limits]\ntopup_presets_pesos = 5000\n", "debe ser una lista de números"),
        ("[limits]\ntopup_presets_pesos = ['5000']\n", "debe ser una lista de números"),
    ],
)
def test_a_wrong_type_names_the_type_expected(
    isolated_dirs: dict[str, Path], body: str, expected: str
) -> None:
    _config_file(isolated_dirs, body.encode())
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert caught.value.code == "config.wrong_type"
    assert expected in describe(caught.value)


def test_a_wrong_type_in_english(isolated_dirs: dict[str, Path], english: None) -> None:
    _config_file(isolated_dirs, b"[limits]\ntopup_min_pesos = 'mil'\n")
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert describe(caught.value) == (
        "Configuration: the key “topup_min_pesos” of “limits” must be a whole number."
    )


SECRETS_IN_THE_FILE = [
    '[pse]\nprivate_key = "prv_prod_x"\n',
    '[pse]\nintegrity_secret = "x"\n',
    '[pse]\nevents_secret = "x"\n',
    '[topups]\nclient_secret = "x"\n',
    '[lines]\napi_key = "x"\n',
    # A journal URL that carries a database password is a secret too.
    '[journal]\nurl = "postgresql://kiosk:s3cret@db.local/journal"\n',
]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits (Windows has none)")
@pytest.mark.parametrize("body", SECRETS_IN_THE_FILE)
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o602])
def test_a_file_with_secrets_others_can_read_or_write_is_refused(
    isolated_dirs: dict[str, Path], body: str, mode: int
) -> None:
    path = _config_file(isolated_dirs, body.encode(), mode)
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert caught.value.code == "config.secrets_exposed"
    assert f"chmod 600 {path}" in describe(caught.value)
    os.chmod(path, 0o600)
    load_config()  # fixed as the message says


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits (Windows has none)")
def test_a_readable_file_without_secrets_is_fine(isolated_dirs: dict[str, Path]) -> None:
    body = b'[pse]\npublic_key = "pub_prod_x"\nprivate_key = ""\n'
    body += b'[journal]\nurl = "postgresql://kiosk@db.local/journal"\n'  # no password
    _config_file(isolated_dirs, body, 0o644)
    assert load_config().pse.public_key == "pub_prod_x"


@pytest.mark.parametrize(
    ("pse", "test_keys"),
    [
        ("", True),  # the embedded sandbox
        ('[pse]\nbase_url = "http://127.0.0.1:8765/v1"\npublic_key = "pub_test_kiosk"\n', True),
        ('[pse]\nbase_url = "https://production.wompi.co/v1"\npublic_key = "pub_prod_x"\n', False),
    ],
)
def test_test_keys_are_known_from_the_public_key(
    isolated_dirs: dict[str, Path], pse: str, test_keys: bool
) -> None:
    _config_file(isolated_dirs, pse.encode())
    assert load_config().uses_test_keys is test_keys


def test_the_store_printer_limits_and_idle_defaults(isolated_dirs: dict[str, Path]) -> None:
    config = load_config()
    store = config.store
    assert (store.business_name, store.nit) == ("Tienda de ejemplo S.A.S.", "900123456-8")
    assert (store.contact, store.privacy_notice) == ("", "")
    assert (config.printer.target, config.printer.paper_mm) == ("", 80)
    limits = config.limits
    assert (limits.line_daily_count, limits.line_daily_pesos) == (5, 300_000)
    assert (limits.kiosk_hourly_count, limits.kiosk_hourly_pesos) == (60, 3_000_000)
    assert limits.float_warning_below == 100
    assert config.ui.idle_seconds == 60


def test_the_new_values_come_from_the_file(isolated_dirs: dict[str, Path]) -> None:
    _config_file(
        isolated_dirs,
        '[store]\nbusiness_name = "Peña S.A.S."\nnit = "800.197.268-4"\n'
        'privacy_notice = "Ley 1581"\n'
        '[printer]\ntarget = "usb:04b8:0e15"\npaper_mm = 58\n'
        "[limits]\nline_daily_count = 2\nkiosk_hourly_pesos = 1000000\n"
        "float_warning_below = 0\n"
        "[ui]\nidle_seconds = 120\n".encode(),
    )
    config = load_config()
    assert (config.store.business_name, config.store.nit) == ("Peña S.A.S.", "800.197.268-4")
    assert config.printer == type(config.printer)(target="usb:04b8:0e15", paper_mm=58)
    assert (config.limits.line_daily_count, config.limits.kiosk_hourly_pesos) == (2, 1_000_000)
    assert config.limits.float_warning_below == 0
    assert config.ui.idle_seconds == 120


@pytest.mark.parametrize(
    ("body", "key", "reason"),
    [
        ("[printer]\npaper_mm = 70\n", "paper_mm", "58 u 80"),
        ("[printer]\ntarget = 'usb:nope'\n", "target", "La impresora «usb:nope» no se entiende"),
        ("[store]\nnit = '900123456-7'\n", "nit", "dígito de verificación"),
        ("[store]\nbusiness_name = ''\n", "business_name", "No puede quedar vacío."),
        ("[limits]\nline_daily_count = -1\n", "line_daily_count", "No puede ser negativo."),
        ("[limits]\nkiosk_hourly_pesos = -5\n", "kiosk_hourly_pesos", "No puede ser negativo."),
        ("[limits]\nfloat_warning_below = -1\n", "float_warning_below", "negativo"),
        ("[limits]\ntopup_min_pesos = 200000\n", "topup_min_pesos", "mayor que la máxima"),
        ("[limits]\ntopup_presets_pesos = [500]\n", "topup_presets_pesos", "fuera"),
        ("[ui]\nidle_seconds = 0\n", "idle_seconds", "al menos 10"),
        ("[journal]\nretention_days = 0\n", "retention_days", "al menos 1"),
        ("[pse]\nbase_url = 'wompi.co'\n", "base_url", "dirección web"),
    ],
)
def test_a_bad_value_in_the_file_is_named_with_its_reason(
    isolated_dirs: dict[str, Path], body: str, key: str, reason: str
) -> None:
    _config_file(isolated_dirs, body.encode())
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert caught.value.code == "config.bad_value"
    assert caught.value.params["key"] == key
    said = describe(caught.value)
    assert said.startswith(f"Configuración: la clave «{key}» de «")
    assert reason in said
