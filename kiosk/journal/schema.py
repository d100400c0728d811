"""The journal's tables as SQLAlchemy Core objects, for queries.

The migrations in ``migrations/versions`` create them (frozen in time, as
migrations must be); ``tests/journal/test_schema.py`` checks that the two agree
and that ``SCHEMA_HEAD`` is the newest migration.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, Table, Text

#: The newest migration's revision. Opening a journal at this revision runs no migration.
SCHEMA_HEAD = "0002"

#: Rows that no one may update or delete (SQL triggers refuse it).
APPEND_ONLY_TABLES = ("journal_entries", "journal_meta")


def append_only_triggers(dialect: str) -> dict[str, str]:
    """The triggers migration 0001 creates, by name: ``verify`` checks they are still there.

    On SQLite the value is the trigger's SQL as ``sqlite_master`` keeps it; on
    PostgreSQL the table it guards (each calls ``PG_REFUSE_FUNCTION``).
    """
    if dialect == "sqlite":
        return {
            f"{table}_no_{action}": (
                f"CREATE TRIGGER {table}_no_{action} BEFORE {action.upper()} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
            for table in APPEND_ONLY_TABLES
            for action in ("update", "delete")
        }
    return {
        f"{table}_no_{action}": table
        for table in APPEND_ONLY_TABLES
        for action in ("update", "delete", "truncate")
    }


#: The PostgreSQL function behind the append-only triggers (migration 0001).
PG_REFUSE_FUNCTION = "journal_refuse_change"

metadata = MetaData()

journal_meta = Table(
    "journal_meta",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("journal_id", Text, nullable=False),
    Column("store_id", Text, nullable=False),
    Column("kiosk_id", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("genesis_hash", Text, nullable=False),
)

journal_entries = Table(
    "journal_entries",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("created_at", Text, nullable=False),
    Column("reference", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("event", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
    Index("journal_entries_reference", "reference"),
)

# The projection of the log: one row per sale, rewritten with every entry.
sales = Table(
    "sales",
    metadata,
    Column("reference", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("amount_pesos", BigInteger, nullable=False),
    Column("line_hmac", Text, nullable=False),
    Column("line_masked", Text, nullable=False),
    Column("payment_attempts", Integer, nullable=False),
    Column("delivery_attempts", Integer, nullable=False),
    Column("attempt_reference", Text, nullable=True),
    Column("gateway_tx_id", Text, nullable=True),
    Column("provider_tx_id", Text, nullable=True),
    Column("pack_name", Text, nullable=True),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_hash", Text, nullable=False),
    # 0002: who sold it to which operator, and what the store earned (the provider's
    # discount, in hundredths of earned_currency).
    Column("operator_name", Text, nullable=True),
    Column("clerk", Text, nullable=True),
    Column("earned_minor", BigInteger, nullable=True),
    Column("earned_currency", Text, nullable=True),
    Index("sales_state", "state"),
    Index("sales_created_at", "created_at"),
    Index("sales_state_created_at", "state", "created_at"),
    Index("sales_clerk_created_at", "clerk", "created_at"),
    Index("sales_line_hmac", "line_hmac"),
)

# Full lines live outside the chain so that they can be erased after retention.
sale_lines = Table(
    "sale_lines",
    metadata,
    Column("reference", Text, primary_key=True),
    Column("line", Text, nullable=False),
    #: A gift pack's sender, when the customer gave one (named in the recipient's SMS).
    Column("sender_line", Text, nullable=True),
    Column("stored_at", Text, nullable=False),
    Index("sale_lines_stored_at", "stored_at"),
)

#: The columns of ``sales`` that verify recomputes from the log.
SALE_COLUMNS: tuple[str, ...] = tuple(column.name for column in sales.columns)
