"""`kiosk journal …`: verify the chain, purge old lines, settle a paid-not-delivered sale.

None of these take the app's instance lock: they run next to a running app.
Those that write (purge, settle) take the journal's write lock per transaction
(``BEGIN IMMEDIATE`` / an advisory lock) and read the last hash under it.
Without ``--db`` the journal of the configuration (``--config``) is used;
``verify --json FILE`` checks an export (``kiosk export --json``) instead, on any
machine: its chain and what it says of each sale (an export holds no lines).
Long checks draw a progress bar on stderr (:mod:`kiosk.cli.progress`).
``verify`` opens it read-only (it never writes the file it checks) and compares
the stored lines with their HMACs when it has the store's secret: the
configuration's, or with ``--db`` the environment's ``KIOSK_LINE_SECRET``.
What they print are the catalogue's words (``journal.cli.*``), in the language
:func:`kiosk.cli.main` set.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config, load_config
from kiosk.controllers.language import text, translate
from kiosk.domain.errors import JournalError
from kiosk.messages import words

if TYPE_CHECKING:
    from kiosk.journal.journal import Journal
    from kiosk.journal.verify import VerifyReport

CLI_ACTOR = "cli"


def register(subparsers: Any) -> None:
    about = translate(
        "cli", "diario de ventas: verificar, purgar líneas, cerrar ventas pagadas sin entregar"
    )
    journal = subparsers.add_parser("journal", help=about, description=about)
    actions = journal.add_subparsers(
        dest="journal_command", metavar=translate("cli", "ACCIÓN"), required=True
    )
    url = translate("cli", "URL")

    verify = actions.add_parser(
        "verify", help=translate("cli", "verificar que el diario no fue alterado")
    )
    source = verify.add_mutually_exclusive_group()
    source.add_argument(
        "--db", metavar=url, help=translate("cli", "diario a verificar (URL de SQLAlchemy)")
    )
    source.add_argument(
        "--json",
        type=Path,
        metavar=translate("cli", "ARCHIVO"),
        help=translate(
            "cli", "verificar una exportación del diario (kiosk export --json), en otro equipo"
        ),
    )
    verify.add_argument(
        "--against",
        metavar=translate("cli", "HASH"),
        help=translate(
            "cli", "un hash impreso antes (o ENTRADA:HASH) que debe seguir en la cadena"
        ),
    )
    verify.set_defaults(handler=run_verify)

    purge = actions.add_parser(
        "purge", help=translate("cli", "borrar las líneas de ventas cerradas antiguas")
    )
    purge.add_argument("--db", metavar=url, help=translate("cli", "diario (URL de SQLAlchemy)"))
    purge.add_argument(
        "--days",
        type=int,
        metavar="N",
        help=translate("cli", "conservar las líneas de los últimos N días"),
    )
    purge.set_defaults(handler=run_purge)

    settle = actions.add_parser(
        "settle",
        help=translate("cli", "registrar cómo se resolvió una venta pagada y no entregada"),
    )
    settle.add_argument("reference", metavar=translate("cli", "REFERENCIA"))
    settle.add_argument(
        "--how",
        required=True,
        metavar=translate("cli", "TEXTO"),
        help=translate("cli", "cómo se le respondió al cliente"),
    )
    settle.add_argument("--db", metavar=url, help=translate("cli", "diario (URL de SQLAlchemy)"))
    settle.set_defaults(handler=run_settle)


def _config(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "config", None))


def _db_option(url: str) -> str:
    """``--db`` as given, once it parses; a malformed one is named as ``--db``, not the config."""
    from kiosk.journal.engine import parse_url

    try:
        parse_url(url)
    except JournalError as error:
        if error.code == "journal.bad_url":
            raise JournalError("journal.bad_db_option") from None
        raise
    return url


def _open(args: argparse.Namespace, *, verifying: bool = False) -> Journal:
    from kiosk.journal.journal import open_journal  # SQLAlchemy: only when a command runs

    if args.db:
        # Any journal, maybe another kiosk's copy: no owner check; lines only with a secret.
        secret = os.environ.get("KIOSK_LINE_SECRET", "") if verifying else ""
        return open_journal(
            _db_option(args.db),
            line_secret=secret.encode("utf-8"),
            create=False,
            migrate=False,
            read_only=verifying,
        )
    config = _config(args)
    return open_journal(
        config.journal_url,
        store_id=config.store.id,
        kiosk_id=config.kiosk_id,
        line_secret=config.line_secret if verifying else b"",
        create=False,
        read_only=verifying,
    )


def _verified(args: argparse.Namespace) -> VerifyReport:
    """The report on ``--json``'s export or on the journal, with a progress bar."""
    from kiosk.cli.progress import Progress

    label = translate("cli", "Verificando el diario")
    if args.json is not None:
        from kiosk.services.exports import read_journal_json, verify_export

        meta, entries = read_journal_json(args.json)
        with Progress(len(entries), label) as progress:
            return verify_export(meta, entries, against=args.against, progress=progress.update)
    journal = _open(args, verifying=True)
    try:
        with Progress(journal.entry_count(), label) as progress:
            return journal.verify(against=args.against, progress=progress.update)
    finally:
        journal.close()


def run_verify(args: argparse.Namespace) -> int:
    report = _verified(args)
    if not report.ok:
        problem = report.first_problem
        assert problem is not None
        found = words(problem.what, problem.params)
        print(text(words("journal.cli.tampered", {"problem": found})))
        return 1
    counted = {
        "entries": words("journal.cli.entries", {"count": report.entries}),
        "sales": words("journal.cli.sales", {"count": report.sales}),
    }
    print(text(words("journal.cli.intact", {**counted, "last_hash": report.last_hash})))
    if args.json is not None:
        print(text(words("exports.cli.json_no_lines", {})))
    elif report.lines_checked is None:
        print(text(words("journal.cli.lines_unchecked", {})))
    if args.against:
        found_at = {"hash": args.against.strip(), "seq": report.against_seq}
        print(text(words("journal.cli.against_ok", found_at)))
    return 0


def run_purge(args: argparse.Namespace) -> int:
    days = args.days
    if days is None:
        days = _config(args).journal.retention_days
    if days < 0:
        raise JournalError("journal.bad_days")
    journal = _open(args)
    try:
        cutoff = datetime.now(UTC) - timedelta(days=days)
        count = journal.purge_lines(cutoff, actor=CLI_ACTOR)
    finally:
        journal.close()
    print(text(words("journal.cli.purged", {"count": count, "cutoff": cutoff})))
    return 0


def run_settle(args: argparse.Namespace) -> int:
    from kiosk.services.reports import settle_sale  # the one way to settle (the back office's)

    journal = _open(args)
    try:
        entry = settle_sale(journal, args.reference, args.how, actor=CLI_ACTOR)
    finally:
        journal.close()
    print(text(words("journal.cli.settled", {"reference": args.reference, "hash": entry.hash})))
    return 0
