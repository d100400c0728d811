"""`kiosk journal …`: verify the chain, purge old lines, settle a paid-not-delivered sale.

None of these take the app's instance lock: they run next to a running app.
Those that write (purge, settle) take the journal's write lock per transaction
(``BEGIN IMMEDIATE`` / an advisory lock) and read the last hash under it.
Without ``--db`` the journal of the configuration (``--config``) is used.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.config import TIMEZONE, Config, load_config
from kiosk.domain.errors import JournalError
from kiosk.domain.sale import SaleState
from kiosk.messages import render

CLI_ACTOR = "cli"


def register(subparsers: Any) -> None:
    journal = subparsers.add_parser(
        "journal", help=render("journal.cli.help"), description=render("journal.cli.help")
    )
    actions = journal.add_subparsers(dest="journal_command", metavar="ACCIÓN", required=True)

    verify = actions.add_parser("verify", help="verificar que el diario no fue alterado")
    verify.add_argument("--db", metavar="URL", help="diario a verificar (URL de SQLAlchemy)")
    verify.add_argument(
        "--against",
        metavar="HASH",
        help="un hash impreso antes (o ENTRADA:HASH) que debe seguir en la cadena",
    )
    verify.set_defaults(handler=run_verify)

    purge = actions.add_parser("purge", help="borrar las líneas de ventas cerradas antiguas")
    purge.add_argument("--db", metavar="URL", help="diario (URL de SQLAlchemy)")
    purge.add_argument(
        "--days", type=int, metavar="N", help="conservar las líneas de los últimos N días"
    )
    purge.set_defaults(handler=run_purge)

    settle = actions.add_parser(
        "settle", help="registrar cómo se resolvió una venta pagada y no entregada"
    )
    settle.add_argument("reference", metavar="REFERENCIA")
    settle.add_argument(
        "--how", required=True, metavar="TEXTO", help="cómo se le respondió al cliente"
    )
    settle.add_argument("--db", metavar="URL", help="diario (URL de SQLAlchemy)")
    settle.set_defaults(handler=run_settle)


def _config(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "config", None))


def _open(args: argparse.Namespace, *, with_secret: bool):  # -> Journal
    from kiosk.journal.journal import open_journal

    if args.db:
        # Any journal, maybe another kiosk's copy: no owner check, no line check.
        return open_journal(args.db, create=False, migrate=False), "es"
    config = _config(args)
    journal = open_journal(
        config.journal_url,
        store_id=config.store.id,
        kiosk_id=config.kiosk_id,
        line_secret=config.line_secret if with_secret else b"",
        create=False,
    )
    return journal, config.language


def run_verify(args: argparse.Namespace) -> int:
    journal, language = _open(args, with_secret=True)
    try:
        report = journal.verify(against=args.against)
    finally:
        journal.close()
    if not report.ok:
        problem = report.first_problem
        assert problem is not None
        described = render(problem.what, problem.params, language)
        print(render("journal.cli.tampered", {"problem": described}, language))
        return 1
    print(
        render(
            "journal.cli.intact",
            {"entries": report.entries, "sales": report.sales, "last_hash": report.last_hash},
            language,
        )
    )
    if args.against:
        print(
            render(
                "journal.cli.against_ok",
                {"hash": args.against.strip(), "seq": report.against_seq},
                language,
            )
        )
    return 0


def run_purge(args: argparse.Namespace) -> int:
    days = args.days
    if days is None:
        days = _config(args).journal.retention_days
    if days < 0:
        raise JournalError("journal.bad_days")
    journal, language = _open(args, with_secret=False)
    try:
        cutoff = datetime.now(UTC) - timedelta(days=days)
        count = journal.purge_lines(cutoff, actor=CLI_ACTOR)
    finally:
        journal.close()
    shown = cutoff.astimezone(TIMEZONE).strftime("%Y-%m-%d %H:%M")
    print(render("journal.cli.purged", {"count": count, "cutoff": shown}, language))
    return 0


def run_settle(args: argparse.Namespace) -> int:
    journal, language = _open(args, with_secret=False)
    try:
        if journal.sale(args.reference) is None:
            raise JournalError("journal.no_such_sale", reference=args.reference)
        entry = journal.record(
            args.reference,
            SaleState.SETTLED,
            event="sale.settled",
            actor=CLI_ACTOR,
            data={"how": args.how},
        )
    finally:
        journal.close()
    print(
        render("journal.cli.settled", {"reference": args.reference, "hash": entry.hash}, language)
    )
    return 0
