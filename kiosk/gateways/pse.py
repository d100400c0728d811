"""PSE payments through a Wompi-compatible gateway (see GATEWAYS.md §1).

Money is integer pesos everywhere else; this module is the one place where it
becomes ``amount_in_cents``. A create is sent once: after a timeout or an
unreadable answer the outcome is unknown and is settled by
:meth:`PseClient.find_by_reference`, never read as declined.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol
from urllib.parse import quote, urlencode

import requests

from kiosk.config import TimeoutsConfig
from kiosk.domain.payer import DocumentType, PersonType
from kiosk.gateways import parsing
from kiosk.gateways.answers import Answer, decode_json
from kiosk.gateways.base import GatewayClient
from kiosk.gateways.errors import GatewayProtocolError, OutcomeUnknown
from kiosk.gateways.http import Clock, Sleep

SERVICE = "pse"
CURRENCY = "COP"
#: Wompi lists a "choose your bank" placeholder under this code.
_PLACEHOLDER_BANK_CODE = "0"


class PseStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    VOIDED = "VOIDED"
    ERROR = "ERROR"

    @property
    def is_final(self) -> bool:
        return self is not PseStatus.PENDING


class PayerLike(Protocol):
    """What a create needs from the payer (``kiosk.domain.payer.PayerData`` fits)."""

    # Read-only properties: a frozen dataclass such as PayerData fits.
    @property
    def person_type(self) -> PersonType: ...
    @property
    def document_type(self) -> DocumentType: ...
    @property
    def document_number(self) -> str: ...
    @property
    def full_name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...


@dataclass(frozen=True)
class AcceptanceTokens:
    """Single-use tokens: fetch fresh ones for every create."""

    acceptance_token: str
    acceptance_permalink: str
    personal_data_token: str
    personal_data_permalink: str


@dataclass(frozen=True)
class Bank:
    code: str
    name: str


@dataclass(frozen=True)
class PseTransaction:
    """A PSE transaction without the payer's email or document (never kept)."""

    id: str
    reference: str
    status: PseStatus
    status_message: str | None
    amount_pesos: int
    created_at: datetime | None
    finalized_at: datetime | None
    #: ``payment_method.extra.async_payment_url``: where the payer authorises the debit.
    bank_url: str | None = None
    #: PSE's CUS (``payment_method.extra.traceability_code``) when the gateway gives it.
    cus: str | None = None

    @property
    def is_final(self) -> bool:
        return self.status.is_final

    def journal_fields(self) -> dict[str, Any]:
        """The chosen fields the journal keeps (no email, no document number), named as
        the gateway names them (the journal's ``pick_gateway_fields`` vocabulary)."""
        fields = {
            "id": self.id,
            "reference": self.reference,
            "status": self.status.value,
            "status_message": self.status_message,
            "amount_in_cents": pesos_to_cents(self.amount_pesos),
            "currency": CURRENCY,
            "created_at": _iso(self.created_at),
            "finalized_at": _iso(self.finalized_at),
            "payment_method_type": "PSE",
            "traceability_code": self.cus,
        }
        return {name: value for name, value in fields.items() if value is not None}


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def integrity_signature(
    reference: str,
    amount_in_cents: int,
    currency: str,
    integrity_secret: str,
    expiration_time: str | None = None,
) -> str:
    """Lowercase hex SHA-256 of reference + cents + currency [+ expiration] + secret."""
    text = f"{reference}{amount_in_cents}{currency}{expiration_time or ''}{integrity_secret}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def format_expiration(moment: datetime) -> str:
    """ISO-8601 UTC with milliseconds and ``Z``, as Wompi writes it."""
    if moment.tzinfo is None:
        raise ValueError("expiration time must be timezone-aware")
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def pesos_to_cents(amount_pesos: int) -> int:
    if isinstance(amount_pesos, bool) or not isinstance(amount_pesos, int) or amount_pesos <= 0:
        raise ValueError("amount must be a positive whole number of pesos")
    return amount_pesos * 100


def _error_parser(payload: Any) -> tuple[str, dict[str, list[str]]]:
    error = payload["error"]
    return str(error.get("type", "")), parsing.error_fields(error.get("messages"))


def parse_transaction(obj: Any) -> PseTransaction:
    """One transaction object of the gateway; anything unexpected is a protocol error."""
    data = parsing.mapping(obj, SERVICE, "transaction")
    raw_status = parsing.text(data, "status", SERVICE)
    try:
        status = PseStatus(raw_status)
    except ValueError:
        raise GatewayProtocolError(SERVICE, f"unknown status {raw_status!r}") from None
    cents = parsing.whole_number(data.get("amount_in_cents"), SERVICE, "amount_in_cents")
    if cents % 100:
        raise GatewayProtocolError(SERVICE, "amount_in_cents: not whole pesos")
    currency = data.get("currency", CURRENCY)
    if currency != CURRENCY:
        raise GatewayProtocolError(SERVICE, "currency: not COP")
    method = data.get("payment_method") or {}
    extra = (method.get("extra") or {}) if isinstance(method, Mapping) else {}
    if not isinstance(extra, Mapping):
        raise GatewayProtocolError(SERVICE, "payment_method.extra: not an object")
    return PseTransaction(
        id=str(parsing.text(data, "id", SERVICE)),
        reference=str(parsing.text(data, "reference", SERVICE)),
        status=status,
        status_message=parsing.text(data, "status_message", SERVICE, required=False),
        amount_pesos=cents // 100,
        created_at=parsing.timestamp(data.get("created_at"), SERVICE, "created_at"),
        finalized_at=parsing.timestamp(data.get("finalized_at"), SERVICE, "finalized_at"),
        bank_url=parsing.text(extra, "async_payment_url", SERVICE, required=False) or None,
        cus=parsing.text(extra, "traceability_code", SERVICE, required=False) or None,
    )


class PseClient(GatewayClient):
    """Client of a Wompi-compatible PSE gateway."""

    def __init__(
        self,
        base_url: str,
        public_key: str,
        private_key: str,
        integrity_secret: str,
        checkout_base_url: str,
        timeouts: TimeoutsConfig,
        session: requests.Session | None = None,
        clock: Clock = time.monotonic,
        *,
        sleep: Sleep = time.sleep,
        wallclock: Clock = time.time,
    ) -> None:
        super().__init__(
            SERVICE,
            _error_parser,
            base_url,
            timeouts,
            session=session,
            clock=clock,
            sleep=sleep,
            wallclock=wallclock,
        )
        self._public_key = public_key
        self._private_key = private_key
        self._integrity_secret = integrity_secret
        self._checkout_base = checkout_base_url.rstrip("/")
        self._banks: list[Bank] | None = None
        self._banks_lock = threading.Lock()

    # -- reading --------------------------------------------------------------------

    def _get(
        self, path: str, label: str, key: str | None, params: Mapping[str, str] | None = None
    ) -> Any:
        headers = {"Authorization": f"Bearer {key}"} if key else None
        answer = self._http.get(path, label=label, params=params, headers=headers)
        self._raise_for(answer)
        return self._data(answer)

    @staticmethod
    def _data(answer: Answer, reference: str | None = None) -> Any:
        payload = decode_json(answer, SERVICE, reference)
        if not isinstance(payload, Mapping) or "data" not in payload:
            if reference is not None:
                raise OutcomeUnknown(SERVICE, reference, "unreadable", detail="no data")
            raise GatewayProtocolError(SERVICE, "data: missing")
        return payload["data"]

    def acceptance_tokens(self) -> AcceptanceTokens:
        data = parsing.mapping(
            self._get(f"/merchants/{quote(self._public_key, safe='')}", "GET merchant", None),
            SERVICE,
            "data",
        )
        terms = parsing.mapping(data.get("presigned_acceptance"), SERVICE, "presigned_acceptance")
        personal = parsing.mapping(
            data.get("presigned_personal_data_auth"), SERVICE, "presigned_personal_data_auth"
        )
        return AcceptanceTokens(
            acceptance_token=str(parsing.text(terms, "acceptance_token", SERVICE)),
            acceptance_permalink=parsing.text(terms, "permalink", SERVICE, required=False) or "",
            personal_data_token=str(parsing.text(personal, "acceptance_token", SERVICE)),
            personal_data_permalink=parsing.text(personal, "permalink", SERVICE, required=False)
            or "",
        )

    def banks(self, refresh: bool = False) -> list[Bank]:
        """PSE banks, fetched once per session (``refresh=True`` asks again).

        Wompi's list starts with a code-``"0"`` "choose your bank" entry: it is not a
        bank, so it is never offered.
        """
        with self._banks_lock:
            if self._banks is None or refresh:
                data = self._get("/pse/financial_institutions", "GET banks", self._public_key)
                banks = []
                for item in parsing.sequence(data, SERVICE, "data"):
                    entry = parsing.mapping(item, SERVICE, "financial institution")
                    code = str(parsing.text(entry, "financial_institution_code", SERVICE))
                    if code == _PLACEHOLDER_BANK_CODE:
                        continue
                    name = str(parsing.text(entry, "financial_institution_name", SERVICE))
                    banks.append(Bank(code, name))
                self._banks = banks
            return list(self._banks)

    def get_transaction(self, transaction_id: str) -> PseTransaction:
        data = self._get(
            f"/transactions/{quote(transaction_id, safe='')}", "GET transaction", self._public_key
        )
        return parse_transaction(data)

    def find_by_reference(self, reference: str) -> list[PseTransaction]:
        """Every attempt under ``reference`` (a checkout allows retries after a decline)."""
        data = self._get(
            "/transactions",
            "GET transactions by reference",
            self._private_key,
            params={"reference": reference},
        )
        found = [parse_transaction(item) for item in parsing.sequence(data, SERVICE, "data")]
        # The gateway filters by reference; keep only exact matches all the same.
        return [item for item in found if item.reference == reference]

    @staticmethod
    def settle_attempts(attempts: Sequence[PseTransaction]) -> PseTransaction | None:
        """The approved attempt if there is one (at most one can be), else the newest."""
        if not attempts:
            return None
        for attempt in attempts:
            if attempt.status is PseStatus.APPROVED:
                return attempt
        oldest = datetime.min.replace(tzinfo=UTC)
        # max() keeps the first of equals; reversed() makes the later-listed one win ties.
        return max(reversed(attempts), key=lambda item: item.created_at or oldest)

    # -- creating ---------------------------------------------------------------------

    def create_pse_transaction(
        self,
        reference: str,
        amount_pesos: int,
        payer: PayerLike,
        bank_code: str,
        description: str,
        tokens: AcceptanceTokens,
        expiration_time: datetime | None = None,
    ) -> PseTransaction:
        """Create a PSE transaction once. Raises OutcomeUnknown if it may exist unseen."""
        cents = pesos_to_cents(amount_pesos)
        expiration = format_expiration(expiration_time) if expiration_time else None
        body: dict[str, Any] = {
            "acceptance_token": tokens.acceptance_token,
            "accept_personal_auth": tokens.personal_data_token,
            "amount_in_cents": cents,
            "currency": CURRENCY,
            # A plain string, as Wompi's API reference shows it (the ``{"integrity": …}``
            # object belongs to its JavaScript widget, and the API refuses it).
            "signature": integrity_signature(
                reference, cents, CURRENCY, self._integrity_secret, expiration
            ),
            "customer_email": payer.email,
            "reference": reference,
            "customer_data": {"full_name": payer.full_name, "phone_number": payer.phone},
            "payment_method": {
                "type": "PSE",
                "user_type": int(getattr(payer.person_type, "value", payer.person_type)),
                "user_legal_id_type": str(
                    getattr(payer.document_type, "value", payer.document_type)
                ),
                "user_legal_id": payer.document_number,
                "financial_institution_code": bank_code,
                "payment_description": description,
            },
        }
        if expiration:
            body["expiration_time"] = expiration
        answer = self._http.send(
            "POST",
            "/transactions",
            label="POST transaction",
            json_body=body,
            headers={"Authorization": f"Bearer {self._public_key}"},
            create_reference=reference,
        )
        self._raise_for(answer, reference)
        data = self._data(answer, reference)
        try:
            return parse_transaction(data)
        except GatewayProtocolError as exc:
            # It was created (2xx) but we cannot read it: look it up, never call it declined.
            raise OutcomeUnknown(
                SERVICE, reference, "unreadable", detail=exc.params["detail"]
            ) from None

    def checkout_url(
        self,
        reference: str,
        amount_pesos: int,
        expires_at: datetime,
        redirect_url: str | None = None,
    ) -> str:
        """The signed hosted-checkout URL (the kiosk's QR) for this sale."""
        cents = pesos_to_cents(amount_pesos)
        expiration = format_expiration(expires_at)
        params = {
            "public-key": self._public_key,
            "currency": CURRENCY,
            "amount-in-cents": str(cents),
            "reference": reference,
            "signature:integrity": integrity_signature(
                reference, cents, CURRENCY, self._integrity_secret, expiration
            ),
            "expiration-time": expiration,
        }
        if redirect_url:
            params["redirect-url"] = redirect_url
        return f"{self._checkout_base}/p/?{urlencode(params, quote_via=quote, safe=':')}"
