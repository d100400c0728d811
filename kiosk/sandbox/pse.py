"""PSE payments, Wompi-compatible (GATEWAYS.md §1, §3): keys, acceptance tokens, creates, look-ups.

A transaction's status is computed when it is read, from its create time and the clock: no
background thread moves it. Only the bank page (or the settle time of banks 1/2/3/5) ends one.

As Wompi's, a pending transaction's bank URL (``payment_method.extra.async_payment_url``) is
missing from the create's answer and from its first read, and is there from the second read on;
a final one has it (and its CUS) whenever it is read.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.sandbox.web import Request, Response, json_response
from kiosk.sandbox.world import World, iso_utc

MINIMUM_CENTS = 150_000  # 1.500 COP
DESCRIPTION_MAX = 30
LEGAL_ID_TYPES = ("CC", "CE", "NIT", "PP", "TI", "DNI")
MERCHANT_ID = 11854

END_USER_POLICY = "END_USER_POLICY"
PERSONAL_DATA_AUTH = "PERSONAL_DATA_AUTH"

PENDING, APPROVED, DECLINED, ERROR = "PENDING", "APPROVED", "DECLINED", "ERROR"


@dataclass(frozen=True)
class Bank:
    code: str
    name: str
    #: Where the bank ends on its own after the settle time; None waits for the bank page.
    outcome: str | None
    slow: bool = False


#: Wompi's list of banks starts with this entry, which is not a bank (a create naming it is
#: refused as an unknown bank).
PLACEHOLDER_BANK = {
    "financial_institution_code": "0",
    "financial_institution_name": "A continuación seleccione su banco",
}
#: Reads of a transaction before its bank URL shows (the create's answer never has it).
BANK_URL_FROM_READ = 2

BANKS: dict[str, Bank] = {
    bank.code: bank
    for bank in (
        Bank("1", "Banco que aprueba", APPROVED),
        Bank("2", "Banco que rechaza", DECLINED),
        Bank("3", "Banco con error", ERROR),
        Bank("4", "Banco de demostración (espera la página del banco)", None),
        Bank("5", "Banco lento", APPROVED, slow=True),
    )
}

STATUS_MESSAGES = {
    DECLINED: "La transacción fue rechazada por el banco",
    ERROR: "Error de comunicación con la entidad financiera",
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9]{7,15}$")
_LEGAL_ID = re.compile(r"^[0-9A-Za-z-]{3,20}$")

REQUIRED = "Este campo es obligatorio"


def integrity_signature(
    reference: str, amount_in_cents: object, currency: str, expiration: str | None, secret: str
) -> str:
    """The sandbox's own digest (it shares no code with the clients, on purpose)."""
    text = f"{reference}{amount_in_cents}{currency}{expiration or ''}{secret}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_instant(text: object) -> datetime | None:
    """An ISO-8601 instant (``Z`` or an offset; naive means UTC), or None."""
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def wompi_error(status: int, kind: str, **fields: Any) -> Response:
    return json_response(status, {"error": {"type": kind, **fields}})


def not_found(reason: str = "La entidad solicitada no existe") -> Response:
    return wompi_error(404, "NOT_FOUND_ERROR", reason=reason)


@dataclass
class Transaction:
    id: str
    reference: str
    amount_in_cents: int
    currency: str
    customer_email: str
    customer_data: dict[str, Any]
    payment_method: dict[str, Any]
    created_at: datetime
    expiration_time: str | None = None
    redirect_url: str | None = None
    status: str = PENDING
    status_message: str | None = None
    finalized_at: datetime | None = None
    traceability_code: str | None = None
    #: The checkout link it came from (query string), so a declined payer can try again.
    checkout_query: str | None = None
    #: How many times it was read (``GET /transactions/{id}`` or a look-up by reference).
    reads: int = 0

    @property
    def bank(self) -> Bank:
        return BANKS[self.payment_method["financial_institution_code"]]


@dataclass
class CreateOutcome:
    transaction: Transaction | None = None
    messages: dict[str, list[str]] = field(default_factory=dict)
    delay_seconds: float = 0.0


class PseService:
    def __init__(self, world: World) -> None:
        self._world = world
        self._tokens: dict[str, tuple[str, bool]] = {}  # token -> (kind, used)
        self._transactions: dict[str, Transaction] = {}
        self._sequence = itertools.count(10_001)

    # ----- keys -------------------------------------------------------------------------------

    def _key_refusal(self, request: Request, wanted: str) -> Response | None:
        """None when the request carries the wanted key ("public" or "private")."""
        keys = self._world.keys
        expected = keys.public_key if wanted == "public" else keys.private_key
        given = request.bearer()
        if given is None:
            reason = "Se esperaba una llave pública o privada pero no se recibió ninguna"
        elif given.startswith(("pub_prod_", "prv_prod_")):
            reason = "La llave proporcionada no corresponde a este ambiente."
        elif hmac.compare_digest(given, expected):
            return None
        elif wanted == "public" and hmac.compare_digest(given, keys.private_key):
            reason = "Se esperaba una llave pública pero se recibió una llave privada"
        elif wanted == "private" and hmac.compare_digest(given, keys.public_key):
            reason = "Se esperaba una llave privada pero se recibió una llave pública"
        else:
            reason = "La llave proporcionada no es válida"
        return wompi_error(401, "INVALID_ACCESS_TOKEN", reason=reason)

    # ----- acceptance tokens ----------------------------------------------------------------

    def issue_token(self, kind: str) -> str:
        with self._world.lock:
            token = "eyJ" + secrets.token_urlsafe(32)
            self._tokens[token] = (kind, False)
            return token

    def _spend_tokens(self, body: dict[str, Any], messages: dict[str, list[str]]) -> None:
        """Check both tokens, then consume them: single use, spent even by a failing create."""
        wanted = {"acceptance_token": END_USER_POLICY, "accept_personal_auth": PERSONAL_DATA_AUTH}
        states = {name: body.get(name) for name in wanted}
        for name, kind in wanted.items():
            token = states[name]
            if not isinstance(token, str) or not token:
                messages[name].append(REQUIRED)
                continue
            known = self._tokens.get(token)
            if known is None or known[1] or known[0] != kind:
                messages[name].append("El token de aceptación no es válido o ya fue usado")
        for token in states.values():
            if isinstance(token, str) and token in self._tokens:
                self._tokens[token] = (self._tokens[token][0], True)

    # ----- lifecycle ------------------------------------------------------------------------

    def _settle(self, tx: Transaction, now: datetime) -> None:
        """Apply the bank's own outcome once its settle time has passed (lazily, on read)."""
        if tx.status != PENDING or tx.bank.outcome is None:
            return
        due = tx.created_at + timedelta(seconds=self._world.timing.pse_settle_seconds)
        if now >= due:
            self._finish(tx, tx.bank.outcome, due)

    def _finish(self, tx: Transaction, status: str, when: datetime) -> None:
        tx.status = status
        tx.status_message = STATUS_MESSAGES.get(status)
        tx.finalized_at = when
        if status != ERROR:
            # The CUS: PSE's own trace number, given once the bank has answered.
            tx.traceability_code = f"{secrets.randbelow(10**9):09d}"

    def answer_bank_page(self, tx_id: str, approve: bool) -> Transaction | None:
        """The payer answered the bank page: a PENDING transaction ends now; a final one stays."""
        with self._world.lock:
            tx = self._transactions.get(tx_id)
            if tx is None:
                return None
            now = self._world.now()
            self._settle(tx, now)
            if tx.status == PENDING:
                self._finish(tx, APPROVED if approve else DECLINED, now)
            return tx

    def get(self, tx_id: str) -> Transaction | None:
        with self._world.lock:
            tx = self._transactions.get(tx_id)
            if tx is not None:
                self._settle(tx, self._world.now())
            return tx

    def by_reference(self, reference: str) -> list[Transaction]:
        """Every attempt under ``reference``, newest first (as Wompi orders by default)."""
        with self._world.lock:
            now = self._world.now()
            found = [tx for tx in self._transactions.values() if tx.reference == reference]
            for tx in found:
                self._settle(tx, now)
            return sorted(found, key=lambda tx: tx.created_at, reverse=True)

    # ----- create -----------------------------------------------------------------------------

    def create(self, body: Any, *, checkout_query: str | None = None) -> CreateOutcome:
        """Validate and create, atomically (a reference cannot be taken twice by a race)."""
        with self._world.lock:
            now = self._world.now()
            if not isinstance(body, dict):
                return CreateOutcome(messages={"body": ["Se esperaba un objeto JSON"]})
            messages: dict[str, list[str]] = defaultdict(list)
            self._spend_tokens(body, messages)
            self._check_amount(body, messages)
            self._check_reference(body, now, messages, retry=checkout_query is not None)
            self._check_signature(body, now, messages)
            self._check_customer(body, messages)
            self._check_payment_method(body, messages)
            if messages:
                return CreateOutcome(messages=dict(messages))
            method = body["payment_method"]
            tx = Transaction(
                id=f"{MERCHANT_ID}-{int(now.timestamp())}-{next(self._sequence)}",
                reference=body["reference"],
                amount_in_cents=body["amount_in_cents"],
                currency=body["currency"],
                customer_email=body["customer_email"],
                customer_data={
                    "full_name": body["customer_data"]["full_name"],
                    "phone_number": body["customer_data"]["phone_number"],
                },
                payment_method={
                    "type": "PSE",
                    "user_type": method["user_type"],
                    "user_legal_id_type": method["user_legal_id_type"],
                    "user_legal_id": method["user_legal_id"],
                    "financial_institution_code": method["financial_institution_code"],
                    "payment_description": method["payment_description"],
                },
                created_at=now,
                expiration_time=body.get("expiration_time"),
                redirect_url=_web_url(body.get("redirect_url")),
                checkout_query=checkout_query,
            )
            self._transactions[tx.id] = tx
            delay = self._world.timing.slow_bank_seconds if tx.bank.slow else 0.0
            return CreateOutcome(transaction=tx, delay_seconds=delay)

    @staticmethod
    def _check_amount(body: dict[str, Any], messages: dict[str, list[str]]) -> None:
        amount = body.get("amount_in_cents")
        if amount is None:
            messages["amount_in_cents"].append(REQUIRED)
        elif type(amount) is not int:
            messages["amount_in_cents"].append("Debe ser un número entero de centavos")
        elif amount < MINIMUM_CENTS:
            messages["amount_in_cents"].append(
                f"El monto mínimo es {MINIMUM_CENTS} centavos (1.500 COP)"
            )
        currency = body.get("currency")
        if currency is None:
            messages["currency"].append(REQUIRED)
        elif currency != "COP":
            messages["currency"].append("La única moneda aceptada es COP")

    def _check_reference(
        self, body: dict[str, Any], now: datetime, messages: dict[str, list[str]], *, retry: bool
    ) -> None:
        """A reference is used once through the API; only the hosted checkout (``retry``)
        lets a payer try again under it, once the earlier attempt failed."""
        reference = body.get("reference")
        if reference is None or reference == "":
            messages["reference"].append(REQUIRED)
            return
        if not isinstance(reference, str) or len(reference) > 255:
            messages["reference"].append("Debe ser un texto de hasta 255 caracteres")
            return
        for tx in self._transactions.values():
            if tx.reference == reference:
                self._settle(tx, now)
                if not retry or tx.status in (PENDING, APPROVED):
                    messages["reference"].append("La referencia ya ha sido usada")
                    return

    def _check_signature(
        self, body: dict[str, Any], now: datetime, messages: dict[str, list[str]]
    ) -> None:
        expiration = body.get("expiration_time")
        if expiration is not None:
            moment = parse_instant(expiration)
            if moment is None:
                messages["expiration_time"].append("Debe ser una fecha ISO-8601 en UTC")
            elif moment <= now:
                messages["expiration_time"].append("La fecha de expiración ya pasó")
        given = body.get("signature")
        if isinstance(given, dict):
            # The object form belongs to Wompi's JavaScript widget; the API wants the digest.
            messages["signature"].append("Debe ser un texto: la firma de integridad")
            return
        if not isinstance(given, str) or not given:
            messages["signature"].append(REQUIRED)
            return
        expected = integrity_signature(
            str(body.get("reference", "")),
            body.get("amount_in_cents", ""),
            str(body.get("currency", "")),
            expiration if isinstance(expiration, str) else None,
            self._world.keys.integrity_secret,
        )
        # Exactly the lowercase hex digest: an uppercase one is a client bug, refused.
        if not hmac.compare_digest(given.encode("utf-8"), expected.encode("ascii")):
            messages["signature"].append("La firma de integridad no es válida")

    @staticmethod
    def _check_customer(body: dict[str, Any], messages: dict[str, list[str]]) -> None:
        email = body.get("customer_email")
        if not email:
            messages["customer_email"].append(REQUIRED)
        elif not isinstance(email, str) or not _EMAIL.match(email):
            messages["customer_email"].append("Debe ser un correo electrónico válido")
        data = body.get("customer_data")
        if not isinstance(data, dict):
            messages["customer_data"].append(REQUIRED)
            return
        name = data.get("full_name")
        if not isinstance(name, str) or not name.strip():
            messages["customer_data.full_name"].append(REQUIRED)
        phone = data.get("phone_number")
        if not phone:
            messages["customer_data.phone_number"].append(REQUIRED)
        elif not isinstance(phone, str) or not _PHONE.match(phone):
            messages["customer_data.phone_number"].append("Debe ser un número de teléfono válido")

    @staticmethod
    def _check_payment_method(body: dict[str, Any], messages: dict[str, list[str]]) -> None:
        if body.get("payment_method_type", "PSE") != "PSE":
            messages["payment_method_type"].append("Solo se acepta PSE")
        method = body.get("payment_method")
        if not isinstance(method, dict):
            messages["payment_method"].append(REQUIRED)
            return
        if method.get("type") != "PSE":
            messages["payment_method.type"].append("Debe ser PSE")
        user_type = method.get("user_type")
        if user_type is None:
            messages["payment_method.user_type"].append(REQUIRED)
        elif type(user_type) is not int or user_type not in (0, 1):
            messages["payment_method.user_type"].append("Debe ser 0 (natural) o 1 (jurídica)")
        id_type = method.get("user_legal_id_type")
        if not id_type:
            messages["payment_method.user_legal_id_type"].append(REQUIRED)
        elif id_type not in LEGAL_ID_TYPES:
            messages["payment_method.user_legal_id_type"].append(
                "Tipo de documento no soportado: " + ", ".join(LEGAL_ID_TYPES)
            )
        elif user_type == 1 and id_type != "NIT":
            messages["payment_method.user_legal_id_type"].append(
                "Una persona jurídica debe identificarse con NIT"
            )
        legal_id = method.get("user_legal_id")
        if not legal_id:
            messages["payment_method.user_legal_id"].append(REQUIRED)
        elif not isinstance(legal_id, str) or not _LEGAL_ID.match(legal_id):
            messages["payment_method.user_legal_id"].append("Número de documento no válido")
        bank = method.get("financial_institution_code")
        if not bank:
            messages["payment_method.financial_institution_code"].append(REQUIRED)
        elif not isinstance(bank, str) or bank not in BANKS:
            messages["payment_method.financial_institution_code"].append(
                "La entidad financiera no existe"
            )
        description = method.get("payment_description")
        if not description:
            messages["payment_method.payment_description"].append(REQUIRED)
        elif not isinstance(description, str) or len(description) > DESCRIPTION_MAX:
            messages["payment_method.payment_description"].append(
                f"Debe tener como máximo {DESCRIPTION_MAX} caracteres"
            )
        elif "|" in description or '"' in description:
            messages["payment_method.payment_description"].append(
                'No puede contener los caracteres | ni "'
            )

    # ----- JSON views -----------------------------------------------------------------------

    def read(self, tx: Transaction) -> dict[str, Any]:
        """A read through the API: the bank URL shows from the second read on, or once final."""
        tx.reads += 1
        shown = tx.reads >= BANK_URL_FROM_READ or tx.finalized_at is not None
        return self.view(tx, with_bank_url=shown)

    def view(self, tx: Transaction, *, with_bank_url: bool) -> dict[str, Any]:
        """The transaction as Wompi shows it (payer's email and document included, as there)."""
        method = dict(tx.payment_method)
        if with_bank_url:
            extra: dict[str, Any] = {
                "async_payment_url": f"{self._world.root_url}/sim/bank/{tx.id}",
                "external_identifier": tx.id.rsplit("-", 1)[-1],
            }
            if tx.finalized_at is not None:
                extra["traceability_code"] = tx.traceability_code
                extra["bank_processing_date"] = iso_utc(tx.finalized_at)
            method["extra"] = extra
        return {
            "id": tx.id,
            "created_at": iso_utc(tx.created_at),
            "finalized_at": iso_utc(tx.finalized_at) if tx.finalized_at else None,
            "amount_in_cents": tx.amount_in_cents,
            "reference": tx.reference,
            "currency": tx.currency,
            "customer_email": tx.customer_email,
            "payment_method_type": "PSE",
            "payment_method": method,
            "status": tx.status,
            "status_message": tx.status_message,
            "expiration_time": tx.expiration_time,
            "redirect_url": tx.redirect_url,
            "payment_source_id": None,
            "payment_link_id": None,
            "customer_data": dict(tx.customer_data),
            "billing_data": None,
            "shipping_address": None,
        }

    # ----- HTTP handlers --------------------------------------------------------------------

    def merchant(self, request: Request) -> Response:
        keys = self._world.keys
        if not hmac.compare_digest(request.params["public_key"], keys.public_key):
            return not_found("No se encontró un comercio con esa llave pública")
        root = self._world.root_url
        return json_response(
            200,
            {
                "data": {
                    "id": MERCHANT_ID,
                    "name": "Tienda Sandbox",
                    "legal_name": "Tienda Sandbox S.A.S.",
                    "legal_id_type": "NIT",
                    "legal_id": "900000000-1",
                    "active": True,
                    "public_key": keys.public_key,
                    "accepted_currencies": ["COP"],
                    "accepted_payment_methods": ["PSE"],
                    "presigned_acceptance": {
                        "acceptance_token": self.issue_token(END_USER_POLICY),
                        "permalink": f"{root}/sandbox/terms/acceptance",
                        "type": END_USER_POLICY,
                    },
                    "presigned_personal_data_auth": {
                        "acceptance_token": self.issue_token(PERSONAL_DATA_AUTH),
                        "permalink": f"{root}/sandbox/terms/personal-data",
                        "type": PERSONAL_DATA_AUTH,
                    },
                }
            },
        )

    def banks(self, request: Request) -> Response:
        refusal = self._key_refusal(request, "public")
        if refusal:
            return refusal
        data = [dict(PLACEHOLDER_BANK)] + [
            {"financial_institution_code": b.code, "financial_institution_name": b.name}
            for b in BANKS.values()
        ]
        return json_response(200, {"data": data})

    def post_transaction(self, request: Request) -> Response:
        refusal = self._key_refusal(request, "public")
        if refusal:
            return refusal
        try:
            body = request.json()
        except ValueError:
            body = None
        outcome = self.create(body)
        if outcome.transaction is None:
            return wompi_error(422, "INPUT_VALIDATION_ERROR", messages=outcome.messages)
        with self._world.lock:
            payload = {"data": self.view(outcome.transaction, with_bank_url=False)}
        response = json_response(201, payload)
        response.delay_seconds = outcome.delay_seconds
        return response

    def get_transaction(self, request: Request) -> Response:
        refusal = self._key_refusal(request, "public")
        if refusal:
            return refusal
        with self._world.lock:
            tx = self.get(request.params["id"])
            if tx is None:
                return not_found()
            return json_response(200, {"data": self.read(tx)})

    def find_transactions(self, request: Request) -> Response:
        refusal = self._key_refusal(request, "private")
        if refusal:
            return refusal
        reference = request.arg("reference")
        if not reference:
            return wompi_error(422, "INPUT_VALIDATION_ERROR", messages={"reference": [REQUIRED]})
        with self._world.lock:
            found = [self.read(tx) for tx in self.by_reference(reference)]
        return json_response(200, {"data": found, "meta": {"total_results": len(found)}})


def _web_url(value: object) -> str | None:
    """Only http(s) URLs become links on the bank page."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None
