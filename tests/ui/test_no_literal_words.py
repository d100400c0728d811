"""No word a person reads is written straight into a screen (issue 10: every word goes
through ``translate("Context", "Spanish source")``).

tests/support/spanish.py recognises Spanish by the ``.ts`` sources, so a word that never
went through ``translate()`` is invisible to it (and to the English screens test). This test
reads every module under ``ui/`` (its syntax tree, no app) and flags a string literal with a
letter in it that reaches what a person reads or hears:

* the text argument of ``setText``, ``setPlaceholderText``, ``setToolTip``,
  ``setAccessibleName``, ``setAccessibleDescription``, ``setWindowTitle``, ``setStatusTip``,
  ``setWhatsThis``, ``addItem``;
* the first argument (or ``text=``) of ``QLabel``, ``QPushButton``, ``QCheckBox``,
  ``QRadioButton``, ``QToolButton``, ``QGroupBox``.

Followed through: ``+``/``%``, ``a if c else b``, ``a or b``, f-strings (their literal
parts), a ``"...".format(...)`` template (placeholders such as ``{name}`` are not words) and
``"sep".join(...)``'s separator. Not flagged: anything inside ``translate(...)`` (or ``tr``),
literals given to another call (a lookup key, an object name), and the few words of
:data:`ALLOWED`, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"

#: Methods whose text argument a person reads or hears (the first, or ``addItem``'s text).
SETTERS = frozenset(
    {
        "setText",
        "setPlaceholderText",
        "setToolTip",
        "setAccessibleName",
        "setAccessibleDescription",
        "setWindowTitle",
        "setStatusTip",
        "setWhatsThis",
        "addItem",
    }
)
#: Widgets made with their text as the first argument (or ``text=``).
WIDGETS = frozenset(
    {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QToolButton", "QGroupBox"}
)
#: Calls whose arguments are the words' sources (extracted by lupdate, translated).
TRANSLATORS = frozenset({"translate", "tr", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})
#: Words written as they are, on purpose (the reason for each).
ALLOWED = {
    # The language switch names each language in its own language (issue 10, decision 8).
    "Español": "a language's own name, never translated",
    "English": "a language's own name, never translated",
    # The letter keyboard's key back to the letters shows the letters themselves.
    "abc": "the letter keyboard's key to its letters (the letters, in any language)",
    # A line's shape: the operator's prefix 3 and digits (X for a digit), not a word.
    "3XX XXX XXXX": "a Colombian mobile number's shape, not a word",
}
#: A format's placeholder: ``{name}``, ``{0:>5}``, ``%1``, ``%n``, ``%s``.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(\d+|n|s|d|L\d+)")


def _has_word(text: str) -> bool:
    return any(char.isalpha() for char in _PLACEHOLDER.sub("", text))


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def shown_literals(node: ast.expr) -> list[ast.Constant]:
    """The string literals of ``node`` that end up in the text as they are."""
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return [part for part in node.values if isinstance(part, ast.Constant)]
    if isinstance(node, ast.BinOp):
        return shown_literals(node.left) + shown_literals(node.right)
    if isinstance(node, ast.IfExp):
        return shown_literals(node.body) + shown_literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [found for value in node.values for found in shown_literals(value)]
    if isinstance(node, ast.Call):
        if _callee(node) in TRANSLATORS:
            return []
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in {"format", "join"}:
            # The template (its placeholders are not words) or the separator.
            return shown_literals(func.value)
    return []


def _text_arguments(node: ast.Call) -> list[ast.expr]:
    name = _callee(node)
    if isinstance(node.func, ast.Attribute) and name in SETTERS:
        return node.args[:1]  # addItem(text[, data]): its text first
    if name in WIDGETS:
        keyword = [kw.value for kw in node.keywords if kw.arg == "text"]
        return node.args[:1] + keyword
    return []


def literal_words(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: 'text' (call)`` for every literal word shown by ``source``'s calls."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        for argument in _text_arguments(node):
            for literal in shown_literals(argument):
                text = str(literal.value)
                if _has_word(text) and text not in ALLOWED:
                    found.append(f"{filename}:{literal.lineno}: {text!r} ({_callee(node)})")
    return found


def test_no_screen_shows_a_word_that_skips_translate() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 20, "the ui package was not found"
    found = [
        hit
        for path in modules
        for hit in literal_words(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == [], "words shown without translate():\n" + "\n".join(found)


def test_every_allowed_word_is_still_used() -> None:
    """An allow-list entry nothing uses any more is dropped (the list stays small)."""
    sources = "\n".join(path.read_text(encoding="utf-8") for path in UI.rglob("*.py"))
    unused = [word for word in ALLOWED if repr(word) not in sources and f'"{word}"' not in sources]
    assert unused == []


@pytest.mark.parametrize(
    "line",
    [
        'QLabel("Toque aquí para seguir")',
        'QPushButton("Pagar", self)',
        'label.setText("Sigo aquí")',
        'label.setText(f"Total: {amount}")',
        'label.setText("Hola " + name)',
        'label.setText(name or "Sin nombre")',
        'label.setText("Hola {name}".format(name=name))',
        'field.setPlaceholderText("Número de celular")',
        'button.setToolTip("Borrar")',
        'key.setAccessibleName("Borrar todo")',
        'key.setAccessibleDescription("Escriba el código")',
        'window.setWindowTitle("Quiosco")',
        'combo.addItem("Ninguna", None)',
        'QCheckBox(text="Acepto")',
    ],
)
def test_a_literal_word_is_caught(line: str) -> None:
    assert len(literal_words(line)) == 1, line


@pytest.mark.parametrize(
    "line",
    [
        'QLabel(translate("Attract", "Toque la pantalla"))',
        'label.setText(translate("Sale", "Total: {amount}").format(amount=pesos))',
        'label.setText(" · ".join(parts))',
        'label.setText(f"{reference} · {chain}")',
        'label.setText("{name} ({count})".format(name=name, count=count))',
        'field.setPlaceholderText("000000")',
        'button.setText("Español")',
        'label.setObjectName("attractTitle")',
        'label.setText(texts["Recarga"])',
        "label.setText(formats().pesos(10_000))",
        'combo.addItem(name, "claro")',
        'label.setText(self.tr("Hola"))',
    ],
)
def test_a_translated_or_neutral_text_passes(line: str) -> None:
    assert literal_words(line) == [], line
