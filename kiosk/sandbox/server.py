"""The sandbox server: one loopback (or LAN) HTTP server serving every simulated API.

Standard library only (``http.server``): a thread per request, state in memory behind one lock.
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kiosk.sandbox import pages
from kiosk.sandbox.checkout import CheckoutPages, message_page
from kiosk.sandbox.lines import LineServices, sms_outbox
from kiosk.sandbox.phones import national_mobile
from kiosk.sandbox.pse import PseService, wompi_error
from kiosk.sandbox.settings import SandboxAccount, SandboxKeys, SandboxTiming, check_keys
from kiosk.sandbox.topups import TopupService, reloadly_time
from kiosk.sandbox.web import (
    MethodMissing,
    Request,
    Response,
    RouteMissing,
    Router,
    coded_error,
    html_response,
    json_response,
)
from kiosk.sandbox.world import World, utc_now

__all__ = ["SandboxKeys", "SandboxServer", "SandboxTiming"]

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1 << 20
_LONG_DIGITS = re.compile(r"\d{7,}")

_TERMS = {
    "acceptance": (
        "Términos y condiciones de uso",
        "Al pagar acepta que la tienda procese este pago por PSE. En el sandbox no se "
        "mueve dinero real.",
    ),
    "personal-data": (
        "Autorización de tratamiento de datos personales",
        "Autoriza el uso de su nombre, correo, teléfono y documento solo para procesar este "
        "pago (Ley 1581 de 2012). En el sandbox estos datos viven en memoria y se borran al "
        "cerrarlo.",
    ),
}


def lan_address() -> str:
    """The address other devices on the LAN can reach; no packet is sent to find it."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def masked_path(path: str) -> str:
    """A path fit for a log line: long digit runs (phone lines) cut to their last 4."""
    return _LONG_DIGITS.sub(lambda m: "*" * (len(m.group()) - 4) + m.group()[-4:], path)


class SandboxServer:
    """Serves PSE (``/v1``), checkout (``/p/``), bank pages (``/sim``), top-ups, lines and SMS."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        keys: SandboxKeys = SandboxKeys(),  # noqa: B008 - frozen, shared safely
        timing: SandboxTiming = SandboxTiming(),  # noqa: B008 - frozen, shared safely
        clock: Callable[[], datetime] | None = None,
        request_log: Callable[[str], None] | None = None,
        account_currency: str = "COP",
        fx_rate: Decimal | int | str = 4100,
    ) -> None:
        check_keys(keys)
        try:
            rate = Decimal(str(fx_rate))
        except ArithmeticError:
            raise ValueError("la tasa de cambio debe ser un número positivo") from None
        account = SandboxAccount(account_currency.upper(), rate)
        self._host = host
        self._port = port
        self._request_log = request_log
        self._world = World(keys, timing, clock or utc_now, account)
        self._pse = PseService(self._world)
        self._checkout = CheckoutPages(self._world, self._pse)
        self._topups = TopupService(self._world)
        self._lines = LineServices(self._world)
        self._router = self._routes()
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # ----- lifecycle --------------------------------------------------------------------------

    def start(self) -> SandboxServer:
        if self._httpd is not None:
            raise RuntimeError("the sandbox is already running")
        httpd = _HttpServer((self._host, self._port), _Handler)
        httpd.sandbox = self
        port = httpd.server_address[1]
        advertised = lan_address() if self._host in ("0.0.0.0", "") else self._host
        self._world.root_url = f"http://{advertised}:{port}"
        self._stopping.clear()
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.5},
            name="kiosk-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        httpd = self._httpd
        # Wake handlers that are simulating a slow answer, so nothing lingers after stop.
        self._stopping.set()
        stopper = threading.Thread(target=httpd.shutdown, name="kiosk-sandbox-stop", daemon=True)
        stopper.start()
        while stopper.is_alive():
            # serve_forever notices the shutdown at its next wake-up: a connection is one.
            self._poke(httpd)
            stopper.join(0.02)
        if self._thread is not None:
            self._thread.join()
        httpd.server_close()
        self._httpd = None
        self._thread = None

    @staticmethod
    def _poke(httpd: _HttpServer) -> None:
        host, port = httpd.server_address[:2]
        target = "127.0.0.1" if host in ("0.0.0.0", "") else str(host)
        with contextlib.suppress(OSError):
            socket.create_connection((target, int(port)), timeout=0.2).close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # ----- where things are -------------------------------------------------------------------

    @property
    def root_url(self) -> str:
        if not self._world.root_url:
            raise RuntimeError("start the sandbox first")
        return self._world.root_url

    @property
    def port(self) -> int:
        return int(urlsplit(self.root_url).port or 0)

    @property
    def keys(self) -> SandboxKeys:
        return self._world.keys

    @property
    def timing(self) -> SandboxTiming:
        return self._world.timing

    @property
    def account(self) -> SandboxAccount:
        """The top-up account's currency and COP rate."""
        return self._world.account

    @property
    def pse_base_url(self) -> str:
        return f"{self.root_url}/v1"

    @property
    def checkout_base_url(self) -> str:
        return self.root_url

    @property
    def topups_base_url(self) -> str:
        return f"{self.root_url}/topups-api"

    @property
    def topups_auth_url(self) -> str:
        return f"{self.root_url}/auth/oauth/token"

    @property
    def topups_audience(self) -> str:
        return self.topups_base_url

    @property
    def lines_base_url(self) -> str:
        return self.root_url

    # ----- sandbox-only controls --------------------------------------------------------------

    def client_settings(self) -> dict[str, str]:
        """The gateway settings (``<section>_<field>`` of kiosk.config's pse, topups and
        lines sections) that point a client at this sandbox: what the app uses when it
        embeds the sandbox, and what the tests use."""
        keys = self.keys
        return {
            "pse_base_url": self.pse_base_url,
            "pse_checkout_base_url": self.checkout_base_url,
            "pse_public_key": keys.public_key,
            "pse_private_key": keys.private_key,
            "pse_integrity_secret": keys.integrity_secret,
            "pse_events_secret": keys.events_secret,
            "topups_base_url": self.topups_base_url,
            "topups_auth_url": self.topups_auth_url,
            "topups_audience": self.topups_audience,
            "topups_client_id": keys.topup_client_id,
            "topups_client_secret": keys.topup_client_secret,
            "lines_base_url": self.lines_base_url,
            "lines_api_key": keys.lines_api_key,
        }

    def sms_outbox(self, to: str | None = None) -> list[dict[str, str]]:
        """Every SMS sent (to one 10-digit line if ``to``), oldest first."""
        return self._world.outbox(national_mobile(to) or to if to else None)

    def set_account_balance(self, pesos: int | Decimal) -> None:
        """The store's float with the top-up provider, in the account's currency
        (e.g. 0 to simulate it running out)."""
        self._topups.set_account_balance(Decimal(pesos))

    # ----- routing ----------------------------------------------------------------------------

    def _routes(self) -> Router:
        router = Router()
        pse, checkout, topups, lines = self._pse, self._checkout, self._topups, self._lines
        add = router.add
        add("GET", "/", self._index)
        add("GET", "/v1/merchants/{public_key}", pse.merchant)
        add("GET", "/v1/pse/financial_institutions", pse.banks)
        add("POST", "/v1/transactions", pse.post_transaction)
        add("GET", "/v1/transactions", pse.find_transactions)
        add("GET", "/v1/transactions/{id}", pse.get_transaction)
        for path in ("/p/", "/p"):
            add("GET", path, checkout.show)
            add("POST", path, checkout.submit)
        add("GET", "/sim/bank/{id}", checkout.bank_page)
        add("POST", "/sim/bank/{id}/approve", lambda r: checkout.bank_answer(r, approve=True))
        add("POST", "/sim/bank/{id}/decline", lambda r: checkout.bank_answer(r, approve=False))
        add("POST", "/auth/oauth/token", topups.token)
        api = "/topups-api"
        detect = f"{api}/operators/auto-detect/phone/{{number}}/countries/{{iso}}"
        add("GET", detect, topups.auto_detect)
        add("GET", f"{api}/operators", topups.operators)
        add("GET", f"{api}/operators/countries/{{iso}}", topups.operators_by_country)
        add("GET", f"{api}/operators/{{id}}", topups.operator)
        add("POST", f"{api}/topups", topups.post_topup)
        add("GET", f"{api}/topups/reports/transactions", topups.reports)
        add("GET", f"{api}/topups/reports/transactions/{{id}}", topups.report)
        add("GET", f"{api}/accounts/balance", topups.balance)
        add("POST", "/lines/{number}/otp", lines.send_code)
        add("GET", "/lines/{number}/balance", lines.balance)
        add("GET", "/sandbox/sms", lambda r: sms_outbox(self._world, r))
        add("PUT", "/sandbox/account/balance", self._put_account_balance)
        add("GET", "/sandbox/terms/{kind}", self._terms)
        return router

    def _index(self, request: Request) -> Response:
        content = pages.fragment("index.html", root=self.root_url)
        return html_response(200, pages.page("Sandbox", content))

    def _terms(self, request: Request) -> Response:
        terms = _TERMS.get(request.params["kind"])
        if terms is None:
            return message_page(404, "Página no encontrada", "Este documento no existe.")
        content = pages.fragment("terms.html", heading=terms[0], text=terms[1])
        return html_response(200, pages.page(terms[0], content))

    def _put_account_balance(self, request: Request) -> Response:
        try:
            body = request.json()
        except ValueError:
            body = None
        amount = body.get("balance") if isinstance(body, dict) else None
        if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount < 0:
            return self._coded(request, 400, "BAD_REQUEST", "balance debe ser un número >= 0")
        self._topups.set_account_balance(Decimal(str(amount)))
        currency = self._world.account.currency
        return json_response(200, {"balance": amount, "currencyCode": currency})

    def _coded(self, request: Request, status: int, code: str, message: str) -> Response:
        stamp = reloadly_time(self._world.now())
        return coded_error(status, code, message, path=request.path, stamp=stamp)

    def handle(self, request: Request) -> Response:
        """Route one request; errors answer in the shape of the API the path belongs to."""
        try:
            handler, params = self._router.resolve(request.method, request.path)
        except RouteMissing:
            return self._missing(request, 404, "NOT_FOUND", "La ruta no existe")
        except MethodMissing as missing:
            response = self._missing(
                request, 405, "METHOD_NOT_ALLOWED", "Método no permitido en esta ruta"
            )
            response.headers["Allow"] = ", ".join(missing.allowed)
            return response
        try:
            return handler(
                Request(
                    request.method,
                    request.path,
                    request.query,
                    request.headers,
                    request.body,
                    params,
                )
            )
        except Exception:
            log.exception("sandbox handler failed for %s", masked_path(request.path))
            return self._missing(request, 500, "INTERNAL_ERROR", "Error interno del sandbox")

    def _missing(self, request: Request, status: int, code: str, message: str) -> Response:
        path = request.path
        if path.startswith("/v1/") or path == "/v1":
            kind = "NOT_FOUND_ERROR" if status == 404 else code
            return wompi_error(status, kind, reason=message)
        if path.startswith(("/p/", "/sim/")) or path == "/p":
            return message_page(status, "Página no encontrada", message)
        if path.startswith("/topups-api/") and status in (404, 405):
            # A wrong path of the top-up API answers as Reloadly's Spring server does.
            return json_response(
                status,
                {
                    "timestamp": reloadly_time(self._world.now()),
                    "status": status,
                    "error": "Not Found" if status == 404 else "Method Not Allowed",
                    "message": message,
                    "path": path,
                },
            )
        return self._coded(request, status, code, message)

    # ----- called by the HTTP handler ---------------------------------------------------------

    def _wait(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def _log(self, method: str, path: str, status: int) -> None:
        if self._request_log is not None:
            self._request_log(f"{method} {masked_path(path)} -> {status}")


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    sandbox: SandboxServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (read timeout) and closed its socket is normal here.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _HttpServer
    server_version = "KioskSandbox/1.0"
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    def log_message(self, format: str, *args: Any) -> None:
        # http.server would print every path (phone lines, references) to stderr.
        return

    def _dispatch(self, head: bool = False) -> None:
        sandbox = self.server.sandbox
        split = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self._write(json_response(413, {"errorCode": "PAYLOAD_TOO_LARGE"}), head)
            return
        body = self.rfile.read(length) if length else b""
        request = Request(
            method="GET" if head else self.command,
            path=split.path,
            query=parse_qs(split.query, keep_blank_values=True),
            headers=self.headers,  # type: ignore[arg-type]
            body=body,
        )
        response = sandbox.handle(request)
        if response.delay_seconds > 0:
            sandbox._wait(response.delay_seconds)
        sandbox._log(self.command, split.path, response.status)
        self._write(response, head)

    def _write(self, response: Response, head: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(response.body)
