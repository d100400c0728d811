"""The real `kiosk` command in its own process: a service stop (SIGTERM) closes it cleanly,
from the first moment; "ready" in the log; a second app and a missing display are told plainly."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
#: The line the app logs once its start-up reconciliation pass has finished.
READY = "INFO kiosk.controllers.assembly: ready"
#: How long a process may take to end once told to (generous: a loaded CI machine).
EXIT_SECONDS = 30


def _app_env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _start_app(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _end(process: subprocess.Popen[bytes]) -> tuple[str, str]:
    """Whatever the test did, the process is gone afterwards; its output."""
    if process.poll() is None:
        process.kill()
    out, err = process.communicate(timeout=EXIT_SECONDS)
    return out.decode(errors="replace"), err.decode(errors="replace")


def _wait_for_file(path: Path, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"the app exited early with {process.returncode}")
        if time.monotonic() > deadline:
            pytest.fail(f"{path} never appeared")
        # The signal must land while the app is still starting: poll very often.
        time.sleep(0.001)


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
        _wait_for_text(log_file, READY, process, 60)
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


def test_sigterm_during_start_up_ends_the_app_and_releases_the_journal(
    isolated_dirs: dict[str, Path],
) -> None:
    """A service stop right after the journal opens, before the event loop runs, is not lost."""
    env = _app_env()
    log_file = isolated_dirs["data"] / "logs" / "kiosk.log"
    process = _start_app(env)
    try:
        _wait_for_file(isolated_dirs["data"] / "journal.sqlite3", process, 60)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=EXIT_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail("the app stayed up after a SIGTERM sent during its start-up")
    finally:
        out, err = _end(process)
    assert process.returncode == 0, out + err
    assert "Traceback" not in err
    logged = log_file.read_text(encoding="utf-8")
    assert "SIGTERM received: closing" in logged
    assert "app closed: journal written and released" in logged
    # The journal was released: the next start gets as far as "ready", and stops on SIGTERM.
    second = _start_app(env)
    try:
        _wait_for_text(log_file, READY, second, 60)
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=EXIT_SECONDS)
    finally:
        out, err = _end(second)
    assert second.returncode == 0, out + err


def test_a_second_app_on_the_same_journal_says_so_and_exits(
    isolated_dirs: dict[str, Path],
) -> None:
    """No dialog waits for a click on a headless display: stderr, a non-zero exit, at once."""
    env = _app_env()
    log_file = isolated_dirs["data"] / "logs" / "kiosk.log"
    first = _start_app(env)
    try:
        _wait_for_text(log_file, READY, first, 60)
        second = _start_app(env)
        try:
            second.wait(timeout=EXIT_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail("the second app did not exit")
        finally:
            out, err = _end(second)
        assert second.returncode == 1, out + err
        assert "El diario de ventas ya está abierto en otra ventana de la aplicación." in err
        assert "Traceback" not in err
        assert first.poll() is None, "the first app is still running"
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=EXIT_SECONDS)
        _end(first)
    assert first.returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
@pytest.mark.parametrize(
    ("display", "expected"),
    [
        (None, "No hay pantalla para abrir la ventana"),
        # No X server answers on display 97: Qt would abort the process.
        (":97", "No se puede abrir la pantalla :97"),
    ],
)
def test_no_display_is_told_plainly(display: str | None, expected: str) -> None:
    env = _app_env(QT_QPA_PLATFORM=None, DISPLAY=display, WAYLAND_DISPLAY=None)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert expected in done.stderr
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr and "xvfb-run" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")
def test_a_display_qt_cannot_open_is_told_plainly() -> None:
    """Something answers on the X socket, yet Qt cannot open the display (here a listener
    that hangs up, or a missing xcb library): Qt would abort; the app says why instead."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind("\0/tmp/.X11-unix/X96")
    listener.listen()

    def hang_up() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return  # the listener was closed: the test is over
            connection.close()

    thread = threading.Thread(target=hang_up, name="fake-x-server")
    thread.start()
    try:
        env = _app_env(QT_QPA_PLATFORM="xcb", DISPLAY=":96", WAYLAND_DISPLAY=None)
        done = subprocess.run(
            [sys.executable, "-m", "kiosk"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        thread.join(timeout=5)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "kiosk: No se pudo abrir la pantalla. Qt dice: " in done.stderr
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr and "xvfb-run" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits")
def test_the_log_is_private_whatever_the_umask(isolated_dirs: dict[str, Path]) -> None:
    logs = isolated_dirs["data"] / "logs"
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=_app_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        umask=0,  # everything would be readable and writable by everyone
    )
    try:
        _wait_for_text(logs / "kiosk.log", READY, process, 60)
        assert stat.S_IMODE(logs.stat().st_mode) == 0o700
        assert stat.S_IMODE((logs / "kiosk.log").stat().st_mode) == 0o600
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=EXIT_SECONDS)
    finally:
        _end(process)


#: ``kiosk`` as if the display were a real one: the refusal is also shown in a dialog.
AS_IF_ON_A_REAL_DISPLAY = (
    "import sys\n"
    "import ui.app\n"
    "from kiosk.config import load_config\n"
    "ui.app.shows_dialogs = lambda app: True\n"
    "sys.exit(ui.app.run_app(load_config()))\n"
)


def test_the_refusal_dialog_never_outlives_a_signal(isolated_dirs: dict[str, Path]) -> None:
    """On a real display the second app also shows a dialog; a SIGTERM still ends it."""
    env = _app_env()
    log_file = isolated_dirs["data"] / "logs" / "kiosk.log"
    first = _start_app(env)
    try:
        _wait_for_text(log_file, READY, first, 60)
        second = subprocess.Popen(
            [sys.executable, "-c", AS_IF_ON_A_REAL_DISPLAY],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for_text(log_file, "cannot start: journal.locked", second, 60)
            # The dialog is up (nobody will click it): a service stop must still end the app.
            second.send_signal(signal.SIGTERM)
            try:
                second.wait(timeout=EXIT_SECONDS)
            except subprocess.TimeoutExpired:
                pytest.fail("the dialog outlived a SIGTERM")
        finally:
            out, err = _end(second)
        assert second.returncode == 1, out + err
        assert "El diario de ventas ya está abierto" in err
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=EXIT_SECONDS)
        _end(first)
