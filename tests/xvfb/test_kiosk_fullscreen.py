"""The kiosk's window covers the whole screen of a real X server with no window manager (a
bare X session, as kiosks often run): Xvfb at 1280x800 and at 1080x1920.

Each case starts its own ``Xvfb :N -nolisten tcp`` and runs the ``kiosk`` command's
:func:`ui.app.run_app` in kiosk mode in a child process (``QT_QPA_PLATFORM=xcb``, the test's
own config and data folders). The child reports the window's frame geometry, its screen's
geometry and the four corner pixels of the root window (``screen.grabWindow(0)``: what is
really on the X screen) next to the app's own paint of the same corners (``window.grab()``).
Without Xvfb the test is skipped, unless ``KIOSK_REQUIRE_XVFB=1`` (CI): then it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]
X11_SOCKETS = Path("/tmp/.X11-unix")
#: How long Xvfb may take to open its socket, and the child to show the window.
SERVER_SECONDS = 10.0
CHILD_SECONDS = 90.0
#: The root window's black: what Xvfb shows where no window is.
BLACK = "#000000"

#: The child: run_app in kiosk mode; once the window is exposed and on screen, report and exit.
CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import load_config
from ui.app import run_app
from ui.kiosk.shell import KioskShell
from ui.main_window import MainWindow

app = QApplication(sys.argv)
deadline = time.monotonic() + float(sys.argv[1])


def corners(image):
    w, h = image.width() - 1, image.height() - 1
    return [image.pixelColor(x, y).name() for x, y in ((0, 0), (w, 0), (0, h), (w, h))]


def report():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    handle = window.windowHandle() if window is not None else None
    ready = handle is not None and window.isVisible() and handle.isExposed()
    facts = {}
    if ready:
        screen = window.screen()
        root = corners(screen.grabWindow(0).toImage())
        own = corners(window.grab().toImage())
        frame = window.frameGeometry()
        geometry = screen.geometry()
        facts = {
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "screen": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
            "root_corners": root,
            "app_corners": own,
            "held": window.findChild(KioskShell) is not None,
            "full_screen": window.isFullScreen(),
            "platform": app.platformName(),
        }
        ready = facts["frame"] == facts["screen"] and root == own
    if ready or time.monotonic() > deadline:
        print("REPORT " + json.dumps({"ready": ready, **facts}), flush=True)
        app.exit(0)
        return
    QTimer.singleShot(50, report)


QTimer.singleShot(0, report)
sys.exit(run_app(load_config(), mode="kiosk"))
"""


def _free_display() -> int:
    for number in range(90, 400):
        taken = (X11_SOCKETS / f"X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()
        if not taken:
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb_binary() -> str:
    found = shutil.which("Xvfb")
    if found is None:
        if os.environ.get("KIOSK_REQUIRE_XVFB") == "1":
            pytest.fail("Xvfb is required (KIOSK_REQUIRE_XVFB=1) but not installed")
        pytest.skip("Xvfb is not installed")
    return found


class XServer:
    """One Xvfb of the test's own, without a window manager."""

    def __init__(self, binary: str, width: int, height: int) -> None:
        self.binary = binary
        self.size = f"{width}x{height}x24"
        self.process: subprocess.Popen[bytes] | None = None
        self.display = ""

    def start(self) -> None:
        for _attempt in range(5):  # another session may take the number first
            number = _free_display()
            process = subprocess.Popen(
                [self.binary, f":{number}", "-screen", "0", self.size, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            socket = X11_SOCKETS / f"X{number}"
            deadline = time.monotonic() + SERVER_SECONDS
            while time.monotonic() < deadline and process.poll() is None:
                if socket.exists():
                    self.process, self.display = process, f":{number}"
                    return
                time.sleep(0.05)  # a bounded poll of the socket's path
            _stop(process)
        raise RuntimeError("Xvfb did not start")

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr is not None:
        process.stderr.close()


@pytest.fixture
def x_server(xvfb_binary: str, request: pytest.FixtureRequest) -> Iterator[XServer]:
    width, height = request.param
    server = XServer(xvfb_binary, width, height)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _run_kiosk(display: str) -> dict[str, object]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(CHILD_SECONDS / 2)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_SECONDS,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, (
        f"the kiosk did not report (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    )
    report: dict[str, object] = json.loads(lines[-1].removeprefix("REPORT "))
    report["stderr"] = done.stderr
    return report


@pytest.mark.parametrize(
    "x_server", [(1280, 800), (1080, 1920)], indirect=True, ids=["1280x800", "1080x1920"]
)
def test_the_kiosk_covers_the_whole_screen_without_a_window_manager(x_server: XServer) -> None:
    report = _run_kiosk(x_server.display)
    width, height = (int(part) for part in x_server.size.split("x")[:2])
    assert report["platform"] == "xcb"
    assert report["held"], "run_app holds the kiosk's window fullscreen"
    assert report["screen"] == [0, 0, width, height]
    assert report["frame"] == report["screen"], report
    # What is on the X screen at its four corners is the app's own paint, not the root's black.
    assert report["root_corners"] == report["app_corners"], report
    assert BLACK not in report["root_corners"], report
    assert report["ready"], report
