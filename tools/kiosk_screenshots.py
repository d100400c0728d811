"""Screenshots of every self-service kiosk screen, for docs/screenshots/kiosk/.

Usage: ``QT_QPA_PLATFORM=offscreen python tools/kiosk_screenshots.py [--out DIR]``

The whole app is built in kiosk mode (``kiosk --mode kiosk``) on an embedded sandbox, in a
throwaway config and data folder, and each screen is filled with the sample data of
``tools/screenshots.py`` (no gateway is called). Every screen in Spanish at 1280x800
(``<out>/1280x800/``) and at 1080x1920 (``<out>/1080x1920/``); the start and payment
screens in English at 1280x800 (``<out>/en/``). A dialog open on the window (the admin
PIN) is painted where it stands.

The scenes are shared with the tests (tests/ui/test_kiosk_screens_english.py): a screen
added here (and named in ``KIOSK_SCENE_NAMES``) is checked there. A scene waits for the app
through a :class:`Waiter`: this tool's own loop (:class:`LoopWaiter`), or the test's
``qtbot.waitUntil``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QWidget

from kiosk.config import Config, load_config
from kiosk.controllers.language import set_language
from kiosk.domain.sale import PaymentMode, SaleKind
from tools import screenshots, sign_in_scenes
from tools.backoffice_samples import scenes as back_office_scenes
from ui.app import AppContext, build_app
from ui.main_window import MainWindow
from ui.style import apply_style
from ui.widgets.line_input import OperatorState

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "kiosk"
#: Spanish at both sizes; English for these shots only (issue 10: start and payment).
SIZES = {"1280x800": (1280, 800), "1080x1920": (1080, 1920)}
ENGLISH = ("02-start.png", "11-payment.png")
#: The demo admin PIN of the sandbox's staff (README).
ADMIN_PIN = "0000"
#: Long enough that no idle reset comes while the shots are taken.
NO_IDLE_SECONDS = 3600

#: Every kiosk scene's file name, in README order (the tests parametrise on this tuple).
KIOSK_SCENE_NAMES = (
    "01-attract.png",
    "02-start.png",
    "03-topup.png",
    "04-topup-filled.png",
    "05-topup-refused.png",
    "06-gift-pack.png",
    "07-balance-code.png",
    "08-balance-shown.png",
    "09-confirm-topup.png",
    "10-confirm-gift-pack.png",
    "11-payment.png",
    "12-result-delivered.png",
    "13-result-declined.png",
    "14-result-pending.png",
    "15-result-paid-not-delivered.png",
    "16-idle-warning.png",
    "17-admin-pin.png",
    "18-keyboard-dock.png",
    "19-settings.png",
    "20-history.png",
)

Scene = Callable[[], None]


class Waiter:
    """How a scene waits for the app: ``until(condition)`` (a worker's answer, a dialog
    shown) and ``settle()`` (posted events, layouts, delivered before a shot)."""

    def until(self, condition: Callable[[], bool]) -> None:
        raise NotImplementedError

    def settle(self) -> None:
        raise NotImplementedError


class LoopWaiter(Waiter):
    """This tool's own waiting: it runs the event loop itself (no pytest here)."""

    def __init__(self, seconds: float = 10.0) -> None:
        self.seconds = seconds

    def until(self, condition: Callable[[], bool]) -> None:
        wait_for(condition, self.seconds)

    def settle(self) -> None:
        settle()


def kiosk_config(base: Config) -> Config:
    """``base`` for the shots: kiosk mode, the sample store, no idle reset meanwhile."""
    return dataclasses.replace(
        base,
        mode="kiosk",
        kiosk_name=screenshots.KIOSK,
        store=dataclasses.replace(base.store, name=screenshots.STORE, contact="601 555 0101"),
        ui=dataclasses.replace(base.ui, idle_seconds=NO_IDLE_SECONDS),
    )


@contextmanager
def kiosk_app(config: Config | None = None, sandbox: Any = None) -> Iterator[AppContext]:
    """The kiosk app, shown, in a throwaway folder (unless ``config`` is given); closed after."""
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as folder:
        if config is None:
            root = Path(folder)
            config = load_config(env={}, config_dir=root / "config", data_dir=root / "data")
        ctx = build_app(kiosk_config(config), sandbox=sandbox, mode="kiosk")
        try:
            ctx.window.show()
            yield ctx
        finally:
            close_dialogs(ctx.window)
            ctx.close()
            ctx.window.hide()
            ctx.window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Process events until ``condition`` holds (a worker's answer), or fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("the kiosk did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def close_dialogs(window: QWidget, waiter: Waiter | None = None) -> None:
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.reject()
    (waiter or LoopWaiter()).settle()


def _kiosk(ctx: AppContext) -> Any:
    kiosk = ctx.wiring.kiosk
    assert kiosk is not None, "the app is not in kiosk mode"
    return kiosk


def calm(ctx: AppContext, waiter: Waiter | None = None) -> None:
    """Back to a plain kiosk before a scene: no dialog, no idle warning, no keyboard, no
    admin mode."""
    waiter = waiter or LoopWaiter()
    close_dialogs(ctx.window, waiter)
    kiosk = _kiosk(ctx)
    for warning in ctx.window.findChildren(QWidget, "idleWarning"):
        if hasattr(warning, "stop"):
            warning.stop()
    dock = getattr(kiosk.keyboard, "dock", None)
    if dock is not None and hasattr(dock, "close_keyboard"):
        dock.close_keyboard()
    admin = kiosk.admin
    if hasattr(admin, "isAdminMode") and admin.isAdminMode():
        admin.end_admin()
    ctx.window.setClerk("")  # a kiosk has no clerk (the settings' sample sets one)
    waiter.settle()


def grant_admin(ctx: AppContext, waiter: Waiter | None = None) -> None:
    """Admin mode as an admin reaches it: the corner gesture's PIN dialog, the PIN keyed."""
    waiter = waiter or LoopWaiter()
    admin = _kiosk(ctx).admin
    if admin.isAdminMode():
        return
    admin.open_gesture_prompt()
    waiter.until(lambda: shown_dialog(ctx.window) is not None)
    dialog = shown_dialog(ctx.window)
    assert dialog is not None
    for key in [*ADMIN_PIN, "Enter"]:
        button = dialog.findChild(QAbstractButton, f"adminPinKey{key}")
        assert button is not None, key
        button.click()
    waiter.until(admin.isAdminMode)
    waiter.settle()


def shown_dialog(window: QWidget) -> QDialog | None:
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            return dialog
    return None


def kiosk_scenes(ctx: AppContext, waiter: Waiter | None = None) -> list[tuple[str, Scene]]:
    """(file name, how to set the kiosk up) for every kiosk screenshot, in README order
    (the names are ``KIOSK_SCENE_NAMES``); each scene waits through ``waiter`` (this tool's
    loop by default)."""
    wait = waiter or LoopWaiter()
    window: MainWindow = ctx.window
    kiosk = _kiosk(ctx)
    counter = dict(screenshots.scenes(window))
    back_office = back_office_scenes(window)

    def scene(setup: Callable[[], None], *, admin: bool = False) -> Scene:
        def run() -> None:
            calm(ctx, wait)
            if admin:
                grant_admin(ctx, wait)
            setup()
            wait.settle()

        return run

    def confirm(kind: SaleKind) -> Callable[[], None]:
        def setup() -> None:
            screen = window.show_confirm()
            if kind is SaleKind.TOPUP:
                screen.setSummary(kind, screenshots.LINE, "Claro", 10_000)
            else:
                pack = screenshots.sample_packs()[2]
                screen.setSummary(
                    kind, screenshots.LINE, "Claro", pack.amount_pesos, pack, "3159876543"
                )
            # The kiosk's only payment: the checkout QR.
            screen.setDefaultMode(PaymentMode.CHECKOUT)

        return setup

    def detected(screen: Any) -> None:
        """The line's operator as the sandbox detects it (it may bring its own offer)."""
        done = (OperatorState.OK, OperatorState.REFUSED)
        wait.until(lambda: screen.line_input.operatorState() in done)
        wait.settle()

    def topup_filled() -> None:
        counter["03-topup-filled.png"]()
        detected(window.topup)
        window.topup.presetButtons()[10_000].click()

    def gift_pack() -> None:
        counter["07-gift-pack.png"]()
        detected(window.gift_pack)
        cards = window.gift_pack.cards()
        if cards:
            cards[min(1, len(cards) - 1)].click()

    def settings() -> None:
        sign_in_scenes.settings(window)
        window.setClerk("")

    def idle_warning() -> None:
        topup_filled()
        warnings = window.findChildren(QWidget, "idleWarning")
        assert warnings, "no idle warning on the window"
        warnings[0].start(12)  # type: ignore[attr-defined]

    def admin_pin() -> None:
        window.show_start()
        kiosk.admin.open_gesture_prompt()
        wait.until(lambda: shown_dialog(window) is not None)

    def keyboard_dock() -> None:
        settings()
        field = window.settings.findChild(QLineEdit, "settingsStoreNameInput")
        assert field is not None, "no store name field on the settings screen"
        field.setFocus()
        wait.settle()
        dock = kiosk.keyboard.dock
        if not dock.isOpen():
            dock.open_for(field)

    scenes = [
        ("01-attract.png", scene(window.show_attract)),
        ("02-start.png", scene(lambda: window.show_start())),
        ("03-topup.png", scene(counter["02-topup.png"])),
        ("04-topup-filled.png", scene(topup_filled)),
        ("05-topup-refused.png", scene(counter["05-topup-other-operator.png"])),
        ("06-gift-pack.png", scene(gift_pack)),
        ("07-balance-code.png", scene(counter["08-balance-code.png"])),
        ("08-balance-shown.png", scene(counter["09-balance-shown.png"])),
        ("09-confirm-topup.png", scene(confirm(SaleKind.TOPUP))),
        ("10-confirm-gift-pack.png", scene(confirm(SaleKind.GIFT_PACK))),
        ("11-payment.png", scene(counter["13-payment.png"])),
        ("12-result-delivered.png", scene(counter["14-result-delivered.png"])),
        ("13-result-declined.png", scene(counter["16-result-declined.png"])),
        ("14-result-pending.png", scene(counter["18-result-pending.png"])),
        ("15-result-paid-not-delivered.png", scene(counter["19-result-paid-not-delivered.png"])),
        ("16-idle-warning.png", scene(idle_warning)),
        ("17-admin-pin.png", scene(admin_pin)),
        ("18-keyboard-dock.png", scene(keyboard_dock, admin=True)),
        ("19-settings.png", scene(settings, admin=True)),
        ("20-history.png", scene(back_office["history"], admin=True)),
    ]
    names = tuple(name for name, _scene in scenes)
    assert names == KIOSK_SCENE_NAMES, f"KIOSK_SCENE_NAMES is not the scenes' list: {names}"
    return scenes


def grab(window: QWidget) -> QPixmap:
    """The window as a person sees it: its dialogs painted where they stand."""
    picture = window.grab()
    painter = QPainter(picture)
    try:
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                at = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
                painter.drawPixmap(at, dialog.grab())
    finally:
        painter.end()
    return picture


def capture(
    ctx: AppContext, out_dir: Path, size: tuple[int, int], only: tuple[str, ...] = ()
) -> list[Path]:
    """Each scene (``only`` these names, if given) at ``size``, saved in ``out_dir``."""
    ctx.window.resize(*size)
    settle()
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for name, scene in kiosk_scenes(ctx):
        if only and name not in only:
            continue
        scene()
        path = out_dir / name
        if not grab(ctx.window).save(str(path)):
            raise RuntimeError(f"could not save {path}")
        saved.append(path)
    calm(ctx)
    return saved


def capture_all(out: Path = OUT) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    set_language("es")
    saved: list[Path] = []
    with kiosk_app() as ctx:
        for folder, size in SIZES.items():
            saved += capture(ctx, out / folder, size)
        _kiosk(ctx).look.choose_language("en")
        settle()
        saved += capture(ctx, out / "en", SIZES["1280x800"], ENGLISH)
        _kiosk(ctx).look.choose_language("es")
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="default: docs/screenshots/kiosk/")
    args = parser.parse_args(argv)
    for path in capture_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
