"""The translation files are complete, and the core's words come out in the language chosen.

The core's catalogue (context ``messages``) and the CLI (``cli``) are translated through
Qt (``kiosk.controllers.language``) with the committed ``.qm`` files: English for every
code, and in Spanish today's wording, money as ``$ 1.500`` there and ``COP 1,500`` here.
"""

from __future__ import annotations

import shutil
import string
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.controllers.language import describe, set_language, text, translate
from kiosk.domain.errors import JournalError, ValidationError
from kiosk.domain.formats import ENGLISH, SPANISH
from kiosk.domain.money import Pesos
from kiosk.messages import CONTEXT, PLURAL, SOURCES, words
from tests.messages.samples import BY_CODE
from tests.support.tools import load_tool

ROOT = Path(__file__).resolve().parents[1]
#: The contexts whose words this house's core owns (the screens have theirs).
CORE_CONTEXTS = ("messages", "cli")
NBSP = "\u00a0"


i18n = load_tool("i18n")


@pytest.fixture
def speaking(qapp: Any) -> Iterator[Any]:
    """``speaking("en")`` switches the app's language; Spanish is back after the test."""
    yield set_language
    set_language("es")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Parameters as the raise sites pass them: the domain's own samples, and these.
SAMPLE_PARAMS: dict[str, dict[str, Any]] = {
    "journal.cli.tampered": {"problem": words("journal.entry_deleted", {"seq": 3})},
    "journal.cli.intact": {
        "entries": words("journal.cli.entries", {"count": 2}),
        "sales": words("journal.cli.sales", {"count": 1}),
        "last_hash": "ab12cd34",
    },
    "journal.cli.purged": {"count": 1, "cutoff": datetime(2025, 12, 31, 23, 45, tzinfo=UTC)},
}


def sample_params(code: str) -> dict[str, Any]:
    if code in BY_CODE:
        return dict(BY_CODE[code].params)
    if code in SAMPLE_PARAMS:
        return SAMPLE_PARAMS[code]
    params: dict[str, Any] = {name: f"<{name}>" for name in fields(SOURCES[code])}
    if PLURAL in SOURCES[code]:
        params["count"] = 2
    return params


def _fresh_translations(folder: Path) -> dict[str, Path]:
    """The committed .ts files brought up to date with today's sources (not written back)."""
    for path in i18n.TARGETS.values():
        shutil.copy(path, folder / path.name)
    i18n.update(folder)
    return {language: folder / path.name for language, path in i18n.TARGETS.items()}


def test_no_ts_entry_is_unfinished_or_missing_in_english() -> None:
    # Re-extracts the sources: a new text not in the .ts files fails too.
    assert i18n.check() == []


def test_the_cores_and_the_clis_words_are_all_translated(tmp_path: Path) -> None:
    fresh = _fresh_translations(tmp_path)
    left = [
        f"{path.name}: {entry}"
        for path in fresh.values()
        for entry in i18n.unfinished(path)
        if entry.split(":")[0] in CORE_CONTEXTS
    ]
    # A source missing from the committed files shows up here as unfinished too.
    assert left == []


@pytest.mark.parametrize("code", sorted(SOURCES))
def test_every_code_speaks_english(code: str, speaking: Any) -> None:
    source = SOURCES[code]
    params = sample_params(code)
    speaking("es")
    spanish = text(words(code, params))
    speaking("en")
    count = params.get("count", -1) if PLURAL in source else -1
    english = translate(CONTEXT, source, None, count)
    assert english != source
    # Its fields are the ones the raise sites pass: nothing is left unfilled.
    assert fields(english) <= set(params), fields(english)
    said = text(words(code, params))
    assert said.strip() and said != spanish
    assert "{" not in said and "}" not in said and PLURAL not in said, said


@pytest.mark.parametrize("language", ["en", "es"])
def test_money_is_written_as_the_language_writes_it(language: str, speaking: Any) -> None:
    speaking(language)
    formats = ENGLISH if language == "en" else SPANISH
    below = text(words("amount.below_minimum", BY_CODE["amount.below_minimum"].params))
    assert formats.pesos(1_500) in below
    offered = text(words("amount.not_offered", BY_CODE["amount.not_offered"].params))
    assert f"{formats.pesos(2_000)}, {formats.pesos(5_000)}" in offered
    assert formats.pesos(3_000) in offered
    if language == "en":
        assert f"COP{NBSP}1,500" in below
    else:
        assert below == f"El valor mínimo es ${NBSP}1.500. Escriba un valor igual o mayor."


# Counted words have forms of their own (below); words within words are the CLI's tests'.
TODAYS = sorted(
    code for code in SOURCES if PLURAL not in SOURCES[code] and code not in SAMPLE_PARAMS
)


@pytest.mark.parametrize("code", TODAYS)
def test_spanish_is_todays_wording(code: str, speaking: Any) -> None:
    speaking("es")
    params = sample_params(code)
    shown = {
        name: SPANISH.pesos(value) if isinstance(value, Pesos) else value
        for name, value in params.items()
    }
    if "offered" in shown:
        shown["offered"] = ", ".join(SPANISH.pesos(amount) for amount in params["offered"])
    assert text(words(code, params)) == SOURCES[code].format(**shown)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        (
            "es",
            "Hay 1 dato del pagador por corregir. Revise el campo marcado e inténtelo de nuevo.",
            "Hay 2 datos del pagador por corregir. Revise los campos marcados e inténtelo "
            "de nuevo.",
        ),
        (
            "en",
            "1 payer field needs correcting. Check the marked field and try again.",
            "2 payer fields need correcting. Check the marked fields and try again.",
        ),
    ],
)
def test_counted_words_take_their_plural_form(
    language: str, one: str, two: str, speaking: Any
) -> None:
    speaking(language)
    assert text(words("payer.invalid", {"fields": ("email",), "count": 1})) == one
    assert text(words("payer.invalid", {"fields": ("email", "phone"), "count": 2})) == two
    sales = [text(words("journal.cli.sales", {"count": n})) for n in (0, 1, 7)]
    counted = {"es": ["0 ventas", "1 venta", "7 ventas"], "en": ["0 sales", "1 sale", "7 sales"]}
    assert sales == counted[language]


def test_a_moment_in_a_message_is_written_in_the_language(speaking: Any) -> None:
    params = SAMPLE_PARAMS["journal.cli.purged"]
    speaking("en")
    assert "stored before Dec 31, 2025 18:45" in text(words("journal.cli.purged", params))
    speaking("es")
    assert "guardadas antes del 31/12/2025 18:45" in text(words("journal.cli.purged", params))


def test_describe_speaks_the_current_language(speaking: Any) -> None:
    missing = JournalError("journal.no_such_sale", reference="K1")
    speaking("en")
    assert describe(missing) == "Sale K1 is not in the journal. Check the reference."
    assert describe(RuntimeError("boom")).startswith("Something unexpected went wrong.")
    assert "Unexpected error (nobody.knows)" in describe(ValidationError("nobody.knows"))
    speaking("es")
    assert describe(missing) == "No existe la venta K1 en el diario. Revise la referencia."
