"""The sales journal: an append-only, hash-chained log with ``sales`` as its projection.

Every state change of a sale is one entry, appended in one write transaction
that also rewrites the sale's ``sales`` row. The move is checked against the
sale's state machine under the write lock, so a forbidden move writes nothing.

In the app every write goes through one :class:`kiosk.journal.writer.JournalWriter`;
reads may come from any thread (each gets its own pooled connection).
"""

from __future__ import annotations

import hmac
import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Engine, RowMapping, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from kiosk.domain.errors import JournalError, ValidationError
from kiosk.domain.lines import mask_line, normalize_line
from kiosk.domain.sale import FINAL_STATES, SaleKind, SaleState, check_transition
from kiosk.journal import chain
from kiosk.journal.engine import (
    is_sqlite,
    make_engine,
    parse_url,
    read_transaction,
    sqlite_path,
    write_transaction,
)
from kiosk.journal.files import make_private, private_file, private_folder
from kiosk.journal.migrate import ensure_schema, stored_revision
from kiosk.journal.privacy import check_payload, line_hmac, redact_text
from kiosk.journal.projection import apply_entry
from kiosk.journal.schema import journal_entries, journal_meta, sale_lines, sales
from kiosk.journal.storage import integrity_problem, trigger_problem
from kiosk.journal.verify import (
    Problem,
    VerifyReport,
    decode_payload,
    problem_at,
    verify_entries,
)

if TYPE_CHECKING:  # search imports this module (SaleRecord)
    from kiosk.journal.search import SalePage, SaleQuery

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)

#: Payload keys the journal writes itself on the creating entry.
RESERVED_KEYS = frozenset(
    {"amount_pesos", "line_hmac", "line_masked", "sender_line_hmac", "sender_line_masked"}
)
LINE_ROLES = ("line", "sender")
PURGE_EVENT = "journal.lines_purged"
#: Journal-level events the journal writes itself (``record_event`` refuses them).
JOURNAL_EVENT_PREFIX = "journal."
_FINAL = tuple(str(state) for state in FINAL_STATES)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Entry:
    """One appended entry. ``state`` and ``kind`` are None for journal-level entries (a purge)."""

    seq: int
    reference: str
    state: SaleState | None
    hash: str
    created_at: datetime
    payload: Mapping[str, Any]
    event: str = ""
    actor: str = ""
    kind: SaleKind | None = None
    prev_hash: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, Any] | RowMapping) -> Entry:
        payload = row["payload"]
        return cls(
            seq=row["seq"],
            reference=row["reference"],
            state=SaleState(row["state"]) if row["state"] else None,
            hash=row["hash"],
            created_at=chain.parse_timestamp(row["created_at"]),
            payload=json.loads(payload) if isinstance(payload, str) else dict(payload),
            event=row["event"],
            actor=row["actor"],
            kind=SaleKind(row["kind"]) if row["kind"] else None,
            prev_hash=row["prev_hash"],
        )


@dataclass(frozen=True)
class SaleRecord:
    """A sale as the ``sales`` projection shows it. Only the masked line: see ``line_for``."""

    reference: str
    kind: SaleKind
    state: SaleState
    amount_pesos: int
    line_hmac: str
    line_masked: str
    payment_attempts: int
    delivery_attempts: int
    attempt_reference: str | None
    gateway_tx_id: str | None
    provider_tx_id: str | None
    pack_name: str | None
    created_at: datetime
    updated_at: datetime
    last_seq: int
    last_hash: str
    #: The operator's name as journaled (None for a sale that named none).
    operator_name: str | None = None
    #: The clerk's display name journaled at creation (None before clerks, or none signed in).
    clerk: str | None = None
    #: The provider's discount to the store, in hundredths of ``earned_currency``.
    earned_minor: int | None = None
    earned_currency: str | None = None

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @classmethod
    def from_row(cls, row: Mapping[str, Any] | RowMapping) -> SaleRecord:
        # A RowMapping is keyed by column names (it also answers to Column objects).
        values = dict(cast("Mapping[str, Any]", row))
        values["kind"] = SaleKind(values["kind"])
        values["state"] = SaleState(values["state"])
        values["created_at"] = chain.parse_timestamp(values["created_at"])
        values["updated_at"] = chain.parse_timestamp(values["updated_at"])
        return cls(**values)


def _check_label(value: str, what: str, limit: int = 64) -> None:
    if not isinstance(value, str) or not 0 < len(value) <= limit:
        raise JournalError(f"journal.bad_{what}")
    if not all(ch.isalnum() or ch in "_.:-" for ch in value):
        raise JournalError(f"journal.bad_{what}")


def _check_line(line: object) -> None:
    """The normalised form only (the domain normalises what people type), so it masks."""
    try:
        valid = isinstance(line, str) and line.isascii() and normalize_line(line) == line
    except ValidationError:
        valid = False
    if not valid:
        raise JournalError("journal.bad_line")


def _db_failure(error: DBAPIError) -> JournalError:
    """Log the driver's words for the administrator; the clerk gets a plain Spanish message."""
    # The driver's first line only (SQLAlchemy's text carries the statement's parameters),
    # and redacted: a driver may quote a value, and a value may be a line.
    first = str(error.orig).splitlines()[0][:200] if error.orig is not None else ""
    log.warning("journal write failed: %s: %s", type(error.orig).__name__, redact_text(first))
    return JournalError("journal.write_failed")


class Journal:
    """The journal of one store's kiosk (see :func:`open_journal`)."""

    def __init__(
        self,
        engine: Engine,
        meta: Mapping[str, str],
        *,
        line_secret: bytes = b"",
        now: Clock = _utc_now,
    ) -> None:
        self._engine = engine
        self._meta = dict(meta)
        self._genesis = str(meta["genesis_hash"])
        self._line_secret = line_secret
        self._now = now

    # ----------------------------------------------------------------- identity
    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def meta(self) -> dict[str, str]:
        """The ``journal_meta`` row: journal_id, store_id, kiosk_id, created_at, genesis_hash."""
        return dict(self._meta)

    @property
    def engine(self) -> Engine:
        return self._engine

    # ------------------------------------------------------------------ writes
    def record(
        self,
        reference: str,
        state: SaleState,
        *,
        event: str,
        actor: str,
        kind: SaleKind | None = None,
        amount_pesos: int | None = None,
        line: str | None = None,
        data: Mapping[str, Any] | None = None,
        sender_line: str | None = None,
    ) -> Entry:
        """Append one state change of a sale; refuse a forbidden move without writing.

        Creating a sale (``state`` CREATED) needs ``kind``, ``amount_pesos`` and
        ``line``; the line is stored apart, the chain gets its HMAC and masked
        form. So does a gift pack's ``sender_line`` (optional, creation only).
        ``data`` is the rest of the payload: picked gateway or provider fields
        (under ``gateway`` / ``provider``), ``attempt_reference``,
        ``pack_name``, and so on; never personal data.
        """
        _check_label(reference, "reference")
        _check_label(event, "event")
        _check_label(actor, "actor")
        try:
            state = SaleState(state)
        except ValueError:
            raise JournalError("journal.bad_state") from None
        payload: dict[str, Any] = dict(data or {})
        reserved = sorted(RESERVED_KEYS & payload.keys())
        if reserved:
            raise JournalError("journal.reserved_key", key=reserved[0])
        creating = state is SaleState.CREATED
        if creating:
            kind, amount_pesos, line = self._creation_fields(kind, amount_pesos, line)
            payload.update(
                amount_pesos=amount_pesos,
                line_hmac=line_hmac(self._line_secret, line),
                line_masked=mask_line(line),
            )
            if sender_line is not None:
                _check_line(sender_line)
                payload.update(
                    sender_line_hmac=line_hmac(self._line_secret, sender_line),
                    sender_line_masked=mask_line(sender_line),
                )
            check_payload(payload, known_lines=tuple(filter(None, (line, sender_line))))
        elif line is not None or sender_line is not None:
            raise JournalError("journal.line_only_at_creation")

        try:
            with write_transaction(self._engine) as connection:
                current = (
                    connection.execute(select(sales).where(sales.c.reference == reference))
                    .mappings()
                    .first()
                )
                check_transition(SaleState(current["state"]) if current else None, state)
                if current is not None:
                    if kind is not None and str(kind) != current["kind"]:
                        raise JournalError("journal.kind_mismatch", reference=reference)
                    if amount_pesos is not None and amount_pesos != current["amount_pesos"]:
                        raise JournalError("journal.amount_mismatch", reference=reference)
                    stored = connection.execute(
                        select(sale_lines.c.line, sale_lines.c.sender_line).where(
                            sale_lines.c.reference == reference
                        )
                    ).first()
                    check_payload(payload, known_lines=tuple(filter(None, stored or ())))
                    kind = SaleKind(current["kind"])
                entry = self._append(
                    connection,
                    reference=reference,
                    kind=str(kind),
                    event=event,
                    state=str(state),
                    actor=actor,
                    payload=payload,
                )
                row = apply_entry(dict(current) if current else None, entry)
                if current is None:
                    connection.execute(insert(sales).values(**row))
                    connection.execute(
                        insert(sale_lines).values(
                            reference=reference,
                            line=line,
                            sender_line=sender_line,
                            stored_at=entry["created_at"],
                        )
                    )
                else:
                    connection.execute(
                        update(sales).where(sales.c.reference == reference).values(**row)
                    )
        except DBAPIError as error:
            raise _db_failure(error) from None
        return Entry.from_row(entry)

    def _creation_fields(
        self, kind: SaleKind | None, amount_pesos: int | None, line: str | None
    ) -> tuple[SaleKind, int, str]:
        if kind is None or amount_pesos is None or line is None:
            raise JournalError("journal.creation_fields")
        try:
            kind = SaleKind(kind)
        except ValueError:
            raise JournalError("journal.bad_kind") from None
        if type(amount_pesos) is not int or amount_pesos <= 0:
            raise JournalError("journal.bad_amount")
        _check_line(line)
        if not self._line_secret:
            raise JournalError("journal.no_line_secret")
        return kind, amount_pesos, line

    def _append(self, connection: Connection, **fields: Any) -> dict[str, Any]:
        """Insert the next entry; the caller holds the write lock (its transaction)."""
        last = connection.execute(
            select(journal_entries.c.seq, journal_entries.c.hash)
            .order_by(journal_entries.c.seq.desc())
            .limit(1)
        ).first()
        seq, prev_hash = (last.seq + 1, last.hash) if last else (1, self._genesis)
        entry = {"seq": seq, "created_at": chain.format_timestamp(self._now()), **fields}
        entry["prev_hash"] = prev_hash
        entry["hash"] = chain.entry_hash(prev_hash, entry)
        connection.execute(
            insert(journal_entries).values(
                **{**entry, "payload": chain.canonical_json(entry["payload"])}
            )
        )
        return entry

    def record_event(self, event: str, *, actor: str, data: Mapping[str, Any]) -> Entry:
        """Append a journal-level entry: something that happened to no sale's state.

        A reprint (``"sale.reprinted"`` with the sale's ``"reference"``), a shift
        close (``"shift.closed"``), a settings change, a clerk signing in. The
        entry has no reference, kind or state (``Entry.state`` is None), so no
        sale's steps include it; ``data`` is its payload, checked like any other
        (no personal data, no floats). Events under ``journal.`` are the
        journal's own (a purge) and refused here. Find them with :meth:`events`.
        """
        _check_label(event, "event")
        _check_label(actor, "actor")
        if event.startswith(JOURNAL_EVENT_PREFIX):
            raise JournalError("journal.bad_event")
        payload: dict[str, Any] = dict(data)
        reserved = sorted(RESERVED_KEYS & payload.keys())
        if reserved:
            raise JournalError("journal.reserved_key", key=reserved[0])
        check_payload(payload)
        try:
            with write_transaction(self._engine) as connection:
                entry = self._append(
                    connection,
                    reference="",
                    kind="",
                    event=event,
                    state="",
                    actor=actor,
                    payload=payload,
                )
        except DBAPIError as error:
            raise _db_failure(error) from None
        return Entry.from_row(entry)

    def purge_lines(self, older_than: datetime, *, actor: str = "journal") -> int:
        """Erase the full lines of closed sales stored before ``older_than``; journal the purge.

        On SQLite the rows are overwritten with zeros (``secure_delete``) and the
        WAL is checkpointed and truncated, so the digits leave the files. On
        PostgreSQL ``VACUUM FULL`` rewrites the table into a new file; the
        server's WAL segments may keep the old rows until it recycles them (a
        limit of the server, not of the journal). Lines of sales still open are
        kept: reconciliation may need them. Returns how many lines were erased.
        """
        _check_label(actor, "actor")
        cutoff = chain.format_timestamp(older_than)
        try:
            with write_transaction(self._engine) as connection:
                doomed = list(
                    connection.execute(
                        select(sale_lines.c.reference)
                        .join(sales, sales.c.reference == sale_lines.c.reference)
                        .where(sale_lines.c.stored_at < cutoff, sales.c.state.in_(_FINAL))
                        .order_by(sale_lines.c.reference)
                    ).scalars()
                )
                for start in range(0, len(doomed), 500):
                    chunk = doomed[start : start + 500]
                    connection.execute(sale_lines.delete().where(sale_lines.c.reference.in_(chunk)))
                if doomed:
                    self._append(
                        connection,
                        reference="",
                        kind="",
                        event=PURGE_EVENT,
                        state="",
                        actor=actor,
                        payload={"count": len(doomed), "cutoff": cutoff},
                    )
        except DBAPIError as error:
            raise _db_failure(error) from None
        self._flush_erased()
        return len(doomed)

    def _flush_erased(self) -> None:
        """Push erased pages out of the WAL into the zeroed main file."""
        if is_sqlite(self._engine):
            raw = self._engine.raw_connection()
            try:
                # A connection just taken from the pool is live: pysqlite's own connection.
                driver = cast(sqlite3.Connection, raw.driver_connection)
                busy, _log, _done = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                raw.close()
            if busy:
                raise JournalError("journal.purge_pending")
        else:
            with self._engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT")
                connection.execute(text("VACUUM FULL sale_lines"))

    # ------------------------------------------------------------------- reads
    def sale(self, reference: str) -> SaleRecord | None:
        with self._engine.connect() as connection:
            row = (
                connection.execute(select(sales).where(sales.c.reference == reference))
                .mappings()
                .first()
            )
        return SaleRecord.from_row(row) if row else None

    def open_sales(self) -> list[SaleRecord]:
        """Sales not in a final state (paid-not-delivered included), oldest first."""
        return self._sales(sales.c.state.not_in(_FINAL))

    def sales_between(self, start: datetime, end: datetime) -> list[SaleRecord]:
        """Sales created in ``[start, end)`` (aware datetimes), oldest first."""
        first, last = chain.format_timestamp(start), chain.format_timestamp(end)
        return self._sales(sales.c.created_at >= first, sales.c.created_at < last)

    def sales_to_line(self, line: str, *, changed_since: datetime) -> list[SaleRecord]:
        """Sales to ``line`` (found by its keyed hash) whose last change is at or after
        ``changed_since``, oldest first: the provider's "recently recharged" rule."""
        since = chain.format_timestamp(changed_since)
        digest = line_hmac(self._line_secret, normalize_line(line))
        return self._sales(sales.c.line_hmac == digest, sales.c.updated_at >= since)

    def search_sales(self, query: SaleQuery) -> SalePage:
        """The history's search: one page of sales, newest first (:mod:`kiosk.journal.search`)."""
        from kiosk.journal.search import search_sales

        return search_sales(self._engine, self._line_secret, query)

    def _sales(self, *conditions: Any) -> list[SaleRecord]:
        query = select(sales).where(*conditions).order_by(sales.c.created_at, sales.c.reference)
        with self._engine.connect() as connection:
            return [SaleRecord.from_row(row) for row in connection.execute(query).mappings()]

    def line_digest(self, line: str) -> str:
        """The keyed hash the journal keeps of a normalised ``line`` (never the line itself)."""
        if not self._line_secret:
            raise JournalError("journal.no_line_secret")
        return line_hmac(self._line_secret, line)

    def line_for(self, reference: str, role: str = "line") -> str | None:
        """A sale's full line (``role="sender"``: a gift pack's sender), None once purged.

        Show it only where it is needed (the sale in progress, fulfilment).
        """
        if role not in LINE_ROLES:
            raise ValueError(f"role must be one of {LINE_ROLES}")
        column = sale_lines.c.line if role == "line" else sale_lines.c.sender_line
        with self._engine.connect() as connection:
            return connection.execute(
                select(column).where(sale_lines.c.reference == reference)
            ).scalar()

    def entries_for(self, reference: str) -> list[Entry]:
        """One sale's entries in journal order: its steps (never a journal-level entry)."""
        if not reference:
            return []
        query = (
            select(journal_entries)
            .where(journal_entries.c.reference == reference)
            .order_by(journal_entries.c.seq)
        )
        with self._engine.connect() as connection:
            return [Entry.from_row(row) for row in connection.execute(query).mappings()]

    def events(self, event: str, *, reference: str | None = None) -> list[Entry]:
        """The journal-level entries named ``event``, oldest first.

        With ``reference``, only those whose payload's ``"reference"`` is it (the
        reprints of one sale, say).
        """
        query = (
            select(journal_entries)
            .where(journal_entries.c.reference == "", journal_entries.c.event == event)
            .order_by(journal_entries.c.seq)
        )
        with self._engine.connect() as connection:
            found = [Entry.from_row(row) for row in connection.execute(query).mappings()]
        if reference is None:
            return found
        return [entry for entry in found if entry.payload.get("reference") == reference]

    def last_hash(self) -> str:
        """The newest entry's hash (the genesis value while the journal is empty)."""
        with self._engine.connect() as connection:
            last = connection.execute(
                select(journal_entries.c.hash).order_by(journal_entries.c.seq.desc()).limit(1)
            ).scalar()
        return last or self._genesis

    def entry_count(self) -> int:
        with self._engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(journal_entries)).scalar_one()
            )

    def export_entries(self) -> list[dict[str, Any]]:
        """Every entry as a plain dict (payload decoded if canonical), in order: the JSON export."""
        with read_transaction(self._engine) as connection:
            return self._entry_rows(connection)

    @staticmethod
    def _entry_rows(connection: Connection) -> list[dict[str, Any]]:
        rows = connection.execute(select(journal_entries).order_by(journal_entries.c.seq))
        exported = []
        for row in rows.mappings():
            entry = dict(row)
            # Not canonical text stays text, so an export verifies (and fails) like the database.
            entry["payload"] = decode_payload(entry["payload"])
            exported.append(entry)
        return exported

    def verify(
        self, *, against: str | None = None, progress: Callable[[int], None] | None = None
    ) -> VerifyReport:
        """Replay the whole log from one consistent snapshot and check everything.

        In this order, the first problem found is the one reported: the file
        itself (SQLite's integrity check; a damaged file makes the rest
        unreliable), the chain and the sales rows, the stored lines against
        their HMACs (only with the store's secret: ``lines_checked`` says how
        many were), and last the append-only triggers (an attacker drops them
        first, and what was changed matters more than the open door).
        ``progress`` (optional) is told how many more entries the chain walk checked.
        """
        try:
            with read_transaction(self._engine) as connection:
                damaged = integrity_problem(connection)
                if damaged is not None:
                    return VerifyReport(False, 0, 0, "", damaged)
                meta = connection.execute(select(journal_meta)).mappings().first()
                entries = self._entry_rows(connection)
                stored_sales = {
                    row["reference"]: dict(row)
                    for row in connection.execute(select(sales)).mappings()
                }
                lines = {
                    row.reference: (row.line, row.sender_line)
                    for row in connection.execute(
                        select(sale_lines.c.reference, sale_lines.c.line, sale_lines.c.sender_line)
                    )
                }
                unguarded = trigger_problem(connection)
        except DBAPIError as error:
            # Past what integrity_check could say ("database disk image is malformed").
            detail = str(error.orig).splitlines()[0][:200] if error.orig is not None else ""
            return VerifyReport(False, 0, 0, "", problem_at(None, "journal.damaged", detail=detail))
        meta_dict = {k: v for k, v in meta.items() if k != "id"} if meta else None
        report = verify_entries(
            meta_dict, entries, stored_sales, against=against, progress=progress
        )
        if not report.ok:
            return report
        if self._line_secret:
            report = replace(report, lines_checked=len(lines))
            problem = self._line_problem(entries, lines)
            if problem is not None:
                return replace(report, ok=False, first_problem=problem)
        if unguarded is not None:
            return replace(report, ok=False, first_problem=unguarded)
        return report

    def _line_problem(
        self, entries: list[dict[str, Any]], lines: Mapping[str, tuple[str, str | None]]
    ) -> Problem | None:
        """A stored line (or sender line) whose HMAC is not the one the chain holds."""
        created = {
            entry["reference"]: entry
            for entry in entries
            if entry["state"] == SaleState.CREATED and isinstance(entry["payload"], Mapping)
        }
        mismatches: list[Problem] = []
        for reference, (line, sender) in sorted(lines.items()):
            entry = created.get(reference)
            payload = entry["payload"] if entry else {}
            if payload.get("line_hmac") != line_hmac(self._line_secret, line) or (
                sender is not None
                and payload.get("sender_line_hmac") != line_hmac(self._line_secret, sender)
            ):
                seq = entry["seq"] if entry else None
                mismatches.append(problem_at(seq, "journal.line_mismatch", reference=reference))
        if len(mismatches) > 1 and len(mismatches) == len(lines):
            # Not one line matches: far more likely another store's key than every line changed.
            return problem_at(None, "journal.line_secret_mismatch", count=len(lines))
        return mismatches[0] if mismatches else None

    def checked_line_for(self, reference: str, role: str = "line") -> str | None:
        """:meth:`line_for`, checked against the keyed hash the chain holds for it.

        Call it right before the line is used (a top-up is sent to it): a line
        changed in ``sale_lines`` after the sale was created raises
        ``JournalError("journal.line_mismatch")``, and so does a creating entry
        whose payload no longer matches its own hash. None once purged (or for
        a gift pack without a sender), as :meth:`line_for`.
        """
        if role not in LINE_ROLES:
            raise ValueError(f"role must be one of {LINE_ROLES}")
        if not self._line_secret:
            raise JournalError("journal.no_line_secret")
        column = sale_lines.c.line if role == "line" else sale_lines.c.sender_line
        with read_transaction(self._engine) as connection:
            line = connection.execute(
                select(column).where(sale_lines.c.reference == reference)
            ).scalar()
            if line is None:
                return None
            created = (
                connection.execute(
                    select(journal_entries)
                    .where(
                        journal_entries.c.reference == reference,
                        journal_entries.c.state == str(SaleState.CREATED),
                    )
                    .order_by(journal_entries.c.seq)
                    .limit(1)
                )
                .mappings()
                .first()
            )
        if not self._line_matches(created, role, line):
            log.warning("the stored %s of sale %s does not match the journal", role, reference)
            raise JournalError("journal.line_mismatch", reference=reference)
        return str(line)

    def _line_matches(self, created: RowMapping | None, role: str, line: str) -> bool:
        if created is None:
            return False
        payload = decode_payload(created["payload"])
        if not isinstance(payload, Mapping):
            return False
        entry = {**created, "payload": payload}
        try:
            intact = chain.entry_hash(created["prev_hash"], entry) == created["hash"]
        except (KeyError, TypeError, ValueError):
            return False
        expected = payload.get("line_hmac" if role == "line" else "sender_line_hmac")
        return (
            intact
            and isinstance(expected, str)
            and hmac.compare_digest(expected, line_hmac(self._line_secret, line))
        )

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _read_meta(connection: Connection) -> dict[str, str] | None:
    row = connection.execute(select(journal_meta)).mappings().first()
    return {k: v for k, v in row.items() if k != "id"} if row else None


def _create_meta(engine: Engine, store_id: str, kiosk_id: str, now: Clock) -> dict[str, str]:
    with write_transaction(engine) as connection:
        existing = _read_meta(connection)
        if existing is not None:  # another process created it while we waited
            return existing
        meta = {
            "journal_id": str(uuid.uuid4()),
            "store_id": store_id,
            "kiosk_id": kiosk_id,
            "created_at": chain.format_timestamp(now()),
        }
        meta["genesis_hash"] = chain.genesis_hash(meta)
        connection.execute(insert(journal_meta).values(id=1, **meta))
        return meta


def _private_sqlite_files(path: Path) -> None:
    """The database file (created empty if missing) and its companions, owner-only."""
    try:
        private_folder(path.parent)
        private_file(path)
        for companion in ("-wal", "-shm"):
            make_private(path.with_name(path.name + companion))
    except OSError as error:
        raise JournalError("journal.unavailable", detail=error.strerror or str(error)) from None


def open_journal(
    url: str,
    *,
    store_id: str | None = None,
    kiosk_id: str | None = None,
    line_secret: bytes = b"",
    create: bool = True,
    migrate: bool = True,
    read_only: bool = False,
    now: Clock = _utc_now,
) -> Journal:
    """Open (and with ``create`` make) the journal at ``url``, upgrading its schema.

    ``store_id`` and ``kiosk_id`` name the journal's owner: required to create
    one, and when given they must match the journal's (a copy of another
    kiosk's journal is refused with ``journal.other_owner``); leave them out to
    read any journal (``kiosk journal verify --db``). ``line_secret`` is the
    per-store key of the line HMAC (needed to create sales; never stored).
    ``migrate=False`` refuses an old schema instead of upgrading it.
    ``read_only`` (for ``verify``; implies neither create nor migrate) never
    writes the database: nothing is created, upgraded or chmod-ed.

    A SQLite journal's folder is created 0700 and its files are made 0600
    (``kiosk.journal.files``), so its WAL and SHM are too.
    """
    parsed = parse_url(url)
    path = sqlite_path(parsed)
    if read_only:
        create = migrate = False
    if create and (not store_id or not kiosk_id):
        raise JournalError("journal.owner_required")
    if path is not None:
        if not path.exists() and not create:
            raise JournalError("journal.missing", path=str(path))
        if not read_only:
            _private_sqlite_files(path)
    engine = make_engine(parsed, read_only=read_only)
    try:
        if not create:
            with read_transaction(engine) as connection:
                if stored_revision(connection) is None:
                    raise JournalError("journal.missing", path=parsed.database or "")
        ensure_schema(engine, migrate=migrate)
        with read_transaction(engine) as connection:
            meta = _read_meta(connection)
        if meta is None:
            if not create:
                raise JournalError("journal.missing", path=parsed.database or "")
            meta = _create_meta(engine, str(store_id), str(kiosk_id), now)
        if (store_id and meta["store_id"] != store_id) or (
            kiosk_id and meta["kiosk_id"] != kiosk_id
        ):
            raise JournalError(
                "journal.other_owner", store_id=meta["store_id"], kiosk_id=meta["kiosk_id"]
            )
    except DBAPIError as error:
        engine.dispose()
        detail = str(error.orig).splitlines()[0][:200] if error.orig is not None else ""
        raise JournalError("journal.unavailable", detail=detail) from None
    except BaseException:
        engine.dispose()
        raise
    return Journal(engine, meta, line_secret=line_secret, now=now)
