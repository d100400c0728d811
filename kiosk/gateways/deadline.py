"""A wall-clock deadline for one HTTP attempt, enforced from outside the blocked call.

Why not plain ``session.request(timeout=...)``: requests' timeouts apply to
each socket operation, so a server (or proxy) that drips one byte at a time
can hold a call for ever, in the TLS handshake, the status line, the headers
or the body. A :class:`Deadline` is a watchdog: when it passes, it shuts the
attempt's sockets down and the blocked call fails at once.

requests gives no handle on the socket while a call is blocked in it, so the
sockets are found through urllib3's connection pool: :class:`DeadlineAdapter`
(mounted by :class:`kiosk.gateways.http.HttpClient`) makes its pools hand
each connection they lend (and each socket a connection opens) to the deadline
of the attempt running on this thread. When the deadline passes, a timer
thread calls shutdown() on those sockets: on Linux that wakes a thread blocked
in recv/send (TLS handshake included) and the call fails with a connection
error, which the client reports as "deadline". A connect() cannot be
interrupted this way; its own timeout is cut to the time left instead.
Connections that were shut down are closed when handed back to the pool,
never reused.

This hooks urllib3 2.x internals (``_new_conn``, ``_get_conn``, ``_put_conn``,
``pool_classes_by_scheme``); tests/gateways/test_faults_deadline.py guards them.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import TYPE_CHECKING, Any, cast

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import ProxyManager

if TYPE_CHECKING:
    from urllib3._base_connection import BaseHTTPConnection


def _shutdown(sock: socket.socket | None) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the latter also drops the
    # TLS state under the feet of the thread still reading from it.
    if sock is not None:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Deadline:
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
    def current(cls) -> Deadline | None:
        """The deadline of the attempt running on this thread, if any."""
        deadline: Deadline | None = getattr(cls._current, "deadline", None)
        return deadline

    def __enter__(self) -> Deadline:
        self._previous = Deadline.current()
        Deadline._current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._over = True  # from here on ``expired`` cannot change
        self._timer.cancel()
        Deadline._current.deadline = self._previous

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


# The mixins see their urllib3 base only while type checking: at run time they
# stay plain mixins, so each watched class keeps urllib3's own method order.
if TYPE_CHECKING:
    _ConnectionBase = HTTPConnection
    _PoolBase = HTTPConnectionPool
else:
    _ConnectionBase = _PoolBase = object


class _WatchedConnectionMixin(_ConnectionBase):
    #: Set by the pool while the connection is lent to an attempt (absent otherwise).
    _kiosk_deadline: Deadline | None

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        deadline = Deadline.current()
        if deadline is not None:
            deadline.opened(self, sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        # Set before anything is written (a plain-HTTP connection connects in here).
        deadline = Deadline.current()
        if deadline is not None:
            deadline.sending = True
        super().request(*args, **kwargs)


class _WatchedPoolMixin(_PoolBase):
    def _get_conn(self, timeout: float | None = None) -> BaseHTTPConnection:
        connection = super()._get_conn(timeout)
        deadline = Deadline.current()
        if deadline is not None:
            # These pools make only watched connections (their ConnectionCls below).
            watched = cast(_WatchedConnectionMixin, connection)
            deadline.lend(watched)
            watched._kiosk_deadline = deadline
        return connection

    def _put_conn(self, connection: BaseHTTPConnection | None) -> None:
        deadline: Deadline | None = getattr(connection, "_kiosk_deadline", None)
        if deadline is not None:
            watched = cast(_WatchedConnectionMixin, connection)
            watched._kiosk_deadline = None
            if deadline.give_back(watched):
                watched.close()  # its socket was shut down: discard it
        super()._put_conn(connection)


class _WatchedHTTPConnection(_WatchedConnectionMixin, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnectionMixin, HTTPSConnection):
    pass


class _WatchedHTTPConnectionPool(_WatchedPoolMixin, HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSConnectionPool(_WatchedPoolMixin, HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS: dict[str, type[HTTPConnectionPool]] = {
    "http": _WatchedHTTPConnectionPool,
    "https": _WatchedHTTPSConnectionPool,
}


class DeadlineAdapter(HTTPAdapter):
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
