"""The sales history: find sales in the ``sales`` projection, newest first, a page at a time.

A year of sales is some 200,000 rows, so a search never reads them all: pages
come in ``(created_at, reference)`` order, newest first, and the next page starts
strictly after the last row of the previous one (keyset paging: no offsets, no
row seen twice or skipped while new sales arrive). The indexes of migration 0002
serve the filters: ``created_at``, ``(state, created_at)``, ``(clerk,
created_at)`` and ``line_hmac``.

The line is found as the journal keeps it: a full line by its keyed hash
(:func:`kiosk.journal.privacy.line_hmac` of the normalised line, so the query
holds no digits), the last four digits by the masked line. Lines are never read
from ``sale_lines`` here.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, Select, and_, func, or_, select

from kiosk.domain.errors import JournalError, ValidationError
from kiosk.domain.lines import normalize_line
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import chain
from kiosk.journal.engine import read_transaction
from kiosk.journal.journal import SaleRecord
from kiosk.journal.privacy import line_hmac
from kiosk.journal.references import is_reference
from kiosk.journal.schema import sales

#: A page's size when none is asked for, and the most one query may ask for.
DEFAULT_LIMIT = 100
MAX_LIMIT = 1_000
#: Digits of a "last four" search.
LAST_DIGITS = 4
#: What a reference (or the start of one) may hold: the references' alphabet, ``-`` of attempts.
_REFERENCE_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-")
_MAX_REFERENCE = 32
#: The most distinct clerks' names a clerk search looks through (a store has a handful).
MAX_CLERKS = 10_000
#: A reference prefix this long (``K`` and 4 of the 7 time characters: about 9 hours of
#: sales) is looked up in the reference's index rather than along the newest sales.
SELECTIVE_PREFIX = 5


@dataclass(frozen=True)
class SaleQuery:
    """What to look for; every filter given must hold (empty ones are left out).

    * ``line``: a whole line (any way people type one) or exactly its last 4 digits;
    * ``reference``: the start of a sale's reference, or a payment attempt's reference
      (``<sale>-<n>``: that sale);
    * ``start`` / ``end``: aware datetimes, ``created_at`` in ``[start, end)``;
    * ``states``: any of these states; ``clerk``: the start of a clerk's name, any case
      ("an" finds "Ana"; see :func:`clerk_names`); ``operator``: that name exactly;
      ``kind``: that kind;
    * ``limit``: rows per page; ``before``: the previous page's ``next_before``.
    """

    line: str = ""
    reference: str = ""
    start: datetime | None = None
    end: datetime | None = None
    states: frozenset[SaleState] = field(default_factory=frozenset)
    clerk: str = ""
    kind: SaleKind | None = None
    operator: str = ""
    limit: int = DEFAULT_LIMIT
    before: tuple[str, str] | None = None


@dataclass(frozen=True)
class SalePage:
    """One page of sales, newest first; ``next_before`` asks for the next (None: the last)."""

    sales: list[SaleRecord]
    next_before: tuple[str, str] | None


def line_condition(secret: bytes, typed: str) -> Any:
    """The condition on ``sales`` for a typed line; ``history.bad_line`` for anything else."""
    text = typed.strip()
    if len(text) == LAST_DIGITS and text.isdigit() and text.isascii():
        return sales.c.line_masked == f"*** *** {text}"
    try:
        line = normalize_line(text)
    except ValidationError:
        raise ValidationError("history.bad_line") from None
    if not secret:
        raise JournalError("journal.no_line_secret")
    return sales.c.line_hmac == line_hmac(secret, line)


def reference_prefix(typed: str) -> str:
    """The typed start of a reference, uppercase; ``history.bad_reference`` if it is none."""
    text = typed.strip().upper()
    if len(text) > _MAX_REFERENCE or not set(text) <= _REFERENCE_CHARS:
        raise ValidationError("history.bad_reference")
    return text


def clerk_names(connection: Connection, typed: str) -> list[str]:
    """The clerks' names in the journal that start with ``typed``, whatever the case.

    Read one name at a time along the ``(clerk, created_at)`` index (each the least name
    after the previous one: an index seek, never a scan of the sales), and compared in
    Python (``casefold``: "án" finds "Ángela", where SQL's ``lower`` and ``LIKE`` fold
    ASCII only; ``%`` and ``_`` are plain characters). The search then asks for those
    names exactly, which the same index serves.
    """
    wanted = typed.strip().casefold()
    names: list[str] = []
    last: str | None = None
    for _ in range(MAX_CLERKS):
        bound = sales.c.clerk.is_not(None) if last is None else sales.c.clerk > last
        name = connection.execute(select(func.min(sales.c.clerk)).where(bound)).scalar()
        if not isinstance(name, str):
            break
        if name.strip().casefold().startswith(wanted):
            names.append(name)
        last = name
    return names


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("search bounds must be timezone-aware")
    return chain.format_timestamp(moment)


def _reference_conditions(prefix: str, *, binary_text: bool) -> list[Any]:
    """A sale whose reference, or whose payment attempt's reference, starts with ``prefix``.

    An attempt's reference is the sale's (the first) or ``<sale reference>-<n>``
    (:func:`kiosk.journal.references.attempt_reference`). So a prefix without a
    hyphen matches an attempt exactly when it matches the sale's own reference,
    and ``<sale reference>-<digits>`` names that sale (whichever attempt it was:
    the bank's proof of an earlier, declined attempt finds the sale too). Both
    are found through the reference's index, never by reading every row; only
    a hyphen in a reference of another form is matched row by row.
    References hold no LIKE wildcards (``reference_prefix`` checked), so the
    pattern is the prefix itself.
    """
    sale, hyphen, attempt = prefix.partition("-")
    if hyphen and is_reference(sale) and (attempt.isdigit() or not attempt):
        return [sales.c.reference == sale]
    if hyphen:  # another form of reference (``VTA-0002``): the plain reading, row by row
        return [
            or_(
                sales.c.reference.like(f"{prefix}%"),
                sales.c.attempt_reference.like(f"{prefix}%"),
            )
        ]
    conditions: list[Any] = [sales.c.reference.like(f"{prefix}%")]
    if binary_text and len(prefix) >= SELECTIVE_PREFIX:
        # With bytewise comparison (SQLite's) the prefix is a range of the index; a
        # shorter one matches days of sales, which the created_at order finds sooner.
        following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        conditions += [sales.c.reference >= prefix, sales.c.reference < following]
    return conditions


def _conditions(
    secret: bytes,
    query: SaleQuery,
    *,
    binary_text: bool = True,
    clerks: Sequence[str] | None = None,
) -> list[Any]:
    conditions: list[Any] = []
    if query.line.strip():
        conditions.append(line_condition(secret, query.line))
    prefix = reference_prefix(query.reference)
    if prefix:
        conditions += _reference_conditions(prefix, binary_text=binary_text)
    start = _timestamp(query.start) if query.start is not None else None
    end = _timestamp(query.end) if query.end is not None else None
    if start is not None and end is not None and end <= start:
        raise ValidationError("history.inverted_dates")
    if start is not None:
        conditions.append(sales.c.created_at >= start)
    if end is not None:
        conditions.append(sales.c.created_at < end)
    if query.states:
        conditions.append(sales.c.state.in_(sorted(str(SaleState(s)) for s in query.states)))
    if query.clerk.strip():
        names = sorted(set(clerks)) if clerks is not None else [query.clerk.strip()]
        conditions.append(
            sales.c.clerk.in_(names) if len(names) != 1 else sales.c.clerk == names[0]
        )
    if query.kind is not None:
        conditions.append(sales.c.kind == str(SaleKind(query.kind)))
    if query.operator.strip():
        conditions.append(sales.c.operator_name == query.operator.strip())
    if query.before is not None:
        created, reference = _keyset(query.before)
        # Spelled out (not a row value) so the created_at index bounds the scan.
        conditions.append(
            and_(
                sales.c.created_at <= created,
                or_(sales.c.created_at < created, sales.c.reference < reference),
            )
        )
    return conditions


def _keyset(before: Iterable[object]) -> tuple[str, str]:
    values = tuple(before)
    if len(values) != 2 or not all(isinstance(value, str) for value in values):
        raise ValueError("before must be a page's next_before: (created_at text, reference)")
    created, reference = values
    chain.parse_timestamp(str(created))  # ValueError unless the journal's own timestamp text
    return str(created), str(reference)


def search_statements(
    secret: bytes,
    query: SaleQuery,
    *,
    dialect: str = "sqlite",
    clerks: Sequence[str] | None = None,
) -> list[Select[Any]]:
    """The SELECTs behind :func:`search_sales`, each one row more than a page, newest first.

    ``clerks``: the names ``query.clerk`` stands for (:func:`clerk_names`); without them
    the typed name is taken as a whole name.

    One per state when several are asked for: each then walks the (state,
    created_at) index in order and stops at a page, where one ``state IN (...)``
    would sort every matching row (a year of delivered sales) to return a hundred.
    """
    if type(query.limit) is not int or not 0 < query.limit <= MAX_LIMIT:
        raise ValueError(f"limit must be 1..{MAX_LIMIT}")
    states = sorted({SaleState(state) for state in query.states})
    parts = [replace(query, states=frozenset({state})) for state in states] or [query]
    return [
        select(sales)
        .where(*_conditions(secret, part, binary_text=dialect == "sqlite", clerks=clerks))
        .order_by(sales.c.created_at.desc(), sales.c.reference.desc())
        .limit(query.limit + 1)
        for part in parts
    ]


def search_sales(engine: Engine, secret: bytes, query: SaleQuery) -> SalePage:
    """The page of sales ``query`` asks for (see :class:`SaleQuery`), newest first.

    Raises ``ValidationError`` ``history.bad_line`` (neither a line nor 4 digits),
    ``history.bad_reference``, ``history.inverted_dates``; ``JournalError``
    ``journal.no_line_secret`` for a whole line without the store's key;
    ``ValueError`` for a naive datetime, a limit out of ``1..MAX_LIMIT`` or a
    ``before`` that no page gave.
    """
    search_statements(secret, query, dialect=engine.dialect.name)  # refusals before reading
    with read_transaction(engine) as connection:  # one snapshot for every part
        clerks = clerk_names(connection, query.clerk) if query.clerk.strip() else None
        if clerks is not None and not clerks:
            return SalePage([], None)
        statements = search_statements(secret, query, dialect=engine.dialect.name, clerks=clerks)
        parts = [list(connection.execute(statement).mappings()) for statement in statements]
    newest = heapq.merge(
        *parts, key=lambda row: (row["created_at"], row["reference"]), reverse=True
    )
    rows = [SaleRecord.from_row(row) for row in islice(newest, query.limit + 1)]
    page, more = rows[: query.limit], len(rows) > query.limit
    if not more:
        return SalePage(page, None)
    last = page[-1]
    return SalePage(page, (chain.format_timestamp(last.created_at), last.reference))
