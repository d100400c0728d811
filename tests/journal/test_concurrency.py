"""Two processes writing at once keep one chain; one app instance per journal; the write lock."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event

from kiosk.domain.errors import JournalError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import InstanceLock, Journal, JournalWriter, instance_lock_for, open_journal
from kiosk.journal.engine import PG_WRITE_LOCK_KEY
from tests.journal.helpers import ACTOR, KIOSK_ID, LINE_SECRET, STORE_ID, drive, fresh_line

REPO = Path(__file__).resolve().parents[2]
PER_PROCESS = 50
#: Entries the other process writes before the app's writer starts.
HEAD = 3
OTHER_ACTOR = "kiosk:second-process"

APPENDER = textwrap.dedent(
    f"""
    import sys
    from kiosk.domain.sale import SaleKind, SaleState
    from kiosk.journal import open_journal

    url, count, head = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    journal = open_journal(url, store_id={STORE_ID!r}, kiosk_id={KIOSK_ID!r},
                           line_secret={LINE_SECRET!r})
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go"
    for number in range(count):
        if number == head:
            # A few entries are in; wait until the app has written too, then both go on.
            print("started", flush=True)
            sys.stdin.readline()
        journal.record(f"KCHILD{{number:03d}}", SaleState.CREATED, event="sale.created",
                       actor={OTHER_ACTOR!r}, kind=SaleKind.TOPUP, amount_pesos=1000 + number,
                       line=f"32{{number:08d}}")
    journal.close()
    print("done", flush=True)
    """
)

LOCKER = textwrap.dedent(
    """
    import sys
    from kiosk.domain.errors import JournalError
    from kiosk.journal import instance_lock_for

    lock = instance_lock_for(sys.argv[1])
    try:
        lock.acquire()
    except JournalError as error:
        print(error.code, flush=True)
        sys.exit(3)
    lock.release()
    print("acquired", flush=True)
    """
)


def _python(*args: str, **kwargs) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, *args], cwd=REPO, env=environment, text=True, **kwargs)


def test_the_app_and_other_processes_writing_at_once_keep_one_chain(
    journal: Journal, db_url: str
) -> None:
    drive(journal, "KPND", SaleState.PAID_NOT_DELIVERED)
    start_count = journal.entry_count()
    lock = instance_lock_for(db_url)
    lock.acquire()  # the running app holds its instance lock; the CLI must not need it
    writer = JournalWriter(journal)
    child = _python(
        "-c",
        APPENDER,
        db_url,
        str(PER_PROCESS),
        str(HEAD),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    settle = None
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "ready"
        settle = _python(
            "-m",
            "kiosk",
            "journal",
            "settle",
            "KPND",
            "--how",
            "Devuelto en efectivo",
            "--db",
            db_url,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "started"
        futures = [
            writer.record(
                f"KAPP{number:03d}",
                SaleState.CREATED,
                event="sale.created",
                actor=ACTOR,
                kind=SaleKind.TOPUP,
                amount_pesos=2_000 + number,
                line=fresh_line(),
            )
            for number in range(PER_PROCESS)
        ]
        futures[0].result(timeout=60)
        # The app has written: the other process goes on while the app's writer still writes.
        child.stdin.write("go on\n")
        child.stdin.flush()
        app_entries = [future.result(timeout=60) for future in futures]
        assert child.stdout.readline().strip() == "done"
        assert child.wait(timeout=60) == 0
        settle_out, settle_err = settle.communicate(timeout=60)
        assert settle.returncode == 0, settle_err
    finally:
        writer.close()
        lock.release()
        for process in (child, settle):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()

    assert "KPND" in settle_out
    sale = journal.sale("KPND")
    assert sale is not None and sale.state is SaleState.SETTLED
    entries = journal.export_entries()
    assert len(entries) == start_count + 2 * PER_PROCESS + 1
    assert [entry["seq"] for entry in entries] == list(range(1, len(entries) + 1))
    actors = [entry["actor"] for entry in entries[start_count:]]
    assert actors.count(OTHER_ACTOR) == PER_PROCESS and actors.count(ACTOR) == PER_PROCESS
    assert actors.count("cli") == 1
    # The writers overlapped: the other process wrote both before and after the app's first
    # entry (by the hand-over above, whatever order SQLite's unfair busy handler picks).
    child_seqs = [entry["seq"] for entry in entries if entry["actor"] == OTHER_ACTOR]
    assert min(child_seqs) < app_entries[0].seq < max(child_seqs)
    assert [entry.seq for entry in app_entries] == sorted(entry.seq for entry in app_entries)
    report = journal.verify()
    assert report.ok, report.first_problem
    assert report.entries == len(entries)


def test_the_instance_lock_refuses_a_second_opener_in_another_process(db_url: str) -> None:
    with open_journal(db_url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET):
        pass
    lock = instance_lock_for(db_url)
    lock.acquire()
    try:
        refused = _python("-c", LOCKER, db_url, stdout=subprocess.PIPE)
        out, _ = refused.communicate(timeout=60)
        assert (refused.returncode, out.strip()) == (3, "journal.locked")
        # In this process too, a second lock object is refused.
        with pytest.raises(JournalError) as raised:
            instance_lock_for(db_url).acquire()
        assert raised.value.code == "journal.locked"
    finally:
        lock.release()
    assert not lock.held
    allowed = _python("-c", LOCKER, db_url, stdout=subprocess.PIPE)
    out, _ = allowed.communicate(timeout=60)
    assert (allowed.returncode, out.strip()) == (0, "acquired")


def test_the_instance_lock_file_sits_next_to_the_sqlite_file(tmp_path: Path) -> None:
    database = tmp_path / "data" / "journal.sqlite3"
    lock = instance_lock_for(f"sqlite:///{database}")
    assert isinstance(lock, InstanceLock)
    assert lock.path == database.with_name("journal.sqlite3.lock")
    with lock:
        assert lock.held and lock.path.exists()
    assert not lock.held


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_writes_begin_immediate_and_reads_stay_deferred(
    journal: Journal, db_url: str
) -> None:
    statements: list[str] = []
    event.listen(
        journal.engine,
        "before_cursor_execute",
        lambda _conn, _cursor, statement, *_rest: statements.append(statement),
    )
    drive(journal, "KIMM", SaleState.PAYMENT_PENDING)
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins and set(begins) == {"BEGIN IMMEDIATE"}
    statements.clear()
    journal.verify()
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN"]

    # While another process holds the write lock, reads still work (WAL readers never wait).
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        assert journal.verify().ok
        assert journal.sale("KIMM") is not None
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_every_sqlite_connection_is_set_up(journal: Journal) -> None:
    expected = {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": 10_000,
        "secure_delete": 1,
    }
    seen = []
    connections = [journal.engine.connect() for _ in range(3)]  # three distinct connections
    try:
        for connection in connections:
            seen.append(
                {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in expected}
            )
    finally:
        for connection in connections:
            connection.close()
    assert seen == [expected] * 3


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_postgres_writes_take_the_advisory_lock_first(journal: Journal) -> None:
    statements: list[str] = []
    event.listen(
        journal.engine,
        "before_cursor_execute",
        lambda _conn, _cursor, statement, *_rest: statements.append(statement),
    )
    drive(journal, "KADV", SaleState.CREATED)
    assert "pg_advisory_xact_lock" in statements[0]
    assert str(PG_WRITE_LOCK_KEY) not in statements[0]  # bound, not pasted
