"""Words to show, marked in the core and translated at the edge (no Qt here).

The core never holds text in a language of its own choosing: it marks Spanish
source texts with :func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` finds
them (``tools/i18n.py``), and hands them up as :class:`Text` values. The edge
(``kiosk.controllers.language``) translates them through Qt's translation files
and fills in the parameters with the formats of the current language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: The languages the app speaks, by their ``[ui] language`` code; Spanish (Colombia) first.
LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for extraction under ``context``; returns it untranslated."""
    return source


@dataclass(frozen=True)
class Text:
    """A source text (Spanish, as extracted), its translation context and parameters.

    ``params`` fill ``{name}`` fields after translation; a :class:`~kiosk.domain.money.Pesos`
    or a ``datetime`` among them is written in the current language's format. ``count``
    picks the plural form of a source holding ``%n``.
    """

    context: str
    source: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    count: int | None = None
