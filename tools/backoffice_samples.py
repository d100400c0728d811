"""Sample data for the back office's screenshots: a page of sales, one sale's steps, an X
report and a Z report. No journal is opened: the screens are given what a controller gives.

Used by ``tools/screenshots.py`` (and through it by the English check of every screen).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from kiosk.controllers.history import Step
from kiosk.domain.report import (
    ChartData,
    Earned,
    FollowUp,
    OperatorBar,
    PeriodTotals,
    ReportHeader,
    ShiftReport,
    Tally,
    hours_of_day,
)
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import SaleRecord

#: 2025-03-14 15:05 in Bogotá: the newest sample sale.
NEWEST = datetime(2025, 3, 14, 20, 5, 12, tzinfo=UTC)
TODAY = date(2025, 3, 14)
ACTOR = "kiosk:caja-1"

S = SaleState
#: (state, kind, operator, last four, pesos, earned centavos, clerk, minutes before NEWEST)
#: The sample clerk (a name the English check knows as sample data).
CLERK = "María Fernanda Gómez"
_SALES = (
    (S.DELIVERED, SaleKind.TOPUP, "Claro", "6789", 10_000, 35_000, CLERK, 0),
    (S.PAID_NOT_DELIVERED, SaleKind.TOPUP, "Movistar", "4521", 20_000, None, CLERK, 12),
    (S.DELIVERED, SaleKind.GIFT_PACK, "Claro", "0913", 6_000, 21_000, CLERK, 31),
    (S.DECLINED, SaleKind.TOPUP, "Movistar", "7788", 5_000, None, CLERK, 47),
    (S.PAYMENT_PENDING, SaleKind.TOPUP, "Claro", "3340", 15_000, None, CLERK, 58),
    (S.DELIVERED, SaleKind.TOPUP, "Claro", "1207", 2_000, 6_000, CLERK, 75),
    (S.CANCELLED, SaleKind.TOPUP, "Claro", "5566", 50_000, None, CLERK, 96),
    (S.DELIVERED, SaleKind.TOPUP, "Movistar", "8890", 10_000, 30_000, CLERK, 130),
)


def sample_sales() -> list[SaleRecord]:
    """A page of sales, newest first, as the journal's search gives them."""
    sales = []
    for number, (state, kind, operator, last4, pesos, earned, clerk, minutes) in enumerate(_SALES):
        moment = NEWEST - timedelta(minutes=minutes)
        sales.append(
            SaleRecord(
                reference=f"K1Q{9 - number}X4M2B",
                kind=kind,
                state=state,
                amount_pesos=pesos,
                line_hmac="",
                line_masked=f"*** *** {last4}",
                payment_attempts=1,
                delivery_attempts=1 if state in (S.DELIVERED, S.PAID_NOT_DELIVERED) else 0,
                attempt_reference=None,
                gateway_tx_id=None,
                provider_tx_id=None,
                pack_name="Todo incluido 3 días" if kind is SaleKind.GIFT_PACK else None,
                created_at=moment,
                updated_at=moment + timedelta(seconds=40),
                last_seq=100 - number,
                last_hash="9f2c41ab" * 8,
                operator_name=operator,
                clerk=clerk,
                earned_minor=earned,
                earned_currency="COP" if earned is not None else None,
            )
        )
    return sales


def sample_steps(sale: SaleRecord) -> list[Step]:
    """The journaled steps of a sale that was paid and not delivered, and one reprint."""
    start = sale.created_at
    moves = (
        (0, S.CREATED, "sale.created"),
        (4, S.PAYMENT_REQUESTED, "payment.requested"),
        (5, S.PAYMENT_PENDING, "payment.pending"),
        (62, S.PAID, "payment.approved"),
        (63, S.DELIVERY_REQUESTED, "delivery.requested"),
        (66, S.PAID_NOT_DELIVERED, "delivery.refused"),
    )
    steps = [Step(start + timedelta(seconds=s), state, event, ACTOR) for s, state, event in moves]
    steps.append(Step(start + timedelta(minutes=9), None, "sale.reprinted", ACTOR))
    return steps


def _tallies(*rows: tuple[str, int, int, int]) -> tuple[Tally, ...]:
    return tuple(
        Tally(key, count, pesos, (Earned("COP", earned),) if earned else ())
        for key, count, pesos, earned in rows
    )


def sample_report(
    *, closed: bool = False, store: str = "Droguería La Esquina", kiosk: str = "Caja 1"
) -> ShiftReport:
    """A shift's report (an X, or the Z that closed it) with every section filled."""
    by_operator = _tallies(("Claro", 27, 300_000, 1_060_000), ("Movistar", 12, 133_000, 370_000))
    chart = ChartData(
        by_hour=hours_of_day(
            [(8, 3, 30_000), (9, 5, 52_000), (10, 7, 81_000), (11, 4, 40_000),
             (12, 6, 70_000), (13, 2, 15_000), (14, 8, 96_000), (15, 4, 49_000)]
        ),
        by_operator=tuple(OperatorBar(t.key, t.count, t.amount_pesos) for t in by_operator),
    )  # fmt: skip
    totals = PeriodTotals(
        by_kind=_tallies(("topup", 33, 389_000, 1_200_000), ("gift_pack", 6, 44_000, 230_000)),
        by_operator=by_operator,
        by_clerk=_tallies((CLERK, 39, 433_000, 1_430_000)),
        by_state=_tallies(
            ("delivered", 39, 433_000, 1_430_000),
            ("declined", 3, 25_000, 0),
            ("paid_not_delivered", 1, 20_000, 0),
            ("payment_pending", 1, 15_000, 0),
        ),
        first_reference="K1Q1A7M2B",
        last_reference="K1Q9X4M2B",
        chart=chart,
    )
    follow_up = (
        FollowUp("K1Q8X4M2B", "*** *** 4521", 20_000, S.PAID_NOT_DELIVERED,
                 NEWEST - timedelta(minutes=12), SaleKind.TOPUP, "Movistar"),
        FollowUp("K1Q5X4M2B", "*** *** 3340", 15_000, S.PAYMENT_PENDING,
                 NEWEST - timedelta(minutes=58), SaleKind.TOPUP, "Claro"),
    )  # fmt: skip
    return ShiftReport(
        day=TODAY,
        period_start=datetime(2025, 3, 14, 12, 58, tzinfo=UTC),
        period_end=NEWEST + timedelta(minutes=10),
        generated_at=NEWEST + timedelta(minutes=10),
        closed=closed,
        totals=totals,
        follow_up=follow_up,
        follow_up_count=len(follow_up),
        through_seq=412,
        chain_hash="3a1f0c9b5e7d2a4c6b8e0f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e",
        close_seq=413 if closed else None,
        header=ReportHeader(
            business_name=f"{store} S.A.S.", nit="900123456-8", store_name=store, kiosk_name=kiosk
        ),
        actor=CLERK,
    )  # fmt: skip


def scenes(window: object) -> dict[str, Callable[[], None]]:
    """The back office's scenes of ``window`` (a ``MainWindow``), by name."""
    from PySide6.QtWidgets import QLabel

    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    sales = sample_sales()
    # The window's own store and kiosk (the status bar's "store · kiosk").
    shown = window.findChild(QLabel, "statusStoreLabel")
    names = shown.text().split(" · ") if isinstance(shown, QLabel) else []
    store, kiosk = [*names, "", ""][:2]

    def history() -> None:
        screen = window.show_history()
        screen.reset()
        screen.setToday(TODAY)
        screen.setClerks([CLERK])
        screen.showPage(sales, True, True)

    def history_empty() -> None:
        screen = window.show_history()
        screen.reset()
        screen.setToday(TODAY)
        screen.line_input.setText("4521")
        screen.clerk_combo.setEditText(CLERK)
        screen.showPage([], False, True)

    def sale_detail() -> None:
        screen = window.show_sale_detail()
        screen.reset()
        screen.showSale(sales[1])
        screen.showSteps(sales[1].reference, sample_steps(sales[1]))

    def report(closed: bool) -> Callable[[], None]:
        def scene() -> None:
            screen = window.show_report()
            screen.reset()
            screen.showReport(sample_report(closed=closed, store=store, kiosk=kiosk))

        return scene

    return {
        "history": history,
        "history-empty": history_empty,
        "sale-detail": sale_detail,
        "report-x": report(False),
        "report-z": report(True),
    }
