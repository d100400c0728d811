"""Every Colombian operator the provider lists is sold, each with its own amounts and packs;
a ported line is sold under the operator that serves it now; a store may sell only some."""

from __future__ import annotations

from kiosk.domain.sale import SaleKind, SaleState
from kiosk.domain.sale_request import SaleRequest
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer
from tests.support.sandbox import outbox, provider_topups, wait_for

MOVISTAR_LINE = "3161234567"  # a Movistar prefix
TIGO_LINE = "3011234567"  # a Tigo prefix
PORTED_TO_TIGO = "3129876543"  # a Claro prefix, ported to Tigo


def _delivered(counter: Counter, request: SaleRequest) -> str:
    payments = counter.service.payments
    reference = payments.open_sale(request).reference
    payments.start_assisted(reference, assisted_payer(request.line), "1")
    wait_for(
        lambda: counter.service.settling.follow(reference),
        lambda progress: progress.state is SaleState.DELIVERED,
    )
    return reference


def test_the_store_sells_every_colombian_operator_the_provider_lists(counter: Counter) -> None:
    brands = [offer.brand for offer in counter.catalogue.offers()]
    assert set(brands) == {"Claro", "Movistar", "Tigo", "WOM"}, "and no foreign look-alike"
    for offer in counter.catalogue.offers():
        assert offer.topup_operator.is_colombian
        assert all(pack in offer.catalogue.packs for pack in offer.packs)


def test_a_movistar_top_up_is_delivered_under_movistar(
    counter: Counter, sandbox: SandboxServer
) -> None:
    found = counter.catalogue.detect(MOVISTAR_LINE)
    assert found.brand == "Movistar" and not found.ported_from
    request = SaleRequest(SaleKind.TOPUP, MOVISTAR_LINE, 10_000, found.offer.topup_operator)
    reference = _delivered(counter, request)
    (topup,) = provider_topups(sandbox, reference)
    assert topup["operatorId"] == found.offer.topup_operator.id
    receipt = counter.service.receipts.for_reference(reference)
    assert receipt.operator_name == found.offer.topup_operator.name  # receipts name it
    assert counter.service.progress(reference).operator_name.startswith("Movistar")


def test_a_tigo_gift_pack_comes_from_tigos_catalogue(
    counter: Counter, sandbox: SandboxServer
) -> None:
    found = counter.catalogue.detect(TIGO_LINE)
    assert found.brand == "Tigo" and found.offer.bundle_operator is not None
    pack = found.offer.packs[0]
    request = SaleRequest(
        SaleKind.GIFT_PACK, TIGO_LINE, pack.amount_pesos, found.offer.bundle_operator, pack=pack
    )
    reference = _delivered(counter, request)
    (topup,) = provider_topups(sandbox, reference)
    assert topup["operatorId"] == found.offer.bundle_operator.id
    assert any(pack.name in sms["text"] for sms in outbox(sandbox, TIGO_LINE))


def test_a_ported_line_is_sold_under_its_current_operator(counter: Counter) -> None:
    found = counter.catalogue.detect(PORTED_TO_TIGO)
    assert (found.brand, found.ported_from) == ("Tigo", "Claro")
    request = SaleRequest(SaleKind.TOPUP, PORTED_TO_TIGO, 10_000, found.offer.topup_operator)
    assert _delivered(counter, request)
