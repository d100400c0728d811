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
_BAD_PORT = QT_TRANSLATE_NOOP(
    "sandbox", "{value} no es un puerto: use un número de 0 a 65535 (0 = uno libre)"
)
_ADDRESS = QT_TRANSLATE_NOOP("sandbox", "DIRECCIÓN")
_NUMBER = QT_TRANSLATE_NOOP("sandbox", "PUERTO")
_KEY = QT_TRANSLATE_NOOP("sandbox", "LLAVE")
_PESOS = QT_TRANSLATE_NOOP("sandbox", "PESOS")
_KEYS_HELP = {
    "public_key": QT_TRANSLATE_NOOP("sandbox", "llave pública de prueba (pub_test_…)"),
    "private_key": QT_TRANSLATE_NOOP("sandbox", "llave privada de prueba (prv_test_…)"),
    "integrity_secret": QT_TRANSLATE_NOOP("sandbox", "secreto de integridad de PSE"),
    "events_secret": QT_TRANSLATE_NOOP("sandbox", "secreto de eventos de PSE"),
    "client_id": QT_TRANSLATE_NOOP("sandbox", "client_id de recargas"),
    "client_secret": QT_TRANSLATE_NOOP("sandbox", "client_secret de recargas"),
    "lines_api_key": QT_TRANSLATE_NOOP("sandbox", "llave de los servicios de línea"),
}
_LOG = QT_TRANSLATE_NOOP("sandbox", "mostrar cada petición (líneas enmascaradas)")
_ACCOUNT_CURRENCY = QT_TRANSLATE_NOOP(
    "sandbox", "moneda de la cuenta de recargas: COP (por defecto) o USD"
)
_FX_RATE = QT_TRANSLATE_NOOP(
    "sandbox", "pesos por unidad de la moneda de la cuenta (por defecto 4100; solo con USD)"
)
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
        "Líneas: 3000000001 rechazada, 3000000002 lenta, 3000000003 portada a Movistar, "
        "3000000004 en proceso y luego entregada, 3000000005 fallida, 3000000006 en proceso "
        "y luego reembolsada; 3151234567 portada a Claro, 3129876543 portada a Tigo.",
    ),
    "phone": QT_TRANSLATE_NOOP("sandbox", "Desde un celular en la misma red abra: {root}/"),
    "here": QT_TRANSLATE_NOOP("sandbox", "En este equipo también: http://127.0.0.1:{port}/"),
    "stop": QT_TRANSLATE_NOOP("sandbox", "Ctrl-C para detener."),
}


#: The highest TCP port.
MAX_PORT = 65_535


def _port_reader(say: Say) -> Callable[[str], int]:
    """argparse's ``type`` for ``--port``: a number of 0 to 65535, or a plain refusal."""

    def port(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = -1
        if not 0 <= number <= MAX_PORT:
            raise argparse.ArgumentTypeError(say(_BAD_PORT).format(value=value))
        return number

    return port


def register(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    say: Say = _as_written,
) -> None:
    from kiosk.sandbox.settings import SandboxKeys

    defaults = SandboxKeys()
    parser = subparsers.add_parser("sandbox", help=say(_HELP), description=say(_DESCRIPTION))
    parser.add_argument("--host", default="127.0.0.1", metavar=say(_ADDRESS), help=say(_HOST))
    parser.add_argument(
        "--port",
        type=_port_reader(say),
        default=DEFAULT_PORT,
        metavar=say(_NUMBER),
        help=say(_PORT).format(port=DEFAULT_PORT),
    )
    key_defaults = {
        "public_key": defaults.public_key,
        "private_key": defaults.private_key,
        "integrity_secret": defaults.integrity_secret,
        "events_secret": defaults.events_secret,
        "client_id": defaults.topup_client_id,
        "client_secret": defaults.topup_client_secret,
        "lines_api_key": defaults.lines_api_key,
    }
    for name, default in key_defaults.items():
        parser.add_argument(
            "--" + name.replace("_", "-"),
            dest=name,
            default=default,
            metavar=say(_KEY),
            help=say(_KEYS_HELP[name]),
        )
    parser.add_argument("--log-requests", action="store_true", help=say(_LOG))
    parser.add_argument(
        "--account-currency",
        default="COP",
        type=str.upper,
        choices=("COP", "USD"),
        help=say(_ACCOUNT_CURRENCY),
    )
    parser.add_argument("--fx-rate", default="4100", metavar=say(_PESOS), help=say(_FX_RATE))
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
        server = SandboxServer(
            args.host,
            args.port,
            keys=keys,
            request_log=log,
            account_currency=getattr(args, "account_currency", "COP"),
            fx_rate=getattr(args, "fx_rate", "4100"),
        )
        server.start()
    except ValueError as error:
        print(f"kiosk sandbox: {error}", file=sys.stderr)
        return 2
    except OverflowError:  # a port out of range, from a caller that skipped the parser
        print(f"kiosk sandbox: {say(_BAD_PORT).format(value=args.port)}", file=sys.stderr)
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
