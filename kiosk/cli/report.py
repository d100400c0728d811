"""`kiosk report`: the shift's X report (or one store day's) as text, and as a PDF with its chart.

    kiosk report [--date AAAA-MM-DD] [--pdf ARCHIVO] [--db URL]

Without ``--date`` the report is of the open shift (the sales since the last Z close,
or since the journal began), as a Z would close it now; with ``--date``, of that whole
store day (America/Bogota). It only reads: the journal is opened read-only (the
configured one, or ``--db``'s, like ``kiosk journal verify``) and nothing is closed
(the Z close is the back office's). An empty journal gives an empty report and exit 0.
The words are the current language's (``kiosk --language en report``). A report of a
large journal draws a progress bar with a rate on stderr (:mod:`kiosk.cli.progress`).

``--pdf`` paints with Qt, which needs a ``QGuiApplication``: :func:`prepare_application`
makes one before :func:`kiosk.cli.main` makes its ``QCoreApplication`` (with the
``offscreen`` platform when there is no display).
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.controllers.language import text, translate
from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.errors import KioskError
from kiosk.domain.report import ReportHeader
from kiosk.messages import words

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.journal.journal import Journal

#: Columns of the printed text report.
WIDTH = 64
#: A report adding up at least this many sales shows its progress.
PROGRESS_FROM = 20_000
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})
#: The QGuiApplication made for ``--pdf``; kept so that Python does not collect it.
_gui_application: Any = None


def register(subparsers: Any) -> None:
    about = translate("cli", "informe X del turno abierto o de un día, en texto y en PDF")
    report = subparsers.add_parser(
        "report",
        help=about,
        description=about,
        epilog=translate(
            "cli",
            "Sin --date: las ventas desde el último cierre Z (o desde el inicio del diario). "
            "Con --date: ese día completo en hora de Bogotá. Solo lee el diario: "
            "el cierre Z se hace en la aplicación.",
        ),
    )
    report.add_argument(
        "--date",
        dest="day",
        metavar=translate("cli", "AAAA-MM-DD"),
        help=translate("cli", "un día de la tienda (hora de Bogotá)"),
    )
    report.add_argument(
        "--pdf",
        type=Path,
        metavar=translate("cli", "ARCHIVO"),
        help=translate("cli", "guardar además el informe en PDF, con su gráfico"),
    )
    report.add_argument(
        "--db", metavar=translate("cli", "URL"), help=translate("cli", "diario (URL de SQLAlchemy)")
    )
    report.set_defaults(handler=run_report)


def wants_pdf(arguments: Sequence[str]) -> bool:
    """Whether the command line asks ``kiosk report`` for a PDF."""
    return "report" in arguments and any(
        argument == "--pdf" or argument.startswith("--pdf=") for argument in arguments
    )


def prepare_application(arguments: Sequence[str]) -> None:
    """Make the ``QGuiApplication`` a PDF needs, when ``arguments`` ask for one and no Qt
    application exists yet (without a display, on the ``offscreen`` platform)."""
    global _gui_application
    if not wants_pdf(arguments):
        return
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    _gui_application = QGuiApplication(["kiosk"])


def _config(args: argparse.Namespace) -> Config:
    from kiosk.config import load_config

    return load_config(getattr(args, "config", None))


def _header(config: Config | None) -> ReportHeader:
    from kiosk.services.reports import report_header

    return report_header(config) if config is not None else ReportHeader()


def _open(args: argparse.Namespace) -> tuple[Journal, ReportHeader]:
    from kiosk.cli.journal import _db_option
    from kiosk.config import default_config_dir
    from kiosk.journal.journal import open_journal

    if args.db:
        journal = open_journal(_db_option(args.db), create=False, migrate=False, read_only=True)
        # Another kiosk's copy, maybe: the configuration names the business only if it is ours.
        config_file = getattr(args, "config", None) or default_config_dir() / "config.toml"
        config = _config(args) if Path(config_file).exists() else None
        if config is not None and config.store.id != journal.meta["store_id"]:
            config = None
        return journal, _header(config)
    config = _config(args)
    journal = open_journal(
        config.journal_url,
        store_id=config.store.id,
        kiosk_id=config.kiosk_id,
        create=False,
        read_only=True,
    )
    return journal, _header(config)


def paper(words_: str) -> str:
    """Plain spaces where the screen keeps money together."""
    return words_.translate(_NO_BREAK)


def document_text(document: Document, width: int = WIDTH) -> str:
    """A document as plain text ``width`` columns wide (labels left, values right)."""
    out: list[str] = []
    for line in document.lines:
        if isinstance(line, Heading):
            heading = paper(line.text)
            out += ["", heading.center(width).rstrip()]
        elif isinstance(line, Row):
            label, value = paper(line.label), paper(line.value)
            room = width - len(label) - len(value)
            if room >= 2:
                out.append(f"{label}{' ' * room}{value}")
            else:
                out.append(label)
                out += textwrap.wrap(value, width, initial_indent="  ", subsequent_indent="  ")
        elif isinstance(line, Paragraph):
            out += textwrap.wrap(paper(line.text), width) or [""]
        elif isinstance(line, Rule):
            out.append("-" * width)
    return "\n".join(out).strip("\n") + "\n"


def run_report(args: argparse.Namespace) -> int:
    from kiosk.cli.export import parse_day
    from kiosk.cli.progress import Progress
    from kiosk.controllers.reports import report_document
    from kiosk.services.reports import build_report

    day = parse_day("--date", args.day) if args.day is not None else None
    if args.pdf is not None:
        _check_pdf_target(args.pdf)
    journal, header = _open(args)
    with ExitStack() as stack:
        stack.callback(journal.close)

        def progress_for(total: int) -> Callable[[int], None] | None:
            if total < PROGRESS_FROM:
                return None
            bar = stack.enter_context(Progress(total, translate("cli", "Sumando ventas")))
            return bar.update

        report = build_report(
            journal,
            now=datetime.now(UTC),
            day=day,
            header=header,
            actor="cli",
            progress_for=progress_for,
        )
    document = report_document(report)
    sys.stdout.write(document_text(document))
    if args.pdf is not None:
        _write_pdf(document, report, args.pdf)
        print(text(words("report.cli.pdf_written", {"path": str(args.pdf)})))
    return 0


def _check_pdf_target(path: Path) -> None:
    """Refuse before any work a PDF that cannot be written where asked (no such folder)."""
    folder = Path(path).expanduser().resolve().parent
    if not folder.is_dir():
        raise KioskError("report.pdf_failed", path=str(path), detail=folder.name or str(folder))


def _write_pdf(document: Document, report: Any, path: Path) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from kiosk.controllers.reports import chart_data

    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        # Only :func:`prepare_application` can make one (before main's QCoreApplication).
        raise KioskError("report.pdf_failed", path=str(path), detail="Qt")
    from ui.printing.pdf import write_pdf

    try:
        write_pdf(document, path, chart=chart_data(report))
    except OSError as error:
        raise KioskError(
            "report.pdf_failed", path=str(path), detail=error.strerror or str(error)
        ) from None
