"""``kiosk sandbox``: run the sandbox alone, in the foreground, until Ctrl-C.

Registering the subcommand imports nothing heavy: the server is loaded only when it runs.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from kiosk.sandbox.server import SandboxServer

DEFAULT_PORT = 8765


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from kiosk.sandbox.settings import SandboxKeys

    defaults = SandboxKeys()
    parser = subparsers.add_parser(
        "sandbox",
        help="servir el sandbox de pagos PSE, recargas y líneas",
        description=(
            "Sirve el sandbox (PSE compatible con Wompi, recargas compatibles con Reloadly, "
            "servicios de línea y buzón de SMS) hasta Ctrl-C. Con --host 0.0.0.0 un celular "
            "en la misma red puede abrir el checkout y la página del banco."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="dirección (por defecto 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"puerto (0 = uno libre; {DEFAULT_PORT})"
    )
    parser.add_argument("--public-key", default=defaults.public_key)
    parser.add_argument("--private-key", default=defaults.private_key)
    parser.add_argument("--integrity-secret", default=defaults.integrity_secret)
    parser.add_argument("--events-secret", default=defaults.events_secret)
    parser.add_argument("--client-id", default=defaults.topup_client_id)
    parser.add_argument("--client-secret", default=defaults.topup_client_secret)
    parser.add_argument("--lines-api-key", default=defaults.lines_api_key)
    parser.add_argument(
        "--log-requests", action="store_true", help="mostrar cada petición (líneas enmascaradas)"
    )
    parser.set_defaults(handler=run_sandbox)


def run_sandbox(args: argparse.Namespace, out: TextIO | None = None) -> int:
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
        print(
            f"kiosk sandbox: no se pudo abrir {args.host}:{args.port} ({error.strerror}). "
            "Pruebe otro puerto con --port.",
            file=sys.stderr,
        )
        return 1
    try:
        print(banner(server, wildcard=args.host in ("0.0.0.0", "")), file=out, flush=True)
        forever = threading.Event()
        while not forever.wait(0.5):  # short waits keep Ctrl-C responsive on every platform
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print("Sandbox detenido.", file=out, flush=True)
    return 0


def banner(server: SandboxServer, *, wildcard: bool) -> str:
    """What to configure: base URLs, keys, test banks and lines."""
    keys = server.keys
    root = server.root_url
    lines = [
        f"Sandbox del kiosco en {root}/",
        "",
        f"  PSE (Wompi)          {server.pse_base_url}",
        f"  Checkout             {server.checkout_base_url}/p/",
        f"  Recargas (Reloadly)  {server.topups_base_url}",
        f"  OAuth de recargas    {server.topups_auth_url}",
        f"  audience             {server.topups_audience}",
        f"  Servicios de línea   {server.lines_base_url}/lines/…",
        f"  Buzón de SMS         {root}/sandbox/sms",
        "",
        "Llaves (de prueba):",
        f"  llave pública        {keys.public_key}",
        f"  llave privada        {keys.private_key}",
        f"  secreto integridad   {keys.integrity_secret}",
        f"  secreto eventos      {keys.events_secret}",
        f"  client_id recargas   {keys.topup_client_id}",
        f"  client_secret        {keys.topup_client_secret}",
        f"  llave de líneas      {keys.lines_api_key}",
        "",
        "Bancos PSE: 1 aprueba, 2 rechaza, 3 error, 4 espera la página del banco, 5 lento.",
        "Líneas: 3000000001 rechazada, 3000000002 lenta, 3000000003 portada a Movistar.",
    ]
    if wildcard:
        lines += [
            "",
            f"Desde un celular en la misma red abra: {root}/",
            f"En este equipo también: http://127.0.0.1:{server.port}/",
        ]
    lines += ["", "Ctrl-C para detener."]
    return "\n".join(lines)
