"""What a sale needs to go on, folded from its journal entries.

The journal's ``sales`` row says where a sale is; the entries' payloads say how
to continue it (the operator, the pack, the payment mode, the attempt reference,
the checkout's expiry, the gateway's and provider's ids). Folding them here
keeps one source of truth: the log. A service that has just written an entry
folds that entry into the progress it holds (:func:`fold_entry`) instead of
reading the sale back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from kiosk.domain.sale import PaymentMode, SaleKind, SaleState


class JournalEntry(Protocol):
    """What folding reads of a journal entry (``kiosk.journal.Entry`` has it)."""

    @property
    def reference(self) -> str: ...
    @property
    def kind(self) -> SaleKind | None: ...
    @property
    def state(self) -> SaleState | None: ...
    @property
    def hash(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...


def parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class SaleProgress:
    reference: str
    kind: SaleKind
    state: SaleState
    amount_pesos: int
    created_at: datetime
    #: When the sale entered its current state.
    state_since: datetime
    #: ``*** *** 6789``, as the chain holds it (the full line lives apart, in ``sale_lines``).
    line_masked: str = ""
    sender_line_masked: str = ""
    operator_id: int | None = None
    operator_name: str = ""
    pack_name: str = ""
    mode: PaymentMode | None = None
    #: The current payment attempt (1-based; 0 before any) and its PSE reference.
    attempt: int = 0
    attempt_reference: str = ""
    #: When the current attempt stops being payable (the checkout link's signed expiry).
    expires_at: datetime | None = None
    #: The gateway transaction of the current attempt ("" while none is known).
    attempt_transaction_id: str = ""
    #: The last gateway transaction and status known for the sale, whatever the attempt.
    gateway_transaction_id: str = ""
    gateway_status: str = ""
    #: PSE's CUS (traceability code) of the last known gateway transaction.
    traceability_code: str = ""
    #: What the approved payment was for, as the gateway said (None until approved).
    paid_amount_pesos: int | None = None
    provider_transaction_id: str = ""
    provider_status: str = ""
    #: The whole pesos the provider says the line received (None until it says).
    delivered_pesos: int | None = None
    #: Why the gateway refused the last create (its error code), if it did.
    payment_refusal: str = ""
    #: Why a delivery was refused (the provider's error code), if it was.
    refusal: str = ""
    #: What the provider said when it refused (long numbers masked), if it said anything.
    refusal_message: str = ""
    #: The clerk who made the sale (display name, journaled at creation), if any.
    clerk: str = ""
    last_hash: str = ""


def fold_progress(entries: Iterable[JournalEntry]) -> SaleProgress | None:
    """The sale's progress after ``entries`` (one sale's entries in journal order)."""
    progress: SaleProgress | None = None
    for entry in entries:
        progress = fold_entry(progress, entry)
    return progress


def fold_entry(progress: SaleProgress | None, entry: JournalEntry) -> SaleProgress:
    """``progress`` moved on by one more entry of the same sale (``None``: its first)."""
    data: Mapping[str, Any] = entry.payload
    if entry.state is None:
        raise ValueError("a journal-level entry (a purge) is no step of a sale")
    state = SaleState(entry.state)
    if progress is None:
        if entry.kind is None:
            raise ValueError("a sale's first entry names its kind")
        progress = SaleProgress(
            reference=entry.reference,
            kind=SaleKind(entry.kind),
            state=state,
            amount_pesos=int(data["amount_pesos"]),
            created_at=entry.created_at,
            state_since=entry.created_at,
            line_masked=str(data.get("line_masked", "")),
            sender_line_masked=str(data.get("sender_line_masked", "")),
        )
    elif entry.reference != progress.reference:
        raise ValueError("an entry of another sale cannot move this one")
    changes: dict[str, Any] = {
        "state": state,
        "state_since": entry.created_at,
        "last_hash": entry.hash,
    }
    if "operator_id" in data:
        changes["operator_id"] = int(data["operator_id"])
    if "operator_name" in data:
        changes["operator_name"] = str(data["operator_name"])
    if "pack_name" in data:
        changes["pack_name"] = str(data["pack_name"])
    if data.get("clerk"):
        changes["clerk"] = str(data["clerk"])
    if "mode" in data:
        changes["mode"] = PaymentMode(data["mode"])
    if "attempt" in data:
        # A new attempt: what was known about the previous one's transaction is not its own.
        changes["attempt"] = int(data["attempt"])
        changes["attempt_transaction_id"] = ""
        changes["payment_refusal"] = ""
    if "attempt_reference" in data:
        changes["attempt_reference"] = str(data["attempt_reference"])
    if "expires_at" in data:
        changes["expires_at"] = parse_utc(data["expires_at"])
    gateway = data.get("gateway") or {}
    if gateway.get("id"):
        changes["gateway_transaction_id"] = str(gateway["id"])
        changes["attempt_transaction_id"] = str(gateway["id"])
    if gateway.get("status"):
        changes["gateway_status"] = str(gateway["status"])
    if gateway.get("status") == "APPROVED" and gateway.get("amount_in_cents") is not None:
        changes["paid_amount_pesos"] = int(gateway["amount_in_cents"]) // 100
    if gateway.get("traceability_code"):
        changes["traceability_code"] = str(gateway["traceability_code"])
    provider = data.get("provider") or {}
    if provider.get("transactionId"):
        changes["provider_transaction_id"] = str(provider["transactionId"])
    if provider.get("status"):
        changes["provider_status"] = str(provider["status"])
    if isinstance(provider.get("deliveredAmount"), int):
        changes["delivered_pesos"] = provider["deliveredAmount"]
    if data.get("payment_refusal"):
        changes["payment_refusal"] = str(data["payment_refusal"])
    if data.get("refusal"):
        changes["refusal"] = str(data["refusal"])
    if data.get("refusal_message"):
        changes["refusal_message"] = str(data["refusal_message"])
    return replace(progress, **changes)
