"""Reading a complete HTTP answer: its JSON, and the typed error of a non-2xx status.

The HTTP client returns every answer it read in full, whatever its status;
what a status means is decided here, once for the three gateways. For the
answer to a create the rule is never to read an unclear answer as a refusal:
a 5xx, an unexpected status or an unreadable body means the outcome is
unknown (:class:`OutcomeUnknown`), settled by looking the reference up.

Error parameters carry the gateway's own error code and field names, never
the body, a URL or a header (they can hold keys, lines or payer data).
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.gateways.errors import (
    GatewayNotFound,
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnauthorized,
    GatewayUnavailable,
    OutcomeUnknown,
)

#: A gateway's reader of its error body: (its error code, {field: [messages]}).
#: It may fail on an unexpected shape (the details are then left empty).
ErrorParser = Callable[[Any], tuple[str, dict[str, list[str]]]]


@dataclass(frozen=True)
class Answer:
    """A complete HTTP answer, body read within the deadline."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def looks_like_html(self) -> bool:
        return self.content_type == "text/html" or self.body.lstrip()[:1] == b"<"


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def decode_json(answer: Answer, service: str, reference: str | None = None) -> Any:
    """The answer's JSON; unreadable means protocol error, or outcome unknown for a create."""
    try:
        return json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        detail = "html" if answer.looks_like_html() else "invalid_json"
        if reference is not None:
            raise OutcomeUnknown(service, reference, "unreadable", detail=detail) from None
        raise GatewayProtocolError(service, detail, status=answer.status) from None


def _error_details(answer: Answer, parse_error: ErrorParser) -> tuple[str, dict[str, list[str]]]:
    try:
        payload = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return "", {}
    try:
        return parse_error(payload)
    except (AttributeError, KeyError, TypeError, ValueError):
        return "", {}


def raise_for_answer(
    answer: Answer,
    service: str,
    parse_error: ErrorParser,
    *,
    reference: str | None = None,
    wallclock: Callable[[], float] = time.time,
) -> None:
    """Raise the typed error for a non-2xx answer; return for a 2xx.

    ``reference`` marks the answer to a create: a 5xx or an unexpected status
    then means the outcome is unknown, never a refusal. ``wallclock`` (epoch
    seconds) reads an HTTP-date ``Retry-After``.
    """
    status = answer.status
    if 200 <= status < 300:
        return
    if status >= 500 or not 400 <= status < 500:
        if reference is not None:
            cause = "server_error" if status >= 500 else "unexpected_status"
            raise OutcomeUnknown(service, reference, cause, status=status)
        if status >= 500:
            raise GatewayUnavailable(service, "server_error", status=status)
        raise GatewayProtocolError(service, "unexpected_status", status=status)
    if status == 429:
        retry_after = parse_retry_after(answer.headers.get("Retry-After"), wallclock())
        raise GatewayUnavailable(service, "rate_limited", status=status, retry_after=retry_after)
    if status == 408:
        # The server gave up waiting for our request: it did not act on it.
        raise GatewayUnavailable(service, "server_timeout", status=status)
    error_code, fields = _error_details(answer, parse_error)
    if status in (401, 403):
        raise GatewayUnauthorized(service, status, error_code, fields)
    if status == 404:
        raise GatewayNotFound(service, status, error_code, fields)
    raise GatewayRejected(service, status, error_code, fields)
