"""The painted QR: decoded back from the widget and the PNG, crisp, with a white quiet zone."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.controllers.language import set_language
from kiosk.domain.errors import ValidationError
from kiosk.domain.qr import QUIET_ZONE_MODULES, QrMatrix, build_qr_matrix, qr_layout_rect
from ui.qr_painter import paint_qr, qr_image, qr_png_bytes, save_qr_png
from ui.widgets.qr_view import QrView

pytestmark = pytest.mark.gui

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)


def checkout_url(reference: str = "K2QX7ABC", amount_in_cents: int = 1_000_000) -> str:
    """A checkout URL shaped like the embedded sandbox's, with a real SHA-256 signature."""
    expiration = "2026-11-25T18:30:00.000Z"
    signature = hashlib.sha256(
        f"{reference}{amount_in_cents}COP{expiration}test_integrity_secret".encode()
    ).hexdigest()
    return (
        "http://127.0.0.1:8765/p/?public-key=pub_test_kiosk&currency=COP"
        f"&amount-in-cents={amount_in_cents}&reference={reference}"
        f"&signature:integrity={signature}&expiration-time={expiration}"
    )


def to_pil(image: QImage) -> Image.Image:
    """Through PNG bytes, as a receipt or a screenshot would travel."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGB")


def decoded_texts(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def expected_code(matrix: QrMatrix, module_px: int) -> Image.Image:
    """What the code square must look like, drawn by PIL from the matrix, not by our painter."""
    side = matrix.size + 2 * QUIET_ZONE_MODULES
    image = Image.new("RGB", (side, side), WHITE)
    for row, cells in enumerate(matrix.modules):
        for col, dark in enumerate(cells):
            if dark:
                image.putpixel((col + QUIET_ZONE_MODULES, row + QUIET_ZONE_MODULES), BLACK)
    return image.resize((side * module_px, side * module_px), Image.Resampling.NEAREST)


def code_square(image: Image.Image, matrix: QrMatrix) -> tuple[Image.Image, int]:
    """The code with its quiet zone, cut where the layout says it is, and its module size."""
    module_px, x, y = qr_layout_rect(matrix.size, image.width, image.height)
    side = module_px * (matrix.size + 2 * QUIET_ZONE_MODULES)
    return image.crop((x, y, x + side, y + side)), module_px


def grab(view: QrView, width: int, height: int) -> Image.Image:
    view.resize(width, height)
    image = view.grab().toImage()
    assert (image.width(), image.height()) == (width, height)
    return to_pil(image)


@pytest.fixture
def view(qtbot) -> QrView:
    widget = QrView()
    qtbot.addWidget(widget)
    return widget


SIZES = [(150, 150), (333, 333), (600, 600), (420, 260), (260, 420)]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_painted_view_decodes_to_the_checkout_url(view: QrView, width: int, height: int) -> None:
    url = checkout_url()
    view.setText(url)

    assert decoded_texts(grab(view, width, height)) == [url]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_painted_view_is_whole_pixel_modules_in_a_white_quiet_zone(
    view: QrView, width: int, height: int
) -> None:
    view.setText(checkout_url())
    matrix = view.matrix()
    assert matrix is not None
    square, module_px = code_square(grab(view, width, height), matrix)

    # Crisp: only pure black and pure white, no antialiasing grey.
    assert {colour for _, colour in square.getcolors(maxcolors=16)} == {BLACK, WHITE}
    # The quiet zone: every pixel within 4 modules of the edge is white.
    quiet_px = QUIET_ZONE_MODULES * module_px
    inner = Image.new("RGB", square.size, WHITE)
    inner.paste(
        square.crop((quiet_px, quiet_px, square.width - quiet_px, square.height - quiet_px)),
        (quiet_px, quiet_px),
    )
    assert ImageChops.difference(square, inner).getbbox() is None, "quiet zone not all white"
    # Every module is a whole module_px square exactly where the matrix says.
    assert ImageChops.difference(square, expected_code(matrix, module_px)).getbbox() is None


def test_view_at_its_minimum_size_hint_still_decodes(view: QrView) -> None:
    url = checkout_url()
    view.setText(url)
    hint = view.minimumSizeHint()
    matrix = view.matrix()
    assert matrix is not None

    image = grab(view, hint.width(), hint.height())

    assert code_square(image, matrix)[1] >= 2, "at least 2 px per module"
    assert decoded_texts(image) == [url]


def test_qr_image_and_png_decode_at_sizes_that_are_not_multiples(tmp_path: Path) -> None:
    url = checkout_url(reference="R9ZZ0001", amount_in_cents=2_500_000)
    matrix = build_qr_matrix(url)
    target = tmp_path / "receipt-qr.png"

    save_qr_png(matrix, target, 333)
    from_file = Image.open(target).convert("RGB")
    in_memory = Image.open(io.BytesIO(qr_png_bytes(matrix, 333))).convert("RGB")

    assert from_file.size == (333, 333)
    assert decoded_texts(from_file) == [url]
    assert ImageChops.difference(from_file, in_memory).getbbox() is None
    # Outside the code square the image is white too: nothing to trim on a receipt.
    assert {colour for _, colour in from_file.getcolors(maxcolors=16)} == {BLACK, WHITE}


def test_save_qr_png_reports_a_path_it_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        save_qr_png(build_qr_matrix("hola"), tmp_path / "missing-folder" / "qr.png", 100)


@pytest.mark.parametrize("ratio", [1.25, 1.5, 2.0])
def test_painting_on_a_high_dpi_device_keeps_whole_device_pixel_modules(qapp, ratio: float) -> None:
    matrix = build_qr_matrix(checkout_url())
    logical = 301
    device_px = round(logical * ratio)
    image = QImage(device_px, device_px, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    paint_qr(painter, matrix, QRect(0, 0, logical, logical))
    painter.end()
    image.setDevicePixelRatio(1.0)

    # Same pixels as painting at the device size directly: no half-pixel modules.
    assert image == qr_image(matrix, device_px)


def test_placeholder_without_text_paints_no_code(view: QrView) -> None:
    image = grab(view, 300, 300)

    assert view.text() == ""
    assert view.matrix() is None
    assert view.placeholderText()
    assert view.accessibleDescription() == view.placeholderText()
    assert decoded_texts(image) == []


def test_clearing_the_text_brings_the_placeholder_back(view: QrView) -> None:
    view.setText(checkout_url())
    assert view.accessibleDescription() != view.placeholderText()

    view.setText("")

    assert view.matrix() is None
    assert view.accessibleDescription() == view.placeholderText()
    assert decoded_texts(grab(view, 300, 300)) == []


def test_text_too_long_raises_and_never_leaves_the_previous_qr_on_screen(view: QrView) -> None:
    view.setText(checkout_url())

    with pytest.raises(ValidationError) as raised:
        view.setText("http://127.0.0.1/" + "x" * 3000)

    assert raised.value.code == "qr.too_long"
    assert view.text() == ""
    assert decoded_texts(grab(view, 300, 300)) == []


def test_matrix_is_built_once_per_text(view: QrView) -> None:
    first_url, second_url = checkout_url("AAAA0001"), checkout_url("BBBB0002")
    view.setText(first_url)
    first = view.matrix()

    view.setText(first_url)
    assert view.matrix() is first
    view.setText(second_url)
    assert view.matrix() is not first
    view.setText(first_url)
    assert view.matrix() is first


def test_set_matrix_shows_a_prebuilt_code(view: QrView) -> None:
    url = checkout_url("CCCC0003")
    view.setMatrix(build_qr_matrix(url, error_correction="H"))

    assert view.text() == url
    assert decoded_texts(grab(view, 400, 400)) == [url]


def test_names_for_tests_and_screen_readers_are_stable_and_spanish(view: QrView) -> None:
    view.setText(checkout_url())

    assert view.objectName() == "qrView"
    assert view.accessibleName() == "Código QR para pagar con su celular"
    # A screen reader must not spell out the signed URL.
    assert "signature" not in view.accessibleDescription()
    assert "celular" in view.accessibleDescription()


def test_size_hints_grow_with_the_code_and_keep_two_pixels_per_module(view: QrView) -> None:
    small = build_qr_matrix("hola")
    large = build_qr_matrix(checkout_url())
    view.setMatrix(small)
    small_hint = view.minimumSizeHint()
    view.setMatrix(large)
    large_hint = view.minimumSizeHint()

    assert small_hint.width() < large_hint.width()
    assert large_hint.width() >= 2 * (large.size + 2 * QUIET_ZONE_MODULES)
    assert view.sizeHint().width() >= large_hint.width()


def test_names_and_placeholder_follow_the_language(view: QrView) -> None:
    placeholder = view.placeholderText()
    assert placeholder == "El código QR para pagar aparecerá aquí en un momento."
    set_language("en")
    QApplication.processEvents()
    assert view.accessibleName() == "QR code to pay with your phone"
    assert view.placeholderText() == "The QR code to pay will appear here in a moment."
    assert view.accessibleDescription() == view.placeholderText()
    view.setText(checkout_url())
    assert view.accessibleDescription() == "Scan this code with your phone's camera to pay."
    view.setPlaceholderText("Un texto propio")
    view.clear()
    set_language("es")
    QApplication.processEvents()
    assert view.placeholderText() == "Un texto propio", "a caller's placeholder stays as given"
    view.setPlaceholderText(None)
    assert view.placeholderText() == placeholder
    assert view.accessibleName() == "Código QR para pagar con su celular"
