"""The recorder folds what it wrote: a service reads a sale once per operation, never after
its own writes, and the folded progress is what the journal would give back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.domain.sale import SaleState
from tests.services.helpers import Counter

LINE = "3005553434"


@pytest.fixture
def reads(counter: Counter, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every sale the services read back from the journal, in order."""
    seen: list[str] = []
    entries_for: Callable[[str], Any] = counter.journal.entries_for

    def counting(reference: str) -> Any:
        seen.append(reference)
        return entries_for(reference)

    monkeypatch.setattr(counter.journal, "entries_for", counting)
    return seen


def test_each_operation_reads_the_sale_once_and_folds_its_own_writes(
    counter: Counter, reads: list[str]
) -> None:
    payments = counter.service.payments
    opened = payments.open_sale(counter.topup_request(LINE))
    assert reads == [], "a new sale is folded from the entry just written"
    assert opened.state is SaleState.CREATED and opened.line_masked.endswith("3434")

    payments.start_checkout(opened.reference)
    assert reads == [opened.reference]
    stopped = payments.stop_waiting(opened.reference, expired=False)
    assert reads == [opened.reference] * 2, "one read per operation, none after its write"

    assert stopped == counter.service.progress(opened.reference)
    assert stopped.state is SaleState.CANCELLED_UNCONFIRMED
