"""SaleController timing shapes that a real server cannot produce on demand: a delivery that
is still running when the QR's countdown ends, and an approval found after a failed start.
The service is a fake here on purpose; the real flow is covered in tests/e2e."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from kiosk.config import PaymentConfig
from kiosk.controllers.sale import SaleController
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.gateways.errors import GatewayUnavailable
from kiosk.services.sale_record import SaleProgress
from kiosk.services.sales import PaymentStart, SaleRequest

S = SaleState
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
FAST = PaymentConfig(poll_fast_seconds=0.01, poll_slow_seconds=0.01)


class SlowDeliveryService:
    """Approves at the first poll; ``deliver`` waits until the test lets it finish."""

    def __init__(self, *, fail_start: bool = False) -> None:
        self.release = threading.Event()
        self.delivering = threading.Event()
        self.fail_start = fail_start
        self.stopped_waiting = 0
        self.state = S.CREATED

    def _progress(self) -> SaleProgress:
        return SaleProgress(
            reference="KTEST",
            kind=SaleKind.TOPUP,
            state=self.state,
            amount_pesos=10_000,
            created_at=NOW,
            state_since=NOW,
            mode=PaymentMode.ASSISTED,
        )

    def open_sale(self, request: SaleRequest) -> str:
        return "KTEST"

    def start_assisted(self, reference: str, payer: object, bank: str) -> PaymentStart:
        if self.fail_start:
            self.state = S.PAID  # approved, but the bank URL never came
            raise GatewayUnavailable("pse", "no_bank_url")
        self.state = S.PAYMENT_PENDING
        return PaymentStart(
            reference,
            reference,
            PaymentMode.ASSISTED,
            "http://bank/1",
            10_000,
            NOW + timedelta(minutes=10),
        )

    def progress(self, reference: str) -> SaleProgress:
        return self._progress()

    def poll_payment(self, reference: str, *, deliver: bool = True) -> SaleProgress:
        if self.state is S.PAYMENT_PENDING:
            self.state = S.PAID
        return self._progress()

    def deliver(self, reference: str) -> SaleProgress:
        self.state = S.DELIVERY_REQUESTED
        self.delivering.set()
        assert self.release.wait(10)
        self.state = S.DELIVERED
        return self._progress()

    def stop_waiting(self, reference: str, *, expired: bool) -> SaleProgress:
        self.stopped_waiting += 1
        return self._progress()

    def reconcile(self, reference: str) -> SaleProgress:
        return self._progress()

    def receipt(self, reference: str) -> Receipt:
        return Receipt(reference, SaleKind.TOPUP, self.state, 10_000, "*** *** 6789", NOW)


def _request() -> SaleRequest:
    return SaleRequest(SaleKind.TOPUP, "3123456789", 10_000, 901)


def test_countdown_ending_during_delivery_does_not_hide_the_verdict(qtbot) -> None:
    service = SlowDeliveryService()
    controller = SaleController(service, FAST, clock=lambda: NOW)  # type: ignore[arg-type]
    results: list[Receipt] = []
    controller.finished.connect(results.append)
    controller.begin(_request(), PaymentMode.ASSISTED, payer=object(), bank_code="1")  # type: ignore[arg-type]
    qtbot.waitUntil(service.delivering.is_set, timeout=5000)

    controller.expire()  # the QR's countdown ends while the line is being credited
    controller.cancel()  # and a late press of "Cancelar" changes nothing either
    service.release.set()

    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert [receipt.state for receipt in results] == [S.DELIVERED]
    assert service.stopped_waiting == 0


def test_an_approval_found_after_a_failed_start_is_delivered_and_shown(qtbot) -> None:
    service = SlowDeliveryService(fail_start=True)
    service.release.set()
    controller = SaleController(service, FAST, clock=lambda: NOW)  # type: ignore[arg-type]
    seen: list[SaleState] = []
    results: list[Receipt] = []
    controller.progressChanged.connect(lambda progress: seen.append(progress.state))
    controller.finished.connect(results.append)
    controller.begin(_request(), PaymentMode.ASSISTED, payer=object(), bank_code="1")  # type: ignore[arg-type]

    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert seen[0] is S.PAID, "the screen hears of the approval before the result"
    assert [receipt.state for receipt in results] == [S.DELIVERED]


class PendingService(SlowDeliveryService):
    """The bank never answers: the payment stays pending."""

    def poll_payment(self, reference: str, *, deliver: bool = True) -> SaleProgress:
        return self._progress()


def test_polls_fast_at_first_then_slowly(qtbot) -> None:
    timing = PaymentConfig(
        poll_fast_seconds=0.05, poll_fast_window_seconds=120, poll_slow_seconds=0.2
    )
    now = [NOW]
    service = PendingService()
    controller = SaleController(service, timing, clock=lambda: now[0])  # type: ignore[arg-type]
    polls: list[SaleProgress] = []
    controller.polled.connect(polls.append)
    controller.begin(_request(), PaymentMode.ASSISTED, payer=object(), bank_code="1")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(polls) >= 1, timeout=5000)
    assert controller.poll_interval_ms == 50

    now[0] = NOW + timedelta(seconds=121)  # past the fast window
    seen = len(polls)
    qtbot.waitUntil(lambda: len(polls) > seen, timeout=5000)
    assert controller.poll_interval_ms == 200
    controller.reset()
