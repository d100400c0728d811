"""The core's message catalogue: error codes and their parameters turned into words.

The core raises :class:`kiosk.domain.errors.KioskError` with a code and parameters;
this package is the one place that gives a code its words, for the screens and the
CLI alike. Each family keeps its messages in its own module (``config``, ``domain``,
``gateways``, ``journal``, ``qr``, ``sale``) as
``MESSAGES = {code: QT_TRANSLATE_NOOP("messages", "<Spanish source>")}``: the Spanish
(Colombia) wording is the source text, which ``tools/i18n.py`` extracts into
``resources/i18n/*.ts`` (English in ``kiosk_en.ts``, Spanish plural forms in
``kiosk_es_CO.ts``).

:func:`words` and :func:`words_for` hand up a :class:`~kiosk.domain.text.Text`, never
a string: the edge (:mod:`kiosk.controllers.language`) translates it and fills in its
parameters in the current language. Templates use ``str.format`` fields named after
the error's parameters; a source holding ``%n`` takes its plural form from the
``count`` parameter.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib import import_module
from types import MappingProxyType
from typing import Any

from kiosk.domain.errors import KioskError
from kiosk.domain.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

#: The translation context of every message of the catalogue.
CONTEXT = "messages"
#: A source holding this is counted: Qt picks its plural form from the ``count`` parameter.
PLURAL = "%n"
COUNT = "count"
#: The words of an error that is not one of the core's own.
UNEXPECTED = "sale.unexpected"
_FAMILIES = (
    "config",
    "domain",
    "exports",
    "gateways",
    "history",
    "journal",
    "printing",
    "qr",
    "reports",
    "sale",
    "settings",
    "staff",
)
_UNKNOWN_CODE = QT_TRANSLATE_NOOP("messages", "Error inesperado ({code}).")


def _load_sources() -> dict[str, str]:
    sources: dict[str, str] = {}
    for family in _FAMILIES:
        messages = import_module(f"{__name__}.{family}").MESSAGES
        overlap = sources.keys() & messages.keys()
        if overlap:
            raise RuntimeError(f"message codes defined twice: {sorted(overlap)}")
        sources.update(messages)
    return sources


#: Every code of the core and its Spanish source text.
SOURCES: Mapping[str, str] = MappingProxyType(_load_sources())


def words(code: str, params: Mapping[str, Any] | None = None) -> Text:
    """The words of ``code`` with ``params``, to be translated at the edge.

    An unknown code gets a generic "unexpected error (code)" and a warning in the log.
    """
    source = SOURCES.get(code)
    if source is None:
        log.warning("no message for code %s", code)
        return Text(CONTEXT, _UNKNOWN_CODE, MappingProxyType({"code": code}))
    fields = MappingProxyType(dict(params or {}))
    count = fields.get(COUNT) if PLURAL in source else None
    return Text(CONTEXT, source, fields, None if count is None else int(count))


def words_for(error: BaseException) -> Text:
    """Words for any error that reaches a person: a core error's own message, else a
    generic "something unexpected" (and the unexpected error goes to the log)."""
    if isinstance(error, KioskError):
        return words(error.code, error.params)
    log.error("unexpected %s", type(error).__name__, exc_info=error)
    return words(UNEXPECTED)
