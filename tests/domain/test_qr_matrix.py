"""The QR matrix and its whole-pixel layout, without Qt."""

from __future__ import annotations

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from kiosk.controllers.language import describe, set_language, translate
from kiosk.domain.errors import ValidationError
from kiosk.domain.qr import (
    ERROR_CORRECTION_LEVELS,
    QUIET_ZONE_MODULES,
    QrMatrix,
    build_qr_matrix,
    qr_layout,
    qr_layout_rect,
)
from kiosk.messages import CONTEXT, SOURCES

# Version 40 at level M holds 2331 bytes in byte mode (ISO/IEC 18004, table 7).
V40_M_BYTE_CAPACITY = 2331

matrix_sizes = st.integers(min_value=1, max_value=40).map(lambda version: 4 * version + 17)
quiet_zones = st.integers(min_value=0, max_value=8)


@given(matrix_sizes, st.integers(min_value=0, max_value=4000), quiet_zones)
def test_layout_is_the_largest_whole_pixel_module_that_fits(
    size: int, available: int, quiet: int
) -> None:
    module_px, offset_px = qr_layout(size, available, quiet)
    total = size + 2 * quiet

    assert isinstance(module_px, int) and isinstance(offset_px, int)
    assert module_px >= 1
    if available >= total:
        assert module_px * total <= available, "the code and its quiet zone fit"
        assert (module_px + 1) * total > available, "no larger whole module would fit"
        left = offset_px
        right = available - offset_px - module_px * total
        assert left >= 0 and right >= 0
        assert abs(left - right) <= 1, "centred within one pixel"
    else:
        assert module_px == 1, "too small a space still paints 1 px modules"


@given(matrix_sizes, st.integers(min_value=0, max_value=3000), st.integers(0, 3000), quiet_zones)
def test_layout_in_a_rectangle_is_square_and_centred_on_both_axes(
    size: int, width: int, height: int, quiet: int
) -> None:
    module_px, x, y = qr_layout_rect(size, width, height, quiet)
    side = module_px * (size + 2 * quiet)

    assert module_px == qr_layout(size, min(width, height), quiet)[0]
    if side <= min(width, height):
        for offset, extent in ((x, width), (y, height)):
            assert offset >= 0 and offset + side <= extent
            assert abs(offset - (extent - side - offset)) <= 1


def test_layout_rejects_nonsense_sizes() -> None:
    with pytest.raises(ValueError):
        qr_layout(0, 100)
    with pytest.raises(ValueError):
        qr_layout(21, 100, quiet_zone=-1)


def _decode(matrix: QrMatrix, module_px: int = 4) -> list[str]:
    """Decode a matrix with zxing through a PIL image: an oracle independent of our painter."""
    side = matrix.size + 2 * QUIET_ZONE_MODULES
    image = Image.new("L", (side, side), 255)
    for row, cells in enumerate(matrix.modules):
        for col, dark in enumerate(cells):
            if dark:
                image.putpixel((col + QUIET_ZONE_MODULES, row + QUIET_ZONE_MODULES), 0)
    image = image.resize((side * module_px, side * module_px), Image.Resampling.NEAREST)
    return [result.text for result in zxingcpp.read_barcodes(image)]


url_alphabet = st.characters(codec="ascii", categories=["L", "N", "P", "S"])


@settings(max_examples=25, deadline=None)
@given(st.text(url_alphabet, min_size=1, max_size=300), st.sampled_from(ERROR_CORRECTION_LEVELS))
def test_matrix_decodes_back_to_its_text(text: str, level: str) -> None:
    matrix = build_qr_matrix(text, error_correction=level)

    assert matrix.text == text
    assert matrix.error_correction == level
    assert matrix.size == 4 * matrix.version + 17
    assert _decode(matrix) == [text]


@settings(max_examples=25, deadline=None)
@given(st.text(url_alphabet, min_size=1, max_size=400))
def test_dark_runs_cover_exactly_the_dark_modules_as_maximal_runs(text: str) -> None:
    matrix = build_qr_matrix(text)
    painted: set[tuple[int, int]] = set()
    for row, first, length in matrix.dark_runs:
        assert length >= 1
        cells = matrix.modules[row]
        end = first + length
        assert first == 0 or not cells[first - 1], "a run starts after a light module"
        assert end == matrix.size or not cells[end], "a run ends before a light module"
        run = {(row, col) for col in range(first, end)}
        assert not painted & run, "runs never overlap"
        painted |= run

    dark = {
        (row, col)
        for row, cells in enumerate(matrix.modules)
        for col, is_dark in enumerate(cells)
        if is_dark
    }
    assert painted == dark


def test_higher_error_correction_never_makes_a_smaller_code() -> None:
    text = "http://127.0.0.1:8765/p/?reference=K2QX7ABC&amount-in-cents=1000000"
    sizes = [build_qr_matrix(text, error_correction=level).size for level in "LMQH"]
    assert sizes == sorted(sizes)
    assert sizes[0] < sizes[-1]


def test_largest_version_is_used_up_to_its_capacity() -> None:
    matrix = build_qr_matrix("x" * V40_M_BYTE_CAPACITY)
    assert (matrix.version, matrix.size) == (40, 177)


@pytest.mark.parametrize(
    "text",
    ["x" * (V40_M_BYTE_CAPACITY + 1), "ñ" * (V40_M_BYTE_CAPACITY // 2 + 1), "y" * 10_000],
    ids=["one-byte-over", "multibyte-over", "far-over"],
)
def test_text_beyond_the_largest_version_is_too_long(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        build_qr_matrix(text)
    assert raised.value.code == "qr.too_long"
    assert raised.value.params == {"length": len(text.encode("utf-8"))}


def test_empty_text_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        build_qr_matrix("")
    assert raised.value.code == "qr.empty"


def test_text_that_is_not_unicode_text_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        build_qr_matrix("http://x/\ud800")
    assert raised.value.code == "qr.not_text"


def test_unknown_error_correction_level_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        build_qr_matrix("hola", error_correction="X")
    assert raised.value.code == "qr.error_correction"


@pytest.mark.parametrize(
    ("text", "level"),
    [("", "M"), ("x" * 3000, "M"), ("\ud800", "M"), ("hola", "Z")],
)
def test_every_qr_error_has_spanish_and_english_words(text: str, level: str, qapp: object) -> None:
    with pytest.raises(ValidationError) as raised:
        build_qr_matrix(text, error_correction=level)
    error = raised.value
    spanish = SOURCES[error.code]
    set_language("en")
    assert spanish.strip() and translate(CONTEXT, spanish) not in ("", spanish), error.code
    for language in ("es", "en"):
        set_language(language)
        words = describe(error)
        assert "{" not in words and error.code not in words


def test_matrix_repr_keeps_the_url_out_of_logs() -> None:
    secret = "signature:integrity=" + "ab" * 32
    matrix = build_qr_matrix(f"http://127.0.0.1/p/?{secret}")
    assert secret not in repr(matrix)


def test_matrix_must_be_square() -> None:
    with pytest.raises(ValueError):
        QrMatrix(size=2, modules=((True, False), (True,)), text="x")
    with pytest.raises(ValueError):
        QrMatrix(size=0, modules=(), text="x")
