"""The shift report at the edge: its words (a :class:`Document`) and its work off the GUI thread.

:func:`report_document` says an X or Z report in the current language for every
renderer (the screen, the PDF, the thermal printer, ``kiosk report``'s text); the
money is in the current formats (the paper renderers turn non-breaking spaces into
plain ones). :class:`ReportController` runs the reports, the close and the settling
on a worker and reports back through signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from kiosk.controllers.language import Said, describe, formats, translate
from kiosk.controllers.sale_words import kind_words, state_words
from kiosk.controllers.worker import run
from kiosk.domain.calendar import STORE_TIMEZONE
from kiosk.domain.document import Document, Heading, Line, Paragraph, Row, Rule
from kiosk.domain.report import (
    ChartData,
    Earned,
    FollowUp,
    FollowUpKind,
    ShiftReport,
    Tally,
)
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.services.reports import ReportService

log = logging.getLogger(__name__)

_CONTEXT = "ShiftReport"
S = SaleState
_STATE_KEYS = frozenset(str(state) for state in SaleState)
#: The outcomes of earlier shifts' sales a report always shows (then any other state).
_RESOLVED_SHOWN = (S.DELIVERED, S.PAID_NOT_DELIVERED, S.SETTLED)


def chart_data(report: ShiftReport) -> ChartData:
    """What the report's chart draws (sold sales by hour of the store's day and by operator)."""
    return report.chart


def day_words(day: date) -> str:
    """A store day as the current language writes dates (``31/12/2025``, ``Dec 31, 2025``)."""
    noon = datetime.combine(day, time(12), tzinfo=STORE_TIMEZONE).astimezone(UTC)
    return formats().moment(noon).rsplit(" ", 1)[0]


def earned_words(earned: tuple[Earned, ...]) -> str:
    """What the store earned, per currency (``$ 0`` when nothing)."""
    if not earned:
        return formats().pesos(0)
    return ", ".join(formats().money(item.money.amount, item.money.currency) for item in earned)


def number(value: int) -> str:
    """A count as the current language groups its digits (``173.791``, ``173,791``)."""
    return QLocale().toString(int(value))


def _sales(count: int) -> str:
    return translate("ShiftReport", "%n venta(s)", None, count)


def _tally_value(tally: Tally) -> str:
    return translate("ShiftReport", "{sales} · {amount}").format(
        sales=_sales(tally.count), amount=formats().pesos(tally.amount_pesos)
    )


def _title(report: ShiftReport) -> str:
    if report.closed:
        return translate("ShiftReport", "Informe Z: cierre de turno")
    return translate("ShiftReport", "Informe X: sin cierre")


def _header(report: ShiftReport) -> list[Line]:
    header = report.header
    lines: list[Line] = []
    if header.business_name:
        lines.append(Heading(header.business_name))
    if header.nit:
        lines.append(Row(translate("ShiftReport", "NIT"), header.nit, key="nit"))
    if header.store_name:
        lines.append(Row(translate("ShiftReport", "Tienda"), header.store_name, key="store"))
    if header.kiosk_name:
        lines.append(Row(translate("ShiftReport", "Caja"), header.kiosk_name, key="kiosk"))
    lines.append(Heading(_title(report)))
    moment = formats().moment
    lines += [
        Row(translate("ShiftReport", "Día"), day_words(report.day), key="day"),
        Row(translate("ShiftReport", "Desde"), moment(report.period_start), key="period_start"),
        Row(translate("ShiftReport", "Hasta"), moment(report.period_end), key="period_end"),
        Row(translate("ShiftReport", "Generado"), moment(report.generated_at), key="generated"),
    ]
    return lines


def _summary(report: ShiftReport) -> list[Line]:
    sold = report.sold
    created = report.totals.created
    lines: list[Line] = [
        Rule(),
        Heading(translate("ShiftReport", "Ventas entregadas")),
        Row(translate("ShiftReport", "Ventas"), number(sold.count), key="count"),
        Row(translate("ShiftReport", "Valor"), formats().pesos(sold.amount_pesos), key="amount"),
        Row(
            translate("ShiftReport", "Ganancia (descuento del proveedor)"),
            earned_words(sold.earned),
            key="earned",
        ),
        Row(
            translate("ShiftReport", "Ventas del periodo (todos los estados)"),
            number(created.count),
            key="created",
        ),
    ]
    resolved = report.resolved
    if resolved.changed.count:
        # Sold in this shift (created in it), then what earlier shifts left open and was
        # delivered in this one, and both together (each delivered sale is on one Z only).
        total = report.total_sold
        lines += [
            Row(
                translate("ShiftReport", "Vendidas en este turno"),
                _tally_value(sold),
                key="shift_sold",
            ),
            Row(
                translate("ShiftReport", "Entregadas de turnos anteriores"),
                _tally_value(resolved.delivered),
                key="earlier_delivered",
            ),
            Row(
                translate("ShiftReport", "Total entregado en el turno"),
                _tally_value(total),
                key="total_sold",
            ),
            Row(
                translate("ShiftReport", "Ganancia total"),
                earned_words(total.earned),
                key="total_earned",
            ),
        ]
    if report.first_reference:
        lines += [
            Row(
                translate("ShiftReport", "Primera referencia"),
                report.first_reference,
                key="first_reference",
            ),
            Row(
                translate("ShiftReport", "Última referencia"),
                report.last_reference,
                key="last_reference",
            ),
        ]
    return lines


def _section(title: str, tallies: tuple[Tally, ...], key: str, name: dict[str, str]) -> list[Line]:
    if not tallies:
        return []
    lines: list[Line] = [Rule(), Heading(title)]
    for tally in tallies:
        label = name.get(tally.key, tally.key)
        lines.append(Row(label, _tally_value(tally), key=f"{key}:{tally.key}"))
    return lines


def _resolved(report: ShiftReport) -> list[Line]:
    """The sales of earlier shifts whose state changed in this one (none: no section)."""
    resolved = report.resolved
    if not resolved.changed.count:
        return []
    lines: list[Line] = [
        Rule(),
        Heading(translate("ShiftReport", "Resueltas de turnos anteriores")),
        Paragraph(
            translate(
                "ShiftReport",
                "Ventas creadas antes de este turno cuyo estado cambió en él; "
                "las entregadas cuentan como vendidas en este turno.",
            )
        ),
    ]
    for state in _RESOLVED_SHOWN:
        tally = resolved.of(state)
        lines.append(Row(state_words(state), _tally_value(tally), key=f"earlier:{state}"))
    shown = {str(state) for state in _RESOLVED_SHOWN}
    for tally in (tally for tally in resolved.by_state if tally.key not in shown):
        label = state_words(SaleState(tally.key)) if tally.key in _STATE_KEYS else tally.key
        lines.append(Row(label, _tally_value(tally), key=f"earlier:{tally.key}"))
    return lines


def _earned_by_operator(report: ShiftReport) -> list[Line]:
    earning = [tally for tally in report.by_operator if tally.earned]
    if not earning:
        return []
    unnamed = translate("ShiftReport", "(sin operador)")
    lines: list[Line] = [Heading(translate("ShiftReport", "Ganancia por operador"))]
    for tally in earning:
        lines.append(
            Row(tally.key or unnamed, earned_words(tally.earned), key=f"earned:{tally.key}")
        )
    return lines


def _follow_up_title(why: FollowUpKind) -> str:
    if why is FollowUpKind.PAID_NOT_DELIVERED:
        return translate("ShiftReport", "Pagadas sin entregar (resolver y registrar)")
    if why is FollowUpKind.UNKNOWN:
        return translate("ShiftReport", "Resultado desconocido (en verificación)")
    return translate("ShiftReport", "Pendientes")


def _follow_up_row(sale: FollowUp) -> Row:
    value = translate("ShiftReport", "{amount} · {line} · {moment}").format(
        amount=formats().pesos(sale.amount_pesos),
        line=sale.line_masked,
        moment=formats().moment(sale.created_at),
    )
    if sale.why is FollowUpKind.PENDING:
        value = f"{value} · {state_words(sale.state)}"
    return Row(sale.reference, value, key=f"follow_up:{sale.reference}")


def _follow_up(report: ShiftReport) -> list[Line]:
    lines: list[Line] = [Rule()]
    count = report.follow_up_count
    lines.append(Heading(translate("ShiftReport", "Para seguimiento: %n venta(s)", None, count)))
    if not count:
        lines.append(Paragraph(translate("ShiftReport", "Ninguna venta queda abierta.")))
        return lines
    for why in (FollowUpKind.PAID_NOT_DELIVERED, FollowUpKind.UNKNOWN, FollowUpKind.PENDING):
        sales = report.follow_up_of(why)
        if sales:
            lines.append(Heading(_follow_up_title(why)))
            lines.extend(_follow_up_row(sale) for sale in sales)
    left = count - len(report.follow_up)
    if left > 0:
        more = translate("ShiftReport", "… y %n venta(s) más (véalas en el historial).", None, left)
        lines.append(Paragraph(more))
    return lines


def _closing(report: ShiftReport) -> list[Line]:
    chain = f"{report.chain_seq}:{report.short_hash}"
    lines: list[Line] = [
        Rule(),
        Row(translate("ShiftReport", "Hash de la cadena"), chain, key="chain_hash"),
    ]
    if report.closed:
        lines.append(
            Paragraph(
                translate(
                    "ShiftReport",
                    "Turno cerrado y registrado en el diario (entrada {seq}). "
                    "El siguiente informe Z empieza aquí.",
                ).format(seq=report.chain_seq)
            )
        )
    else:
        lines.append(
            Paragraph(translate("ShiftReport", "Informe X: el turno sigue abierto, nada se cerró."))
        )
    return lines


def report_document(report: ShiftReport) -> Document:
    """An X or Z report in the current language, for every renderer."""
    lines = _header(report) + _summary(report)
    if report.empty:
        lines.append(Paragraph(translate("ShiftReport", "Sin ventas en este periodo.")))
    else:
        kinds = {str(kind): kind_words(kind) for kind in SaleKind}
        states = {str(state): state_words(state) for state in SaleState}
        lines += _section(translate("ShiftReport", "Por tipo"), report.by_kind, "kind", kinds)
        lines += _section(
            translate("ShiftReport", "Por operador"),
            report.by_operator,
            "operator",
            {"": translate("ShiftReport", "(sin operador)")},
        )
        lines += _earned_by_operator(report)
        lines += _section(
            translate("ShiftReport", "Por cajero"),
            report.by_clerk,
            "clerk",
            {"": translate("ShiftReport", "(sin cajero)")},
        )
        lines += _section(
            translate("ShiftReport", "Por estado (todas las ventas del periodo)"),
            report.by_state,
            "state",
            states,
        )
    lines += _resolved(report)
    lines += _follow_up(report)
    lines += _closing(report)
    return Document(title=_title(report), lines=tuple(lines))


class ReportController(QObject):
    """X reports, the shift's close and settling, each on a worker; one at a time."""

    #: An X report (ShiftReport).
    reportReady = Signal(object)
    #: The shift was closed: its Z report (ShiftReport).
    closed = Signal(object)
    #: A paid-not-delivered sale was settled: its reference.
    settled = Signal(str)
    #: What went wrong, in words (Said).
    failed = Signal(object)
    #: Busy or not (a report is being made): screens disable their buttons meanwhile.
    busyChanged = Signal(bool)

    def __init__(self, service: ReportService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def x_report(self, day: date | None = None) -> bool:
        """Make an X report (the open shift, or ``day``); False if one is being made."""
        service = self._service
        return self._start(lambda: service.x_report(day), "x_report", self.reportReady.emit)

    def close_shift(self, actor: str | None = None) -> bool:
        """Close the shift (journaled); its Z report comes with :attr:`closed`."""
        service = self._service
        return self._start(lambda: service.close_shift(actor), "close_shift", self.closed.emit)

    def settle(self, reference: str, how: str, actor: str | None = None) -> bool:
        """Settle a paid-not-delivered sale; :attr:`settled` says its reference."""
        service = self._service

        def settle() -> str:
            service.settle(reference, how, actor)
            return reference

        return self._start(settle, "settle", self.settled.emit)

    def _start(self, operation: Callable[[], Any], name: str, done: Callable[[Any], Any]) -> bool:
        if self._busy:
            return False
        self._set_busy(True)
        task = run(operation, name=name)

        def succeeded(value: Any) -> None:
            self._set_busy(False)
            done(value)

        task.on_success(succeeded).on_failure(self._failed)
        return True

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.warning("report work failed: %s", type(error).__name__)
        said: Said = describe(error)
        self.failed.emit(said)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
