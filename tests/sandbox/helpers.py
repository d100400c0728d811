"""Raw HTTP helpers for the sandbox tests: requests by hand, never the kiosk.gateways clients."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urljoin

import requests

from kiosk.sandbox import SandboxServer

TIMEOUT = 5.0
PUBLIC = "pub_test_kiosk"
PRIVATE = "prv_test_kiosk"
INTEGRITY = "test_integrity_kiosk"


def digest(*parts: object) -> str:
    """Wompi's integrity signature, written out here from the documented formula."""
    return hashlib.sha256("".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def bearer(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


def acceptance_tokens(sandbox: SandboxServer) -> tuple[str, str]:
    answer = requests.get(f"{sandbox.pse_base_url}/merchants/{PUBLIC}", timeout=TIMEOUT)
    assert answer.status_code == 200
    data = answer.json()["data"]
    return (
        data["presigned_acceptance"]["acceptance_token"],
        data["presigned_personal_data_auth"]["acceptance_token"],
    )


def pse_body(
    sandbox: SandboxServer,
    reference: str = "REF-1",
    amount_in_cents: int = 2_500_000,
    bank: str = "1",
    **payment_method: Any,
) -> dict[str, Any]:
    """A create body that the sandbox accepts; tests then break one thing at a time."""
    acceptance, personal = acceptance_tokens(sandbox)
    method = {
        "type": "PSE",
        "user_type": 0,
        "user_legal_id_type": "CC",
        "user_legal_id": "1023456789",
        "financial_institution_code": bank,
        "payment_description": "Recarga Claro",
    }
    method.update(payment_method)
    return {
        "acceptance_token": acceptance,
        "accept_personal_auth": personal,
        "amount_in_cents": amount_in_cents,
        "currency": "COP",
        "customer_email": "pagador@example.com",
        "reference": reference,
        "signature": digest(reference, amount_in_cents, "COP", INTEGRITY),
        "customer_data": {"full_name": "Ana Pérez", "phone_number": "3001234567"},
        "payment_method": method,
    }


def create(
    sandbox: SandboxServer, body: Any, key: str | None = PUBLIC, timeout: Any = TIMEOUT
) -> requests.Response:
    return requests.post(
        f"{sandbox.pse_base_url}/transactions", json=body, headers=bearer(key), timeout=timeout
    )


def get_tx(sandbox: SandboxServer, tx_id: str, key: str | None = PUBLIC) -> requests.Response:
    return requests.get(
        f"{sandbox.pse_base_url}/transactions/{tx_id}", headers=bearer(key), timeout=TIMEOUT
    )


def find(sandbox: SandboxServer, reference: str, key: str | None = PRIVATE) -> requests.Response:
    return requests.get(
        f"{sandbox.pse_base_url}/transactions",
        params={"reference": reference},
        headers=bearer(key),
        timeout=TIMEOUT,
    )


def checkout_url(
    sandbox: SandboxServer,
    reference: str,
    amount_in_cents: int = 2_500_000,
    expiration: str | None = None,
    signature: str | None = None,
    **extra: str,
) -> str:
    params = {
        "public-key": PUBLIC,
        "currency": "COP",
        "amount-in-cents": str(amount_in_cents),
        "reference": reference,
        "signature:integrity": signature
        or digest(reference, amount_in_cents, "COP", expiration or "", INTEGRITY),
    }
    if expiration:
        params["expiration-time"] = expiration
    params.update(extra)
    return f"{sandbox.checkout_base_url}/p/?{urlencode(params)}"


class Form:
    def __init__(self, action: str, method: str) -> None:
        self.action = action
        self.method = method
        self.fields: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self.checkboxes: dict[str, str] = {}


class FormParser(HTMLParser):
    """Reads forms the way a browser would submit them (defaults, selected options, hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
        if not self.forms:
            return
        form = self.forms[-1]
        if tag == "input" and "name" in a:
            if a.get("type") == "checkbox":
                form.checkboxes[a["name"]] = a.get("value", "on")
                if "checked" in a:
                    form.fields[a["name"]] = a.get("value", "on")
            else:
                form.fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a["name"]
            form.options[a["name"]] = []
        elif tag == "option" and self._select:
            form.options[self._select].append(a.get("value", ""))
            if "selected" in a or self._select not in form.fields:
                form.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def submit(
    page: requests.Response,
    form: Form,
    values: dict[str, str] | None = None,
    tick: tuple[str, ...] = (),
    allow_redirects: bool = False,
) -> requests.Response:
    """POST ``form`` as a browser would, after the payer typed ``values`` and ticked ``tick``."""
    fields = dict(form.fields)
    fields.update(values or {})
    for name in tick:
        fields[name] = form.checkboxes[name]
    return requests.post(
        urljoin(page.url, form.action),
        data=fields,
        allow_redirects=allow_redirects,
        timeout=TIMEOUT,
    )


def topup_token(sandbox: SandboxServer) -> str:
    answer = requests.post(
        sandbox.topups_auth_url,
        json={
            "client_id": "kiosk-sandbox",
            "client_secret": "kiosk-sandbox-secret",
            "grant_type": "client_credentials",
            "audience": sandbox.topups_audience,
        },
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def sms_to(sandbox: SandboxServer, number: str) -> list[dict[str, str]]:
    answer = requests.get(f"{sandbox.root_url}/sandbox/sms", params={"to": number}, timeout=TIMEOUT)
    assert answer.status_code == 200
    return list(answer.json()["data"])


LINES_KEY = "lines_test_kiosk"
CODE = re.compile(r"\b(\d{6})\b")


def send_code(sandbox: SandboxServer, number: str, key: str = LINES_KEY) -> requests.Response:
    return requests.post(
        f"{sandbox.lines_base_url}/lines/{number}/otp", headers=bearer(key), timeout=TIMEOUT
    )


def last_code(sandbox: SandboxServer, number: str) -> str:
    """The newest one-time code in the line's SMS outbox."""
    found = (CODE.search(sms["text"]) for sms in sms_to(sandbox, number))
    codes = [match[1] for match in found if match]
    assert codes, "no code was sent"
    return codes[-1]


def read_balance(
    sandbox: SandboxServer, number: str, code: str, key: str = LINES_KEY
) -> requests.Response:
    return requests.get(
        f"{sandbox.lines_base_url}/lines/{number}/balance",
        headers={**bearer(key), "X-OTP": code},
        timeout=TIMEOUT,
    )


def line_state(sandbox: SandboxServer, number: str) -> dict[str, Any]:
    """The line's balance and packs, through the code-protected API as a kiosk reads them."""
    assert send_code(sandbox, number).status_code == 200
    answer = read_balance(sandbox, number, last_code(sandbox, number))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())
