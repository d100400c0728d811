"""The operator's line-services API: a one-time code by SMS, then balance and packs.

Not part of any aggregator's API (see GATEWAYS.md §2): in production it needs
an operator partner, so it is its own small adapter. Contract: bearer API key;
``POST /lines/{number}/otp``; ``GET /lines/{number}/balance`` with ``X-OTP``;
errors ``{"errorCode", "message"}``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple
from urllib.parse import quote

import requests

from kiosk.config import TimeoutsConfig
from kiosk.gateways import parsing
from kiosk.gateways.answers import Answer, decode_json, parse_retry_after
from kiosk.gateways.base import GatewayClient
from kiosk.gateways.errors import (
    GatewayNotFound,
    GatewayProtocolError,
    LineCodeRejected,
    LineLocked,
)
from kiosk.gateways.http import Clock, Sleep

SERVICE = "lines"
_CODE_ERRORS = {
    "INVALID_OTP": "lines.wrong_code",
    "OTP_REQUIRED": "lines.wrong_code",
    "OTP_EXPIRED": "lines.code_expired",
}
#: 429s that are about this line, not a busy server: retrying cannot help.
_LOCKS = {"LINE_LOCKED": "lines.locked", "TOO_MANY_CODES": "lines.too_many_codes"}


class ActivePack(NamedTuple):
    name: str
    expires_at: datetime | None


@dataclass(frozen=True)
class LineBalance:
    balance_pesos: int
    packs: tuple[ActivePack, ...] = ()


@dataclass(frozen=True)
class CodeSent:
    #: How long the code lasts, when the service says so.
    expires_in_seconds: int | None = None


def _error_parser(payload: Any) -> tuple[str, dict[str, list[str]]]:
    code = str(payload.get("errorCode") or "")
    message = payload.get("message")
    return code, ({"message": [str(message)]} if message else {})


def _error_code(answer: Answer) -> str:
    try:
        payload = decode_json(answer, SERVICE)
    except GatewayProtocolError:
        return ""
    return str(payload.get("errorCode") or "") if isinstance(payload, dict) else ""


class LineServicesClient(GatewayClient):
    """Client of the line-services API (balance behind a one-time code)."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        timeouts: TimeoutsConfig,
        session: requests.Session | None = None,
        clock: Clock = time.monotonic,
        *,
        sleep: Sleep = time.sleep,
        wallclock: Clock = time.time,
    ) -> None:
        super().__init__(
            SERVICE,
            _error_parser,
            base_url,
            timeouts,
            session=session,
            clock=clock,
            sleep=sleep,
            wallclock=wallclock,
        )
        self._api_key = api_key

    def _headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}", **extra}

    def _raise_for(self, answer: Answer, reference: str | None = None) -> None:
        """Line-specific refusals first (wrong code, lock, unknown line), then the common ones."""
        if answer.status in (401, 403, 429):
            error_code = _error_code(answer)
            if error_code in _CODE_ERRORS:
                raise LineCodeRejected(
                    SERVICE, answer.status, error_code, code=_CODE_ERRORS[error_code]
                )
            if error_code in _LOCKS:
                retry_after = parse_retry_after(
                    answer.headers.get("Retry-After"), self._wallclock()
                )
                raise LineLocked(
                    SERVICE,
                    answer.status,
                    error_code,
                    code=_LOCKS[error_code],
                    retry_after=retry_after,
                )
        if answer.status == 404 and _error_code(answer) == "LINE_NOT_FOUND":
            # Not (or no longer) the operator's line, e.g. ported away.
            raise GatewayNotFound(SERVICE, 404, "LINE_NOT_FOUND", code="lines.not_found")
        super()._raise_for(answer, reference)

    def send_code(self, line: str) -> CodeSent:
        """Ask the service to text a one-time code to ``line``. Not retried (one SMS)."""
        answer = self._http.send(
            "POST",
            f"/lines/{quote(line, safe='')}/otp",
            label="POST line otp",
            headers=self._headers(),
        )
        self._raise_for(answer)
        expires = None
        if answer.body.strip():
            payload = decode_json(answer, SERVICE)
            if isinstance(payload, dict):
                for key in ("expires_in_seconds", "expires_in", "expiresIn"):
                    if payload.get(key) is not None:
                        expires = parsing.whole_number(payload[key], SERVICE, key)
        return CodeSent(expires)

    def balance(self, line: str, code: str) -> LineBalance:
        """The line's balance and active packs; a wrong or expired code is refused."""
        answer = self._http.get(
            f"/lines/{quote(line, safe='')}/balance",
            label="GET line balance",
            headers=self._headers(**{"X-OTP": code}),
            # A lock is not a busy server: retrying cannot help.
            retry_answer=lambda reply: _error_code(reply) not in _LOCKS,
        )
        self._raise_for(answer)
        payload = parsing.mapping(decode_json(answer, SERVICE), SERVICE, "balance")
        packs = []
        for item in parsing.sequence(payload.get("packs") or [], SERVICE, "packs"):
            entry = parsing.mapping(item, SERVICE, "pack")
            packs.append(
                ActivePack(
                    name=str(parsing.text(entry, "name", SERVICE)),
                    expires_at=parsing.timestamp(entry.get("expires_at"), SERVICE, "expires_at"),
                )
            )
        return LineBalance(
            balance_pesos=parsing.whole_number(payload.get("balance"), SERVICE, "balance"),
            packs=tuple(packs),
        )
