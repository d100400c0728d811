"""A journal with a year of sales (200,000), for the history, report and export tests.

Fixtures (a pytest plugin, registered in tests/conftest.py):

- ``year_summary``: the :class:`~kiosk.journal.seeding.SeedSummary` of what was seeded;
- ``year_journal``: the path of a SQLite journal holding it, one per test session;
  open it with :func:`open_year` (the test store's ids and line secret). Read it only;
- ``year_journal_copy``: a fresh copy of that file for a test that writes (a settle, a
  shift close, a reprint).

Seeding takes seconds, so the built file is also kept between sessions in the system's
temp folder (``kiosk-seeded/<key>``, the key a hash of the seeding code and its
parameters: change either and it is built again; older builds are removed). Set
``KIOSK_SEED_CACHE=0`` to build it afresh every session.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.journal import Journal, open_journal
from kiosk.journal.seeding import SeedSummary, seed_sales
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID

#: What the year journal holds: 200,000 sales over 2025 (from midnight in Bogota).
YEAR_SALES = 200_000
YEAR_START = datetime(2025, 1, 1, 5, 0, tzinfo=UTC)
YEAR_DAYS = 365
YEAR_SEED = 1
CACHE_ENV = "KIOSK_SEED_CACHE"
_FILE = "journal.sqlite3"
_SUMMARY = "summary.pickle"
_ROOT = Path(__file__).resolve().parents[2]
#: The code whose change makes another journal (with the parameters above).
_SOURCES = (
    "kiosk/journal/seeding.py",
    "kiosk/journal/projection.py",
    "kiosk/journal/chain.py",
    "kiosk/journal/schema.py",
    "tests/support/seeded.py",
)


def open_year(path: Path, **options: object) -> Journal:
    """The seeded journal at ``path``, opened as the test store's kiosk."""
    return open_journal(
        f"sqlite:///{path}",
        store_id=STORE_ID,
        kiosk_id=KIOSK_ID,
        line_secret=LINE_SECRET,
        **options,  # type: ignore[arg-type]
    )


def build_year(folder: Path, *, count: int = YEAR_SALES) -> tuple[Path, SeedSummary]:
    """Seed a journal file in ``folder`` (created) and return its path and summary."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _FILE
    with open_year(path) as journal:
        summary = seed_sales(journal, count=count, start=YEAR_START, days=YEAR_DAYS, seed=YEAR_SEED)
        with journal.engine.connect() as connection:
            # One self-contained file: the WAL folded into it.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for companion in ("-wal", "-shm"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    (folder / _SUMMARY).write_bytes(pickle.dumps(summary))
    return path, summary


def _cache_key() -> str:
    digest = hashlib.sha256(f"{YEAR_SALES}:{YEAR_START}:{YEAR_DAYS}:{YEAR_SEED}".encode())
    for source in _SOURCES:
        digest.update((_ROOT / source).read_bytes())
    return digest.hexdigest()[:16]


def _cached_build(scratch: Path) -> Path:
    """The folder of a finished build, from the cache when there is one."""
    if os.environ.get(CACHE_ENV) == "0":
        build_year(scratch)
        return scratch
    root = Path(tempfile.gettempdir()) / "kiosk-seeded"
    done = root / _cache_key()
    if (done / _SUMMARY).exists():
        return done
    root.mkdir(exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix="building-", dir=root))
    build_year(building)
    try:
        building.rename(done)  # atomic: another session's build may have won meanwhile
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
    for old in root.iterdir():
        if old.name != done.name and not old.name.startswith("building-"):
            shutil.rmtree(old, ignore_errors=True)
    return done


@pytest.fixture(scope="session")
def _year_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SeedSummary]:
    folder = _cached_build(tmp_path_factory.mktemp("year-build"))
    summary = pickle.loads((folder / _SUMMARY).read_bytes())
    assert isinstance(summary, SeedSummary)
    # This session's own copy: nothing a test does reaches the cache.
    own = tmp_path_factory.mktemp("year") / _FILE
    shutil.copyfile(folder / _FILE, own)
    return own, summary


@pytest.fixture(scope="session")
def year_journal(_year_build: tuple[Path, SeedSummary]) -> Path:
    """A SQLite journal of a year of sales (``YEAR_SALES``), shared by the session: read only."""
    return _year_build[0]


@pytest.fixture(scope="session")
def year_summary(_year_build: tuple[Path, SeedSummary]) -> SeedSummary:
    """What ``year_journal`` holds, tallied as it was seeded."""
    return _year_build[1]


@pytest.fixture
def year_journal_copy(year_journal: Path, tmp_path: Path) -> Path:
    """A copy of ``year_journal`` of this test's own, to write to."""
    copy = tmp_path / "year" / _FILE
    copy.parent.mkdir()
    shutil.copyfile(year_journal, copy)
    return copy
