"""Fixtures for the screens: a styled app, the main window as the counter builds it, sample data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk.domain.catalogue import Pack
from ui.main_window import MainWindow, build_main_window
from ui.style import apply_style

STORE = "Tienda de prueba"
KIOSK = "Caja 9"


@pytest.fixture
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The kiosk stylesheet for one test (sizes depend on it), then the app as it was."""
    previous_style = qapp.style().name()
    previous_sheet = qapp.styleSheet()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(previous_sheet)
    qapp.setStyle(previous_style)


@pytest.fixture
def window(qtbot, styled_app: QApplication) -> MainWindow:
    main = build_main_window(sandbox=True, store_name=STORE, kiosk_name=KIOSK)
    qtbot.addWidget(main)
    return main


@pytest.fixture
def shown_window(qtbot, window: MainWindow) -> MainWindow:
    """The window shown and active, so focus and window shortcuts behave as on a counter."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def child(parent: QWidget, kind: type[QObject], name: str) -> QObject:
    """The child called ``name`` (object names are the contract of docs/OBJECT_NAMES.md)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


@pytest.fixture
def packs() -> list[Pack]:
    return [
        Pack(10_000, "Todo incluido 7 días", data_mb=3_072, minutes=100_000,
             apps=("WhatsApp", "Facebook"), validity_days=7, sample_price=True),
        Pack(20_000, "Datos 15 días", data_mb=6_144, minutes=200, validity_days=15),
        Pack(4_000, "Bolsa de datos", description="800 MB para navegar durante 5 días."),
    ]  # fmt: skip


# -- languages ---------------------------------------------------------------------------


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
NEUTRAL_TEXTS = frozenset({"3XX XXX XXXX", "000000", "F1", "F2", "F3"})


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
