"""`kiosk journal verify` checks the database too: a damaged file, missing or changed
append-only triggers; and it never writes the file it checks."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import make_url

from kiosk.cli import main
from kiosk.controllers.language import text
from kiosk.domain.errors import JournalError
from kiosk.journal import Journal, open_journal, verify_entries
from kiosk.messages import words
from tests.journal.helpers import LINE_SECRET, Tamperer, build_history, create_sale

#: The CLI's words (and these tests' expected ones) come through Qt's translations.
pytestmark = pytest.mark.usefixtures("qapp")
#: ``kiosk journal verify``'s progress bar (kiosk.cli.progress), in Spanish.
PROGRESS_LABEL = "Verificando el diario"


def verify_cli(capsys: pytest.CaptureFixture[str], url: str) -> tuple[int, str]:
    code = main(["journal", "verify", "--db", url])
    captured = capsys.readouterr()
    # Leave out the progress bar's closing line (stderr): how long the walk took.
    err = [line for line in captured.err.splitlines() if not line.startswith(PROGRESS_LABEL)]
    return code, captured.out.strip() + "\n".join(err).strip()


def expect(capsys: pytest.CaptureFixture[str], url: str, what: str, **params: str) -> None:
    with open_journal(url, read_only=True) as reader:
        report = reader.verify()
    assert not report.ok and report.first_problem is not None
    assert (report.first_problem.what, dict(report.first_problem.params)) == (what, params)
    code, out = verify_cli(capsys, url)
    assert code == 1
    described = text(words(what, params))
    assert out == text(words("journal.cli.tampered", {"problem": described}))


def _file(url: str) -> Path:
    return Path(str(make_url(url).database))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_damaged_index_is_reported_though_the_chain_replays(
    journal: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    build_history(journal)
    meta, entries = journal.meta, journal.export_entries()
    journal.close()  # every change is in the main file now (the WAL is checkpointed)
    database = _file(db_url)
    with sqlite3.connect(database) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journal_entries_reference'"
        ).fetchone()[0]
    connection.close()
    # One key of the index on journal_entries.reference no longer says what its row says.
    raw = bytearray(database.read_bytes())
    start = (root - 1) * page_size
    at = start + raw[start : start + page_size].rfind(b"KDELIVERED")
    assert at > start
    raw[at : at + 10] = b"KDELIVEREE"
    database.write_bytes(bytes(raw))

    # The table, and so the chain read from it, are untouched: only the file's check sees it.
    assert verify_entries(meta, entries).ok
    expect(
        capsys,
        db_url,
        "journal.damaged",
        detail="row 1 missing from index journal_entries_reference",
    )


def test_a_missing_trigger_is_reported(
    journal: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    build_history(journal)
    tamperer = Tamperer(db_url)
    try:
        if tamperer.backend == "sqlite":
            tamperer.execute("DROP TRIGGER journal_entries_no_delete")
        else:
            tamperer.execute("DROP TRIGGER journal_entries_no_delete ON journal_entries")
    finally:
        tamperer.close()
    expect(capsys, db_url, "journal.trigger_missing", trigger="journal_entries_no_delete")


def test_a_trigger_that_no_longer_refuses_is_reported(
    journal: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    build_history(journal)
    tamperer = Tamperer(db_url)
    try:
        if tamperer.backend == "sqlite":
            # Same name, but it lets the change through.
            tamperer.execute("DROP TRIGGER journal_meta_no_update")
            tamperer.execute(
                "CREATE TRIGGER journal_meta_no_update BEFORE UPDATE ON journal_meta "
                "BEGIN SELECT 1; END"
            )
        else:
            tamperer.execute("ALTER TABLE journal_meta DISABLE TRIGGER journal_meta_no_update")
        tamperer.execute("UPDATE journal_meta SET journal_id = journal_id")  # now allowed
    finally:
        tamperer.close()
    expect(capsys, db_url, "journal.trigger_changed", trigger="journal_meta_no_update")


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in folder.iterdir()
        if not path.name.endswith(("-wal", "-shm"))
    }


def test_verify_leaves_a_zero_byte_file_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    os.utime(empty, ns=(1_000_000_000, 1_000_000_000))
    code, out = verify_cli(capsys, f"sqlite:///{empty}")
    assert code == 2
    assert "No se encontró el diario de ventas" in out
    assert empty.read_bytes() == b""
    assert empty.stat().st_mtime_ns == 1_000_000_000
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty.sqlite3"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_verify_never_writes_the_journal_it_checks(
    journal: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    build_history(journal)
    journal.close()
    folder = _file(db_url).parent
    os.utime(_file(db_url), ns=(1_000_000_000, 1_000_000_000))
    before = _snapshot(folder)
    code, out = verify_cli(capsys, db_url)
    assert code == 0, out
    assert _snapshot(folder) == before
    assert before[_file(db_url).name][1] == 1_000_000_000


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_verify_reads_what_a_running_app_has_in_its_wal(
    journal: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    build_history(journal)  # the app keeps its journal open: recent entries are in the WAL
    assert _file(db_url).with_name(_file(db_url).name + "-wal").stat().st_size > 0
    code, out = verify_cli(capsys, db_url)
    assert code == 0, out
    assert out.startswith(f"Diario íntegro: {journal.entry_count()} entradas, 4 ventas")


def test_a_read_only_journal_refuses_writes(journal: Journal, db_url: str) -> None:
    build_history(journal)
    count = journal.entry_count()
    with open_journal(db_url, read_only=True, line_secret=LINE_SECRET) as reader:
        with pytest.raises(JournalError) as raised:
            create_sale(reader, "KNEW")
        assert raised.value.code == "journal.write_failed"
    assert journal.entry_count() == count
