"""Shift reports: an X report at any time, the Z report that closes the shift, settling.

A Z report covers the sales created since the previous ``shift.closed`` entry (the
first one: since the journal began) up to the close, and is itself journaled as a
``shift.closed`` entry holding its totals, the last entry it saw and that entry's hash.
The next Z starts where it ended, and adds up apart the sales of earlier shifts whose state
changed after the close's last entry (a sale unknown at the close and delivered in the next
shift is sold on the next Z, on its own line). An X report is the same open shift up to now
without closing it, or one whole store day (America/Bogota) when a day is asked for (by the
day the sales were created; nothing of earlier shifts).

The close runs on the journal's writer thread from start to end (the sums, then the
entry), so no sale of the app is written between what it added up and its entry.
Reports only read: any thread may ask for one (the controllers ask on a worker).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from kiosk.config import Config
from kiosk.domain.calendar import day_bounds_utc, store_day
from kiosk.domain.errors import JournalError, ValidationError
from kiosk.domain.report import (
    FOLLOW_UP_LISTED,
    ReportHeader,
    Resolved,
    ShiftClose,
    ShiftReport,
    close_payload,
)
from kiosk.domain.sale import SaleState
from kiosk.journal import Entry, Journal, JournalWriter, chain
from kiosk.journal.engine import read_transaction
from kiosk.journal.totals import (
    SHIFT_CLOSED,
    chain_head,
    count_sales,
    first_sale_at,
    last_close,
    open_sales,
    period_totals,
    resolved_since,
)

Clock = Callable[[], datetime]
#: Given how many sales a report adds up, a function told of each batch done (or None).
ProgressFor = Callable[[int], Callable[[int], None] | None]
#: The event of a settled paid-not-delivered sale.
SALE_SETTLED = "sale.settled"
_ACTOR_LIMIT = 64


def report_header(config: Config) -> ReportHeader:
    """Who a report is of, from the configuration: the business, its NIT, store and kiosk."""
    return ReportHeader(
        business_name=config.store.business_name,
        nit=config.store.nit,
        store_name=config.store.name,
        kiosk_name=config.kiosk_name,
    )


def journal_actor(name: str) -> str:
    """``name`` as the journal takes an actor (letters, digits and ``_.:-``, at most 64)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "_.:-" else "-" for ch in name.strip())
    return cleaned[:_ACTOR_LIMIT]


def settle_sale(journal: Journal, reference: str, how: str, *, actor: str) -> Entry:
    """Close a paid-not-delivered sale as settled, journaling ``how`` the customer was paid back.

    The one way to settle (the back office and ``kiosk journal settle``). Refused:
    an empty ``how`` (``report.settle_how_missing``), a sale that does not exist
    (``journal.no_such_sale``), any sale not paid-not-delivered (the state machine), and
    personal data in ``how`` (``journal.personal_data``). Call it on the writer's thread
    when the app runs.
    """
    how = how.strip()
    if not how:
        raise ValidationError("report.settle_how_missing")
    if journal.sale(reference) is None:
        raise JournalError("journal.no_such_sale", reference=reference)
    return journal.record(
        reference, SaleState.SETTLED, event=SALE_SETTLED, actor=actor, data={"how": how}
    )


def _moment(value: Any) -> datetime | None:
    """An ISO-8601 moment from a payload (UTC), None if it is none."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else None


def _shift_close(row: dict[str, Any]) -> ShiftClose:
    try:
        payload = json.loads(row["payload"]) if isinstance(row["payload"], str) else {}
    except ValueError:
        payload = {}
    payload = payload if isinstance(payload, dict) else {}
    closed_at = chain.parse_timestamp(row["created_at"])
    count, pesos = payload.get("sold_count", 0), payload.get("sold_pesos", 0)
    through = payload.get("through_seq")
    seq = int(row["seq"])
    return ShiftClose(
        seq=seq,
        hash=str(row["hash"]),
        closed_at=closed_at,
        actor=str(row["actor"]),
        period_start=_moment(payload.get("period_start")) or closed_at,
        period_end=_moment(payload.get("period_end")) or closed_at,
        count=count if isinstance(count, int) else 0,
        amount_pesos=pesos if isinstance(pesos, int) else 0,
        # Older closes journaled none: everything before the close entry itself.
        through_seq=through if isinstance(through, int) and 0 <= through < seq else seq - 1,
    )


class ReportService:
    """X and Z reports over one journal, and settling what they list."""

    def __init__(
        self,
        journal: Journal,
        writer: JournalWriter,
        clock: Clock,
        actor: str,
        *,
        header: Callable[[], ReportHeader] = ReportHeader,
        follow_up_limit: int = FOLLOW_UP_LISTED,
    ) -> None:
        self._journal = journal
        self._writer = writer
        self._clock = clock
        self._actor = actor
        self._header = header
        self._follow_up_limit = follow_up_limit

    # ------------------------------------------------------------------ reading
    def x_report(self, day: date | None = None) -> ShiftReport:
        """The open shift so far (``day`` None), or the whole store day ``day``; closes nothing."""
        return build_report(
            self._journal,
            now=self._clock(),
            day=day,
            header=self._header(),
            actor=self._actor,
            follow_up_limit=self._follow_up_limit,
        )

    def last_close(self) -> ShiftClose | None:
        """The newest Z report's entry, None before the first close."""
        with read_transaction(self._journal.engine) as connection:
            row = last_close(connection)
        return _shift_close(row) if row else None

    # ------------------------------------------------------------------ writing
    def close_shift(self, actor: str | None = None) -> ShiftReport:
        """Close the shift: the Z report of everything since the last close, journaled.

        An empty shift closes too (its report says 0). ``actor``: who closes it (a journal
        actor; :func:`journal_actor` makes one of a clerk's name), else the service's.
        Blocks until the writer has journaled it: call it from a worker.
        """
        who = journal_actor(actor) if actor else self._actor
        return self._writer.submit(self._close, who).result()

    def _close(self, actor: str) -> ShiftReport:
        # On the writer's thread: no sale of this app is written meanwhile.
        report = build_report(
            self._journal,
            now=self._clock(),
            day=None,
            header=self._header(),
            actor=actor,
            follow_up_limit=self._follow_up_limit,
        )
        entry = self._journal.record_event(SHIFT_CLOSED, actor=actor, data=close_payload(report))
        return ShiftReport(
            day=report.day,
            period_start=report.period_start,
            period_end=report.period_end,
            generated_at=report.generated_at,
            closed=True,
            totals=report.totals,
            follow_up=report.follow_up,
            follow_up_count=report.follow_up_count,
            through_seq=report.through_seq,
            chain_hash=entry.hash,
            close_seq=entry.seq,
            header=report.header,
            actor=actor,
            resolved=report.resolved,
        )

    def settle(self, reference: str, how: str, actor: str | None = None) -> Entry:
        """Settle a paid-not-delivered sale (:func:`settle_sale`) through the writer.

        Blocks until it is journaled: call it from a worker.
        """
        who = journal_actor(actor) if actor else self._actor
        return self._writer.submit(settle_sale, self._journal, reference, how, actor=who).result()


def build_report(
    journal: Journal,
    *,
    now: datetime,
    day: date | None = None,
    header: ReportHeader | None = None,
    actor: str = "",
    follow_up_limit: int = FOLLOW_UP_LISTED,
    progress_for: ProgressFor | None = None,
) -> ShiftReport:
    """An X report read from ``journal`` in one snapshot (``kiosk report`` uses it read-only).

    ``day`` None: the open shift, from the last close (or the journal's start) to ``now``,
    with the sales of earlier shifts resolved in it; a day's report has none of those.
    ``progress_for(total)`` is asked, once the period's sales are counted, for a function
    told how many more are added up (None: no progress shown).
    """
    with read_transaction(journal.engine) as connection:
        resolved = Resolved()
        if day is None:
            row = last_close(connection)
            previous = _shift_close(row) if row else None
            start = previous.period_end if previous else None
            end = max(now, start) if start is not None else now
            shown_day = store_day(end)
            if previous is not None:
                resolved = resolved_since(connection, previous.period_end, previous.through_seq)
        else:
            start, end = day_bounds_utc(day)
            shown_day = day
        progress = progress_for(count_sales(connection, start, end)) if progress_for else None
        totals = period_totals(connection, start, end, progress=progress)
        follow_up, follow_up_count = open_sales(connection, until=end, limit=follow_up_limit)
        through_seq, head_hash = chain_head(connection)
        if start is None:
            began = chain.parse_timestamp(journal.meta["created_at"])
            first = first_sale_at(connection)
            start = min(began, first) if first is not None else began
            start = min(start, end)
    return ShiftReport(
        day=shown_day,
        period_start=start,
        period_end=end,
        generated_at=now,
        closed=False,
        totals=totals,
        follow_up=follow_up,
        follow_up_count=follow_up_count,
        through_seq=through_seq,
        chain_hash=head_hash or journal.meta["genesis_hash"],
        header=header or ReportHeader(),
        actor=actor,
        resolved=resolved,
    )
