"""Schema 0002: the operator, the clerk and what the store earned, projected and backfilled."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from alembic import command

from kiosk.domain.sale import SaleKind, SaleState
from kiosk.gateways.topups import TopupResult, TopupStatus
from kiosk.journal import Journal, migrate, open_journal, pick_provider_fields
from kiosk.journal.projection import earned_minor
from kiosk.journal.schema import SCHEMA_HEAD
from tests.journal.helpers import ACTOR, KIOSK_ID, LINE_SECRET, STORE_ID, Tamperer, fresh_line

S = SaleState


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("123.45"), 12345),
        ("123.45", 12345),
        (500, 50000),
        ("0.0732", 7),
        ("0.005", 1),  # half up
        ("0.0049", 0),
        (" 12 ", 1200),
        ("-1.5", -150),
        ("abc", None),
        ("NaN", None),
        ("1e999999999", None),
        (True, None),
        (None, None),
        (1.5, None),  # never a float (the journal refuses them anyway)
    ],
)
def test_a_discount_in_hundredths(value: Any, expected: int | None) -> None:
    assert earned_minor(value) == expected


def test_the_topup_result_journals_its_discount_and_the_picker_keeps_it() -> None:
    result = TopupResult(
        transaction_id="77",
        status=TopupStatus.SUCCESSFUL,
        custom_identifier="REF-1",
        delivered_amount_pesos=5_000,
        operator_transaction_id=None,
        transaction_date=None,
        discount=Decimal("4.9985"),
        discount_currency="USD",
    )
    fields = result.journal_fields()
    assert fields["discount"] == "4.9985" and fields["discountCurrencyCode"] == "USD"
    assert pick_provider_fields(fields) == fields
    whole = TopupResult("78", TopupStatus.SUCCESSFUL, None, None, None, None, discount=Decimal(150))
    assert whole.journal_fields()["discount"] == 150
    assert (
        "discount"
        not in TopupResult("79", TopupStatus.PENDING, None, None, None, None).journal_fields()
    )


def _sell(
    journal: Journal,
    reference: str,
    *,
    clerk: str | None = "Ana",
    operator: str = "Claro",
    discounts: tuple[tuple[Any, str | None], ...] = (("150", "COP"),),
    kind: SaleKind = SaleKind.TOPUP,
) -> None:
    data: dict[str, Any] = {"operator_id": 1, "operator_name": operator}
    if clerk is not None:
        data["clerk"] = clerk
    journal.record(
        reference,
        S.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=kind,
        amount_pesos=5_000,
        line=fresh_line(),
        data=data,
    )
    journal.record(reference, S.PAYMENT_PENDING, event="payment.pending", actor=ACTOR)
    journal.record(reference, S.PAID, event="payment.approved", actor=ACTOR)
    for index, (discount, currency) in enumerate(discounts):
        provider: dict[str, Any] = {"transactionId": f"{reference}-{index}", "status": "PENDING"}
        if discount is not None:
            provider["discount"] = discount
        if currency is not None:
            provider["discountCurrencyCode"] = currency
        state = S.DELIVERY_REQUESTED if index == 0 else S.DELIVERY_UNKNOWN
        journal.record(
            reference, state, event="delivery.step", actor=ACTOR, data={"provider": provider}
        )
    if discounts:
        journal.record(reference, S.DELIVERED, event="delivery.done", actor=ACTOR)


def _history(journal: Journal) -> None:
    _sell(journal, "KANA")
    # The operator renamed later (last one wins); a second, readable discount wins too.
    _sell(journal, "KLUIS", clerk="Luis", discounts=(("1.25", "USD"), ("2.5", "USD")))
    _sell(journal, "KNOCLERK", clerk=None, discounts=(("oops", "COP"),))
    _sell(journal, "KNODISCOUNT", operator="Tigo", discounts=())


EXPECTED = {
    "KANA": ("Claro", "Ana", 15000, "COP"),
    "KLUIS": ("Claro", "Luis", 250, "USD"),
    "KNOCLERK": ("Claro", None, None, None),
    "KNODISCOUNT": ("Tigo", "Ana", None, None),
}


def _columns(journal: Journal) -> dict[str, tuple[Any, ...]]:
    found = {}
    for reference in EXPECTED:
        sale = journal.sale(reference)
        assert sale is not None
        found[reference] = (sale.operator_name, sale.clerk, sale.earned_minor, sale.earned_currency)
    return found


def test_the_projection_fills_the_new_columns(journal: Journal) -> None:
    _history(journal)
    assert _columns(journal) == EXPECTED
    assert journal.verify().ok


def test_verify_compares_the_new_columns(journal: Journal, db_url: str) -> None:
    _history(journal)
    tamperer = Tamperer(db_url)
    try:
        tamperer.execute("UPDATE sales SET earned_minor = 1 WHERE reference = 'KANA'")
    finally:
        tamperer.close()
    report = journal.verify()
    assert not report.ok and report.first_problem is not None
    assert report.first_problem.what == "journal.sale_mismatch"
    assert report.first_problem.params["field"] == "earned_minor"


def _open(url: str) -> Journal:
    return open_journal(url, store_id=STORE_ID, kiosk_id=KIOSK_ID, line_secret=LINE_SECRET)


def test_a_0001_journal_is_backfilled_and_still_verifies(db_url: str) -> None:
    with _open(db_url) as journal:
        _history(journal)
        with journal.engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "0001")
            assert migrate.stored_revision(connection) == "0001"
    with _open(db_url) as journal:
        with journal.engine.connect() as connection:
            assert migrate.stored_revision(connection) == SCHEMA_HEAD
        assert _columns(journal) == EXPECTED
        report = journal.verify()
        assert report.ok, report.first_problem
        assert report.sales == len(EXPECTED)
