"""A second top-up to the same line within 2 minutes is refused before any payment: at the
operator detection (the top-up screen says it, with the time left) and by the service."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleState
from tests.services.helpers import Counter, assisted_payer
from tests.support.clocks import OffsetClock
from tests.support.sandbox import wait_for

LINE = "3105556060"


def _deliver_one(counter: Counter) -> str:
    payments = counter.service.payments
    reference = payments.open_sale(counter.topup_request(LINE)).reference
    payments.start_assisted(reference, assisted_payer(LINE), "1")
    wait_for(
        lambda: counter.service.settling.follow(reference),
        lambda progress: progress.state is SaleState.DELIVERED,
    )
    return reference


def test_a_second_top_up_within_two_minutes_is_refused_before_payment(
    counter: Counter, offset_clock: OffsetClock
) -> None:
    _deliver_one(counter)
    entries = counter.journal.entry_count()
    with pytest.raises(ValidationError) as refused:
        counter.service.payments.open_sale(counter.topup_request(LINE))
    assert refused.value.code == "sale.line_recently_recharged"
    assert 100 <= refused.value.params["count"] <= 120
    with pytest.raises(ValidationError) as told:
        counter.catalogue.detect(LINE)  # the top-up screen hears it at the detection
    assert told.value.code == "sale.line_recently_recharged"
    assert counter.journal.entry_count() == entries, "nothing journaled, nothing to pay"

    offset_clock.advance(timedelta(minutes=2, seconds=1))
    assert counter.catalogue.detect(LINE).brand == "Claro"
    assert counter.service.payments.open_sale(counter.topup_request(LINE)).amount_pesos


def test_another_line_is_not_held(counter: Counter) -> None:
    _deliver_one(counter)
    assert counter.catalogue.detect("3105556061").brand == "Claro"


def test_a_line_whose_top_up_is_still_being_credited_is_held_whatever_its_age(
    counter: Counter, offset_clock: OffsetClock
) -> None:
    """A top-up of unknown outcome may land any time: the line waits until it is settled."""
    progress = counter.service.payments.open_sale(counter.topup_request(LINE))
    for state, event in (
        (SaleState.PAYMENT_PENDING, "payment_pending"),
        (SaleState.PAID, "payment_approved"),
        (SaleState.DELIVERY_REQUESTED, "delivery_requested"),
        (SaleState.DELIVERY_UNKNOWN, "delivery_outcome_unknown"),
    ):
        progress = counter.service.recorder.move(progress, state, event)
    offset_clock.advance(timedelta(minutes=5))
    with pytest.raises(ValidationError) as refused:
        counter.catalogue.detect(LINE)
    assert refused.value.code == "sale.line_recently_recharged"
