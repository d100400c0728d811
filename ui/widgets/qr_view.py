"""QrView: the payment QR on screen, scaled to the space it has and crisp at any size."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.controllers.language import translate
from kiosk.domain.errors import ValidationError
from kiosk.domain.qr import QUIET_ZONE_MODULES, QrMatrix, build_qr_matrix
from ui.qr_painter import QrGeometry, paint_qr, qr_geometry

#: Scanners need at least about 2 device pixels per module.
_MIN_MODULE_PX = 2
#: Comfortable size on a counter screen.
_PREFERRED_MODULE_PX = 4
#: A checkout URL of ~230 characters makes a 61-module code (version 11, level M);
#: sizing the empty view like it keeps the screen from jumping when the QR arrives.
_TYPICAL_MODULES = 61


@lru_cache(maxsize=16)
def _matrix_for(text: str, error_correction: str) -> QrMatrix:
    # Screens set the same URL again on every state change; build it once.
    return build_qr_matrix(text, error_correction=error_correction)


class QrView(QWidget):
    """Shows a QR code for ``text()``, or a plain placeholder while there is none.

    Its accessible name and description (never the URL) and the default placeholder
    follow the current language; a placeholder set by the caller stays as given.

    ``setSquare(True)``: as tall as it is wide (a layout that stacks it over other
    widgets gives it a square, the rest to them).

    Queries: ``text()``, ``matrix()``, ``moduleSize()`` (device pixels per module as
    painted now; 0 without a code), ``paintedSide()`` (device pixels of the code with its
    quiet zone; 0 without a code) — both from :func:`ui.qr_painter.qr_geometry`, the
    painter's own computation. Object name: ``qrView``.
    """

    def __init__(self, parent: QWidget | None = None, *, error_correction: str = "M") -> None:
        super().__init__(parent)
        self._error_correction = error_correction
        self._matrix: QrMatrix | None = None
        #: The caller's placeholder; None shows the default one, in the current language.
        self._custom_placeholder: str | None = None
        self.setObjectName("qrView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(translate("QrView", "Código QR para pagar con su celular"))
        self._update_description()
        if self._matrix is None:
            self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- content -------------------------------------------------------------

    def text(self) -> str:
        return self._matrix.text if self._matrix is not None else ""

    def matrix(self) -> QrMatrix | None:
        return self._matrix

    def setText(self, text: str) -> None:
        """Show a QR for ``text``; an empty text shows the placeholder.

        Raises :class:`ValidationError` (``qr.too_long``, ...) when ``text``
        cannot be encoded; the view is cleared first so a previous sale's QR
        never stays on screen.
        """
        if not text:
            self.clear()
            return
        if self._matrix is not None and self._matrix.text == text:
            return
        try:
            matrix = _matrix_for(text, self._error_correction)
        except ValidationError:
            self.clear()
            raise
        self.setMatrix(matrix)

    def setMatrix(self, matrix: QrMatrix | None) -> None:
        if matrix is self._matrix:
            return
        self._matrix = matrix
        self._update_description()
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.setMatrix(None)

    def placeholderText(self) -> str:
        if self._custom_placeholder is not None:
            return self._custom_placeholder
        return translate("QrView", "El código QR para pagar aparecerá aquí en un momento.")

    def setPlaceholderText(self, text: str | None) -> None:
        """Show ``text`` while there is no code; ``None`` brings back the default."""
        self._custom_placeholder = text
        self._update_description()
        if self._matrix is None:
            self.update()

    # -- geometry --------------------------------------------------------------

    def setSquare(self, square: bool) -> None:
        policy = self.sizePolicy()
        policy.setHeightForWidth(square)
        policy.setVerticalPolicy(
            QSizePolicy.Policy.Preferred if square else QSizePolicy.Policy.Expanding
        )
        self.setSizePolicy(policy)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return self.sizePolicy().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return width if self.hasHeightForWidth() else super().heightForWidth(width)

    def minimumSizeHint(self) -> QSize:
        side = self._side_for(_MIN_MODULE_PX)
        return QSize(side, side)

    def sizeHint(self) -> QSize:
        side = self._side_for(_PREFERRED_MODULE_PX)
        return QSize(side, side)

    def _side_for(self, module_px: int) -> int:
        modules = self._matrix.size if self._matrix is not None else _TYPICAL_MODULES
        # Hints are logical pixels; the painter needs whole device pixels per module.
        ratio = max(1.0, self.devicePixelRatioF())
        return math.ceil((modules + 2 * QUIET_ZONE_MODULES) * module_px / ratio)

    def moduleSize(self) -> int:
        """Device pixels per module, as :meth:`paintEvent` paints the code now (0: none)."""
        geometry = self._geometry()
        return geometry.module_px if geometry is not None else 0

    def paintedSide(self) -> int:
        """Device pixels of the painted code, quiet zone included (0: none)."""
        geometry = self._geometry()
        return geometry.side_px if geometry is not None else 0

    def _geometry(self) -> QrGeometry | None:
        if self._matrix is None:
            return None
        return qr_geometry(self._matrix.size, self.rect(), self.devicePixelRatioF())

    # -- painting --------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self._matrix is not None:
                paint_qr(painter, self._matrix, self.rect())
            else:
                self._paint_placeholder(painter)
        finally:
            painter.end()

    def _paint_placeholder(self, painter: QPainter) -> None:
        side = min(self.width(), self.height())
        square = QRect(0, 0, side, side)
        square.moveCenter(self.rect().center())
        frame = QPen(self.palette().color(QPalette.ColorRole.Mid))
        frame.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(frame)
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        margin = max(4, side // 12)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            square.adjusted(margin, margin, -margin, -margin),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            self.placeholderText(),
        )

    def _update_description(self) -> None:
        # Never the URL itself: a screen reader would spell out a signature.
        if self._matrix is not None:
            description = translate(
                "QrView", "Escanee este código con la cámara de su celular para pagar."
            )
        else:
            description = self.placeholderText()
        self.setAccessibleDescription(description)
