"""The ``sales`` table as a pure function of the log.

``apply_entry`` is used twice: when an entry is appended (the row is written in
the same transaction) and when ``verify`` replays the whole log and compares
every sales row with what the log says it must be.

Payload keys it reads (all optional except where noted):

* ``amount_pesos``, ``line_hmac``, ``line_masked``: required on the creating entry;
* ``attempt_reference``: the PSE reference of the current payment attempt;
* ``gateway``: ``pick_gateway_fields(...)``; its ``id`` is the gateway transaction id;
* ``provider``: ``pick_provider_fields(...)``; its ``transactionId`` is the provider's id;
* ``pack_name``: the gift pack sold;
* ``operator_name``: the operator's name (the last one given wins);
* ``clerk``: the clerk's display name, read from the creating entry only;
* ``provider.discount`` / ``provider.discountCurrencyCode``: what the store earned
  (:func:`earned_minor`, in hundredths of the currency; the last one given wins).

Migration 0002 backfills the last four from older journals with a frozen copy of
this logic: change it here and a journal migrated before no longer verifies.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kiosk.domain.sale import SaleState

_S = SaleState
# Entering one of these from here starts a new payment attempt (a QR shown, a create sent).
_NEW_ATTEMPT_FROM = frozenset({None, _S.CREATED, _S.PAYMENT_FAILED})
#: What a BIGINT column holds.
_MAX_MINOR = 2**63 - 1


def earned_minor(value: Any) -> int | None:
    """A provider's ``discount`` (an int or decimal text) in hundredths, rounded half up.

    ``Decimal("123.45")`` and ``"123.45"`` are 12345, ``500`` is 50000, ``"0.0732"`` is 7.
    Anything else (a bool, a float, text that is no finite number) is None: the entry is
    already journaled, and a value no one can read earns nothing rather than breaking it.
    """
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        return None
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
        if not amount.is_finite():
            return None
        minor = int(amount.scaleb(2).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (ArithmeticError, ValueError):  # InvalidOperation, Overflow: no number for a BIGINT
        return None
    return minor if abs(minor) <= _MAX_MINOR else None


def apply_entry(sale: Mapping[str, Any] | None, entry: Mapping[str, Any]) -> dict[str, Any]:
    """The sales row after ``entry`` (a dict with a decoded ``payload``)."""
    payload: Mapping[str, Any] = entry["payload"]
    if sale is None:
        row: dict[str, Any] = {
            "reference": entry["reference"],
            "kind": entry["kind"],
            "amount_pesos": payload["amount_pesos"],
            "line_hmac": payload["line_hmac"],
            "line_masked": payload["line_masked"],
            "payment_attempts": 0,
            "delivery_attempts": 0,
            "attempt_reference": None,
            "gateway_tx_id": None,
            "provider_tx_id": None,
            "pack_name": None,
            "operator_name": None,
            "clerk": str(payload["clerk"]) if payload.get("clerk") is not None else None,
            "earned_minor": None,
            "earned_currency": None,
            "created_at": entry["created_at"],
        }
        previous = None
    else:
        row = dict(sale)
        previous = _S(sale["state"])

    state = _S(entry["state"])
    if state is _S.PAYMENT_REQUESTED or (
        state is _S.PAYMENT_PENDING and previous in _NEW_ATTEMPT_FROM
    ):
        row["payment_attempts"] += 1
    if state is _S.DELIVERY_REQUESTED:
        row["delivery_attempts"] += 1
    if payload.get("attempt_reference") is not None:
        row["attempt_reference"] = str(payload["attempt_reference"])
    gateway = payload.get("gateway")
    if isinstance(gateway, Mapping) and gateway.get("id") is not None:
        row["gateway_tx_id"] = str(gateway["id"])
    provider = payload.get("provider")
    if isinstance(provider, Mapping) and provider.get("transactionId") is not None:
        row["provider_tx_id"] = str(provider["transactionId"])
    if isinstance(provider, Mapping):
        earned = earned_minor(provider.get("discount"))
        if earned is not None:
            currency = provider.get("discountCurrencyCode")
            row["earned_minor"] = earned
            row["earned_currency"] = str(currency) if currency is not None else None
    if payload.get("pack_name") is not None:
        row["pack_name"] = str(payload["pack_name"])
    if payload.get("operator_name") is not None:
        row["operator_name"] = str(payload["operator_name"])

    row["state"] = str(state)
    row["updated_at"] = entry["created_at"]
    row["last_seq"] = entry["seq"]
    row["last_hash"] = entry["hash"]
    return row
