"""``kiosk sandbox``: run the sandbox alone, in the foreground, until Ctrl-C.

Registering the subcommand imports nothing heavy: the server is loaded only when it runs.
Its words are Spanish sources marked for the translation files (the sandbox imports no
Qt); ``kiosk.cli`` passes ``say`` (a translator) so that they come out in the configured
language, as every word of the command line does.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from kiosk.domain.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kiosk.sandbox.server import SandboxServer

DEFAULT_PORT = 8765
#: Turns a Spanish source (context "sandbox") into the current language.
Say = Callable[[str], str]


def _as_written(source: str) -> str:
    return source


_HELP = QT_TRANSLATE_NOOP("sandbox", "servir el sandbox de pagos PSE, recargas y líneas")
_DESCRIPTION = QT_TRANSLATE_NOOP(
    "sandbox",
    "Sirve el sandbox (PSE compatible con Wompi, recargas compatibles con Reloadly, "
    "servicios de línea y buzón de SMS) hasta Ctrl-C. Con --host 0.0.0.0 un celular "
    "en la misma red puede abrir el checkout y la página del banco.",
)
_HOST = QT_TRANSLATE_NOOP("sandbox", "dirección (por defecto 127.0.0.1)")
_PORT = QT_TRANSLATE_NOOP("sandbox", "puerto (0 = uno libre; {port})")
_LOG = QT_TRANSLATE_NOOP("sandbox", "mostrar cada petición (líneas enmascaradas)")
_CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "sandbox", "no se pudo abrir {host}:{port} ({reason}). Pruebe otro puerto con --port."
)
_STOPPED = QT_TRANSLATE_NOOP("sandbox", "Sandbox detenido.")
_BANNER_TITLE = QT_TRANSLATE_NOOP("sandbox", "Sandbox del kiosco en {root}/")
_BANNER = {
    "checkout": QT_TRANSLATE_NOOP("sandbox", "Checkout"),
    "topups": QT_TRANSLATE_NOOP("sandbox", "Recargas (Reloadly)"),
    "oauth": QT_TRANSLATE_NOOP("sandbox", "OAuth de recargas"),
    "lines": QT_TRANSLATE_NOOP("sandbox", "Servicios de línea"),
    "sms": QT_TRANSLATE_NOOP("sandbox", "Buzón de SMS"),
    "keys": QT_TRANSLATE_NOOP("sandbox", "Llaves (de prueba):"),
    "public": QT_TRANSLATE_NOOP("sandbox", "llave pública"),
    "private": QT_TRANSLATE_NOOP("sandbox", "llave privada"),
    "integrity": QT_TRANSLATE_NOOP("sandbox", "secreto integridad"),
    "events": QT_TRANSLATE_NOOP("sandbox", "secreto eventos"),
    "client_id": QT_TRANSLATE_NOOP("sandbox", "client_id recargas"),
    "lines_key": QT_TRANSLATE_NOOP("sandbox", "llave de líneas"),
    "banks": QT_TRANSLATE_NOOP(
        "sandbox",
        "Bancos PSE: 1 aprueba, 2 rechaza, 3 error, 4 espera la página del banco, 5 lento.",
    ),
    "test_lines": QT_TRANSLATE_NOOP(
        "sandbox",
        "Líneas: 3000000001 rechazada, 3000000002 lenta, 3000000003 portada a Movistar.",
    ),
    "phone": QT_TRANSLATE_NOOP("sandbox", "Desde un celular en la misma red abra: {root}/"),
    "here": QT_TRANSLATE_NOOP("sandbox", "En este equipo también: http://127.0.0.1:{port}/"),
    "stop": QT_TRANSLATE_NOOP("sandbox", "Ctrl-C para detener."),
}


def register(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    say: Say = _as_written,
) -> None:
    from kiosk.sandbox.settings import SandboxKeys

    defaults = SandboxKeys()
    parser = subparsers.add_parser("sandbox", help=say(_HELP), description=say(_DESCRIPTION))
    parser.add_argument("--host", default="127.0.0.1", help=say(_HOST))
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=say(_PORT).format(port=DEFAULT_PORT)
    )
    parser.add_argument("--public-key", default=defaults.public_key)
    parser.add_argument("--private-key", default=defaults.private_key)
    parser.add_argument("--integrity-secret", default=defaults.integrity_secret)
    parser.add_argument("--events-secret", default=defaults.events_secret)
    parser.add_argument("--client-id", default=defaults.topup_client_id)
    parser.add_argument("--client-secret", default=defaults.topup_client_secret)
    parser.add_argument("--lines-api-key", default=defaults.lines_api_key)
    parser.add_argument("--log-requests", action="store_true", help=say(_LOG))
    parser.set_defaults(handler=functools.partial(run_sandbox, say=say))


def run_sandbox(
    args: argparse.Namespace, out: TextIO | None = None, *, say: Say = _as_written
) -> int:
    from kiosk.sandbox.server import SandboxServer
    from kiosk.sandbox.settings import SandboxKeys

    out = out or sys.stdout
    keys = SandboxKeys(
        public_key=args.public_key,
        private_key=args.private_key,
        integrity_secret=args.integrity_secret,
        events_secret=args.events_secret,
        topup_client_id=args.client_id,
        topup_client_secret=args.client_secret,
        lines_api_key=args.lines_api_key,
    )
    log = (lambda line: print(line, file=out, flush=True)) if args.log_requests else None
    try:
        server = SandboxServer(args.host, args.port, keys=keys, request_log=log)
        server.start()
    except ValueError as error:
        print(f"kiosk sandbox: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        problem = say(_CANNOT_OPEN).format(host=args.host, port=args.port, reason=error.strerror)
        print(f"kiosk sandbox: {problem}", file=sys.stderr)
        return 1
    try:
        wildcard = args.host in ("0.0.0.0", "")
        print(banner(server, wildcard=wildcard, say=say), file=out, flush=True)
        forever = threading.Event()
        while not forever.wait(0.5):  # short waits keep Ctrl-C responsive on every platform
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print(say(_STOPPED), file=out, flush=True)
    return 0


def banner(server: SandboxServer, *, wildcard: bool, say: Say = _as_written) -> str:
    """What to configure: base URLs, keys, test banks and lines."""
    keys = server.keys
    root = server.root_url

    def row(caption: str, value: str) -> str:
        return f"  {caption:<20} {value}"

    lines = [
        say(_BANNER_TITLE).format(root=root),
        "",
        row("PSE (Wompi)", server.pse_base_url),
        row(say(_BANNER["checkout"]), f"{server.checkout_base_url}/p/"),
        row(say(_BANNER["topups"]), server.topups_base_url),
        row(say(_BANNER["oauth"]), server.topups_auth_url),
        row("audience", server.topups_audience),
        row(say(_BANNER["lines"]), f"{server.lines_base_url}/lines/…"),
        row(say(_BANNER["sms"]), f"{root}/sandbox/sms"),
        "",
        say(_BANNER["keys"]),
        row(say(_BANNER["public"]), keys.public_key),
        row(say(_BANNER["private"]), keys.private_key),
        row(say(_BANNER["integrity"]), keys.integrity_secret),
        row(say(_BANNER["events"]), keys.events_secret),
        row(say(_BANNER["client_id"]), keys.topup_client_id),
        row("client_secret", keys.topup_client_secret),
        row(say(_BANNER["lines_key"]), keys.lines_api_key),
        "",
        say(_BANNER["banks"]),
        say(_BANNER["test_lines"]),
    ]
    if wildcard:
        lines += [
            "",
            say(_BANNER["phone"]).format(root=root),
            say(_BANNER["here"]).format(port=server.port),
        ]
    lines += ["", say(_BANNER["stop"])]
    return "\n".join(lines)
