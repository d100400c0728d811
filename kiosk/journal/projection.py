"""The ``sales`` table as a pure function of the log.

``apply_entry`` is used twice: when an entry is appended (the row is written in
the same transaction) and when ``verify`` replays the whole log and compares
every sales row with what the log says it must be.

Payload keys it reads (all optional except where noted):

* ``amount_pesos``, ``line_hmac``, ``line_masked``: required on the creating entry;
* ``attempt_reference``: the PSE reference of the current payment attempt;
* ``gateway``: ``pick_gateway_fields(...)``; its ``id`` is the gateway transaction id;
* ``provider``: ``pick_provider_fields(...)``; its ``transactionId`` is the provider's id;
* ``pack_name``: the gift pack sold.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.domain.sale import SaleState

_S = SaleState
# Entering one of these from here starts a new payment attempt (a QR shown, a create sent).
_NEW_ATTEMPT_FROM = frozenset({None, _S.CREATED, _S.PAYMENT_FAILED})


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
    if payload.get("pack_name") is not None:
        row["pack_name"] = str(payload["pack_name"])

    row["state"] = str(state)
    row["updated_at"] = entry["created_at"]
    row["last_seq"] = entry["seq"]
    row["last_hash"] = entry["hash"]
    return row
