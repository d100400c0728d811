"""Time a language switch of the whole window (a script, not a test).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python bench/bench_language.py [--runs N]

A kiosk switches language with a tap on its start screen: every screen of the window
(all eight are built) retranslates at once on Qt's ``LanguageChange``. Prints medians
in milliseconds for building the window, loading the translators alone, and a full
switch (translators plus every widget's retranslation); compare ratios, not numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from bench.timing import median_ms
from kiosk.controllers.language import set_language
from ui.main_window import build_main_window
from ui.style import apply_style


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    set_language("es")

    def build() -> None:
        window = build_main_window(sandbox=True, store_name="Tienda", kiosk_name="Caja 1")
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    window = build_main_window(sandbox=True, store_name="Tienda", kiosk_name="Caja 1")
    window.resize(1024, 768)
    window.show()
    languages = iter(["en", "es"] * (args.runs + 2))

    def load_only() -> None:
        set_language(next(languages))
        # The LanguageChange events stay queued: drop them unhandled for this measure.
        QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)

    def switch() -> None:
        set_language(next(languages))
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        app.processEvents()

    results = {
        "build the window (8 screens)": median_ms(build, args.runs),
        "load the translators only": median_ms(load_only, args.runs),
        "switch language (translators + every widget)": median_ms(switch, args.runs),
    }
    widgets = len(window.findChildren(object))
    for step, ms in results.items():
        print(f"{step:<48} {ms:8.2f} ms")
    print(f"widgets and objects in the window: {widgets}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
