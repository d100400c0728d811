"""The `kiosk` command's words (kiosk/cli/__init__.py): in the language of ``[ui] language``
or ``--language``, argparse's own words included, and only while our parser is at work."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from kiosk.cli import build_parser, main
from kiosk.domain.sale import SaleState
from kiosk.journal import Journal
from tests.journal.helpers import drive


def test_language_en_prints_english(journal: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    drive(journal, "KEN", SaleState.PAID_NOT_DELIVERED)
    assert main(["--language", "en", "journal", "verify", "--db", journal.url]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Journal intact: {journal.entry_count()} entries, 1 sale, last hash ")
    settle = ["journal", "settle", "KNOPE", "--how", "x", "--db", journal.url]
    assert main(["--language", "en", *settle]) == 2
    assert capsys.readouterr().err == (
        "kiosk: Sale KNOPE is not in the journal. Check the reference.\n"
    )
    # Spanish, the default, on the next run.
    assert main(settle) == 2
    assert "No existe la venta KNOPE" in capsys.readouterr().err


def test_the_configured_language_is_spoken(
    journal: Journal, isolated_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_dirs["config"] / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[ui]\nlanguage = "en"\n', encoding="utf-8")
    purge = ["journal", "purge", "--db", journal.url, "--days", "30"]
    assert main(purge) == 0
    assert capsys.readouterr().out.startswith("Lines erased: 0 (of closed sales, stored before ")
    # --language wins over the configuration.
    assert main(["--language", "es", *purge]) == 0
    assert capsys.readouterr().out.startswith("Líneas borradas: 0 (de ventas cerradas")


def test_help_and_mistakes_are_in_the_language_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--language", "en", "journal", "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: kiosk journal [-h] ACTION ...")
    assert "sales journal: verify, purge lines, settle paid-not-delivered sales" in shown
    assert "check that the journal was not tampered with" in shown
    assert "show this help message and exit" in shown
    with pytest.raises(SystemExit) as done:
        main(["--language", "en", "journal", "settle"])
    assert done.value.code == 2
    refused = capsys.readouterr().err
    assert "error: the following arguments are required: REFERENCE, --how" in refused
    with pytest.raises(SystemExit):
        main(["journal", "settle"])
    assert "error: faltan estos argumentos: REFERENCIA, --how" in capsys.readouterr().err


def test_other_parsers_keep_argparse_s_own_words() -> None:
    assert build_parser().format_usage().startswith("uso: kiosk ")
    assert argparse.ArgumentParser(prog="other").format_usage().startswith("usage: other")


#: argparse's English, and the English metavars it makes from flag names.
ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help",
    "PUBLIC_KEY",
    "CLIENT_ID",
    " HOST",
    " PORT",
    "invalid",
)
#: Every help a person can ask for.
HELPS = [
    ["--help"],
    ["journal", "--help"],
    ["journal", "verify", "--help"],
    ["journal", "purge", "--help"],
    ["journal", "settle", "--help"],
    ["sandbox", "--help"],
]


@pytest.mark.parametrize("asked", HELPS, ids=" ".join)
def test_every_help_is_all_spanish(capsys: pytest.CaptureFixture[str], asked: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(asked)
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("uso: kiosk")
    assert [word for word in ENGLISH if word in shown] == []
    # No metavar that argparse made up from a flag's English name (--fx-rate FX_RATE).
    assert re.findall(r"--[a-z-]+ [A-Z]+_[A-Z_]+", shown) == []


def test_the_help_says_that_no_command_starts_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())  # as one line, whatever the wrapping
    assert "Sin COMANDO, «kiosk» abre la aplicación" in shown
    assert "opcionales; sin ninguno se abre la aplicación" in shown
    with pytest.raises(SystemExit):
        main(["--language", "en", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "With no COMMAND, “kiosk” opens the app" in shown
    assert "optional; with none, the app opens" in shown


def test_a_wrong_value_is_told_without_python_s_type_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["journal", "purge", "--days", "muchos"])
    assert done.value.code == 2
    said = capsys.readouterr().err
    assert "argumento --days: 'muchos' no es un valor válido" in said
    assert "int" not in said.splitlines()[-1]
