"""The server itself: error shapes of unknown paths, lifecycle, keys, and a light import."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from kiosk.sandbox import SandboxKeys, SandboxServer, SandboxTiming
from tests.sandbox.helpers import PUBLIC, TIMEOUT, bearer, create, pse_body

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/v1/nothing", "wompi"),
        ("/topups-api/nothing", "spring"),
        ("/lines/3001234567/nothing", "provider"),
        ("/sandbox/nothing", "provider"),
        ("/nothing", "provider"),
        ("/sim/nothing", "html"),
    ],
)
def test_unknown_paths_answer_404_in_the_apis_shape(
    sandbox: SandboxServer, path: str, shape: str
) -> None:
    answer = requests.get(f"{sandbox.root_url}{path}", headers=bearer(PUBLIC), timeout=TIMEOUT)

    assert answer.status_code == 404
    if shape == "wompi":
        assert answer.json()["error"]["type"] == "NOT_FOUND_ERROR"
    elif shape == "spring":
        # Reloadly's wrong paths answer in Spring's shape, not in its API's error shape.
        body = answer.json()
        assert body["status"] == 404 and body["error"] == "Not Found"
        assert body["path"] == "/topups-api/nothing" and "errorCode" not in body
    elif shape == "provider":
        assert answer.json()["errorCode"] == "NOT_FOUND"
        assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    else:
        assert answer.headers["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/v1/transactions", "GET, POST"),
        ("POST", "/v1/pse/financial_institutions", "GET"),
        ("GET", "/topups-api/topups", "POST"),
        ("GET", "/auth/oauth/token", "POST"),
    ],
)
def test_a_wrong_method_is_405(
    sandbox: SandboxServer, method: str, path: str, allowed: str
) -> None:
    answer = requests.request(method, f"{sandbox.root_url}{path}", timeout=TIMEOUT)

    assert answer.status_code == 405
    assert answer.headers["Allow"] == allowed


def test_the_index_page_lists_the_services(sandbox: SandboxServer) -> None:
    answer = requests.get(f"{sandbox.root_url}/", timeout=TIMEOUT)

    assert answer.status_code == 200
    assert sandbox.pse_base_url in answer.text and sandbox.topups_base_url in answer.text


def test_urls_follow_the_one_layout(sandbox: SandboxServer) -> None:
    root = sandbox.root_url

    assert root.startswith("http://127.0.0.1:") and sandbox.port > 0
    assert (sandbox.pse_base_url, sandbox.checkout_base_url) == (f"{root}/v1", root)
    assert sandbox.topups_base_url == sandbox.topups_audience == f"{root}/topups-api"
    assert (sandbox.topups_auth_url, sandbox.lines_base_url) == (f"{root}/auth/oauth/token", root)


def test_stop_frees_the_port() -> None:
    sandbox = SandboxServer().start()
    port = sandbox.port
    with pytest.raises(RuntimeError):
        sandbox.start()

    sandbox.stop()
    sandbox.stop()  # twice is harmless

    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_stop_wakes_a_handler_simulating_a_slow_answer() -> None:
    timing = SandboxTiming(slow_bank_seconds=60.0)
    with SandboxServer(timing=timing) as sandbox:
        with pytest.raises(requests.ReadTimeout):
            create(sandbox, pse_body(sandbox, reference="STOP-1", bank="5"), timeout=(TIMEOUT, 0.3))
        handlers = handler_threads()
        assert handlers

    # Far sooner than the simulated 60 s: stop() woke the sleeping handler.
    for handler in handlers:
        handler.join(timeout=10)
    assert not any(handler.is_alive() for handler in handlers)


def handler_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "process_request" in t.name]


@pytest.mark.parametrize(
    "keys",
    [
        SandboxKeys(public_key="pub_prod_kiosk"),
        SandboxKeys(private_key="prv_prod_kiosk"),
        SandboxKeys(integrity_secret="prv_test_kiosk"),
        SandboxKeys(events_secret=""),
    ],
)
def test_keys_a_test_environment_would_never_issue_are_refused(keys: SandboxKeys) -> None:
    with pytest.raises(ValueError):
        SandboxServer(keys=keys)


def test_custom_keys_are_the_ones_enforced() -> None:
    keys = SandboxKeys(public_key="pub_test_other", private_key="prv_test_other")
    with SandboxServer(keys=keys) as sandbox:
        url = f"{sandbox.pse_base_url}/pse/financial_institutions"
        assert (
            requests.get(url, headers=bearer("pub_test_other"), timeout=TIMEOUT).status_code == 200
        )
        assert requests.get(url, headers=bearer(PUBLIC), timeout=TIMEOUT).status_code == 401


def test_registering_the_cli_does_not_load_the_server() -> None:
    code = (
        "import argparse, sys, kiosk.sandbox, kiosk.sandbox.cli; "
        "kiosk.sandbox.cli.register(argparse.ArgumentParser().add_subparsers()); "
        "print(sorted(m for m in sys.modules if m.startswith(('kiosk.sandbox.', 'http.server'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout

    assert out.strip() == "['kiosk.sandbox.cli', 'kiosk.sandbox.settings']"
