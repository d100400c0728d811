"""Engines and transactions: how the journal talks to SQLite and PostgreSQL.

SQLite (every connection): WAL mode, ``synchronous=FULL``, foreign keys on,
``busy_timeout``, and ``secure_delete`` on so that erased lines are overwritten
with zeros rather than left in free space. Python's sqlite3 transaction
handling is switched off and SQLAlchemy emits the BEGIN itself (the recipe in
SQLAlchemy's SQLite docs): ``BEGIN IMMEDIATE`` for writes, so the write lock is
taken before the last hash is read, and a deferred ``BEGIN`` for reads.

PostgreSQL: each write transaction first takes a transaction-level advisory
lock (``pg_advisory_xact_lock``), so two processes append one after the other.
A ``postgresql://`` URL uses psycopg 3 (the ``postgres`` extra), not SQLAlchemy's
default psycopg2; a missing driver is ``journal.driver_missing``, naming the extra.

A read-only engine (``kiosk journal verify``) never writes the database: SQLite
opens the file with ``mode=ro`` (a 0-byte file stays 0 bytes; the WAL is still
read, and SQLite may create the empty ``-wal``/``-shm`` it needs to read it
safely next to a running app), PostgreSQL runs read-only transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import NoSuchModuleError
from sqlalchemy.pool import ConnectionPoolEntry

from kiosk.domain.errors import JournalError

BUSY_TIMEOUT_MS = 10_000
#: Advisory lock keys on PostgreSQL ("kiosk" in ASCII, then a role number).
PG_WRITE_LOCK_KEY = 0x6B696F736B01
PG_INSTANCE_LOCK_KEY = 0x6B696F736B02

#: The PostgreSQL driver of ``postgresql://`` URLs, installed by the ``postgres`` extra.
PG_DRIVER = "psycopg"
PG_EXTRA = "postgres"

_WRITE_OPTION = "kiosk_journal_write"


def parse_url(url: str | URL) -> URL:
    """``url`` parsed; ``postgresql://`` (and ``postgres://``) get the app's driver."""
    try:
        parsed = make_url(url)
    except Exception:
        raise JournalError("journal.bad_url") from None
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername=f"postgresql+{PG_DRIVER}")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise JournalError("journal.unsupported_database", backend=parsed.get_backend_name())
    return parsed


def create_database_engine(url: URL, **options: Any) -> Engine:
    """``create_engine`` that names the missing driver (and the extra) instead of a traceback."""
    try:
        return create_engine(url, **options)
    except NoSuchModuleError:
        raise JournalError("journal.unsupported_database", backend=url.drivername) from None
    except ImportError:
        raise JournalError(
            "journal.driver_missing", driver=url.get_driver_name(), extra=PG_EXTRA
        ) from None


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


def _sqlite_on_connect_read_only(
    dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry
) -> None:
    # No journal_mode (that writes the header of an empty file): only wait and never write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str | URL, *, read_only: bool = False) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is None:
            raise JournalError("journal.unsupported_database", backend="sqlite:memory")
        if read_only:
            uri = f"{path.resolve().as_uri()}?mode=ro"

            def connect_read_only() -> sqlite3.Connection:
                return sqlite3.connect(uri, uri=True, check_same_thread=False)

            engine = create_database_engine(parsed, creator=connect_read_only)
            event.listen(engine, "connect", _sqlite_on_connect_read_only)
        else:
            engine = create_database_engine(parsed)
            event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if read_only:
        return create_database_engine(
            parsed, pool_pre_ping=True, execution_options={"postgresql_readonly": True}
        )
    return create_database_engine(parsed, pool_pre_ping=True)


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
