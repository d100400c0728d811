"""The shift report's pure model (kiosk/domain/report.py): why a sale is followed up, earnings
per currency in integer hundredths, the day's 24 hours, and what a close journals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kiosk.domain.report import (
    ChartData,
    Earned,
    FollowUp,
    FollowUpKind,
    HourBar,
    OperatorBar,
    PeriodTotals,
    Resolved,
    ShiftReport,
    Tally,
    add_earned,
    add_tallies,
    close_payload,
    follow_up_kind,
    hours_of_day,
)
from kiosk.domain.sale import FINAL_STATES, SaleState
from kiosk.domain.store_float import Money
from kiosk.journal.privacy import check_payload

S = SaleState
MOMENT = datetime(2025, 1, 15, 18, 0, tzinfo=UTC)


def test_every_open_state_is_followed_up_and_no_final_one() -> None:
    for state in SaleState:
        why = follow_up_kind(state)
        assert (why is None) == (state in FINAL_STATES)
    assert follow_up_kind(S.PAID_NOT_DELIVERED) is FollowUpKind.PAID_NOT_DELIVERED
    assert follow_up_kind(S.PAYMENT_UNKNOWN) is FollowUpKind.UNKNOWN
    assert follow_up_kind(S.DELIVERY_UNKNOWN) is FollowUpKind.UNKNOWN
    assert follow_up_kind(S.PAYMENT_PENDING) is FollowUpKind.PENDING
    assert follow_up_kind(S.DELIVERY_REQUESTED) is FollowUpKind.PENDING
    assert follow_up_kind(S.SETTLED) is None


def test_earnings_add_per_currency_in_integer_hundredths() -> None:
    total = add_earned([Earned("USD", 25), Earned("COP", 35_000)], [Earned("COP", 100)])
    assert total == (Earned("COP", 35_100), Earned("USD", 25))
    assert Earned("USD", 25).money == Money(Decimal("0.25"), "USD")
    assert Earned("COP", 35_100).money == Money(Decimal("351.00"), "COP")
    with pytest.raises(TypeError):
        Earned("COP", 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Earned("COP", True)


def test_tallies_add_up_counts_pesos_and_earnings() -> None:
    one = Tally("topup", 2, 30_000, (Earned("COP", 100),))
    two = Tally("gift_pack", 1, 5_000, (Earned("USD", 25),))
    assert add_tallies("", [one, two]) == Tally(
        "", 3, 35_000, (Earned("COP", 100), Earned("USD", 25))
    )
    assert add_tallies("", []) == Tally("", 0, 0, ())


def test_the_day_has_24_hours_whatever_was_sold() -> None:
    bars = hours_of_day([(23, 1, 1_000), (0, 2, 3_000), (23, 1, 500)])
    assert len(bars) == 24 and [bar.hour for bar in bars] == list(range(24))
    assert bars[23] == HourBar(23, 2, 1_500)
    assert bars[0] == HourBar(0, 2, 3_000)
    assert bars[0] == (0, 2, 3_000)  # a plain (hour, sales, pesos) triple too
    with pytest.raises(ValueError):
        hours_of_day([(24, 1, 1)])
    assert ChartData(hours_of_day([])).empty
    assert not ChartData(bars, (OperatorBar("Claro", 2, 3_000),)).empty


def _report(**totals: object) -> ShiftReport:
    return ShiftReport(
        day=date(2025, 1, 15),
        period_start=MOMENT,
        period_end=MOMENT,
        generated_at=MOMENT,
        closed=False,
        totals=PeriodTotals(**totals),  # type: ignore[arg-type]
        follow_up=(
            FollowUp("K1", "*** *** 0001", 8_000, S.PAID_NOT_DELIVERED, MOMENT),
            FollowUp("K2", "*** *** 0002", 9_000, S.PAYMENT_PENDING, MOMENT),
        ),
        follow_up_count=2,
        through_seq=12,
        chain_hash="ab" * 32,
    )


def test_a_report_sums_its_sold_sales_and_sorts_its_follow_up() -> None:
    report = _report(
        by_kind=(Tally("topup", 2, 30_000, (Earned("COP", 100),)),),
        by_state=(Tally("delivered", 2, 30_000), Tally("declined", 1, 7_000)),
        first_reference="K0",
        last_reference="K9",
    )
    assert report.sold == Tally("", 2, 30_000, (Earned("COP", 100),))
    assert report.totals.created.count == 3 and not report.empty
    assert report.earned == (Earned("COP", 100),)
    assert [sale.reference for sale in report.follow_up_of(FollowUpKind.PENDING)] == ["K2"]
    assert report.short_hash == "ab" * 8 and len(report.short_hash) >= 16
    assert report.chain_seq == 12
    assert _report().empty


def test_what_a_close_journals_the_chain_can_hold() -> None:
    report = _report(
        by_kind=(Tally("topup", 2, 30_000, (Earned("COP", 100),)),),
        # A clerk's name is a value, never a payload key: "Caroline" ends in "line".
        by_clerk=(Tally("Caroline", 2, 30_000),),
        by_operator=(Tally("Claro Colombia", 2, 30_000),),
        by_state=(Tally("delivered", 2, 30_000),),
        first_reference="K0",
        last_reference="K9",
    )
    payload = close_payload(report)
    check_payload(payload)  # no personal data, no floats
    assert payload["sold_count"] == 2 and payload["sold_pesos"] == 30_000
    assert payload["earned_minor"] == [["COP", 100]]
    assert payload["by_clerk"] == [["Caroline", 2, 30_000]]
    assert payload["through_seq"] == 12 and payload["chain_hash"] == "ab" * 32
    assert datetime.fromisoformat(str(payload["period_start"])) == MOMENT


def test_sales_resolved_from_earlier_shifts_add_to_the_shift_apart() -> None:
    resolved = Resolved(
        by_state=(
            Tally("delivered", 1, 20_000, (Earned("COP", 70_000),)),
            Tally("paid_not_delivered", 2, 9_000),
            Tally("settled", 1, 4_000),
        ),
        since_seq=7,
    )
    report = replace(
        _report(by_kind=(Tally("topup", 1, 5_000, (Earned("COP", 100),)),)), resolved=resolved
    )
    assert report.sold == Tally("", 1, 5_000, (Earned("COP", 100),))  # this shift's own
    assert resolved.delivered == Tally("", 1, 20_000, (Earned("COP", 70_000),))
    assert resolved.of(S.SETTLED).count == 1 and resolved.of(S.DECLINED).count == 0
    assert resolved.changed.count == 4
    assert report.total_sold == Tally("", 2, 25_000, (Earned("COP", 70_100),))
    payload = close_payload(report)
    check_payload(payload)
    assert payload["sold_pesos"] == 5_000 and payload["total_sold_pesos"] == 25_000
    assert payload["earlier_by_state"] == [
        ["delivered", 1, 20_000],
        ["paid_not_delivered", 2, 9_000],
        ["settled", 1, 4_000],
    ]
    assert payload["earlier_delivered_count"] == 1 and payload["earlier_since_seq"] == 7
    assert payload["total_earned_minor"] == [["COP", 70_100]]
    # Nothing resolved (a day's report, the first shift): the totals are the shift's own.
    assert _report().total_sold == _report().sold
    check_payload(close_payload(_report()))
