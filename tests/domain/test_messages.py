"""Every code the domain raises has Spanish and English text, and its params fill it."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest

import kiosk.domain
from kiosk.domain.amounts import AmountLimits, validate_amount
from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import normalize_line
from kiosk.domain.money import cents_to_pesos, format_pesos, parse_pesos
from kiosk.domain.payer import (
    DocumentType,
    PayerValidationError,
    PersonType,
    normalize_document,
    normalize_email,
    normalize_name,
    validate_payer,
)
from kiosk.messages import CATALOGUE, render_error
from kiosk.messages.domain import MESSAGES

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


GOOD_PAYER = (0, "CC", "1020304050", "Ana Pérez", "ana@correo.com", "3123456789")

# One way to trigger each code: the test below checks that together they cover every code.
SAMPLES: list[Callable[[], object]] = [
    lambda: parse_pesos(""),
    lambda: parse_pesos("diez"),
    lambda: parse_pesos("10,5"),
    lambda: parse_pesos("-100"),
    lambda: parse_pesos("1000.000"),
    lambda: parse_pesos("10#000"),
    lambda: parse_pesos("9" * 20),
    lambda: cents_to_pesos(150),
    lambda: normalize_line(""),
    lambda: normalize_line("312abc"),
    lambda: normalize_line("312*3456789"),
    lambda: normalize_line("+1 3123456789"),
    lambda: normalize_line("312 345"),
    lambda: normalize_line("31234567890"),
    lambda: normalize_line("6012345678"),
    lambda: validate_amount(500, AmountLimits()),
    lambda: validate_amount("200.000", AmountLimits()),
    lambda: validate_amount(3_000, AmountLimits(), fixed_amounts=(2_000, 5_000)),
    lambda: validate_payer(None, "CC", *GOOD_PAYER[2:]),
    lambda: validate_payer(9, "CC", *GOOD_PAYER[2:]),
    lambda: validate_payer(0, None, *GOOD_PAYER[2:]),
    lambda: validate_payer(0, "ZZ", *GOOD_PAYER[2:]),
    lambda: validate_payer(1, "CC", *GOOD_PAYER[2:]),
    lambda: normalize_document(DocumentType.CC, ""),
    lambda: normalize_document(DocumentType.CC, "12A45"),
    lambda: normalize_document(DocumentType.PP, "AB#123"),
    lambda: normalize_document(DocumentType.CC, "12"),
    lambda: normalize_document(DocumentType.CC, "0123456"),
    lambda: normalize_document(DocumentType.NIT, "800197268-"),
    lambda: normalize_document(DocumentType.NIT, "12-3"),
    lambda: normalize_document(DocumentType.NIT, "800197268-5"),
    lambda: normalize_name(""),
    lambda: normalize_name("Ana 2"),
    lambda: normalize_name("Tienda #1", PersonType.JURIDICAL),
    lambda: normalize_name("A"),
    lambda: normalize_name("A" * 61),
    lambda: normalize_email(""),
    lambda: normalize_email("ana@"),
]


def collect_errors() -> list[ValidationError]:
    errors: list[ValidationError] = []
    for sample in SAMPLES:
        with pytest.raises(ValidationError) as caught:
            sample()
        errors.append(caught.value)
        if isinstance(caught.value, PayerValidationError):
            errors.extend(caught.value.errors.values())
    return errors


ERRORS = collect_errors()


def test_the_samples_raise_every_code_in_the_source() -> None:
    raised = {error.code for error in ERRORS}
    assert raised == codes_in_source()


def test_every_domain_code_has_spanish_and_english_text() -> None:
    for code in codes_in_source():
        assert code in CATALOGUE, code
        assert MESSAGES[code]["es"].strip() and MESSAGES[code]["en"].strip(), code


def test_the_catalogue_holds_no_stale_error_codes() -> None:
    stale = {code for code in MESSAGES if not code.startswith(LABEL_PREFIXES)} - codes_in_source()
    assert not stale


def test_templates_use_only_params_their_errors_carry() -> None:
    carried: dict[str, set[str]] = {}
    for error in ERRORS:
        carried.setdefault(error.code, set()).update(error.params)
    for code, texts in MESSAGES.items():
        for language in ("es", "en"):
            fields = {name for _, name, _, _ in string.Formatter().parse(texts[language]) if name}
            assert fields <= carried.get(code, set()), (code, language, fields)


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: error.code)
@pytest.mark.parametrize("language", ["es", "en"])
def test_every_error_renders_with_its_params(error: ValidationError, language: str) -> None:
    template = CATALOGUE[error.code][language]
    expected = template.format(**error.params)  # raises if a placeholder has no param
    assert render_error(error, language) == expected
    assert "{" not in expected and "}" not in expected
    other = "en" if language == "es" else "es"
    assert expected != render_error(error, other)


def test_amounts_in_messages_are_formatted_pesos() -> None:
    by_code = {error.code: error for error in ERRORS}
    below = render_error(by_code["amount.below_minimum"], "es")
    assert format_pesos(1_500) in below
    above = render_error(by_code["amount.above_maximum"], "en")
    assert format_pesos(100_000) in above
    offered = render_error(by_code["amount.not_offered"], "es")
    for amount in (2_000, 3_000, 5_000):
        assert format_pesos(amount) in offered


def test_line_length_messages_give_the_digit_count_not_the_number() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_line("312 345 678")
    text = render_error(caught.value, "es")
    assert "9" in text and "10" in text
    assert "312345678" not in text and "312 345 678" not in text


def test_spanish_is_the_default_language() -> None:
    error = ERRORS[0]
    assert render_error(error) == CATALOGUE[error.code]["es"].format(**error.params)


def test_every_person_and_document_type_has_a_label() -> None:
    for person in PersonType:
        assert f"payer.person_type.{person.name.lower()}" in MESSAGES
    for kind in DocumentType:
        texts = MESSAGES[f"payer.document_type.{kind.value}"]
        assert texts["es"] and texts["en"]
