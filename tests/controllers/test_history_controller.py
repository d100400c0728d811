"""The history controller: a real journal searched off the GUI thread, page by page; a
sale's steps without its payloads; the filters as the clerk types them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.controllers.history import (
    HistoryController,
    HistoryFilters,
    Step,
    build_query,
)
from kiosk.domain.calendar import STORE_TIMEZONE
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, open_journal
from tests.journal.helpers import ACTOR, KIOSK_ID, LINE_SECRET, STORE_ID, path_to

#: 2025-03-10 09:00 in Bogotá (14:00 UTC): the first seeded sale.
FIRST = datetime(2025, 3, 10, 14, 0, tzinfo=UTC)


class SetClock:
    """A clock the test sets (every entry of a seeded sale at its own moment)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        self.moment += timedelta(milliseconds=1)
        return self.moment


def record_sale(
    journal: Journal,
    clock: SetClock,
    reference: str,
    state: SaleState,
    *,
    line: str,
    clerk: str = "Ana",
    operator: str = "Claro",
    amount: int = 10_000,
    discount: str | None = "350.00",
    kind: SaleKind = SaleKind.TOPUP,
) -> None:
    """A sale created now (the clock's moment), moved along its shortest path to ``state``;
    a delivered one journals the provider's discount (what the store earned)."""
    journal.record(
        reference,
        SaleState.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=kind,
        amount_pesos=amount,
        line=line,
        data={"clerk": clerk, "operator_name": operator},
    )
    for step in path_to(state)[1:]:
        data: dict[str, Any] = {}
        if step is SaleState.DELIVERED and discount is not None:
            data["provider"] = {
                "transactionId": f"T{reference}",
                "discount": discount,
                "discountCurrencyCode": "COP",
            }
        journal.record(reference, step, event=f"test.{step}", actor=ACTOR, data=data)


#: (reference, state, line, clerk, operator, days after FIRST)
SALES = (
    ("K1A001", SaleState.DELIVERED, "3001112222", "Ana", "Claro", 0),
    ("K1A002", SaleState.DECLINED, "3013334444", "Ana", "Movistar", 0),
    ("K1B003", SaleState.PAID_NOT_DELIVERED, "3105556666", "Luis", "Tigo", 1),
    ("K1B004", SaleState.PAYMENT_PENDING, "3001112222", "Luis", "Claro", 2),
    ("K1C005", SaleState.DELIVERED, "3157778888", "Ana", "Claro", 3),
)


def seed_few(journal: Journal, clock: SetClock) -> None:
    """Five sales over four store days, two clerks, four states, a line sold twice."""
    for reference, state, line, clerk, operator, days in SALES:
        clock.moment = FIRST + timedelta(days=days, minutes=int(reference[-1]))
        record_sale(journal, clock, reference, state, line=line, clerk=clerk, operator=operator)


@pytest.fixture
def clock() -> SetClock:
    return SetClock(FIRST)


@pytest.fixture
def seeded(tmp_path: Path, clock: SetClock) -> Iterator[Journal]:
    journal = open_journal(
        f"sqlite:///{tmp_path / 'history.sqlite3'}",
        store_id=STORE_ID,
        kiosk_id=KIOSK_ID,
        line_secret=LINE_SECRET,
        now=clock,
    )
    seed_few(journal, clock)
    yield journal
    journal.close()


def _search(qtbot: Any, controller: HistoryController, filters: HistoryFilters) -> Any:
    with qtbot.waitSignal(controller.pageReady, timeout=10_000) as blocker:
        controller.search(filters)
    page, first = blocker.args
    assert first is True
    return page


def _references(page: Any) -> list[str]:
    return [sale.reference for sale in page.sales]


WIDE = HistoryFilters(first_day=date(2025, 3, 1), last_day=date(2025, 3, 31))


def test_every_sale_newest_first(qtbot: Any, seeded: Journal) -> None:
    page = _search(qtbot, HistoryController(seeded), WIDE)
    assert _references(page) == ["K1C005", "K1B004", "K1B003", "K1A002", "K1A001"]
    assert page.next_before is None
    first = page.sales[-1]
    assert (first.clerk, first.operator_name, first.line_masked) == ("Ana", "Claro", "*** *** 2222")
    assert (first.earned_minor, first.earned_currency) == (35_000, "COP")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (HistoryFilters(line="2222"), ["K1B004", "K1A001"]),
        (HistoryFilters(line="300 111 2222"), ["K1B004", "K1A001"]),
        (HistoryFilters(line="+57 315 777 8888"), ["K1C005"]),
        (HistoryFilters(reference="K1B"), ["K1B004", "K1B003"]),
        (HistoryFilters(clerk="Luis"), ["K1B004", "K1B003"]),
        (HistoryFilters(states=frozenset({SaleState.DELIVERED})), ["K1C005", "K1A001"]),
        (
            HistoryFilters(states=frozenset({SaleState.PAID_NOT_DELIVERED})),
            ["K1B003"],
        ),
        # Store days in Bogotá: the 11th is K1B003's day only.
        (HistoryFilters(first_day=date(2025, 3, 11), last_day=date(2025, 3, 11)), ["K1B003"]),
        (HistoryFilters(first_day=date(2025, 3, 12)), ["K1C005", "K1B004"]),
        (HistoryFilters(line="9999"), []),
    ],
)
def test_each_filter(
    qtbot: Any, seeded: Journal, filters: HistoryFilters, expected: list[str]
) -> None:
    assert _references(_search(qtbot, HistoryController(seeded), filters)) == expected


def test_pages_come_one_at_a_time(qtbot: Any, seeded: Journal) -> None:
    controller = HistoryController(seeded, page_size=2)
    page = _search(qtbot, controller, WIDE)
    seen = _references(page)
    assert seen == ["K1C005", "K1B004"] and controller.has_more()
    while controller.has_more():
        with qtbot.waitSignal(controller.pageReady, timeout=10_000) as blocker:
            controller.more()
        page, first = blocker.args
        assert first is False
        seen += _references(page)
    assert seen == ["K1C005", "K1B004", "K1B003", "K1A002", "K1A001"]
    with qtbot.assertNotEmitted(controller.pageReady, wait=100):
        controller.more()  # nothing left: nothing asked


def test_a_sales_steps_are_its_journal_entries_without_payloads(
    qtbot: Any, seeded: Journal
) -> None:
    controller = HistoryController(seeded)
    with qtbot.waitSignal(controller.stepsReady, timeout=10_000) as blocker:
        controller.steps("K1A001")
    reference, steps = blocker.args
    assert reference == "K1A001"
    assert [step.state for step in steps] == path_to(SaleState.DELIVERED)
    assert all(isinstance(step, Step) for step in steps)
    assert steps[0].event == "sale.created" and steps[0].actor == ACTOR
    # Nothing of the payload travels: no line, not even masked.
    assert all("2222" not in repr(step) for step in steps)


def test_a_reprint_is_one_of_the_steps(qtbot: Any, seeded: Journal) -> None:
    seeded.record_event("sale.reprinted", actor=ACTOR, data={"reference": "K1A001", "copy": 1})
    controller = HistoryController(seeded)
    with qtbot.waitSignal(controller.stepsReady, timeout=10_000) as blocker:
        controller.steps("K1A001")
    steps = blocker.args[1]
    assert (steps[-1].event, steps[-1].state) == ("sale.reprinted", None)


def test_open_sale_reads_the_sale_then_its_steps(qtbot: Any, seeded: Journal) -> None:
    controller = HistoryController(seeded)
    with (
        qtbot.waitSignal(controller.saleReady, timeout=10_000) as sale,
        qtbot.waitSignal(controller.stepsReady, timeout=10_000),
    ):
        controller.open_sale("K1B003")
    assert sale.args[0].state is SaleState.PAID_NOT_DELIVERED


def test_an_unknown_sale_is_said(qtbot: Any, seeded: Journal) -> None:
    controller = HistoryController(seeded)
    with qtbot.waitSignal(controller.stepsFailed, timeout=10_000) as blocker:
        controller.open_sale("K1NOPE")
    assert "K1NOPE" in blocker.args[1]


def test_a_bad_line_is_said_in_words(qtbot: Any, seeded: Journal) -> None:
    controller = HistoryController(seeded)
    with (
        qtbot.waitSignal(controller.failed, timeout=10_000) as blocker,
        qtbot.assertNotEmitted(controller.pageReady),
    ):
        controller.search(HistoryFilters(line="31234"))
    assert "últimos 4" in blocker.args[0]
    assert not controller.is_loading()


def test_a_newer_search_wins(qtbot: Any, seeded: Journal) -> None:
    controller = HistoryController(seeded)
    pages: list[Any] = []
    controller.pageReady.connect(lambda page, _first: pages.append(page))
    controller.search(HistoryFilters(clerk="Luis"))
    controller.search(HistoryFilters(clerk="Ana"))
    qtbot.waitUntil(lambda: not controller.is_loading(), timeout=10_000)
    assert [_references(page) for page in pages] == [["K1C005", "K1A002", "K1A001"]]


def test_days_are_bogota_days() -> None:
    query = build_query(HistoryFilters(first_day=date(2025, 3, 10), last_day=date(2025, 3, 10)))
    assert query.start == datetime(2025, 3, 10, tzinfo=STORE_TIMEZONE)
    assert query.end == datetime(2025, 3, 11, tzinfo=STORE_TIMEZONE)
    with pytest.raises(ValidationError, match="inverted"):
        build_query(HistoryFilters(first_day=date(2025, 3, 11), last_day=date(2025, 3, 10)))
