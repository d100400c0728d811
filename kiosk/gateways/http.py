"""The HTTP client of the gateway clients: timeouts, a deadline per call, careful retries.

Every attempt runs under a wall-clock :class:`~kiosk.gateways.deadline.Deadline`
(requests' own timeouts restart on every byte), and its body is read in full,
up to a size cap, within it. The complete :class:`~kiosk.gateways.answers.Answer`
is returned whatever its status: what a status means is read in
:mod:`kiosk.gateways.answers`.

Retry rules: GETs (and other calls marked ``retry``) are retried on network
errors, 5xx and 429 with capped exponential backoff and jitter, honouring
``Retry-After``, never past the deadline. A create is never retried: once it
may have reached the gateway, a failure is an :class:`OutcomeUnknown` that the
caller settles by looking the reference up.

Nothing here logs or raises URLs (they carry keys and phone lines) or headers.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests
import urllib3.exceptions

from kiosk.config import TimeoutsConfig
from kiosk.gateways.answers import Answer, parse_retry_after
from kiosk.gateways.deadline import Deadline, DeadlineAdapter
from kiosk.gateways.errors import GatewayUnavailable, OutcomeUnknown

log = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BODY_BYTES = 4 * 1024 * 1024
_CHUNK_BYTES = 64 * 1024
USER_AGENT = "kiosk-gateway-client/1"

#: Seconds from a clock: monotonic (deadlines, backoff) or epoch (HTTP dates).
Clock = Callable[[], float]
Sleep = Callable[[float], None]


class _TransportFailure(Exception):
    """Internal: no complete answer. ``sent`` says whether the request may have arrived."""

    def __init__(self, reason: str, *, sent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.sent = sent


def _never_connected(exc: BaseException) -> bool:
    """True when the connection was never opened, so nothing was sent."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(
            current,
            urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError,
        ):
            return True
        if isinstance(current, BaseException):
            stack.extend(current.args)
            stack.append(getattr(current, "reason", None))
            stack.append(current.__cause__)
            stack.append(current.__context__)
    return False


def _classify(exc: requests.RequestException) -> _TransportFailure:
    if isinstance(exc, requests.ConnectTimeout):
        return _TransportFailure("connect_timeout", sent=False)
    if isinstance(exc, requests.ReadTimeout):
        return _TransportFailure("read_timeout", sent=True)
    if isinstance(exc, requests.ConnectionError) and _never_connected(exc):
        return _TransportFailure("refused", sent=False)
    if isinstance(exc, requests.ConnectionError):
        return _TransportFailure("connection_lost", sent=True)
    # Anything else (an invalid URL, a TLS surprise): assume the worst for a create.
    return _TransportFailure("request_failed", sent=True)


class HttpClient:
    """A ``requests.Session`` with timeouts, a deadline per call and GET retries.

    ``clock`` is monotonic seconds (deadlines, backoff), ``wallclock`` is epoch
    seconds (HTTP-date ``Retry-After``); both and ``sleep`` are injectable so
    tests do not wait for real backoff. A given ``session`` gets the deadline's
    adapter mounted for ``http://`` and ``https://``.
    """

    def __init__(
        self,
        service: str,
        base_url: str,
        timeouts: TimeoutsConfig,
        *,
        session: requests.Session | None = None,
        clock: Clock = time.monotonic,
        wallclock: Clock = time.time,
        sleep: Sleep = time.sleep,
        jitter: Callable[[], float] = random.random,
        max_attempts: int = 4,
        backoff_base_seconds: float = 0.25,
        backoff_cap_seconds: float = 4.0,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        self.service = service
        self.base_url = base_url.rstrip("/")
        self.timeouts = timeouts
        self.session = session if session is not None else requests.Session()
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, DeadlineAdapter())
        self._clock = clock
        self._wallclock = wallclock
        self._sleep = sleep
        self._jitter = jitter
        self._max_attempts = max(1, max_attempts)
        self._backoff_base = backoff_base_seconds
        self._backoff_cap = backoff_cap_seconds
        self._max_body = max_body_bytes

    def close(self) -> None:
        self.session.close()

    # -- one call -----------------------------------------------------------------

    def get(
        self,
        path: str,
        *,
        label: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        retry_answer: Callable[[Answer], bool] | None = None,
    ) -> Answer:
        return self.send(
            "GET",
            path,
            label=label,
            params=params,
            headers=headers,
            retry=True,
            retry_answer=retry_answer,
        )

    def send(
        self,
        method: str,
        path: str,
        *,
        label: str,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        retry: bool = False,
        create_reference: str | None = None,
        retry_answer: Callable[[Answer], bool] | None = None,
        url: str | None = None,
    ) -> Answer:
        """Send one call within the deadline and return its complete answer.

        ``label`` names the call in logs without its variable parts (no keys,
        no lines). ``create_reference`` marks a create: once the request may
        have been sent, a failure raises :class:`OutcomeUnknown` for it.
        ``retry_answer`` can veto the retry of a 429/5xx answer (e.g. a lock).
        Non-2xx answers are returned, not raised: see :func:`raise_for_answer`.
        """
        if create_reference is not None and retry:
            raise ValueError("a create is never retried")
        target = url or f"{self.base_url}{path}"
        merged = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
        started = self._clock()
        deadline_at = started + self.timeouts.deadline_seconds
        attempt = 0
        while True:
            attempt += 1
            try:
                answer = self._attempt(method, target, params, json_body, merged, deadline_at)
            except _TransportFailure as failure:
                log.warning("%s %s: %s (attempt %d)", self.service, label, failure.reason, attempt)
                if create_reference is not None and failure.sent:
                    raise OutcomeUnknown(self.service, create_reference, failure.reason) from None
                delay = self._backoff(attempt)
                if (
                    retry
                    and failure.reason != "deadline"
                    and attempt < self._max_attempts
                    and self._fits(delay, deadline_at)
                ):
                    self._sleep(delay)
                    continue
                raise GatewayUnavailable(self.service, failure.reason) from None
            log.debug(
                "%s %s -> %d in %.2fs (attempt %d)",
                self.service,
                label,
                answer.status,
                self._clock() - started,
                attempt,
            )
            if (
                retry
                and answer.status in RETRYABLE_STATUSES
                and attempt < self._max_attempts
                and (retry_answer is None or retry_answer(answer))
            ):
                waited = parse_retry_after(answer.headers.get("Retry-After"), self._wallclock())
                delay = waited if waited is not None else self._backoff(attempt)
                if self._fits(delay, deadline_at):
                    log.info(
                        "%s %s: %d, retrying in %.2fs", self.service, label, answer.status, delay
                    )
                    self._sleep(delay)
                    continue
            return answer

    def _backoff(self, attempt: int) -> float:
        """Capped exponential backoff with "equal jitter": half fixed, half random."""
        growth: int = 2 ** (attempt - 1)  # typeshed types int ** int as Any
        ceiling = min(self._backoff_cap, self._backoff_base * growth)
        return ceiling / 2 + self._jitter() * ceiling / 2

    def _fits(self, delay: float, deadline_at: float) -> bool:
        return self._clock() + delay < deadline_at

    def _attempt(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        json_body: Any,
        headers: Mapping[str, str],
        deadline_at: float,
    ) -> Answer:
        remaining = deadline_at - self._clock()
        if remaining <= 0:
            raise _TransportFailure("deadline", sent=False)
        # The connect timeout is cut to the time left: the watchdog cannot interrupt a connect().
        timeout = (
            min(self.timeouts.connect_seconds, remaining),
            min(self.timeouts.read_seconds, remaining),
        )
        deadline = Deadline(remaining)
        failure: _TransportFailure | None = None
        with deadline:
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    json=json_body,
                    headers=dict(headers),
                    timeout=timeout,
                    stream=True,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                failure = _classify(exc)
            else:
                try:
                    answer = Answer(
                        response.status_code, response.headers, self._read_body(response)
                    )
                except _TransportFailure as exc:
                    failure = exc
                finally:
                    response.close()
        # The watchdog is stopped now. If it fired, nothing read counts: after a
        # shutdown() the end of file can pass for the end of the headers or body.
        if deadline.expired:
            failure = _TransportFailure("deadline", sent=failure.sent if failure else True)
        elif failure is None:
            return answer
        elif failure.reason in ("connect_timeout", "read_timeout") and self._clock() >= deadline_at:
            failure.reason = "deadline"
        if deadline.sent_nothing:
            failure.sent = False
        raise failure

    def _read_body(self, response: requests.Response) -> bytes:
        raw = response.raw
        parts: list[bytes] = []
        size = 0
        while True:
            try:
                chunk = raw.read1(_CHUNK_BYTES)
            except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
                raise _TransportFailure("read_timeout", sent=True) from None
            except (urllib3.exceptions.HTTPError, OSError):
                raise _TransportFailure("connection_lost", sent=True) from None
            if not chunk:
                return b"".join(parts)
            size += len(chunk)
            if size > self._max_body:
                raise _TransportFailure("too_large", sent=True)
            parts.append(chunk)
