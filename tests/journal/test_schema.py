"""Alembic from the first table on: upgraded at open, next to free when already up to date."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from kiosk.domain.errors import JournalError
from kiosk.journal import migrate, open_journal
from kiosk.journal.schema import SCHEMA_HEAD, metadata
from tests.journal.helpers import KIOSK_ID, LINE_SECRET, STORE_ID, Tamperer


@pytest.fixture
def upgrades(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the real Alembic runs."""
    calls: list[str] = []
    real = migrate.upgrade_to_head

    def counting(connection):  # type: ignore[no-untyped-def]
        calls.append("upgrade")
        real(connection)

    monkeypatch.setattr(migrate, "upgrade_to_head", counting)
    return calls


def _open(url: str, **kwargs):  # -> Journal
    return open_journal(
        url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET, **kwargs
    )


def test_schema_head_is_alembics_head() -> None:
    assert migrate.script_head() == SCHEMA_HEAD


def test_a_new_journal_is_migrated_once_and_then_never_again(
    db_url: str, upgrades: list[str]
) -> None:
    with _open(db_url) as journal:
        assert upgrades == ["upgrade"]
        with journal.engine.connect() as connection:
            assert migrate.stored_revision(connection) == SCHEMA_HEAD
            tables = set(inspect(connection).get_table_names())
        assert set(metadata.tables) <= tables
    for _ in range(3):
        with _open(db_url):
            pass
    assert upgrades == ["upgrade"]


def test_the_migration_creates_what_the_code_queries(db_url: str) -> None:
    with _open(db_url) as journal, journal.engine.connect() as connection:
        inspector = inspect(connection)
        for table in metadata.sorted_tables:
            columns = {column["name"] for column in inspector.get_columns(table.name)}
            assert columns == {column.name for column in table.columns}, table.name


def test_an_old_schema_is_upgraded_at_open(db_url: str, upgrades: list[str]) -> None:
    with _open(db_url):
        pass
    # Back to before the first migration, as a journal from an older app would be.
    from alembic import command

    with _open(db_url) as journal, journal.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
        assert migrate.stored_revision(connection) is None
    upgrades.clear()
    with _open(db_url) as journal:
        assert upgrades == ["upgrade"]
        assert journal.verify().ok
    with _open(db_url, migrate=False):
        pass


def test_a_schema_from_a_newer_app_is_refused(db_url: str) -> None:
    with _open(db_url):
        pass
    tamperer = Tamperer(db_url)
    try:
        tamperer.execute("UPDATE alembic_version SET version_num = '9999'")
    finally:
        tamperer.close()
    with pytest.raises(JournalError) as raised:
        _open(db_url)
    assert raised.value.code == "journal.schema_unknown"
    with pytest.raises(JournalError) as raised:
        _open(db_url, migrate=False)
    assert raised.value.code == "journal.schema_old"


def test_a_missing_journal_is_not_created_by_readers(db_url: str, tmp_path) -> None:
    url = db_url if not db_url.startswith("sqlite") else f"sqlite:///{tmp_path / 'none.sqlite3'}"
    with pytest.raises(JournalError) as raised:
        open_journal(url, create=False)
    assert raised.value.code == "journal.missing"
    if url.startswith("sqlite"):
        assert not (tmp_path / "none.sqlite3").exists()


def test_another_kiosks_journal_is_refused(db_url: str) -> None:
    with _open(db_url) as journal:
        genesis = journal.meta["genesis_hash"]
    with pytest.raises(JournalError) as raised:
        open_journal(db_url, store_id=STORE_ID, kiosk_id="kiosk-b", line_secret=LINE_SECRET)
    assert raised.value.code == "journal.other_owner"
    assert raised.value.params == {"store_id": STORE_ID, "kiosk_id": KIOSK_ID}
    with open_journal(db_url, create=False) as reader:  # a reader takes any journal
        assert reader.meta["genesis_hash"] == genesis


def test_creating_needs_an_owner(tmp_path) -> None:
    with pytest.raises(JournalError) as raised:
        open_journal(f"sqlite:///{tmp_path / 'j.sqlite3'}", store_id=STORE_ID)
    assert raised.value.code == "journal.owner_required"
    with pytest.raises(JournalError) as raised:
        open_journal("mysql://localhost/db", store_id=STORE_ID, kiosk_id=KIOSK_ID)
    assert raised.value.code == "journal.unsupported_database"


def test_the_migrations_create_the_indexes_the_code_relies_on(db_url: str) -> None:
    with _open(db_url) as journal, journal.engine.connect() as connection:
        inspector = inspect(connection)
        for table in metadata.sorted_tables:
            found = {
                index["name"]: tuple(index["column_names"])
                for index in inspector.get_indexes(table.name)
            }
            declared = {
                str(index.name): tuple(column.name for column in index.columns)
                for index in table.indexes
            }
            assert found == declared, table.name
