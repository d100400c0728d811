"""Just enough of a browser for the contract tests: read HTML forms, post them as a browser does."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests


@dataclass
class Form:
    action: str
    method: str
    #: What the browser sends untouched: hidden and text inputs, each select's chosen option.
    values: dict[str, str] = field(default_factory=dict)
    #: Checkbox name -> the value sent when ticked (none is ticked by default here).
    checkboxes: dict[str, str] = field(default_factory=dict)
    #: Select name -> the option values offered.
    options: dict[str, list[str]] = field(default_factory=dict)
    #: Text of the submit buttons.
    buttons: list[str] = field(default_factory=list)

    def filled(self, values: dict[str, str], tick: tuple[str, ...] = ()) -> dict[str, str]:
        """The body a browser posts after the user typed ``values`` and ticked ``tick``."""
        unknown = set(values) - set(self.values)
        if unknown:
            raise KeyError(f"the form has no field(s) {sorted(unknown)}")
        for name, value in values.items():
            if name in self.options and value not in self.options[name]:
                raise ValueError(f"{name}: {value!r} is not one of the offered options")
        body = {**self.values, **values}
        body.update({name: self.checkboxes[name] for name in tick})
        return body


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._button: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = Form(attributes.get("action", ""), attributes.get("method", "get").lower())
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attributes.get("name"):
            kind = attributes.get("type", "text").lower()
            if kind == "checkbox":
                self._form.checkboxes[attributes["name"]] = attributes.get("value", "on")
            elif kind not in ("submit", "button", "reset"):
                self._form.values[attributes["name"]] = attributes.get("value", "")
        elif tag == "select":
            self._select = attributes.get("name", "")
            self._first_option = None
            self._form.options[self._select] = []
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            self._form.options[self._select].append(value)
            if self._first_option is None:
                self._first_option = value
                self._form.values.setdefault(self._select, value)
            if "selected" in attributes:
                self._form.values[self._select] = value
        elif tag == "button":
            self._button = []

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._button.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "button" and self._button is not None:
            if self._form is not None:
                self._form.buttons.append(" ".join("".join(self._button).split()))
            self._button = None


def forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


class Browser:
    """A cookie-keeping session that follows redirects, as a phone's browser would."""

    def __init__(self) -> None:
        self.session = requests.Session()
        self.page: requests.Response | None = None

    def open(self, url: str) -> requests.Response:
        self.page = self.session.get(url, timeout=5)
        return self.page

    def forms(self) -> list[Form]:
        assert self.page is not None
        return forms(self.page.text)

    def form_with_button(self, words: str) -> Form:
        for form in self.forms():
            if any(words.lower() in button.lower() for button in form.buttons):
                return form
        raise LookupError(
            f"no form with a {words!r} button on {self.page.url if self.page else ''}"
        )

    def submit(self, form: Form, body: dict[str, str] | None = None) -> requests.Response:
        assert self.page is not None
        target = urljoin(self.page.url, form.action or self.page.url)
        self.page = self.session.request(
            form.method.upper(), target, data=body if body is not None else form.values, timeout=5
        )
        return self.page

    def close(self) -> None:
        self.session.close()
