"""Test-wide fixtures: each name means one thing in every folder (tests/test_fixtures.py).

- No test touches the user's real config or data folders (``isolated_dirs``), and none leaves
  a thread of its own running (``no_threads_left_behind``).
- One ``QApplication`` for the whole session, made before any test runs (``qt_session``), and
  every test starts in Spanish, the app's default (``spanish_by_default``; ``english``).
- ``sandbox``: a running sandbox for this test, built from the knobs ``sandbox_timing``,
  ``sandbox_clock`` and ``sandbox_requests``, which a folder or a module overrides with its own
  values (the same meaning, other numbers).
- ``journal``: a journal on a fresh database, on SQLite and on PostgreSQL (``db_url``), told
  the time by a ``ticking_clock``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.journal import Journal, open_journal
from kiosk.sandbox import SandboxServer, SandboxTiming
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, START, STORE_ID
from tests.support.clocks import TickingClock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The throwaway PostgreSQL cluster's fixtures (``pg_cluster``, ``pg_url``); the year of sales
#: (``year_journal``, ``year_summary``, ``year_journal_copy``).
pytest_plugins = ["tests.support.postgres", "tests.support.seeded"]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point config and data folders at a temporary folder for every test."""
    config_dir = tmp_path / "config"
    data_dir = tmp_path / "data"
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    for variable in (
        "KIOSK_LINE_SECRET",
        "KIOSK_PSE_PRIVATE_KEY",
        "KIOSK_PSE_INTEGRITY_SECRET",
        "KIOSK_PSE_EVENTS_SECRET",
        "KIOSK_TOPUP_CLIENT_SECRET",
        "KIOSK_LINES_API_KEY",
    ):
        monkeypatch.delenv(variable, raising=False)
    return {"config": config_dir, "data": data_dir}


@pytest.fixture(autouse=True)
def no_threads_left_behind() -> Iterator[None]:
    """Fail a test that leaves a thread of its own running (napari's ``_dangling_qthreads``):
    workers, writers and servers must be stopped by whoever started them."""
    before = set(threading.enumerate())
    yield
    leftover = [
        thread
        for thread in threading.enumerate()
        if thread not in before
        # Threads Python did not start (Qt's pool workers) show up as dummies and can't
        # be joined; the GUI tests check the pool itself (activeThreadCount).
        and not isinstance(thread, threading._DummyThread)
        and not _serves_a_kept_alive_connection(thread)
        and not _stopping(thread)
    ]
    assert not leftover, f"threads left running: {[thread.name for thread in leftover]}"


def _serves_a_kept_alive_connection(thread: threading.Thread) -> bool:
    # A test server's per-connection handler (socketserver's "process_request_thread")
    # lives as long as a client keeps its HTTP connection alive, e.g. a module-scoped
    # client's pool; the servers themselves are stopped and checked by their fixtures.
    return "process_request_thread" in thread.name


def _stopping(thread: threading.Thread, seconds: float = 5.0) -> bool:
    # A thread already told to stop may need a moment to return: join it with a deadline.
    thread.join(seconds)
    return not thread.is_alive()


# -- Qt and the language -----------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def qt_session(qapp: QApplication) -> QApplication:
    """The session's ``QApplication`` (pytest-qt's ``qapp``), made before any test runs.

    Without it a test that runs ``kiosk.cli.main`` first would leave a bare
    ``QCoreApplication`` behind, too small for every GUI test after it.
    """
    from kiosk.controllers.language import set_language

    set_language("es")
    return qapp


@pytest.fixture(autouse=True)
def spanish_by_default() -> Iterator[None]:
    """Every test starts in the app's default language (Spanish, with its plural forms), and
    a test that switched language (a screen, ``kiosk --language en``, an English config)
    leaves Spanish behind for the next one."""
    from kiosk.controllers.language import current_language, set_language

    if current_language() != "es":
        set_language("es")
    yield
    if current_language() != "es":
        set_language("es")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app speaks English for this test (every visible screen retranslates)."""
    from kiosk.controllers.language import set_language

    set_language("en")
    yield
    set_language("es")


# -- the sandbox ------------------------------------------------------------------------------


@pytest.fixture
def sandbox_timing() -> SandboxTiming:
    """How fast the test's sandbox settles payments and answers its slow bank and slow line:
    the sandbox's own defaults here; folders and modules override them."""
    return SandboxTiming()


@pytest.fixture
def sandbox_clock() -> Callable[[], datetime] | None:
    """The test sandbox's clock: ``None`` is real time; a folder may hand it a clock it moves."""
    return None


@pytest.fixture
def sandbox_requests() -> list[str]:
    """Every request the test's sandbox served (``"GET /v1/transactions/… -> 200"``), in order."""
    return []


@pytest.fixture
def sandbox_account() -> tuple[str, int]:
    """The test sandbox's provider account: its currency and the pesos per unit (``fx``);
    COP by default, ``("USD", 4100)`` where a module tests a USD float."""
    return ("COP", 4100)


@pytest.fixture
def sandbox(
    sandbox_timing: SandboxTiming,
    sandbox_clock: Callable[[], datetime] | None,
    sandbox_requests: list[str],
    sandbox_account: tuple[str, int],
) -> Iterator[SandboxServer]:
    """A sandbox running on a free loopback port for this test, stopped after it."""
    currency, rate = sandbox_account
    with SandboxServer(
        timing=sandbox_timing,
        clock=sandbox_clock,
        request_log=sandbox_requests.append,
        account_currency=currency,
        fx_rate=rate,
    ) as running:
        yield running


# -- the journal ------------------------------------------------------------------------------

#: A journal backend per parameter: SQLite always, PostgreSQL when a cluster can be started.
JOURNAL_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=JOURNAL_BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database for this test: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite journal file for this test (where a test needs SQLite itself)."""
    return f"sqlite:///{tmp_path / 'journal.sqlite3'}"


@pytest.fixture
def ticking_clock() -> TickingClock:
    """A clock that moves one second per reading, from a moment in January 2025."""
    return TickingClock(START)


@pytest.fixture
def journal(db_url: str, ticking_clock: TickingClock) -> Iterator[Journal]:
    """A journal opened on ``db_url`` with the test store's ids and line secret."""
    opened = open_journal(
        db_url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET, now=ticking_clock
    )
    yield opened
    opened.close()


#: Fixtures that need the seeded year of sales (about a minute to build, once a session).
YEAR_FIXTURES = frozenset({"year_journal", "year_summary", "year_journal_copy"})


#: The screens' matrices (every scene or screen × sizes × languages × text sizes, a whole
#: window each) and the kiosk's real-time idle waits: slow checks, run in CI's separate step
#: like the year of sales.
SLOW_MATRICES = (
    "tests/ui/test_kiosk_screens_english.py::",
    "tests/ui/test_every_screen_speaks_english.py::",
    "tests/e2e/test_kiosk_idle.py::",
    "tests/ui/screens/test_kiosk_qr_size.py::",
    "tests/ui/screens/test_kiosk_line_screens.py::test_nothing_is_cut_off_or_overlapping",
    "tests/ui/screens/test_kiosk_line_screens.py::test_no_text_is_wider_than_its_widget",
    "tests/ui/screens/test_kiosk_line_screens.py::test_larger_text_scrolls_rather_than_squeezes",
    "tests/ui/screens/test_start_kiosk_header.py::test_the_header_is_whole",
    "tests/ui/screens/test_result_screen.py::test_the_kiosk_result_shows_what_a_claim_needs_large",
    "tests/ui/screens/test_result_screen.py::test_the_kiosk_result_says_what_was_bought_for_",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the year of sales and the kiosk's layout matrices are ``slow``: CI runs them
    as their own step, so the main suite stays within its budget (``-m "not slow"``, then
    ``-m slow``)."""
    for item in items:
        if YEAR_FIXTURES & set(getattr(item, "fixturenames", ())) or item.nodeid.startswith(
            SLOW_MATRICES
        ):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def plain_style_unless_asked(request: pytest.FixtureRequest) -> None:
    """A test that did not ask for the kiosk's style gets none, whatever ran before it
    (cleared before its windows exist: cheap)."""
    from PySide6.QtWidgets import QApplication

    from tests.support.widgets import STYLED_FIXTURES, plain_style

    app = QApplication.instance()
    if isinstance(app, QApplication) and not STYLED_FIXTURES & set(request.fixturenames):
        plain_style(app)
