"""A :class:`~kiosk.domain.document.Document` as PDF (QPdfWriter + QPainter), or painted
anywhere else a QPainter goes (a PNG for the docs).

Receipts get a receipt-width page (80 mm wide, as long as the receipt); reports (given a
``chart``) get A4 pages, with the chart drawn by ``ui.printing.chart.paint_chart`` after
the lines. The text is real text (selectable, searchable, extractable); the QR is drawn
by :func:`ui.qr_painter.paint_qr`, the same painter as the screen's. Money uses plain
spaces, as on any paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.qr import build_qr_matrix
from ui.qr_painter import paint_qr

if TYPE_CHECKING:
    from kiosk.domain.report import ChartData

#: Dots per inch of the PDF's coordinates (text and QR stay vector/crisp at any zoom).
RESOLUTION = 300
RECEIPT_WIDTH_MM = 80.0
RECEIPT_MARGIN_MM = 4.0
A4_MARGIN_MM = 15.0
#: The receipt's QR side, and the report chart's height.
QR_SIDE_MM = 30.0
CHART_HEIGHT_MM = 110.0
_MM_PER_INCH = 25.4
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_WRAP = Qt.TextFlag.TextWordWrap


def paper(text: str) -> str:
    """Text as paper shows it: plain spaces where the screen keeps money together."""
    return text.translate(_NO_BREAK)


@dataclass(frozen=True)
class _Style:
    """Fonts of one rendering (point sizes: Qt scales them to the device's resolution)."""

    body: QFont
    bold: QFont
    copy: QFont


def _style(points: float) -> _Style:
    body = QFont()
    body.setPointSizeF(points)
    # No ligatures: "fi" stays two letters, so the PDF's text searches and extracts as written.
    body.setFeature(QFont.Tag("liga"), 0)
    body.setFeature(QFont.Tag("clig"), 0)
    bold = QFont(body)
    bold.setBold(True)
    bold.setPointSizeF(points * 1.15)
    copy = QFont(body)
    copy.setBold(True)
    copy.setPointSizeF(points * 2)
    return _Style(body, bold, copy)


class DocumentPainter:
    """Lays a document out in a column ``width`` device pixels wide on ``device``, and
    paints it block by block (so a page can break between blocks)."""

    def __init__(self, document: Document, device: QPaintDevice, width: float, *, points: float):
        self.document = document
        self.device = device
        self.width = width
        self.style = _style(points)
        self._gap = QFontMetricsF(self.style.body, device).height() * 0.35
        self._dpi = device.logicalDpiY()

    def mm(self, millimetres: float) -> float:
        return millimetres * self._dpi / _MM_PER_INCH

    def _metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def _text_height(self, font: QFont, text: str, width: float) -> float:
        rect = self._metrics(font).boundingRect(QRectF(0, 0, width, 1e7), int(_WRAP), text)
        return rect.height()

    def blocks(self) -> list[tuple[float, object]]:
        """``(height, item)`` for every block in order (the copy mark, lines, the QR)."""
        blocks: list[tuple[float, object]] = []
        if self.document.copy_mark:
            blocks.append(
                (
                    self._text_height(self.style.copy, self.document.copy_mark, self.width)
                    + self._gap,
                    "copy",
                )
            )
        for item in self.document.lines:
            blocks.append((self._height(item), item))
        if self.document.qr:
            blocks.append((self.mm(QR_SIDE_MM) + self._gap * 2, "qr"))
        return blocks

    def _height(self, item: object) -> float:
        body = self.style.body
        if isinstance(item, Heading):
            return self._text_height(self.style.bold, paper(item.text), self.width)
        if isinstance(item, Row):
            label, value = paper(item.label), paper(item.value)
            metrics = self._metrics(body)
            if metrics.horizontalAdvance(f"{label}  {value}") <= self.width:
                return metrics.height()
            return self._text_height(body, label, self.width) + self._text_height(
                body, value, self.width
            )
        if isinstance(item, Paragraph):
            return self._text_height(body, paper(item.text), self.width) + self._gap
        if isinstance(item, Rule):
            return self._gap * 2
        return 0.0

    def height(self) -> float:
        return sum(height for height, _item in self.blocks())

    def paint_block(
        self, painter: QPainter, item: object, left: float, top: float, height: float
    ) -> None:
        width = self.width
        body = self.style.body
        center = int(Qt.AlignmentFlag.AlignHCenter) | int(_WRAP)
        if item == "copy":
            painter.setFont(self.style.copy)
            painter.drawText(
                QRectF(left, top, width, height), center, paper(self.document.copy_mark)
            )
        elif item == "qr":
            side = round(self.mm(QR_SIDE_MM))
            x = round(left + (width - side) / 2)
            paint_qr(
                painter,
                build_qr_matrix(self.document.qr),
                QRect(x, round(top + self._gap), side, side),
            )
        elif isinstance(item, Heading):
            painter.setFont(self.style.bold)
            painter.drawText(QRectF(left, top, width, height), center, paper(item.text))
        elif isinstance(item, Row):
            painter.setFont(body)
            label, value = paper(item.label), paper(item.value)
            line = self._metrics(body).height()
            if self._metrics(body).horizontalAdvance(f"{label}  {value}") <= width:
                painter.drawText(
                    QRectF(left, top, width, line), int(Qt.AlignmentFlag.AlignLeft), label
                )
                painter.drawText(
                    QRectF(left, top, width, line), int(Qt.AlignmentFlag.AlignRight), value
                )
            else:
                label_height = self._text_height(body, label, width)
                painter.drawText(QRectF(left, top, width, label_height), int(_WRAP), label)
                painter.drawText(
                    QRectF(left, top + label_height, width, height - label_height),
                    int(Qt.AlignmentFlag.AlignRight) | int(_WRAP),
                    value,
                )
        elif isinstance(item, Paragraph):
            painter.setFont(body)
            painter.drawText(
                QRectF(left, top + self._gap, width, height - self._gap), center, paper(item.text)
            )
        elif isinstance(item, Rule):
            pen = QPen(QColor(Qt.GlobalColor.black))
            pen.setWidthF(max(1.0, self.mm(0.2)))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = top + height / 2
            painter.drawLine(
                QRectF(left, y, width, 0).topLeft(), QRectF(left, y, width, 0).topRight()
            )
            painter.setPen(QColor(Qt.GlobalColor.black))

    def paint(self, painter: QPainter, left: float, top: float) -> float:
        """Every block from ``top`` down (one long column); the height painted."""
        painter.setPen(QColor(Qt.GlobalColor.black))
        y = top
        for height, item in self.blocks():
            self.paint_block(painter, item, left, y, height)
            y += height
        return y - top


def write_pdf(document: Document, path: Path, *, chart: ChartData | None = None) -> None:
    """``document`` as a PDF at ``path``: a receipt-width page, or A4 pages with ``chart``
    (a report). Raises ``OSError`` when the file cannot be written."""
    target = Path(path)
    # Opened here first: a folder that is missing or read-only is a plain OSError (with
    # its reason), not a painter that silently cannot begin.
    with target.open("wb"):
        pass
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setTitle(paper(document.title))
    writer.setCreator("kiosk")
    if chart is None:
        _write_receipt(writer, document)
    else:
        _write_report(writer, document, chart)
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(f"could not write the PDF to {target}")


def _write_receipt(writer: QPdfWriter, document: Document) -> None:
    margin = RECEIPT_MARGIN_MM
    dots_per_mm = RESOLUTION / _MM_PER_INCH
    width = (RECEIPT_WIDTH_MM - 2 * margin) * dots_per_mm
    layout = DocumentPainter(document, writer, width, points=8.0)
    height_mm = layout.height() / dots_per_mm + 2 * margin + 2
    size = QPageSize(
        QSizeF(RECEIPT_WIDTH_MM, max(height_mm, 40.0)),
        QPageSize.Unit.Millimeter,
        "Receipt",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    writer.setPageLayout(
        QPageLayout(
            size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin, margin, margin, margin),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("could not start the PDF")
    try:
        layout.paint(painter, 0.0, 0.0)
    finally:
        painter.end()


def _write_report(writer: QPdfWriter, document: Document, chart: ChartData) -> None:
    # Lazily: the chart painter belongs to the reports.
    from ui.printing.chart import paint_chart

    margin = A4_MARGIN_MM
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin, margin, margin, margin),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    layout = DocumentPainter(document, writer, float(page.width()), points=10.0)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("could not start the PDF")
    try:
        painter.setPen(QColor(Qt.GlobalColor.black))
        y = 0.0
        for height, item in layout.blocks():
            if y > 0 and y + height > page.height():
                _new_page(writer, painter)
                y = 0.0
            layout.paint_block(painter, item, 0.0, y, height)
            y += height
        chart_height = min(layout.mm(CHART_HEIGHT_MM), float(page.height()))
        if y > 0 and y + chart_height > page.height():
            _new_page(writer, painter)
            y = 0.0
        paint_chart(painter, QRectF(0.0, y, float(page.width()), chart_height).toRect(), chart)
    finally:
        painter.end()


def _new_page(writer: QPagedPaintDevice, painter: QPainter) -> None:
    if not writer.newPage():
        raise OSError("could not add a PDF page")
    painter.setPen(QColor(Qt.GlobalColor.black))


def document_image(document: Document, *, dpi: int = 200) -> QImage:
    """A receipt as a white image of its paper (80 mm wide), for the docs' PNG renders;
    the same layout as :func:`write_pdf`'s receipt page."""
    dots_per_mm = dpi / _MM_PER_INCH
    margin = round(RECEIPT_MARGIN_MM * dots_per_mm)
    width = round(RECEIPT_WIDTH_MM * dots_per_mm)
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(dpi / 0.0254))
    probe.setDotsPerMeterY(round(dpi / 0.0254))
    layout = DocumentPainter(document, probe, float(width - 2 * margin), points=8.0)
    height = round(layout.height()) + 2 * margin
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(probe.dotsPerMeterX())
    image.setDotsPerMeterY(probe.dotsPerMeterY())
    image.fill(QColor(Qt.GlobalColor.white))
    layout = DocumentPainter(document, image, float(width - 2 * margin), points=8.0)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        layout.paint(painter, float(margin), float(margin))
    finally:
        painter.end()
    return image
