"""python-escpos loads only when something prints: importing it costs a quarter of a second
and makes a temporary folder, which every start of the app would pay for."""

from __future__ import annotations

import subprocess
import sys


def test_starting_the_app_does_not_load_the_printer_library() -> None:
    probe = "import sys, ui.app, kiosk.cli; print('escpos' in sys.modules)"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert loaded.stdout.strip() == "False"
