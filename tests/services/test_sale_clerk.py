"""Every sale says who sold it: the clerk signed in, else (kiosk mode, nobody signed in) the
kiosk's name, journaled in the sale's creating entry."""

from __future__ import annotations

import dataclasses

from kiosk.domain.sale import SaleState
from tests.services.helpers import Counter

LINE = "3105556161"


def _creating_payload(counter: Counter, reference: str) -> dict[str, object]:
    (created,) = [e for e in counter.journal.entries_for(reference) if e.state is SaleState.CREATED]
    return dict(created.payload)


def test_the_clerk_is_journaled_with_the_sale(counter: Counter) -> None:
    request = dataclasses.replace(counter.topup_request(LINE), clerk="Ana")
    reference = counter.service.payments.open_sale(request).reference
    assert _creating_payload(counter, reference)["clerk"] == "Ana"


def test_with_nobody_signed_in_the_kiosk_is_named(counter: Counter) -> None:
    reference = counter.service.payments.open_sale(counter.topup_request(LINE)).reference
    assert _creating_payload(counter, reference)["clerk"] == counter.config.kiosk_name


def test_a_renamed_kiosk_is_named_from_the_next_sale(counter: Counter) -> None:
    counter.service.payments.use_kiosk_name("Caja del fondo")
    reference = counter.service.payments.open_sale(counter.topup_request(LINE)).reference
    assert _creating_payload(counter, reference)["clerk"] == "Caja del fondo"
