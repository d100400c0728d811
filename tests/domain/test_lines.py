"""Colombian mobile lines: normalising, grouping and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import group_line, mask_line, normalize_line

DIGITS = "0123456789"

mobile_lines = st.text(DIGITS, min_size=9, max_size=9).map(lambda rest: "3" + rest)
separators = st.sampled_from(["", " ", "  ", ".", "-", " - ", "\u00a0", "\t"])


@st.composite
def decorated(draw: st.DrawFn, digits: str, prefixes: list[str]) -> str:
    """``digits`` written as people write numbers: a prefix, separators, parentheses."""
    prefix = draw(st.sampled_from(prefixes))
    out = [prefix + draw(separators)] if prefix else []
    wrap_area_code = draw(st.booleans()) and len(digits) >= 3
    for index, digit in enumerate(digits):
        if wrap_area_code and index == 0:
            out.append("(")
        out.append(digit)
        if wrap_area_code and index == 2:
            out.append(")")
        out.append(draw(separators))
    text = "".join(out)
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", " \n"]))


@st.composite
def valid_inputs(draw: st.DrawFn) -> tuple[str, str]:
    line = draw(mobile_lines)
    return line, draw(decorated(line, ["", "+57", "57", "(+57)", "+ 57"]))


@given(valid_inputs())
def test_every_decorated_valid_line_normalises_to_its_ten_digits(case: tuple[str, str]) -> None:
    line, text = case
    assert normalize_line(text) == line


@given(mobile_lines)
def test_normalising_is_idempotent_and_group_and_mask_agree(line: str) -> None:
    assert normalize_line(normalize_line(line)) == line
    assert group_line(line).replace(" ", "") == line
    assert mask_line(line) == "*** *** " + line[-4:]
    assert line[:6] not in mask_line(line)


def test_group_and_mask_known_answers() -> None:
    assert group_line("3123456789") == "312 345 6789"
    assert group_line("+57 312-345-6789") == "312 345 6789"
    assert mask_line("3123456789") == "*** *** 6789"


def _code_of(text: str) -> tuple[str, dict]:
    with pytest.raises(ValidationError) as caught:
        normalize_line(text)
    return caught.value.code, caught.value.params


@given(
    st.text(DIGITS, min_size=1, max_size=9),
    st.sampled_from(["", "+57", "(+57)"]),
    st.data(),
)
def test_too_few_digits_is_too_short_with_the_count(
    digits: str, prefix: str, data: st.DataObject
) -> None:
    code, params = _code_of(data.draw(decorated(digits, [prefix])))
    assert code == "line.too_short"
    assert params == {"digits": len(digits), "expected": 10}


@given(st.text(DIGITS, min_size=11, max_size=25), st.data())
def test_too_many_digits_is_too_long_with_the_count(digits: str, data: st.DataObject) -> None:
    if len(digits) == 12 and digits.startswith("57"):
        digits = "1" + digits  # that shape is "57" + a 10-digit line
    code, params = _code_of(data.draw(decorated(digits, [""])))
    assert code == "line.too_long"
    assert params == {"digits": len(digits), "expected": 10}


@given(st.text(DIGITS, min_size=11, max_size=20), st.data())
def test_too_many_digits_after_plus_57_is_too_long(digits: str, data: st.DataObject) -> None:
    code, params = _code_of(data.draw(decorated(digits, ["+57"])))
    assert code == "line.too_long"
    assert params["digits"] == len(digits)


@given(
    st.sampled_from("012456789"),
    st.text(DIGITS, min_size=9, max_size=9),
    st.sampled_from(["", "+57", "57"]),
    st.data(),
)
def test_ten_digits_not_starting_with_3_is_not_mobile(
    first: str, rest: str, prefix: str, data: st.DataObject
) -> None:
    code, params = _code_of(data.draw(decorated(first + rest, [prefix])))
    assert code == "line.not_mobile"
    assert params == {}


@given(valid_inputs(), st.text(st.characters(categories=["L"]), min_size=1), st.integers(0, 30))
def test_any_letter_is_letters(case: tuple[str, str], letters: str, where: int) -> None:
    _, text = case
    where = min(where, len(text))
    assert _code_of(text[:where] + letters + text[where:])[0] == "line.letters"


@given(st.text(" .-()\u00a0\t", max_size=10))
def test_nothing_but_decoration_is_empty(text: str) -> None:
    assert _code_of(text)[0] == "line.empty"


@given(
    valid_inputs(),
    st.sampled_from([*"#*/,;_:=@!?'\"[]{}<>~|\\$%&", "１", "٣", "²"]),
    st.integers(0, 30),
)
def test_other_characters_are_invalid_chars(case: tuple[str, str], char: str, where: int) -> None:
    _, text = case
    where = min(where, len(text))
    assert _code_of(text[:where] + char + text[where:])[0] == "line.invalid_chars"


@pytest.mark.parametrize("text", ["312+3456789", "++573123456789", "3123456789+", "+57+3123456789"])
def test_a_plus_only_leads_the_number(text: str) -> None:
    assert _code_of(text)[0] == "line.invalid_chars"


@given(
    st.sampled_from(["1", "34", "52", "58", "5", "0057", "44"]),
    mobile_lines,
)
def test_a_foreign_country_code_is_not_colombian(country: str, line: str) -> None:
    assert _code_of(f"+{country} {line}")[0] == "line.not_colombian"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "line.empty"),
        ("+", "line.not_colombian"),
        ("+57", "line.too_short"),
        ("57312345678", "line.too_long"),
        ("5731234567890", "line.too_long"),
        ("570123456789", "line.not_mobile"),
        ("3123456789", None),
        ("573123456789", None),
        ("(312) 345.67-89", None),
    ],
)
def test_edges(text: str, code: str | None) -> None:
    if code is None:
        assert normalize_line(text) == "3123456789"
    else:
        assert _code_of(text)[0] == code


@given(st.text())
def test_arbitrary_text_raises_only_validation_errors(text: str) -> None:
    try:
        line = normalize_line(text)
    except ValidationError as error:
        assert error.code.startswith("line.")
    else:
        assert len(line) == 10 and line[0] == "3" and set(line) <= set(DIGITS)


@given(st.text(DIGITS + " +-.()", max_size=30))
def test_errors_never_carry_the_number(text: str) -> None:
    try:
        normalize_line(text)
    except ValidationError as error:
        digits = "".join(c for c in text if c.isdigit())
        for value in error.params.values():
            assert not (len(digits) > 2 and digits in str(value))


@pytest.mark.parametrize("bad", [3123456789, None, b"3123456789"])
def test_non_text_is_a_programming_error(bad: object) -> None:
    with pytest.raises(TypeError):
        normalize_line(bad)  # type: ignore[arg-type]
