"""Schema upgrades at open, with a fast path that costs one small query.

The database's ``alembic_version`` row is compared with ``SCHEMA_HEAD`` (a
constant; a test keeps it equal to Alembic's head). Only when they differ is
Alembic imported and run, inside the journal's write transaction, so two
processes opening an old journal at once migrate it once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from kiosk.domain.errors import JournalError
from kiosk.journal.engine import read_transaction, write_transaction
from kiosk.journal.schema import SCHEMA_HEAD

if TYPE_CHECKING:  # Alembic is imported only when a migration must run (see above).
    from alembic.config import Config as AlembicConfig

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def stored_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, None when it has no schema yet."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    """An Alembic configuration built in code: no alembic.ini anywhere."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_head() -> str:
    """Alembic's own idea of the newest revision (slow: reads every migration)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the journal has no migrations")
    return head


def upgrade_to_head(connection: Connection) -> None:
    """Run the pending migrations on ``connection`` (already in a write transaction)."""
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(alembic_config(connection), "head")
    except CommandError:
        # Typically a revision from a newer version of the app.
        raise JournalError(
            "journal.schema_unknown", revision=str(stored_revision(connection))
        ) from None


def ensure_schema(engine: Engine, *, migrate: bool = True) -> bool:
    """Bring the schema to ``SCHEMA_HEAD``; True when migrations ran."""
    with read_transaction(engine) as connection:
        revision = stored_revision(connection)
    if revision == SCHEMA_HEAD:
        return False
    if not migrate:
        raise JournalError("journal.schema_old", revision=str(revision))
    with write_transaction(engine) as connection:
        # Another process may have migrated while we waited for the lock.
        if stored_revision(connection) == SCHEMA_HEAD:
            return False
        upgrade_to_head(connection)
    return True
