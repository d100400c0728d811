"""``kiosk sandbox`` (kiosk/sandbox/cli.py) as a user runs it: a real process, its printed URLs
and keys, Ctrl-C; on its own and through the ``kiosk`` command (kiosk.cli)."""

from __future__ import annotations

import argparse
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.sandbox.cli import register, run_sandbox
from tests.sandbox.helpers import TIMEOUT, bearer

ROOT = Path(__file__).resolve().parents[2]

# Only the sandbox's own register(): independent of the other subcommands' modules.
STANDALONE = (
    "import argparse, sys\n"
    "from kiosk.sandbox.cli import register\n"
    "parser = argparse.ArgumentParser(prog='kiosk')\n"
    "register(parser.add_subparsers(dest='command'))\n"
    "args = parser.parse_args(sys.argv[1:])\n"
    "sys.exit(args.handler(args))\n"
)


class Running:
    """A child process whose stdout is read line by line on a thread, with deadlines."""

    def __init__(self, argv: list[str]) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def read_until(self, needle: str, seconds: float = 20.0) -> list[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if needle in line:
                return self.seen
        raise AssertionError(f"{needle!r} not printed; got {self.seen!r}")

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=20)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def run() -> Iterator[type[Running]]:
    started: list[Running] = []

    class Tracked(Running):
        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            started.append(self)

    yield Tracked
    for process in started:
        process.close()


def printed(lines: list[str], label: str) -> str:
    line = next(line for line in lines if line.strip().startswith(label))
    return line.strip()[len(label) :].strip()


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT as Ctrl-C")


def test_the_sandbox_prints_its_urls_and_keys_and_serves_them(run: type[Running]) -> None:
    sandbox = run([sys.executable, "-c", STANDALONE, "sandbox", "--port", "0"])

    lines = sandbox.read_until("Ctrl-C")
    pse = printed(lines, "PSE (Wompi)")
    public = printed(lines, "llave pública")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1", pse)
    assert public == "pub_test_kiosk"
    assert printed(lines, "llave privada") == "prv_test_kiosk"
    assert printed(lines, "secreto integridad") == "test_integrity_kiosk"
    assert printed(lines, "client_id recargas") == "kiosk-sandbox"
    assert printed(lines, "audience") == printed(lines, "Recargas (Reloadly)")
    banks = requests.get(
        f"{pse}/pse/financial_institutions", headers=bearer(public), timeout=TIMEOUT
    )
    assert banks.status_code == 200

    assert sandbox.interrupt() == 0
    sandbox.read_until("detenido")


def test_flags_override_the_keys(run: type[Running]) -> None:
    sandbox = run(
        [
            sys.executable,
            "-c",
            STANDALONE,
            "sandbox",
            "--port",
            "0",
            "--public-key",
            "pub_test_shop",
        ]
    )

    lines = sandbox.read_until("Ctrl-C")
    pse = printed(lines, "PSE (Wompi)")
    url = f"{pse}/pse/financial_institutions"

    assert printed(lines, "llave pública") == "pub_test_shop"
    assert requests.get(url, headers=bearer("pub_test_shop"), timeout=TIMEOUT).status_code == 200
    assert requests.get(url, headers=bearer("pub_test_kiosk"), timeout=TIMEOUT).status_code == 401


def test_on_all_interfaces_it_prints_the_address_for_a_phone(run: type[Running]) -> None:
    sandbox = run([sys.executable, "-c", STANDALONE, "sandbox", "--host", "0.0.0.0", "--port", "0"])

    lines = sandbox.read_until("Ctrl-C")
    phone = next(line for line in lines if "celular" in line)
    local = next(line for line in lines if "127.0.0.1" in line and "equipo" in line)
    port = re.search(r":(\d+)/", local)[1]  # type: ignore[index]

    assert re.search(rf"http://[\d.]+:{port}/", phone)
    assert requests.get(f"http://127.0.0.1:{port}/", timeout=TIMEOUT).status_code == 200


def test_a_key_that_is_not_a_test_key_is_refused(run: type[Running]) -> None:
    sandbox = run(
        [sys.executable, "-c", STANDALONE, "sandbox", "--port", "0", "--public-key", "pub_prod_x"]
    )

    assert sandbox.process.wait(timeout=20) == 2
    assert sandbox.process.stderr is not None
    assert "pub_test_" in sandbox.process.stderr.read()


def test_kiosk_sandbox_through_the_main_entry_point(run: type[Running]) -> None:
    sandbox = run([sys.executable, "-m", "kiosk", "sandbox", "--port", "0"])

    lines = sandbox.read_until("Ctrl-C")

    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1", printed(lines, "PSE (Wompi)"))
    assert sandbox.interrupt() == 0


def test_kiosk_sandbox_speaks_english_when_asked(run: type[Running]) -> None:
    sandbox = run([sys.executable, "-m", "kiosk", "--language", "en", "sandbox", "--port", "0"])

    lines = sandbox.read_until("Ctrl-C to stop.")

    assert lines[0].startswith("Kiosk sandbox at http://127.0.0.1:")
    assert printed(lines, "public key") == "pub_test_kiosk"
    assert printed(lines, "Top-ups (Reloadly)") == printed(lines, "audience")
    assert any(line.startswith("PSE banks: 1 approves") for line in lines)
    assert sandbox.interrupt() == 0
    sandbox.read_until("Sandbox stopped.")


@pytest.mark.parametrize("port", ["99999", "-1", "ochenta"])
def test_a_port_out_of_range_is_told_plainly(run: type[Running], port: str) -> None:
    sandbox = run([sys.executable, "-m", "kiosk", "sandbox", "--port", port])

    assert sandbox.process.wait(timeout=20) == 2
    assert sandbox.process.stderr is not None
    said = sandbox.process.stderr.read()
    assert f"argumento --port: {port} no es un puerto: use un número de 0 a 65535" in said
    assert "Traceback" not in said


def test_a_port_out_of_range_from_a_caller_is_refused_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``run_sandbox`` called without the parser (a script): no OverflowError escapes."""
    parser = argparse.ArgumentParser(prog="kiosk")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["sandbox"])
    args.port = 99_999
    assert run_sandbox(args) == 2
    assert "99999 no es un puerto" in capsys.readouterr().err


def test_the_sandbox_help_names_every_flag_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = argparse.ArgumentParser(prog="kiosk")
    register(parser.add_subparsers(dest="command"))
    with pytest.raises(SystemExit):
        parser.parse_args(["sandbox", "--help"])
    shown = capsys.readouterr().out
    assert "--port PUERTO" in shown and "--host DIRECCIÓN" in shown
    assert "--public-key LLAVE" in shown and "llave pública de prueba" in shown
    assert "PUBLIC_KEY" not in shown and "PORT " not in shown
