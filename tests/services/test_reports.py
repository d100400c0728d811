"""Shift reports (kiosk/services/reports.py): X and Z totals, the close journaled and the next
Z starting after it, settling, store days in Bogota time; and a year of sales (200,000)
added up in SQL checked against direct SQL sums."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kiosk.controllers.language import set_language
from kiosk.controllers.reports import report_document
from kiosk.domain.document import Heading, Row
from kiosk.domain.errors import JournalError, KioskError, SaleTransitionError, ValidationError
from kiosk.domain.report import Earned, FollowUpKind, ReportHeader, ShiftReport, Tally
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, JournalWriter
from kiosk.journal.seeding import SeedSummary
from kiosk.journal.totals import SHIFT_CLOSED
from kiosk.services.reports import ReportService, build_report, journal_actor, settle_sale
from tests.journal.helpers import ACTOR, fresh_line, path_to
from tests.support.clocks import TickingClock
from tests.support.seeded import YEAR_DAYS, YEAR_SALES, YEAR_START, open_year

S = SaleState
HEADER = ReportHeader("Tienda de ejemplo S.A.S.", "900123456-8", "Tienda", "Caja 1")


def sell(
    journal: Journal,
    reference: str,
    target: SaleState = S.DELIVERED,
    *,
    amount: int = 10_000,
    kind: SaleKind = SaleKind.TOPUP,
    operator: str | None = "Claro Colombia",
    clerk: str | None = "Ana",
    discount: str | None = "350.00",
    currency: str = "COP",
) -> None:
    """A sale journaled along the shortest path to ``target``, as the app writes one."""
    created: dict[str, Any] = {}
    if clerk is not None:
        created["clerk"] = clerk
    if operator is not None:
        created["operator_name"] = operator
    journal.record(
        reference,
        S.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=kind,
        amount_pesos=amount,
        line=fresh_line(),
        data=created,
    )
    for state in path_to(target)[1:]:
        data: dict[str, Any] = {}
        if state is S.DELIVERED and discount is not None:
            data["provider"] = {"discount": discount, "discountCurrencyCode": currency}
        journal.record(reference, state, event=f"test.{state}", actor=ACTOR, data=data)


@pytest.fixture
def writer(journal: Journal) -> Iterator[JournalWriter]:
    opened = JournalWriter(journal)
    yield opened
    opened.close()


@pytest.fixture
def reports(journal: Journal, writer: JournalWriter, ticking_clock: TickingClock) -> ReportService:
    return ReportService(journal, writer, ticking_clock, ACTOR, header=lambda: HEADER)


def tally(report_group: tuple[Tally, ...], key: str) -> Tally:
    found = {item.key: item for item in report_group}
    return found[key]


def test_an_x_report_adds_up_the_open_shift(journal: Journal, reports: ReportService) -> None:
    sell(journal, "K1", amount=10_000, discount="350.00")
    sell(journal, "K2", amount=20_000, operator="Movistar Colombia", clerk="Luis", discount="1")
    sell(journal, "K3", amount=5_000, kind=SaleKind.GIFT_PACK, discount="0.25", currency="USD")
    sell(journal, "K4", S.DECLINED, amount=7_000)
    sell(journal, "K5", S.PAID_NOT_DELIVERED, amount=8_000)
    sell(journal, "K6", S.PAYMENT_PENDING, amount=9_000)
    sell(journal, "K7", S.DELIVERY_UNKNOWN, amount=3_000, clerk=None, operator=None)

    report = reports.x_report()

    assert not report.closed and report.close_seq is None
    assert report.header == HEADER
    assert (report.sold.count, report.sold.amount_pesos) == (3, 35_000)
    assert report.earned == (Earned("COP", 35_100), Earned("USD", 25))
    assert tally(report.by_kind, "topup") == Tally("topup", 2, 30_000, (Earned("COP", 35_100),))
    assert tally(report.by_kind, "gift_pack").amount_pesos == 5_000
    assert {item.key: item.count for item in report.by_operator} == {
        "Claro Colombia": 2,
        "Movistar Colombia": 1,
    }
    assert {item.key: item.amount_pesos for item in report.by_clerk} == {
        "Ana": 15_000,
        "Luis": 20_000,
    }
    states = {item.key: (item.count, item.amount_pesos) for item in report.by_state}
    assert states == {
        "delivered": (3, 35_000),
        "declined": (1, 7_000),
        "paid_not_delivered": (1, 8_000),
        "payment_pending": (1, 9_000),
        "delivery_unknown": (1, 3_000),
    }
    assert (report.first_reference, report.last_reference) == ("K1", "K7")
    # Follow-up: every open sale, its line masked.
    assert [sale.reference for sale in report.follow_up] == ["K5", "K6", "K7"]
    assert report.follow_up_count == 3
    assert [sale.reference for sale in report.follow_up_of(FollowUpKind.PAID_NOT_DELIVERED)] == [
        "K5"
    ]
    assert [sale.reference for sale in report.follow_up_of(FollowUpKind.UNKNOWN)] == ["K7"]
    assert all(sale.line_masked.startswith("***") for sale in report.follow_up)
    # The chain as the report saw it.
    assert report.chain_hash == journal.last_hash()
    assert report.through_seq == journal.entry_count()
    # The chart: sold sales by the store's hour and by operator (the most pesos first).
    assert sum(bar.sales for bar in report.chart.by_hour) == 3
    assert len(report.chart.by_hour) == 24
    assert [bar.name for bar in report.chart.by_operator] == [
        "Movistar Colombia",  # 20,000
        "Claro Colombia",  # 15,000
    ]
    assert journal.events(SHIFT_CLOSED) == []  # an X closes nothing


def test_the_close_is_journaled_and_the_next_z_starts_after_it(
    journal: Journal, reports: ReportService
) -> None:
    sell(journal, "KA", amount=10_000)
    sell(journal, "KB", S.PAID_NOT_DELIVERED, amount=4_000)
    z1 = reports.close_shift("Ana María")

    assert z1.closed and (z1.sold.count, z1.sold.amount_pesos) == (1, 10_000)
    entry = journal.events(SHIFT_CLOSED)[-1]
    assert (entry.seq, entry.hash, entry.actor) == (z1.close_seq, z1.chain_hash, "Ana-María")
    assert z1.through_seq == entry.seq - 1
    payload = entry.payload
    assert payload["sold_count"] == 1 and payload["sold_pesos"] == 10_000
    assert payload["earned_minor"] == [["COP", 35_000]]
    assert payload["by_operator"] == [["Claro Colombia", 1, 10_000]]
    assert payload["by_state"] == [["delivered", 1, 10_000], ["paid_not_delivered", 1, 4_000]]
    assert (payload["first_reference"], payload["last_reference"]) == ("KA", "KB")
    assert payload["through_seq"] == z1.through_seq
    assert payload["chain_hash"] == entry.prev_hash
    assert journal.verify().ok

    last = reports.last_close()
    assert last is not None
    assert (last.seq, last.hash, last.period_end) == (entry.seq, entry.hash, z1.period_end)

    # Only what follows the close is in the next shift; the open sale is still followed.
    sell(journal, "KC", amount=2_000)
    x = reports.x_report()
    assert x.period_start == z1.period_end
    assert (x.sold.count, x.sold.amount_pesos, x.first_reference) == (1, 2_000, "KC")
    assert [sale.reference for sale in x.follow_up] == ["KB"]
    z2 = reports.close_shift()
    assert (z2.period_start, z2.sold.amount_pesos) == (z1.period_end, 2_000)
    assert journal.events(SHIFT_CLOSED)[-1].actor == ACTOR
    assert len(journal.events(SHIFT_CLOSED)) == 2


def test_a_sale_left_open_at_a_close_is_sold_on_the_next_z(
    journal: Journal, reports: ReportService
) -> None:
    # Shift 1: K1 delivered, K2 delivered to the line but its answer lost.
    sell(journal, "K1", amount=10_000)
    sell(journal, "K2", S.DELIVERY_UNKNOWN, amount=20_000)
    z1 = reports.close_shift()
    assert (z1.sold.count, z1.sold.amount_pesos) == (1, 10_000)
    assert [sale.reference for sale in z1.follow_up] == ["K2"]  # unresolved at the close
    assert z1.resolved.changed.count == 0 and z1.total_sold == z1.sold

    # Shift 2: the look-up finds K2 delivered; K3 is sold.
    journal.record(
        "K2",
        S.DELIVERED,
        event="test.delivered",
        actor=ACTOR,
        data={"provider": {"discount": "700.00", "discountCurrencyCode": "COP"}},
    )
    sell(journal, "K3", amount=5_000)
    x = reports.x_report()
    assert (x.resolved.delivered.count, x.resolved.delivered.amount_pesos) == (1, 20_000)
    z2 = reports.close_shift()

    # Sold in shift 2 (created in it) stays apart; K2 is delivered from an earlier shift.
    assert (z2.sold.count, z2.sold.amount_pesos) == (1, 5_000)
    assert (z2.resolved.delivered.count, z2.resolved.delivered.amount_pesos) == (1, 20_000)
    assert z2.resolved.delivered.earned == (Earned("COP", 70_000),)
    assert z2.resolved.since_seq == z1.through_seq
    assert (z2.total_sold.count, z2.total_sold.amount_pesos) == (2, 25_000)
    assert z1.total_sold.amount_pesos + z2.total_sold.amount_pesos == 35_000
    assert z2.follow_up == ()
    payload = journal.events(SHIFT_CLOSED)[-1].payload
    assert (payload["sold_count"], payload["sold_pesos"]) == (1, 5_000)
    assert payload["earlier_by_state"] == [["delivered", 1, 20_000]]
    assert (payload["earlier_delivered_count"], payload["earlier_delivered_pesos"]) == (1, 20_000)
    assert payload["earlier_earned_minor"] == [["COP", 70_000]]
    assert (payload["total_sold_count"], payload["total_sold_pesos"]) == (2, 25_000)
    assert payload["earlier_since_seq"] == z1.through_seq
    # The words: this shift's own, those from earlier shifts, both; then the section.
    rows = {line.key: line for line in report_document(z2).lines if isinstance(line, Row)}
    assert rows["amount"].value == "$\u00a05.000"  # sold in this shift, as before
    assert rows["shift_sold"].label == "Vendidas en este turno"
    assert rows["earlier_delivered"].label == "Entregadas de turnos anteriores"
    assert rows["earlier_delivered"].value == "1 venta · $\u00a020.000"
    assert rows["total_sold"].value == "2 ventas · $\u00a025.000"
    assert rows["earlier:delivered"].label == "Pagada y entregada"
    headings = [line.text for line in report_document(z2).lines if isinstance(line, Heading)]
    assert "Resueltas de turnos anteriores" in headings
    assert "earlier_delivered" not in {
        line.key for line in report_document(z1).lines if isinstance(line, Row)
    }
    set_language("en")
    try:
        english = {line.key: line for line in report_document(z2).lines if isinstance(line, Row)}
    finally:
        set_language("es")
    assert english["earlier_delivered"].label == "Delivered from earlier shifts"
    assert english["total_sold"].label == "Total delivered in the shift"
    # Counted on one Z only: the next shift has nothing resolved.
    z3 = reports.close_shift()
    assert z3.resolved.changed.count == 0 and z3.total_sold.amount_pesos == 0
    assert journal.verify().ok


def test_paid_not_delivered_and_settled_of_earlier_shifts_are_counted_not_sold(
    journal: Journal, reports: ReportService
) -> None:
    sell(journal, "KU", S.DELIVERY_UNKNOWN, amount=4_000)
    sell(journal, "KP", S.PAID_NOT_DELIVERED, amount=6_000)
    sell(journal, "KW", S.PAYMENT_PENDING, amount=1_000)
    reports.close_shift()
    journal.record("KU", S.PAID_NOT_DELIVERED, event="test.pnd", actor=ACTOR)
    reports.settle("KP", "Reembolso en efectivo")
    z = reports.close_shift()
    assert {item.key: (item.count, item.amount_pesos) for item in z.resolved.by_state} == {
        "paid_not_delivered": (1, 4_000),
        "settled": (1, 6_000),
    }
    assert z.resolved.of(S.SETTLED).count == 1 and z.resolved.delivered.count == 0
    assert z.total_sold == z.sold == Tally("", 0, 0, ())


def test_a_day_report_counts_by_created_day_only(
    journal: Journal, reports: ReportService, ticking_clock: TickingClock
) -> None:
    ticking_clock.moment = datetime(2025, 1, 15, 15, 0, tzinfo=UTC)  # 10:00 in Bogotá
    sell(journal, "K1", amount=10_000)
    sell(journal, "K2", S.DELIVERY_UNKNOWN, amount=20_000)
    reports.close_shift()
    ticking_clock.moment = datetime(2025, 1, 16, 15, 0, tzinfo=UTC)  # the next day
    journal.record("K2", S.DELIVERED, event="test.delivered", actor=ACTOR)
    sell(journal, "K3", amount=5_000)

    fifteenth = reports.x_report(date(2025, 1, 15))
    assert (fifteenth.sold.count, fifteenth.sold.amount_pesos) == (2, 30_000)  # K2 now delivered
    sixteenth = reports.x_report(date(2025, 1, 16))
    assert (sixteenth.sold.count, sixteenth.sold.amount_pesos) == (1, 5_000)
    for day_report in (fifteenth, sixteenth):
        assert day_report.resolved.by_state == () and day_report.resolved.since_seq is None
        assert day_report.total_sold == day_report.sold


def test_an_empty_shift_closes_and_says_zero(journal: Journal, reports: ReportService) -> None:
    z = reports.close_shift()
    assert z.empty and z.sold == Tally("", 0, 0, ())
    assert (z.first_reference, z.last_reference, z.follow_up) == ("", "", ())
    assert journal.events(SHIFT_CLOSED)[-1].payload["sold_count"] == 0
    again = reports.close_shift()
    assert again.period_start == z.period_end and again.empty


def test_settling_is_journaled_and_refused_when_it_makes_no_sense(
    journal: Journal, reports: ReportService
) -> None:
    sell(journal, "KPND", S.PAID_NOT_DELIVERED)
    entry = reports.settle("KPND", "  Reembolso en efectivo ", "Administrador")
    assert (entry.state, entry.event, entry.actor) == (S.SETTLED, "sale.settled", "Administrador")
    assert entry.payload == {"how": "Reembolso en efectivo"}
    assert reports.x_report().follow_up == ()

    sell(journal, "KDONE")
    sell(journal, "KOPEN", S.PAID_NOT_DELIVERED)
    count = journal.entry_count()
    with pytest.raises(SaleTransitionError):
        reports.settle("KDONE", "x")
    with pytest.raises(JournalError, match=r"journal\.no_such_sale"):
        reports.settle("KNOPE", "x")
    with pytest.raises(ValidationError, match=r"report\.settle_how_missing"):
        reports.settle("KOPEN", "   ")
    with pytest.raises(JournalError, match=r"journal\.personal_data"):
        settle_sale(journal, "KOPEN", "Devuelto al 310 555 1234", actor="cli")
    assert journal.entry_count() == count


def test_a_day_report_follows_bogota_time(
    journal: Journal, reports: ReportService, ticking_clock: TickingClock
) -> None:
    # 04:30 UTC on 16 January is 23:30 on the 15th in Bogotá.
    ticking_clock.moment = datetime(2025, 1, 16, 4, 30, tzinfo=UTC)
    sell(journal, "KLATE", amount=1_000)
    ticking_clock.moment = datetime(2025, 1, 16, 5, 30, tzinfo=UTC)  # 00:30 on the 16th
    sell(journal, "KNEXT", amount=2_000)

    fifteenth = reports.x_report(date(2025, 1, 15))
    assert (fifteenth.day, fifteenth.sold.amount_pesos) == (date(2025, 1, 15), 1_000)
    assert fifteenth.period_start == datetime(2025, 1, 15, 5, 0, tzinfo=UTC)
    assert [bar.hour for bar in fifteenth.chart.by_hour if bar.sales] == [23]
    sixteenth = reports.x_report(date(2025, 1, 16))
    assert sixteenth.sold.amount_pesos == 2_000
    assert [bar.hour for bar in sixteenth.chart.by_hour if bar.sales] == [0]


def test_an_empty_journal_gives_an_empty_report(journal: Journal, reports: ReportService) -> None:
    report = reports.x_report()
    assert report.empty and report.follow_up_count == 0 and report.through_seq == 0
    assert report.chain_hash == journal.meta["genesis_hash"]
    assert report.chart.empty
    assert reports.last_close() is None


def test_a_clerks_name_becomes_a_journal_actor() -> None:
    assert journal_actor("Ana María López") == "Ana-María-López"
    assert journal_actor("x" * 80) == "x" * 64
    assert journal_actor("kiosk:abc_1.2") == "kiosk:abc_1.2"


def test_progress_is_told_every_sale_added_up(
    journal: Journal, ticking_clock: TickingClock
) -> None:
    for number in range(5):
        sell(journal, f"KP{number}")
        ticking_clock.advance(timedelta(days=3))
    told: list[int] = []
    totals: list[int] = []

    def progress_for(total: int) -> Any:
        totals.append(total)
        return told.append

    report = build_report(journal, now=ticking_clock(), progress_for=progress_for)
    assert totals == [5] and sum(told) == 5 and len(told) >= 2  # a window at a time
    assert report.sold.count == 5


# -- a year of sales ------------------------------------------------------------------------


def _sql_sums(journal: Journal, group: str, start: datetime, end: datetime) -> dict[str, Any]:
    """Sold (delivered) sales grouped by ``group``, summed by SQL directly."""
    bounds = {"start": _ts(start), "end": _ts(end)}
    with journal.engine.connect() as connection:
        rows = connection.execute(
            text(
                f"SELECT COALESCE({group}, ''), COUNT(*), SUM(amount_pesos) FROM sales "
                "WHERE state = 'delivered' AND created_at >= :start AND created_at < :end "
                f"GROUP BY COALESCE({group}, '')"
            ),
            bounds,
        )
        return {str(key): (int(count), int(pesos)) for key, count, pesos in rows}


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _check_against_sql(journal: Journal, report: ShiftReport) -> None:
    start, end = report.period_start, report.period_end
    for group, tallies in (
        ("operator_name", report.by_operator),
        ("kind", report.by_kind),
        ("clerk", report.by_clerk),
    ):
        mine = {item.key: (item.count, item.amount_pesos) for item in tallies}
        assert mine == _sql_sums(journal, group, start, end), group
    bounds = {"start": _ts(start), "end": _ts(end)}
    with journal.engine.connect() as connection:
        states = {
            str(state): (int(count), int(pesos))
            for state, count, pesos in connection.execute(
                text(
                    "SELECT state, COUNT(*), SUM(amount_pesos) FROM sales "
                    "WHERE created_at >= :start AND created_at < :end GROUP BY state"
                ),
                bounds,
            )
        }
        earned = {
            str(currency): int(minor)
            for currency, minor in connection.execute(
                text(
                    "SELECT earned_currency, SUM(earned_minor) FROM sales WHERE state = "
                    "'delivered' AND earned_minor IS NOT NULL AND created_at >= :start "
                    "AND created_at < :end GROUP BY earned_currency"
                ),
                bounds,
            )
        }
        open_count = connection.execute(
            text(
                "SELECT COUNT(*) FROM sales WHERE state IN ('created', 'payment_requested', "
                "'payment_unknown', 'payment_pending', 'payment_failed', "
                "'cancelled_unconfirmed', 'expired_unconfirmed', 'paid', 'delivery_requested', "
                "'delivery_unknown', 'paid_not_delivered') AND created_at < :end"
            ),
            {"end": bounds["end"]},
        ).scalar_one()
    assert {item.key: (item.count, item.amount_pesos) for item in report.by_state} == states
    assert {item.currency: item.minor for item in report.earned} == earned
    assert report.follow_up_count == int(open_count)
    assert sum(bar.sales for bar in report.chart.by_hour) == report.sold.count


def test_a_year_of_sales_adds_up_as_sql_says(year_journal: Path, year_summary: SeedSummary) -> None:
    after = YEAR_START + timedelta(days=YEAR_DAYS + 1)
    with open_year(year_journal, read_only=True) as journal:
        started = time.perf_counter()
        report = build_report(journal, now=after)
        seconds = time.perf_counter() - started
        _check_against_sql(journal, report)
        assert report.through_seq == journal.entry_count() == year_summary.last_seq
        # One store day too: the busiest of the year.
        busiest = max(year_summary.by_day.items(), key=lambda item: item[1].count)[0]
        day_report = build_report(journal, now=after, day=busiest)
        _check_against_sql(journal, day_report)
    assert seconds < 30  # seconds, not minutes (about 2 s on a shared test machine)
    # And the seeder's own tallies (of every sale by its final state; earned by currency).
    assert {item.key: (item.count, item.amount_pesos) for item in report.by_state} == {
        str(state): (tally.count, tally.pesos) for state, tally in year_summary.by_state.items()
    }
    assert {item.currency: item.minor for item in report.earned} == dict(year_summary.earned_minor)
    assert (report.first_reference, report.last_reference) == (
        year_summary.first_reference,
        year_summary.last_reference,
    )
    assert report.totals.created.count == YEAR_SALES
    assert len(report.by_operator) == 4 and len(report.by_clerk) == 3
    day = year_summary.by_day[busiest]
    assert (day_report.totals.created.count, day_report.totals.created.amount_pesos) == (
        day.count,
        day.pesos,
    )
    assert day_report.day == busiest


def test_closing_a_year_then_the_next_shift_is_empty(year_journal_copy: Path) -> None:
    moment = YEAR_START + timedelta(days=YEAR_DAYS + 1)
    with open_year(year_journal_copy) as journal:
        writer = JournalWriter(journal)
        try:
            service = ReportService(journal, writer, lambda: moment, ACTOR)
            z = service.close_shift()
            assert z.sold.count > 150_000 and z.close_seq == journal.entry_count()
            entry = journal.events(SHIFT_CLOSED)[-1]
            assert entry.payload["sold_pesos"] == z.sold.amount_pesos
            next_shift = service.x_report()
        finally:
            writer.close()
    assert next_shift.empty and next_shift.period_start == z.period_end
    # The first close has nothing before it; the next shift looks after its last entry.
    assert z.resolved.since_seq is None and z.total_sold == z.sold
    assert next_shift.resolved.since_seq == z.through_seq
    assert next_shift.resolved.changed.count == 0
    assert next_shift.follow_up_count == z.follow_up_count > 0  # still open, still listed


def test_kiosk_errors_of_the_service_have_words() -> None:
    from kiosk.messages import SOURCES

    for code in ("report.settle_how_missing", "report.cli.pdf_written", "report.pdf_failed"):
        assert code in SOURCES
    assert issubclass(ValidationError, KioskError)
