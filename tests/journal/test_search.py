"""The sales history's search on a year of sales: every filter against direct SQL, and paging."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kiosk.domain.errors import JournalError, ValidationError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, open_journal
from kiosk.journal.schema import sales
from kiosk.journal.search import (
    MAX_LIMIT,
    SalePage,
    SaleQuery,
    clerk_names,
    search_statements,
)
from kiosk.journal.seeding import STORE_ZONE, SeedSummary, seed_sales
from tests.journal.helpers import ACTOR, LINE_SECRET
from tests.support.seeded import YEAR_SALES, open_year

S = SaleState
ORDER = " ORDER BY created_at DESC, reference DESC"


@pytest.fixture(scope="module")
def year(year_journal: Path) -> Iterator[Journal]:
    """The session's year of sales, opened once for this module (read only)."""
    journal = open_year(year_journal)
    yield journal
    journal.close()


def sql(journal: Journal, where: str = "1 = 1", **params: Any) -> list[str]:
    """The references the search must find, newest first, by plain SQL."""
    with journal.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT reference FROM sales WHERE {where}{ORDER}"), params)
        return [row[0] for row in rows]


def everything(journal: Journal, query: SaleQuery) -> list[str]:
    """Every page of ``query``, followed to the end: the references in the order found."""
    found: list[str] = []
    pages = 0
    while True:
        page = journal.search_sales(query)
        pages += 1
        assert len(page.sales) <= query.limit
        found += [sale.reference for sale in page.sales]
        if page.next_before is None:
            return found
        assert len(page.sales) == query.limit
        assert page.next_before == (
            page.sales[-1].created_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            page.sales[-1].reference,
        )
        query = replace(query, before=page.next_before)
        assert pages < 10_000


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, tzinfo=STORE_ZONE)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# -- the year of sales --------------------------------------------------------------------


def test_the_year_journal_holds_a_year_of_sales(year: Journal, year_summary: SeedSummary) -> None:
    assert year_summary.count == YEAR_SALES >= 200_000
    assert len(sql(year)) == YEAR_SALES
    assert len({day for day in year_summary.by_day}) >= 360


def test_the_first_page_is_the_newest_sales(year: Journal, year_summary: SeedSummary) -> None:
    page = year.search_sales(SaleQuery())
    assert [sale.reference for sale in page.sales] == sql(year)[:100]
    assert page.sales[0].reference == year_summary.last_reference
    assert page.next_before is not None
    # Only masked lines come back, with the sale's projection (clerk, operator, earnings).
    for sale in page.sales:
        assert sale.line_masked.startswith("*** *** ")
        assert sale.clerk and sale.operator_name


def test_paging_through_the_whole_year_has_no_gaps_and_no_duplicates(year: Journal) -> None:
    found = everything(year, SaleQuery(limit=MAX_LIMIT))
    assert found == sql(year)
    assert len(set(found)) == YEAR_SALES


def test_paging_a_filter_matches_sql(year: Journal) -> None:
    query = SaleQuery(states=frozenset({S.PAID_NOT_DELIVERED, S.DELIVERY_UNKNOWN}), limit=250)
    expected = sql(year, "state IN ('paid_not_delivered', 'delivery_unknown')")
    assert len(expected) > 1_000
    assert everything(year, query) == expected


@pytest.mark.parametrize(
    ("query", "where"),
    [
        (SaleQuery(states=frozenset({S.DECLINED})), "state = 'declined'"),
        (
            SaleQuery(states=frozenset({S.PAYMENT_PENDING, S.PAYMENT_FAILED, S.SETTLED})),
            "state IN ('payment_pending', 'payment_failed', 'settled')",
        ),
        (SaleQuery(clerk="Marta"), "clerk = 'Marta'"),
        (SaleQuery(clerk=" Luis "), "clerk = 'Luis'"),
        (SaleQuery(clerk="Nadie"), "clerk = 'Nadie'"),
        # The start of a name, any case: "an" is Ana's, "MAR" Marta's.
        (SaleQuery(clerk="an"), "clerk = 'Ana'"),
        (SaleQuery(clerk="MAR"), "clerk = 'Marta'"),
        (SaleQuery(clerk=" l "), "clerk = 'Luis'"),
        # LIKE's wildcards are plain characters: no name starts with them.
        (SaleQuery(clerk="%"), "1 = 0"),
        (SaleQuery(clerk="_na"), "1 = 0"),
        (SaleQuery(clerk="a%"), "1 = 0"),
        (SaleQuery(kind=SaleKind.GIFT_PACK), "kind = 'gift_pack'"),
        (SaleQuery(operator="WOM"), "operator_name = 'WOM'"),
        (
            SaleQuery(
                clerk="Ana", operator="Tigo", kind=SaleKind.TOPUP, states=frozenset({S.DELIVERED})
            ),
            "clerk = 'Ana' AND operator_name = 'Tigo' AND kind = 'topup' AND state = 'delivered'",
        ),
    ],
)
def test_each_filter_matches_sql(year: Journal, query: SaleQuery, where: str) -> None:
    expected = sql(year, where)
    first = year.search_sales(replace(query, limit=MAX_LIMIT))
    assert [sale.reference for sale in first.sales] == expected[:MAX_LIMIT]
    assert (first.next_before is None) == (len(expected) <= MAX_LIMIT)


def test_a_date_range_is_created_at_in_start_to_end(
    year: Journal, year_summary: SeedSummary
) -> None:
    day = sorted(year_summary.by_day)[100]
    start, end = day_bounds(day)
    expected = sql(year, "created_at >= :a AND created_at < :b", a=_text(start), b=_text(end))
    assert len(expected) == year_summary.by_day[day].count > 0
    assert everything(year, SaleQuery(start=start, end=end, limit=200)) == expected
    # A week from a Monday, with only one bound or with both and a clerk.
    week_start, _ = day_bounds(day)
    week_end = week_start + timedelta(days=7)
    after = year.search_sales(SaleQuery(start=week_end, limit=10))
    assert [s.reference for s in after.sales] == sql(year, "created_at >= :a", a=_text(week_end))[
        :10
    ]
    before = year.search_sales(SaleQuery(end=week_start, limit=10))
    assert [s.reference for s in before.sales] == sql(year, "created_at < :b", b=_text(week_start))[
        :10
    ]
    query = SaleQuery(start=week_start, end=week_end, clerk="Ana", limit=100)
    where = "created_at >= :a AND created_at < :b AND clerk = 'Ana'"
    assert everything(year, query) == sql(year, where, a=_text(week_start), b=_text(week_end))


def test_a_whole_line_is_found_by_its_keyed_hash(year: Journal, year_summary: SeedSummary) -> None:
    line, times = max(year_summary.repeat_lines.items(), key=lambda item: item[1])
    assert times > 1
    expected = sql(year, "line_hmac = :digest", digest=year.line_digest(line))
    assert len(expected) == times
    for typed in (line, f"{line[:3]} {line[3:6]} {line[6:]}", f"+57 {line}", f"57{line}"):
        page = year.search_sales(SaleQuery(line=typed))
        assert [sale.reference for sale in page.sales] == expected, typed
    assert all(sale.line_masked == f"*** *** {line[-4:]}" for sale in page.sales)
    # The sender of a gift pack is not the line it was sold to.
    assert year.search_sales(SaleQuery(line="3999999999")).sales == []


def test_the_last_four_digits_find_every_line_ending_so(
    year: Journal, year_summary: SeedSummary
) -> None:
    line = next(iter(year_summary.repeat_lines))
    four = line[-4:]
    expected = sql(year, "line_masked = :masked", masked=f"*** *** {four}")
    assert len(expected) >= year_summary.repeat_lines[line]
    assert everything(year, SaleQuery(line=four, limit=7)) == expected
    narrowed = SaleQuery(line=four, clerk="Ana")
    assert everything(year, narrowed) == sql(
        year, "line_masked = :masked AND clerk = 'Ana'", masked=f"*** *** {four}"
    )


def test_a_reference_prefix_finds_sales_and_payment_attempts(year: Journal) -> None:
    newest = year.search_sales(SaleQuery(limit=1)).sales[0].reference
    for prefix in (newest, newest[:9], newest[:6].lower(), " " + newest[:7] + " "):
        wanted = prefix.strip().upper()
        expected = sql(
            year,
            "reference LIKE :p OR attempt_reference LIKE :p",
            p=f"{wanted}%",
        )
        assert expected and all(ref.startswith(wanted) for ref in expected)
        assert everything(year, SaleQuery(reference=prefix, limit=MAX_LIMIT)) == expected
    # A second attempt's own reference finds its sale.
    retried = sql(year, "attempt_reference LIKE '%-2'")
    assert retried
    attempt = f"{retried[0]}-2"
    found = year.search_sales(SaleQuery(reference=attempt)).sales
    assert [sale.reference for sale in found] == [retried[0]]
    assert found[0].attempt_reference == attempt
    # The first attempt's proof (the sale's own reference) and "-1" find it as well.
    for typed in (retried[0], f"{retried[0]}-1", f"{retried[0].lower()}-"):
        assert [s.reference for s in year.search_sales(SaleQuery(reference=typed)).sales] == [
            retried[0]
        ]
    assert year.search_sales(SaleQuery(reference="KNOSUCHSALE-2")).sales == []


def test_every_filter_at_once(year: Journal, year_summary: SeedSummary) -> None:
    sale = year.search_sales(SaleQuery(states=frozenset({S.DELIVERED}), limit=1)).sales[0]
    line = year.line_for(sale.reference)
    assert line is not None
    start = sale.created_at - timedelta(hours=1)
    query = SaleQuery(
        line=line,
        reference=sale.reference[:5],
        start=start,
        end=sale.created_at + timedelta(seconds=1),
        states=frozenset({S.DELIVERED, S.SETTLED}),
        clerk=str(sale.clerk),
        kind=sale.kind,
        operator=str(sale.operator_name),
    )
    page = year.search_sales(query)
    assert page.sales == [sale] and page.next_before is None
    assert year.search_sales(replace(query, clerk="Nadie")).sales == []


def test_a_clerks_prefix_is_read_along_the_index(year: Journal) -> None:
    """The names a clerk search stands for come from index seeks, a year of sales or not."""
    with year.engine.connect() as connection:
        started = time.perf_counter()
        names = clerk_names(connection, "m")
        took = time.perf_counter() - started
        assert names == ["Marta"]
        assert clerk_names(connection, "") == ["Ana", "Luis", "Marta"]
        assert clerk_names(connection, "x") == []
        statement = select(func.min(sales.c.clerk)).where(sales.c.clerk > "Ana")
        compiled = statement.compile(
            dialect=year.engine.dialect, compile_kwargs={"literal_binds": True}
        )
        plan = [
            str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        ]
    assert any("USING" in step and "INDEX" in step for step in plan), plan
    assert "SCAN sales" not in plan, plan
    assert took < 0.5, took
    # A prefix search of the year's newest page is as quick as a whole name's.
    started = time.perf_counter()
    page = year.search_sales(SaleQuery(clerk="lu", limit=100))
    assert time.perf_counter() - started < 1.0
    assert page.sales and {sale.clerk for sale in page.sales} == {"Luis"}


def test_the_indexes_serve_the_filters(year: Journal) -> None:
    """SQLite's plan for each filter: an index, never a scan or a sort of the whole table."""
    cases = {
        "none": SaleQuery(),
        "state": SaleQuery(states=frozenset({S.DECLINED})),
        "states": SaleQuery(states=frozenset({S.DECLINED, S.SETTLED})),
        "clerk": SaleQuery(clerk="Ana"),
        "line": SaleQuery(line="3001234567"),
        "dates": SaleQuery(
            start=datetime(2025, 6, 1, tzinfo=UTC), end=datetime(2025, 6, 2, tzinfo=UTC)
        ),
        "page": SaleQuery(before=("2025-06-01T00:00:00.000000Z", "K")),
        "reference": SaleQuery(reference="K1KW4KEJ"),
        "attempt": SaleQuery(reference="K1KW4KEJDG1C3H-2"),
    }
    # Their few matches are sorted, never a year's.
    few = {"line", "reference", "attempt"}
    for name, query in cases.items():
        for statement in search_statements(LINE_SECRET, query):
            compiled = statement.compile(
                dialect=year.engine.dialect, compile_kwargs={"literal_binds": True}
            )
            with year.engine.connect() as connection:
                explained = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
                plan = [str(row[-1]) for row in explained]
            assert any("USING INDEX" in step for step in plan), (name, plan)
            assert "SCAN sales" not in plan, (name, plan)
            if name not in few:
                assert "USE TEMP B-TREE FOR ORDER BY" not in plan, (name, plan)


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["123", "12345", "abcd", "300123456", "30012345678", "2001234567"]
)
def test_what_is_neither_a_line_nor_its_last_four_is_refused(year: Journal, typed: str) -> None:
    with pytest.raises(ValidationError) as raised:
        year.search_sales(SaleQuery(line=typed))
    assert raised.value.code == "history.bad_line"


@pytest.mark.parametrize("typed", ["K%", "K_1", "K1 2", "Ñ", "K" * 33, "'; DROP"])
def test_what_is_no_reference_is_refused(year: Journal, typed: str) -> None:
    with pytest.raises(ValidationError) as raised:
        year.search_sales(SaleQuery(reference=typed))
    assert raised.value.code == "history.bad_reference"


def test_bad_bounds_and_pages_are_refused(year: Journal) -> None:
    moment = datetime(2025, 6, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as raised:
        year.search_sales(SaleQuery(start=moment, end=moment))
    assert raised.value.code == "history.inverted_dates"
    with pytest.raises(ValueError):
        year.search_sales(SaleQuery(start=moment.replace(tzinfo=None)))
    for limit in (0, -1, MAX_LIMIT + 1):
        with pytest.raises(ValueError):
            year.search_sales(SaleQuery(limit=limit))
    for before in (("yesterday", "K"), ("2025-06-01T00:00:00.000000Z",), (1, 2)):
        with pytest.raises(ValueError):
            year.search_sales(SaleQuery(before=before))  # type: ignore[arg-type]


def test_a_whole_line_needs_the_stores_key(year_journal: Path) -> None:
    with open_journal(f"sqlite:///{year_journal}", create=False) as reader:
        with pytest.raises(JournalError) as raised:
            reader.search_sales(SaleQuery(line="3001234567"))
        assert raised.value.code == "journal.no_line_secret"
        # The last four and every other filter work without it.
        assert reader.search_sales(SaleQuery(line="4567", limit=1)).sales is not None


# -- both backends, and sales arriving while the clerk pages --------------------------------


def test_search_on_both_backends_and_while_sales_arrive(journal: Journal) -> None:
    # Before the journal's clock (January 2025): the sale made below is the newest.
    start = datetime(2024, 11, 1, 5, tzinfo=UTC)
    seed_sales(journal, count=1_500, start=start, days=10, seed=5)
    for query, where in (
        (SaleQuery(limit=100), "1 = 1"),
        (SaleQuery(clerk="Luis", limit=50), "clerk = 'Luis'"),
        (
            SaleQuery(states=frozenset({S.DELIVERED}), operator="Claro"),
            "state = 'delivered' AND operator_name = 'Claro'",
        ),
        (SaleQuery(kind=SaleKind.GIFT_PACK, limit=30), "kind = 'gift_pack'"),
    ):
        assert everything(journal, query) == sql(journal, where)
    reference = sql(journal)[10]
    assert [
        s.reference for s in journal.search_sales(SaleQuery(reference=reference[:8])).sales
    ] == sql(journal, "reference LIKE :p OR attempt_reference LIKE :p", p=f"{reference[:8]}%")

    # The clerk reads a page; a sale is made; the next page goes on where the first ended.
    first: SalePage = journal.search_sales(SaleQuery(limit=40))
    expected_rest = sql(journal)[40:]
    journal.record(
        "KNEWSALE0000001",
        S.CREATED,
        event="sale_created",
        actor=ACTOR,
        kind=SaleKind.TOPUP,
        amount_pesos=5_000,
        line="3001112233",
        data={"clerk": "Ana", "operator_name": "Claro"},
    )
    rest = everything(journal, SaleQuery(limit=40, before=first.next_before))
    assert rest == expected_rest
    newest = journal.search_sales(SaleQuery(limit=1)).sales[0]
    assert newest.reference == "KNEWSALE0000001" and newest.clerk == "Ana"
    assert journal.search_sales(SaleQuery(line="3001112233")).sales == [newest]
    assert journal.verify().ok


def test_references_of_another_form_are_found_by_their_start(journal: Journal) -> None:
    from tests.journal.helpers import create_sale

    for reference in ("VTA-0002", "VTA-0003", "VTA-0100", "OTRA-1"):
        create_sale(journal, reference)
    found = {
        typed: [sale.reference for sale in journal.search_sales(SaleQuery(reference=typed)).sales]
        for typed in ("VTA-000", "vta-0002", "VTA", "VTA-", "OTRA-1", "K")
    }
    assert found == {
        "VTA-000": ["VTA-0003", "VTA-0002"],
        "vta-0002": ["VTA-0002"],
        "VTA": ["VTA-0100", "VTA-0003", "VTA-0002"],
        "VTA-": ["VTA-0100", "VTA-0003", "VTA-0002"],
        "OTRA-1": ["OTRA-1"],
        "K": [],
    }
