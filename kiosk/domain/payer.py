"""PSE payer data, as the clerk types it for an assisted PSE payment.

Every field has its own validator (``normalize_document``, ``normalize_name``,
``normalize_email``; the phone uses :func:`kiosk.domain.lines.normalize_line`)
so a form can check a field as soon as it is left. :func:`validate_payer`
checks all of them at once and raises ONE :class:`PayerValidationError`
(code ``payer.invalid``) whose ``errors`` maps each wrong field to its own
:class:`ValidationError`, so the form can mark every wrong field together.

The document number and email are personal data: they are never put in error
parameters, never journaled, and hidden from :class:`PayerData`'s repr.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from types import MappingProxyType
from typing import TypeVar

from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import normalize_line

_T = TypeVar("_T")


class PersonType(IntEnum):
    """Wompi's ``payment_method.user_type`` for PSE."""

    NATURAL = 0
    JURIDICAL = 1


class DocumentType(StrEnum):
    """Wompi's ``user_legal_id_type`` for PSE: the identity documents it lists
    (Wompi also has ``RG`` and ``OTHER``, which no Colombian payer needs here)."""

    CC = "CC"  # cédula de ciudadanía
    CE = "CE"  # cédula de extranjería
    NIT = "NIT"  # número de identificación tributaria (DIAN)
    TI = "TI"  # tarjeta de identidad (minors)
    PP = "PP"  # pasaporte
    DNI = "DNI"  # documento nacional de identidad de otro país


@dataclass(frozen=True)
class DocumentRule:
    """How many characters a document number has, and which ones."""

    min_length: int
    max_length: int
    digits_only: bool
    no_leading_zero: bool


# Sensible rules after the Registraduría's, Migración Colombia's and PSE forms'
# formats; deliberately a little permissive, since the bank checks the document
# against its own records and a wrong refusal here would block a real payer.
DOCUMENT_RULES: Mapping[DocumentType, DocumentRule] = MappingProxyType(
    {
        # Old cédulas have 3 to 8 digits; those issued since 2003 have 10 (starting with 1).
        DocumentType.CC: DocumentRule(3, 10, digits_only=True, no_leading_zero=True),
        # Migración Colombia's numbers are 6-7 digits today; PSE forms allow up to 12 alphanumeric.
        DocumentType.CE: DocumentRule(3, 12, digits_only=False, no_leading_zero=False),
        # The NIT is checked by _normalize_nit: base of 3 to 15 digits plus its check digit.
        DocumentType.NIT: DocumentRule(4, 16, digits_only=True, no_leading_zero=True),
        # The tarjeta de identidad carries the NUIP: 10 or 11 digits (older ones shorter).
        DocumentType.TI: DocumentRule(6, 11, digits_only=True, no_leading_zero=True),
        # ICAO passports have up to 9 characters; some countries use more.
        DocumentType.PP: DocumentRule(5, 12, digits_only=False, no_leading_zero=False),
        # A foreign national identity document: any country's format.
        DocumentType.DNI: DocumentRule(3, 20, digits_only=False, no_leading_zero=False),
    }
)

#: DIAN's weights for the NIT check digit, applied from the rightmost digit of the base.
NIT_WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)
NIT_MIN_BASE_DIGITS = 3

NAME_MIN_LETTERS = 2
NAME_MAX_LENGTH = 60
EMAIL_MAX_LENGTH = 254

#: The fields of :func:`validate_payer`, in form order (keys of ``PayerValidationError.errors``).
PAYER_FIELDS = ("person_type", "document_type", "document_number", "full_name", "email", "phone")

_ASCII_DIGITS = frozenset("0123456789")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = _ASCII_DIGITS | _ASCII_LETTERS
# People write document numbers grouped: "1.020.304.050", "AB 123 456".
_DOCUMENT_SEPARATORS = frozenset(" .-\u00a0")
_APOSTROPHES = "'’"
# A person's name: letters, spaces, apostrophes and hyphens.
_NAME_PUNCTUATION = frozenset(" -" + _APOSTROPHES)
# A company's name (razón social) may also hold digits and ". , &" ("Tiendas D1 S.A.S.").
_COMPANY_PUNCTUATION = _NAME_PUNCTUATION | _ASCII_DIGITS | frozenset(".,&")

_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_EMAIL_TLD = re.compile(r"[A-Za-z]{2,63}")


class PayerValidationError(ValidationError):
    """Several payer fields are wrong: ``errors`` maps each field name to its own error.

    Its params carry only field names and a count (no personal data).
    """

    def __init__(self, errors: Mapping[str, ValidationError]) -> None:
        ordered = {name: errors[name] for name in PAYER_FIELDS if name in errors}
        super().__init__("payer.invalid", fields=tuple(ordered), count=len(ordered))
        self.errors: Mapping[str, ValidationError] = MappingProxyType(ordered)


@dataclass(frozen=True)
class PayerData:
    """Valid, normalised PSE payer data; personal fields stay out of repr."""

    person_type: PersonType
    document_type: DocumentType
    #: Digits (or upper-case letters and digits) without separators; a NIT includes its check digit.
    document_number: str = field(repr=False)
    full_name: str = field(repr=False)
    email: str = field(repr=False)
    #: The payer's mobile line, 10 national digits.
    phone: str = field(repr=False)


def nit_check_digit(base: str) -> int:
    """DIAN's check digit (dígito de verificación) of a NIT's base digits.

    Each digit, from the rightmost, is multiplied by 3, 7, 13, 17, ...; the sum
    modulo 11 is the check digit when it is 0 or 1, else 11 minus it.
    """
    if not isinstance(base, str):
        raise TypeError(f"base must be a str of digits, not {type(base).__name__}")
    if not base or len(base) > len(NIT_WEIGHTS) or not set(base) <= _ASCII_DIGITS:
        raise ValueError(f"a NIT base has 1 to {len(NIT_WEIGHTS)} digits")
    # The base has at most as many digits as there are weights (checked above).
    weighted = zip(reversed(base), NIT_WEIGHTS, strict=False)
    total = sum(int(digit) * weight for digit, weight in weighted)
    remainder = total % 11
    return remainder if remainder in (0, 1) else 11 - remainder


def coerce_person_type(value: object) -> PersonType:
    """A :class:`PersonType` from the enum or Wompi's int (0 natural, 1 juridical)."""
    if value is None or value == "":
        raise ValidationError("payer.person_type_missing")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("payer.person_type_unknown")
    try:
        return PersonType(value)
    except ValueError:
        raise ValidationError("payer.person_type_unknown") from None


def coerce_document_type(value: object) -> DocumentType:
    """A :class:`DocumentType` from the enum or its code (``"cc"``, ``" NIT "``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("payer.document_type_missing")
    if not isinstance(value, str):
        raise ValidationError("payer.document_type_unknown")
    try:
        return DocumentType(value.strip().upper())
    except ValueError:
        raise ValidationError("payer.document_type_unknown") from None


def _check_characters(text: str, document_type: DocumentType, rule: DocumentRule) -> None:
    allowed = _ASCII_DIGITS if rule.digits_only else _ASCII_ALNUM
    for char in text:
        if char in allowed:
            continue
        if rule.digits_only and char.isalpha():
            raise ValidationError("payer.document_digits_only", document_type=str(document_type))
        raise ValidationError("payer.document_chars", document_type=str(document_type))


def _normalize_nit(text: str) -> str:
    """A NIT with its check digit: ``900.123.456-7`` or ``9001234567`` -> ``9001234567``.

    The check digit is always required, so a NIT typed without one is refused
    (by the check digit) rather than silently completed. With a dash, the one
    digit after it is the check digit; with digits only, the last one is.
    """
    rule = DOCUMENT_RULES[DocumentType.NIT]
    # The dash is meaningful here: only spaces and dots are grouping.
    compact = "".join(char for char in text if char not in " .\u00a0")
    _check_characters(compact.replace("-", ""), DocumentType.NIT, rule)
    if "-" in compact:
        base, _, check = compact.partition("-")
        if "-" in check or len(check) != 1 or not base:
            raise ValidationError("payer.nit_format")
    else:
        base, check = compact[:-1], compact[-1:]
    digits = base + check
    if not rule.min_length <= len(digits) <= rule.max_length:
        raise ValidationError(
            "payer.nit_length",
            minimum=rule.min_length,
            maximum=rule.max_length,
            length=len(digits),
        )
    if digits[0] == "0":
        raise ValidationError("payer.document_leading_zero", document_type="NIT")
    if nit_check_digit(base) != int(check):
        raise ValidationError("payer.nit_check_digit")
    return digits


def normalize_document(document_type: DocumentType | str, text: str) -> str:
    """The document number without separators (upper case), checked against its type's rule.

    Codes: ``payer.document_empty``, ``payer.document_digits_only``,
    ``payer.document_chars``, ``payer.document_length`` (params ``minimum``,
    ``maximum``, ``length``), ``payer.document_leading_zero``, and for a NIT
    ``payer.nit_format``, ``payer.nit_length``, ``payer.nit_check_digit``.
    """
    kind = coerce_document_type(document_type)
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise ValidationError("payer.document_empty", document_type=str(kind))
    if kind is DocumentType.NIT:
        return _normalize_nit(stripped)
    rule = DOCUMENT_RULES[kind]
    compact = "".join(char for char in stripped if char not in _DOCUMENT_SEPARATORS)
    # Check before upper-casing: "ß".upper() is "SS", which would sneak through.
    _check_characters(compact, kind, rule)
    compact = compact.upper()
    if not rule.min_length <= len(compact) <= rule.max_length:
        raise ValidationError(
            "payer.document_length",
            document_type=str(kind),
            minimum=rule.min_length,
            maximum=rule.max_length,
            length=len(compact),
        )
    if rule.no_leading_zero and compact[0] == "0":
        raise ValidationError("payer.document_leading_zero", document_type=str(kind))
    return compact


def _only_letters_and(name: str, allowed: frozenset[str] | str) -> bool:
    """Letters, ``allowed`` punctuation, and combining marks that belong to a letter: NFC
    keeps a few letters as a letter and a mark (e.g. Devanagari QA, KA + NUKTA)."""
    previous = ""
    for char in name:
        mark = unicodedata.category(char).startswith("M")
        if not (char.isalpha() or char in allowed or (mark and previous.isalpha())):
            return False
        if not mark:
            previous = char
    return True


def normalize_name(text: str, person_type: PersonType = PersonType.NATURAL) -> str:
    """The payer's full name with single spaces; a company's name may hold digits and ``.,&``.

    Codes: ``payer.name_empty``, ``payer.name_chars`` (``payer.company_name_chars``
    for a juridical person), ``payer.name_too_short``
    (fewer than 2 letters), ``payer.name_too_long`` (over 60 characters).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    # NFC so that an accent typed as a combining mark counts as part of its letter.
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise ValidationError("payer.name_empty")
    company = person_type is PersonType.JURIDICAL
    allowed = _COMPANY_PUNCTUATION if company else _NAME_PUNCTUATION
    if not _only_letters_and(name, allowed):
        raise ValidationError("payer.company_name_chars" if company else "payer.name_chars")
    if sum(char.isalpha() for char in name) < NAME_MIN_LETTERS:
        raise ValidationError("payer.name_too_short", minimum=NAME_MIN_LETTERS)
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError("payer.name_too_long", maximum=NAME_MAX_LENGTH, length=len(name))
    return name


def normalize_email(text: str) -> str:
    """A plain ``local@domain.tld`` address (ASCII), the domain in lower case.

    Deliberately simple: the bank sends its receipt there, so an address the
    payer mistyped is caught by the obvious rules; RFC 5322's oddities
    (quoted locals, IP literals) are refused. Codes: ``payer.email_empty``,
    ``payer.email_invalid``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    address = text.strip()
    if not address:
        raise ValidationError("payer.email_empty")
    local, at, domain = address.rpartition("@")
    labels = domain.split(".")
    valid = (
        bool(at)
        and len(address) <= EMAIL_MAX_LENGTH
        and len(local) <= 64
        and _EMAIL_LOCAL.fullmatch(local) is not None
        and len(labels) >= 2
        and all(_EMAIL_LABEL.fullmatch(label) for label in labels)
        and _EMAIL_TLD.fullmatch(labels[-1]) is not None
    )
    if not valid:
        raise ValidationError("payer.email_invalid")
    return f"{local}@{domain.lower()}"


def validate_payer(
    person_type: PersonType | int,
    document_type: DocumentType | str,
    document_number: str,
    full_name: str,
    email: str,
    phone: str,
) -> PayerData:
    """Every field checked; one :class:`PayerValidationError` naming all the wrong ones.

    A juridical person pays only with a NIT (``payer.juridical_needs_nit``, on
    the ``document_type`` field). The number is checked against the document
    type only when the type itself is acceptable, so a form never shows a
    number error that follows from a wrong type.
    """
    errors: dict[str, ValidationError] = {}

    def check(name: str, validate: Callable[..., _T], *args: object) -> _T | None:
        try:
            return validate(*args)
        except ValidationError as error:
            errors[name] = error
            return None

    person = check("person_type", coerce_person_type, person_type)
    kind = check("document_type", coerce_document_type, document_type)
    if person is PersonType.JURIDICAL and kind is not None and kind is not DocumentType.NIT:
        errors["document_type"] = ValidationError("payer.juridical_needs_nit")
        kind = None
    number = check("document_number", normalize_document, kind, document_number) if kind else None
    name_rule = PersonType.NATURAL if person is None else person
    name = check("full_name", normalize_name, full_name, name_rule)
    address = check("email", normalize_email, email)
    line = check("phone", normalize_line, phone)

    if errors:
        raise PayerValidationError(errors)
    # No error means every check returned a value.
    assert person is not None and kind is not None and number is not None
    assert name is not None and address is not None and line is not None
    return PayerData(
        person_type=person,
        document_type=kind,
        document_number=number,
        full_name=name,
        email=address,
        phone=line,
    )
