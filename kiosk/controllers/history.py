"""The sales history at the counter: search the journal page by page, a sale's steps, reprint.

Every read runs on a worker (a year of sales is 200,000 rows: the journal answers one
keyset page at a time, newest first); the screen gets pages, never the whole result.
A sale's steps are what the journal says happened (when, the state, the event, who),
never its payloads: no line, masked or not, leaves the journal this way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.controllers.language import current_language, describe, text
from kiosk.controllers.worker import run
from kiosk.domain.calendar import day_bounds_utc
from kiosk.domain.document import Document
from kiosk.domain.errors import JournalError, ValidationError
from kiosk.domain.sale import SaleState
from kiosk.journal.search import SalePage, SaleQuery
from kiosk.services.exports import csv_style_for, write_sales_csv

if TYPE_CHECKING:
    from kiosk.journal import Entry, Journal

log = logging.getLogger(__name__)

#: Sales per page: a screenful or three (the table asks for the next page as it scrolls).
PAGE_SIZE = 100
#: Before any sale (an export from the journal's beginning).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
#: The journal event of a reprint (journal-level, its reference in the payload).
REPRINT_EVENT = "sale.reprinted"


@dataclass(frozen=True)
class HistoryFilters:
    """What the clerk asked for on the history screen.

    ``line``: a full line (any way it is typed) or its last 4 digits; ``reference``: a
    prefix; ``first_day``/``last_day``: store days (America/Bogota), both included;
    ``states``: any of them (empty: all); ``clerk``: the start of a clerk's name, any case
    (empty: all).
    """

    line: str = ""
    reference: str = ""
    first_day: date | None = None
    last_day: date | None = None
    states: frozenset[SaleState] = field(default_factory=frozenset)
    clerk: str = ""


@dataclass(frozen=True)
class Step:
    """One journaled step of a sale: when, the state it reached (None for a reprint or
    another journal-level event), the event's name, who wrote it and, for a settled sale,
    how the store settled it (``note``: the ``how`` an admin typed, journaled with it)."""

    moment: datetime
    state: SaleState | None
    event: str
    actor: str
    note: str = ""


def _note(entry: Entry) -> str:
    """The settlement's ``how`` of a settled step (the only free text a step shows)."""
    if entry.state is not SaleState.SETTLED:
        return ""
    how = entry.payload.get("how") if isinstance(entry.payload, Mapping) else None
    return how.strip() if isinstance(how, str) else ""


def build_query(filters: HistoryFilters, *, limit: int = PAGE_SIZE) -> SaleQuery:
    """The journal's query for ``filters`` (store days to UTC bounds); the journal checks
    the line and the reference (``history.bad_line``, ``history.bad_reference``)."""
    start = day_bounds_utc(filters.first_day)[0] if filters.first_day else None
    end = day_bounds_utc(filters.last_day)[1] if filters.last_day else None
    if start is not None and end is not None and end <= start:
        raise ValidationError("history.inverted_dates")
    return SaleQuery(
        line=filters.line.strip(),
        reference=filters.reference.strip(),
        start=start,
        end=end,
        states=frozenset(filters.states),
        clerk=filters.clerk.strip(),
        limit=limit,
    )


def steps_of(journal: Journal, reference: str) -> list[Step]:
    """The sale's entries and its reprints, in the journal's order (by seq)."""
    entries = list(journal.entries_for(reference))
    entries += journal.events(REPRINT_EVENT, reference=reference)
    entries.sort(key=lambda entry: entry.seq)
    return [
        Step(entry.created_at, entry.state, entry.event, entry.actor, _note(entry))
        for entry in entries
    ]


class Reprinter(Protocol):
    """What reprints a receipt as a copy and journals it (the printing's controller)."""

    def reprint(self, reference: str) -> Any: ...


class HistoryController(QObject):
    """Searches the journal's sales off the GUI thread, page by page.

    Signals: ``pageReady(SalePage, first: bool)`` (``first``: a new search's first page,
    else the next page of the same search); ``failed(Said)``; ``refused()`` (right after
    ``failed`` when a new search was refused or failed: the results shown are not its
    own); ``busyChanged(bool)``;
    ``stepsReady(reference, list[Step])``; ``stepsFailed(reference, Said)``;
    ``saleReady(SaleRecord)`` (``open_sale``: the sale as it is now);
    ``exported(path, rows)`` / ``exportFailed(Said)`` (``export_csv``).

    ``search(filters)`` starts a new search (an older one still running is forgotten);
    ``more()`` asks for the next page (nothing when there is none or one is on its way);
    ``steps(reference)`` reads a sale's journaled steps; ``reprint(reference)`` hands the
    sale to the receipts' controller (a copy, journaled as ``sale.reprinted``).
    """

    pageReady = Signal(object, bool)
    failed = Signal(object)
    refused = Signal()
    busyChanged = Signal(bool)
    stepsReady = Signal(str, object)
    stepsFailed = Signal(str, object)
    saleReady = Signal(object)
    exported = Signal(object, int)
    exportFailed = Signal(object)

    def __init__(
        self,
        journal: Journal,
        *,
        receipts: Reprinter | None = None,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._receipts = receipts
        self._page_size = page_size
        #: The search whose pages are shown, its next page's key, and who may answer.
        self._query: SaleQuery | None = None
        self._next: tuple[str, str] | None = None
        self._generation = 0
        self._loading = False

    # -- searching -------------------------------------------------------------------

    def search(self, filters: HistoryFilters) -> None:
        try:
            query = build_query(filters, limit=self._page_size)
        except ValidationError as error:
            self._generation += 1  # a search still running answers no more
            self._query = None
            self._next = None
            self._set_loading(False)
            self.failed.emit(describe(error))
            self.refused.emit()
            return
        self._query = query
        self._next = None
        self._fetch(query, first=True)

    def more(self) -> None:
        if self._query is None or self._next is None or self._loading:
            return
        self._fetch(replace(self._query, before=self._next), first=False)

    def has_more(self) -> bool:
        return self._next is not None

    def is_loading(self) -> bool:
        return self._loading

    def _fetch(self, query: SaleQuery, *, first: bool) -> None:
        self._generation += 1
        generation = self._generation
        self._set_loading(True)
        journal = self._journal
        run(lambda: journal.search_sales(query), name="history.search").on_success(
            lambda page: self._page(generation, page, first)
        ).on_failure(lambda error: self._failed(generation, error, first))

    def _page(self, generation: int, page: SalePage, first: bool) -> None:
        if generation != self._generation:
            return  # a newer search took over
        self._next = page.next_before
        self._set_loading(False)
        self.pageReady.emit(page, first)

    def _failed(self, generation: int, error: BaseException, first: bool) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self.failed.emit(describe(error))
        if first:
            self._query = None
            self._next = None
            self.refused.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.busyChanged.emit(loading)

    # -- one sale --------------------------------------------------------------------

    def open_sale(self, reference: str) -> None:
        """The sale as the journal holds it now (``saleReady``), then its steps."""
        journal = self._journal

        def opened(sale: object) -> None:
            if sale is None:
                self.stepsFailed.emit(
                    reference, describe(JournalError("journal.no_such_sale", reference=reference))
                )
                return
            self.saleReady.emit(sale)
            self.steps(reference)

        run(lambda: journal.sale(reference), name="history.sale").on_success(opened).on_failure(
            lambda error: self.stepsFailed.emit(reference, describe(error))
        )

    def steps(self, reference: str) -> None:
        journal = self._journal
        run(lambda: steps_of(journal, reference), name="history.steps").on_success(
            lambda steps: self.stepsReady.emit(reference, steps)
        ).on_failure(lambda error: self.stepsFailed.emit(reference, describe(error)))

    # -- the accountant's CSV ---------------------------------------------------------

    def export_csv(
        self,
        first_day: date | None,
        last_day: date | None,
        path: Path,
        *,
        full_lines: bool = False,
    ) -> None:
        """The sales of the store days ``[first_day, last_day]`` as CSV at ``path``, in the
        current language; masked lines unless ``full_lines`` (the caller asked an admin's
        PIN first). Without a first day: since the journal began; without a last: today."""
        start = day_bounds_utc(first_day)[0] if first_day else EARLIEST
        end = day_bounds_utc(last_day)[1] if last_day else datetime.now(UTC)
        if end <= start:
            self.exportFailed.emit(describe(ValidationError("history.inverted_dates")))
            return
        journal, style = self._journal, csv_style_for(current_language())

        def export() -> int:
            return write_sales_csv(
                journal, start, end, path, full_lines=full_lines, say=text, style=style
            )

        self.busyChanged.emit(True)

        def done(rows: int) -> None:
            self.busyChanged.emit(self._loading)
            self.exported.emit(path, rows)

        def failed(error: BaseException) -> None:
            self.busyChanged.emit(self._loading)
            self.exportFailed.emit(describe(error))

        run(export, name="history.export").on_success(done).on_failure(failed)

    def reprint(self, reference: str) -> None:
        """A copy of the sale's receipt (the receipts' controller journals it)."""
        if self._receipts is None:
            log.warning("no receipt printer wired: reprint of %s not done", reference)
            return
        self._receipts.reprint(reference)


class DocumentPrinter(QObject):
    """Prints a document (the shift report) on the store's printer, off the GUI thread.

    ``print_document(document)``; signals ``printed()``, ``printFailed(Said)`` (missing,
    out of paper, none set up: the printer's own words), ``busyChanged(bool)``. Built on
    the receipts' service: ``DocumentPrinter(core.sales.receipts.print_document)``.
    """

    printed = Signal()
    printFailed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(
        self, print_document: Callable[[Document], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._print = print_document
        self._busy = False

    def busy(self) -> bool:
        return self._busy

    def print_document(self, document: Document) -> bool:
        """Send ``document`` to the printer; False while another one is printing."""
        if self._busy:
            return False
        self._set_busy(True)
        send = self._print
        run(lambda: send(document), name="report.print").on_success(self._done).on_failure(
            self._failed
        )
        return True

    def _done(self, _result: object) -> None:
        self._set_busy(False)
        self.printed.emit()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.printFailed.emit(describe(error))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
