"""A create whose answer never came: settled by looking its reference up, never guessed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.domain.sale import PaymentMode, SaleState
from kiosk.gateways.errors import OutcomeUnknown
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer, past_expiry
from tests.support.clocks import OffsetClock
from tests.support.sandbox import provider_topups, pse_attempts, wait_for

S = SaleState
LINE = "3105550505"


def test_a_slow_bank_create_is_found_by_reference_and_delivered(
    counter: Counter, sandbox: SandboxServer
) -> None:
    """Bank 5 answers the create after 2 s; the client reads for 1 s: the outcome is unknown."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    with pytest.raises(OutcomeUnknown):
        service.payments.start_assisted(reference, assisted_payer(LINE), "5")
    assert service.progress(reference).state is S.PAYMENT_UNKNOWN

    # Found by its reference: the screen can show its QR after all.
    start = service.payments.payment_start(reference)
    (payment,) = pse_attempts(sandbox, reference)
    assert start is not None and start.mode is PaymentMode.ASSISTED
    assert start.qr_text == payment["payment_method"]["extra"]["async_payment_url"]

    wait_for(lambda: service.settling.follow(reference), lambda p: p.state is S.DELIVERED)
    assert len(provider_topups(sandbox, reference)) == 1
    states = counter.states(reference)
    assert states[:3] == [S.CREATED, S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN]
    assert states[-3:] == [S.PAID, S.DELIVERY_REQUESTED, S.DELIVERED]


class LostCreate:
    """The real PSE client, except that a create is lost on the way (it never arrives)."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def create_pse_transaction(self, reference: str, **_kwargs: Any) -> Any:
        raise OutcomeUnknown("pse", reference, "connection_lost")


def test_a_create_that_never_arrived_is_not_created_once_its_window_passed(
    make_counter: Callable[..., Counter], sandbox: SandboxServer, offset_clock: OffsetClock
) -> None:
    counter = make_counter(pse=LostCreate)
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    with pytest.raises(OutcomeUnknown):
        service.payments.start_assisted(reference, assisted_payer(LINE), "1")

    # It might still arrive: polls and passes within its window change nothing.
    assert service.settling.follow(reference).state is S.PAYMENT_UNKNOWN
    assert counter.reconciler.run_once(everything=True).moved == {}
    assert service.payments.payment_start(reference) is None

    offset_clock.advance(past_expiry(counter.config))
    assert counter.reconciler.run_once(everything=True).moved == {reference: S.NOT_CREATED}
    assert counter.reconciler.run_once(everything=True).looked_up == []
    assert counter.states(reference) == [
        S.CREATED,
        S.PAYMENT_REQUESTED,
        S.PAYMENT_UNKNOWN,
        S.NOT_CREATED,
    ]
    assert pse_attempts(sandbox, reference) == [] and provider_topups(sandbox, reference) == []


def test_cancelled_while_the_outcome_is_unknown_still_follows_the_gateway(
    make_counter: Callable[..., Counter], sandbox: SandboxServer, offset_clock: OffsetClock
) -> None:
    counter = make_counter(pse=LostCreate)
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    with pytest.raises(OutcomeUnknown):
        service.payments.start_assisted(reference, assisted_payer(LINE), "1")
    assert service.payments.stop_waiting(reference, expired=True).state is S.CANCELLED_UNCONFIRMED
    assert counter.reconciler.run_once(everything=True).moved == {}
    offset_clock.advance(past_expiry(counter.config))
    assert counter.reconciler.run_once(everything=True).moved == {reference: S.CANCELLED}
