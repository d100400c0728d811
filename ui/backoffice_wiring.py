"""The back office's screens wired to their controllers: the history, a sale's detail, the
shift report (X, Z, print, PDF) and settling a paid-not-delivered sale behind the admin PIN.

``wire_back_office(window, controllers)`` is called once by the app's wiring, after the
counter's own; it reads the controllers it needs from ``controllers`` (``history``,
``reports``, and when there: ``receipts``, ``staff``) and leaves out what is not there.
Like ``ui/wiring.py`` it holds no business rule: which screen comes next, and the words
of what was done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kiosk.controllers.history import DocumentPrinter, HistoryController, HistoryFilters
from kiosk.controllers.language import Said, describe, translate
from kiosk.controllers.receipts import file_error_words
from kiosk.controllers.reports import ReportController, chart_data, report_document
from kiosk.controllers.worker import run
from kiosk.domain.calendar import store_day
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.widgets.admin_pin_dialog import ask_admin_pin

if TYPE_CHECKING:  # annotations only
    from kiosk.controllers.receipts import ReceiptController
    from kiosk.controllers.staff import StaffController
    from kiosk.domain.report import ShiftReport
    from kiosk.domain.staff import Clerk
    from kiosk.journal import SaleRecord
    from kiosk.journal.search import SalePage

log = logging.getLogger(__name__)


def _wait() -> Said:
    return Said(lambda: translate("BackOfficeWiring", "Un momento, por favor…"))


def _exporting() -> Said:
    return Said(lambda: translate("BackOfficeWiring", "Exportando las ventas…"))


def _utc_now() -> datetime:
    return datetime.now(UTC)


class BackOfficeWiring(QObject):
    """The history, sale detail and report screens of one window and their controllers."""

    def __init__(
        self,
        window: MainWindow,
        *,
        history: HistoryController,
        reports: ReportController | None = None,
        receipts: ReceiptController | None = None,
        printer: DocumentPrinter | None = None,
        staff: StaffController | None = None,
        clock: Callable[[], datetime] = _utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.history = history
        self.reports = reports
        self.receipts = receipts
        self.printer = printer
        self.staff = staff
        self._clock = clock
        #: Where "Volver" on a sale's detail goes (the history, or the report's follow-up).
        self._detail_from: Screen = window.history
        #: A sale just settled: its detail says so once it is shown again (reloaded).
        self._settled_reference = ""
        self._connect_history()
        self._connect_detail()
        self._connect_report()
        self._connect_printer()
        bar = getattr(window, "back_office", None)
        if bar is not None:
            bar.historyRequested.connect(self.open_history)
            bar.reportRequested.connect(self.open_report)
            if hasattr(bar, "setJobsAvailable"):
                bar.setJobsAvailable(history=True, report=reports is not None)

    def today(self) -> date:
        return store_day(self._clock())

    # -- the history -------------------------------------------------------------------

    def _connect_history(self) -> None:
        screen, history = self.window.history, self.history
        screen.back.connect(self._to_start)
        screen.searchRequested.connect(history.search)
        screen.moreRequested.connect(history.more)
        screen.saleOpened.connect(lambda reference: self.open_sale(reference, screen))
        if self.staff is not None:
            self.staff.clerksReady.connect(
                lambda clerks: screen.setClerks([clerk.name for clerk in clerks])
            )
        screen.exportRequested.connect(self._export)
        history.exported.connect(self._exported)
        history.exportFailed.connect(self._export_failed)
        history.pageReady.connect(self._page)
        history.failed.connect(screen.setError)
        history.refused.connect(screen.clearResults)
        history.busyChanged.connect(screen.setLoading)

    def open_history(self) -> None:
        """The history screen; the first time, the last week's sales at once."""
        screen = self.window.history
        if not screen.hasSearched():
            screen.setToday(self.today())
            if self.staff is not None:
                self.staff.load_clerks()
        self.window.show_history()
        if not screen.hasSearched():
            self.history.search(screen.filters())

    def _page(self, page: SalePage, first: bool) -> None:
        self.window.history.showPage(page.sales, page.next_before is not None, first)

    def _export(self, filters: HistoryFilters, path: Path, full_lines: bool) -> None:
        screen, history = self.window.history, self.history

        def export() -> None:
            screen.setBusy(True, _exporting(), cancellable=False)
            history.export_csv(filters.first_day, filters.last_day, path, full_lines=full_lines)

        if not full_lines:
            export()
            return
        if self.staff is None:
            return
        reason = Said(
            lambda: translate("BackOfficeWiring", "Exportar las ventas con las líneas completas.")
        )
        ask_admin_pin(self.window, self.staff, lambda _admin: export(), reason=reason)

    def _exported(self, path: Path, rows: int) -> None:
        screen = self.window.history
        screen.setBusy(False)
        screen.showOwnMessage(
            lambda: translate(
                "BackOfficeWiring", "%n venta(s) exportadas a {path}", None, rows
            ).format(path=str(path)),
            "ok",
        )

    def _export_failed(self, said: Said) -> None:
        screen = self.window.history
        screen.setBusy(False)
        screen.setError(said)

    # -- one sale ----------------------------------------------------------------------

    def _connect_detail(self) -> None:
        detail, history = self.window.sale_detail, self.history
        detail.back.connect(lambda: self.window.show_screen(self._detail_from))
        detail.reprintRequested.connect(self._reprint)
        detail.settleRequested.connect(self._ask_settle)
        history.saleReady.connect(self._sale_ready)
        history.stepsReady.connect(detail.showSteps)
        history.stepsFailed.connect(lambda _reference, said: detail.setError(said))
        if self.receipts is not None:
            self.receipts.printed.connect(self._reprinted)
            self.receipts.printFailed.connect(self._reprint_failed)

    def open_sale(self, reference: str, origin: Screen | None = None) -> None:
        detail = self.window.sale_detail
        self._settled_reference = ""
        if origin is not None:
            self._detail_from = origin
        found = self._shown_sale(reference)
        if found is not None:
            detail.showSale(found)
            self.history.steps(reference)
        else:
            detail.reset()
            self.history.open_sale(reference)
        self.window.show_sale_detail()

    def _shown_sale(self, reference: str) -> SaleRecord | None:
        for sale in self.window.history.model().sales():
            if sale.reference == reference:
                return sale
        return None

    def _sale_ready(self, sale: SaleRecord) -> None:
        detail = self.window.sale_detail
        detail.showSale(sale)  # clears the screen's message: a settlement's is said after
        if self._settled_reference and sale.reference == self._settled_reference:
            self._settled_reference = ""
            detail.showOwnMessage(
                lambda: translate("BackOfficeWiring", "Solución registrada en el diario."), "ok"
            )

    def _reprint(self, reference: str) -> None:
        detail = self.window.sale_detail
        if self.receipts is None:
            detail.setError(
                Said(lambda: translate("BackOfficeWiring", "No hay impresora configurada."))
            )
            return
        detail.clearError()
        self.history.reprint(reference)

    def _reprint_failed(self, said: Said) -> None:
        if self.window.currentScreen() is self.window.sale_detail:
            self.window.sale_detail.setBusy(False)
            self.window.sale_detail.setError(said)

    def _reprinted(self, reference: str) -> None:
        detail = self.window.sale_detail
        if detail.reference() != reference or self.window.currentScreen() is not detail:
            return  # the counter's own receipt (the result screen's "Imprimir")
        detail.showOwnMessage(
            lambda: translate("BackOfficeWiring", "Copia impresa; quedó anotada en el diario."),
            "ok",
        )
        if detail.reference():
            self.history.steps(detail.reference())

    def _ask_settle(self, reference: str, how: str) -> None:
        reports, staff = self.reports, self.staff
        if reports is None or staff is None:
            return

        def granted(admin: Clerk) -> None:
            reports.settle(reference, how, admin.name)

        reason = Said(
            lambda: translate(
                "BackOfficeWiring", "Registrar cómo se resolvió la venta {reference}."
            ).format(reference=reference)
        )
        ask_admin_pin(self.window, staff, granted, reason=reason)

    def _settled(self, reference: str) -> None:
        detail = self.window.sale_detail
        if detail.reference() == reference:
            self._settled_reference = reference  # said once the sale is read again
            self.history.open_sale(reference)
        if self.reports is not None and self.window.report.report() is not None:
            self.reports.x_report()

    # -- the report --------------------------------------------------------------------

    def _connect_report(self) -> None:
        screen, reports = self.window.report, self.reports
        screen.back.connect(self._to_start)
        screen.saleOpened.connect(lambda reference: self.open_sale(reference, screen))
        screen.pdfRequested.connect(self._save_pdf)
        screen.printRequested.connect(self._print_report)
        if reports is None:
            return
        screen.refreshRequested.connect(lambda: reports.x_report())
        screen.closeShiftRequested.connect(self._close_shift)
        reports.reportReady.connect(self._report_ready)
        reports.closed.connect(self._closed)
        reports.settled.connect(self._settled)
        reports.failed.connect(self._report_failed)
        reports.busyChanged.connect(lambda busy: screen.setBusy(busy, _wait(), cancellable=False))

    def open_report(self) -> None:
        """The report screen with the open shift's X report, made now."""
        self.window.show_report()
        if self.reports is not None:
            self.reports.x_report()

    def _report_ready(self, report: ShiftReport) -> None:
        self.window.report.showReport(report)

    def _closed(self, report: ShiftReport) -> None:
        screen = self.window.report
        screen.showReport(report)
        screen.showOwnMessage(
            lambda: translate(
                "BackOfficeWiring", "Turno cerrado: el informe Z quedó en el diario."
            ),
            "ok",
        )

    def _close_shift(self) -> None:
        if self.reports is None:
            return
        actor = self.staff.clerk_name if self.staff is not None else ""
        self.reports.close_shift(actor or None)

    def _report_failed(self, said: Said) -> None:
        screen = self.window.currentScreen()
        if screen in (self.window.report, self.window.sale_detail):
            screen.setError(said)

    def _save_pdf(self, path: Path) -> None:
        screen = self.window.report
        report = screen.report()
        if report is None:
            return
        from ui.printing.pdf import write_pdf

        document, chart = report_document(report), chart_data(report)
        screen.setBusy(True, _wait(), cancellable=False)

        def saved(_result: object) -> None:
            screen.setBusy(False)
            screen.showOwnMessage(
                lambda: translate("BackOfficeWiring", "Informe guardado en {path}").format(
                    path=str(path)
                ),
                "ok",
            )

        def failed(error: BaseException) -> None:
            screen.setBusy(False)
            if not isinstance(error, OSError):
                screen.setError(describe(error))
                return
            screen.showOwnMessage(
                lambda: translate(
                    "BackOfficeWiring", "No se pudo guardar el informe en {path}: {reason}."
                ).format(path=str(path), reason=file_error_words(error))
            )

        run(lambda: write_pdf(document, path, chart=chart), name="report.pdf").on_success(
            saved
        ).on_failure(failed)

    def _print_report(self) -> None:
        screen = self.window.report
        report = screen.report()
        if report is None:
            return
        if self.printer is None:
            screen.setError(
                Said(lambda: translate("BackOfficeWiring", "No hay impresora configurada."))
            )
            return
        screen.clearError()
        self.printer.print_document(report_document(report))

    def _connect_printer(self) -> None:
        printer, screen = self.printer, self.window.report
        if printer is None:
            return
        printer.busyChanged.connect(lambda busy: screen.setBusy(busy, _wait(), cancellable=False))
        printer.printed.connect(
            lambda: screen.showOwnMessage(
                lambda: translate("BackOfficeWiring", "Informe enviado a la impresora."), "ok"
            )
        )
        printer.printFailed.connect(screen.setError)

    # -- leaving -----------------------------------------------------------------------

    def _to_start(self) -> None:
        self.window.show_start(reset=False)


def wire_back_office(window: MainWindow, controllers: Any) -> BackOfficeWiring:
    """Wire the back office's screens of ``window`` to ``controllers`` (the app's
    ``Controllers``): its ``history``, ``reports``, ``receipts``, ``report_printer`` and
    ``staff`` when it has them. Without its own, a history controller is made on the
    core's journal and a report printer on the core's receipt service."""
    receipts = getattr(controllers, "receipts", None)
    history = getattr(controllers, "history", None)
    core = getattr(controllers, "core", None)
    if history is None:
        if core is None:
            raise ValueError("the back office needs a history controller or the core's journal")
        history = HistoryController(core.journal, receipts=receipts)
    printer = getattr(controllers, "report_printer", None)
    if printer is None and core is not None:
        service = getattr(getattr(core, "sales", None), "receipts", None)
        service = getattr(core, "receipts", None) or service
        if service is not None and hasattr(service, "print_document"):
            printer = DocumentPrinter(service.print_document)
    return BackOfficeWiring(
        window,
        history=history,
        reports=getattr(controllers, "reports", None),
        receipts=receipts,
        printer=printer,
        staff=getattr(controllers, "staff", None),
        parent=window,
    )
