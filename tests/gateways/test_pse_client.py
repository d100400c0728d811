"""The PSE client's requests and readings, on a scripted loopback server."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from kiosk.domain.payer import DocumentType, PayerData, PersonType
from kiosk.gateways.pse import (
    PseClient,
    PseStatus,
    PseTransaction,
    format_expiration,
    integrity_signature,
)
from kiosk.journal.privacy import pick_gateway_fields
from tests.gateways.faultserver import FaultServer, Json
from tests.gateways.helpers import FAST, RecordedSleep
from tests.gateways.samples import INTEGRITY, PRIVATE, PUBLIC, TOKENS, transaction

JURIDICAL = PayerData(
    PersonType.JURIDICAL,
    DocumentType.NIT,
    "9001234567",
    "Tienda SAS",
    "pagos@tienda.co",
    "3104445566",
)


@pytest.fixture
def client(server: FaultServer, sleeps: RecordedSleep) -> Iterator[PseClient]:
    made = PseClient(f"{server.url}/v1", PUBLIC, PRIVATE, INTEGRITY, server.url, FAST, sleep=sleeps)
    yield made
    made.close()


def test_integrity_signature_matches_wompis_documented_example() -> None:
    # The worked example of Wompi's "integrity signature" guide.
    assert (
        integrity_signature(
            "sk8-438k4-xmxm392-sn2m",
            2_490_000,
            "COP",
            "prod_integrity_Z5mMke9x0k8gpErbDqwrJXMqsI6SFli6",
        )
        == "37c8407747e595535433ef8f6a811d853cd943046624a0ec04662b17bbf33bf5"
    )


def test_integrity_signature_with_expiration_is_the_documented_concatenation() -> None:
    text = "R-1" + "150000" + "COP" + "2024-05-01T15:10:00.000Z" + "secret"
    assert (
        integrity_signature("R-1", 150_000, "COP", "secret", "2024-05-01T15:10:00.000Z")
        == hashlib.sha256(text.encode()).hexdigest()
    )


def test_acceptance_tokens_are_fetched_fresh_each_time(
    server: FaultServer, client: PseClient
) -> None:
    def merchant(n: int) -> Json:
        return Json(
            {
                "data": {
                    "presigned_acceptance": {
                        "acceptance_token": f"terms-{n}",
                        "permalink": "https://t/1",
                    },
                    "presigned_personal_data_auth": {
                        "acceptance_token": f"data-{n}",
                        "permalink": "p",
                    },
                }
            }
        )

    server.on("GET", f"/v1/merchants/{PUBLIC}", merchant(1), merchant(2))
    first, second = client.acceptance_tokens(), client.acceptance_tokens()
    assert (first.acceptance_token, first.personal_data_token) == ("terms-1", "data-1")
    assert first.acceptance_permalink == "https://t/1"
    assert second.acceptance_token == "terms-2"
    # The merchant call needs no key at all.
    assert "Authorization" not in server.received("GET", f"/v1/merchants/{PUBLIC}")[0].headers


def test_banks_are_cached_refreshable_and_skip_the_placeholder(
    server: FaultServer, client: PseClient
) -> None:
    listing = Json(
        {
            "data": [
                {
                    "financial_institution_code": "0",
                    "financial_institution_name": "A continuación...",
                },
                {
                    "financial_institution_code": "1",
                    "financial_institution_name": "Banco que aprueba",
                },
                {"financial_institution_code": 1007, "financial_institution_name": "BANCOLOMBIA"},
            ]
        }
    )
    server.on("GET", "/v1/pse/financial_institutions", listing)
    banks = client.banks()
    assert [(b.code, b.name) for b in banks] == [
        ("1", "Banco que aprueba"),
        ("1007", "BANCOLOMBIA"),
    ]
    assert client.banks() == banks
    assert server.count("GET", "/v1/pse/financial_institutions") == 1
    client.banks(refresh=True)
    assert server.count("GET", "/v1/pse/financial_institutions") == 2
    sent = server.received("GET", "/v1/pse/financial_institutions")[0]
    assert sent.headers["Authorization"] == f"Bearer {PUBLIC}"


def test_create_sends_cents_signature_and_payer_fields_once(
    server: FaultServer, client: PseClient
) -> None:
    server.on("POST", "/v1/transactions", Json({"data": transaction()}, status=201))
    expires = datetime(2024, 5, 1, 10, 10, tzinfo=timezone(timedelta(hours=-5)))
    created = client.create_pse_transaction(
        "REF-1", 15_000, JURIDICAL, "1", "Recarga REF-1", TOKENS, expiration_time=expires
    )
    assert created.status is PseStatus.PENDING and created.amount_pesos == 15_000
    (request,) = server.received("POST", "/v1/transactions")
    body = request.json()
    assert request.headers["Authorization"] == f"Bearer {PUBLIC}"
    assert body["amount_in_cents"] == 1_500_000 and body["currency"] == "COP"
    assert body["expiration_time"] == "2024-05-01T15:10:00.000Z"
    expected = hashlib.sha256(
        f"REF-11500000COP2024-05-01T15:10:00.000Z{INTEGRITY}".encode()
    ).hexdigest()
    # A plain string (Wompi's API reference), never the widget's {"integrity": ...} object.
    assert body["signature"] == expected
    assert body["acceptance_token"] == "tok-terms" and body["accept_personal_auth"] == "tok-data"
    assert body["customer_email"] == "pagos@tienda.co"
    assert body["customer_data"] == {"full_name": "Tienda SAS", "phone_number": "3104445566"}
    assert body["payment_method"] == {
        "type": "PSE",
        "user_type": 1,
        "user_legal_id_type": "NIT",
        "user_legal_id": "9001234567",
        "financial_institution_code": "1",
        "payment_description": "Recarga REF-1",
    }


@pytest.mark.parametrize("amount", [0, -5, 15_000.0, True])
def test_create_refuses_amounts_that_are_not_positive_whole_pesos(
    client: PseClient, amount: Any
) -> None:
    with pytest.raises(ValueError):
        client.create_pse_transaction("R", amount, JURIDICAL, "1", "d", TOKENS)


def test_find_by_reference_uses_the_private_key_and_reads_every_attempt(
    server: FaultServer, client: PseClient
) -> None:
    attempts = [
        transaction(
            "DECLINED",
            id="a",
            created_at="2024-05-01T15:00:00.000Z",
            finalized_at="2024-05-01T15:01:00.000Z",
            status_message="Rechazada",
        ),
        transaction("PENDING", id="b", created_at="2024-05-01T15:02:00.000Z"),
        transaction("PENDING", id="other", reference="REF-10"),
    ]
    server.on("GET", "/v1/transactions", Json({"data": attempts}))
    found = client.find_by_reference("REF-1")
    assert [t.id for t in found] == ["a", "b"]
    assert found[0].finalized_at == datetime(2024, 5, 1, 15, 1, tzinfo=UTC)
    (request,) = server.received("GET", "/v1/transactions")
    assert request.query == {"reference": ["REF-1"]}
    assert request.headers["Authorization"] == f"Bearer {PRIVATE}"


def _tx(id_: str, status: PseStatus, minute: int | None) -> PseTransaction:
    created = datetime(2024, 5, 1, 15, minute, tzinfo=UTC) if minute is not None else None
    return PseTransaction(id_, "R", status, None, 15_000, created, None)


def test_settle_attempts_prefers_the_approved_one_else_the_newest() -> None:
    declined, approved, pending = (
        _tx("1", PseStatus.DECLINED, 0),
        _tx("2", PseStatus.APPROVED, 1),
        _tx("3", PseStatus.PENDING, 2),
    )
    assert PseClient.settle_attempts([declined, approved, pending]) is approved
    assert PseClient.settle_attempts([pending, declined]) is pending
    assert PseClient.settle_attempts([declined, _tx("4", PseStatus.ERROR, 5)]).id == "4"
    assert PseClient.settle_attempts([]) is None


def test_transaction_reading_and_journal_fields_leave_out_payer_data(
    server: FaultServer, client: PseClient
) -> None:
    approved = transaction(
        "APPROVED",
        finalized_at="2024-05-01T15:03:00.000Z",
        payment_method={
            "type": "PSE",
            "user_legal_id": "1020304050",
            "extra": {
                "async_payment_url": "https://bank.example/pay/1",
                "traceability_code": "123456789",
            },
        },
    )
    server.on("GET", "/v1/transactions/11854-1-1", Json({"data": approved}))
    tx = client.get_transaction("11854-1-1")
    assert tx.bank_url == "https://bank.example/pay/1"
    assert tx.cus == "123456789" and tx.is_final
    fields = tx.journal_fields()
    assert fields["status"] == "APPROVED" and fields["amount_in_cents"] == 1_500_000
    assert fields["finalized_at"] == "2024-05-01T15:03:00+00:00"
    assert fields["id"] == "11854-1-1" and fields["traceability_code"] == "123456789"
    # The journal's own whitelist keeps every field the client hands it.
    assert pick_gateway_fields(fields) == fields
    text = repr(fields) + repr(tx)
    assert "ana@example.com" not in text and "1020304050" not in text


def test_checkout_url_has_the_documented_parameters_and_signature() -> None:
    client = PseClient("http://x/v1", PUBLIC, PRIVATE, INTEGRITY, "https://checkout.test/", FAST)
    expires = datetime(2024, 5, 1, 15, 10, 0, 123456, tzinfo=UTC)
    url = client.checkout_url("REF 1/ñ", 20_000, expires, redirect_url="https://shop.test/done?a=1")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "checkout.test", "/p/")
    assert "signature:integrity=" in parts.query  # the literal name, as Wompi writes it
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query == {
        "public-key": PUBLIC,
        "currency": "COP",
        "amount-in-cents": "2000000",
        "reference": "REF 1/ñ",
        "expiration-time": "2024-05-01T15:10:00.123Z",
        "redirect-url": "https://shop.test/done?a=1",
        "signature:integrity": hashlib.sha256(
            f"REF 1/ñ2000000COP2024-05-01T15:10:00.123Z{INTEGRITY}".encode()
        ).hexdigest(),
    }


def test_expiration_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError):
        format_expiration(datetime(2024, 5, 1, 15, 10))
