"""One app instance per journal.

* SQLite: an OS file lock on ``<database file>.lock`` next to the database
  (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows). The OS drops it
  when the process dies, so a crash never leaves a stale lock. The lock file is
  never deleted (deleting it would let two processes lock two different files).
  It is private (0600, its folder created 0700: ``kiosk.journal.files``).
* PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) on a
  connection held open for as long as the app runs; the server drops it when
  that session ends. It works across machines sharing one server.

CLI commands do not take this lock: they coexist with a running app and rely on
the write lock of each transaction instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from kiosk.domain.errors import JournalError
from kiosk.journal.engine import (
    PG_INSTANCE_LOCK_KEY,
    create_database_engine,
    parse_url,
    sqlite_path,
)
from kiosk.journal.files import open_private, private_folder


class _Lock:
    """Acquire and release, also as a context manager."""

    def acquire(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.release()


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class InstanceLock(_Lock):
    """An exclusive OS lock on ``path``; a second holder gets ``JournalError("journal.locked")``."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        private_folder(self.path.parent)
        handle = os.fdopen(open_private(self.path), "r+b")  # kept open while the lock is held
        if not _try_lock(handle):
            handle.close()
            raise JournalError("journal.locked")
        # The holder's pid, for a human looking at the folder; the lock itself is what counts.
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()


class PgInstanceLock(_Lock):
    """A session advisory lock on the PostgreSQL database that holds the journal."""

    def __init__(self, url: str | URL, key: int = PG_INSTANCE_LOCK_KEY) -> None:
        self._url = parse_url(url)
        self._key = key
        self._engine: Engine | None = None
        self._connection: Connection | None = None

    @property
    def held(self) -> bool:
        return self._connection is not None

    def acquire(self) -> None:
        if self._connection is not None:
            return
        engine = create_database_engine(self._url, poolclass=NullPool)
        try:
            connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except DBAPIError as error:
            engine.dispose()
            detail = str(error.orig).splitlines()[0][:200] if error.orig is not None else ""
            raise JournalError("journal.unavailable", detail=detail) from None
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key}
            ).scalar()
        except BaseException:
            connection.close()
            engine.dispose()
            raise
        if not got:
            connection.close()
            engine.dispose()
            raise JournalError("journal.locked")
        self._engine, self._connection = engine, connection

    def release(self) -> None:
        connection, self._connection = self._connection, None
        engine, self._engine = self._engine, None
        if connection is not None:
            try:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
            finally:
                connection.close()
        if engine is not None:
            engine.dispose()


def instance_lock_for(url: str | URL) -> InstanceLock | PgInstanceLock:
    """The app-instance lock that fits the journal at ``url`` (not yet acquired)."""
    parsed = parse_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        return InstanceLock(path.with_name(path.name + ".lock"))
    if parsed.get_backend_name() == "postgresql":
        return PgInstanceLock(parsed)
    raise JournalError("journal.unsupported_database", backend=parsed.get_backend_name())
