"""`postgresql://` URLs use psycopg 3 (the `postgres` extra), and a missing driver is named
with the extra to install instead of a traceback."""

from __future__ import annotations

import sys

import pytest

from kiosk.cli import main
from kiosk.domain.errors import JournalError
from kiosk.journal import instance_lock_for, open_journal
from kiosk.journal.engine import parse_url
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID, create_sale

#: Nothing listens there: the driver is looked for before any connection is tried.
NOWHERE = "postgresql://kiosk@127.0.0.1:9/journal"


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://kiosk@db/journal", "postgresql+psycopg"),
        ("postgres://kiosk@db/journal", "postgresql+psycopg"),
        ("postgresql+psycopg://kiosk@db/journal", "postgresql+psycopg"),
        ("postgresql+psycopg2://kiosk@db/journal", "postgresql+psycopg2"),  # asked for by name
        ("sqlite:///journal.sqlite3", "sqlite"),
    ],
)
def test_the_driver_of_a_url(url: str, driver: str) -> None:
    assert parse_url(url).drivername == driver


@pytest.mark.postgres
def test_a_plain_postgresql_url_needs_no_psycopg2(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pg_url.startswith("postgresql://")
    monkeypatch.setitem(sys.modules, "psycopg2", None)  # as if it were not installed
    with open_journal(
        pg_url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET
    ) as journal:
        assert journal.engine.dialect.driver == "psycopg"
        create_sale(journal, "KPG")
        assert journal.verify().ok
    with instance_lock_for(pg_url) as lock:
        assert lock.held


def test_a_missing_driver_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    for opening in (
        lambda: open_journal(NOWHERE, store_id=STORE_ID, kiosk_id=KIOSK_ID),
        lambda: instance_lock_for(NOWHERE).acquire(),
    ):
        with pytest.raises(JournalError) as raised:
            opening()
        assert (raised.value.code, raised.value.params) == (
            "journal.driver_missing",
            {"driver": "psycopg", "extra": "postgres"},
        )
    assert main(["journal", "verify", "--db", NOWHERE]) == 2
    err = capsys.readouterr().err
    assert "pip install 'kiosk[postgres]'" in err
    assert "Traceback" not in err
