"""Time the kiosk's two look switches on the whole window (a script, not a test).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python bench/kiosk_look.py [--runs N]

At the kiosk a tap on "English" retranslates every screen at once, and a tap on
"Letra grande" gives every text the stylesheet's size ×1.25: the kiosk puts the sheet's
font-size rules, scaled, on the window (``ui.style.apply_text_scale``); re-applying the
whole application sheet scaled (``apply_style(app, scale)``: the same fonts) is timed
too with ``--compare-app-sheet``. Setting the kiosk's look after ``setKioskMode`` (a
re-polish of the window) is timed as well. All run on a MainWindow in kiosk mode at
1280x800 with every screen built, the start screen shown with its switches. Prints
medians in milliseconds and each one's ratio to the language switch; compare ratios,
not numbers (machines differ).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

from bench.timing import median_ms
from kiosk.controllers.language import set_language
from ui.kiosk.look import KioskControls
from ui.main_window import build_main_window
from ui.style import (
    LARGE_TEXT_SCALE,
    apply_style,
    apply_text_scale,
    load_stylesheet,
    repolish,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--compare-app-sheet",
        action="store_true",
        help="also time apply_style(app, scale) (re-applying the application's sheet)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    set_language("es")

    window = build_main_window(sandbox=True, store_name="Tienda", kiosk_name="Quiosco 1")
    window.setCounterMode(False)
    window.setKioskMode(True)
    window.start.setKioskControls(KioskControls("start"))
    window.attract.setKioskControls(KioskControls("attract"))
    repolish(window)
    window.resize(1280, 800)
    window.show()
    window.show_start()
    app.processEvents()

    languages = iter(["en", "es"] * (args.runs + 2))
    scales = iter([LARGE_TEXT_SCALE, 1.0] * (args.runs + 2))

    def switch_language() -> None:
        set_language(next(languages))
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        app.processEvents()

    app_scales = iter([LARGE_TEXT_SCALE, 1.0] * (args.runs + 2))

    def larger_text_app() -> None:
        apply_text_scale(window, 1.0)  # no-op after the first: the window's sheet off
        apply_style(app, scale=next(app_scales))
        app.processEvents()

    def kiosk_repolish() -> None:
        repolish(window)
        app.processEvents()

    def read_sheet() -> None:
        load_stylesheet(LARGE_TEXT_SCALE)

    def larger_text_window() -> None:
        apply_text_scale(window, next(scales))
        app.processEvents()

    results = {
        "switch language (translators + every widget)": median_ms(switch_language, args.runs),
        "larger text on/off (the kiosk's: window's font rules)": median_ms(
            larger_text_window, args.runs
        ),
        "kiosk rules after setKioskMode (repolish)": median_ms(kiosk_repolish, args.runs),
        "read and scale the stylesheet only": median_ms(read_sheet, args.runs),
    }
    if args.compare_app_sheet:
        results["larger text on/off by apply_style(app, scale)"] = median_ms(
            larger_text_app, args.runs
        )
    base = results["switch language (translators + every widget)"]
    for step, ms in results.items():
        print(f"{step:<50} {ms:8.2f} ms  x{ms / base:5.2f}")
    print(f"widgets and objects in the window: {len(window.findChildren(QObject))}")
    apply_style(app)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
