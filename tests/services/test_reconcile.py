"""Reconciliation: sales nobody waits for are settled by reference, on PRODUCT.md's schedule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from kiosk.domain.sale import SaleState
from kiosk.gateways.errors import GatewayUnavailable
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer, past_expiry
from tests.support.browser import Browser, answer_bank_page, pay_through_checkout
from tests.support.clocks import OffsetClock
from tests.support.sandbox import provider_topups

S = SaleState
LINE = "3105550303"


def pending_on_bank_page(counter: Counter, mode: str, line: str = LINE) -> tuple[str, str]:
    """A sale whose payment waits on bank 4's page; returns (reference, bank page URL)."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(line)).reference
    if mode == "assisted":
        return reference, service.payments.start_assisted(
            reference, assisted_payer(line), "4"
        ).qr_text
    browser: Browser = pay_through_checkout(
        service.payments.start_checkout(reference).qr_text, "4", ""
    )
    browser.close()
    assert browser.page is not None
    return reference, browser.page.url


@pytest.mark.parametrize("mode", ["assisted", "checkout"])
def test_cancelled_on_screen_then_approved_is_delivered_once_by_reconciliation(
    counter: Counter, sandbox: SandboxServer, mode: str
) -> None:
    service = counter.service
    reference, bank_url = pending_on_bank_page(counter, mode)
    assert service.settling.follow(reference).state is S.PAYMENT_PENDING
    assert service.payments.stop_waiting(reference, expired=False).state is S.CANCELLED_UNCONFIRMED

    # Still pending at the bank: the reconciler keeps watching and closes nothing.
    first = counter.reconciler.run_once(everything=True)
    assert first.looked_up == [reference] and first.moved == {}

    answer_bank_page(bank_url, "Aprobar")
    second = counter.reconciler.run_once(everything=True)
    assert second.moved == {reference: S.DELIVERED}
    entries = counter.journal.entry_count()

    third = counter.reconciler.run_once(everything=True)
    assert third.looked_up == [] and third.moved == {}  # final: no longer an open sale
    assert service.settling.reconcile(reference).state is S.DELIVERED
    assert counter.journal.entry_count() == entries
    assert len(provider_topups(sandbox, reference)) == 1
    assert counter.states(reference)[-4:] == [
        S.CANCELLED_UNCONFIRMED,
        S.PAID,
        S.DELIVERY_REQUESTED,
        S.DELIVERED,
    ]


def test_cancelled_and_declined_afterwards_closes_as_cancelled(
    counter: Counter, sandbox: SandboxServer
) -> None:
    service = counter.service
    reference, bank_url = pending_on_bank_page(counter, "assisted")
    service.payments.stop_waiting(reference, expired=False)
    answer_bank_page(bank_url, "Rechazar")
    assert counter.reconciler.run_once().moved == {reference: S.CANCELLED}
    assert provider_topups(sandbox, reference) == []


def test_a_cancelled_checkout_stays_watched_until_its_link_expires(
    counter: Counter, offset_clock: OffsetClock
) -> None:
    """Nothing paid yet, but the payer still holds a payable link: not closed before expiry."""
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    service.payments.start_checkout(reference)
    service.payments.stop_waiting(reference, expired=False)
    assert counter.reconciler.run_once(everything=True).moved == {}

    offset_clock.advance(past_expiry(counter.config))
    assert counter.reconciler.run_once(everything=True).moved == {reference: S.CANCELLED}


def gateway_looks(requests_seen: list[str]) -> int:
    return sum(1 for line in requests_seen if line.startswith("GET /v1/transactions"))


def test_each_sale_is_looked_up_on_its_own_schedule(
    make_counter: Callable[..., Counter],
    offset_clock: OffsetClock,
    sandbox_requests: list[str],
) -> None:
    on_screen: set[str] = set()
    counter = make_counter(is_active=on_screen.__contains__)
    watched, _ = pending_on_bank_page(counter, "assisted", "3105550311")
    followed, _ = pending_on_bank_page(counter, "assisted", "3105550312")
    on_screen.add(followed)
    every = timedelta(seconds=counter.config.payment.reconcile_every_seconds)
    reconcile = counter.reconciler.run_once

    looks = gateway_looks(sandbox_requests)
    assert reconcile().looked_up == [watched]  # the one on screen is the screen's job
    assert gateway_looks(sandbox_requests) == looks + 1
    assert reconcile().looked_up == []  # too soon
    offset_clock.advance(every - timedelta(seconds=1))
    assert reconcile().looked_up == []
    offset_clock.advance(timedelta(seconds=2))
    assert reconcile().looked_up == [watched]
    assert reconcile(everything=True).looked_up == [watched]  # start-up: everything, now
    assert gateway_looks(sandbox_requests) == looks + 3

    on_screen.clear()
    offset_clock.advance(timedelta(hours=counter.config.payment.reconcile_window_hours, seconds=1))
    report = reconcile(everything=True)
    assert report.follow_up == [watched, followed] and report.looked_up == []
    assert gateway_looks(sandbox_requests) == looks + 3
    assert counter.states(watched)[-1] is S.PAYMENT_PENDING


def test_a_sale_that_never_started_paying_is_closed_whatever_its_age(
    counter: Counter, offset_clock: OffsetClock
) -> None:
    service = counter.service
    reference = service.payments.open_sale(counter.topup_request(LINE)).reference
    # A screen may be about to start its payment: left alone for a while.
    assert counter.reconciler.run_once(everything=True).moved == {}
    offset_clock.advance(timedelta(hours=30))
    assert counter.reconciler.run_once(everything=True).moved == {reference: S.CANCELLED}
    assert counter.states(reference) == [S.CREATED, S.CANCELLED]


class PseDownOnce:
    """The real PSE client, except that one look-up finds the gateway unreachable once armed."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.armed = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def get_transaction(self, transaction_id: str) -> Any:
        if self.armed:
            self.armed = False
            raise GatewayUnavailable("pse", "refused")
        return self._real.get_transaction(transaction_id)


def test_a_failing_gateway_is_reported_and_tried_again_next_pass(
    make_counter: Callable[..., Counter], sandbox: SandboxServer
) -> None:
    wrapped: list[PseDownOnce] = []
    counter = make_counter(pse=lambda real: wrapped.append(PseDownOnce(real)) or wrapped[0])
    reference, bank_url = pending_on_bank_page(counter, "assisted")
    answer_bank_page(bank_url, "Aprobar")

    wrapped[0].armed = True
    report = counter.reconciler.run_once(everything=True)
    assert report.errors == {reference: "gateway.unavailable"} and report.moved == {}
    assert counter.states(reference)[-1] is S.PAYMENT_PENDING

    assert counter.reconciler.run_once(everything=True).moved == {reference: S.DELIVERED}
    assert len(provider_topups(sandbox, reference)) == 1
