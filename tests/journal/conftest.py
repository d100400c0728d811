"""Journal fixtures: every journal test runs on a real SQLite file and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.journal import Journal, open_journal
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID, FakeClock
from tests.pg import pg_cluster, pg_url  # noqa: F401 - fixtures

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'journal.sqlite3'}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def journal(db_url: str, clock: FakeClock) -> Iterator[Journal]:
    opened = open_journal(
        db_url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET, now=clock
    )
    yield opened
    opened.close()
