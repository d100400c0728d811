"""The real `kiosk` command in its own process: a service stop (SIGTERM) closes it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _wait_for_text(path: Path, text: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8"):
            return
        if process.poll() is not None:
            pytest.fail(f"the app exited early with {process.returncode}")
        # Another process writes the log: poll it with a short wait, bounded by the deadline.
        time.sleep(0.05)
    pytest.fail(f"{text!r} never appeared in {path}")


def test_sigterm_closes_the_app_cleanly(isolated_dirs: dict[str, Path]) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    log_file = isolated_dirs["data"] / "logs" / "kiosk.log"
    try:
        _wait_for_text(log_file, "app started", process, 60)
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, output.decode(errors="replace")[-2000:]
    assert "app closed: journal written and released" in log_file.read_text(encoding="utf-8")
    verify = subprocess.run(
        [sys.executable, "-m", "kiosk", "journal", "verify"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
