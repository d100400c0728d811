"""The shift report: what a period of sales adds up to (an X report, or a Z that closes).

Pure values, no I/O: ``kiosk.journal.totals`` adds the sales up in SQL and
``kiosk.services.reports`` builds a :class:`ShiftReport` from them; the edge
(``kiosk.controllers.reports``) turns it into words. Money is integer pesos; what the
store earned (the provider's ``discount``) is integer hundredths of its own currency.

What the numbers mean:

* **sold** (overall, by kind, by operator, by clerk) counts the sales *delivered* in the
  period: a declined or cancelled sale took no money, a paid-but-not-delivered one is
  owed back (it is in ``by_state`` and in the follow-up list instead);
* **by_state** counts every sale created in the period, whatever became of it;
* the **follow-up** list holds every sale still open when the report was made (pending,
  unknown, paid but not delivered), whenever it was created: such a sale stays on each
  shift report until it is settled;
* **periods**: a Z report covers the sales created since the previous Z (the first one:
  since the journal began) up to the close; an X report covers the same open shift up to
  now, or one whole store day (America/Bogota) when a day is asked for;
* **resolved from earlier shifts** (a shift's X or Z, never a day's X): the sales created
  before the period whose state changed in it (journaled after the previous close's last
  entry), by their state now. Those that ended delivered are sold in this shift too, on a
  line of their own: ``sold`` stays what was created and delivered in the shift, and
  ``total_sold`` adds both, so every delivered sale counts on exactly one Z.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from kiosk.domain.sale import FINAL_STATES, SaleKind, SaleState
from kiosk.domain.store_float import Money

S = SaleState

#: The states whose sales count as sold.
SOLD_STATES: frozenset[SaleState] = frozenset({S.DELIVERED})
#: Open states whose outcome nobody knows yet: a look-up must settle them.
UNKNOWN_STATES: frozenset[SaleState] = frozenset({S.PAYMENT_UNKNOWN, S.DELIVERY_UNKNOWN})
#: How many characters of a chain hash a report shows (the issue asks for 16 at least).
SHORT_HASH = 16
#: Follow-up sales listed on a report (the oldest first); the rest are counted.
FOLLOW_UP_LISTED = 200


class FollowUpKind(StrEnum):
    """Why an open sale is listed for follow-up."""

    PENDING = "pending"
    UNKNOWN = "unknown"
    PAID_NOT_DELIVERED = "paid_not_delivered"


def follow_up_kind(state: SaleState) -> FollowUpKind | None:
    """Why a sale in ``state`` needs following up; None for a sale that is over."""
    if state in FINAL_STATES:
        return None
    if state is S.PAID_NOT_DELIVERED:
        return FollowUpKind.PAID_NOT_DELIVERED
    if state in UNKNOWN_STATES:
        return FollowUpKind.UNKNOWN
    return FollowUpKind.PENDING


@dataclass(frozen=True, order=True)
class Earned:
    """What the store earned in one currency, in hundredths (``minor``) of it."""

    currency: str
    minor: int

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError("earned amounts are integer hundredths")

    @property
    def money(self) -> Money:
        """The same amount as :class:`Money` (an exact Decimal), for the formats."""
        return Money(Decimal(self.minor).scaleb(-2), self.currency)


def add_earned(*groups: Iterable[Earned]) -> tuple[Earned, ...]:
    """Earnings summed per currency, sorted by currency (none earned in a currency: left out)."""
    totals: dict[str, int] = {}
    for group in groups:
        for earned in group:
            totals[earned.currency] = totals.get(earned.currency, 0) + earned.minor
    return tuple(Earned(currency, minor) for currency, minor in sorted(totals.items()))


@dataclass(frozen=True)
class Tally:
    """One group of sales: its key (a kind, an operator, a state, a clerk), count and pesos."""

    key: str
    count: int = 0
    amount_pesos: int = 0
    earned: tuple[Earned, ...] = ()


def add_tallies(key: str, tallies: Iterable[Tally]) -> Tally:
    """The tallies added up under ``key``."""
    kept = list(tallies)
    return Tally(
        key,
        sum(tally.count for tally in kept),
        sum(tally.amount_pesos for tally in kept),
        add_earned(*(tally.earned for tally in kept)),
    )


@dataclass(frozen=True)
class FollowUp:
    """An open sale listed for follow-up; its line is masked."""

    reference: str
    line_masked: str
    amount_pesos: int
    state: SaleState
    created_at: datetime
    kind: SaleKind = SaleKind.TOPUP
    operator_name: str = ""

    @property
    def why(self) -> FollowUpKind:
        found = follow_up_kind(self.state)
        return found if found is not None else FollowUpKind.PENDING


class HourBar(NamedTuple):
    """Sales sold in one hour of the store's day (0 to 23, America/Bogota)."""

    hour: int
    sales: int
    amount_pesos: int


class OperatorBar(NamedTuple):
    """Sales sold through one operator."""

    name: str
    sales: int
    amount_pesos: int


@dataclass(frozen=True)
class ChartData:
    """What the report's chart draws: sold sales by hour (all 24) and by operator."""

    by_hour: tuple[HourBar, ...] = ()
    by_operator: tuple[OperatorBar, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(bar.sales for bar in self.by_hour) and not self.by_operator


def hours_of_day(counts: Iterable[tuple[int, int, int]]) -> tuple[HourBar, ...]:
    """``(hour, count, pesos)`` triples (any order, repeats added) as the day's 24 bars."""
    count = [0] * 24
    pesos = [0] * 24
    for hour, n, amount in counts:
        if not 0 <= hour < 24:
            raise ValueError(f"hour out of range: {hour}")
        count[hour] += n
        pesos[hour] += amount
    return tuple(HourBar(hour, count[hour], pesos[hour]) for hour in range(24))


@dataclass(frozen=True)
class ReportHeader:
    """Who the report is of: the business (legal name, NIT), the store and the kiosk."""

    business_name: str = ""
    nit: str = ""
    store_name: str = ""
    kiosk_name: str = ""


@dataclass(frozen=True)
class PeriodTotals:
    """What the journal adds up for one period (``kiosk.journal.totals``)."""

    #: Sold sales, by key; every key's tally has ``key`` set.
    by_kind: tuple[Tally, ...] = ()
    by_operator: tuple[Tally, ...] = ()
    by_clerk: tuple[Tally, ...] = ()
    #: Every sale created in the period, by its state now.
    by_state: tuple[Tally, ...] = ()
    first_reference: str = ""
    last_reference: str = ""
    chart: ChartData = field(default_factory=ChartData)

    @property
    def sold(self) -> Tally:
        return add_tallies("", self.by_kind)

    @property
    def created(self) -> Tally:
        """Every sale of the period, whatever its state."""
        return add_tallies("", self.by_state)


@dataclass(frozen=True)
class Resolved:
    """Sales created before a shift whose state changed in it, by their state now."""

    #: Every such sale by its state now (key: the state), in key order.
    by_state: tuple[Tally, ...] = ()
    #: The journal entry after which a change counts (the previous close's ``through_seq``);
    #: None: not looked for (a day's report, or the first shift: nothing came before it).
    since_seq: int | None = None

    def of(self, state: SaleState) -> Tally:
        """The tally of ``state`` (keyed ""; nothing: zero)."""
        return add_tallies("", (tally for tally in self.by_state if tally.key == str(state)))

    @property
    def delivered(self) -> Tally:
        """Those that ended delivered: sold in this shift, created in an earlier one."""
        return add_tallies("", (tally for tally in self.by_state if tally.key in _SOLD_KEYS))

    @property
    def changed(self) -> Tally:
        """Every such sale, whatever its state now."""
        return add_tallies("", self.by_state)


_SOLD_KEYS = frozenset(str(state) for state in SOLD_STATES)


@dataclass(frozen=True)
class ShiftReport:
    """An X report (``closed`` False) or a Z report (the shift it closed)."""

    #: The store day it is of (America/Bogota): the day asked for, else the day it was made.
    day: date
    #: The sales created in ``[period_start, period_end)`` (aware, UTC) are added up.
    period_start: datetime
    period_end: datetime
    generated_at: datetime
    closed: bool
    totals: PeriodTotals
    #: Every sale open when the report was made (oldest first, at most FOLLOW_UP_LISTED).
    follow_up: tuple[FollowUp, ...] = ()
    #: How many sales are open in all (the list may stop before).
    follow_up_count: int = 0
    #: The journal's last entry the report saw (for a Z: the last before the close entry).
    through_seq: int = 0
    #: For an X, the hash of entry ``through_seq``; for a Z, of its own ``shift.closed``
    #: entry (``close_seq``), which covers the totals too: ``kiosk journal verify
    #: --against SEQ:HASH`` checks it later.
    chain_hash: str = ""
    close_seq: int | None = None
    header: ReportHeader = field(default_factory=ReportHeader)
    #: Who made the report (the clerk, the admin, ``cli``).
    actor: str = ""
    #: Sales of earlier shifts whose state changed in this one (none on a day's report).
    resolved: Resolved = field(default_factory=Resolved)

    # Shortcuts for the edge and the tests.
    @property
    def by_kind(self) -> tuple[Tally, ...]:
        return self.totals.by_kind

    @property
    def by_operator(self) -> tuple[Tally, ...]:
        return self.totals.by_operator

    @property
    def by_state(self) -> tuple[Tally, ...]:
        return self.totals.by_state

    @property
    def by_clerk(self) -> tuple[Tally, ...]:
        return self.totals.by_clerk

    @property
    def sold(self) -> Tally:
        return self.totals.sold

    @property
    def earned(self) -> tuple[Earned, ...]:
        return self.totals.sold.earned

    @property
    def total_sold(self) -> Tally:
        """Delivered in this shift: created in it, plus resolved from earlier shifts."""
        return add_tallies("", (self.totals.sold, self.resolved.delivered))

    @property
    def first_reference(self) -> str:
        return self.totals.first_reference

    @property
    def last_reference(self) -> str:
        return self.totals.last_reference

    @property
    def chart(self) -> ChartData:
        return self.totals.chart

    @property
    def short_hash(self) -> str:
        return self.chain_hash[:SHORT_HASH]

    @property
    def chain_seq(self) -> int:
        """The entry whose hash ``chain_hash`` is."""
        return self.close_seq if self.close_seq is not None else self.through_seq

    @property
    def empty(self) -> bool:
        return self.totals.created.count == 0

    def follow_up_of(self, why: FollowUpKind) -> tuple[FollowUp, ...]:
        return tuple(sale for sale in self.follow_up if sale.why is why)


def close_payload(report: ShiftReport) -> dict[str, object]:
    """What the ``shift.closed`` entry journals of a Z report: its period and totals.

    Integers and text only (the chain holds no floats); earnings are hundredths. Groups
    are ``[key, count, pesos]`` lists, not mappings: a clerk's name is no payload key.
    """

    def tallies(group: tuple[Tally, ...]) -> list[list[object]]:
        return [[tally.key, tally.count, tally.amount_pesos] for tally in group]

    sold = report.sold
    resolved = report.resolved
    earlier, total = resolved.delivered, report.total_sold
    return {
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "sold_count": sold.count,
        "sold_pesos": sold.amount_pesos,
        "earned_minor": [[earned.currency, earned.minor] for earned in sold.earned],
        "created_count": report.totals.created.count,
        "by_kind": tallies(report.by_kind),
        "by_operator": tallies(report.by_operator),
        "by_state": tallies(report.by_state),
        "by_clerk": tallies(report.by_clerk),
        "follow_up_count": report.follow_up_count,
        # Sales of earlier shifts whose state changed in this one (after entry since_seq).
        "earlier_since_seq": resolved.since_seq,
        "earlier_changed_count": resolved.changed.count,
        "earlier_by_state": tallies(resolved.by_state),
        "earlier_delivered_count": earlier.count,
        "earlier_delivered_pesos": earlier.amount_pesos,
        "earlier_earned_minor": [[item.currency, item.minor] for item in earlier.earned],
        "total_sold_count": total.count,
        "total_sold_pesos": total.amount_pesos,
        "total_earned_minor": [[item.currency, item.minor] for item in total.earned],
        "first_reference": report.first_reference,
        "last_reference": report.last_reference,
        "through_seq": report.through_seq,
        "chain_hash": report.chain_hash,
    }


@dataclass(frozen=True)
class ShiftClose:
    """A Z report as the journal keeps it: its ``shift.closed`` entry."""

    seq: int
    hash: str
    closed_at: datetime
    actor: str
    period_start: datetime
    period_end: datetime
    count: int
    amount_pesos: int
    #: The last entry its report saw (the next shift's changes count after it).
    through_seq: int = 0

    @property
    def short_hash(self) -> str:
        return self.hash[:SHORT_HASH]
