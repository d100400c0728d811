"""The recorder folds what it wrote: a service reads a sale once per operation, never after
its own writes, and the folded progress is what the journal would give back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.domain.sale import SaleState
from tests.services.helpers import Counter

LINE = "3105553434"


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


def test_every_state_change_is_logged_with_the_masked_line_only(
    counter: Counter, caplog: pytest.LogCaptureFixture
) -> None:
    payments = counter.service.payments
    with caplog.at_level("INFO", logger="kiosk.services.recorder"):
        opened = payments.open_sale(counter.topup_request(LINE, 12_000))
        payments.start_checkout(opened.reference)
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2
    created, issued = lines
    assert created.startswith(f"sale {opened.reference} sale_created -> created: topup")
    assert "12000 COP" in created and "line *** *** 3434" in created
    assert f"operator {opened.operator_id}" in created
    assert issued.startswith(f"sale {opened.reference} checkout_issued -> payment_pending")
    assert all(LINE not in line for line in lines), "a full line never reaches the log"
