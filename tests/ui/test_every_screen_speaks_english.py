"""After switching to English, no visible text on any screen still says its Spanish source.

Every screen is set up as the README's screenshots show it (the scenes of
``tools/screenshots.py``: the same list, so a new screen there is checked here), in
Spanish; then the app switches to English and every visible text (labels, buttons,
check boxes, placeholders, combo box items, tool tips, accessible names, titles) is
compared with every Spanish source of the translation files that English translates
differently, its ``{fields}`` and ``%n`` standing for any value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.store_float import Money
from tests.support.spanish import FIELD as _FIELD
from tests.support.spanish import spanish_left
from tests.support.tools import load_tool
from tests.ui.helpers import KIOSK, NEUTRAL_TEXTS, STORE, shown_texts, speak
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


SHOTS = load_tool("screenshots")


def _spanish_left(window: QWidget) -> list[tuple[str, str]]:
    return spanish_left(window, SAMPLE_DATA)


def _scenes(window: MainWindow) -> list[tuple[str, Callable[[], None]]]:
    return list(SHOTS.scenes(window))


#: Sample data the scenes show (provider pack names, banks, store, people): not translated.
SAMPLE_DATA = (
    {STORE, KIOSK, f"{STORE} · {KIOSK}", "Claro", "Movistar", "Claro Colombia"}
    | NEUTRAL_TEXTS
    | {pack.name for pack in SHOTS.sample_packs()}
    | {pack.description for pack in SHOTS.sample_packs() if pack.description}
    | {name for _code, name in SHOTS.BANKS}
    | {"María Fernanda Gómez", "maria.gomez@correo", "1020304050"}
)


def _scene_names() -> list[str]:
    """The scenes' names, read without building a window (parametrisation runs first)."""
    source = (ROOT / "tools" / "screenshots.py").read_text(encoding="utf-8")
    return re.findall(r'\("(\d\d-[a-z-]+\.png)", ', source)


@pytest.mark.parametrize("scene_name", _scene_names())
def test_no_screen_still_speaks_spanish_after_the_switch(
    qtbot: object, window: MainWindow, scene_name: str
) -> None:
    window.resize(1024, 768)
    window.show()
    window.setFloat(Money(Decimal("1234.56"), "USD"))  # the status bar's words too
    scene = dict(_scenes(window))[scene_name]
    scene()
    QApplication.processEvents()
    spanish = shown_texts(window)
    # The detector sees Spanish where there is Spanish (or this test could never fail).
    assert _spanish_left(window), f"{scene_name}: no Spanish source recognised in Spanish"

    speak("en")
    english = shown_texts(window)
    assert _spanish_left(window) == [], f"{scene_name}: Spanish left after switching"
    # And every text that is words, not data, changed (widgets rebuilt by a switch aside).
    data = SAMPLE_DATA | _data_shown(window)
    same = [
        text
        for key, text in spanish.items()
        if english.get(key) == text and text not in data and any(c.isalpha() for c in text)
    ]
    assert same == [], f"{scene_name}: unchanged after switching to English"

    speak("es")
    back = shown_texts(window)
    assert sorted(back.values()) == sorted(spanish.values()), f"{scene_name}: Spanish not back"


def _data_shown(window: MainWindow) -> set[str]:
    """Texts that are data in this window whatever the language: numbers, lines, references,
    allowances ("3 GB · 200 min"), a masked line, a QR's URL."""
    return {
        text
        for text in shown_texts(window).values()
        if not re.search(r"[A-Za-zÁÉÍÓÚáéíóúñÑ]{3,}", _FIELD.sub("", text))
        or text.startswith(("http://", "https://", "K1-"))
        or re.fullmatch(r"[\d\s.,·GBMbmin]+", text)
    }
