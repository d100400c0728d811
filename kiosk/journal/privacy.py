"""What may enter the journal: chosen gateway fields, a keyed hash of the line, no personal data.

Gateway and provider answers carry the payer's email, document number, name and
phone; only the fields picked here are journaled. ``check_payload`` is the belt
and braces: it refuses any payload that still looks like personal data, and
names only the offending key path (never the value) in the error.

Inside the ``gateway`` and ``provider`` sub-dicts the look-alike patterns do
not apply: those hold the picked ids (a PSE CUS or an operator's transaction
id may well be ten digits starting with 3), and refusing them would leave a
paid sale that can never be journaled as approved or delivered. There the
pickers are the guard; ``check_payload`` still refuses personal-data keys and
the sale's own lines.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kiosk.domain.errors import JournalError

#: A keyed hash, not a plain one: ten-digit lines are few enough to brute-force.
LINE_HMAC_ALGORITHM = "hmac-sha256"
MAX_PAYLOAD_DEPTH = 6
MAX_STRING_LENGTH = 1_000
_MAX_INT = 2**63 - 1

# Normalised (lowercase, letters and digits only) key fragments that mean personal data.
_PERSONAL_KEY_PARTS = (
    "email",
    "legalid",
    "document",
    "phone",
    "msisdn",
    "cedula",
    "fullname",
    "customerdata",
    "customername",
    "payer",
    "address",
)
_PERSONAL_KEYS_EXACT = frozenset({"name", "number", "nit", "doc"})
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# A Colombian mobile number as people write it: optional +57, 10 digits starting with 3.
# A standalone token only: hex digests and ids with letters around digits are not lines.
_MOBILE = re.compile(r"(?<!\w)(?:\+?57[\s.-]?)?3\d{2}[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)")
#: Top-level keys holding picked gateway / provider fields (see the module docstring).
PICKED_KEYS = frozenset({"gateway", "provider"})
# In a gateway's free text: seven digits or more, however grouped (a phone, a document).
_LONG_NUMBER = re.compile(r"[+(]*\d(?:[\s().-]*\d){6,}")
_REDACTED = "***"


def line_hmac(secret: bytes, line: str) -> str:
    return hmac.new(secret, line.encode("utf-8"), hashlib.sha256).hexdigest()


def _is_personal_key(key: str) -> bool:
    normal = "".join(ch for ch in key.lower() if ch.isalnum())
    if normal in _PERSONAL_KEYS_EXACT:
        return True
    # "line", "sender_line", "recipientLine"; "line_hmac" and "line_masked" stay allowed.
    if normal.endswith("line"):
        return True
    return any(part in normal for part in _PERSONAL_KEY_PARTS)


def check_payload(payload: Mapping[str, Any], *, known_lines: tuple[str, ...] = ()) -> None:
    """Refuse values the chain cannot hold or must not hold.

    Raises :class:`JournalError` with ``journal.personal_data`` (a key or value
    that looks like personal data) or ``journal.bad_payload`` (floats, odd
    types, too deep, too long). ``known_lines`` are the sale's own lines, looked
    for as digits anywhere in string values, the picked fields included.
    """
    if not isinstance(payload, Mapping):
        raise JournalError("journal.bad_payload", key="/")
    for key, item in payload.items():
        # Only a top-level sub-dict is picked fields: that is where the projection reads them.
        picked = key in PICKED_KEYS and isinstance(item, Mapping)
        _check_value({key: item}, "", 0, known_lines, look_alikes=not picked)


def _check_value(
    value: Any, path: str, depth: int, lines: tuple[str, ...], *, look_alikes: bool
) -> None:
    if depth > MAX_PAYLOAD_DEPTH:
        raise JournalError("journal.bad_payload", key=path or "/")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not key:
                raise JournalError("journal.bad_payload", key=path or "/")
            where = f"{path}.{key}" if path else key
            # Keys are ours or the pickers' vocabulary: a personal-data name is refused anywhere.
            if _is_personal_key(key):
                raise JournalError("journal.personal_data", key=where)
            _check_value(item, where, depth + 1, lines, look_alikes=look_alikes)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_value(item, f"{path}[{index}]", depth + 1, lines, look_alikes=look_alikes)
    elif isinstance(value, str):
        if len(value) > MAX_STRING_LENGTH:
            raise JournalError("journal.bad_payload", key=path)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise JournalError("journal.bad_payload", key=path) from None
        digits = "".join(ch for ch in value if ch.isdigit())
        if any(line in digits for line in lines):
            raise JournalError("journal.personal_data", key=path)
        # Outside the picked fields values are the app's own codes and references and a
        # clerk's notes (``how`` of a settle): there a number that looks like a line is
        # someone's phone typed by hand, and refusing it only asks the clerk to rephrase.
        if look_alikes and (_EMAIL.search(value) or _MOBILE.search(value)):
            raise JournalError("journal.personal_data", key=path)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if abs(value) > _MAX_INT:
            raise JournalError("journal.bad_payload", key=path)
        if any(line in str(value) for line in lines):
            raise JournalError("journal.personal_data", key=path)
    else:
        # Floats above all: money is integer pesos, and floats do not encode canonically.
        raise JournalError("journal.bad_payload", key=path)


def _integral(value: Any) -> Any:
    """Provider amounts come as JSON numbers (``10000.0``): integral ones become ints."""
    if isinstance(value, float):
        exact = Decimal(str(value))
        return int(exact) if exact == exact.to_integral_value() else str(exact)
    return value


def redact_text(value: Any) -> str:
    """Free text without emails or long numbers (phones, documents), never too long.

    For a gateway's message (the one picked field it writes as it likes: were it
    to echo the payer's email or the line, a paid sale's entry would be refused)
    and for a database driver's message before it is logged.
    """
    text = _LONG_NUMBER.sub(_REDACTED, _EMAIL.sub(_REDACTED, str(value)))
    return text[:MAX_STRING_LENGTH]


def pick_gateway_fields(answer: Mapping[str, Any]) -> dict[str, Any]:
    """The journaled part of a PSE gateway transaction (Wompi shape, ``{"data": …}`` or bare).

    Never the customer's email, name, phone or document: only ids, status,
    amount, dates, the payment method type and its traceability code (the CUS).
    """
    nested = answer.get("data")
    data: Mapping[str, Any] = nested if isinstance(nested, Mapping) else answer
    picked: dict[str, Any] = {}
    for name in (
        "id",
        "reference",
        "status",
        "amount_in_cents",
        "currency",
        "created_at",
        "finalized_at",
    ):
        if data.get(name) is not None:
            picked[name] = _integral(data[name])
    if data.get("status_message") is not None:
        picked["status_message"] = redact_text(data["status_message"])
    # Already-picked fields (a client's ``journal_fields()``) pass through unchanged.
    for name in ("payment_method_type", "traceability_code"):
        if data.get(name) is not None:
            picked[name] = str(data[name])
    method = data.get("payment_method")
    if isinstance(method, Mapping):
        if method.get("type") is not None:
            picked["payment_method_type"] = method["type"]
        extra = method.get("extra")
        if isinstance(extra, Mapping) and extra.get("traceability_code") is not None:
            picked["traceability_code"] = str(extra["traceability_code"])
    return picked


def pick_provider_fields(answer: Mapping[str, Any]) -> dict[str, Any]:
    """The journaled part of a top-up provider's transaction (Reloadly shape).

    Never ``recipientPhone`` or ``senderPhone``. Integral amounts become ints;
    fractional ones (another currency) become decimal text. ``discount`` (in
    ``discountCurrencyCode``) is what the store earns on the top-up.
    """
    picked: dict[str, Any] = {}
    for name in (
        "transactionId",
        "status",
        "customIdentifier",
        "requestedAmount",
        "requestedAmountCurrencyCode",
        "deliveredAmount",
        "operatorTransactionId",
        "transactionDate",
        "operatorId",
        "discount",
        "discountCurrencyCode",
    ):
        if answer.get(name) is not None:
            picked[name] = _integral(answer[name])
    return picked
