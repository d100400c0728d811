"""One formatter per language: whole pesos, moments in the store's time zone, countdowns."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.formats import ENGLISH, SPANISH, formats_for, to_store_time
from kiosk.domain.money import NBSP, parse_pesos

NEW_YEAR_UTC = datetime(2025, 1, 1, 3, 30, tzinfo=UTC)  # 22:30 of 31 Dec in Bogotá


def test_spanish_writes_pesos_with_dots_and_a_non_breaking_space() -> None:
    assert SPANISH.pesos(10_000) == f"${NBSP}10.000"
    assert SPANISH.pesos(1_234_568) == f"${NBSP}1.234.568"
    assert SPANISH.pesos(10_000, screen=False) == "$ 10.000"  # paper: a plain space


def test_english_keeps_pesos_and_says_so() -> None:
    assert ENGLISH.pesos(10_000) == f"COP{NBSP}10,000"
    assert ENGLISH.pesos(1_500, screen=False) == "COP 1,500"
    assert ENGLISH.pesos(0) == f"COP{NBSP}0"


@given(st.integers(min_value=0, max_value=10**12))
def test_spanish_money_reads_back_as_the_same_pesos(pesos: int) -> None:
    assert parse_pesos(SPANISH.pesos(pesos)) == pesos


@given(st.integers(min_value=0, max_value=10**12))
def test_both_languages_write_the_same_digits(pesos: int) -> None:
    spanish = "".join(ch for ch in SPANISH.pesos(pesos) if ch.isdigit())
    english = "".join(ch for ch in ENGLISH.pesos(pesos) if ch.isdigit())
    assert spanish == english == str(pesos)


def test_moments_are_shown_in_bogota_time() -> None:
    assert SPANISH.moment(NEW_YEAR_UTC) == "31/12/2024 22:30"
    assert ENGLISH.moment(NEW_YEAR_UTC) == "Dec 31, 2024 22:30"
    # The journal's clock is UTC: a naive moment is taken as UTC, never as local time.
    assert SPANISH.moment(NEW_YEAR_UTC.replace(tzinfo=None)) == "31/12/2024 22:30"
    assert to_store_time(NEW_YEAR_UTC).utcoffset().total_seconds() == -5 * 3600  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("seconds", "shown"), [(600, "10:00"), (65, "1:05"), (0, "0:00"), (-3, "0:00")]
)
def test_a_countdown_never_goes_negative(seconds: int, shown: str) -> None:
    assert SPANISH.countdown(seconds) == ENGLISH.countdown(seconds) == shown


def test_an_unknown_language_falls_back_to_spanish() -> None:
    assert formats_for("en") is ENGLISH and formats_for("es") is SPANISH
    assert formats_for("fr") is SPANISH
