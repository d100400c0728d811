"""The shift report's small chart: sold sales by hour of the store's day and by operator.

Drawn with QPainter only (no plotting library), in black and greys that survive a
black-and-white printer, with real text (the PDF's words stay searchable). Sizes follow
the painter's device (points and millimetres), so the same call draws a 300 dpi PDF and a
96 dpi screen alike. ``ui.printing.pdf.write_pdf`` calls :func:`paint_chart` under a
report; the words come through the translations (context ``ReportChart``).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from kiosk.controllers.language import formats, translate
from kiosk.domain.report import ChartData, HourBar, OperatorBar

_MM_PER_INCH = 25.4
_BAR = QColor(90, 90, 90)
_AXIS = QColor(0, 0, 0)
_GRID = QColor(200, 200, 200)
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})
# The share of the height the hourly bars take when there are operators too.
_HOURS_SHARE = 0.58
# Operators drawn (the rest are few pesos; the report's table lists them all).
MAX_OPERATORS = 8


def _paper(words: str) -> str:
    return words.translate(_NO_BREAK)


class _Pen:
    """Fonts and lengths for one device."""

    def __init__(self, painter: QPainter) -> None:
        device = painter.device()
        self.dpi = float(device.logicalDpiY()) if device is not None else 96.0
        self.body = QFont()
        self.body.setPointSizeF(7.5)
        self.small = QFont(self.body)
        self.small.setPointSizeF(6.5)
        self.title = QFont(self.body)
        self.title.setBold(True)
        self.title.setPointSizeF(9.0)
        self.body_metrics = QFontMetricsF(self.body, device)
        self.small_metrics = QFontMetricsF(self.small, device)
        self.title_metrics = QFontMetricsF(self.title, device)

    def mm(self, millimetres: float) -> float:
        return millimetres * self.dpi / _MM_PER_INCH

    def line(self, width_mm: float, color: QColor = _AXIS) -> QPen:
        pen = QPen(color)
        pen.setWidthF(max(1.0, self.mm(width_mm)))
        return pen


def paint_chart(painter: QPainter, rect: QRect, chart: ChartData) -> None:
    """Sold sales by hour (24 bars, counts above them) over sales by operator (bars with
    their count and pesos), inside ``rect``; a chart with no sale says so."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = _Pen(painter)
        area = QRectF(rect)
        operators = chart.by_operator[:MAX_OPERATORS]
        if operators:
            hours_height = area.height() * _HOURS_SHARE
            hours_area = QRectF(area.left(), area.top(), area.width(), hours_height)
            gap = pen.mm(4)
            operators_area = QRectF(
                area.left(),
                area.top() + hours_height + gap,
                area.width(),
                area.height() - hours_height - gap,
            )
        else:
            hours_area, operators_area = area, QRectF()
        _paint_hours(painter, pen, hours_area, chart.by_hour)
        if operators:
            _paint_operators(painter, pen, operators_area, operators)
    finally:
        painter.restore()


def _title(painter: QPainter, pen: _Pen, area: QRectF, words: str) -> float:
    """The panel's title at the top of ``area``; the height it took."""
    height = pen.title_metrics.height() * 1.3
    painter.setFont(pen.title)
    painter.setPen(_AXIS)
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        _paper(words),
    )
    return height


def _paint_hours(painter: QPainter, pen: _Pen, area: QRectF, bars: tuple[HourBar, ...]) -> None:
    top = area.top() + _title(
        painter, pen, area, translate("ReportChart", "Ventas entregadas por hora (hora de Bogotá)")
    )
    hours = {bar.hour: bar for bar in bars}
    highest = max((bar.sales for bar in bars), default=0)
    label_height = pen.small_metrics.height() * 1.2
    plot = QRectF(
        area.left() + pen.mm(2),
        top + label_height,  # room for the counts above the tallest bar
        area.width() - pen.mm(2),
        area.bottom() - top - 2 * label_height,
    )
    if plot.height() <= 0 or plot.width() <= 0:
        return
    if highest == 0:
        _no_sales(painter, pen, plot)
    slot = plot.width() / 24
    painter.setFont(pen.small)
    # Hour labels: every hour when they fit, else every second or third.
    widest = pen.small_metrics.horizontalAdvance("00") * 1.4
    step = 1 if widest <= slot else 2 if widest <= 2 * slot else 3
    for hour in range(24):
        bar = hours.get(hour)
        left = plot.left() + hour * slot
        if bar is not None and bar.sales and highest:
            height = plot.height() * bar.sales / highest
            body = QRectF(left + slot * 0.15, plot.bottom() - height, slot * 0.7, height)
            painter.setPen(pen.line(0.15))
            painter.setBrush(QBrush(_BAR))
            painter.drawRect(body)
            painter.setPen(_AXIS)
            count = QRectF(left - slot, body.top() - label_height, slot * 3, label_height)
            if pen.small_metrics.horizontalAdvance(QLocale().toString(bar.sales)) <= slot * 1.1:
                painter.drawText(
                    count,
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    QLocale().toString(bar.sales),
                )
        if hour % step == 0:
            painter.setPen(_AXIS)
            painter.drawText(
                QRectF(left - slot, plot.bottom(), slot * 3, label_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                f"{hour:02d}",
            )
    painter.setPen(pen.line(0.3))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


def _paint_operators(
    painter: QPainter, pen: _Pen, area: QRectF, bars: tuple[OperatorBar, ...]
) -> None:
    top = area.top() + _title(painter, pen, area, translate("ReportChart", "Ventas por operador"))
    unnamed = translate("ReportChart", "(sin operador)")
    names = [_paper(bar.name or unnamed) for bar in bars]
    values = [_bar_words(bar) for bar in bars]
    metrics = pen.body_metrics
    names_width = min(
        area.width() * 0.3, max(metrics.horizontalAdvance(name) for name in names) + pen.mm(2)
    )
    values_width = min(
        area.width() * 0.35, max(metrics.horizontalAdvance(value) for value in values) + pen.mm(2)
    )
    row = min(metrics.height() * 1.6, (area.bottom() - top) / len(bars))
    if row <= 0:
        return
    most = max(bar.amount_pesos for bar in bars) or 1
    plot_left = area.left() + names_width
    plot_width = max(0.0, area.width() - names_width - values_width)
    painter.setFont(pen.body)
    for index, (bar, name, value) in enumerate(zip(bars, names, values, strict=True)):
        y = top + index * row
        painter.setPen(_AXIS)
        painter.drawText(
            QRectF(area.left(), y, names_width - pen.mm(1), row),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, names_width - pen.mm(1)),
        )
        length = plot_width * bar.amount_pesos / most
        painter.setPen(pen.line(0.15))
        painter.setBrush(QBrush(_BAR))
        painter.drawRect(QRectF(plot_left, y + row * 0.2, max(length, pen.mm(0.3)), row * 0.6))
        painter.setPen(_AXIS)
        painter.drawText(
            QRectF(plot_left + length + pen.mm(1), y, values_width, row),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            value,
        )
    painter.setPen(pen.line(0.3))
    painter.drawLine(QPointF(plot_left, top), QPointF(plot_left, top + row * len(bars)))


def _bar_words(bar: OperatorBar) -> str:
    """``2 ventas · $ 15.000`` on paper."""
    count = bar.sales
    sales = translate("ReportChart", "%n venta(s)", None, count)
    amount = formats().pesos(bar.amount_pesos, screen=False)
    return _paper(translate("ReportChart", "{sales} · {amount}").format(sales=sales, amount=amount))


def _no_sales(painter: QPainter, pen: _Pen, plot: QRectF) -> None:
    painter.setFont(pen.body)
    painter.setPen(_GRID.darker(200))
    painter.drawText(
        plot, int(Qt.AlignmentFlag.AlignCenter), translate("ReportChart", "Sin ventas entregadas")
    )
