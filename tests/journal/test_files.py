"""The data folder is created 0700; the journal, its WAL and SHM and the instance lock are
0600, whatever the umask (POSIX: on Windows the profile's ACLs keep them private)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.journal import instance_lock_for, open_journal
from kiosk.journal.files import private_file, private_folder
from kiosk.sandbox import SandboxServer
from kiosk.services.assembly import build_core
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID, create_sale

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_journal_and_its_companions_are_private(umask: int, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    database = folder / "journal.sqlite3"
    url = f"sqlite:///{database}"
    with (
        instance_lock_for(url) as lock,
        open_journal(url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET) as journal,
    ):
        create_sale(journal, "KMODE")  # the WAL and SHM exist while the journal is open
        files = [database, database.with_name("journal.sqlite3-wal")]
        files += [database.with_name("journal.sqlite3-shm"), lock.path]
        assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    assert mode(folder) == 0o700


def test_an_existing_journal_readable_by_others_is_made_private(umask: int, tmp_path: Path) -> None:
    database = tmp_path / "journal.sqlite3"
    url = f"sqlite:///{database}"
    open_journal(url, store_id=STORE_ID, kiosk_id=KIOSK_ID).close()
    database.chmod(0o644)  # made by an older version
    open_journal(url, store_id=STORE_ID, kiosk_id=KIOSK_ID).close()
    assert mode(database) == 0o600


def test_the_app_creates_its_data_folder_private(umask: int, sandbox: SandboxServer) -> None:
    config = load_config()
    assert not config.data_dir.exists()
    core = build_core(config, sandbox=sandbox)
    try:
        assert mode(config.data_dir) == 0o700
        assert mode(config.data_dir / "journal.sqlite3") == 0o600
    finally:
        core.close()


def test_the_helpers(umask: int, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    assert private_folder(shared) == shared and mode(shared) == 0o755  # not ours to tighten
    inner = private_folder(shared / "a" / "b")
    assert mode(inner) == 0o700
    logs = private_file(inner / "kiosk.log")
    assert (mode(logs), logs.read_bytes()) == (0o600, b"")
    logs.write_bytes(b"kept")
    logs.chmod(0o666)
    assert (mode(private_file(logs)), logs.read_bytes()) == (0o600, b"kept")
