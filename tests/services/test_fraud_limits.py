"""Limits against fraud, enforced by the sale service before anything is journaled or paid:
sales per line per store day (America/Bogotá) and per kiosk per hour, by count and by pesos.

A sale that closed unpaid (declined, cancelled...) uses up nothing; one still open counts
(it may still be paid)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest

from kiosk.config import Config
from kiosk.controllers.language import describe, set_language
from kiosk.domain.errors import ValidationError
from kiosk.domain.fraud import line_window_start
from kiosk.domain.sale import SaleState
from kiosk.domain.sale_request import SaleRequest
from tests.services.helpers import Counter, assisted_payer, counter_config
from tests.support.clocks import OffsetClock
from tests.support.sandbox import wait_for

S = SaleState
LINE = "3105557070"
#: Small kiosk limits, so that a test reaches them in a few sales (the line's are the defaults).
KIOSK_COUNT, KIOSK_PESOS = 4, 150_000


@pytest.fixture
def sale_config() -> Config:
    config = counter_config()
    return dataclasses.replace(
        config,
        limits=dataclasses.replace(
            config.limits,
            line_daily_count=5,
            line_daily_pesos=300_000,
            kiosk_hourly_count=KIOSK_COUNT,
            kiosk_hourly_pesos=KIOSK_PESOS,
        ),
    )


@pytest.fixture
def line_only(sale_config: Config) -> Config:
    """The line's limits alone (the kiosk's are off), for the tests about one line."""
    limits = dataclasses.replace(sale_config.limits, kiosk_hourly_count=0, kiosk_hourly_pesos=0)
    return dataclasses.replace(sale_config, limits=limits)


@pytest.fixture
def spanish(qapp: object) -> None:
    """The words in Spanish, as a store shows them (plural forms from the translations)."""
    set_language("es")


def _open(counter: Counter, request: SaleRequest) -> str:
    return counter.service.payments.open_sale(request).reference


def _refused(counter: Counter, request: SaleRequest) -> ValidationError:
    entries = counter.journal.entry_count()
    with pytest.raises(ValidationError) as refused:
        counter.service.payments.open_sale(request)
    assert counter.journal.entry_count() == entries, "a refused sale journals nothing"
    return refused.value


def _decline(counter: Counter, request: SaleRequest) -> str:
    """A sale whose bank declines, closed as declined (nobody tries again)."""
    payments = counter.service.payments
    reference = _open(counter, request)
    payments.start_assisted(reference, assisted_payer(request.line), "2")
    wait_for(
        lambda: counter.service.settling.follow(reference),
        lambda progress: progress.state is S.PAYMENT_FAILED,
    )
    assert counter.reconciler.run_once().moved == {reference: S.DECLINED}
    return reference


def test_the_fifth_sale_to_a_line_in_a_day_is_sold_and_the_sixth_refused(
    make_counter: Callable[..., Counter], line_only: Config, spanish: None
) -> None:
    counter = make_counter(config=line_only)
    request = counter.topup_request(LINE, 5_000)
    for _ in range(5):
        _open(counter, request)  # open sales count: each may still be paid
    error = _refused(counter, request)
    assert error.code == "sale.limit_line_day"
    assert error.params == {"count": 5, "maximum": 5}
    words = describe(error)
    assert "Esta línea ya tuvo 5 ventas hoy" in words and "no se cobró nada" in words
    # Told as soon as the line is typed again, before an amount is chosen.
    with pytest.raises(ValidationError) as at_detection:
        counter.catalogue.detect(LINE)
    assert at_detection.value.code == "sale.limit_line_day"
    # Another line is not held by this one's limit.
    assert _open(counter, counter.topup_request("3105557071", 5_000))


def test_a_line_may_reach_its_daily_pesos_but_not_pass_them(
    make_counter: Callable[..., Counter], line_only: Config, spanish: None
) -> None:
    counter = make_counter(config=line_only)
    for amount in (100_000, 100_000, 90_000):
        _open(counter, counter.topup_request(LINE, amount))
    error = _refused(counter, counter.topup_request(LINE, 10_001))
    assert error.code == "sale.limit_line_day_pesos"
    assert (error.params["used"], error.params["left"]) == (290_000, 10_000)
    words = describe(error)
    assert "$\u00a0300.000" in words and "$\u00a010.000" in words and "no se cobró nada" in words
    _open(counter, counter.topup_request(LINE, 10_000))  # exactly the limit
    assert _refused(counter, counter.topup_request(LINE, 2_000)).code == "sale.limit_line_day_pesos"


def test_a_declined_sale_does_not_use_up_the_lines_limit(
    make_counter: Callable[..., Counter], line_only: Config
) -> None:
    counter = make_counter(config=line_only)
    request = counter.topup_request(LINE, 5_000)
    declined = _decline(counter, request)
    for _ in range(4):
        _open(counter, request)
    # A cancelled sale (the customer backed out before paying) does not count either.
    cancelled = _open(counter, request)
    assert counter.service.payments.stop_waiting(cancelled, expired=False).state is S.CANCELLED
    assert counter.journal.sale(declined).state is S.DECLINED  # type: ignore[union-attr]
    _open(counter, request)  # the fifth that counts
    assert _refused(counter, request).code == "sale.limit_line_day"


def test_a_new_bogota_day_gives_the_line_its_limit_again(
    make_counter: Callable[..., Counter], line_only: Config, offset_clock: OffsetClock
) -> None:
    counter = make_counter(config=line_only)
    request = counter.topup_request(LINE, 5_000)
    for _ in range(5):
        _open(counter, request)
    assert _refused(counter, request).code == "sale.limit_line_day"
    # A setting changed without a restart: a sixth sale a day is now allowed.
    payments = counter.service.payments
    payments.use_limits(
        dataclasses.replace(line_only.limits, line_daily_count=6, topup_max_pesos=2_000)
    )
    _open(counter, request)  # the amounts the screens offer wait for a restart
    assert _refused(counter, request).code == "sale.limit_line_day"
    now = offset_clock()
    # A second before Bogotá's midnight: still today.
    offset_clock.advance(line_window_start(now) + timedelta(days=1, seconds=-1) - now)
    assert _refused(counter, request).code == "sale.limit_line_day"
    offset_clock.advance(timedelta(seconds=2))  # just past midnight in Bogotá (05:00 UTC)
    assert _open(counter, request)


def test_the_kiosks_hourly_count_holds_every_line(counter: Counter, spanish: None) -> None:
    lines = [f"310555800{n}" for n in range(KIOSK_COUNT + 1)]
    for line in lines[:KIOSK_COUNT]:
        _open(counter, counter.topup_request(line, 5_000))
    error = _refused(counter, counter.topup_request(lines[-1], 5_000))
    assert error.code == "sale.limit_kiosk_hour"
    assert error.params == {"count": KIOSK_COUNT, "maximum": KIOSK_COUNT}
    assert "4 ventas en la última hora" in describe(error)


def test_the_kiosks_hour_slides(counter: Counter, offset_clock: OffsetClock) -> None:
    first = counter.topup_request("3105558100", 100_000)
    _open(counter, first)
    offset_clock.advance(timedelta(minutes=30))
    _open(counter, counter.topup_request("3105558101", 50_000))  # 150.000: the limit, reached
    error = _refused(counter, counter.topup_request("3105558102", 2_000))
    assert error.code == "sale.limit_kiosk_hour_pesos"
    assert (error.params["used"], error.params["maximum"]) == (150_000, KIOSK_PESOS)
    offset_clock.advance(timedelta(minutes=30, seconds=1))  # the first sale left the hour
    assert _open(counter, counter.topup_request("3105558102", 2_000))
