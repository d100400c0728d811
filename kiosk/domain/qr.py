"""QR codes as data: build and validate the module matrix, and lay it out in whole pixels.

"A QR code is a matrix, then a painting": this module makes the matrix (which
can overflow) and the pure layout arithmetic; ``ui.qr_painter`` is the one
painter for the screen, the PNG and the receipt. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import qrcode
from qrcode import constants
from qrcode.exceptions import DataOverflowError

from kiosk.domain.errors import ValidationError

#: White border around the code, in modules, that scanners need (ISO/IEC 18004).
QUIET_ZONE_MODULES = 4

_ERROR_CORRECTION = {
    "L": constants.ERROR_CORRECT_L,
    "M": constants.ERROR_CORRECT_M,
    "Q": constants.ERROR_CORRECT_Q,
    "H": constants.ERROR_CORRECT_H,
}
ERROR_CORRECTION_LEVELS = tuple(_ERROR_CORRECTION)


@dataclass(frozen=True)
class QrMatrix:
    """The dark/light modules of one QR code, without quiet zone.

    ``modules[row][col]`` is True for a dark module. ``text`` is kept out of the
    repr: payment URLs carry signatures that need not end up in logs.
    """

    size: int
    modules: tuple[tuple[bool, ...], ...] = field(repr=False)
    text: str = field(repr=False)
    error_correction: str = "M"
    version: int = 0

    def __post_init__(self) -> None:
        if self.size < 1 or len(self.modules) != self.size:
            raise ValueError("QR matrix must be square and non-empty")
        if any(len(row) != self.size for row in self.modules):
            raise ValueError("QR matrix must be square")

    def is_dark(self, row: int, col: int) -> bool:
        return self.modules[row][col]

    @cached_property
    def dark_runs(self) -> tuple[tuple[int, int, int], ...]:
        """``(row, first_col, length)`` for each horizontal run of dark modules.

        Painters fill one rectangle per run instead of one per module, which
        is several times fewer calls; computed once per matrix.
        """
        runs: list[tuple[int, int, int]] = []
        for row_index, row in enumerate(self.modules):
            start = -1
            for col, dark in enumerate(row):
                if dark and start < 0:
                    start = col
                elif not dark and start >= 0:
                    runs.append((row_index, start, col - start))
                    start = -1
            if start >= 0:
                runs.append((row_index, start, self.size - start))
        return tuple(runs)


def build_qr_matrix(text: str, *, error_correction: str = "M") -> QrMatrix:
    """Encode ``text`` (UTF-8) in the smallest QR version that holds it.

    Raises :class:`ValidationError` ``qr.empty``, ``qr.not_text`` (text that
    cannot be UTF-8 encoded), ``qr.too_long`` (more than version 40 holds) or
    ``qr.error_correction`` (unknown level).
    """
    level = _ERROR_CORRECTION.get(error_correction)
    if level is None:
        raise ValidationError(
            "qr.error_correction",
            level=error_correction,
            allowed=ERROR_CORRECTION_LEVELS,
        )
    if not text:
        raise ValidationError("qr.empty")
    try:
        # Encode ourselves so a UnicodeEncodeError (a ValueError) cannot be
        # mistaken below for qrcode's version overflow, also a ValueError.
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("qr.not_text") from None

    code = qrcode.QRCode(border=0, error_correction=level)
    code.add_data(data)
    try:
        code.make(fit=True)
    except (DataOverflowError, ValueError):
        # qrcode 8 reports overflow as ValueError("Invalid version (was 41 ...)")
        # from best_fit, older releases as DataOverflowError.
        raise ValidationError("qr.too_long", length=len(data)) from None

    modules = tuple(tuple(bool(module) for module in row) for row in code.get_matrix())
    return QrMatrix(
        size=len(modules),
        modules=modules,
        text=text,
        error_correction=error_correction,
        version=code.version,
    )


def qr_layout(
    matrix_size: int, available_px: int, quiet_zone: int = QUIET_ZONE_MODULES
) -> tuple[int, int]:
    """Whole-pixel module size and centring offset for a code in ``available_px``.

    ``module_px`` is the largest integer for which the code plus its quiet zone
    fits, but at least 1 (a too small space then clips the quiet zone, which is
    better than painting nothing). ``offset_px`` is where the quiet zone starts;
    it is negative only when even 1 px modules do not fit.
    """
    if matrix_size < 1:
        raise ValueError("matrix_size must be at least 1")
    if quiet_zone < 0:
        raise ValueError("quiet_zone must not be negative")
    total_modules = matrix_size + 2 * quiet_zone
    module_px = max(1, available_px // total_modules)
    offset_px = (available_px - module_px * total_modules) // 2
    return module_px, offset_px


def qr_layout_rect(
    matrix_size: int, width_px: int, height_px: int, quiet_zone: int = QUIET_ZONE_MODULES
) -> tuple[int, int, int]:
    """``(module_px, x_offset, y_offset)`` for a square code centred in a width × height box."""
    module_px, _ = qr_layout(matrix_size, min(width_px, height_px), quiet_zone)
    side_px = module_px * (matrix_size + 2 * quiet_zone)
    return module_px, (width_px - side_px) // 2, (height_px - side_px) // 2
