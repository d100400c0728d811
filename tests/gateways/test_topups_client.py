"""The top-up client's requests and its reading of operators, packs and transactions."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from kiosk.domain.catalogue import Pack
from kiosk.gateways.errors import GatewayProtocolError
from kiosk.gateways.topups import TopupClient, TopupStatus, parse_operator
from kiosk.journal.privacy import pick_provider_fields
from tests.gateways.faultserver import FaultServer, Json
from tests.gateways.helpers import RecordedSleep
from tests.gateways.samples import TOKEN_PATH, operator_answer, token, topup_answer, topup_client

CLARO = {
    "id": 900,
    "operatorId": 900,
    "name": "Claro Colombia",
    "bundle": False,
    "denominationType": "RANGE",
    "minAmount": 0.25,
    "maxAmount": 25,
    "localMinAmount": 1000,
    "localMaxAmount": 100000,
    "country": {"isoName": "CO", "name": "Colombia"},
    "fixedAmounts": [],
}
CLARO_BUNDLES_TEXT = {
    "operatorId": 901,
    "name": "Claro Colombia Bundles",
    "bundle": True,
    "denominationType": "FIXED",
    "fixedAmounts": [5000, 12000],
    "fixedAmountsDescriptions": {"5000.00": "Todo Incluido 3 días", "12000.00": "Todo Incluido 7"},
    "country": {"isoName": "CO"},
}


@pytest.fixture
def client(server: FaultServer, sleeps: RecordedSleep) -> Iterator[TopupClient]:
    server.on("POST", TOKEN_PATH, token())
    server.on("GET", "/topups-api/operators/900", Json(operator_answer(900)))
    server.on("GET", "/topups-api/operators/901", Json(operator_answer(901)))
    made = topup_client(server.url, sleeps)
    yield made
    made.close()


def test_topup_request_is_local_amount_with_our_reference(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("POST", "/topups-api/topups", Json(topup_answer("PENDING")))
    result = client.topup("REF-1", 901, 12_000, "3001234567", sender_line="3109876543")
    assert result.status is TopupStatus.PENDING and not result.status.is_final
    (request,) = server.received("POST", "/topups-api/topups")
    assert request.json() == {
        "operatorId": 901,
        "amount": 12_000,
        "useLocalAmount": True,
        "customIdentifier": "REF-1",
        "recipientPhone": {"countryCode": "CO", "number": "3001234567"},
        "senderPhone": {"countryCode": "CO", "number": "3109876543"},
    }


def test_topup_result_and_its_journal_fields(server: FaultServer, client: TopupClient) -> None:
    server.on("POST", "/topups-api/topups", Json(topup_answer()))
    result = client.topup("REF-1", 900, 5_000, "3001234567")
    assert result.status.delivered
    assert result.journal_fields() == {
        "transactionId": "77",
        "status": "SUCCESSFUL",
        "customIdentifier": "REF-1",
        "requestedAmount": 5_000,
        "deliveredAmount": 5_000,
        "operatorTransactionId": "OP-77",
        "transactionDate": "2024-05-01 10:00:00",
    }
    # The journal's own whitelist keeps every field the client hands it.
    assert pick_provider_fields(result.journal_fields()) == result.journal_fields()
    assert "3001234567" not in repr(result.journal_fields())


@pytest.mark.parametrize("amount", [0, 5_000.0, "5000", False])
def test_topup_refuses_amounts_that_are_not_whole_pesos(client: TopupClient, amount: Any) -> None:
    with pytest.raises(ValueError):
        client.topup("REF-1", 900, amount, "3001234567")


def test_find_by_custom_identifier(server: FaultServer, client: TopupClient) -> None:
    path = "/topups-api/topups/reports/transactions"
    server.on("GET", path, Json({"content": [topup_answer()], "last": True}), Json({"content": []}))
    found = client.find_by_custom_identifier("REF-1")
    assert found is not None and found.transaction_id == "77"
    assert client.find_by_custom_identifier("REF-2") is None
    assert [r.query for r in server.received("GET", path)] == [
        {"customIdentifier": ["REF-1"]},
        {"customIdentifier": ["REF-2"]},
    ]


def test_detect_operator_reads_local_amounts(server: FaultServer, client: TopupClient) -> None:
    path = "/topups-api/operators/auto-detect/phone/3001234567/countries/CO"
    server.on("GET", path, Json(CLARO))
    operator = client.detect_operator("3001234567")
    assert (operator.id, operator.brand, operator.is_bundle) == (900, "Claro", False)
    # With useLocalAmount the limits that matter are the local (COP) ones.
    assert (operator.min_amount_pesos, operator.max_amount_pesos) == (1_000, 100_000)


def test_bundle_packs_fall_back_to_free_text() -> None:
    operator = parse_operator(CLARO_BUNDLES_TEXT)
    assert operator.is_bundle and operator.fixed_amounts_pesos == (5_000, 12_000)
    assert operator.packs == (
        Pack(5_000, "Todo Incluido 3 días", "Todo Incluido 3 días"),
        Pack(12_000, "Todo Incluido 7", "Todo Incluido 7"),
    )


def test_bundle_packs_with_details_and_sample_prices() -> None:
    operator = parse_operator(
        {
            **CLARO_BUNDLES_TEXT,
            "samplePrices": True,
            "packs": [
                {
                    "amount": 5000,
                    "name": "Todo Incluido 3 días",
                    "dataMb": 1024,
                    "minutes": 100,
                    "apps": ["WhatsApp", "Facebook"],
                    "validityDays": 3,
                }
            ],
        }
    )
    (pack,) = operator.packs
    assert pack == Pack(
        amount_pesos=5_000,
        name="Todo Incluido 3 días",
        description="Todo Incluido 3 días",
        data_mb=1024,
        minutes=100,
        apps=("WhatsApp", "Facebook"),
        validity_days=3,
        sample_price=True,
    )


COUNTRY_PATH = "/topups-api/operators/countries/CO"
LOOK_ALIKE = {
    **CLARO,
    "id": 950,
    "operatorId": 950,
    "name": "Claro Guatemala",
    "country": {"isoName": "GT", "name": "Guatemala"},
}


def test_catalogue_comes_from_the_country_and_finds_the_brand(
    server: FaultServer, client: TopupClient
) -> None:
    movistar = {**CLARO, "operatorId": 700, "name": "Movistar Colombia"}
    server.on("GET", COUNTRY_PATH, Json([LOOK_ALIKE, movistar, CLARO, CLARO_BUNDLES_TEXT]))
    catalogue = client.catalogue_for("Claro")
    assert catalogue.topup_operator.id == 900
    assert catalogue.bundle_operator is not None and catalogue.bundle_operator.id == 901
    assert [pack.amount_pesos for pack in catalogue.packs] == [5_000, 12_000]
    (request,) = server.received("GET", COUNTRY_PATH)
    assert request.query == {"includeBundles": ["true"], "includeData": ["true"]}


def test_the_foreign_look_alike_is_never_offered(server: FaultServer, client: TopupClient) -> None:
    server.on("GET", COUNTRY_PATH, Json([LOOK_ALIKE, CLARO_BUNDLES_TEXT, CLARO]))
    operators = client.catalogue()
    assert 950 not in {op.id for op in operators}
    assert all(op.country_code == "CO" for op in operators)
    # Even alone under the brand, a foreign operator is no Claro Colombia.
    server.on("GET", COUNTRY_PATH, Json([LOOK_ALIKE]))
    with pytest.raises(GatewayProtocolError):
        client.catalogue_for("Claro")


def test_an_operator_without_its_country_is_not_offered(
    server: FaultServer, client: TopupClient
) -> None:
    nowhere = {key: value for key, value in CLARO.items() if key != "country"}
    server.on("GET", COUNTRY_PATH, Json([nowhere]))
    assert client.catalogue() == []


def test_catalogues_give_one_per_brand(server: FaultServer, client: TopupClient) -> None:
    tigo = {**CLARO, "operatorId": 800, "name": "Tigo Colombia"}
    tigo_packs = {**CLARO_BUNDLES_TEXT, "operatorId": 801, "name": "Tigo Colombia Paquetes"}
    listed = [LOOK_ALIKE, CLARO, CLARO_BUNDLES_TEXT, tigo, tigo_packs]
    server.on("GET", COUNTRY_PATH, *[Json(listed) for _ in range(3)])
    catalogues = client.catalogues()
    assert [(c.brand, c.topup_operator.id) for c in catalogues] == [("Claro", 900), ("Tigo", 800)]
    detected = parse_operator(tigo)
    found = client.catalogue_for_operator(detected)
    assert found.topup_operator.id == 800
    assert found.bundle_operator is not None and found.bundle_operator.id == 801
    with pytest.raises(GatewayProtocolError):
        client.catalogue_for_operator(parse_operator(LOOK_ALIKE))


def test_detection_of_a_foreign_operator_is_refused(
    server: FaultServer, client: TopupClient
) -> None:
    path = "/topups-api/operators/auto-detect/phone/3001234567/countries/CO"
    server.on("GET", path, Json(LOOK_ALIKE))
    with pytest.raises(GatewayProtocolError):
        client.detect_operator("3001234567")


def test_catalogue_without_the_brand_is_a_protocol_error(
    server: FaultServer, client: TopupClient
) -> None:
    server.on("GET", COUNTRY_PATH, Json([{**CLARO, "name": "Tigo Colombia"}]))
    with pytest.raises(GatewayProtocolError):
        client.catalogue_for("Claro")


def test_operator_amounts_in_a_usd_account() -> None:
    tigo = parse_operator(
        {
            **CLARO,
            "name": "Tigo Colombia",
            "supportsLocalAmounts": False,
            "senderCurrencyCode": "USD",
            "destinationCurrencyCode": "COP",
            "minAmount": 0.25,
            "maxAmount": 24.4,
            "fx": {"rate": 4100.5, "currencyCode": "COP"},
        }
    )
    assert tigo.fx_rate == Decimal("4100.5") and isinstance(tigo.fx_rate, Decimal)
    assert (tigo.min_amount, tigo.max_amount) == (Decimal("0.25"), Decimal("24.4"))
    assert (tigo.min_amount_pesos, tigo.max_amount_pesos) == (1_000, 100_000)
    assert (tigo.sender_currency, tigo.supports_local_amounts) == ("USD", False)
    sent = tigo.send_amount(10_000)
    assert (sent.amount, sent.currency, sent.use_local) == (Decimal("2.44"), "USD", False)


def test_a_foreign_account_without_a_rate_is_a_protocol_error() -> None:
    with pytest.raises(GatewayProtocolError):
        parse_operator({**CLARO, "senderCurrencyCode": "USD", "supportsLocalAmounts": False})


def test_non_whole_pack_amount_is_a_protocol_error() -> None:
    with pytest.raises(GatewayProtocolError):
        parse_operator({**CLARO_BUNDLES_TEXT, "fixedAmounts": [4999.5]})
