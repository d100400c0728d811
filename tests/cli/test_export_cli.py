"""`kiosk export` (kiosk/cli/export.py), `kiosk journal verify --json` and the terminal's
progress bar (kiosk/cli/progress.py): what a person reads, the admin PIN for full lines,
the exit codes."""

from __future__ import annotations

import io
import json
import re
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.progress import Progress
from kiosk.controllers.language import set_language
from kiosk.domain.sale import SaleState
from kiosk.journal import Journal
from tests.journal.helpers import drive, fresh_line

S = SaleState
#: The test journal's clock starts on 2025-01-15 at 18:00 UTC (13:00 in Bogotá).
DAY = "2025-01-15"


def _export(journal: Journal, path: Path, *more: str, first: str = DAY, last: str = DAY) -> int:
    return main(
        ["export", "--from", first, "--to", last, "--csv", str(path), "--db", journal.url, *more]
    )


@pytest.fixture
def sold(journal: Journal) -> dict[str, str]:
    """Two sales of the test day and their full lines, by reference."""
    lines = {"KCLI1": fresh_line(), "KCLI2": fresh_line()}
    drive(journal, "KCLI1", S.DELIVERED, line=lines["KCLI1"])
    drive(journal, "KCLI2", S.DECLINED, line=lines["KCLI2"])
    return lines


def test_a_csv_of_the_day_masked(
    journal: Journal, sold: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ventas.csv"
    assert _export(journal, path) == 0
    out, err = capsys.readouterr()
    assert out == f"2 ventas exportadas a {path} (del 2025-01-15 al 2025-01-15).\n"
    # Without a terminal, the bar is one plain line at the end.
    assert re.fullmatch(r"Exportando ventas: 2 en \d+,\d s \([\d.]+/s\)\n", err)
    shown = path.read_text(encoding="utf-8-sig")
    assert shown.splitlines()[0].startswith("Fecha y hora (Bogotá);Referencia;Tipo;")
    assert "KCLI1" in shown and "KCLI2" in shown
    assert not any(line in shown for line in sold.values())
    # Another day has none of them; --to is included, so one day is --from D --to D.
    assert _export(journal, path, first="2025-01-16", last="2025-01-16") == 0
    assert capsys.readouterr().out.startswith("0 ventas exportadas")


def test_full_lines_need_the_admin_pin(
    journal: Journal,
    sold: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "completo.csv"
    # No terminal to ask on, no KIOSK_ADMIN_PIN: nothing written.
    assert _export(journal, path, "--full-lines") == 1
    assert "PIN de administrador" in capsys.readouterr().err
    assert not path.exists()

    # The demo staff of test keys: clerk Ana 1111, admin 0000.
    monkeypatch.setenv("KIOSK_ADMIN_PIN", "1111")
    assert _export(journal, path, "--full-lines") == 1
    assert capsys.readouterr().err == (
        "kiosk: Ese PIN no es de un administrador. No se escribió nada.\n"
    )
    monkeypatch.setenv("KIOSK_ADMIN_PIN", "9876")
    assert _export(journal, path, "--full-lines") == 1
    assert "PIN incorrecto" in capsys.readouterr().err
    assert not path.exists()

    monkeypatch.setenv("KIOSK_ADMIN_PIN", "0000")
    assert _export(journal, path, "--full-lines") == 0
    out = capsys.readouterr().out
    assert "líneas completas" in out
    shown = path.read_text(encoding="utf-8-sig")
    assert all(line in shown for line in sold.values())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_pin_is_asked_on_a_terminal_without_echo(
    journal: Journal,
    sold: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return "0000"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", getpass)
    path = tmp_path / "completo.csv"
    assert _export(journal, path, "--full-lines") == 0
    assert asked == ["PIN de administrador: "]
    assert sold["KCLI1"] in path.read_text(encoding="utf-8-sig")
    capsys.readouterr()


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        ("2025-02-30", DAY, "La fecha de --from no es válida: «2025-02-30»"),
        (DAY, "15/01/2025", "La fecha de --to no es válida: «15/01/2025»"),
        ("20250115", DAY, "La fecha de --from no es válida"),
        ("2025-01-16", DAY, "La fecha de --from es posterior a la de --to"),
    ],
)
def test_bad_dates_are_told_and_exit_2(
    journal: Journal,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    first: str,
    last: str,
    said: str,
) -> None:
    path = tmp_path / "ventas.csv"
    assert _export(journal, path, first=first, last=last) == 2
    err = capsys.readouterr().err
    assert err.startswith("kiosk: ") and said in err
    assert not path.exists()


def test_what_the_command_line_needs(
    journal: Journal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["export", "--from", DAY, "--to", DAY])
    assert done.value.code == 2
    assert "hace falta uno de estos argumentos: --csv --json" in capsys.readouterr().err
    assert main(["export", "--csv", str(tmp_path / "x.csv"), "--db", journal.url]) == 2
    assert "La fecha de --from no es válida" in capsys.readouterr().err
    json_path = tmp_path / "x.json"
    assert main(["export", "--json", str(json_path), "--from", DAY, "--db", journal.url]) == 2
    assert "--json exporta el diario entero" in capsys.readouterr().err
    assert not json_path.exists()
    with pytest.raises(SystemExit):
        main(["export", "--csv", "a.csv", "--json", "b.json"])
    assert "no se puede usar junto con --csv" in capsys.readouterr().err


def test_the_help_is_all_spanish_and_in_english_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert shown.startswith("uso: kiosk export")
    assert "--from AAAA-MM-DD" in shown and "--csv ARCHIVO" in shown
    assert "--to incluido" in shown
    assert not re.search(r"usage|options|show this|FIRST_DAY|--csv CSV|--json JSON|--db DB", shown)
    with pytest.raises(SystemExit):
        main(["--language", "en", "export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert shown.startswith("usage: kiosk export")
    assert "--from YYYY-MM-DD" in shown and "--csv FILE" in shown


def test_english_words_and_separators(
    journal: Journal, sold: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sales.csv"
    assert main(["--language", "en", *_args(journal, path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"2 sales exported to {path} (from 2025-01-15 to 2025-01-15).\n"
    assert err.startswith("Exporting sales: 2 in ")
    header, first, _second = path.read_text(encoding="utf-8-sig").splitlines()
    assert header.startswith("Date and time (Bogotá),Reference,Kind,Operator,Line,")
    assert ",Delivered,delivered," in first


def _args(journal: Journal, path: Path) -> list[str]:
    return ["export", "--from", DAY, "--to", DAY, "--csv", str(path), "--db", journal.url]


def test_the_bar_draws_itself_when_forced(
    journal: Journal,
    sold: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIOSK_PROGRESS", "1")
    assert _export(journal, tmp_path / "ventas.csv") == 0
    err = capsys.readouterr().err
    assert err.startswith("\rExportando ventas [")
    assert re.search(r"\] +\d+ % \d/2 [\d.]+/s", err)
    assert err.endswith("\n") and "Exportando ventas: 2 en " in err.splitlines()[-1]
    monkeypatch.setenv("KIOSK_PROGRESS", "0")
    assert _export(journal, tmp_path / "ventas.csv") == 0
    assert "\r" not in capsys.readouterr().err


def test_verify_draws_its_bar_too(
    journal: Journal,
    sold: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIOSK_PROGRESS", "1")
    assert main(["journal", "verify", "--db", journal.url]) == 0
    err = capsys.readouterr().err
    count = journal.entry_count()
    assert err.startswith("\rVerificando el diario [------------------------]   0 % 0/")
    assert f"Verificando el diario: {count} en " in err.splitlines()[-1]


# ------------------------------------------------------------------ JSON and verify --json
def test_a_json_export_verifies_elsewhere_and_a_tampered_one_fails(
    journal: Journal, sold: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "diario.json"
    assert main(["export", "--json", str(path), "--db", journal.url]) == 0
    count, last = journal.entry_count(), journal.last_hash()
    out = capsys.readouterr().out
    assert out.startswith(f"{count} entradas del diario exportadas a {path}, último hash {last}.")
    assert f"kiosk journal verify --json {path}" in out
    assert not any(line in path.read_text(encoding="utf-8") for line in sold.values())

    # Another machine: no database, no configuration of this store.
    journal.close()
    assert main(["journal", "verify", "--json", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == (
        f"Diario íntegro: {count} entradas, 2 ventas, último hash {last}"
    )
    assert "una exportación no lleva las líneas" in out
    assert "KIOSK_LINE_SECRET" not in out
    assert err.startswith("Verificando el diario: ")
    assert main(["journal", "verify", "--json", str(path), "--against", last[:20]]) == 0
    assert f"sigue en la cadena, en la entrada {count}" in capsys.readouterr().out

    document = json.loads(path.read_text(encoding="utf-8"))
    document["entries"][0]["payload"]["amount_pesos"] = 99_000
    tampered = tmp_path / "alterado.json"
    tampered.write_text(json.dumps(document), encoding="utf-8")
    assert main(["journal", "verify", "--json", str(tampered)]) == 1
    assert capsys.readouterr().out.startswith(
        "Diario alterado: la entrada 1 fue modificada después de escrita."
    )
    tampered.write_text("{}", encoding="utf-8")
    assert main(["journal", "verify", "--json", str(tampered)]) == 2
    assert "no es una exportación del diario" in capsys.readouterr().err


def test_verify_takes_a_db_or_a_json_not_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["journal", "verify", "--json", "a.json", "--db", "sqlite:///x.sqlite3"])
    assert "no se puede usar junto con" in capsys.readouterr().err
    assert main(["journal", "verify", "--json", str(tmp_path / "none.json")]) == 2
    assert "No se encontró la exportación" in capsys.readouterr().err


def test_a_write_that_fails_is_told_and_leaves_nothing(
    journal: Journal, sold: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "no-such-folder" / "ventas.csv"
    assert _export(journal, path) == 2
    err = capsys.readouterr().err
    assert f"No se pudo escribir {path}" in err and "No quedó ningún archivo a medias" in err


# ------------------------------------------------------------------------ the bar itself
class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_draws_a_bar_with_a_rate_and_ends_with_a_plain_line() -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(200_000, "Exportando ventas", stream=stream, force=True, clock=clock)
    assert progress.live
    clock.now += 4
    progress.update(50_000)
    drawn = stream.getvalue().split("\r")[-1]
    assert drawn == (
        "Exportando ventas [######------------------]  25 % 50.000/200.000 12.500/s, faltan 0:12"
    )
    clock.now += 0.01  # sooner than the interval: not drawn again
    progress.update(1)
    assert stream.getvalue().split("\r")[-1] == drawn
    clock.now += 11.99
    progress.update(149_999)
    progress.close()
    last = stream.getvalue().split("\r")[-1]
    assert last.rstrip(" ").startswith("Exportando ventas: 200.000 en 16,0 s (12.500/s)")
    assert last.endswith("\n")
    progress.close()  # once only
    assert stream.getvalue().count("\n") == 1


def test_progress_without_a_terminal_says_only_the_end() -> None:
    clock, stream = Clock(), io.StringIO()  # a StringIO is no terminal
    with Progress(3, "Verificando el diario", stream=stream, clock=clock) as progress:
        assert not progress.live
        for _ in range(3):
            clock.now += 1
            progress.update()
    assert stream.getvalue() == "Verificando el diario: 3 en 3,0 s (1/s)\n"


def test_progress_in_english_and_when_the_work_fails() -> None:
    set_language("en")
    clock, stream = Clock(), io.StringIO()
    with Progress(0, "Exporting sales", stream=stream, force=True, clock=clock) as progress:
        clock.now += 2
        progress.update(3_000)
    assert "Exporting sales 3,000 1,500/s" in stream.getvalue()
    assert stream.getvalue().split("\r")[-1].startswith("Exporting sales: 3,000 in 2.0 s")
    set_language("es")
    stream = io.StringIO()
    with (
        pytest.raises(RuntimeError),
        Progress(10, "Exportando", stream=stream, force=True, clock=clock) as progress,
    ):
        progress.update(5)
        raise RuntimeError
    # The bar's line is ended, with no summary: the error says what happened.
    assert stream.getvalue().endswith("\n") and ": 5 en" not in stream.getvalue()
