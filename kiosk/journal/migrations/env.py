"""Alembic environment: always run in code on a connection the journal hands over.

``kiosk.journal.migrate`` builds the Alembic ``Config`` (no alembic.ini) and
passes an open connection, already inside the journal's write transaction
(``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two
processes never migrate at once and a failed migration leaves nothing behind.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the journal's migrations run only through kiosk.journal.migrate")

context.configure(connection=connection, target_metadata=None, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
