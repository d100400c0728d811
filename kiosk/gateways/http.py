"""The one HTTP helper of the gateway clients: timeouts, a deadline, careful retries.

Why not plain ``session.request(timeout=...)``: requests' timeouts apply to
each socket operation, so a server (or proxy) that drips one byte at a time
can hold a call for ever, in the TLS handshake, the status line, the headers
or the body. Every attempt here has a wall-clock deadline enforced from
outside: a timer shuts the attempt's sockets down when it passes (see
:class:`_Deadline`), and the blocked call fails at once.

Retry rules: GETs (and other calls marked ``retry``) are retried on network
errors, 5xx and 429 with capped exponential backoff and jitter, honouring
``Retry-After``, never past the deadline. A create is never retried: once it
may have reached the gateway, a failure is an :class:`OutcomeUnknown` that the
caller settles by looking the reference up.

Nothing here logs or raises URLs (they carry keys and phone lines) or headers.
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import ProxyManager

from kiosk.config import TimeoutsConfig
from kiosk.gateways.errors import (
    GatewayNotFound,
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnauthorized,
    GatewayUnavailable,
    OutcomeUnknown,
)

log = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BODY_BYTES = 4 * 1024 * 1024
_CHUNK_BYTES = 64 * 1024
USER_AGENT = "kiosk-gateway-client/1"

Clock = Callable[[], float]
Sleep = Callable[[float], None]


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


class _TransportFailure(Exception):
    """Internal: no complete answer. ``sent`` says whether the request may have arrived."""

    def __init__(self, reason: str, *, sent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.sent = sent


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


def _never_connected(exc: BaseException) -> bool:
    """True when the connection was never opened, so nothing was sent."""
    seen: set[int] = set()
    stack: list[Any] = [exc]
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


# -- the deadline watchdog -------------------------------------------------------------
#
# requests gives no handle on the socket while a call is blocked in it, so the
# sockets are found through urllib3's connection pool: the adapter mounted by
# HttpClient makes its pools hand each connection they lend (and each socket a
# connection opens) to the deadline of the attempt running on this thread.
# When the deadline passes, a timer thread calls shutdown() on those sockets:
# on Linux that wakes a thread blocked in recv/send (TLS handshake included)
# and the call fails with a connection error, which _attempt reports as
# "deadline". A connect() cannot be interrupted this way; its own timeout is
# cut to the time left instead. Connections that were shut down are closed
# when handed back to the pool, never reused.


def _shutdown(sock: socket.socket | None) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the latter also drops the
    # TLS state under the feet of the thread still reading from it.
    if sock is not None:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Deadline:
    """The deadline of one attempt: when it passes, the sockets it uses are shut down."""

    _current = threading.local()

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        # Each connection lent to this attempt, with the raw socket it opened (if
        # any): during a TLS handshake ``connection.sock`` may not be set yet.
        self._lent: dict[HTTPConnection, socket.socket | None] = {}
        self._opened_any = False
        self._over = False
        self.expired = False
        #: A request started going out on this attempt (before that, nothing was sent).
        self.sending = False
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    @classmethod
    def current(cls) -> _Deadline | None:
        return getattr(cls._current, "deadline", None)

    def __enter__(self) -> _Deadline:
        self._previous = _Deadline.current()
        _Deadline._current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._over = True  # from here on ``expired`` cannot change
        self._timer.cancel()
        _Deadline._current.deadline = self._previous

    def _expire(self) -> None:
        with self._lock:
            if self._over:
                return
            self.expired = True
            for connection, raw in self._lent.items():
                _shutdown(connection.sock)
                _shutdown(raw)

    def lend(self, connection: HTTPConnection) -> None:
        """``connection`` serves this attempt until it is given back to the pool."""
        with self._lock:
            self._lent.setdefault(connection, None)
            if self.expired:
                _shutdown(connection.sock)

    def opened(self, connection: HTTPConnection, sock: socket.socket) -> None:
        """``connection`` opened ``sock`` (before any TLS handshake wraps it)."""
        with self._lock:
            self._lent[connection] = sock
            self._opened_any = True
            if self.expired:
                _shutdown(sock)

    def give_back(self, connection: HTTPConnection) -> bool:
        """Forget ``connection``; True when it was shut down (so must not be reused)."""
        with self._lock:
            lent = connection in self._lent
            self._lent.pop(connection, None)
            return lent and self.expired

    @property
    def sent_nothing(self) -> bool:
        """Positively known: a socket was opened but no request started (connect, TLS).

        Without that evidence (e.g. the hooks were bypassed) a create counts as sent.
        """
        return self._opened_any and not self.sending


class _WatchedConnectionMixin:
    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        deadline = _Deadline.current()
        if deadline is not None:
            deadline.opened(self, sock)  # type: ignore[arg-type]
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        # Set before anything is written (a plain-HTTP connection connects in here).
        deadline = _Deadline.current()
        if deadline is not None:
            deadline.sending = True
        super().request(*args, **kwargs)  # type: ignore[misc]


class _WatchedPoolMixin:
    def _get_conn(self, timeout: float | None = None) -> Any:
        connection = super()._get_conn(timeout)  # type: ignore[misc]
        deadline = _Deadline.current()
        if deadline is not None:
            deadline.lend(connection)
            connection._kiosk_deadline = deadline
        return connection

    def _put_conn(self, connection: Any) -> None:
        deadline = getattr(connection, "_kiosk_deadline", None)
        if deadline is not None:
            connection._kiosk_deadline = None
            if deadline.give_back(connection):
                connection.close()  # its socket was shut down: discard it
        super()._put_conn(connection)  # type: ignore[misc]


class _WatchedHTTPConnection(_WatchedConnectionMixin, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnectionMixin, HTTPSConnection):
    pass


class _WatchedHTTPConnectionPool(_WatchedPoolMixin, HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSConnectionPool(_WatchedPoolMixin, HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPConnectionPool, "https": _WatchedHTTPSConnectionPool}


class _DeadlineAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose pools (direct or through an HTTP proxy) report to the deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        # SOCKS proxies keep their own pools (not used by the kiosk).
        if isinstance(manager, ProxyManager):
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


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
            self.session.mount(prefix, _DeadlineAdapter())
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
        ceiling = min(self._backoff_cap, self._backoff_base * (2 ** (attempt - 1)))
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
        deadline = _Deadline(remaining)
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


# -- reading answers ------------------------------------------------------------------

ErrorParser = Callable[[Any], tuple[str, dict[str, list[str]]]]


class GatewayClient:
    """What the PSE, top-up and line-services clients share: one :class:`HttpClient`,
    the clocks, reading a non-2xx answer with the service's error parser, ``close()``."""

    def __init__(
        self,
        service: str,
        parse_error: ErrorParser,
        base_url: str,
        timeouts: TimeoutsConfig,
        *,
        session: requests.Session | None,
        clock: Clock,
        sleep: Sleep,
        wallclock: Clock,
    ) -> None:
        self._http = HttpClient(
            service,
            base_url,
            timeouts,
            session=session,
            clock=clock,
            sleep=sleep,
            wallclock=wallclock,
        )
        self._parse_error = parse_error
        self._clock = clock
        self._wallclock = wallclock

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._http.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def _raise_for(self, answer: Answer, reference: str | None = None) -> None:
        """The typed error of a non-2xx answer (``reference`` marks a create's answer)."""
        raise_for_answer(
            answer,
            self._http.service,
            self._parse_error,
            reference=reference,
            wallclock=self._wallclock,
        )


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
    wallclock: Clock = time.time,
) -> None:
    """Raise the typed error for a non-2xx answer; return for a 2xx.

    ``reference`` marks the answer to a create: a 5xx or an unexpected status
    then means the outcome is unknown, never a refusal.
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
