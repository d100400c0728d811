"""The sale controller stamps each request with the clerk signed in (``set_clerk``): the sale
service journals it with the sale. The service is a fake that keeps what it was asked."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from kiosk.config import PaymentConfig
from kiosk.controllers.sale import SaleController
from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import PaymentMode, SaleKind
from kiosk.domain.sale_request import SaleRequest
from kiosk.services.sales import SaleService

REQUEST = SaleRequest(SaleKind.TOPUP, "3105551212", 10_000, Operator(1, "Claro Colombia"))


class Opens:
    """Only ``payments.open_sale``: it keeps the request and refuses it (nothing follows)."""

    def __init__(self) -> None:
        self.payments = self
        self.asked: list[SaleRequest] = []

    def open_sale(self, request: SaleRequest) -> Any:
        self.asked.append(request)
        raise ValidationError("sale.limit_line_day", count=5, maximum=5)


def _controller(service: Opens) -> SaleController:
    return SaleController(cast(SaleService, service), PaymentConfig())


def test_a_prepared_request_carries_the_clerk_signed_in(qtbot: Any) -> None:
    service = Opens()
    controller = _controller(service)
    controller.set_clerk("  Ana ")
    controller.prepare(REQUEST)
    assert controller.sale.request is not None and controller.sale.request.clerk == "Ana"
    controller.choose_mode(PaymentMode.CHECKOUT)
    with qtbot.waitSignal(controller.failed, timeout=5_000):
        controller.pay()
    assert [request.clerk for request in service.asked] == ["Ana"]


def test_the_clerk_who_confirms_is_the_one_journaled(qtbot: Any) -> None:
    service = Opens()
    controller = _controller(service)
    controller.set_clerk("Ana")
    controller.prepare(REQUEST)
    controller.set_clerk("Luis")  # Ana signed out, Luis signed in before the payment
    with qtbot.waitSignal(controller.failed, timeout=5_000):
        controller.begin(REQUEST, PaymentMode.CHECKOUT)
    assert service.asked[-1].clerk == "Luis"


def test_with_nobody_signed_in_the_request_is_left_as_it_is(qtbot: Any) -> None:
    service = Opens()
    controller = _controller(service)
    assert controller.clerk == ""
    named = dataclasses.replace(REQUEST, clerk="Kiosko 2")
    with qtbot.waitSignal(controller.failed, timeout=5_000):
        controller.begin(named, PaymentMode.CHECKOUT)
    assert service.asked == [named]
