"""Time the QR builder and painter for a ~200-character checkout URL (a script, not a test).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python bench/bench_qr.py [--runs N]
Prints medians in milliseconds; compare ratios between machines, not absolute numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from bench.timing import median_ms
from kiosk.domain.qr import build_qr_matrix
from ui.qr_painter import paint_qr, qr_image, qr_png_bytes


def checkout_url() -> str:
    signature = hashlib.sha256(b"bench").hexdigest()
    return (
        "http://127.0.0.1:8765/p/?public-key=pub_test_kiosk&currency=COP"
        "&amount-in-cents=1000000&reference=K2QX7ABC"
        f"&signature:integrity={signature}&expiration-time=2026-11-25T18:30:00.000Z"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--size", type=int, default=600, help="image side in pixels")
    args = parser.parse_args()

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    url = checkout_url()
    matrix = build_qr_matrix(url)

    def paint_only() -> None:
        image = QImage(args.size, args.size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        paint_qr(painter, matrix, QRect(0, 0, args.size, args.size))
        painter.end()

    def paint_per_module() -> None:
        # The unmerged baseline: one fillRect per dark module, to show what merging runs saves.
        image = QImage(args.size, args.size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        module_px = args.size // (matrix.size + 8)
        for row, cells in enumerate(matrix.modules):
            for col, dark in enumerate(cells):
                if dark:
                    painter.fillRect(
                        QRect(col * module_px, row * module_px, module_px, module_px), 0
                    )
        painter.end()

    def dark_runs_uncached() -> None:
        type(matrix).dark_runs.func(matrix)

    results = {
        "build_qr_matrix": median_ms(lambda: build_qr_matrix(url), args.runs),
        "dark_runs (once/matrix)": median_ms(dark_runs_uncached, args.runs),
        f"paint_qr {args.size} px": median_ms(paint_only, args.runs),
        f"per-module {args.size} px": median_ms(paint_per_module, args.runs),
        f"qr_image {args.size} px": median_ms(lambda: qr_image(matrix, args.size), args.runs),
        f"qr_png_bytes {args.size} px": median_ms(
            lambda: qr_png_bytes(matrix, args.size), args.runs
        ),
    }
    print(
        f"URL {len(url)} chars -> version {matrix.version}, {matrix.size}x{matrix.size} "
        f"modules, {len(matrix.dark_runs)} dark runs; {args.runs} runs, Qt {app.platformName()}"
    )
    for name, value in results.items():
        print(f"{name:<24} median {value:7.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
