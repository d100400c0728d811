"""Command line: the one place that wires the app together.

`kiosk` starts the app (counter mode unless configured otherwise); subcommands
are registered by the modules that own them (`kiosk journal …`, `kiosk sandbox`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.config import Config, load_config
from kiosk.domain.errors import KioskError
from kiosk.messages import render_error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Recargas, paquetes de regalo y consulta de saldo, pagados por PSE con QR.",
    )
    parser.add_argument("--config", type=Path, help="archivo de configuración TOML")
    parser.add_argument("--mode", choices=["counter", "kiosk"], help="modo de la aplicación")
    subcommands = parser.add_subparsers(dest="command", metavar="COMANDO")

    from kiosk.journal.cli import register as register_journal
    from kiosk.sandbox.cli import register as register_sandbox

    register_journal(subcommands)
    register_sandbox(subcommands)
    return parser


def config_from_args(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from ui.app import run_app

            return run_app(config_from_args(args), mode=args.mode)
        return int(args.handler(args) or 0)
    except KioskError as error:
        print(f"kiosk: {render_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
