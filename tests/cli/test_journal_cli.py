"""`kiosk journal …` (kiosk/cli/journal.py): settle, the journal commands without --db (the
configured journal), and a message for every journal code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, open_journal
from kiosk.journal.journal import PURGE_EVENT
from kiosk.messages import SOURCES
from tests.journal.helpers import START, Tamperer, drive, fresh_line
from tests.support.clocks import TickingClock


def test_settle_closes_a_paid_not_delivered_sale(
    journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    drive(journal, "KSETTLE", SaleState.PAID_NOT_DELIVERED)
    code = main(
        ["journal", "settle", "KSETTLE", "--how", "Reembolso en efectivo", "--db", journal.url]
    )
    assert code == 0
    entry = journal.entries_for("KSETTLE")[-1]
    assert capsys.readouterr().out.strip() == (
        f"Venta KSETTLE cerrada como resuelta. Hash de la entrada: {entry.hash}"
    )
    assert (entry.state, entry.actor, entry.event) == (SaleState.SETTLED, "cli", "sale.settled")
    assert entry.payload == {"how": "Reembolso en efectivo"}
    assert journal.verify().ok


def test_settle_refuses_what_the_state_machine_refuses(
    journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    drive(journal, "KDONE", SaleState.DELIVERED)
    assert main(["journal", "settle", "KDONE", "--how", "x", "--db", journal.url]) == 2
    assert "ya terminó" in capsys.readouterr().err
    assert main(["journal", "settle", "KNOPE", "--how", "x", "--db", journal.url]) == 2
    assert "No existe la venta KNOPE" in capsys.readouterr().err
    drive(journal, "KPND", SaleState.PAID_NOT_DELIVERED)
    count = journal.entry_count()
    how = "Devuelto al 310 555 1234"  # personal data in free text is refused too
    assert main(["journal", "settle", "KPND", "--how", how, "--db", journal.url]) == 2
    assert "información personal" in capsys.readouterr().err
    assert journal.entry_count() == count


@pytest.fixture
def configured_journal() -> Iterator[Journal]:
    """The journal the configuration points at (data folder of the test)."""
    config = load_config()
    opened = open_journal(
        config.journal_url,
        store_id=config.store.id,
        kiosk_id=config.kiosk_id,
        line_secret=config.line_secret,
        now=TickingClock(START),
    )
    yield opened
    opened.close()


def test_without_db_the_configured_journal_is_used_and_lines_are_checked(
    configured_journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    drive(configured_journal, "KCONF", SaleState.PAYMENT_PENDING)
    assert main(["journal", "verify"]) == 0
    assert capsys.readouterr().out.startswith("Diario íntegro: 2 entradas, 1 venta, último hash")

    # A line swapped behind the app's back no longer matches the HMAC in the chain.
    tamperer = Tamperer(configured_journal.url)
    try:
        tamperer.execute("UPDATE sale_lines SET line = '3009999999' WHERE reference = 'KCONF'")
    finally:
        tamperer.close()
    assert main(["journal", "verify"]) == 1
    assert "KCONF" in capsys.readouterr().out
    # Without the store's secret (another kiosk's copy, --db) lines cannot be checked.
    assert main(["journal", "verify", "--db", configured_journal.url]) == 0
    capsys.readouterr()


def test_a_swapped_sender_line_is_found_too(
    configured_journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    configured_journal.record(
        "KSEND",
        SaleState.CREATED,
        event="sale.created",
        actor="cli",
        kind=SaleKind.GIFT_PACK,
        amount_pesos=9_000,
        line=fresh_line(),
        sender_line=fresh_line(),
    )
    assert main(["journal", "verify"]) == 0
    tamperer = Tamperer(configured_journal.url)
    try:
        tamperer.execute("UPDATE sale_lines SET sender_line = '3009999999'")
    finally:
        tamperer.close()
    assert main(["journal", "verify"]) == 1
    assert "KSEND" in capsys.readouterr().out
    report = configured_journal.verify()
    assert (report.first_problem.what, report.first_problem.seq) == ("journal.line_mismatch", 1)


def test_verify_of_a_missing_journal_says_so(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journal", "verify", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}"]) == 2
    assert "No se encontró el diario de ventas" in capsys.readouterr().err


def test_against_needs_a_real_hash(journal: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journal", "verify", "--db", journal.url, "--against", "abc"]) == 2
    assert "al menos 16" in capsys.readouterr().err


def test_every_journal_code_has_a_message() -> None:
    # Their English is checked with every other code's in tests/test_translations.py.
    kiosk = Path(__file__).resolve().parents[2] / "kiosk"
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in [*(kiosk / "journal").glob("*.py"), kiosk / "cli" / "journal.py"]
    )
    codes = set(re.findall(r'"(journal\.[a-z_.]+)"', source)) - {PURGE_EVENT}
    codes |= {f"journal.bad_{what}" for what in ("reference", "event", "actor")}
    assert len(codes) > 30
    for code in sorted(codes):
        assert SOURCES[code].strip(), code


def test_with_db_the_lines_are_checked_with_the_secret_from_the_environment(
    configured_journal: Journal, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    for reference in ("KENV1", "KENV2"):
        drive(configured_journal, reference, SaleState.PAYMENT_PENDING)
    url = configured_journal.url
    monkeypatch.setenv("KIOSK_LINE_SECRET", load_config().line_secret.decode())
    assert main(["journal", "verify", "--db", url]) == 0
    assert capsys.readouterr().out.count("\n") == 1  # no word about unchecked lines
    tamperer = Tamperer(url)
    try:
        tamperer.execute("UPDATE sale_lines SET line = '3009999999' WHERE reference = 'KENV2'")
    finally:
        tamperer.close()
    assert main(["journal", "verify", "--db", url]) == 1
    assert "la línea guardada de la venta KENV2 no coincide" in capsys.readouterr().out
    # Another store's key: not one line matches, and verify says that is the likelier cause.
    monkeypatch.setenv("KIOSK_LINE_SECRET", "another-stores-secret")
    assert main(["journal", "verify", "--db", url]) == 1
    assert "KIOSK_LINE_SECRET" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["verify"], ["purge", "--days", "1"]])
def test_a_bad_db_names_db_not_the_config(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal", *command, "--db", "journal.sqlite3"]) == 2
    err = capsys.readouterr().err
    assert "--db" in err and "sqlite:///" in err
    assert "configuración" not in err
