"""A small HTTP server on loopback that misbehaves on purpose, one scripted answer at a time.

Each route (method + path, query ignored) has a queue of behaviours: each
request takes the next one, the last one repeats. Every request is recorded
(method, path, query, headers, JSON body) *before* the behaviour runs, so a
test can count what reached the server even when the answer never came back.

Also here: a closed port (connection refused) and a listening socket with a
full accept queue (connect timeout), both reliable without a network.
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class Behaviour:
    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        raise NotImplementedError


def _send_head(
    handler: _Handler, status: int, length: int, content_type: str, headers: dict[str, str]
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(length))
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.end_headers()


@dataclass
class Reply(Behaviour):
    """A complete answer (``body`` bytes as given: may be truncated JSON or HTML)."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        _send_head(handler, self.status, len(self.body), self.content_type, self.headers)
        handler.wfile.write(self.body)
        handler.wfile.flush()


def Json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(payload).encode(), headers=headers or {})


def Html(status: int = 200) -> Reply:
    page = b"<!doctype html><html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
    return Reply(status, page, content_type="text/html")


@dataclass
class Stall(Behaviour):
    """Read the request, then answer nothing until the server stops (or ``seconds``)."""

    seconds: float = 30.0

    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        stop.wait(self.seconds)
        handler.close_connection = True


@dataclass
class Drip(Behaviour):
    """Headers at once, then the body ``step`` bytes every ``interval`` seconds."""

    body: bytes
    interval: float = 0.1
    step: int = 1
    status: int = 200

    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        _send_head(handler, self.status, len(self.body), "application/json", {})
        handler.wfile.flush()
        for start in range(0, len(self.body), self.step):
            if stop.wait(self.interval):
                break
            try:
                handler.wfile.write(self.body[start : start + self.step])
                handler.wfile.flush()
            except OSError:
                break
        handler.close_connection = True


@dataclass
class DripHead(Behaviour):
    """The status line and headers one byte every ``interval`` seconds, then the body.

    Each byte comes well within a read timeout, so only a deadline over the
    whole call (not a per-receive timeout) stops a client from following it.
    """

    body: bytes
    interval: float = 0.05
    status: int = 200

    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        head = (
            f"HTTP/1.1 {self.status} OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(self.body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        handler.close_connection = True
        for index in range(len(head)):
            if stop.wait(self.interval):
                return
            try:
                handler.wfile.write(head[index : index + 1])
                handler.wfile.flush()
            except OSError:
                return
        handler.wfile.write(self.body)
        handler.wfile.flush()


@dataclass
class CloseMidBody(Behaviour):
    """Promise the whole body, send ``sent`` bytes of it, hang up."""

    body: bytes
    sent: int
    status: int = 200

    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        _send_head(handler, self.status, len(self.body), "application/json", {})
        handler.wfile.write(self.body[: self.sent])
        handler.wfile.flush()
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)


@dataclass
class HangUp(Behaviour):
    """Close the connection without a word (after the request was read)."""

    def serve(self, handler: _Handler, stop: threading.Event) -> None:
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        recorded = Recorded(
            self.command, split.path, parse_qs(split.query), dict(self.headers.items()), body
        )
        behaviour = self.server.owner._take(recorded)
        try:
            behaviour.serve(self, self.server.owner.stopping)
        except OSError:
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: FaultServer


class FaultServer:
    """Scripted misbehaviour on ``127.0.0.1:<free port>``; use as a context manager."""

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self._routes: dict[tuple[str, str], list[Behaviour]] = {}
        self._lock = threading.Lock()
        self.requests: list[Recorded] = []
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        # A short poll interval keeps stop() quick (shutdown waits for the next poll).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def on(self, method: str, path: str, *behaviours: Behaviour) -> FaultServer:
        """Script ``method path``: one behaviour per request, the last one repeats."""
        with self._lock:
            self._routes[(method.upper(), path)] = list(behaviours)
        return self

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if (r.method, r.path) == (method, path))

    def received(self, method: str, path: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if (r.method, r.path) == (method, path)]

    def _take(self, recorded: Recorded) -> Behaviour:
        with self._lock:
            self.requests.append(recorded)
            queue = self._routes.get((recorded.method, recorded.path))
            if not queue:
                return Json({"error": "not scripted"}, status=404)
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port_url() -> str:
    """A loopback URL nobody listens on: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class DripBytes:
    """A bare TCP listener that answers every connection with ``data`` one byte at a time.

    Aimed at with ``https://``, it stalls a client inside the TLS handshake:
    ``data`` starts a TLS record that never completes, each byte well within
    the connect timeout. Use as a context manager.
    """

    def __init__(self, data: bytes, interval: float = 0.05) -> None:
        self._data = data
        self._interval = interval
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        host, port = self._listener.getsockname()[:2]
        self.address = f"{host}:{port}"
        self.accepted = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            for index in range(len(self._data)):
                if self._stop.wait(self._interval):
                    return
                try:
                    conn.sendall(self._data[index : index + 1])
                except OSError:
                    return

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> DripBytes:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FullBacklog:
    """A listening socket whose accept queue is full: new connects get no answer.

    Linux drops SYNs to a listener with a full accept queue, so a client's
    connect times out (without needing a non-routable address or a network).
    """

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(0)
        self._fillers: list[socket.socket] = []
        host, port = self._listener.getsockname()
        self.url = f"http://{host}:{port}"
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex((host, port))
            self._fillers.append(filler)

    def close(self) -> None:
        for sock in (*self._fillers, self._listener):
            sock.close()

    def __enter__(self) -> FullBacklog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
