"""The store's float less what open sales hold: a sale is refused before payment when the
provider's balance, once the sales still open (paid or waiting for their payment) are set
aside, cannot pay for it; a delivered sale releases its hold. Compared in the float's own
currency through each sale's operator's rate (a USD account)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.controllers.language import describe, set_language
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import SaleState
from kiosk.domain.sale_request import SaleRequest
from kiosk.domain.store_float import Money
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer
from tests.support.sandbox import wait_for

S = SaleState
LINE, OTHER = "3105559090", "3105559091"


@pytest.fixture
def spanish(qapp: object) -> None:
    set_language("es")


def _refused(counter: Counter, request: SaleRequest) -> ValidationError:
    entries = counter.journal.entry_count()
    with pytest.raises(ValidationError) as refused:
        counter.service.payments.open_sale(request)
    assert counter.journal.entry_count() == entries, "a refused sale journals nothing"
    return refused.value


def _pending_checkout(counter: Counter, request: SaleRequest) -> str:
    payments = counter.service.payments
    reference = payments.open_sale(request).reference
    payments.start_checkout(reference)  # the QR is shown: it may be paid any moment
    return reference


def test_pending_sales_hold_the_float_and_a_delivered_one_releases_its_hold(
    counter: Counter, sandbox: SandboxServer, spanish: None
) -> None:
    payments = counter.service.payments
    sandbox.set_account_balance(24_000)
    # Two sales waiting for their payment: an assisted one (approved at the bank, not yet
    # delivered) and a checkout whose QR is on the payer's phone.
    first = payments.open_sale(counter.topup_request(LINE, 10_000)).reference
    payments.start_assisted(first, assisted_payer(LINE), "1")
    _pending_checkout(counter, counter.topup_request(OTHER, 10_000))

    error = _refused(counter, counter.topup_request("3105559092", 4_200))
    assert error.code == "sale.float_held"
    assert error.params == {
        "balance": Money(Decimal(24_000), "COP"),
        "held": Money(Decimal(20_000), "COP"),
        "available": Money(Decimal(4_000), "COP"),
    }
    words = describe(error)
    assert "$\u00a020.000" in words and "$\u00a04.000" in words and "No se cobró nada" in words

    # The first is delivered: the provider took 9.700 (its 3 % discount off 10.000), and
    # its hold of 10.000 is gone: 14.300 - 10.000 held by the other leaves 4.300.
    wait_for(lambda: counter.service.settling.follow(first), lambda p: p.state is S.DELIVERED)
    assert counter.catalogue.store_float() == Money(Decimal(14_300), "COP")
    assert payments.open_sale(counter.topup_request("3105559092", 4_200)).amount_pesos == 4_200


def test_with_nothing_held_the_refusal_says_the_float_is_too_low(
    counter: Counter, sandbox: SandboxServer
) -> None:
    sandbox.set_account_balance(9_999)
    assert _refused(counter, counter.topup_request(LINE, 10_000)).code == "topup.float_too_low"


def test_a_closed_sale_holds_nothing(counter: Counter, sandbox: SandboxServer) -> None:
    payments = counter.service.payments
    sandbox.set_account_balance(10_000)
    backed_out = payments.open_sale(counter.topup_request(LINE, 10_000)).reference
    assert payments.stop_waiting(backed_out, expired=False).state is S.CANCELLED
    assert payments.open_sale(counter.topup_request(OTHER, 10_000)).amount_pesos == 10_000


class TestUsdAccount:
    """The sandbox's ``--account-currency USD``: the float and the holds are dollars."""

    @pytest.fixture
    def sandbox_account(self) -> tuple[str, int]:
        return ("USD", 4100)

    def test_holds_are_converted_through_each_operators_rate(
        self, counter: Counter, sandbox: SandboxServer, spanish: None
    ) -> None:
        sandbox.set_account_balance(Decimal("5.00"))
        tigo = counter.topup_request("3011234567", 10_000)  # sent in USD: 2.44
        claro = counter.topup_request(LINE, 10_000)  # local amounts, charged at 4.100: 2.44
        assert tigo.operator.sender_currency == claro.operator.sender_currency == "USD"
        _pending_checkout(counter, claro)
        assert counter.service.payments.open_sale(tigo).amount_pesos == 10_000  # 2.56 left

        error = _refused(counter, counter.topup_request("3011234568", 10_000))
        assert error.code == "sale.float_held"
        assert error.params == {
            "balance": Money(Decimal("5.00"), "USD"),
            "held": Money(Decimal("4.88"), "USD"),
            "available": Money(Decimal("0.12"), "USD"),
        }
        assert "USD\u00a04,88" in describe(error)
        # Even the smallest top-up (1.500 pesos: USD 0,37) is more than is left.
        assert _refused(counter, counter.topup_request("3011234568", 1_500)).code == (
            "sale.float_held"
        )
