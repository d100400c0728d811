"""One way to raise each code of the domain (money, lines, amounts, the payer): the errors
themselves, for the tests of their words (here and in tests/test_translations.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.domain.amounts import AmountLimits, validate_amount
from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import normalize_line
from kiosk.domain.money import cents_to_pesos, parse_pesos
from kiosk.domain.payer import (
    DocumentType,
    PayerValidationError,
    PersonType,
    normalize_document,
    normalize_email,
    normalize_name,
    validate_payer,
)

GOOD_PAYER = (0, "CC", "1020304050", "Ana Pérez", "ana@correo.com", "3123456789")

# One way to trigger each code: tests/messages/test_domain_messages.py checks that together
# they cover every code.
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
BY_CODE = {error.code: error for error in ERRORS}
