"""Talking to a running sandbox as the app and outside tools do: client settings, SMS, reports."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import requests

T = TypeVar("T")

#: The sandbox's test lines (GATEWAYS.md §3).
REFUSED_LINE, SLOW_LINE, PORTED_LINE = "3000000001", "3000000002", "3000000003"


def wait_for(read: Callable[[], T], done: Callable[[T], bool], timeout: float = 5.0) -> T:
    """Poll ``read`` until ``done`` says yes, or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        pause.wait(0.05)


def outbox(sandbox: Any, line: str) -> list[dict[str, str]]:
    """The sandbox's SMS outbox for ``line``, read over HTTP as any tool would."""
    answer = requests.get(f"{sandbox.root_url}/sandbox/sms", params={"to": line}, timeout=5)
    answer.raise_for_status()
    return answer.json()["data"]


def _provider_token(sandbox: Any) -> str:
    keys = sandbox.keys
    answer = requests.post(
        sandbox.topups_auth_url,
        json={
            "client_id": keys.topup_client_id,
            "client_secret": keys.topup_client_secret,
            "grant_type": "client_credentials",
            "audience": sandbox.topups_audience,
        },
        timeout=5,
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def provider_topups(sandbox: Any, reference: str) -> list[dict[str, Any]]:
    """Every top-up the provider holds under ``reference`` (its report, read over HTTP)."""
    answer = requests.get(
        f"{sandbox.topups_base_url}/topups/reports/transactions",
        params={"customIdentifier": reference},
        headers={"Authorization": f"Bearer {_provider_token(sandbox)}"},
        timeout=5,
    )
    answer.raise_for_status()
    return [item for item in answer.json()["content"] if item["customIdentifier"] == reference]


def provider_balance(sandbox: Any) -> int:
    """The store's float with the provider, as its balance endpoint shows it."""
    answer = requests.get(
        f"{sandbox.topups_base_url}/accounts/balance",
        headers={"Authorization": f"Bearer {_provider_token(sandbox)}"},
        timeout=5,
    )
    answer.raise_for_status()
    return int(answer.json()["balance"])


def pse_attempts(sandbox: Any, reference: str) -> list[dict[str, Any]]:
    """Every PSE transaction under ``reference``, as the gateway's private look-up lists them."""
    answer = requests.get(
        f"{sandbox.pse_base_url}/transactions",
        params={"reference": reference},
        headers={"Authorization": f"Bearer {sandbox.keys.private_key}"},
        timeout=5,
    )
    answer.raise_for_status()
    return list(answer.json()["data"])
