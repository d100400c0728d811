"""The message catalogue: error codes and their parameters turned into words.

The core raises :class:`kiosk.domain.errors.KioskError` with a code and parameters;
this package is the one place that gives them text, for the screens and the
CLI alike. Each family keeps its messages in its own module (``domain``,
``journal``, ``gateways``, ``config``, ``sale``) as ``MESSAGES = {code: {"es": …, "en": …}}``;
templates use ``str.format`` with the error's parameters.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib import import_module
from typing import Any

from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)
DEFAULT_LANGUAGE = "es"
_FAMILIES = ("config", "domain", "gateways", "journal", "qr", "sale")


def _load_catalogue() -> dict[str, Mapping[str, str]]:
    catalogue: dict[str, Mapping[str, str]] = {}
    for family in _FAMILIES:
        try:
            module = import_module(f"{__name__}.{family}")
        except ModuleNotFoundError as missing:
            if missing.name != f"{__name__}.{family}":
                raise
            continue
        overlap = catalogue.keys() & module.MESSAGES.keys()
        if overlap:
            raise RuntimeError(f"message codes defined twice: {sorted(overlap)}")
        catalogue.update(module.MESSAGES)
    return catalogue


CATALOGUE: dict[str, Mapping[str, str]] = _load_catalogue()


def has_message(code: str) -> bool:
    return code in CATALOGUE


def render(code: str, params: Mapping[str, Any] | None = None, language: str = "") -> str:
    """Text for ``code`` in ``language`` (Spanish by default); never raises."""
    texts = CATALOGUE.get(code)
    if texts is None:
        fallback = {"es": "Error inesperado ({code}).", "en": "Unexpected error ({code})."}
        return fallback.get(language or DEFAULT_LANGUAGE, fallback["es"]).format(code=code)
    template = texts.get(language or DEFAULT_LANGUAGE) or texts[DEFAULT_LANGUAGE]
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template


def render_error(error: KioskError, language: str = "") -> str:
    return render(error.code, error.params, language)


def describe(error: BaseException, language: str = "") -> str:
    """Words for any error that reaches a user: a core error's own message, else a
    generic "something unexpected" (and the unexpected error goes to the log)."""
    if isinstance(error, KioskError):
        return render_error(error, language)
    log.error("unexpected %s", type(error).__name__, exc_info=error)
    return render("sale.unexpected", language=language)
