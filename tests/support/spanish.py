"""Is a text still the Spanish one? Every Spanish wording English translates differently
(read from ``resources/i18n/kiosk_en.ts``, and the Spanish plural forms of
``kiosk_es_CO.ts``), as a pattern whose ``{fields}`` and ``%n`` stand for any value.

Shared by the tests that switch a window to English and look for Spanish left on it
(tests/ui/test_every_screen_speaks_english.py, tests/ui/test_kiosk_screens_english.py,
tests/e2e/test_kiosk_sales.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from tests.ui.helpers import shown_texts

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
FIELD = re.compile(r"\{[a-z_]+\}|%n")
TAG = re.compile(r"<[^>]+>")


@cache
def spanish_templates() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each Spanish wording English replaces (sources and Spanish plural forms), as a pattern.

    A source that some context keeps as it is in English ("3XX XXX XXXX") is no Spanish."""
    wordings: set[str] = set()
    kept: set[str] = set()
    for message in ET.parse(I18N / "kiosk_en.ts").getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        english = [form.text or "" for form in translation.iter("numerusform")]
        english = english or [translation.text or ""]
        (kept if source in english else wordings).add(source)
    wordings -= kept
    for form in ET.parse(I18N / "kiosk_es_CO.ts").getroot().iter("numerusform"):
        wordings.add(form.text or "")
    templates = []
    for wording in sorted(wordings):
        literal = FIELD.sub("", wording)
        if sum(ch.isalpha() for ch in literal) < 4:
            continue  # "{a} · {b}": a layout, not words
        parts = [re.escape(part) for part in FIELD.split(wording.replace("&", ""))]
        templates.append((wording, re.compile(".*?".join(parts), re.DOTALL)))
    return tuple(templates)


def visible_words(window: QWidget) -> list[str]:
    """Every text shown in ``window`` (labels, buttons, placeholders, tool tips, accessible
    names, titles, the items of a visible combo box), mnemonics and rich-text tags removed."""
    texts = list(shown_texts(window).values())
    for combo in window.findChildren(QComboBox):
        if combo.isVisibleTo(window):
            texts += [combo.itemText(index) for index in range(combo.count())]
    # Mnemonics ("&Autorizo") and rich-text tags are not words a person reads.
    return [TAG.sub("", text).replace("&", "") for text in texts]


def spanish_left(window: QWidget, data: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(text, the Spanish wording it is) for every text shown in ``window`` that is Spanish
    (``data``, e.g. a store's name, aside)."""
    kept = set(data)
    return [
        (text, wording)
        for text in visible_words(window)
        if text not in kept
        for wording, pattern in spanish_templates()
        if pattern.fullmatch(text)
    ]
