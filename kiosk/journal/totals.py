"""The shift report's sums, in SQL: a year of sales adds up in seconds, never row by row.

Every query reads the ``sales`` projection over a ``created_at`` range (text that sorts
as time: ``kiosk.journal.chain.format_timestamp``) and is served by its indexes
(``created_at``, ``(state, created_at)``, ``(clerk, created_at)``). One read transaction
holds them all, so the figures of one report agree with each other (and with the chain
hash read in it) even while the app goes on selling.

Sold sales are grouped once per dimension *and* earned currency, and the groups are folded
in Python: the counts and pesos add across currencies, the earnings stay per currency.
Hours are grouped in UTC (``YYYY-MM-DDTHH``, one group per hour of the period) and moved
to the store's time zone here, so the database needs no time-zone support.

The sales of earlier shifts resolved in this one (:func:`resolved_since`) are found from
the journal's entries after the previous close (a ``seq`` range: the primary key), each
looked up in ``sales`` by its reference (the primary key too): a shift's few entries are
read, never the year of sales.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from kiosk.domain.calendar import STORE_TIMEZONE
from kiosk.domain.report import (
    FOLLOW_UP_LISTED,
    SOLD_STATES,
    ChartData,
    Earned,
    FollowUp,
    OperatorBar,
    PeriodTotals,
    Resolved,
    Tally,
    add_earned,
    hours_of_day,
)
from kiosk.domain.sale import FINAL_STATES, SaleKind, SaleState
from kiosk.journal import chain
from kiosk.journal.schema import journal_entries, sales

#: The event of a Z report's entry.
SHIFT_CLOSED = "shift.closed"
_SOLD = tuple(str(state) for state in sorted(SOLD_STATES))
#: Open states, named (an IN the (state, created_at) index serves, unlike a NOT IN).
_OPEN = tuple(str(state) for state in sorted(set(SaleState) - FINAL_STATES))
#: A long period is added up this much at a time when its progress is shown.
PROGRESS_WINDOW = timedelta(days=7)
#: ``YYYY-MM-DDTHH`` of a journal timestamp: its UTC hour.
_HOUR_CHARS = 13


def _range(start: datetime | None, end: datetime) -> list[ColumnElement[bool]]:
    conditions = [sales.c.created_at < chain.format_timestamp(end)]
    if start is not None:
        conditions.append(sales.c.created_at >= chain.format_timestamp(start))
    return conditions


def _int(value: Any) -> int:
    """A SUM or COUNT as an int (PostgreSQL's SUM of a BIGINT is a NUMERIC; NULL is 0)."""
    return int(value) if value is not None else 0


#: One group of sales: state, kind, operator, clerk, earned currency; count, pesos, earned.
_Group = tuple[str, str, str | None, str | None, str | None, int, int, int | None]


def _tally(key: str, groups: Iterable[tuple[str | None, int, int, int | None]]) -> Tally:
    """Groups ``(currency, count, pesos, earned)`` of one key added up."""
    count = pesos = 0
    earned: list[Earned] = []
    for currency, n, amount, minor in groups:
        count += n
        pesos += amount
        if currency is not None and minor is not None:
            earned.append(Earned(currency, minor))
    return Tally(key, count, pesos, add_earned(earned))


def _group_by(rows: Sequence[_Group], index: int, *, sold: bool) -> tuple[Tally, ...]:
    """The groups by their ``index``-th key (a sale without one: ""), in key order."""
    keyed: dict[str, list[tuple[str | None, int, int, int | None]]] = defaultdict(list)
    for row in rows:
        if sold and row[0] not in _SOLD:
            continue
        key = row[index]
        keyed["" if key is None else str(key)].append(row[4:])
    return tuple(_tally(key, groups) for key, groups in sorted(keyed.items()))


def _groups(connection: Connection, conditions: list[Any]) -> list[_Group]:
    """Every sale of the range in one scan, grouped by each key a report adds up by."""
    keys = (
        sales.c.state,
        sales.c.kind,
        sales.c.operator_name,
        sales.c.clerk,
        sales.c.earned_currency,
    )
    query = (
        select(
            *keys,
            func.count(),
            func.sum(sales.c.amount_pesos),
            func.sum(sales.c.earned_minor),
        )
        .where(*conditions)
        .group_by(*keys)
    )
    return [
        (
            str(state),
            str(kind),
            operator,
            clerk,
            None if currency is None else str(currency),
            _int(count),
            _int(pesos),
            None if earned is None else int(earned),
        )
        for state, kind, operator, clerk, currency, count, pesos, earned in connection.execute(
            query
        )
    ]


def _sold_by_hour(connection: Connection, conditions: list[Any]) -> list[tuple[int, int, int]]:
    """Sold sales ``(hour, count, pesos)`` by the store's hour: grouped by UTC hour, then
    moved to Bogota (one row per hour of the range)."""
    hour = func.substr(sales.c.created_at, 1, _HOUR_CHARS)
    query = (
        select(hour, func.count(), func.sum(sales.c.amount_pesos))
        .where(*conditions, sales.c.state.in_(_SOLD))
        .group_by(hour)
    )
    local: list[tuple[int, int, int]] = []
    for utc_hour, count, pesos in connection.execute(query):
        moment = datetime.strptime(str(utc_hour), "%Y-%m-%dT%H").replace(tzinfo=UTC)
        local.append((moment.astimezone(STORE_TIMEZONE).hour, _int(count), _int(pesos)))
    return local


def _end_reference(connection: Connection, conditions: list[Any], *, last: bool) -> str:
    order = (
        (sales.c.created_at.desc(), sales.c.reference.desc())
        if last
        else (sales.c.created_at, sales.c.reference)
    )
    query = select(sales.c.reference).where(*conditions).order_by(*order).limit(1)
    return str(connection.execute(query).scalar() or "")


def count_sales(connection: Connection, start: datetime | None, end: datetime) -> int:
    """How many sales were created in ``[start, end)``: a progress bar's total."""
    return _int(connection.execute(select(func.count()).where(*_range(start, end))).scalar())


def _windows(
    connection: Connection, start: datetime | None, end: datetime, window: timedelta
) -> list[tuple[datetime | None, datetime]]:
    """``[start, end)`` cut into windows of ``window`` (the first from the first sale)."""
    first = start if start is not None else first_sale_at(connection)
    if first is None or first >= end:
        return [(start, end)]
    cuts: list[tuple[datetime | None, datetime]] = []
    lower: datetime | None = start
    upper = first + window
    while upper < end:
        cuts.append((lower, upper))
        lower, upper = upper, upper + window
    cuts.append((lower, end))
    return cuts


def period_totals(
    connection: Connection,
    start: datetime | None,
    end: datetime,
    *,
    progress: Callable[[int], None] | None = None,
    window: timedelta = PROGRESS_WINDOW,
) -> PeriodTotals:
    """The sums of the sales created in ``[start, end)`` (``start`` None: from the first).

    Sales journaled without an operator or a clerk (older journals) are under the key "".
    With ``progress``, the period is added up a window at a time (sums add up), and
    ``progress(n)`` is told the ``n`` sales of each window once it is done.
    """
    cuts = _windows(connection, start, end, window) if progress else [(start, end)]
    groups: list[_Group] = []
    hours: list[tuple[int, int, int]] = []
    for lower, upper in cuts:
        conditions = _range(lower, upper)
        found = _groups(connection, conditions)
        groups.extend(found)
        hours.extend(_sold_by_hour(connection, conditions))
        if progress is not None:
            progress(sum(group[5] for group in found))
    conditions = _range(start, end)
    by_operator = _group_by(groups, 2, sold=True)
    chart = ChartData(
        by_hour=hours_of_day(hours),
        by_operator=tuple(
            OperatorBar(tally.key, tally.count, tally.amount_pesos)
            for tally in sorted(by_operator, key=lambda tally: (-tally.amount_pesos, tally.key))
        ),
    )
    return PeriodTotals(
        by_kind=_group_by(groups, 1, sold=True),
        by_operator=by_operator,
        by_clerk=_group_by(groups, 3, sold=True),
        by_state=_group_by(groups, 0, sold=False),
        first_reference=_end_reference(connection, conditions, last=False),
        last_reference=_end_reference(connection, conditions, last=True),
        chart=chart,
    )


def resolved_since(connection: Connection, start: datetime, since_seq: int) -> Resolved:
    """The sales created before ``start`` whose state changed after entry ``since_seq``.

    By their state now (a final state is never left, so one that ended delivered is counted
    on one shift only). Journal-level entries (reference "") name no sale.
    """
    # No DISTINCT (the IN is a set already): with one, SQLite scans the reference index
    # whole instead of the seq range.
    changed = select(journal_entries.c.reference).where(
        journal_entries.c.seq > since_seq, journal_entries.c.reference != ""
    )
    keys = (sales.c.state, sales.c.earned_currency)
    query = (
        select(
            *keys,
            func.count(),
            func.sum(sales.c.amount_pesos),
            func.sum(sales.c.earned_minor),
        )
        .where(
            sales.c.reference.in_(changed),
            sales.c.created_at < chain.format_timestamp(start),
            sales.c.last_seq > since_seq,
        )
        .group_by(*keys)
    )
    keyed: dict[str, list[tuple[str | None, int, int, int | None]]] = defaultdict(list)
    for state, currency, count, pesos, earned in connection.execute(query):
        keyed[str(state)].append(
            (
                None if currency is None else str(currency),
                _int(count),
                _int(pesos),
                None if earned is None else int(earned),
            )
        )
    by_state = tuple(_tally(key, groups) for key, groups in sorted(keyed.items()))
    return Resolved(by_state=by_state, since_seq=since_seq)


def open_sales(
    connection: Connection, *, until: datetime | None = None, limit: int = FOLLOW_UP_LISTED
) -> tuple[tuple[FollowUp, ...], int]:
    """Sales still open (created before ``until`` if given): the oldest ``limit`` and how many
    there are in all. Masked lines only."""
    conditions: list[Any] = [sales.c.state.in_(_OPEN)]
    if until is not None:
        conditions.append(sales.c.created_at < chain.format_timestamp(until))
    total = _int(connection.execute(select(func.count()).where(*conditions)).scalar())
    query = (
        select(
            sales.c.reference,
            sales.c.line_masked,
            sales.c.amount_pesos,
            sales.c.state,
            sales.c.created_at,
            sales.c.kind,
            sales.c.operator_name,
        )
        .where(*conditions)
        .order_by(sales.c.created_at, sales.c.reference)
        .limit(max(0, limit))
    )
    listed = tuple(
        FollowUp(
            reference=row.reference,
            line_masked=row.line_masked,
            amount_pesos=_int(row.amount_pesos),
            state=SaleState(row.state),
            created_at=chain.parse_timestamp(row.created_at),
            kind=SaleKind(row.kind),
            operator_name=row.operator_name or "",
        )
        for row in connection.execute(query)
    )
    return listed, total


def chain_head(connection: Connection) -> tuple[int, str]:
    """The newest entry's seq and hash; ``(0, "")`` while the journal is empty."""
    row = connection.execute(
        select(journal_entries.c.seq, journal_entries.c.hash)
        .order_by(journal_entries.c.seq.desc())
        .limit(1)
    ).first()
    return (int(row.seq), str(row.hash)) if row else (0, "")


def first_sale_at(connection: Connection) -> datetime | None:
    """When the oldest sale was created (None: no sale yet)."""
    first = connection.execute(select(func.min(sales.c.created_at))).scalar()
    return chain.parse_timestamp(str(first)) if first else None


def last_close(connection: Connection) -> dict[str, Any] | None:
    """The newest ``shift.closed`` entry as a row (payload still text), None before the first.

    Journal-level entries have an empty reference: the reference index finds them.
    """
    row = (
        connection.execute(
            select(journal_entries)
            .where(journal_entries.c.reference == "", journal_entries.c.event == SHIFT_CLOSED)
            .order_by(journal_entries.c.seq.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None
