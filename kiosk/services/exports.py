"""Exports for the back office: a CSV of sales for the accountant, the journal as JSON.

``write_sales_csv`` writes one row per sale created in ``[start, end)``, oldest
first; ``write_journal_json`` writes the journal's origin (``journal_meta``) and
every entry, so that ``kiosk journal verify --json FILE`` checks the chain on
another machine (:func:`verify_journal_json`). Both read from one consistent
snapshot, in batches the database hands over as they are read (a server-side
cursor on PostgreSQL), so a year of sales never sits in memory; both write a
temporary file in the target's folder and rename it over the target at the end,
so a failed export leaves no half file (and an older file of the same name as it
was).

The CSV, for a spreadsheet in Colombia (Excel in es-CO):

* UTF-8 with a byte-order mark (Excel reads accents and ñ right only with it),
  CRLF line ends, every field quoted only when it must be;
* Spanish: ``;`` between fields and a decimal comma (Excel es-CO's list and decimal
  separators); English: ``,`` and a decimal point (:data:`SPANISH_CSV`,
  :data:`ENGLISH_CSV`); the header and the status words in the same language;
* the date and time in the store's time (America/Bogota) as ``2025-01-15 13:00:00``
  (ISO 8601 with a space, which Excel reads as a date);
* amounts in whole pesos without separators; what the store earned (the provider's
  ``discount``) as a decimal in its own currency, the currency in the next column;
* the status twice: its words (``Pagada y entregada``) and its code (``delivered``,
  stable for filters and scripts);
* the line masked (``*** *** 6789``) unless ``full_lines`` (an admin's export): then
  the full line from ``sale_lines``, or the word for "erased" once purged; a file
  with full lines is created 0600, others 0644;
* a text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) gets a
  leading ``'``.

The JSON (0600, like the journal's own files; it holds no full line: ``sale_lines``
is not exported)::

    {"format": "kiosk-journal", "version": 1, "meta": {...journal_meta...},
     "entries": [ {seq, created_at, reference, kind, event, state, actor, payload,
                   prev_hash, hash}, ... ]}

one entry per line, payloads as JSON objects (a stored payload that is not its
canonical text stays text, so an edited entry fails there as it does in the
database).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError

from kiosk.domain.calendar import STORE_TIMEZONE
from kiosk.domain.errors import JournalError, KioskError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.domain.text import QT_TRANSLATE_NOOP, Text
from kiosk.journal import chain
from kiosk.journal.engine import read_transaction
from kiosk.journal.privacy import redact_text
from kiosk.journal.schema import journal_entries, journal_meta, sale_lines, sales
from kiosk.journal.verify import VerifyReport, decode_payload, problem_at, verify_entries

if TYPE_CHECKING:
    from kiosk.journal.journal import Journal

#: Told how many more rows (or entries) were written, after each batch.
ProgressFn = Callable[[int], None]
#: Turns core words into the current language (``kiosk.controllers.language.text``).
Say = Callable[[Text], str]

#: Rows fetched from the database per batch.
BATCH = 2_000
JSON_FORMAT = "kiosk-journal"
JSON_VERSION = 1
_CONTEXT = "exports"
# What the chain hashes, then the hashes themselves: everything verify needs of an entry.
_ENTRY_FIELDS = (*chain.HASHED_FIELDS, "prev_hash", "hash")
_ENTRY_KEYS = frozenset(_ENTRY_FIELDS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spanish(words: Text) -> str:
    """Words as their Spanish source (the core's default when nobody translates)."""
    return words.source


@dataclass(frozen=True)
class CsvStyle:
    """How a spreadsheet of one language expects a CSV: separator and decimal mark."""

    delimiter: str
    decimal: str


#: Excel in Spanish (Colombia): ``;`` between fields, a decimal comma.
SPANISH_CSV = CsvStyle(";", ",")
#: Excel in English: ``,`` between fields, a decimal point.
ENGLISH_CSV = CsvStyle(",", ".")


def csv_style_for(language: str) -> CsvStyle:
    return ENGLISH_CSV if language == "en" else SPANISH_CSV


#: The columns of the sales CSV, in order, with their headers.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("created_at", QT_TRANSLATE_NOOP("exports", "Fecha y hora (Bogotá)")),
    ("reference", QT_TRANSLATE_NOOP("exports", "Referencia")),
    ("kind", QT_TRANSLATE_NOOP("exports", "Tipo")),
    ("operator", QT_TRANSLATE_NOOP("exports", "Operador")),
    ("line", QT_TRANSLATE_NOOP("exports", "Línea")),
    ("amount_pesos", QT_TRANSLATE_NOOP("exports", "Valor (pesos)")),
    ("earned", QT_TRANSLATE_NOOP("exports", "Ganancia")),
    ("earned_currency", QT_TRANSLATE_NOOP("exports", "Moneda de la ganancia")),
    ("status", QT_TRANSLATE_NOOP("exports", "Estado")),
    ("state", QT_TRANSLATE_NOOP("exports", "Código de estado")),
    ("clerk", QT_TRANSLATE_NOOP("exports", "Cajero")),
    ("gateway_tx_id", QT_TRANSLATE_NOOP("exports", "Transacción de la pasarela")),
    ("provider_tx_id", QT_TRANSLATE_NOOP("exports", "Transacción del proveedor")),
)

#: A purged line's cell in an export with full lines.
PURGED = QT_TRANSLATE_NOOP("exports", "borrada")

_S = SaleState
#: What the accountant reads for each state (the code follows in its own column).
STATE_WORDS: Mapping[SaleState, str] = {
    _S.CREATED: QT_TRANSLATE_NOOP("exports", "Sin pagar"),
    _S.PAYMENT_REQUESTED: QT_TRANSLATE_NOOP("exports", "Pago en verificación"),
    _S.PAYMENT_UNKNOWN: QT_TRANSLATE_NOOP("exports", "Pago en verificación"),
    _S.PAYMENT_PENDING: QT_TRANSLATE_NOOP("exports", "Pago pendiente en el banco"),
    _S.PAYMENT_FAILED: QT_TRANSLATE_NOOP("exports", "Intento de pago no aprobado"),
    _S.CANCELLED_UNCONFIRMED: QT_TRANSLATE_NOOP(
        "exports", "Cancelada en pantalla; pago en verificación"
    ),
    _S.EXPIRED_UNCONFIRMED: QT_TRANSLATE_NOOP("exports", "Código vencido; pago en verificación"),
    _S.PAID: QT_TRANSLATE_NOOP("exports", "Pagada; entrega en proceso"),
    _S.DELIVERY_REQUESTED: QT_TRANSLATE_NOOP("exports", "Pagada; entrega en proceso"),
    _S.DELIVERY_UNKNOWN: QT_TRANSLATE_NOOP("exports", "Pagada; entrega en verificación"),
    _S.PAID_NOT_DELIVERED: QT_TRANSLATE_NOOP("exports", "Pagada, no entregada"),
    _S.DELIVERED: QT_TRANSLATE_NOOP("exports", "Pagada y entregada"),
    _S.SETTLED: QT_TRANSLATE_NOOP("exports", "Pagada, no entregada; resuelta por la tienda"),
    _S.DECLINED: QT_TRANSLATE_NOOP("exports", "Pago rechazado por el banco"),
    _S.ERROR: QT_TRANSLATE_NOOP("exports", "Error del banco; sin cobro"),
    _S.NOT_CREATED: QT_TRANSLATE_NOOP("exports", "Pago no iniciado; sin cobro"),
    _S.CANCELLED: QT_TRANSLATE_NOOP("exports", "Cancelada; sin cobro"),
    _S.EXPIRED: QT_TRANSLATE_NOOP("exports", "Vencida; sin cobro"),
}

KIND_WORDS: Mapping[SaleKind, str] = {
    SaleKind.TOPUP: QT_TRANSLATE_NOOP("exports", "Recarga"),
    SaleKind.GIFT_PACK: QT_TRANSLATE_NOOP("exports", "Paquete de regalo"),
}


def _word(say: Say, source: str) -> str:
    return say(Text(_CONTEXT, source))


# ------------------------------------------------------------------ writing a file
def _write_atomically(path: Path, *, private: bool, write: Callable[[IO[str]], int]) -> int:
    """``write`` into a temporary file beside ``path``, then rename it over ``path``.

    Any failure (the disk, the database, an interruption) removes the temporary
    file and leaves ``path`` as it was; an ``OSError`` becomes ``exports.write_failed``,
    a database's error ``journal.unavailable``.
    """
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise _write_failed(path, error) from None
    try:
        # mkstemp makes it 0600; a file without full lines is the folder's to share.
        if not private:
            os.fchmod(handle, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            count = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _write_failed(path, error) from None
        if isinstance(error, DBAPIError):
            # The driver's first line only: its full text may quote the statement's values.
            detail = str(error.orig).splitlines()[0][:200] if error.orig is not None else ""
            raise JournalError("journal.unavailable", detail=redact_text(detail)) from None
        raise
    _sync_folder(path.parent)
    return count


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system lets a folder be fsync-ed)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_failed(path: Path, error: OSError) -> KioskError:
    return KioskError("exports.write_failed", path=str(path), detail=error.strerror or str(error))


# ------------------------------------------------------------------------ the CSV
def _range(start: datetime, end: datetime) -> tuple[str, str]:
    if end < start:
        raise KioskError("exports.inverted_range")
    return chain.format_timestamp(start), chain.format_timestamp(end)


def count_sales(journal: Journal, start: datetime, end: datetime) -> int:
    """How many sales were created in ``[start, end)`` (a progress bar's total)."""
    first, last = _range(start, end)
    query = (
        select(func.count())
        .select_from(sales)
        .where(sales.c.created_at >= first, sales.c.created_at < last)
    )
    with journal.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def _sales_query(first: str, last: str, *, full_lines: bool) -> Any:
    columns = [
        sales.c.created_at,
        sales.c.reference,
        sales.c.kind,
        sales.c.operator_name,
        sales.c.line_masked,
        sales.c.amount_pesos,
        sales.c.earned_minor,
        sales.c.earned_currency,
        sales.c.state,
        sales.c.clerk,
        sales.c.gateway_tx_id,
        sales.c.provider_tx_id,
    ]
    source: Any = sales
    if full_lines:
        columns.append(sale_lines.c.line)
        source = sales.outerjoin(sale_lines, sale_lines.c.reference == sales.c.reference)
    return (
        select(*columns)
        .select_from(source)
        .where(sales.c.created_at >= first, sales.c.created_at < last)
        .order_by(sales.c.created_at, sales.c.reference)
        .execution_options(yield_per=BATCH)
    )


def _plain(value: object) -> str:
    """A text cell; one a spreadsheet would run as a formula is kept as text."""
    if value is None:
        return ""
    shown = str(value)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


def _decimal(minor: int | None, mark: str) -> str:
    """Hundredths as a decimal text: 12345 -> ``123,45`` (or ``123.45``)."""
    if minor is None:
        return ""
    sign = "-" if minor < 0 else ""
    units, cents = divmod(abs(int(minor)), 100)
    return f"{sign}{units}{mark}{cents:02d}"


def _store_time(stored: str) -> str:
    moment = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    return moment.astimezone(STORE_TIMEZONE).strftime("%Y-%m-%d %H:%M:%S")


def write_sales_csv(
    journal: Journal,
    start: datetime,
    end: datetime,
    path: Path,
    *,
    full_lines: bool,
    progress: ProgressFn | None = None,
    say: Say = spanish,
    style: CsvStyle = SPANISH_CSV,
) -> int:
    """Write the sales created in ``[start, end)`` (aware datetimes) to ``path``; the rows.

    ``full_lines`` puts each sale's full line in (an admin's export: the caller
    checks the admin PIN first). ``say`` translates the header and the words;
    ``style`` is the language's separator and decimal mark. See the module's
    docstring for the format.
    """
    first, last = _range(start, end)
    header = [_word(say, source) for _name, source in COLUMNS]
    states = {str(state): _word(say, source) for state, source in STATE_WORDS.items()}
    kinds = {str(kind): _word(say, source) for kind, source in KIND_WORDS.items()}
    purged = _word(say, PURGED)
    query = _sales_query(first, last, full_lines=full_lines)

    def write(stream: IO[str]) -> int:
        stream.write("\ufeff")
        writer = csv.writer(stream, delimiter=style.delimiter, lineterminator="\r\n")
        writer.writerow(header)
        written = 0
        with read_transaction(journal.engine) as connection:
            for batch in connection.execute(query).partitions():
                rows = []
                for row in batch:
                    if full_lines:
                        line = row.line if row.line is not None else purged
                    else:
                        line = row.line_masked
                    rows.append(
                        (
                            _store_time(row.created_at),
                            _plain(row.reference),
                            kinds.get(row.kind, row.kind),
                            _plain(row.operator_name),
                            line,
                            row.amount_pesos,
                            _decimal(row.earned_minor, style.decimal),
                            _plain(row.earned_currency),
                            states.get(row.state, row.state),
                            row.state,
                            _plain(row.clerk),
                            _plain(row.gateway_tx_id),
                            _plain(row.provider_tx_id),
                        )
                    )
                writer.writerows(rows)
                written += len(rows)
                if progress is not None:
                    progress(len(rows))
        return written

    return _write_atomically(Path(path), private=full_lines, write=write)


# ----------------------------------------------------------------------- the JSON
def _meta(connection: Connection) -> dict[str, Any]:
    row = connection.execute(select(journal_meta)).mappings().first()
    if row is None:
        raise KioskError("journal.meta_missing")
    return {key: value for key, value in row.items() if key != "id"}


def _entry_lines(connection: Connection) -> Iterator[tuple[list[str], str]]:
    """Each batch of entries as JSON lines, and the batch's last hash.

    A payload stored as its canonical text goes into the line as that very text (it
    is JSON already: no second encoding); any other stays text, a JSON string, so an
    edited entry fails in the export as it does in the database.
    """
    query = (
        select(*(journal_entries.c[name] for name in _ENTRY_FIELDS))
        .order_by(journal_entries.c.seq)
        .execution_options(yield_per=BATCH)
    )
    for batch in connection.execute(query).mappings().partitions():
        lines = []
        for row in batch:
            entry = dict(row)
            stored = entry.pop("payload")
            canonical = not isinstance(decode_payload(stored), str)
            payload = stored if canonical else json.dumps(stored, ensure_ascii=False)
            head = json.dumps(entry, ensure_ascii=False, sort_keys=True)
            lines.append(f'{head[:-1]}, "payload": {payload}}}')
        yield lines, batch[-1]["hash"]


def count_entries(journal: Journal) -> int:
    """How many entries the journal holds (a progress bar's total)."""
    return journal.entry_count()


@dataclass(frozen=True)
class ExportedJournal:
    """What a JSON export holds: how many entries, and the last one's hash."""

    entries: int
    last_hash: str


def export_journal(
    journal: Journal, path: Path, *, progress: ProgressFn | None = None
) -> ExportedJournal:
    """Write the journal's origin and every entry to ``path`` (0600), from one snapshot."""
    last_hash = ""

    def write(stream: IO[str]) -> int:
        nonlocal last_hash
        written = 0
        with read_transaction(journal.engine) as connection:
            meta = _meta(connection)
            last_hash = meta["genesis_hash"]
            head = {"format": JSON_FORMAT, "version": JSON_VERSION, "meta": meta}
            opening = json.dumps(head, ensure_ascii=False, sort_keys=True)
            stream.write(opening[:-1] + ', "entries": [')
            for lines, batch_hash in _entry_lines(connection):
                stream.write(("\n" if written == 0 else ",\n") + ",\n".join(lines))
                written += len(lines)
                last_hash = batch_hash
                if progress is not None:
                    progress(len(lines))
            stream.write("\n]}\n")
        return written

    count = _write_atomically(Path(path), private=True, write=write)
    return ExportedJournal(count, last_hash)


def write_journal_json(journal: Journal, path: Path, *, progress: ProgressFn | None = None) -> int:
    """Write the journal's origin and every entry to ``path`` (0600); how many entries."""
    return export_journal(journal, path, progress=progress).entries


def read_journal_json(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ``meta`` and ``entries`` of an export; ``exports.json_*`` if it is not one."""
    try:
        with Path(path).open(encoding="utf-8") as stream:
            document = json.load(stream)
    except FileNotFoundError:
        raise KioskError("exports.json_missing", path=str(path)) from None
    except OSError as error:
        raise KioskError(
            "exports.json_unreadable", path=str(path), detail=error.strerror or str(error)
        ) from None
    except ValueError:  # not JSON (or not UTF-8)
        raise KioskError("exports.json_not_export", path=str(path)) from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise KioskError("exports.json_not_export", path=str(path))
    if document.get("version") != JSON_VERSION:
        raise KioskError("exports.json_version", version=str(document.get("version")))
    meta, entries = document.get("meta"), document.get("entries")
    if (
        not isinstance(meta, dict)
        or not all(isinstance(meta.get(name), str) for name in chain.GENESIS_FIELDS)
        or not isinstance(entries, list)
    ):
        raise KioskError("exports.json_not_export", path=str(path))
    return cast("dict[str, Any]", meta), cast("list[dict[str, Any]]", entries)


def _well_formed(entry: object) -> bool:
    """An entry with every field, of the types the chain hashes (else: a damaged entry)."""
    if not (isinstance(entry, dict) and entry.keys() >= _ENTRY_KEYS):
        return False
    texts = (name for name in _ENTRY_FIELDS if name not in ("seq", "payload"))
    return (
        type(entry["seq"]) is int
        and isinstance(entry["payload"], dict | str)
        and all(isinstance(entry[name], str) for name in texts)
    )


def verify_export(
    meta: Mapping[str, Any],
    entries: list[dict[str, Any]],
    *,
    against: str | None = None,
    progress: ProgressFn | None = None,
) -> VerifyReport:
    """Verify an export read by :func:`read_journal_json`: the origin, the chain and the
    replay of every sale (an export has no ``sales`` rows and no lines to compare).

    ``entries`` is emptied as verification copies it (a year of entries is a million
    dicts: held once, not twice).
    """
    for position, entry in enumerate(entries, start=1):
        if not _well_formed(entry):
            problem = problem_at(position, "journal.bad_entry")
            return VerifyReport(False, len(entries), 0, "", first_problem=problem)
    return verify_entries(meta, _drained(entries), None, against=against, progress=progress)


def _drained(entries: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``entries`` in order, each let go of once it was handed over."""
    entries.reverse()
    while entries:
        yield entries.pop()


def verify_journal_json(
    path: Path, *, against: str | None = None, progress: ProgressFn | None = None
) -> VerifyReport:
    """Verify the export at ``path``; a tampered export is not ``ok``."""
    meta, entries = read_journal_json(path)
    return verify_export(meta, entries, against=against, progress=progress)
