"""The seeding helper writes journals that verify, and says truthfully what it wrote."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal
from kiosk.journal.seeding import CLERKS, OPERATORS, STORE_ZONE, SeedSummary, Tally, seed_sales
from tests.journal.helpers import create_sale

S = SaleState
START = datetime(2025, 3, 1, 5, tzinfo=UTC)


def _tallies(journal: Journal, column: str) -> dict[str, Tally]:
    with journal.engine.connect() as connection:
        rows = connection.execute(
            text(f"SELECT {column}, COUNT(*), SUM(amount_pesos) FROM sales GROUP BY {column}")
        )
        return {str(key): Tally(int(count), int(pesos)) for key, count, pesos in rows}


def _check_summary(journal: Journal, summary: SeedSummary) -> None:
    assert _tallies(journal, "state") == {str(k): v for k, v in summary.by_state.items()}
    assert _tallies(journal, "operator_name") == dict(summary.by_operator)
    assert _tallies(journal, "clerk") == dict(summary.by_clerk)
    assert _tallies(journal, "kind") == {str(k): v for k, v in summary.by_kind.items()}
    with journal.engine.connect() as connection:
        earned = dict(
            connection.execute(
                text(
                    "SELECT earned_currency, SUM(earned_minor) FROM sales "
                    "WHERE earned_minor IS NOT NULL GROUP BY earned_currency"
                )
            ).all()
        )
    assert earned == dict(summary.earned_minor)


def test_a_seeded_journal_verifies_and_matches_its_summary(journal: Journal) -> None:
    summary = seed_sales(journal, count=3_000, start=START, days=30)
    report = journal.verify()
    assert report.ok, report.first_problem
    assert (report.sales, report.entries) == (3_000, summary.entries)
    assert report.lines_checked == 3_000  # the lines' keyed hashes are the journal's own
    assert summary.count == 3_000 and (summary.first_seq, summary.last_seq) == (1, summary.entries)
    _check_summary(journal, summary)
    assert sum(t.count for t in summary.by_day.values()) == 3_000
    assert set(summary.by_operator) == set(OPERATORS)
    assert set(summary.by_clerk) == set(CLERKS)
    assert set(summary.by_kind) == set(SaleKind)
    # Mostly delivered, and some of every kind of follow-up.
    states = {state: tally.count for state, tally in summary.by_state.items()}
    assert states[S.DELIVERED] > 0.8 * 3_000
    for state in (
        S.DECLINED,
        S.PAID_NOT_DELIVERED,
        S.SETTLED,
        S.PAYMENT_PENDING,
        S.DELIVERY_UNKNOWN,
        S.CANCELLED,
        S.EXPIRED,
    ):
        assert states.get(state, 0) > 0, state
    assert summary.retried > 0 and summary.repeat_lines


def test_the_seeded_sales_look_like_the_real_ones(journal: Journal) -> None:
    summary = seed_sales(journal, count=500, start=START, days=7, seed=3)
    page = journal.sales_between(summary.start, summary.end)
    assert len(page) == 500
    assert page[0].reference == summary.first_reference
    assert page[-1].reference == summary.last_reference
    hours = Counter(sale.created_at.astimezone(STORE_ZONE).hour for sale in page)
    assert min(hours) >= 7 and max(hours) <= 20  # store hours, Bogota time
    delivered = [sale for sale in page if sale.state is S.DELIVERED]
    for sale in delivered:
        assert sale.earned_currency == "COP"
        assert sale.earned_minor is not None
        assert 0.04 * sale.amount_pesos * 100 <= sale.earned_minor <= 0.07 * sale.amount_pesos * 100
        assert sale.provider_tx_id and sale.gateway_tx_id
    gifts = [sale for sale in page if sale.kind is SaleKind.GIFT_PACK]
    assert gifts and all(sale.pack_name for sale in gifts)
    # A sale's entries fold as the services fold them, in time order.
    sale = delivered[0]
    steps = journal.entries_for(sale.reference)
    assert steps[0].state is S.CREATED and steps[-1].state is S.DELIVERED
    assert [step.created_at for step in steps] == sorted(step.created_at for step in steps)
    assert steps[0].payload["clerk"] == sale.clerk
    line = journal.checked_line_for(sale.reference)
    assert line is not None and sale.line_masked.endswith(line[-4:])
    # The whole log is in time order too (sales interleave as at a counter).
    entries = journal.export_entries()
    assert [e["created_at"] for e in entries] == sorted(e["created_at"] for e in entries)


def test_the_same_seed_seeds_the_same_sales(journal: Journal, tmp_path: Path) -> None:
    from tests.support.seeded import open_year

    first = seed_sales(journal, count=300, start=START, days=3, seed=7)
    with open_year(tmp_path / "other.sqlite3") as other:
        again = seed_sales(other, count=300, start=START, days=3, seed=7)
        assert [s.reference for s in other.sales_between(START, again.end)] == [
            s.reference for s in journal.sales_between(START, first.end)
        ]
    assert first == again


def test_seeding_goes_on_from_what_the_journal_holds(journal: Journal) -> None:
    create_sale(journal, "KBEFORE")
    summary = seed_sales(journal, count=200, start=START, days=2)
    assert summary.first_seq == 2
    report = journal.verify()
    assert report.ok, report.first_problem
    assert report.sales == 201
    journal.record("KBEFORE", S.CANCELLED, event="sale_abandoned", actor="kiosk:kiosk-a")
    assert journal.verify().ok


def test_seeding_refuses_what_it_cannot_do(journal: Journal) -> None:
    with pytest.raises(ValueError):
        seed_sales(journal, count=0, start=START)
    with pytest.raises(ValueError):
        seed_sales(journal, count=10, start=START.replace(tzinfo=None))
    assert journal.entry_count() == 0
