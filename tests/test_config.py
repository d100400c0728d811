"""Configuration: defaults without a file, the TOML file, environment secrets, identity."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.config import load_config
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
