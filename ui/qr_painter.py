"""The one QR painter, for the screen, the PNG and the receipt.

Modules are whole device pixels (no antialiasing, integer rectangles) with a
white quiet zone of ``QUIET_ZONE_MODULES`` around them, so the code stays crisp
at any size and any device pixel ratio. Layout arithmetic lives in ``kiosk.domain.qr``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.domain.qr import QUIET_ZONE_MODULES, QrMatrix, qr_layout_rect

_LIGHT = QColor(Qt.GlobalColor.white)
_DARK = QColor(Qt.GlobalColor.black)


@dataclass(frozen=True)
class QrGeometry:
    """Where a code is painted in a box, in device pixels (the one computation of the
    painter, :meth:`ui.widgets.qr_view.QrView.moduleSize` and ``paintedSide``)."""

    #: Device pixels per module.
    module_px: int
    #: Side of the code with its quiet zone.
    side_px: int
    #: The box, in device pixels (painting is clipped to it).
    box: QRect
    #: Top-left corner of the quiet zone's square.
    left: int
    top: int


def qr_geometry(matrix_size: int, rect: QRect, ratio: float = 1.0) -> QrGeometry | None:
    """The code's geometry for a ``matrix_size`` code centred in ``rect`` (logical pixels)
    on a device of pixel ratio ``ratio``; ``None`` when ``rect`` is empty."""
    left = round(rect.x() * ratio)
    top = round(rect.y() * ratio)
    width = round(rect.width() * ratio)
    height = round(rect.height() * ratio)
    if width <= 0 or height <= 0:
        return None
    module_px, x_offset, y_offset = qr_layout_rect(matrix_size, width, height)
    side_px = module_px * (matrix_size + 2 * QUIET_ZONE_MODULES)
    return QrGeometry(
        module_px=module_px,
        side_px=side_px,
        box=QRect(left, top, width, height),
        left=left + x_offset,
        top=top + y_offset,
    )


def paint_qr(painter: QPainter, matrix: QrMatrix, rect: QRect) -> None:
    """Paint ``matrix`` and its white quiet zone, centred in ``rect`` (logical pixels).

    Only the square of the code and its quiet zone is painted; the rest of
    ``rect`` is left to the caller's background.
    """
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        # Work in device pixels: on a 1.5x screen, whole logical pixels would
        # land on half device pixels and modules would come out uneven.
        ratio = device_pixel_ratio(painter)
        if ratio != 1.0:
            painter.scale(1.0 / ratio, 1.0 / ratio)
        geometry = qr_geometry(matrix.size, rect, ratio)
        if geometry is None:
            return
        module_px = geometry.module_px
        quiet_px = QUIET_ZONE_MODULES * module_px
        side_px = geometry.side_px
        # Clip to rect: in a too small space the quiet zone is cut, never the neighbours.
        painter.setClipRect(geometry.box, Qt.ClipOperation.IntersectClip)
        painter.fillRect(QRect(geometry.left, geometry.top, side_px, side_px), _LIGHT)

        code_left = geometry.left + quiet_px
        code_top = geometry.top + quiet_px
        for row, first_col, length in matrix.dark_runs:
            painter.fillRect(
                QRect(
                    code_left + first_col * module_px,
                    code_top + row * module_px,
                    length * module_px,
                    module_px,
                ),
                _DARK,
            )
    finally:
        painter.restore()


def qr_image(matrix: QrMatrix, size_px: int) -> QImage:
    """A ``size_px`` square white image with the code painted in it (for PNG and receipts)."""
    if size_px < 1:
        raise ValueError("size_px must be at least 1")
    image = QImage(size_px, size_px, QImage.Format.Format_RGB32)
    image.fill(_LIGHT)
    painter = QPainter(image)
    try:
        paint_qr(painter, matrix, QRect(0, 0, size_px, size_px))
    finally:
        painter.end()
    return image


def qr_png_bytes(matrix: QrMatrix, size_px: int) -> bytes:
    """PNG file content of :func:`qr_image`, for receipts built in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs type the format as bytes; Qt takes (and needs) the str "PNG".
    if not qr_image(matrix, size_px).save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("could not encode the QR code as PNG")
    buffer.close()
    return bytes(data.data())


def save_qr_png(matrix: QrMatrix, path: str | os.PathLike[str], size_px: int) -> None:
    """Write :func:`qr_image` to ``path`` as PNG; raises ``OSError`` if it cannot be written."""
    target = os.fspath(path)
    if not qr_image(matrix, size_px).save(target, "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write the QR code PNG to {target}")


def device_pixel_ratio(painter: QPainter) -> float:
    device = painter.device()
    return float(device.devicePixelRatioF()) if device is not None else 1.0
