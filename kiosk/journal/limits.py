"""The sums the sale's limits need, in SQL: counted sales per line and per kiosk in a window,
and the sales still open that hold part of the store's float.

The rules themselves are the domain's (:mod:`kiosk.domain.fraud`,
:mod:`kiosk.domain.store_float`); here is only what the ``sales`` projection says. The
whole journal is one kiosk's, so "per kiosk" is every sale in it. Moments are compared as
the journal's own timestamp text (UTC ISO-8601, which sorts as time does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from kiosk.domain.fraud import NOT_COUNTED, Usage
from kiosk.domain.sale import SaleState
from kiosk.domain.store_float import HOLDS_FLOAT
from kiosk.journal.chain import format_timestamp
from kiosk.journal.schema import journal_entries, sales

_NOT_COUNTED = tuple(sorted(str(state) for state in NOT_COUNTED))
_HOLDING = tuple(sorted(str(state) for state in HOLDS_FLOAT))


@dataclass(frozen=True)
class Hold:
    """An open sale that may still take from the float: its pesos and its operator's id
    (None when its creating entry does not name one)."""

    reference: str
    amount_pesos: int
    operator_id: int | None


def _usage(engine: Engine, since: datetime, *conditions: Any) -> Usage:
    query = select(func.count(), func.coalesce(func.sum(sales.c.amount_pesos), 0)).where(
        sales.c.created_at >= format_timestamp(since),
        sales.c.state.not_in(_NOT_COUNTED),
        *conditions,
    )
    with engine.connect() as connection:
        count, pesos = connection.execute(query).one()
    return Usage(int(count), int(pesos))


def line_usage(engine: Engine, line_hmac: str, *, since: datetime) -> Usage:
    """Counted sales to the line with keyed hash ``line_hmac`` created at or after ``since``."""
    return _usage(engine, since, sales.c.line_hmac == line_hmac)


def kiosk_usage(engine: Engine, *, since: datetime) -> Usage:
    """Counted sales of this kiosk (the whole journal) created at or after ``since``."""
    return _usage(engine, since)


def float_holds(engine: Engine, *, since: datetime) -> list[Hold]:
    """Sales created at or after ``since`` that still hold part of the float, oldest first,
    each with the operator its creating entry names (``operator_id`` in its payload)."""
    query = (
        select(sales.c.reference, sales.c.amount_pesos, journal_entries.c.payload)
        .join(
            journal_entries,
            (journal_entries.c.reference == sales.c.reference)
            & (journal_entries.c.state == str(SaleState.CREATED)),
        )
        .where(sales.c.state.in_(_HOLDING), sales.c.created_at >= format_timestamp(since))
        .order_by(sales.c.created_at, sales.c.reference)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [Hold(row.reference, int(row.amount_pesos), _operator_id(row.payload)) for row in rows]


def _operator_id(payload: object) -> int | None:
    try:
        data = json.loads(payload) if isinstance(payload, str) else payload
    except ValueError:
        return None
    value = data.get("operator_id") if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
