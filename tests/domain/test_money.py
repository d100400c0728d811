"""Money: formatting for es_CO and parsing what a clerk types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.money import (
    MAX_DIGITS,
    NBSP,
    cents_to_pesos,
    format_pesos,
    parse_pesos,
    pesos_to_cents,
)

amounts = st.integers(min_value=0, max_value=10**MAX_DIGITS - 1)


def _grouped(pesos: int, separator: str) -> str:
    """Thousands grouping written independently of the code under test."""
    digits = str(pesos)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups)


@pytest.mark.parametrize(
    ("pesos", "screen", "expected"),
    [
        (10_000, True, "$\u00a010.000"),
        (10_000, False, "$ 10.000"),
        (0, True, "$\u00a00"),
        (999, False, "$ 999"),
        (1_000, False, "$ 1.000"),
        (1_234_567, False, "$ 1.234.567"),
        (-1_000, True, "-$\u00a01.000"),
        (-1_000, False, "-$ 1.000"),
    ],
)
def test_format_pesos_known_answers(pesos: int, screen: bool, expected: str) -> None:
    assert format_pesos(pesos, screen=screen) == expected


@given(amounts, st.booleans())
def test_format_pesos_groups_by_thousands_without_decimals(pesos: int, screen: bool) -> None:
    space = NBSP if screen else " "
    assert format_pesos(pesos, screen=screen) == f"${space}{_grouped(pesos, '.')}"
    assert format_pesos(-pesos - 1, screen=screen).startswith(f"-${space}")


@given(amounts)
def test_screen_text_never_breaks_between_symbol_and_digits(pesos: int) -> None:
    text = format_pesos(pesos)
    assert " " not in text and "," not in text


@pytest.mark.parametrize("bad", [True, 10.0, "10000", None])
def test_format_pesos_refuses_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_pesos(bad)  # type: ignore[arg-type]


@given(amounts)
def test_parse_pesos_round_trips_every_written_form(pesos: int) -> None:
    forms = [
        str(pesos),
        _grouped(pesos, "."),
        _grouped(pesos, " "),
        format_pesos(pesos),
        format_pesos(pesos, screen=False),
        f"  ${_grouped(pesos, '.')}  ",
    ]
    for form in forms:
        assert parse_pesos(form) == pesos, form


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "money.empty"),
        ("   ", "money.empty"),
        ("$", "money.empty"),
        ("$ ", "money.empty"),
        ("10mil", "money.letters"),
        ("COP 10.000", "money.letters"),
        ("abc", "money.letters"),
        ("10.000,50", "money.decimals"),
        ("10,5", "money.decimals"),
        ("10,000", "money.decimals"),
        ("10.5", "money.decimals"),
        ("10.50", "money.decimals"),
        ("-1000", "money.negative"),
        ("-$ 1.000", "money.negative"),
        ("1000.000", "money.bad_grouping"),
        ("10.0000", "money.bad_grouping"),
        ("10..000", "money.bad_grouping"),
        ("1.000 000", "money.bad_grouping"),
        ("10.000.5", "money.bad_grouping"),
        (".500", "money.bad_grouping"),
        ("10 00", "money.bad_grouping"),
        ("+1000", "money.invalid_chars"),
        ("10#000", "money.invalid_chars"),
        ("10$", "money.invalid_chars"),
        ("$$10", "money.invalid_chars"),
        ("１０", "money.invalid_chars"),
        ("9" * (MAX_DIGITS + 1), "money.too_large"),
        ("9" * 5000, "money.too_large"),
    ],
)
def test_parse_pesos_names_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_pesos(text)
    assert caught.value.code == code


def test_parse_pesos_accepts_leading_zeros_beyond_the_digit_limit() -> None:
    # Zeros in front do not make an amount large.
    assert parse_pesos("0" * 30 + "5000") == 5000


@given(st.text())
def test_parse_pesos_raises_only_validation_errors(text: str) -> None:
    try:
        pesos = parse_pesos(text)
    except ValidationError as error:
        assert error.code.startswith("money.")
    else:
        assert isinstance(pesos, int) and pesos >= 0


@given(st.integers(min_value=0, max_value=10**6).map(str), st.sampled_from(",abc"))
def test_parse_pesos_letters_and_commas_anywhere_are_refused(digits: str, extra: str) -> None:
    with pytest.raises(ValidationError):
        parse_pesos(digits + extra + "000")


@pytest.mark.parametrize("bad", [10000, 10.0, None, b"10000"])
def test_parse_pesos_refuses_non_text(bad: object) -> None:
    with pytest.raises(TypeError):
        parse_pesos(bad)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_cents_round_trip(pesos: int) -> None:
    cents = pesos_to_cents(pesos)
    assert cents == pesos * 100
    assert cents_to_pesos(cents) == pesos


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=1, max_value=99),
)
def test_cents_that_are_not_whole_pesos_are_refused(pesos: int, cents: int) -> None:
    with pytest.raises(ValidationError) as caught:
        cents_to_pesos(pesos * 100 + cents)
    assert caught.value.code == "money.cents_not_whole"


@pytest.mark.parametrize("bad", [True, False, 100.0, "100", None])
def test_cents_conversions_refuse_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        pesos_to_cents(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cents_to_pesos(bad)  # type: ignore[arg-type]
