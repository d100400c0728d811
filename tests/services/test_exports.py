"""Exports (kiosk/services/exports.py): the sales CSV for the accountant, masked or with full
lines, and the journal's JSON that verifies on another machine; never a half file."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from kiosk.domain.calendar import day_bounds_utc
from kiosk.domain.errors import KioskError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, chain
from kiosk.journal.seeding import SeedSummary
from kiosk.services import exports
from kiosk.services.exports import (
    COLUMNS,
    ENGLISH_CSV,
    count_sales,
    export_journal,
    verify_journal_json,
    write_journal_json,
    write_sales_csv,
)
from tests.journal.helpers import ACTOR, START, drive, fresh_line
from tests.support.seeded import YEAR_DAYS, YEAR_SALES, YEAR_START, open_year

S = SaleState
LONG_AGO = START - timedelta(days=1)
LATER = START + timedelta(days=1)


def _sell(
    journal: Journal,
    reference: str,
    *,
    line: str,
    amount: int = 10_000,
    clerk: str = "Ana",
    operator: str = "Claro",
    discount: str | None = "312.5",
    currency: str = "COP",
) -> None:
    """A delivered top-up that names its clerk, operator and the store's discount."""
    journal.record(
        reference,
        S.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=SaleKind.TOPUP,
        amount_pesos=amount,
        line=line,
        data={"clerk": clerk, "operator_name": operator},
    )
    journal.record(
        reference,
        S.PAYMENT_PENDING,
        event="payment.pending",
        actor=ACTOR,
        data={"gateway": {"id": f"GW-{reference}"}},
    )
    journal.record(reference, S.PAID, event="payment.approved", actor=ACTOR)
    journal.record(reference, S.DELIVERY_REQUESTED, event="delivery.requested", actor=ACTOR)
    provider: dict[str, Any] = {"transactionId": f"TX-{reference}"}
    if discount is not None:
        provider.update(discount=discount, discountCurrencyCode=currency)
    journal.record(
        reference, S.DELIVERED, event="delivery.done", actor=ACTOR, data={"provider": provider}
    )


def _read(path: Path, style: exports.CsvStyle = exports.SPANISH_CSV) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # the BOM Excel needs to read UTF-8
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=style.delimiter))


def test_the_csv_masks_lines_and_says_everything_the_accountant_needs(
    journal: Journal, tmp_path: Path
) -> None:
    line = fresh_line()
    _sell(journal, "KCSV1", line=line, amount=20_000)
    drive(journal, "KCSV2", S.PAID_NOT_DELIVERED, amount=5_000)
    path = tmp_path / "ventas.csv"
    assert write_sales_csv(journal, LONG_AGO, LATER, path, full_lines=False) == 2

    header, first, second = _read(path)
    assert header == [source for _name, source in COLUMNS]
    assert header[:6] == [
        "Fecha y hora (Bogotá)",
        "Referencia",
        "Tipo",
        "Operador",
        "Línea",
        "Valor (pesos)",
    ]
    shown = dict(zip(header, first, strict=True))
    assert shown == {
        # 18:00:01 UTC is 13:00:01 in Bogotá (the ticking clock moves one second per entry).
        "Fecha y hora (Bogotá)": first[0],
        "Referencia": "KCSV1",
        "Tipo": "Recarga",
        "Operador": "Claro",
        "Línea": f"*** *** {line[-4:]}",
        "Valor (pesos)": "20000",
        "Ganancia": "312,50",
        "Moneda de la ganancia": "COP",
        "Estado": "Pagada y entregada",
        "Código de estado": "delivered",
        "Cajero": "Ana",
        "Transacción de la pasarela": "GW-KCSV1",
        "Transacción del proveedor": "TX-KCSV1",
    }
    assert first[0].startswith("2025-01-15 13:00:")
    assert second[1:3] == ["KCSV2", "Recarga"]
    assert second[8:10] == ["Pagada, no entregada", "paid_not_delivered"]
    assert second[6:8] == ["", ""]  # nothing earned on a sale never delivered
    assert line not in path.read_text(encoding="utf-8-sig")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_full_lines_only_when_asked_and_then_the_file_is_private(
    journal: Journal, tmp_path: Path
) -> None:
    kept, erased = fresh_line(), fresh_line()
    _sell(journal, "KFULL1", line=kept)
    _sell(journal, "KFULL2", line=erased)
    with journal.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM sale_lines WHERE reference = 'KFULL2'")
    path = tmp_path / "completo.csv"
    assert write_sales_csv(journal, LONG_AGO, LATER, path, full_lines=True) == 2
    rows = _read(path)
    assert [row[4] for row in rows[1:]] == [kept, "borrada"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    masked = tmp_path / "enmascarado.csv"
    write_sales_csv(journal, LONG_AGO, LATER, masked, full_lines=False)
    assert kept not in masked.read_text(encoding="utf-8-sig")


def test_only_the_range_oldest_first(journal: Journal, tmp_path: Path) -> None:
    for reference in ("KR1", "KR2", "KR3"):
        drive(journal, reference, S.DELIVERED)
    second = journal.sale("KR2")
    third = journal.sale("KR3")
    assert second is not None and third is not None
    path = tmp_path / "rango.csv"
    # [start, end): KR2's creation is in, KR3's creation is the end and is out.
    assert write_sales_csv(journal, second.created_at, third.created_at, path, full_lines=False)
    assert [row[1] for row in _read(path)[1:]] == ["KR2"]
    assert count_sales(journal, second.created_at, third.created_at) == 1
    write_sales_csv(journal, LONG_AGO, LATER, path, full_lines=False)
    assert [row[1] for row in _read(path)[1:]] == ["KR1", "KR2", "KR3"]
    # An empty range is a file with its header only.
    assert write_sales_csv(journal, LATER, LATER, path, full_lines=False) == 0
    assert len(_read(path)) == 1
    with pytest.raises(KioskError) as refused:
        write_sales_csv(journal, LATER, LONG_AGO, path, full_lines=False)
    assert refused.value.code == "exports.inverted_range"


def test_english_words_and_separators(journal: Journal, tmp_path: Path) -> None:
    _sell(journal, "KEN1", line=fresh_line(), discount="1.25", currency="USD")
    english = {"Fecha y hora (Bogotá)": "Date and time (Bogotá)", "Pagada y entregada": "Delivered"}
    path = tmp_path / "sales.csv"
    write_sales_csv(
        journal,
        LONG_AGO,
        LATER,
        path,
        full_lines=False,
        say=lambda words: english.get(words.source, words.source),
        style=ENGLISH_CSV,
    )
    header, row = _read(path, ENGLISH_CSV)
    assert header[0] == "Date and time (Bogotá)"
    assert (row[6], row[7], row[8], row[9]) == ("1.25", "USD", "Delivered", "delivered")


def test_a_name_a_spreadsheet_would_run_is_kept_as_text(journal: Journal, tmp_path: Path) -> None:
    _sell(journal, "KFORMULA", line=fresh_line(), clerk="=1+2", operator="@SUM(A1)")
    path = tmp_path / "formula.csv"
    write_sales_csv(journal, LONG_AGO, LATER, path, full_lines=False)
    row = _read(path)[1]
    assert (row[3], row[10]) == ("'@SUM(A1)", "'=1+2")


def test_progress_is_told_batch_by_batch(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "BATCH", 2)
    for number in range(5):
        drive(journal, f"KB{number}", S.CREATED)
    told: list[int] = []
    written = write_sales_csv(
        journal, LONG_AGO, LATER, tmp_path / "b.csv", full_lines=False, progress=told.append
    )
    assert written == 5 and sum(told) == 5 and max(told) <= 2
    told.clear()
    assert write_journal_json(journal, tmp_path / "b.json", progress=told.append) == 5
    assert sum(told) == 5 and max(told) <= 2


# --------------------------------------------------------------------- never a half file
def test_a_failed_write_leaves_the_old_file_and_no_part(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "BATCH", 1)
    for number in range(3):
        drive(journal, f"KH{number}", S.DELIVERED)
    out = tmp_path / "out"
    out.mkdir()
    path = out / "ventas.csv"
    path.write_text("the export of last month\n", encoding="utf-8")

    def disk_full(_count: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(KioskError) as failed:
        write_sales_csv(journal, LONG_AGO, LATER, path, full_lines=True, progress=disk_full)
    assert failed.value.code == "exports.write_failed"
    assert failed.value.params == {"path": str(path), "detail": os.strerror(errno.ENOSPC)}
    assert path.read_text(encoding="utf-8") == "the export of last month\n"
    assert sorted(out.iterdir()) == [path]

    # The same when the last step fails (fsync: the disk filled up) and for the JSON.
    def no_room(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_room)
    with pytest.raises(KioskError):
        write_journal_json(journal, out / "diario.json")
    assert sorted(out.iterdir()) == [path]


def test_a_folder_that_cannot_take_the_file_is_told(journal: Journal, tmp_path: Path) -> None:
    drive(journal, "KNOWHERE", S.DELIVERED)
    missing = tmp_path / "no-such-folder" / "ventas.csv"
    with pytest.raises(KioskError) as failed:
        write_sales_csv(journal, LONG_AGO, LATER, missing, full_lines=False)
    assert failed.value.code == "exports.write_failed"
    assert not missing.parent.exists()


def test_an_interrupted_export_leaves_nothing(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "BATCH", 1)
    for number in range(3):
        drive(journal, f"KI{number}", S.DELIVERED)

    def interrupted(_count: int) -> None:
        raise KeyboardInterrupt

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyboardInterrupt):
        write_sales_csv(
            journal, LONG_AGO, LATER, out / "x.csv", full_lines=False, progress=interrupted
        )
    assert list(out.iterdir()) == []


def test_a_database_that_fails_mid_export_is_told_and_leaves_nothing(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drive(journal, "KDB", S.DELIVERED)
    out = tmp_path / "out"
    out.mkdir()

    def lost(_stored: str) -> str:
        raise OperationalError("SELECT …", {}, Exception("disk I/O error\nwith 3001234567"))

    monkeypatch.setattr(exports, "_store_time", lost)
    with pytest.raises(KioskError) as failed:
        write_sales_csv(journal, LONG_AGO, LATER, out / "x.csv", full_lines=False)
    assert (failed.value.code, failed.value.params) == (
        "journal.unavailable",
        {"detail": "disk I/O error"},
    )
    assert list(out.iterdir()) == []


# ------------------------------------------------------------------------------ the JSON
def test_the_json_export_verifies_and_holds_no_line(journal: Journal, tmp_path: Path) -> None:
    line = fresh_line()
    _sell(journal, "KJ1", line=line)
    drive(journal, "KJ2", S.PAID_NOT_DELIVERED)
    journal.record("KJ2", S.SETTLED, event="sale.settled", actor="cli", data={"how": "Reembolso"})
    path = tmp_path / "diario.json"
    exported = export_journal(journal, path)
    assert exported.entries == journal.entry_count()
    assert exported.last_hash == journal.last_hash()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "kiosk-journal" and document["version"] == 1
    assert document["meta"] == journal.meta
    assert document["entries"] == journal.export_entries()
    assert line not in path.read_text(encoding="utf-8")

    report = verify_journal_json(path)
    assert report.ok, report.first_problem
    assert (report.entries, report.sales, report.last_hash) == (
        journal.entry_count(),
        2,
        journal.last_hash(),
    )
    against = verify_journal_json(path, against=journal.last_hash()[:16])
    assert against.ok and against.against_seq == journal.entry_count()


def _tampered(path: Path, change: Any) -> Path:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    changed = path.with_name("tampered.json")
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return changed


def _more(document: dict[str, Any]) -> None:
    document["entries"][0]["payload"]["amount_pesos"] = 1_000_000


def _gone(document: dict[str, Any]) -> None:
    del document["entries"][1]


def _other_store(document: dict[str, Any]) -> None:
    document["meta"]["store_id"] = "store-2"


def _broken(document: dict[str, Any]) -> None:
    document["entries"][2]["seq"] = "three"


@pytest.mark.parametrize(
    ("change", "what", "seq"),
    [
        (_more, "journal.entry_edited", 1),
        (_gone, "journal.entry_deleted", 2),
        (_other_store, "journal.genesis_mismatch", None),
        (_broken, "journal.bad_entry", 3),
    ],
    ids=["amount", "deleted", "other-store", "broken"],
)
def test_a_tampered_export_fails(
    journal: Journal, tmp_path: Path, change: Any, what: str, seq: int | None
) -> None:
    drive(journal, "KT1", S.DELIVERED)
    drive(journal, "KT2", S.DECLINED)
    path = tmp_path / "diario.json"
    write_journal_json(journal, path)
    report = verify_journal_json(_tampered(path, change))
    assert not report.ok
    assert report.first_problem is not None
    assert (report.first_problem.what, report.first_problem.seq) == (what, seq)


def test_a_file_that_is_no_export_is_told(tmp_path: Path) -> None:
    cases = {
        "missing.json": ("exports.json_missing", None),
        "text.json": ("exports.json_not_export", "no es JSON"),
        "other.json": ("exports.json_not_export", '{"format": "otra cosa"}'),
        "half.json": ("exports.json_not_export", '{"format": "kiosk-journal", "version": 1, "e'),
        "newer.json": ("exports.json_version", '{"format": "kiosk-journal", "version": 2}'),
    }
    for name, (code, content) in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(KioskError) as refused:
            verify_journal_json(path)
        assert refused.value.code == code, name


def test_an_empty_journal_exports_and_verifies(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "vacio.json"
    assert write_journal_json(journal, path) == 0
    report = verify_journal_json(path)
    assert report.ok and report.entries == 0
    assert write_sales_csv(journal, LONG_AGO, LATER, tmp_path / "v.csv", full_lines=False) == 0


# ------------------------------------------------------------------------ a year of sales
def _csv_totals(path: Path) -> tuple[int, int, dict[str, int], Counter[str]]:
    """Rows, pesos, earned hundredths by currency and rows by state code of a Spanish CSV."""
    rows = pesos = 0
    earned: dict[str, int] = {}
    states: Counter[str] = Counter()
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=";")
        header = next(reader)
        amount, gained, currency, state = (
            header.index(name)
            for name in ("Valor (pesos)", "Ganancia", "Moneda de la ganancia", "Código de estado")
        )
        for row in reader:
            rows += 1
            pesos += int(row[amount])
            if row[gained]:
                units, cents = row[gained].split(",")
                minor = int(units) * 100 + (
                    int(cents) if not units.startswith("-") else -int(cents)
                )
                earned[row[currency]] = earned.get(row[currency], 0) + minor
            states[row[state]] += 1
    return rows, pesos, earned, states


def _sql_totals(journal: Journal, start: datetime, end: datetime) -> Any:
    first, last = chain.format_timestamp(start), chain.format_timestamp(end)
    within = "created_at >= :first AND created_at < :last"
    with journal.engine.connect() as connection:
        count, pesos = connection.execute(
            text(f"SELECT count(*), coalesce(sum(amount_pesos), 0) FROM sales WHERE {within}"),
            {"first": first, "last": last},
        ).one()
        earned: dict[str, int] = dict(
            connection.execute(
                text(
                    "SELECT earned_currency, sum(earned_minor) FROM sales "
                    f"WHERE {within} AND earned_minor IS NOT NULL GROUP BY earned_currency"
                ),
                {"first": first, "last": last},
            ).all()
        )
        states: Counter[str] = Counter(
            dict(
                connection.execute(
                    text(f"SELECT state, count(*) FROM sales WHERE {within} GROUP BY state"),
                    {"first": first, "last": last},
                ).all()
            )
        )
    return count, pesos, earned, states


def test_a_year_of_sales_adds_up_to_the_sql_sum(
    year_journal: Path, year_summary: SeedSummary, tmp_path: Path
) -> None:
    year_end = YEAR_START + timedelta(days=YEAR_DAYS)
    path = tmp_path / "2025.csv"
    told: list[int] = []
    with open_year(year_journal, read_only=True) as journal:
        written = write_sales_csv(
            journal, YEAR_START, year_end, path, full_lines=False, progress=told.append
        )
        expected = _sql_totals(journal, YEAR_START, year_end)
        some_line = journal.line_for(year_summary.first_reference)
    assert written == YEAR_SALES == year_summary.count
    assert sum(told) == written and len(told) > 50  # streamed in batches
    totals = _csv_totals(path)
    assert totals == expected
    assert totals[1] == sum(tally.pesos for tally in year_summary.by_state.values())
    assert some_line is not None and some_line not in path.read_text(encoding="utf-8-sig")


def test_a_month_of_store_days_is_the_seeders_own_tally(
    year_journal: Path, year_summary: SeedSummary, tmp_path: Path
) -> None:
    # February in Bogotá: its days' bounds in UTC, as the CLI computes them.
    start, _ = day_bounds_utc(date(2025, 2, 1))
    _, end = day_bounds_utc(date(2025, 2, 28))
    days = [day for day in year_summary.by_day if date(2025, 2, 1) <= day <= date(2025, 2, 28)]
    path = tmp_path / "febrero.csv"
    with open_year(year_journal, read_only=True) as journal:
        written = write_sales_csv(journal, start, end, path, full_lines=True)
        assert _csv_totals(path) == _sql_totals(journal, start, end)
    assert written == sum(year_summary.by_day[day].count for day in days) > 10_000
    assert _csv_totals(path)[1] == sum(year_summary.by_day[day].pesos for day in days)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=";")
        next(reader)
        moments = [row[0] for row in reader]
    assert moments == sorted(moments)  # oldest first
    assert moments[0] >= "2025-02-01 00:00:00" and moments[-1] < "2025-03-01 00:00:00"
