"""Command line: the one place that wires the app together.

``kiosk`` with no subcommand starts the app (counter mode unless configured
otherwise, and ``--help`` says so); subcommands
are registered by the modules that own them (``kiosk journal …`` in
:mod:`kiosk.cli.journal`, ``kiosk sandbox``). A subcommand, ``--help`` or a
mistyped command line runs inside a ``QCoreApplication`` (QtCore only, no
display), so that every word printed comes from the translation files, in
``[ui] language`` or ``--language``. Starting the app leaves the Qt application
to ``ui.app``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from PySide6.QtCore import QCoreApplication

from kiosk.config import UiConfig, default_config_dir, load_config
from kiosk.controllers.language import describe, set_language, translate
from kiosk.domain.errors import KioskError
from kiosk.domain.text import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP

MODES = ("counter", "kiosk")

#: argparse's own words (it asks gettext for them) and our Spanish sources for them.
_ARGPARSE_WORDS = {
    "usage: ": QT_TRANSLATE_NOOP("cli", "uso: "),
    "positional arguments": QT_TRANSLATE_NOOP("cli", "argumentos"),
    "options": QT_TRANSLATE_NOOP("cli", "opciones"),
    "show this help message and exit": QT_TRANSLATE_NOOP("cli", "mostrar esta ayuda y salir"),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP(
        "cli", "argumento %(argument_name)s: %(message)s"
    ),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("cli", "argumentos desconocidos: %s"),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP(
        "cli", "faltan estos argumentos: %s"
    ),
    "expected one argument": QT_TRANSLATE_NOOP("cli", "falta su valor"),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "cli", "%(value)r no es una opción (elija entre %(choices)s)"
    ),
    # The type's name (int, Path) is Python's, not a person's: it is left out.
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP(
        "cli", "%(value)r no es un valor válido"
    ),
    "expected at most one argument": QT_TRANSLATE_NOOP("cli", "admite a lo sumo un valor"),
    "expected at least one argument": QT_TRANSLATE_NOOP("cli", "necesita al menos un valor"),
    "not allowed with argument %s": QT_TRANSLATE_NOOP("cli", "no se puede usar junto con %s"),
    "ignored explicit argument %r": QT_TRANSLATE_NOOP("cli", "no admite el valor %r"),
    "one of the arguments %s is required": QT_TRANSLATE_NOOP(
        "cli", "hace falta uno de estos argumentos: %s"
    ),
    "ambiguous option: %(option)s could match %(matches)s": QT_TRANSLATE_NOOP(
        "cli", "opción ambigua: %(option)s puede ser %(matches)s"
    ),
}

#: The QCoreApplication made for a subcommand; kept so that Python does not collect it.
_application: QCoreApplication | None = None


def _argparse_gettext(message: str) -> str:
    source = _ARGPARSE_WORDS.get(message)
    return translate("cli", source) if source else message


@contextmanager
def _argparse_speaks_ours() -> Iterator[None]:
    """argparse's words through our translations, for as long as the parser is at work.

    argparse looks its words up through a module-level ``_`` (gettext); it is swapped
    only meanwhile, so other parsers in the same process keep theirs.
    """
    before = vars(argparse)["_"]
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose words, argparse's own included, are translated."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _argparse_speaks_ours():
            super().__init__(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_speaks_ours():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_speaks_ours():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _argparse_speaks_ours():
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_speaks_ours():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        line = translate("cli", "{prog}: error: {message}").format(prog=self.prog, message=message)
        self.exit(2, line + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, in the current language (Spanish without translators)."""
    parser = Parser(
        prog="kiosk",
        description=translate(
            "cli", "Recargas, paquetes de regalo y consulta de saldo, pagados por PSE con QR."
        ),
        epilog=translate(
            "cli",
            "Sin COMANDO, «kiosk» abre la aplicación, en el modo de --mode o de la "
            "configuración (counter si no se indica).",
        ),
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar=translate("cli", "ARCHIVO"),
        help=translate("cli", "archivo de configuración TOML"),
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        help=translate(
            "cli",
            "modo de la aplicación: counter (mostrador, atiende un cajero) o kiosk "
            "(autoservicio, pantalla completa)",
        ),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=translate("cli", "idioma de la aplicación y de sus mensajes (el de [ui] language)"),
    )
    subcommands = parser.add_subparsers(
        dest="command",
        metavar=translate("cli", "COMANDO"),
        title=translate("cli", "comandos"),
        description=translate("cli", "opcionales; sin ninguno se abre la aplicación"),
    )

    from kiosk.cli.export import register as register_export
    from kiosk.cli.journal import register as register_journal
    from kiosk.cli.report import register as register_report
    from kiosk.sandbox.cli import register as register_sandbox

    register_journal(subcommands)
    register_report(subcommands)
    register_export(subcommands)
    register_sandbox(subcommands, say=lambda source: translate("sandbox", source))
    return parser


def _early_options(arguments: Sequence[str]) -> tuple[argparse.Namespace, bool]:
    """``--config``, ``--language`` and ``--mode``, read before the parser is built (its
    words depend on the language), and whether they are all that was asked: the app."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--config", type=Path)
    early.add_argument("--language")
    early.add_argument("--mode")
    try:
        found, rest = early.parse_known_args(arguments)
    except argparse.ArgumentError:
        return argparse.Namespace(config=None, language=None, mode=None), False
    just_the_app = (
        not rest and found.mode in (None, *MODES) and found.language in (None, *LANGUAGES)
    )
    return found, just_the_app


def _language(early: argparse.Namespace) -> str:
    if early.language in LANGUAGES:
        return str(early.language)
    if not (early.config or default_config_dir() / "config.toml").exists():
        return DEFAULT_LANGUAGE  # and no machine identity written just for --help
    try:
        return load_config(early.config).ui.language
    except KioskError:
        # The command itself reports a configuration it needs and cannot read.
        return DEFAULT_LANGUAGE


def _speak(early: argparse.Namespace) -> None:
    """A QCoreApplication (unless one exists) speaking the chosen language."""
    global _application
    if QCoreApplication.instance() is None:
        _application = QCoreApplication(["kiosk"])
    set_language(_language(early))


def _run_app(early: argparse.Namespace) -> int:
    from ui.app import run_app

    config = load_config(early.config)
    if early.language:
        config = dataclasses.replace(config, ui=UiConfig(language=early.language))
    return run_app(config, mode=early.mode, config_path=early.config)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    early, just_the_app = _early_options(arguments)
    try:
        if just_the_app:
            return _run_app(early)
        from kiosk.cli.report import prepare_application

        prepare_application(arguments)  # a PDF needs a QGuiApplication, made before _speak's
        _speak(early)
        parser = build_parser()
        args = parser.parse_args(arguments)
        if args.command is None:
            # Options only, yet not plain enough to start the app with (a QCoreApplication
            # now exists, and the app needs its own): show how the command line goes.
            parser.print_usage(sys.stderr)
            return 2
        return int(args.handler(args) or 0)
    except KioskError as error:
        _speak(early)
        print(f"kiosk: {describe(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
