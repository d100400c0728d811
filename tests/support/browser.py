"""Just enough of a browser for the tests: read HTML forms, post them as a phone's browser does."""

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


#: What the payer types on the hosted checkout (never to be found in the journal).
CHECKOUT_PAYER = {"user_legal_id": "1020304050", "customer_email": "ana@example.com"}


def pay_through_checkout(url: str, bank: str, button: str) -> Browser:
    """Open the checkout link, fill the form as a payer would, answer the bank page.

    ``button`` is the bank page's button to press ("Aprobar" or "Rechazar"), or ""
    to leave the payment pending on the bank page.
    """
    browser = Browser()
    page = browser.open(url)
    assert page.status_code == 200, page.text[:300]
    (form,) = [form for form in browser.forms() if "financial_institution_code" in form.options]
    body = form.filled(
        {
            "financial_institution_code": bank,
            "user_type": "0",
            "user_legal_id_type": "CC",
            "user_legal_id": CHECKOUT_PAYER["user_legal_id"],
            "full_name": "Ana Pérez",
            "customer_email": CHECKOUT_PAYER["customer_email"],
            "phone_number": "3001234567",
        },
        tick=tuple(form.checkboxes),  # the terms and the personal-data authorisation
    )
    bank_page = browser.submit(form, body)
    assert bank_page.status_code == 200 and "/sim/bank/" in bank_page.url, bank_page.text[:300]
    if button:
        browser.submit(browser.form_with_button(button))
    return browser


def answer_bank_page(bank_url: str, button: str) -> None:
    """Open a payment's bank page (the assisted QR) and press ``button``, as the payer."""
    browser = Browser()
    try:
        browser.open(bank_url)
        browser.submit(browser.form_with_button(button))
        assert browser.page is not None and browser.page.ok, browser.page
    finally:
        browser.close()
