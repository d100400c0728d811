"""The catalogue controller's float: read in the background on a timer (a short one here),
told with ``floatReady`` and, under the store's threshold, ``floatLow``; read again after a
delivered sale. The service is a fake: the real one is covered in tests/services and e2e."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast

import pytest
from PySide6.QtCore import QObject, Signal

from kiosk.controllers.catalogue import FLOAT_REFRESH_MS, CatalogueController
from kiosk.controllers.sale import SaleController
from kiosk.domain.outcomes import Verdict
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.domain.store_float import Money, warning_threshold
from kiosk.gateways.errors import GatewayUnavailable
from kiosk.services.catalogue import CatalogueService

FAST_MS = 20


class FakeFloat:
    """The catalogue service's float: the balance the test sets, and the store's threshold."""

    def __init__(self, balance: Money, below: int = 100) -> None:
        self.balance: Money | BaseException = balance
        self.below = below
        self.reads = 0
        self._lock = threading.Lock()

    def store_float(self) -> Money:
        with self._lock:
            self.reads += 1
            if isinstance(self.balance, BaseException):
                raise self.balance
            return self.balance

    def float_warning(self, balance: Money) -> Money | None:
        return warning_threshold(balance, self.below)


class FakeSales(QObject):
    finished = Signal(object)


_made: list[CatalogueController] = []


@pytest.fixture(autouse=True)
def _stop_refreshing() -> Iterator[None]:
    """Each test's controllers stop their background reads when it ends (as the app's close
    does)."""
    yield
    while _made:
        _made.pop().stop_float_refresh()


def _controller(service: FakeFloat, every_ms: int = FAST_MS) -> CatalogueController:
    controller = CatalogueController(cast(CatalogueService, service), float_every_ms=every_ms)
    _made.append(controller)
    return controller


def _verdict(state: SaleState) -> Verdict:
    receipt = Receipt("K1", SaleKind.TOPUP, state, 10_000, "*** *** 1212", datetime.now(UTC))
    return Verdict(receipt, state, can_retry=False)


def test_the_float_is_read_again_every_minute_by_default() -> None:
    assert FLOAT_REFRESH_MS == 60_000
    controller = _controller(FakeFloat(Money(Decimal(500), "USD")), FLOAT_REFRESH_MS)
    assert controller.float_refresh_ms == 60_000


def test_a_float_under_the_threshold_is_told_low_after_it_is_told(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal("99.99"), "USD"), below=100)
    controller = _controller(service)
    told: list[str] = []
    controller.floatReady.connect(lambda balance: told.append("ready"))
    with qtbot.waitSignal(controller.floatLow, timeout=5_000) as low:
        controller.floatLow.connect(lambda *args: told.append("low"))
        controller.load_float()
    assert low.args == [Money(Decimal("99.99"), "USD"), Money(Decimal(100), "USD")]
    assert told == ["ready", "low"]
    assert controller.store_float == Money(Decimal("99.99"), "USD")


def test_a_float_at_the_threshold_is_not_low(qtbot: Any) -> None:
    controller = _controller(FakeFloat(Money(Decimal(100), "USD"), below=100), every_ms=60_000)
    lows: list[object] = []
    controller.floatLow.connect(lambda *args: lows.append(args))
    with qtbot.waitSignal(controller.floatReady, timeout=5_000):
        controller.load_float()
    assert lows == []


def test_the_timer_reads_the_float_again_and_tells_when_it_runs_low(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal(5_000_000), "COP"), below=100)
    controller = _controller(service)
    with qtbot.waitSignal(controller.floatReady, timeout=5_000):
        controller.load_float()
    service.balance = Money(Decimal(50), "COP")  # the provider's balance ran down meanwhile
    with qtbot.waitSignal(controller.floatLow, timeout=5_000) as low:
        pass  # no one asks: the timer does
    assert low.args[0] == Money(Decimal(50), "COP")
    assert service.reads >= 2


def test_a_failed_read_is_tried_again_on_the_timer(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal(20), "USD"))
    service.balance = GatewayUnavailable("topups", "timeout")
    controller = _controller(service)
    controller.load_float()
    qtbot.waitUntil(lambda: service.reads >= 1, timeout=5_000)
    service.balance = Money(Decimal(20), "USD")
    with qtbot.waitSignal(controller.floatReady, timeout=5_000) as ready:
        pass
    assert ready.args == [Money(Decimal(20), "USD")]


def test_no_threshold_never_warns(qtbot: Any) -> None:
    controller = _controller(FakeFloat(Money(Decimal(0), "COP"), below=0), every_ms=60_000)
    lows: list[object] = []
    controller.floatLow.connect(lambda *args: lows.append(args))
    with qtbot.waitSignal(controller.floatReady, timeout=5_000):
        controller.load_float()
    assert lows == []


def test_a_delivered_sale_reads_the_float_again(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal(900), "USD"))
    controller = _controller(service, every_ms=60_000)
    sales = FakeSales()
    controller.follow_sales(cast(SaleController, sales))
    with qtbot.waitSignal(controller.floatReady, timeout=5_000):
        sales.finished.emit(_verdict(SaleState.DELIVERED))
    assert service.reads == 1


def test_a_sale_that_spent_nothing_does_not(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal(900), "USD"))
    controller = _controller(service, every_ms=60_000)
    sales = FakeSales()
    controller.follow_sales(cast(SaleController, sales))
    sales.finished.emit(_verdict(SaleState.DECLINED))
    ready: list[object] = []
    controller.floatReady.connect(ready.append)
    controller.load_float()  # had the declined sale asked for a read, this one would follow it
    qtbot.waitUntil(lambda: len(ready) == 1, timeout=5_000)
    assert service.reads == 1


def test_reads_asked_while_one_runs_make_one_more_read(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal(900), "USD"))
    controller = _controller(service, every_ms=60_000)
    ready: list[object] = []
    controller.floatReady.connect(ready.append)
    for _ in range(3):
        controller.load_float()
    qtbot.waitUntil(lambda: len(ready) == 2, timeout=5_000)
    assert service.reads == 2


def test_a_read_that_ends_after_the_refresh_stopped_schedules_none(qtbot: Any) -> None:
    service = FakeFloat(Money(Decimal(900), "USD"))
    controller = _controller(service, every_ms=60_000)
    with qtbot.waitSignal(controller.floatReady, timeout=5_000):
        controller.load_float()
        controller.stop_float_refresh()  # the app closes while the read is on its way
    assert not controller.float_refresh_waiting
    with qtbot.waitSignal(controller.floatReady, timeout=5_000):
        controller.load_float()  # asked again: the refresh starts again
    assert controller.float_refresh_waiting
