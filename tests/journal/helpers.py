"""Helpers of the journal tests: the store's ids, paths through the state machine, an attacker."""

from __future__ import annotations

import itertools
import sqlite3
from collections import deque
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kiosk.domain.sale import ALLOWED_TRANSITIONS, SaleKind, SaleState
from kiosk.journal import Entry, Journal
from kiosk.journal.engine import parse_url
from kiosk.journal.schema import PG_REFUSE_FUNCTION, append_only_triggers

STORE_ID = "store-1"
KIOSK_ID = "kiosk-a"
LINE_SECRET = b"test-line-secret-0123456789abcdef"
ACTOR = f"kiosk:{KIOSK_ID}"
# In the past of any machine that runs the tests (the purge command uses the real clock).
START = datetime(2025, 1, 15, 18, 0, 0, 123456, tzinfo=UTC)


_line_numbers = itertools.count(1_000_001)


def fresh_line() -> str:
    """A distinct, valid line per call (so raw-byte searches are unambiguous)."""
    return f"31{next(_line_numbers):08d}"


def path_to(target: SaleState) -> list[SaleState]:
    """The shortest list of states from CREATED (included) to ``target`` (included)."""
    start = SaleState.CREATED
    previous: dict[SaleState, SaleState | None] = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if state is target:
            break
        for following in sorted(ALLOWED_TRANSITIONS[state]):
            if following not in previous:
                previous[following] = state
                queue.append(following)
    path: list[SaleState] = []
    step: SaleState | None = target
    while step is not None:
        path.append(step)
        step = previous[step]
    return list(reversed(path))


def create_sale(
    journal: Journal,
    reference: str,
    *,
    line: str | None = None,
    amount: int = 10_000,
    kind: SaleKind = SaleKind.TOPUP,
) -> Entry:
    return journal.record(
        reference,
        SaleState.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=kind,
        amount_pesos=amount,
        line=line or fresh_line(),
    )


def drive(journal: Journal, reference: str, target: SaleState, **create: Any) -> list[Entry]:
    """Create a sale and move it along the shortest path to ``target``."""
    path = path_to(target)
    entries = [create_sale(journal, reference, **create)]
    for state in path[1:]:
        entries.append(journal.record(reference, state, event=f"test.{state}", actor=ACTOR))
    return entries


def build_history(journal: Journal) -> dict[str, list[Entry]]:
    """A small, varied journal: four sales, a dozen entries."""
    sales = {
        "KDELIVERED": SaleState.DELIVERED,
        "KPENDING": SaleState.PAYMENT_PENDING,
        "KDECLINED": SaleState.DECLINED,
        "KPND": SaleState.PAID_NOT_DELIVERED,
    }
    return {reference: drive(journal, reference, state) for reference, state in sales.items()}


class Tamperer:
    """Changes the database behind the app's back, as an attacker with the file would.

    SQLite through the standard library's sqlite3; PostgreSQL through a plain
    connection. Triggers are dropped first, as an attacker would.
    """

    def __init__(self, url: str) -> None:
        parsed = parse_url(url)  # postgresql:// with the app's driver
        self.backend = parsed.get_backend_name()
        if self.backend == "sqlite":
            self._sqlite = sqlite3.connect(parsed.database, isolation_level=None)
        else:
            self._engine = create_engine(parsed, poolclass=NullPool, isolation_level="AUTOCOMMIT")
            self._connection = self._engine.connect()

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        if self.backend == "sqlite":
            return self._sqlite.execute(sql, params or {}).fetchall()
        result = self._connection.execute(text(sql), params or {})
        return [tuple(row) for row in result] if result.returns_rows else []

    def drop_triggers(self) -> None:
        for table in ("journal_entries", "journal_meta"):
            for action in ("update", "delete", "truncate"):
                if self.backend == "sqlite":
                    self.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
                else:
                    self.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")

    def restore_triggers(self) -> None:
        """Put the append-only triggers back as the migration made them (a careful attacker)."""
        for name, definition in append_only_triggers(self.backend).items():
            if self.backend == "sqlite":
                self.execute(definition)
            else:
                action = name.rsplit("_", 1)[1].upper()
                level = "STATEMENT" if action == "TRUNCATE" else "ROW"
                self.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {definition} "
                    f"FOR EACH {level} EXECUTE FUNCTION {PG_REFUSE_FUNCTION}()"
                )

    def entries(self) -> list[dict[str, Any]]:
        columns = ["seq", "created_at", "reference", "kind", "event", "state", "actor"]
        columns += ["payload", "prev_hash", "hash"]
        rows = self.execute(f"SELECT {', '.join(columns)} FROM journal_entries ORDER BY seq")
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def move_entry(self, old_seq: int, new_seq: int) -> None:
        self.execute(
            "UPDATE journal_entries SET seq = :new WHERE seq = :old",
            {"new": new_seq, "old": old_seq},
        )

    def close(self) -> None:
        if self.backend == "sqlite":
            self._sqlite.close()
        else:
            self._connection.close()
            self._engine.dispose()
