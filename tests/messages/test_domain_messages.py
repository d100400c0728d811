"""Every code the domain raises has a message, its params fill it, and the words are data.

The catalogue holds Spanish sources only (no Qt here): that each of them also speaks
English, and what they look like once translated, is ``tests/test_translations.py``.
"""

from __future__ import annotations

import ast
import logging
import re
import string
from pathlib import Path

import pytest

import kiosk.domain
from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import normalize_line
from kiosk.domain.money import Pesos
from kiosk.domain.payer import DocumentType, PersonType
from kiosk.domain.text import Text
from kiosk.messages import CONTEXT, PLURAL, SOURCES, words, words_for
from kiosk.messages.domain import MESSAGES
from tests.messages.samples import BY_CODE, ERRORS

DOMAIN_MODULES = ("money", "lines", "amounts", "payer")
CODE = re.compile(r"(money|line|amount|payer)\.[a-z_]+")
LABEL_PREFIXES = ("payer.person_type.", "payer.document_type.")


def codes_in_source() -> set[str]:
    """Every string literal in the domain modules that is shaped like an error code."""
    folder = Path(kiosk.domain.__file__).parent
    found: set[str] = set()
    for module in DOMAIN_MODULES:
        tree = ast.parse((folder / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and CODE.fullmatch(node.value):
                found.add(node.value)
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_samples_raise_every_code_in_the_source() -> None:
    raised = {error.code for error in ERRORS}
    assert raised == codes_in_source()


def test_every_domain_code_has_a_message() -> None:
    for code in codes_in_source():
        assert SOURCES[code].strip(), code


def test_the_catalogue_holds_no_stale_error_codes() -> None:
    stale = {code for code in MESSAGES if not code.startswith(LABEL_PREFIXES)} - codes_in_source()
    assert not stale


def test_templates_use_only_params_their_errors_carry() -> None:
    carried: dict[str, set[str]] = {}
    for error in ERRORS:
        carried.setdefault(error.code, set()).update(error.params)
    for code, source in MESSAGES.items():
        assert fields(source) <= carried.get(code, set()), (code, fields(source))


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: error.code)
def test_every_error_has_words_with_its_params(error: ValidationError) -> None:
    said = words_for(error)
    assert (said.context, said.source) == (CONTEXT, SOURCES[error.code])
    assert dict(said.params) == error.params
    # A counted message gets its count; the others none.
    assert said.count == (error.params["count"] if PLURAL in said.source else None)


def test_grammar_of_counted_words_is_a_plural_source() -> None:
    """ "dato(s)" is not grammar: a source that counts holds %n and Qt picks its form."""
    for code, source in SOURCES.items():
        if re.search(r"\((s|es)\)", source):
            assert PLURAL in source, code
    for code, source in SOURCES.items():
        if PLURAL in source and code in BY_CODE:
            assert isinstance(BY_CODE[code].params.get("count"), int), code


def test_amounts_are_pesos_for_the_edge_to_write() -> None:
    """Money is a parameter of its own type, never text written by the core."""
    assert BY_CODE["amount.below_minimum"].params == {"minimum": Pesos(1_500)}
    assert type(BY_CODE["amount.below_minimum"].params["minimum"]) is Pesos
    assert type(BY_CODE["amount.above_maximum"].params["maximum"]) is Pesos
    offered = BY_CODE["amount.not_offered"].params
    assert type(offered["amount"]) is Pesos and offered["amount"] == 3_000
    assert offered["offered"] == (2_000, 5_000)
    assert all(type(amount) is Pesos for amount in offered["offered"])
    for error in ERRORS:
        for value in error.params.values():
            assert not (isinstance(value, str) and "$" in value), error


def test_line_length_messages_give_the_digit_count_not_the_number() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_line("312 345 678")
    assert caught.value.params == {"digits": 9, "expected": 10}


def test_an_unknown_code_gets_generic_words(caplog: pytest.LogCaptureFixture) -> None:
    said = words("nobody.knows", {"x": 1})
    assert said.context == CONTEXT
    assert "{code}" in said.source
    assert said.params == {"code": "nobody.knows"}
    assert "nobody.knows" in caplog.text


def test_an_error_not_of_the_core_is_unexpected_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="kiosk.messages"):
        said = words_for(ZeroDivisionError("boom"))
    assert said == Text(CONTEXT, SOURCES["sale.unexpected"])
    assert "ZeroDivisionError" in caplog.text


def test_every_person_and_document_type_has_a_label() -> None:
    for person in PersonType:
        assert MESSAGES[f"payer.person_type.{person.name.lower()}"]
    for kind in DocumentType:
        assert MESSAGES[f"payer.document_type.{kind.value}"]
