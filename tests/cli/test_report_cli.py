"""`kiosk report` (kiosk/cli/report.py): an empty journal is an empty report (exit 0), a report
of sales as text and as a PDF whose text says the business and the totals, in Spanish and in
English, read-only, a day in Bogota time, and a progress bar for a large journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.cli import main
from kiosk.cli import report as report_cli
from kiosk.cli.report import document_text, wants_pdf
from kiosk.config import load_config
from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, open_journal
from kiosk.journal.seeding import SeedSummary
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID
from tests.services.test_reports import sell
from tests.support.clocks import TickingClock
from tests.support.seeded import YEAR_SALES

S = SaleState
#: 17:00 UTC on 15 January 2025 is noon in Bogotá.
NOON = datetime(2025, 1, 15, 17, 0, tzinfo=UTC)


@pytest.fixture
def store_journal() -> Iterator[Journal]:
    """The journal the test's configuration points at, with the configuration's ids."""
    config = load_config()
    opened = open_journal(
        config.journal_url,
        store_id=config.store.id,
        kiosk_id=config.kiosk_id,
        line_secret=LINE_SECRET,
        now=TickingClock(NOON),
    )
    yield opened
    opened.close()


@pytest.fixture
def empty_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    open_journal(url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET).close()
    return url


def _sales(journal: Journal) -> None:
    sell(journal, "VTA-0001", amount=10_000, discount="350.00")
    sell(journal, "VTA-0002", amount=20_000, operator="Movistar Colombia", clerk="Luis")
    sell(journal, "VTA-0003", amount=5_000, kind=SaleKind.GIFT_PACK)
    sell(journal, "VTA-0004", S.PAID_NOT_DELIVERED, amount=8_000)
    sell(journal, "VTA-0005", S.DECLINED, amount=7_000)


def test_an_empty_journal_is_an_empty_report(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--db", empty_url]) == 0
    out = capsys.readouterr().out
    assert "Informe X: sin cierre" in out
    assert "Sin ventas en este periodo." in out
    assert "Ninguna venta queda abierta." in out
    assert _row(out, "Ventas") == "0" and _row(out, "Valor") == "$ 0"


def _row(out: str, label: str) -> str:
    """The value of the text report's first row labelled ``label``."""
    for line in out.splitlines():
        if line.startswith(label + " "):
            return line[len(label) :].strip()
    raise AssertionError(f"no row {label!r} in:\n{out}")


def test_a_report_of_sales_as_text_and_pdf(
    store_journal: Journal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sales(store_journal)
    entries = store_journal.entry_count()
    pdf = tmp_path / "informe.pdf"

    assert main(["report", "--pdf", str(pdf)]) == 0

    out = capsys.readouterr().out
    assert "Tienda de ejemplo S.A.S." in out and "900123456-8" in out
    assert _row(out, "Ventas") == "3"
    assert _row(out, "Valor") == "$ 35.000"  # plain spaces: the terminal, like paper
    assert _row(out, "Claro Colombia").endswith("$ 15.000")
    assert "VTA-0004" in out and "*** *** " in out  # followed up, its line masked
    assert f"Informe guardado en PDF: {pdf}" in out
    assert store_journal.entry_count() == entries  # an X closes nothing

    words = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Tienda de ejemplo S.A.S." in words
    assert "NIT 900123456-8" in words
    assert "Informe X: sin cierre" in words
    assert "$ 35.000" in words and "$ 15.000" in words and "$ 20.000" in words
    assert "VTA-0001" in words and "VTA-0004" in words
    # The chart's own words are in the PDF too.
    assert "Ventas entregadas por hora" in words and "Ventas por operador" in words


def test_the_report_speaks_english(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = open_journal(empty_url, line_secret=LINE_SECRET, create=False, now=TickingClock(NOON))
    try:
        _sales(journal)
    finally:
        journal.close()
    pdf = tmp_path / "report.pdf"
    assert main(["--language", "en", "report", "--db", empty_url, "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "X report: no close" in out
    assert _row(out, "Amount") == "COP 35,000"
    assert _row(out, "Sales") == "3"
    assert "Paid, not delivered" in out
    assert "Informe" not in out and "Ventas" not in out
    words = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "X report: no close" in words and "COP 35,000" in words
    assert "Sales by operator" in words


def test_a_day_is_a_bogota_day(empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    late = TickingClock(datetime(2025, 1, 16, 4, 30, tzinfo=UTC))  # 23:30 on the 15th
    journal = open_journal(empty_url, line_secret=LINE_SECRET, create=False, now=late)
    try:
        sell(journal, "VTA-LATE", amount=1_000)
    finally:
        journal.close()
    assert main(["report", "--db", empty_url, "--date", "2025-01-15"]) == 0
    out = capsys.readouterr().out
    assert _row(out, "Día") == "15/01/2025" and _row(out, "Valor") == "$ 1.000"
    assert main(["report", "--db", empty_url, "--date", "2025-01-16"]) == 0
    assert _row(capsys.readouterr().out, "Valor") == "$ 0"
    assert main(["report", "--db", empty_url, "--date", "15/01/2025"]) == 2
    assert "--date" in capsys.readouterr().err


def test_a_large_report_shows_its_progress_on_stderr(
    empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = open_journal(empty_url, line_secret=LINE_SECRET, create=False, now=TickingClock(NOON))
    try:
        _sales(journal)
    finally:
        journal.close()
    monkeypatch.setattr(report_cli, "PROGRESS_FROM", 1)
    monkeypatch.setenv("KIOSK_PROGRESS", "1")
    assert main(["report", "--db", empty_url]) == 0
    captured = capsys.readouterr()
    assert "Sumando ventas" in captured.err and "/s" in captured.err
    assert "Sumando ventas" not in captured.out


def test_the_journal_is_only_read(empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(empty_url.removeprefix("sqlite:///"))
    before = path.read_bytes()
    assert main(["report", "--db", empty_url]) == 0
    assert path.read_bytes() == before
    assert main(["report", "--db", f"sqlite:///{path.parent / 'nope.sqlite3'}"]) == 2
    assert "No se encontró el diario" in capsys.readouterr().err


def test_a_pdf_that_cannot_be_written_is_a_plain_message(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "r.pdf"
    assert main(["report", "--db", empty_url, "--pdf", str(target)]) == 2
    assert "No se pudo guardar el PDF" in capsys.readouterr().err


def test_the_text_of_a_document() -> None:
    document = Document(
        "T",
        (
            Heading("Título"),
            Row("Valor", "$\u00a010.000"),
            Row("Una etiqueta muy larga", "un valor también larguísimo " * 3),
            Rule(),
            Paragraph("palabra " * 20),
        ),
    )
    lines = document_text(document, width=40).splitlines()
    assert lines[0] == "Título".center(40).rstrip()
    assert lines[1] == "Valor" + " " * 27 + "$ 10.000"
    assert lines[2] == "Una etiqueta muy larga"
    assert all(len(line) <= 40 for line in lines)
    assert "-" * 40 in lines


def test_only_a_pdf_asks_for_a_gui_application() -> None:
    assert wants_pdf(["report", "--pdf", "x.pdf"]) and wants_pdf(["report", "--pdf=x.pdf"])
    assert not wants_pdf(["report", "--date", "2025-01-01"])
    assert not wants_pdf(["export", "--csv", "x.csv"])


def test_a_year_of_sales_from_the_command_line(
    year_journal: Path,
    year_summary: SeedSummary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The whole year (the open shift of a journal never closed), with its progress bar and
    a PDF; the busiest day's pesos as the seeder tallied them."""
    monkeypatch.setenv("KIOSK_PROGRESS", "1")
    url = f"sqlite:///{year_journal}"
    pdf = tmp_path / "year.pdf"
    assert main(["report", "--db", url, "--pdf", str(pdf)]) == 0
    captured = capsys.readouterr()
    assert f"Sumando ventas: {YEAR_SALES:,}".replace(",", ".") in captured.err
    created = _row(captured.out, "Ventas del periodo (todos los estados)")
    assert created == f"{YEAR_SALES:,}".replace(",", ".")
    assert _row(captured.out, "Primera referencia") == year_summary.first_reference
    words = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Ventas por operador" in words and "Para seguimiento" in words

    busiest, tally = max(year_summary.by_day.items(), key=lambda item: item[1].count)
    assert main(["report", "--db", url, "--date", busiest.isoformat()]) == 0
    out = capsys.readouterr().out
    assert _row(out, "Ventas del periodo (todos los estados)") == f"{tally.count:,}".replace(
        ",", "."
    )
