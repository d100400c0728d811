"""The journal: meta, hash-chained entries, the sales projection, lines kept apart.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Triggers on SQLite and PostgreSQL refuse UPDATE and DELETE on the append-only
tables (and TRUNCATE on PostgreSQL). They stop mistakes and casual edits, not
an attacker with the file: that is what the chain and ``verify`` are for.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_APPEND_ONLY = ("journal_entries", "journal_meta")


def upgrade() -> None:
    op.create_table(
        "journal_meta",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("journal_id", sa.Text, nullable=False),
        sa.Column("store_id", sa.Text, nullable=False),
        sa.Column("kiosk_id", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("genesis_hash", sa.Text, nullable=False),
        sa.CheckConstraint("id = 1", name="journal_meta_single_row"),
    )
    op.create_table(
        "journal_entries",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("event", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.Text, nullable=False),
        sa.Column("hash", sa.Text, nullable=False),
    )
    op.create_index("journal_entries_reference", "journal_entries", ["reference"])
    op.create_table(
        "sales",
        sa.Column("reference", sa.Text, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("amount_pesos", sa.BigInteger, nullable=False),
        sa.Column("line_hmac", sa.Text, nullable=False),
        sa.Column("line_masked", sa.Text, nullable=False),
        sa.Column("payment_attempts", sa.Integer, nullable=False),
        sa.Column("delivery_attempts", sa.Integer, nullable=False),
        sa.Column("attempt_reference", sa.Text, nullable=True),
        sa.Column("gateway_tx_id", sa.Text, nullable=True),
        sa.Column("provider_tx_id", sa.Text, nullable=True),
        sa.Column("pack_name", sa.Text, nullable=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_hash", sa.Text, nullable=False),
    )
    op.create_index("sales_state", "sales", ["state"])
    op.create_index("sales_created_at", "sales", ["created_at"])
    op.create_table(
        "sale_lines",
        sa.Column(
            "reference",
            sa.Text,
            sa.ForeignKey("sales.reference", name="sale_lines_sale"),
            primary_key=True,
        ),
        sa.Column("line", sa.Text, nullable=False),
        sa.Column("sender_line", sa.Text, nullable=True),
        sa.Column("stored_at", sa.Text, nullable=False),
    )
    op.create_index("sale_lines_stored_at", "sale_lines", ["stored_at"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in _APPEND_ONLY:
            for action in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action} BEFORE {action.upper()} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME; END $$"
        )
        for table in _APPEND_ONLY:
            for action in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action} BEFORE {action.upper()} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION journal_refuse_change()"
                )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in _APPEND_ONLY:
        for action in ("update", "delete", "truncate"):
            if dialect == "sqlite" and action != "truncate":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
            elif dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS journal_refuse_change()")
    op.drop_table("sale_lines")
    op.drop_table("sales")
    op.drop_table("journal_entries")
    op.drop_table("journal_meta")
