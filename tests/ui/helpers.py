"""What the screen tests share: the store's names and the words a screen shows, to compare
them across a language switch."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget

STORE = "Tienda de prueba"
KIOSK = "Caja 9"


def speak(language: str) -> None:
    """Switch the app to ``language`` and let every widget retranslate (as on a counter,
    where the event loop delivers Qt's ``LanguageChange`` at once)."""
    from kiosk.controllers.language import set_language

    set_language(language)
    QApplication.processEvents()
    QApplication.sendPostedEvents()


def shown_texts(root: QWidget) -> dict[tuple[int, str], str]:
    """Every text a person sees (or a screen reader reads) in ``root``, by (widget, kind):
    labels, buttons, checkboxes, placeholders, tooltips, accessible names and window titles.
    Keys stay the same across a language switch (the same widgets), so two calls compare."""
    found: dict[tuple[int, str], str] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        key = id(widget)
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            found[(key, "text")] = widget.text()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            found[(key, "placeholder")] = widget.placeholderText()
        if widget.toolTip():
            found[(key, "toolTip")] = widget.toolTip()
        if widget.accessibleName():
            found[(key, "accessibleName")] = widget.accessibleName()
        if widget.accessibleDescription():
            found[(key, "accessibleDescription")] = widget.accessibleDescription()
        if widget.isWindow() and widget.windowTitle():
            found[(key, "windowTitle")] = widget.windowTitle()
    return found


#: Texts the same in every language: patterns and keys, not words.
NEUTRAL_TEXTS = frozenset({"3XX XXX XXXX", "000000", "F1", "F2", "F3", "PIN"})


def assert_all_translated(
    spanish: dict[tuple[int, str], str],
    english: dict[tuple[int, str], str],
    data: Iterable[str] = (),
) -> None:
    """Every Spanish text shown changed in English, except ``data`` (the provider's pack
    names, a masked line, units like "3 GB · 200 min": words nobody translates)."""
    kept = NEUTRAL_TEXTS | set(data)
    assert spanish.keys() == english.keys(), "the same widgets show text in both languages"
    same = [
        text
        for key, text in spanish.items()
        if english[key] == text and text not in kept and any(c.isalpha() for c in text)
    ]
    assert not same, f"still in Spanish after switching to English: {same}"


# -- words by widget path (the sale screens) ----------------------------------------


def _path(widget: QWidget, root: QWidget) -> str:
    """A name for ``widget`` that survives a retranslation (object name, else its place)."""
    parts = []
    while widget is not None and widget is not root:
        name = widget.objectName()
        if not name:
            parent = widget.parentWidget()
            siblings = parent.findChildren(
                type(widget), "", Qt.FindChildOption.FindDirectChildrenOnly
            )
            name = f"{type(widget).__name__}[{siblings.index(widget)}]"
        parts.append(name)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def visible_words(root: QWidget) -> dict[tuple[str, str], str]:
    """Every text a person sees (or hears) on ``root``: labels, buttons, combo box items,
    placeholders, accessible names and descriptions, tooltips, of the widgets shown."""
    words: dict[tuple[str, str], str] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        key = _path(widget, root)
        found: dict[str, str] = {
            "accessibleName": widget.accessibleName(),
            "accessibleDescription": widget.accessibleDescription(),
            "toolTip": widget.toolTip(),
        }
        if isinstance(widget, QLabel):
            found["text"] = widget.text()
        if isinstance(widget, QAbstractButton):
            found["text"] = widget.text()
        if isinstance(widget, QLineEdit):
            found["placeholder"] = widget.placeholderText()
        if isinstance(widget, QComboBox):
            found.update({f"item{i}": widget.itemText(i) for i in range(widget.count())})
        words.update({(key, kind): text for kind, text in found.items() if text.strip()})
    return words


def assert_words_translated(
    spanish: dict[tuple[str, str], str], english: dict[tuple[str, str], str], data: set[str]
) -> None:
    """The same things show in both languages, and none of the words (``data`` aside:
    lines, references, bank names…) still says its Spanish."""
    assert english.keys() == spanish.keys()
    same = {key: text for key, text in spanish.items() if english[key] == text and text not in data}
    assert not same, f"still in Spanish after switching to English: {same}"


#: What the sale screens show that is data, not words: lines, the operator, the reference.
SPANISH_DATA = {
    "312 345 6789",
    "315 987 6543",
    "Claro",
    "K1-000123",
    "Referencia: K1-000123",
}
