"""HTML pages from ``resources/sandbox``: string templates, every inserted value escaped."""

from __future__ import annotations

import functools
import html
import importlib.resources
from string import Template


@functools.cache
def _template(name: str) -> Template:
    # Read lazily: nothing is loaded unless a page is actually served.
    source = importlib.resources.files("resources") / "sandbox" / name
    return Template(source.read_text(encoding="utf-8"))


class Markup(str):
    """HTML that is already safe (built by this module); inserted as is."""


def escape(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def fragment(name: str, **values: object) -> Markup:
    """Fill ``name`` with ``values``; plain strings are escaped, Markup is inserted as is."""
    return Markup(_template(name).substitute({k: escape(v) for k, v in values.items()}))


def page(title: str, content: Markup) -> str:
    """A whole page in the sandbox layout (viewport meta, large touch targets)."""
    return fragment("layout.html", title=title, content=content)


def join(parts: list[Markup]) -> Markup:
    return Markup("".join(parts))
