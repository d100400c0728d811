"""Amounts: whole pesos within the configured and the payment method's limits."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kiosk.domain.amounts import PSE_MINIMUM_PESOS, AmountLimits, validate_amount
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import Pesos, format_pesos

limits_st = st.builds(
    lambda low, span: AmountLimits(low, low + span),
    st.integers(0, 200_000),
    st.integers(0, 500_000),
)
method_minimums = st.integers(0, 5_000)


def _code(value: object, limits: AmountLimits, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_amount(value, limits, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_defaults_are_the_top_up_range_and_pse_minimum_is_1500() -> None:
    assert AmountLimits() == AmountLimits(1_000, 100_000)
    assert PSE_MINIMUM_PESOS == 1_500


def test_the_larger_minimum_wins() -> None:
    assert AmountLimits(1_000, 100_000).effective(1_500) == AmountLimits(1_500, 100_000)
    assert AmountLimits(2_000, 100_000).effective(1_500) == AmountLimits(2_000, 100_000)


def test_pse_minimum_applies_by_default_over_a_lower_configured_minimum() -> None:
    error = _code(1_000, AmountLimits())
    assert error.code == "amount.below_minimum"
    # Money is data below the screens: the amount as Pesos, written by the edge's formatter.
    assert error.params == {"minimum": Pesos(1_500)}
    assert type(error.params["minimum"]) is Pesos
    assert validate_amount(1_500, AmountLimits()) == 1_500
    assert validate_amount(1_000, AmountLimits(), method_minimum=0) == 1_000


@given(limits_st, method_minimums, st.data())
def test_amounts_within_the_effective_range_pass(
    limits: AmountLimits, method_minimum: int, data: st.DataObject
) -> None:
    low = max(limits.minimum_pesos, method_minimum)
    assume(low <= limits.maximum_pesos)
    pesos = data.draw(st.integers(low, limits.maximum_pesos))
    assert validate_amount(pesos, limits, method_minimum=method_minimum) == pesos
    text = format_pesos(pesos, screen=data.draw(st.booleans()))
    assert validate_amount(text, limits, method_minimum=method_minimum) == pesos


@given(limits_st, method_minimums, st.data())
def test_below_the_effective_minimum_names_it(
    limits: AmountLimits, method_minimum: int, data: st.DataObject
) -> None:
    low = max(limits.minimum_pesos, method_minimum)
    assume(0 < low <= limits.maximum_pesos)
    pesos = data.draw(st.integers(-(10**6), low - 1))
    error = _code(pesos, limits, method_minimum=method_minimum)
    assert error.code == "amount.below_minimum"
    assert error.params["minimum"] == low
    assert type(error.params["minimum"]) is Pesos


@given(limits_st, method_minimums, st.integers(1, 10**9))
def test_above_the_maximum_names_it(limits: AmountLimits, method_minimum: int, extra: int) -> None:
    assume(max(limits.minimum_pesos, method_minimum) <= limits.maximum_pesos)
    error = _code(limits.maximum_pesos + extra, limits, method_minimum=method_minimum)
    assert error.code == "amount.above_maximum"
    assert error.params["maximum"] == limits.maximum_pesos
    assert type(error.params["maximum"]) is Pesos


@given(
    st.lists(st.integers(1_500, 100_000), min_size=1, max_size=6, unique=True),
    st.integers(1_500, 100_000),
)
def test_fixed_amounts_accept_only_what_is_offered(offered: list[int], pesos: int) -> None:
    fixed = tuple(offered)
    if pesos in fixed:
        assert validate_amount(pesos, AmountLimits(), fixed_amounts=fixed) == pesos
    else:
        error = _code(pesos, AmountLimits(), fixed_amounts=fixed)
        assert error.code == "amount.not_offered"
        assert error.params["amount"] == pesos and type(error.params["amount"]) is Pesos
        # Every offered amount, in order, each one money to be shown as such.
        assert error.params["offered"] == tuple(sorted(fixed))
        assert all(type(amount) is Pesos for amount in error.params["offered"])


def test_an_offered_amount_still_respects_the_limits() -> None:
    error = _code(1_000, AmountLimits(), fixed_amounts=(1_000, 5_000))
    assert error.code == "amount.below_minimum"


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "money.empty"), ("10,5", "money.decimals"), ("diez", "money.letters")],
)
def test_typed_text_reports_parse_errors(text: str, code: str) -> None:
    assert _code(text, AmountLimits()).code == code


@given(st.text())
def test_arbitrary_text_raises_only_validation_errors(text: str) -> None:
    try:
        pesos = validate_amount(text, AmountLimits())
    except ValidationError as error:
        assert error.code.split(".")[0] in {"money", "amount"}
    else:
        assert PSE_MINIMUM_PESOS <= pesos <= 100_000


@pytest.mark.parametrize("bad", [True, 5000.0, None])
def test_non_int_non_text_values_are_programming_errors(bad: object) -> None:
    with pytest.raises(TypeError):
        validate_amount(bad, AmountLimits())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("minimum", "maximum", "error"),
    [
        (5_000, 1_000, ValueError),
        (-1, 1_000, ValueError),
        (1_000.0, 2_000, TypeError),
        (True, 2_000, TypeError),
    ],
)
def test_impossible_limits_are_refused_at_once(
    minimum: object, maximum: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        AmountLimits(minimum, maximum)  # type: ignore[arg-type]


def test_a_method_minimum_above_the_maximum_is_a_configuration_error() -> None:
    with pytest.raises(ValueError):
        AmountLimits(1_000, 1_200).effective(PSE_MINIMUM_PESOS)
