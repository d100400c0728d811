"""Engines and transactions: how the journal talks to SQLite and PostgreSQL.

SQLite (every connection): WAL mode, ``synchronous=FULL``, foreign keys on,
``busy_timeout``, and ``secure_delete`` on so that erased lines are overwritten
with zeros rather than left in free space. Python's sqlite3 transaction
handling is switched off and SQLAlchemy emits the BEGIN itself (the recipe in
SQLAlchemy's SQLite docs): ``BEGIN IMMEDIATE`` for writes, so the write lock is
taken before the last hash is read, and a deferred ``BEGIN`` for reads.

PostgreSQL: each write transaction first takes a transaction-level advisory
lock (``pg_advisory_xact_lock``), so two processes append one after the other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from kiosk.domain.errors import JournalError

BUSY_TIMEOUT_MS = 10_000
#: Advisory lock keys on PostgreSQL ("kiosk" in ASCII, then a role number).
PG_WRITE_LOCK_KEY = 0x6B696F736B01
PG_INSTANCE_LOCK_KEY = 0x6B696F736B02

_WRITE_OPTION = "kiosk_journal_write"


def parse_url(url: str | URL) -> URL:
    try:
        parsed = make_url(url)
    except Exception:
        raise JournalError("journal.bad_url") from None
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise JournalError("journal.unsupported_database", backend=parsed.get_backend_name())
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The database file of a SQLite URL (None for in-memory or another backend)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # Take transaction control away from the driver; SQLAlchemy emits BEGIN below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str | URL) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        if sqlite_path(parsed) is None:
            raise JournalError("journal.unsupported_database", backend="sqlite:memory")
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One explicit write transaction holding the journal's write lock until commit."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE_OPTION: True})
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK_KEY}
                )
            yield connection


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A consistent snapshot for reads that span several statements."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection
