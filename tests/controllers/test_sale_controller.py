"""The sale controller's phases, and timing shapes that a real server cannot produce on demand
(a delivery still running when the QR's countdown ends, an approval found after a failed start,
a create whose answer was lost). The services are a scripted fake here on purpose; the real
flow is covered in tests/e2e."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from kiosk.config import PaymentConfig, load_config
from kiosk.controllers.sale import Phase, SaleController, SaleOnScreen
from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import ValidationError
from kiosk.domain.outcomes import Verdict
from kiosk.domain.payer import DocumentType, PayerData, PersonType
from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.domain.sale_request import PaymentStart, SaleRequest
from kiosk.gateways.errors import GatewayRejected, GatewayUnavailable, OutcomeUnknown
from kiosk.services.receipts import ReceiptService

S = SaleState
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
FAST = PaymentConfig(poll_fast_seconds=0.01, poll_slow_seconds=0.01)
REFERENCE = "KTEST"
PAYER = PayerData(
    PersonType.NATURAL, DocumentType.CC, "1098765432", "Ana Pérez", "ana@example.com", "3123456789"
)


class ScriptedSales:
    """The four sale services in one object, moved by what the test sets in ``verdicts``:
    each poll pops the next state (the last one repeats)."""

    def __init__(self, *, verdicts: tuple[SaleState, ...] = (S.PAYMENT_PENDING,)) -> None:
        self.payments = self.deliveries = self.settling = self
        self.receipts = ReceiptService(recorder=self, config=load_config())  # type: ignore[arg-type]
        self.verdicts = list(verdicts)
        self.state = S.CREATED
        self.mode = PaymentMode.ASSISTED
        self.gateway_status = ""
        self.open_error: BaseException | None = None
        self.start_error: BaseException | None = None
        self.state_after_start_error = S.PAYMENT_FAILED
        self.deliver_release = threading.Event()
        self.deliver_release.set()
        self.delivering = threading.Event()
        self.stopped_waiting = 0
        #: Reads of the top-up that answer PROCESSING before it is delivered.
        self.processing_reads = 0
        self.deliveries_asked = 0
        self.approved_at_stop = False
        self.starts = 0
        self.payment_start_calls = 0

    def progress(self, reference: str = REFERENCE) -> SaleProgress:
        return SaleProgress(
            reference=REFERENCE,
            kind=SaleKind.TOPUP,
            state=self.state,
            amount_pesos=10_000,
            created_at=NOW,
            state_since=NOW,
            mode=self.mode,
            gateway_status=self.gateway_status,
            line_masked="*** *** 6789",
        )

    def open_sale(self, request: SaleRequest) -> SaleProgress:
        if self.open_error is not None:
            raise self.open_error
        return self.progress()

    def _start(self, mode: PaymentMode) -> PaymentStart:
        self.starts += 1
        self.mode = mode
        if self.start_error is not None:
            error, self.start_error = self.start_error, None
            self.state = self.state_after_start_error
            raise error
        self.state = S.PAYMENT_PENDING
        return PaymentStart(
            REFERENCE, f"{REFERENCE}-{self.starts}", mode, "http://bank/1", 10_000, NOW
        )

    def start_checkout(self, reference: str) -> PaymentStart:
        return self._start(PaymentMode.CHECKOUT)

    def start_assisted(
        self,
        reference: str,
        payer: PayerData,
        bank: str,
        on_waiting_for_bank: Callable[[], None] | None = None,
    ) -> PaymentStart:
        if self.start_error is None and on_waiting_for_bank is not None:
            # As the real service does: created, then told while the bank URL is read.
            on_waiting_for_bank()
        return self._start(PaymentMode.ASSISTED)

    def payment_start(self, reference: str) -> PaymentStart | None:
        self.payment_start_calls += 1
        if self.state is not S.PAYMENT_PENDING:
            return None
        return PaymentStart(REFERENCE, REFERENCE, self.mode, "http://bank/found", 10_000, NOW)

    def poll(self, reference: str) -> SaleProgress:
        if self.state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING}:
            self.state = self.verdicts.pop(0) if len(self.verdicts) > 1 else self.verdicts[0]
            if self.state is S.PAYMENT_FAILED:
                self.gateway_status = "DECLINED"
        return self.progress()

    def deliver(self, reference: str) -> SaleProgress:
        self.deliveries_asked += 1
        if self.processing_reads > 0:
            self.processing_reads -= 1
            self.state = S.DELIVERY_UNKNOWN  # the provider answers PROCESSING
            return self.progress()
        self.state = S.DELIVERY_REQUESTED
        self.delivering.set()
        assert self.deliver_release.wait(10)
        self.state = S.DELIVERED
        return self.progress()

    def stop_waiting(self, reference: str, *, expired: bool) -> SaleProgress:
        self.stopped_waiting += 1
        if self.approved_at_stop:
            self.state = S.PAID  # the approval was journaled just before the cancel
        else:
            self.state = S.EXPIRED_UNCONFIRMED if expired else S.CANCELLED_UNCONFIRMED
        return self.progress()

    def reconcile(self, reference: str) -> SaleProgress:
        if self.state is S.PAID:
            self.state = S.DELIVERED
        return self.progress()


class GuiThreadOnly(SaleController):
    """Fails the test if the sale on screen is ever replaced off the GUI thread."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_sale":
            assert threading.current_thread() is threading.main_thread(), "a worker wrote"
        super().__setattr__(name, value)


OPERATOR = Operator(901, "Claro Colombia", min_amount_pesos=1_000, max_amount_pesos=100_000)


def _request() -> SaleRequest:
    return SaleRequest(SaleKind.TOPUP, "3123456789", 10_000, OPERATOR)


@pytest.fixture
def sales() -> ScriptedSales:
    return ScriptedSales()


@pytest.fixture
def controller(qtbot: Any, sales: ScriptedSales) -> Iterator[SaleController]:
    made = GuiThreadOnly(sales, FAST, clock=lambda: NOW)  # type: ignore[arg-type]
    yield made
    made.reset()


def phase_becomes(qtbot: Any, controller: SaleController, phase: Phase) -> None:
    qtbot.waitUntil(lambda: controller.sale.phase is phase, timeout=5000)


def verdicts_of(controller: SaleController) -> list[Verdict]:
    seen: list[Verdict] = []
    controller.finished.connect(seen.append)
    return seen


# -- phases ------------------------------------------------------------------------------


def test_a_new_controller_holds_no_sale(controller: SaleController) -> None:
    assert controller.sale == SaleOnScreen()
    assert controller.sale.phase is Phase.IDLE and not controller.is_active(REFERENCE)


def test_prepare_choose_and_pay_walk_the_phases_to_waiting(
    qtbot: Any, controller: SaleController
) -> None:
    controller.prepare(_request())
    assert controller.sale.phase is Phase.PREPARED and controller.sale.request == _request()
    assert not controller.is_active(REFERENCE), "nothing is journaled before paying"
    controller.choose_mode(PaymentMode.CHECKOUT)
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000) as started:
        controller.pay()
        assert controller.sale.phase is Phase.STARTING
    assert started.args[0].mode is PaymentMode.CHECKOUT
    sale = controller.sale
    assert sale.phase is Phase.WAITING and sale.reference == REFERENCE and sale.qr_shown
    assert controller.is_active(REFERENCE)


def test_an_approved_sale_is_delivered_then_finished_with_its_receipt(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.verdicts = [S.PAYMENT_PENDING, S.PAID]
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    (verdict,) = seen
    assert verdict.receipt.state is S.DELIVERED and verdict.receipt.reference == REFERENCE
    assert verdict.receipt.masked_line == "*** *** 6789" and not verdict.can_retry
    assert controller.sale.phase is Phase.FINISHED and not controller.is_active(REFERENCE)


def test_a_declined_assisted_attempt_is_retryable_and_stays_followed(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.verdicts = [S.PAYMENT_FAILED]
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].can_retry and seen[0].worded_state is S.DECLINED
    assert controller.sale.phase is Phase.RETRYABLE and controller.sale.can_retry
    assert controller.is_active(REFERENCE), "the reconciler must not close it under the clerk"

    sales.verdicts = [S.PAID]
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000):
        controller.pay(PAYER, "1")  # the same sale, a new attempt
    assert sales.starts == 2
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[1].receipt.state is S.DELIVERED


def test_a_refused_amount_leaves_nothing_followed(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.open_error = ValidationError("amount.above_maximum", maximum=100_000)
    with qtbot.waitSignal(controller.failed, timeout=5000) as failed:
        controller.begin(_request(), PaymentMode.CHECKOUT)
    assert "100" in failed.args[0]
    assert controller.sale.phase is Phase.IDLE and not controller.sale.reference


def test_a_refused_create_lets_the_clerk_correct_and_retry(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.start_error = GatewayRejected("pse", status=422, error_code="INPUT_VALIDATION_ERROR")
    with qtbot.waitSignal(controller.attemptFailed, timeout=5000):
        controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    assert controller.sale.phase is Phase.RETRYABLE and controller.is_active(REFERENCE)


def test_cancel_stops_waiting_then_finishes_unconfirmed(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    seen = verdicts_of(controller)
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000):
        controller.begin(_request(), PaymentMode.CHECKOUT)
    controller.cancel()
    assert controller.sale.phase is Phase.STOPPING
    controller.cancel()  # a second press changes nothing
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].receipt.state is S.CANCELLED_UNCONFIRMED and sales.stopped_waiting == 1
    assert controller.sale.phase is Phase.FINISHED and not controller.is_active(REFERENCE)


def test_the_wait_for_the_bank_page_is_told_on_the_gui_thread_before_the_qr(
    qtbot: Any, controller: SaleController
) -> None:
    heard: list[tuple[str, bool]] = []
    on_gui = threading.main_thread

    def note(what: str) -> None:
        heard.append((what, threading.current_thread() is on_gui()))

    controller.waitingForBank.connect(lambda: note("waiting for the bank"))
    controller.paymentStarted.connect(lambda start: note("payment started"))
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000):
        controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    assert heard == [("waiting for the bank", True), ("payment started", True)]


def test_a_checkout_start_waits_for_no_bank(qtbot: Any, controller: SaleController) -> None:
    with (
        qtbot.assertNotEmitted(controller.waitingForBank),
        qtbot.waitSignal(controller.paymentStarted, timeout=5000),
    ):
        controller.begin(_request(), PaymentMode.CHECKOUT)


def test_reset_drops_the_answers_of_the_sale_it_forgot(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.deliver_release.clear()
    sales.verdicts = [S.PAID]
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(sales.delivering.is_set, timeout=5000)
    generation = controller.sale.generation
    controller.reset()
    assert controller.sale.phase is Phase.IDLE and controller.sale.generation == generation + 1
    with qtbot.assertNotEmitted(controller.finished, wait=200):
        sales.deliver_release.set()
    assert seen == []


def test_a_lost_create_answer_is_followed_and_its_qr_shown_once_found(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.start_error = OutcomeUnknown("pse", REFERENCE, "timeout")
    sales.state_after_start_error = S.PAYMENT_UNKNOWN
    sales.verdicts = [S.PAYMENT_PENDING]
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000) as started:
        controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
        qtbot.waitUntil(lambda: controller.sale.phase is Phase.WAITING, timeout=5000)
    assert started.args[0].qr_text == "http://bank/found"
    assert controller.sale.qr_shown and controller.is_active(REFERENCE)
    calls = sales.payment_start_calls
    with qtbot.assertNotEmitted(controller.paymentStarted, wait=100):
        pass  # polls go on, the QR is not shown twice
    assert sales.payment_start_calls == calls


# -- timing shapes -----------------------------------------------------------------------


def test_countdown_ending_during_delivery_does_not_hide_the_verdict(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.deliver_release.clear()
    sales.verdicts = [S.PAID]
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(sales.delivering.is_set, timeout=5000)
    assert controller.sale.phase is Phase.DELIVERING

    controller.expire()  # the QR's countdown ends while the line is being credited
    controller.cancel()  # and a late press of "Cancelar" changes nothing either
    sales.deliver_release.set()

    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert [verdict.receipt.state for verdict in seen] == [S.DELIVERED]
    assert sales.stopped_waiting == 0


def test_an_approval_found_after_a_failed_start_is_delivered_and_shown(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.start_error = GatewayUnavailable("pse", "no_bank_url")
    sales.state_after_start_error = S.PAID  # approved, but the bank URL never came
    moved: list[SaleState] = []
    controller.progressChanged.connect(lambda progress: moved.append(progress.state))
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")

    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert moved[0] is S.PAID, "the screen hears of the approval before the result"
    assert [verdict.receipt.state for verdict in seen] == [S.DELIVERED]


def test_polls_fast_at_first_then_slowly(qtbot: Any, sales: ScriptedSales) -> None:
    timing = PaymentConfig(
        poll_fast_seconds=0.05, poll_fast_window_seconds=120, poll_slow_seconds=0.2
    )
    now = [NOW]
    controller = SaleController(sales, timing, clock=lambda: now[0])  # type: ignore[arg-type]
    polls: list[SaleProgress] = []
    controller.polled.connect(polls.append)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(lambda: len(polls) >= 1, timeout=5000)
    assert controller.poll_interval_ms == 50

    now[0] = NOW + timedelta(seconds=121)  # past the fast window
    seen = len(polls)
    qtbot.waitUntil(lambda: len(polls) > seen, timeout=5000)
    assert controller.poll_interval_ms == 200
    controller.reset()


def test_a_top_up_still_processing_is_followed_until_it_is_delivered(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.verdicts = [S.PAID]
    sales.processing_reads = 3
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert [verdict.receipt.state for verdict in seen] == [S.DELIVERED]
    assert sales.deliveries_asked == 4, "asked again while the provider was processing"


def test_a_delivery_is_followed_on_screen_only_for_the_fast_window(
    qtbot: Any, sales: ScriptedSales
) -> None:
    now = [NOW]
    timing = PaymentConfig(poll_fast_seconds=0.01, poll_fast_window_seconds=60)
    controller = SaleController(sales, timing, clock=lambda: now[0])  # type: ignore[arg-type]
    sales.verdicts = [S.PAID]
    sales.processing_reads = 1_000  # the provider keeps processing
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(lambda: sales.deliveries_asked >= 2, timeout=5000)
    now[0] = NOW + timedelta(seconds=61)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].receipt.state is S.DELIVERY_UNKNOWN  # "in progress": the reconciler follows
    assert not controller.is_active(REFERENCE)


def test_an_approval_found_while_cancelling_is_delivered_at_once(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    seen = verdicts_of(controller)
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000):
        controller.begin(_request(), PaymentMode.CHECKOUT)
    sales.approved_at_stop = True
    controller.cancel()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].receipt.state is S.DELIVERED, "not left to a later reconciliation pass"


def test_after_a_declined_attempt_the_payer_may_take_the_qr_in_the_same_sale(
    qtbot: Any, controller: SaleController, sales: ScriptedSales
) -> None:
    sales.verdicts = [S.PAYMENT_FAILED]
    seen = verdicts_of(controller)
    controller.begin(_request(), PaymentMode.ASSISTED, PAYER, "1")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert controller.sale.phase is Phase.RETRYABLE
    controller.choose_mode(PaymentMode.CHECKOUT)
    with qtbot.waitSignal(controller.paymentStarted, timeout=5000) as started:
        controller.pay()
    assert started.args[0].mode is PaymentMode.CHECKOUT and sales.starts == 2
    assert controller.sale.reference == REFERENCE, "the same sale"
