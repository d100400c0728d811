"""The kiosk's payment QR is big enough for a phone half a metre away (issue 10, item 6): at
least 320 px and 6 device px per module at 1280x800 and 1080x1920 (and 1920x1080), for the
checkout URL the app really makes on the sandbox, and a camera reads that very URL off it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain.qr import QUIET_ZONE_MODULES
from kiosk.domain.sale import PaymentMode
from kiosk.gateways.factory import build_clients
from kiosk.journal.references import attempt_reference, new_reference
from kiosk.sandbox import SandboxServer
from tests.e2e.hands import decode_qr
from tests.e2e.helpers import e2e_config
from tests.ui.helpers import KIOSK, STORE
from ui.main_window import MainWindow, build_main_window
from ui.style import LARGE_TEXT_SCALE, apply_text_scale

pytestmark = pytest.mark.gui

#: The kiosk's screens (landscape, portrait, a big landscape).
SIZES = [(1280, 800), (1080, 1920), (1920, 1080)]
#: Issue 10, item 6.
MIN_SIDE_PX = 320
MIN_MODULE_PX = 6


@pytest.fixture
def checkout_url(sandbox: SandboxServer) -> Iterator[str]:
    """The signed hosted-checkout URL the app's PSE client makes for a sale on the sandbox
    (its real keys and address), for a large amount and a second attempt's reference: as
    long as a kiosk's URL gets."""
    clients = build_clients(e2e_config(), **sandbox.client_settings())
    try:
        reference = attempt_reference(new_reference(), 2)
        yield clients.pse.checkout_url(
            reference, 1_000_000, datetime.now(UTC) + timedelta(seconds=600)
        )
    finally:
        clients.close()


@pytest.fixture
def kiosk_window(qtbot, styled_app) -> MainWindow:
    main = build_main_window(sandbox=True, store_name=STORE, kiosk_name=KIOSK)
    qtbot.addWidget(main)
    main.setKioskMode(True)
    return main


@pytest.mark.parametrize("scale", [1.0, LARGE_TEXT_SCALE], ids=["normal", "larger-text"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_kiosk_qr_is_big_enough_for_a_phone(
    qtbot, kiosk_window: MainWindow, checkout_url: str, width: int, height: int, scale: float
) -> None:
    window = kiosk_window
    apply_text_scale(window, scale)  # "Letra grande", as the kiosk's switch applies it
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_payment()
    screen.showPayment(
        checkout_url,
        1_000_000,
        "K1-000123",
        datetime.now(UTC) + timedelta(seconds=600),
        PaymentMode.CHECKOUT,
    )
    view = screen.qr_view
    qtbot.waitUntil(lambda: view.paintedSide() > 0 and screen.isPortrait() == (height > width))
    matrix = view.matrix()
    assert matrix is not None and matrix.text == checkout_url
    module, side = view.moduleSize(), view.paintedSide()
    assert side == module * (matrix.size + 2 * QUIET_ZONE_MODULES)
    assert side >= MIN_SIDE_PX, f"{side} px at {width}x{height}"
    assert module >= MIN_MODULE_PX, f"{module} px per module at {width}x{height}"
    # The whole code, quiet zone included, is on screen.
    ratio = view.devicePixelRatioF()
    shown = QRect(view.mapTo(window, QPoint(0, 0)), view.size())
    assert QRect(QPoint(0, 0), window.size()).contains(shown)
    assert min(view.width(), view.height()) * ratio >= side
    assert decode_qr(view) == checkout_url
    # And the words beside (or below) it are whole, on screen: amount, countdown, status
    # (once the layouts asked for by the new texts have run).
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    inside = QRect(QPoint(0, 0), window.size())
    for label in screen.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        name = label.objectName()
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        assert label.height() >= needed, f"{name} cut at {width}x{height}"
        assert label.width() >= label.minimumSizeHint().width(), f"{name} cut sideways"
        assert inside.contains(QRect(label.mapTo(window, QPoint(0, 0)), label.size())), name
    cancel = screen.cancel_button
    assert cancel.isVisible() and cancel.isEnabled()
    assert inside.contains(QRect(cancel.mapTo(window, QPoint(0, 0)), cancel.size()))


def test_the_module_size_is_the_painters(qtbot, styled_app, checkout_url: str) -> None:
    """moduleSize follows the view's size, as the painter lays it out (whole pixels)."""
    from ui.widgets.qr_view import QrView

    view = QrView()
    qtbot.addWidget(view)
    assert view.moduleSize() == 0 and view.paintedSide() == 0, "no code, nothing painted"
    view.setText(checkout_url)
    modules = view.matrix().size + 2 * QUIET_ZONE_MODULES  # type: ignore[union-attr]
    for side in (modules * 3 + 2, modules * 7, modules * 7 + modules - 1):
        view.resize(side + 40, side)
        assert view.moduleSize() == side // modules
        assert view.paintedSide() == (side // modules) * modules
