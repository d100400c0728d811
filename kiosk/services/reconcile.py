"""Reconciliation: settle every sale that nobody waits for on screen.

At start-up every open sale is looked up; while running, each open sale is looked
up again every ``payment.reconcile_every_seconds`` (3 minutes by default) for
``payment.reconcile_window_hours`` (24 hours) after its creation, then listed for
manual follow-up instead. All writes go through the sale service, hence through
the one journal writer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kiosk.domain.errors import KioskError
from kiosk.domain.sale import SaleState
from kiosk.services.ports import JournalReader
from kiosk.services.sales import utc_now
from kiosk.services.settling import SettlingService

log = logging.getLogger(__name__)


@dataclass
class ReconcileReport:
    looked_up: list[str] = field(default_factory=list)
    #: Sale reference -> the state it reached in this pass (only those that moved).
    moved: dict[str, SaleState] = field(default_factory=dict)
    #: Open sales past the reconciliation window: a person must follow them up.
    follow_up: list[str] = field(default_factory=list)
    #: Paid but not delivered: they stay on the shift report until an admin settles them.
    paid_not_delivered: list[str] = field(default_factory=list)
    #: Sale reference -> error code of a look-up that failed (tried again next pass).
    errors: dict[str, str] = field(default_factory=dict)


class Reconciler:
    def __init__(
        self,
        *,
        settling: SettlingService,
        journal: JournalReader,
        every_seconds: float,
        window_hours: float,
        clock: Callable[[], datetime] = utc_now,
        is_active: Callable[[str], bool] = lambda reference: False,
    ) -> None:
        self._settling = settling
        self._journal = journal
        self._every = timedelta(seconds=every_seconds)
        self._window = timedelta(hours=window_hours)
        self._clock = clock
        self._is_active = is_active
        #: When each open sale was last looked up (in memory: a start-up looks at all).
        self._last_look: dict[str, datetime] = {}

    def leave_alone(self, is_active: Callable[[str], bool]) -> None:
        """Skip the sales for which ``is_active`` is true (the screen is following them).

        ``is_active`` is called from the reconciler's own thread: it may only read.
        """
        self._is_active = is_active

    def run_once(self, *, everything: bool = False, at_start_up: bool = False) -> ReconcileReport:
        """One pass; ``everything`` ignores the per-sale schedule. ``at_start_up``: the
        first pass of an app that holds the journal's instance lock (nothing of its own is
        in flight yet, and no other app sends), so interrupted top-ups are settled at once."""
        report = ReconcileReport()
        now = self._clock()
        open_sales = self._journal.open_sales()
        still_open = {sale.reference for sale in open_sales}
        for reference in list(self._last_look):
            if reference not in still_open:
                del self._last_look[reference]
        for sale in open_sales:
            reference = sale.reference
            state = SaleState(sale.state)
            if state is SaleState.PAID_NOT_DELIVERED:
                report.paid_not_delivered.append(reference)
                continue
            if self._is_active(reference):
                continue  # the screen is following it right now
            # A sale that never sent anything owes nothing: it is closed whatever its age.
            if state is not SaleState.CREATED and now - sale.created_at > self._window:
                report.follow_up.append(reference)
                continue
            last = self._last_look.get(reference)
            if not everything and last is not None and now - last < self._every:
                continue
            self._last_look[reference] = now
            report.looked_up.append(reference)
            try:
                progress = self._settling.reconcile(reference, at_start_up=at_start_up)
            except KioskError as error:
                # Unavailable gateways and the like: try again on the next pass.
                report.errors[reference] = error.code
                log.info("reconcile %s: %s", reference, error.code)
                continue
            except Exception as error:  # one odd sale must not stop the others
                report.errors[reference] = type(error).__name__
                log.warning("reconcile %s failed: %s", reference, type(error).__name__)
                continue
            if progress.state is not state:
                report.moved[reference] = progress.state
            if progress.state is SaleState.PAID_NOT_DELIVERED:
                report.paid_not_delivered.append(reference)
        return report
