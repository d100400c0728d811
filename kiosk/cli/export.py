"""`kiosk export`: the sales of a date range as CSV (for the accountant), the journal as JSON.

    kiosk export --from 2025-01-01 --to 2025-01-31 --csv enero.csv [--full-lines] [--db URL]
    kiosk export --json diario.json [--db URL]

Days are store days (America/Bogota), ``--to`` included. Lines are masked unless
``--full-lines``, which asks for the admin PIN: typed at the terminal (never
echoed), or for a script the environment's ``KIOSK_ADMIN_PIN``; a wrong PIN writes
nothing and exits 1. The journal is opened read-only (like ``kiosk journal
verify``): the configured one, or ``--db``'s. A progress bar with a rate goes to
stderr on a terminal (``KIOSK_PROGRESS=1`` forces it). The file formats are
described in :mod:`kiosk.services.exports`; ``kiosk journal verify --json FILE``
checks a JSON export on any machine.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.controllers.language import current_language, describe, text, translate
from kiosk.domain.calendar import day_bounds_utc
from kiosk.domain.errors import KioskError
from kiosk.messages import words, words_for

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.journal.journal import Journal

#: The admin PIN for scripts (``--full-lines`` without a terminal).
PIN_VARIABLE = "KIOSK_ADMIN_PIN"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def register(subparsers: Any) -> None:
    about = translate("cli", "exportar las ventas de unas fechas (CSV) o el diario entero (JSON)")
    export = subparsers.add_parser(
        "export",
        help=about,
        description=about,
        epilog=translate(
            "cli",
            "Días de la tienda (hora de Bogotá), --to incluido. Las líneas van enmascaradas "
            "salvo con --full-lines, que pide el PIN de administrador (o KIOSK_ADMIN_PIN). "
            "Una exportación JSON se verifica con «kiosk journal verify --json ARCHIVO».",
        ),
    )
    day = translate("cli", "AAAA-MM-DD")
    export.add_argument(
        "--from",
        dest="first_day",
        metavar=day,
        help=translate("cli", "primer día de las ventas del CSV"),
    )
    export.add_argument(
        "--to",
        dest="last_day",
        metavar=day,
        help=translate("cli", "último día de las ventas del CSV (incluido)"),
    )
    target = export.add_mutually_exclusive_group(required=True)
    file = translate("cli", "ARCHIVO")
    target.add_argument(
        "--csv", type=Path, metavar=file, help=translate("cli", "escribir las ventas en un CSV")
    )
    target.add_argument(
        "--json",
        type=Path,
        metavar=file,
        help=translate("cli", "escribir el diario entero en JSON, verificable en otro equipo"),
    )
    export.add_argument(
        "--full-lines",
        action="store_true",
        help=translate(
            "cli", "líneas completas en el CSV (pide el PIN de administrador; archivo 0600)"
        ),
    )
    export.add_argument(
        "--db", metavar=translate("cli", "URL"), help=translate("cli", "diario (URL de SQLAlchemy)")
    )
    export.set_defaults(handler=run_export)


def parse_day(option: str, value: str | None) -> date:
    """A ``YYYY-MM-DD`` option as a date; ``exports.bad_date`` names the option otherwise."""
    if value is None or not _DATE.fullmatch(value.strip()):
        raise KioskError("exports.bad_date", option=option, value=value or "")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise KioskError("exports.bad_date", option=option, value=value) from None


def check_admin_pin(config: Config, pin: str) -> None:
    """Raise the staff service's refusal (``pin.wrong``, ``pin.locked``, ``pin.not_admin``,
    ``staff.needs_setup``) unless ``pin`` is an admin's PIN. Wrong tries count toward the
    same lockout as at the counter (it is kept in the data folder)."""
    from kiosk.services.staff import StaffService, StaffStore

    service = StaffService(StaffStore.for_config(config), lambda: datetime.now(UTC))
    service.check_admin(pin)


def _admin_pin() -> str:
    pin = os.environ.get(PIN_VARIABLE)
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise KioskError("exports.pin_needed")
    return getpass.getpass(translate("cli", "PIN de administrador: "))


def _config(args: argparse.Namespace) -> Config:
    from kiosk.config import load_config

    return load_config(getattr(args, "config", None))


def _open(args: argparse.Namespace) -> Journal:
    from kiosk.cli.journal import _db_option
    from kiosk.journal.journal import open_journal

    if args.db:
        return open_journal(_db_option(args.db), create=False, migrate=False, read_only=True)
    config = _config(args)
    return open_journal(
        config.journal_url,
        store_id=config.store.id,
        kiosk_id=config.kiosk_id,
        create=False,
        read_only=True,
    )


def run_export(args: argparse.Namespace) -> int:
    if args.json is not None:
        if args.first_day or args.last_day or args.full_lines:
            raise KioskError("exports.json_takes_no_days")
        return _export_json(args)
    first = parse_day("--from", args.first_day)
    last = parse_day("--to", args.last_day)
    if last < first:
        raise KioskError("exports.inverted_range")
    if args.full_lines:
        try:
            check_admin_pin(_config(args), _admin_pin())
        except KioskError as refused:
            if refused.code == "exports.pin_needed":
                print(f"kiosk: {describe(refused)}", file=sys.stderr)
            else:
                reason = words("exports.pin_refused", {"reason": words_for(refused)})
                print(f"kiosk: {text(reason)}", file=sys.stderr)
            return 1
    return _export_csv(args, first, last)


def _export_csv(args: argparse.Namespace, first: date, last: date) -> int:
    from kiosk.cli.progress import Progress
    from kiosk.services.exports import count_sales, csv_style_for, write_sales_csv

    start, _ = day_bounds_utc(first)
    _, end = day_bounds_utc(last)
    journal = _open(args)
    try:
        total = count_sales(journal, start, end)
        with Progress(total, translate("cli", "Exportando ventas")) as progress:
            count = write_sales_csv(
                journal,
                start,
                end,
                args.csv,
                full_lines=args.full_lines,
                progress=progress.update,
                say=text,
                style=csv_style_for(current_language()),
            )
    finally:
        journal.close()
    said = {"count": count, "path": str(args.csv), "first": first.isoformat()}
    print(text(words("exports.cli.csv_written", {**said, "last": last.isoformat()})))
    if args.full_lines:
        print(text(words("exports.cli.full_lines_warning")))
    return 0


def _export_json(args: argparse.Namespace) -> int:
    from kiosk.cli.progress import Progress
    from kiosk.services.exports import export_journal

    journal = _open(args)
    try:
        total = journal.entry_count()
        with Progress(total, translate("cli", "Exportando el diario")) as progress:
            exported = export_journal(journal, args.json, progress=progress.update)
    finally:
        journal.close()
    said = {"count": exported.entries, "path": str(args.json), "last_hash": exported.last_hash}
    print(text(words("exports.cli.json_written", said)))
    return 0
