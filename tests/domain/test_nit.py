"""The NIT's DIAN check digit: the weights from the right, r = sum % 11, 11 - r."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.nit import WEIGHTS, check_digit, normalize_nit


@pytest.mark.parametrize(
    ("base", "digit"),
    [
        ("900123456", 8),  # the sample store's
        ("800197268", 4),  # the DIAN's own NIT
        ("860002964", 4),  # Banco de Bogotá's
        ("899999068", 1),  # Ecopetrol's: r = 10, so 11 - 10
        ("1", 8),  # 1 * 3 = 3, so 11 - 3
    ],
)
def test_known_nits_get_their_digit(base: str, digit: int) -> None:
    assert check_digit(base) == digit


def test_the_rule_by_hand() -> None:
    # 900123456 from the right: 6*3 + 5*7 + 4*13 + 3*17 + 2*19 + 1*23 + 0*29 + 0*37 + 9*41
    total = 18 + 35 + 52 + 51 + 38 + 23 + 0 + 0 + 369
    assert total % 11 == 3 and check_digit("900123456") == 11 - 3
    # A remainder of 0 or 1 is the digit itself.
    assert check_digit("0") == 0
    assert check_digit("4") == 1  # 4*3 = 12, 12 % 11 = 1
    assert len(WEIGHTS) == 15 and WEIGHTS[0] == 3 and WEIGHTS[-1] == 71


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("900123456-8", "900123456-8"),
        ("900.123.456-8", "900123456-8"),
        ("  900.123.456 - 8 ", "900123456-8"),
        ("800197268-4", "800197268-4"),
    ],
)
def test_written_forms_are_accepted(written: str, kept: str) -> None:
    assert normalize_nit(written) == kept


@pytest.mark.parametrize("wrong", ["900123456-7", "900123456-0", "900.123.456-9", "800197268-5"])
def test_a_wrong_check_digit_is_refused(wrong: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_nit(wrong)
    assert caught.value.code == "settings.nit_check_digit"


@pytest.mark.parametrize(
    "bad", ["", "9001234568", "900123456", "90012345A-8", "900.12.456-8", "900123456-", "-8",
            "1234567890123456-1", "９００１２３４５６-8"],
)  # fmt: skip
def test_what_is_not_a_nit_is_said_so(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_nit(bad)
    assert caught.value.code == "settings.nit_format"
