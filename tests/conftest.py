"""Test-wide fixtures: no test touches the user's real config or data folders."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


@pytest.fixture(autouse=True)
def spanish_by_default(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests that use Qt speak the app's default language (Spanish, with its plural forms),
    and a test that switched language leaves Spanish behind for the next one."""
    uses_qt = {"qapp", "qtbot"} & set(request.fixturenames)
    if not uses_qt:
        yield
        return
    from kiosk.controllers.language import current_language, set_language

    request.getfixturevalue("qapp")
    set_language("es")
    yield
    if current_language() != "es":
        set_language("es")


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    """The app speaks English for this test (every visible screen retranslates)."""
    from kiosk.controllers.language import set_language

    set_language("en")
    yield
    set_language("es")
