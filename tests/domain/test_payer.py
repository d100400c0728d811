"""PSE payer data: person and document types, NIT check digit, name, email, phone."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.payer import (
    DOCUMENT_RULES,
    PAYER_FIELDS,
    DocumentType,
    PayerData,
    PayerValidationError,
    PersonType,
    nit_check_digit,
    normalize_document,
    normalize_email,
    normalize_name,
    validate_payer,
)

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NON_NIT_TYPES = [kind for kind in DocumentType if kind is not DocumentType.NIT]


def reference_check_digit(base: str) -> int:
    """DIAN's formula written out by hand, as the published description reads."""
    weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]
    total = 0
    for position, digit in enumerate(reversed(base)):
        total += int(digit) * weights[position]
    remainder = total % 11
    if remainder == 0 or remainder == 1:
        return remainder
    return 11 - remainder


def error_of(call: Callable[..., object], *args: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return caught.value


# --- NIT -------------------------------------------------------------------


@pytest.mark.parametrize(
    "published",
    [
        "800197268-4",  # DIAN
        "860034313-7",  # Banco Davivienda
        "899999068-1",  # Ecopetrol
        "890903938-8",  # Bancolombia
    ],
)
def test_published_nits_have_their_published_check_digit(published: str) -> None:
    base, check = published.split("-")
    assert nit_check_digit(base) == int(check)
    assert normalize_document(DocumentType.NIT, published) == base + check


def test_check_digit_worked_by_hand() -> None:
    # 800197268: from the right 8*3 + 6*7 + 2*13 + 7*17 + 9*19 + 1*23 + 0*29 + 0*37 + 8*41
    # = 24 + 42 + 26 + 119 + 171 + 23 + 0 + 0 + 328 = 733; 733 % 11 = 7; 11 - 7 = 4.
    assert nit_check_digit("800197268") == 4
    # 900123456: 6*3 + 5*7 + 4*13 + 3*17 + 2*19 + 1*23 + 0 + 0 + 9*41 = 586; 586 % 11 = 3 -> 8.
    assert nit_check_digit("900123456") == 8


@given(st.text(DIGITS, min_size=1, max_size=15))
def test_check_digit_matches_the_formula(base: str) -> None:
    assert nit_check_digit(base) == reference_check_digit(base)


@pytest.mark.parametrize("bad", ["", "12a", "1" * 16, "１２３"])
def test_check_digit_of_a_bad_base_is_a_programming_error(bad: str) -> None:
    with pytest.raises(ValueError):
        nit_check_digit(bad)


@st.composite
def nits(draw: st.DrawFn) -> tuple[str, str]:
    """A valid NIT as digits and as a clerk might type it."""
    base = draw(st.sampled_from("123456789")) + draw(st.text(DIGITS, min_size=2, max_size=14))
    check = str(reference_check_digit(base))
    # Group the base by thousands with dots or spaces, or not at all.
    separator = draw(st.sampled_from(["", ".", " "]))
    groups = []
    rest = base
    while rest:
        groups.insert(0, rest[-3:])
        rest = rest[:-3]
    written = separator.join(groups)
    dash = draw(st.sampled_from(["-", " - ", "", "-"]))
    return base + check, f"{written}{dash}{check}"


@given(nits())
def test_every_valid_nit_normalises_to_base_and_check_digit(case: tuple[str, str]) -> None:
    digits, typed = case
    assert normalize_document(DocumentType.NIT, typed) == digits
    assert normalize_document("nit", typed) == digits


@given(nits(), st.integers(1, 10))
def test_a_wrong_check_digit_is_refused(case: tuple[str, str], shift: int) -> None:
    digits, _ = case
    wrong = (int(digits[-1]) + shift) % 11
    if wrong == 10:
        return  # no digit to write
    error = error_of(normalize_document, DocumentType.NIT, f"{digits[:-1]}-{wrong}")
    assert error.code == "payer.nit_check_digit"
    assert error.params == {}


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("800197268-", "payer.nit_format"),
        ("-4", "payer.nit_format"),
        ("800197268-44", "payer.nit_format"),
        ("800-197268-4", "payer.nit_format"),
        ("800197268-A", "payer.document_digits_only"),
        ("80019726B-4", "payer.document_digits_only"),
        ("800197268/4", "payer.document_chars"),
        ("12-3", "payer.nit_length"),
        ("1234567890123456-7", "payer.nit_length"),
        ("0800197268-4", "payer.document_leading_zero"),
        ("800197268", "payer.nit_check_digit"),  # typed without its check digit
        ("", "payer.document_empty"),
    ],
)
def test_nit_errors(typed: str, code: str) -> None:
    assert error_of(normalize_document, DocumentType.NIT, typed).code == code


# --- other documents ----------------------------------------------------------


@st.composite
def valid_documents(draw: st.DrawFn) -> tuple[DocumentType, str, str]:
    kind = draw(st.sampled_from(NON_NIT_TYPES))
    rule = DOCUMENT_RULES[kind]
    alphabet = DIGITS if rule.digits_only else DIGITS + UPPER
    number = draw(st.text(alphabet, min_size=rule.min_length, max_size=rule.max_length))
    if rule.no_leading_zero and number[0] == "0":
        number = "1" + number[1:]
    # Decorate: dots or spaces between some characters, lower case, outer spaces.
    typed = "".join(ch + draw(st.sampled_from(["", "", ".", " ", "-"])) for ch in number)
    if not rule.digits_only and draw(st.booleans()):
        typed = typed.lower()
    return kind, number, f" {typed.strip(' .-')} "


@given(valid_documents())
def test_every_valid_document_normalises(case: tuple[DocumentType, str, str]) -> None:
    kind, number, typed = case
    assert normalize_document(kind, typed) == number
    assert normalize_document(kind.value.lower(), typed) == number


@given(st.sampled_from(NON_NIT_TYPES), st.data())
def test_wrong_length_names_the_limits(kind: DocumentType, data: st.DataObject) -> None:
    rule = DOCUMENT_RULES[kind]
    length = data.draw(
        st.one_of(st.integers(1, rule.min_length - 1), st.integers(rule.max_length + 1, 40))
    )
    error = error_of(normalize_document, kind, "1" * length)
    assert error.code == "payer.document_length"
    assert error.params == {
        "document_type": kind.value,
        "minimum": rule.min_length,
        "maximum": rule.max_length,
        "length": length,
    }


@given(
    st.sampled_from([k for k in NON_NIT_TYPES if DOCUMENT_RULES[k].digits_only] + ["NIT"]),
    st.text(st.characters(categories=["L"]), min_size=1, max_size=3),
)
def test_letters_in_a_digits_only_document(kind: str, letters: str) -> None:
    error = error_of(normalize_document, kind, "1234" + letters + "5678")
    assert error.code == "payer.document_digits_only"


@given(st.sampled_from(list(DocumentType)), st.sampled_from([*"#*/,;_:@!?'\"+", "Ñ", "١"]))
def test_symbols_in_any_document(kind: DocumentType, symbol: str) -> None:
    code = error_of(normalize_document, kind, "1234" + symbol + "5678").code
    if kind.value in {"CC", "TI", "NIT"} and symbol.isalpha():
        assert code == "payer.document_digits_only"
    else:
        assert code == "payer.document_chars"


def test_no_sneaking_letters_through_upper_case() -> None:
    # "ß".upper() is "SS": the check must come before upper-casing.
    assert error_of(normalize_document, DocumentType.PP, "AB123ß45").code == "payer.document_chars"


@pytest.mark.parametrize("kind", [k for k in DocumentType if DOCUMENT_RULES[k].no_leading_zero])
def test_leading_zero(kind: DocumentType) -> None:
    error = error_of(normalize_document, kind, "0123456789")
    assert error.code == "payer.document_leading_zero"


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        (None, "payer.document_type_missing"),
        ("  ", "payer.document_type_missing"),
        ("XX", "payer.document_type_unknown"),
        (3, "payer.document_type_unknown"),
    ],
)
def test_unknown_document_types(kind: object, code: str) -> None:
    assert error_of(normalize_document, kind, "123456").code == code


@given(st.sampled_from(list(DocumentType)), st.text())
def test_arbitrary_document_text_raises_only_validation_errors(
    kind: DocumentType, text: str
) -> None:
    try:
        number = normalize_document(kind, text)
    except ValidationError as error:
        assert error.code.startswith("payer.")
        assert "document_number" not in error.params
    else:
        assert number and set(number) <= set(DIGITS + UPPER)


# --- names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  María   José  Pérez-Núñez ", "María José Pérez-Núñez"),
        ("D'Alessandro O’Neill", "D'Alessandro O’Neill"),
        (unicodedata.normalize("NFD", "Iván Gómez"), "Iván Gómez"),
        ("Lü", "Lü"),
    ],
)
def test_person_names(typed: str, expected: str) -> None:
    assert normalize_name(typed) == expected


def test_company_names_may_hold_digits_and_company_punctuation() -> None:
    name = "Tiendas D1 S.A.S. & Cía, Ltda"
    assert normalize_name(name, PersonType.JURIDICAL) == name
    assert error_of(normalize_name, name).code == "payer.name_chars"
    assert error_of(normalize_name, "Tienda #1", PersonType.JURIDICAL).code == (
        "payer.company_name_chars"
    )


@given(
    st.lists(
        st.text(st.characters(categories=["L"]), min_size=1, max_size=12), min_size=1, max_size=4
    ).map(" ".join),
)
def test_letter_names_within_length_normalise(name: str) -> None:
    if sum(ch.isalpha() for ch in unicodedata.normalize("NFC", name)) < 2:
        return
    normalised = unicodedata.normalize("NFC", name)
    if len(normalised) > 60:
        assert error_of(normalize_name, name).code == "payer.name_too_long"
    else:
        assert normalize_name(name) == normalised


@pytest.mark.parametrize(
    ("typed", "code", "params"),
    [
        ("", "payer.name_empty", {}),
        ("   ", "payer.name_empty", {}),
        ("A", "payer.name_too_short", {"minimum": 2}),
        ("'-", "payer.name_too_short", {"minimum": 2}),
        ("Juan 2", "payer.name_chars", {}),
        ("Juan_Pérez", "payer.name_chars", {}),
        ("Ana\u0000", "payer.name_chars", {}),
        ("A" * 61, "payer.name_too_long", {"maximum": 60, "length": 61}),
    ],
)
def test_name_errors(typed: str, code: str, params: dict) -> None:
    error = error_of(normalize_name, typed)
    assert (error.code, error.params) == (code, params)


@given(st.text(), st.sampled_from(list(PersonType)))
def test_arbitrary_names_raise_only_validation_errors(text: str, person: PersonType) -> None:
    try:
        normalize_name(text, person)
    except ValidationError as error:
        assert error.code.startswith("payer.")


# --- email -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (" ana.perez+pse@Correo.COM.co ", "ana.perez+pse@correo.com.co"),
        ("o'neill@mail-1.example.org", "o'neill@mail-1.example.org"),
        ("X@y.co", "X@y.co"),
    ],
)
def test_valid_emails(typed: str, expected: str) -> None:
    assert normalize_email(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "ana",
        "ana@",
        "@correo.com",
        "ana@correo",
        "ana@@correo.com",
        "ana@correo..com",
        "ana.@correo.com",
        ".ana@correo.com",
        "an a@correo.com",
        "ana@-correo.com",
        "ana@correo.c",
        "ana@correo.123",
        "josé@correo.com",
        "ana@correo.com.",
        "a" * 65 + "@correo.com",
        "ana@" + "a" * 250 + ".com",
        '"ana"@correo.com',
    ],
)
def test_invalid_emails(typed: str) -> None:
    assert error_of(normalize_email, typed).code == "payer.email_invalid"


def test_empty_email() -> None:
    assert error_of(normalize_email, "  ").code == "payer.email_empty"


@given(
    st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9_+-]{1,8})?", fullmatch=True),
    st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,5})?\.[a-z]{2,6}", fullmatch=True),
)
def test_generated_plain_emails_are_valid(local: str, domain: str) -> None:
    assert normalize_email(f"{local}@{domain}") == f"{local}@{domain}"


@given(st.text())
def test_arbitrary_emails_raise_only_validation_errors(text: str) -> None:
    try:
        normalize_email(text)
    except ValidationError as error:
        assert error.code in {"payer.email_empty", "payer.email_invalid"}
        assert error.params == {}


# --- the whole payer -----------------------------------------------------------

GOOD = {
    "person_type": PersonType.NATURAL,
    "document_type": DocumentType.CC,
    "document_number": "1.020.304.050",
    "full_name": "Ana María Pérez",
    "email": "ana@correo.com",
    "phone": "+57 312 345 6789",
}


def payer_errors(**changes: object) -> PayerValidationError:
    with pytest.raises(PayerValidationError) as caught:
        validate_payer(**{**GOOD, **changes})  # type: ignore[arg-type]
    return caught.value


def test_a_good_payer_is_normalised() -> None:
    payer = validate_payer(**GOOD)  # type: ignore[arg-type]
    assert payer == PayerData(
        PersonType.NATURAL,
        DocumentType.CC,
        "1020304050",
        "Ana María Pérez",
        "ana@correo.com",
        "3123456789",
    )


def test_a_company_pays_with_its_nit() -> None:
    payer = validate_payer(
        1, "NIT", "800.197.268-4", "Tiendas D1 S.A.S.", "pagos@d1.co", "3001234567"
    )
    assert payer.person_type is PersonType.JURIDICAL
    assert payer.document_number == "8001972684"
    error = payer_errors(person_type=PersonType.JURIDICAL)
    assert error.errors["document_type"].code == "payer.juridical_needs_nit"
    # The number is not judged against a type that is itself wrong.
    assert "document_number" not in error.errors


def test_every_wrong_field_is_reported_at_once_in_form_order() -> None:
    error = payer_errors(person_type=7, document_type="XX", full_name="J", email="nope", phone="12")
    assert error.code == "payer.invalid"
    assert list(error.errors) == ["person_type", "document_type", "full_name", "email", "phone"]
    assert [e.code for e in error.errors.values()] == [
        "payer.person_type_unknown",
        "payer.document_type_unknown",
        "payer.name_too_short",
        "payer.email_invalid",
        "line.too_short",
    ]
    assert error.params == {"fields": tuple(error.errors), "count": 5}
    assert isinstance(error, ValidationError)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("person_type", None, "payer.person_type_missing"),
        ("person_type", True, "payer.person_type_unknown"),
        ("person_type", "0", "payer.person_type_unknown"),
        ("document_type", "", "payer.document_type_missing"),
        ("document_number", "", "payer.document_empty"),
        ("document_number", "0123456", "payer.document_leading_zero"),
        ("full_name", "", "payer.name_empty"),
        ("email", "", "payer.email_empty"),
        ("phone", "", "line.empty"),
        ("phone", "6012345678", "line.not_mobile"),
    ],
)
def test_each_field_error_lands_on_its_field(field: str, value: object, code: str) -> None:
    error = payer_errors(**{field: value})
    assert {name: e.code for name, e in error.errors.items()} == {field: code}


def test_personal_data_stays_out_of_repr_and_errors() -> None:
    payer = validate_payer(**GOOD)  # type: ignore[arg-type]
    shown = repr(payer) + str(payer)
    for secret in ("1020304050", "ana@correo.com", "3123456789", "Pérez"):
        assert secret not in shown
    error = payer_errors(document_number="1020304050X", email="ana@correo")
    text = repr(error) + str(error) + "".join(repr(e) for e in error.errors.values())
    assert "1020304050" not in text and "ana@correo" not in text


@given(
    st.sampled_from([0, 1, None, 5]),
    st.one_of(st.sampled_from(list(DocumentType)), st.text(max_size=4)),
    st.text(max_size=30),
    st.text(max_size=70),
    st.text(max_size=40),
    st.text(max_size=20),
)
def test_arbitrary_payers_raise_only_validation_errors(
    person: object, kind: object, number: str, name: str, email: str, phone: str
) -> None:
    try:
        payer = validate_payer(person, kind, number, name, email, phone)  # type: ignore[arg-type]
    except PayerValidationError as error:
        assert error.errors and set(error.errors) <= set(PAYER_FIELDS)
    else:
        assert isinstance(payer, PayerData)


def test_a_letter_nfc_keeps_with_its_mark_is_a_letter_of_the_name() -> None:
    # Devanagari QA has no composed form: NFC writes it KA + NUKTA (a combining mark).
    name = "Ab\u0958"
    assert normalize_name(name) == unicodedata.normalize("NFC", name)
    # A mark with no letter before it is no letter.
    assert error_of(normalize_name, "\u093c Ana").code == "payer.name_chars"
