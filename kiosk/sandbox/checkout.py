"""The hosted checkout (``/p/``) and the simulated bank page (``/sim/bank/{id}``): plain HTML forms.

The checkout form builds the very body an API client would send and goes through the same
create, so the payer meets the same rules (signature, unique reference, bank, NIT, minimum).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from kiosk.sandbox import pages
from kiosk.sandbox.pages import Markup
from kiosk.sandbox.pse import (
    APPROVED,
    BANKS,
    DECLINED,
    END_USER_POLICY,
    ERROR,
    LEGAL_ID_TYPES,
    MINIMUM_CENTS,
    PENDING,
    PERSONAL_DATA_AUTH,
    PseService,
    Transaction,
    integrity_signature,
    parse_instant,
)
from kiosk.sandbox.web import Request, Response, html_response, redirect
from kiosk.sandbox.world import World, pesos

# The link's parameters, named as Wompi's Web Checkout names them.
LINK_FIELDS = (
    "public-key",
    "currency",
    "amount-in-cents",
    "reference",
    "signature:integrity",
    "expiration-time",
    "redirect-url",
)

FIELD_LABELS = {
    "customer_email": "Correo electrónico",
    "customer_data.full_name": "Nombre completo",
    "customer_data.phone_number": "Celular",
    "payment_method.user_type": "Tipo de persona",
    "payment_method.user_legal_id_type": "Tipo de documento",
    "payment_method.user_legal_id": "Número de documento",
    "payment_method.financial_institution_code": "Banco",
    "reference": "Referencia",
    "amount_in_cents": "Monto",
    "expiration_time": "Vencimiento del enlace",
    "signature": "Firma del enlace",
}

ASK_NEW_QR = "Pida un nuevo código QR en la tienda."


@dataclass(frozen=True)
class CheckoutLink:
    amount_in_cents: int
    reference: str
    signature: str
    expiration_time: str | None
    redirect_url: str | None
    #: The link's own query string, for "try again" links.
    query: str


class LinkRefused(Exception):
    def __init__(self, status: int, heading: str, text: str) -> None:
        super().__init__(heading)
        self.status, self.heading, self.text = status, heading, text


def message_page(status: int, heading: str, text: str, extra: str = "") -> Response:
    """A short page; ``extra`` is Markup built by this module (links), or empty."""
    content = pages.fragment("message.html", heading=heading, text=text, extra=Markup(extra))
    return html_response(status, pages.page(heading, content))


def _link_button(href: str, label: str, css: str = "button") -> Markup:
    return Markup(f'<p><a class="{css}" href="{pages.escape(href)}">{pages.escape(label)}</a></p>')


class CheckoutPages:
    def __init__(self, world: World, pse: PseService) -> None:
        self._world = world
        self._pse = pse
        #: When each link without an expiration time was first opened.
        self._first_seen: dict[tuple[str, str], datetime] = {}

    # ----- the signed link --------------------------------------------------------------------

    def _verify(self, values: dict[str, str], now: datetime) -> CheckoutLink:
        keys = self._world.keys
        required = ("public-key", "currency", "amount-in-cents", "reference", "signature:integrity")
        if any(not values.get(name) for name in required):
            raise LinkRefused(400, "Enlace de pago incompleto", f"Faltan datos. {ASK_NEW_QR}")
        if not hmac.compare_digest(values["public-key"], keys.public_key):
            raise LinkRefused(
                400, "Comercio desconocido", f"Este enlace no es de este comercio. {ASK_NEW_QR}"
            )
        if values["currency"] != "COP":
            raise LinkRefused(400, "Moneda no aceptada", "Solo se aceptan pagos en pesos (COP).")
        amount_text = values["amount-in-cents"]
        if not amount_text.isdigit() or int(amount_text) < MINIMUM_CENTS:
            raise LinkRefused(400, "Monto no válido", f"El monto mínimo es $ 1.500. {ASK_NEW_QR}")
        expiration = values.get("expiration-time") or None
        expected = integrity_signature(
            values["reference"], amount_text, "COP", expiration, keys.integrity_secret
        )
        if not hmac.compare_digest(
            values["signature:integrity"].encode("utf-8"), expected.encode("ascii")
        ):
            raise LinkRefused(
                400,
                "Enlace de pago no válido",
                f"La firma de este enlace no es válida: pudo haber sido modificado. {ASK_NEW_QR}",
            )
        if expiration is not None:
            moment = parse_instant(expiration)
            if moment is None:
                raise LinkRefused(400, "Enlace de pago no válido", ASK_NEW_QR)
        else:
            # An unsigned lifetime: the link lives a default time from its first opening.
            key = (values["reference"], values["signature:integrity"])
            with self._world.lock:
                first_seen = self._first_seen.setdefault(key, now)
            moment = first_seen + timedelta(seconds=self._world.timing.checkout_ttl_default_seconds)
        if moment <= now:
            raise LinkRefused(
                410, "Este enlace de pago venció", f"Ya no se puede pagar con él. {ASK_NEW_QR}"
            )
        present = {name: values[name] for name in LINK_FIELDS if values.get(name)}
        redirect_url = values.get("redirect-url") or None
        return CheckoutLink(
            amount_in_cents=int(amount_text),
            reference=values["reference"],
            signature=values["signature:integrity"],
            expiration_time=expiration,
            redirect_url=redirect_url,
            query=urlencode(present),
        )

    # ----- pages ------------------------------------------------------------------------------

    def show(self, request: Request) -> Response:
        values = {name: request.arg(name) or "" for name in LINK_FIELDS}
        try:
            link = self._verify(values, self._world.now())
        except LinkRefused as refused:
            return message_page(refused.status, refused.heading, refused.text)
        busy = self._busy_transaction(link.reference)
        if busy is not None:
            return self._busy_page(busy)
        return self._form(link, values, {}, {}, status=200)

    def submit(self, request: Request) -> Response:
        form = request.form()
        values = {name: form.get(name, "") for name in LINK_FIELDS}
        try:
            link = self._verify(values, self._world.now())
        except LinkRefused as refused:
            return message_page(refused.status, refused.heading, refused.text)
        errors: dict[str, list[str]] = {}
        if form.get("accept_terms") != "1":
            errors["acceptance_token"] = ["Debe aceptar los términos y condiciones"]
        if form.get("accept_personal_auth") != "1":
            errors["accept_personal_auth"] = ["Debe autorizar el tratamiento de sus datos"]
        if errors:
            return self._form(link, values, form, errors, status=422)
        user_type = form.get("user_type", "")
        body = {
            # The payer ticked the boxes on this page: the checkout takes the tokens for them.
            "acceptance_token": self._pse.issue_token(END_USER_POLICY),
            "accept_personal_auth": self._pse.issue_token(PERSONAL_DATA_AUTH),
            "amount_in_cents": link.amount_in_cents,
            "currency": "COP",
            "customer_email": form.get("customer_email", "").strip(),
            "reference": link.reference,
            "signature": link.signature,
            "redirect_url": link.redirect_url,
            "customer_data": {
                "full_name": form.get("full_name", "").strip(),
                "phone_number": form.get("phone_number", "").replace(" ", ""),
            },
            "payment_method": {
                "type": "PSE",
                "user_type": int(user_type) if user_type in ("0", "1") else user_type,
                "user_legal_id_type": form.get("user_legal_id_type", ""),
                "user_legal_id": form.get("user_legal_id", "").strip(),
                "financial_institution_code": form.get("financial_institution_code", ""),
                "payment_description": _description(link.reference),
            },
        }
        if link.expiration_time is not None:
            body["expiration_time"] = link.expiration_time
        outcome = self._pse.create(body, checkout_query=link.query)
        if outcome.transaction is None:
            return self._form(link, values, form, outcome.messages, status=422)
        response = redirect(f"/sim/bank/{outcome.transaction.id}")
        response.delay_seconds = outcome.delay_seconds
        return response

    def _busy_transaction(self, reference: str) -> Transaction | None:
        for tx in self._pse.by_reference(reference):
            if tx.status in (PENDING, APPROVED):
                return tx
        return None

    def _busy_page(self, tx: Transaction) -> Response:
        bank_link = _link_button(f"/sim/bank/{tx.id}", "Ver el pago")
        if tx.status == APPROVED:
            return message_page(
                200, "Este pago ya fue aprobado", "No hace falta pagar de nuevo.", bank_link
            )
        return message_page(
            200,
            "Ya hay un pago en curso",
            "Termine el pago que ya empezó en la página de su banco.",
            bank_link,
        )

    def _form(
        self,
        link: CheckoutLink,
        values: dict[str, str],
        form: dict[str, str],
        errors: dict[str, list[str]],
        *,
        status: int,
    ) -> Response:
        hidden = pages.join(
            [
                Markup(
                    f'<input type="hidden" name="{pages.escape(name)}" '
                    f'value="{pages.escape(values[name])}">'
                )
                for name in LINK_FIELDS
                if values.get(name)
            ]
        )
        content = pages.fragment(
            "checkout.html",
            amount=pesos(link.amount_in_cents // 100),
            reference=link.reference,
            errors=_error_list(errors),
            hidden=hidden,
            bank_options=_options(
                [("", "Seleccione su banco")] + [(b.code, b.name) for b in BANKS.values()],
                form.get("financial_institution_code", ""),
            ),
            user_type_options=_options(
                [("0", "Persona natural"), ("1", "Persona jurídica")], form.get("user_type", "0")
            ),
            legal_id_type_options=_options(
                [(code, code) for code in LEGAL_ID_TYPES], form.get("user_legal_id_type", "CC")
            ),
            user_legal_id=form.get("user_legal_id", ""),
            full_name=form.get("full_name", ""),
            customer_email=form.get("customer_email", ""),
            phone_number=form.get("phone_number", ""),
        )
        return html_response(status, pages.page("Pagar con PSE", content))

    # ----- bank page --------------------------------------------------------------------------

    def bank_page(self, request: Request) -> Response:
        tx = self._pse.get(request.params["id"])
        if tx is None:
            return message_page(404, "Pago no encontrado", "Este pago no existe en el banco.")
        return self._bank_view(tx)

    def bank_answer(self, request: Request, approve: bool) -> Response:
        tx = self._pse.answer_bank_page(request.params["id"], approve)
        if tx is None:
            return message_page(404, "Pago no encontrado", "Este pago no existe en el banco.")
        return redirect(f"/sim/bank/{tx.id}")

    def _bank_view(self, tx: Transaction) -> Response:
        if tx.status == PENDING:
            actions = pages.fragment("bank_actions.html", id=tx.id)
        else:
            actions = self._result(tx)
        content = pages.fragment(
            "bank.html",
            bank_name=tx.bank.name,
            amount=pesos(tx.amount_in_cents // 100),
            reference=tx.reference,
            transaction_id=tx.id,
            status=_STATUS_WORDS.get(tx.status, tx.status),
            actions=actions,
        )
        return html_response(200, pages.page(tx.bank.name, content))

    def _result(self, tx: Transaction) -> Markup:
        parts = [
            Markup(
                f'<p class="result {tx.status.lower()}">'
                f"{pages.escape(_RESULT_SENTENCES.get(tx.status, tx.status))}</p>"
            )
        ]
        if tx.redirect_url:
            joiner = "&" if "?" in tx.redirect_url else "?"
            parts.append(_link_button(f"{tx.redirect_url}{joiner}id={tx.id}", "Volver al comercio"))
        if tx.status != APPROVED and tx.checkout_query and self._link_alive(tx):
            retry = f"/p/?{tx.checkout_query}"
            parts.append(_link_button(retry, "Intentar de nuevo", "button alt"))
        return pages.join(parts)

    def _link_alive(self, tx: Transaction) -> bool:
        moment = parse_instant(tx.expiration_time) if tx.expiration_time else None
        return moment is None or moment > self._world.now()


_STATUS_WORDS = {
    PENDING: "Pendiente",
    APPROVED: "Aprobado",
    DECLINED: "Rechazado",
    ERROR: "Error",
}

_RESULT_SENTENCES = {
    APPROVED: "Pago aprobado. Ya puede volver a la tienda.",
    DECLINED: "El banco rechazó el pago. No se descontó dinero.",
    ERROR: "El banco no pudo procesar el pago. No se descontó dinero.",
}


def _description(reference: str) -> str:
    """The bank statement's text: within PSE's 30 characters, without | or "."""
    cleaned = reference.replace("|", "").replace('"', "")
    return f"Pago {cleaned}"[:30]


def _options(choices: list[tuple[str, str]], selected: str) -> Markup:
    rendered = []
    for value, label in choices:
        mark = " selected" if value == selected else ""
        rendered.append(
            Markup(f'<option value="{pages.escape(value)}"{mark}>{pages.escape(label)}</option>')
        )
    return pages.join(rendered)


def _error_list(errors: dict[str, list[str]]) -> Markup:
    if not errors:
        return Markup("")
    items = []
    for field, texts in errors.items():
        label = FIELD_LABELS.get(field)
        for text in texts:
            shown = f"{label}: {text}" if label else text
            items.append(Markup(f"<li>{pages.escape(shown)}</li>"))
    return Markup(
        '<div class="errors" role="alert"><p>Revise estos datos:</p><ul>'
        + "".join(items)
        + "</ul></div>"
    )
