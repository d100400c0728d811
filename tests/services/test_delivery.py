"""Delivery after an approved payment: refused, unknown, interrupted; never twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleState
from kiosk.gateways.errors import GatewayRejected
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer
from tests.support.clocks import OffsetClock
from tests.support.sandbox import (
    REFUSED_LINE,
    SLOW_LINE,
    provider_balance,
    provider_topups,
    wait_for,
)

S = SaleState
LINE = "3105550404"


def paid_sale(counter: Counter, line: str, amount_pesos: int = 10_000) -> str:
    """A sale paid through bank 1 and polled until the poll's delivery attempt has run."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(line, amount_pesos)).reference
    service.payments.start_assisted(reference, assisted_payer(line), "1")
    wait_for(
        lambda: service.settling.follow(reference),
        lambda progress: progress.state not in {S.PAYMENT_REQUESTED, S.PAYMENT_PENDING},
    )
    return reference


def test_a_line_the_provider_refuses_is_paid_not_delivered(
    counter: Counter, sandbox: SandboxServer
) -> None:
    reference = paid_sale(counter, REFUSED_LINE)
    progress = counter.progress(reference)
    assert progress.state is S.PAID_NOT_DELIVERED and progress.refusal == "PROVIDER_REFUSED"
    assert progress.gateway_status == "APPROVED"  # the customer did pay: the receipt says so

    report = counter.reconciler.run_once(everything=True)
    assert report.paid_not_delivered == [reference] and report.looked_up == []
    assert counter.progress(reference).state is S.PAID_NOT_DELIVERED
    assert provider_topups(sandbox, reference) == []


def test_the_store_float_running_out_is_paid_not_delivered(
    counter: Counter, sandbox: SandboxServer
) -> None:
    """The float ran out while the customer paid (another kiosk spent it): the sale was
    allowed when it opened, the provider refuses it now."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    sandbox.set_account_balance(0)
    service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    wait_for(
        lambda: service.settling.follow(reference),
        lambda progress: progress.state not in {S.PAYMENT_REQUESTED, S.PAYMENT_PENDING},
    )
    progress = counter.progress(reference)
    assert progress.state is S.PAID_NOT_DELIVERED and progress.refusal == "INSUFFICIENT_BALANCE"
    assert counter.reconciler.run_once(everything=True).paid_not_delivered == [reference]
    assert provider_topups(sandbox, reference) == [] and provider_balance(sandbox) == 0


def test_a_slow_provider_answer_is_settled_by_reference_never_sent_twice(
    counter: Counter, sandbox: SandboxServer
) -> None:
    reference = paid_sale(counter, SLOW_LINE)
    assert counter.progress(reference).state is S.DELIVERY_UNKNOWN
    float_after_one = provider_balance(sandbox)

    report = counter.reconciler.run_once(everything=True)

    assert report.moved == {reference: S.DELIVERED}
    (topup,) = provider_topups(sandbox, reference)
    assert counter.progress(reference).provider_transaction_id == str(topup["transactionId"])
    assert provider_balance(sandbox) == float_after_one
    assert counter.states(reference)[-3:] == [
        S.DELIVERY_REQUESTED,
        S.DELIVERY_UNKNOWN,
        S.DELIVERED,
    ]


class Crash(BaseException):
    """The app dies in the middle of a call (power cut, kill): nothing catches it."""


class DiesDuringTopup:
    """The real top-up client; the top-up kills the app before or after reaching the provider."""

    def __init__(self, real: Any, *, reaches_provider: bool) -> None:
        self._real = real
        self._reaches = reaches_provider

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def topup(self, **kwargs: Any) -> Any:
        if self._reaches:
            self._real.topup(**kwargs)
        raise Crash


@pytest.mark.parametrize("reaches_provider", [False, True], ids=["before-sending", "after-sending"])
def test_a_top_up_interrupted_by_a_crash_is_delivered_once_after_restart(
    make_counter: Callable[..., Counter],
    sandbox: SandboxServer,
    offset_clock: OffsetClock,
    reaches_provider: bool,
) -> None:
    dying = make_counter(
        topups=lambda real: DiesDuringTopup(real, reaches_provider=reaches_provider)
    )
    reference = dying.service.payments.open_sale(dying.topup_request(LINE)).reference
    dying.service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    with pytest.raises(Crash):
        wait_for(lambda: dying.service.settling.follow(reference), lambda _: False)
    assert dying.states(reference)[-1] is S.DELIVERY_REQUESTED
    dying.close()

    restarted = make_counter()
    # The restarted app holds the journal's lock and has sent nothing yet: its start-up pass
    # knows the top-up was interrupted and settles it at once (the customer waits seconds).
    report = restarted.reconciler.run_once(everything=True, at_start_up=True)
    assert report.moved == {reference: S.DELIVERED}

    assert len(provider_topups(sandbox, reference)) == 1
    states = restarted.states(reference)
    assert states.count(S.DELIVERY_REQUESTED) == (1 if reaches_provider else 2)
    assert states[-1] is S.DELIVERED


def test_a_young_requested_top_up_is_left_alone_by_a_pass_after_start_up(
    make_counter: Callable[..., Counter], offset_clock: OffsetClock
) -> None:
    """Later passes cannot know whether one of the app's own workers is still sending (a
    screen reset while delivering): they wait for the send's deadline before looking."""
    dying = make_counter(topups=lambda real: DiesDuringTopup(real, reaches_provider=False))
    reference = dying.service.payments.open_sale(dying.topup_request(LINE)).reference
    dying.service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    with pytest.raises(Crash):
        wait_for(lambda: dying.service.settling.follow(reference), lambda _: False)
    dying.close()

    running = make_counter()
    assert running.reconciler.run_once(everything=True).moved == {}
    offset_clock.advance(timedelta(minutes=1))
    assert running.reconciler.run_once(everything=True).moved == {reference: S.DELIVERED}


def test_a_sale_the_float_cannot_pay_is_refused_before_payment(
    counter: Counter, sandbox: SandboxServer
) -> None:
    sandbox.set_account_balance(5_000)
    entries = counter.journal.entry_count()
    with pytest.raises(ValidationError) as refused:
        counter.service.payments.open_sale(counter.topup_request(LINE, 10_000))
    assert refused.value.code == "topup.float_too_low"
    assert counter.journal.entry_count() == entries
    assert counter.service.payments.open_sale(counter.topup_request(LINE, 5_000)).amount_pesos


class RefusesAResend:
    """The real client, but the provider has no record yet of the first top-up (it lands
    late) and refuses the resend with a code nobody documents."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def find_by_custom_identifier(self, reference: str) -> Any:
        return None

    def topup(self, **kwargs: Any) -> Any:
        raise GatewayRejected("topups", status=400, error_code="REQUEST_NOT_PROCESSED")


def test_a_refused_resend_is_never_read_as_a_refusal(
    make_counter: Callable[..., Counter],
) -> None:
    counter = make_counter(topups=RefusesAResend)
    reference = counter.service.payments.open_sale(counter.topup_request(LINE)).reference
    progress = counter.service.progress(reference)
    # As after a crash: the top-up was requested, its outcome is unknown.
    for state, event in (
        (S.PAYMENT_PENDING, "payment_pending"),
        (S.PAID, "payment_approved"),
        (S.DELIVERY_REQUESTED, "delivery_requested"),
        (S.DELIVERY_UNKNOWN, "delivery_outcome_unknown"),
    ):
        progress = counter.service.recorder.move(progress, state, event)
    ended = counter.service.deliveries.deliver(reference)
    assert ended.state is S.DELIVERY_UNKNOWN, "only a look-up settles a resend"
    assert S.PAID_NOT_DELIVERED not in counter.states(reference)
