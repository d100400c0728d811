"""Sample keys, payer and gateway answers shared by the gateway client tests."""

from __future__ import annotations

from typing import Any

from kiosk.config import TimeoutsConfig
from kiosk.domain.payer import DocumentType, PayerData, PersonType
from kiosk.gateways.pse import AcceptanceTokens, PseClient
from kiosk.gateways.topups import TopupClient
from tests.gateways.faultserver import Json
from tests.gateways.helpers import FAST

PUBLIC, PRIVATE, INTEGRITY = "pub_test_faults1", "prv_test_faults1", "test_integrity_faults1"
TOKENS = AcceptanceTokens("tok-terms", "https://t/terms", "tok-data", "https://t/data")
PAYER = PayerData(
    PersonType.NATURAL, DocumentType.CC, "1020304050", "Ana Pérez", "ana@example.com", "3001234567"
)

CLIENT_ID, SECRET = "kiosk-faults", "kiosk-faults-secret"
TOKEN_PATH = "/auth/oauth/token"


def transaction(status: str = "PENDING", **changes: Any) -> dict[str, Any]:
    """A Wompi PSE transaction as the gateway shows it (payer data included, as there)."""
    body = {
        "id": "11854-1-1",
        "reference": "REF-1",
        "amount_in_cents": 1_500_000,
        "currency": "COP",
        "status": status,
        "status_message": None,
        "customer_email": "ana@example.com",
        "payment_method": {
            "type": "PSE",
            "user_legal_id": "1020304050",
            "extra": {"async_payment_url": "https://bank.example/pay/1"},
        },
        "created_at": "2024-05-01T15:00:00.000Z",
        "finalized_at": None,
    }
    body.update(changes)
    return body


def token(value: str = "tok-1", expires_in: int = 3600) -> Json:
    return Json({"access_token": value, "expires_in": expires_in, "token_type": "Bearer"})


def topup_answer(status: str = "SUCCESSFUL", **changes: Any) -> dict[str, Any]:
    """A Reloadly top-up transaction."""
    body = {
        "transactionId": 77,
        "status": status,
        "operatorTransactionId": "OP-77",
        "customIdentifier": "REF-1",
        "recipientPhone": "573001234567",
        "requestedAmount": 5000,
        "deliveredAmount": 5000,
        "deliveredAmountCurrencyCode": "COP",
        "transactionDate": "2024-05-01 10:00:00",
    }
    body.update(changes)
    return body


def pse_client(base: str, sleep: Any, timeouts: TimeoutsConfig = FAST, **kwargs: Any) -> PseClient:
    return PseClient(
        f"{base}/v1", PUBLIC, PRIVATE, INTEGRITY, base, timeouts, sleep=sleep, **kwargs
    )


def topup_client(
    base: str, sleep: Any, timeouts: TimeoutsConfig = FAST, **kwargs: Any
) -> TopupClient:
    return TopupClient(
        f"{base}/topups-api",
        f"{base}{TOKEN_PATH}",
        CLIENT_ID,
        SECRET,
        f"{base}/topups-api",
        timeouts,
        sleep=sleep,
        **kwargs,
    )


SENDER = "3109876543"


def operator_answer(operator_id: int = 900, **changes: Any) -> dict[str, Any]:
    """A Reloadly top-up operator of a COP account, taking local amounts."""
    body: dict[str, Any] = {
        "id": operator_id,
        "operatorId": operator_id,
        "name": "Claro Colombia",
        "bundle": False,
        "denominationType": "RANGE",
        "supportsLocalAmounts": True,
        "senderCurrencyCode": "COP",
        "destinationCurrencyCode": "COP",
        "minAmount": 1000,
        "maxAmount": 100000,
        "localMinAmount": 1000,
        "localMaxAmount": 100000,
        "fixedAmounts": [],
        "localFixedAmounts": [],
        "fx": {"rate": 1, "currencyCode": "COP"},
        "country": {"isoName": "CO", "name": "Colombia"},
    }
    body.update(changes)
    return body
