"""A printable document, already in the reader's language: a receipt or a shift report.

One layout feeds every renderer (the ESC/POS printer, the PDF, the screen): the edge
(``kiosk.controllers``) fills a :class:`Document` with translated words and formatted
values; the renderers only place them. Money on paper uses plain spaces (the renderers
replace non-breaking ones: thermal code pages have none).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    """A centred, emphasised line (the business name, a section's title)."""

    text: str


@dataclass(frozen=True)
class Row:
    """A label and its value (``Referencia``, ``VTA-…``); ``key`` names it for tests."""

    label: str
    value: str
    key: str = ""


@dataclass(frozen=True)
class Paragraph:
    """Free text, wrapped by the renderer (the claims contact, "not an invoice")."""

    text: str


@dataclass(frozen=True)
class Rule:
    """A separating line."""


Line = Heading | Row | Paragraph | Rule


@dataclass(frozen=True)
class Document:
    """What a renderer prints: a title, the lines in order, and a QR at the end if any."""

    title: str
    lines: tuple[Line, ...]
    #: The QR's data (a receipt: its reference and chain hash); "" prints none.
    qr: str = ""
    #: A copy (a reprint) says so at the top, in the renderer's largest type.
    copy_mark: str = ""
