"""The sales projection gains the operator, the clerk and what the store earned; history indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

``sales`` gets ``operator_name``, ``clerk``, ``earned_minor`` (the provider's
``discount`` in hundredths of ``earned_currency``) and ``earned_currency``, and
indexes for the history screen and the reports: (state, created_at), (clerk,
created_at) and line_hmac (created_at has one since 0001).

Existing journals are backfilled from their entries with a frozen copy of the
projection's rules (``kiosk.journal.projection`` as of this revision), so a
migrated journal still verifies: ``operator_name`` from the payloads'
``operator_name`` (the last one wins), ``clerk`` from the creating entry's
``clerk``, and the earnings from ``provider.discount`` /
``provider.discountCurrencyCode`` (the last readable discount wins).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = ("operator_name", "clerk", "earned_minor", "earned_currency")
_INDEXES = {
    "sales_state_created_at": ["state", "created_at"],
    "sales_clerk_created_at": ["clerk", "created_at"],
    "sales_line_hmac": ["line_hmac"],
}
_MAX_MINOR = 2**63 - 1
_BATCH = 1_000


def _earned_minor(value: Any) -> int | None:
    """Frozen: a discount (int or decimal text) in hundredths, half up; else None."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        return None
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
        if not amount.is_finite():
            return None
        minor = int(amount.scaleb(2).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (ArithmeticError, ValueError):
        return None
    return minor if abs(minor) <= _MAX_MINOR else None


def _payload(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}  # a damaged entry: verify reports it, the migration leaves it be
    return value if isinstance(value, dict) else {}


def _backfill(connection: sa.Connection) -> None:
    found: dict[str, dict[str, Any]] = {}
    # Streamed (a server-side cursor on PostgreSQL): a year is a million entries.
    rows = connection.execute(
        sa.text(
            "SELECT reference, state, payload FROM journal_entries "
            "WHERE reference <> '' ORDER BY seq"
        ).execution_options(stream_results=True, yield_per=_BATCH * 10)
    )
    for reference, state, text in rows:
        payload = _payload(text)
        row = found.get(reference)
        if row is None:
            row = found[reference] = dict.fromkeys(_COLUMNS)
            if state == "created" and payload.get("clerk") is not None:
                row["clerk"] = str(payload["clerk"])
        if payload.get("operator_name") is not None:
            row["operator_name"] = str(payload["operator_name"])
        provider = payload.get("provider")
        if isinstance(provider, dict):
            earned = _earned_minor(provider.get("discount"))
            if earned is not None:
                currency = provider.get("discountCurrencyCode")
                row["earned_minor"] = earned
                row["earned_currency"] = str(currency) if currency is not None else None
    changed = [
        {"ref": reference, **row}
        for reference, row in found.items()
        if any(value is not None for value in row.values())
    ]
    statement = sa.text(
        "UPDATE sales SET operator_name = :operator_name, clerk = :clerk, "
        "earned_minor = :earned_minor, earned_currency = :earned_currency "
        "WHERE reference = :ref"
    )
    for start in range(0, len(changed), _BATCH):
        connection.execute(statement, changed[start : start + _BATCH])


def upgrade() -> None:
    op.add_column("sales", sa.Column("operator_name", sa.Text, nullable=True))
    op.add_column("sales", sa.Column("clerk", sa.Text, nullable=True))
    op.add_column("sales", sa.Column("earned_minor", sa.BigInteger, nullable=True))
    op.add_column("sales", sa.Column("earned_currency", sa.Text, nullable=True))
    for name, columns in _INDEXES.items():
        op.create_index(name, "sales", columns)
    _backfill(op.get_bind())


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="sales")
    # Plain ALTER TABLE (SQLite 3.35+): no table rebuild under sale_lines' foreign key.
    for column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE sales DROP COLUMN {column}")
