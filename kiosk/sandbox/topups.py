"""Top-ups and gift packs, Reloadly-compatible (GATEWAYS.md §2): OAuth, operators, top-ups, reports.

``customIdentifier`` is unique: a second top-up under it is refused with 409 and never
delivered, so a client that lost an answer can look it up instead of paying twice.
"""

from __future__ import annotations

import hmac
import itertools
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.sandbox import phones
from kiosk.sandbox.catalogue import OPERATORS, Operator, operator_json, serving_operator
from kiosk.sandbox.web import Request, Response, coded_error, json_response
from kiosk.sandbox.world import ActivePack, World, pesos

SCOPE = (
    "send-topups read-operators read-promotions read-topups-history "
    "read-prepaid-balance read-prepaid-commissions"
)
OPENING_ACCOUNT_BALANCE = 5_000_000


def reloadly_time(moment: datetime) -> str:
    """``2025-03-01 15:00:00`` (UTC), the way the provider writes dates."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class Topup:
    id: int
    custom_identifier: str | None
    operator: Operator
    number: str
    sender: str | None
    amount: int
    created_at: datetime
    old_balance: int
    new_balance: int
    operator_transaction_id: str


class TopupRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


class TopupService:
    def __init__(self, world: World) -> None:
        self._world = world
        self._tokens: dict[str, datetime] = {}  # access token -> expiry
        self._topups: list[Topup] = []
        self._sequence = itertools.count(70_001)
        self.account_balance = OPENING_ACCOUNT_BALANCE

    @property
    def audience(self) -> str:
        return f"{self._world.root_url}/topups-api"

    def _error(self, request: Request, status: int, code: str, message: str) -> Response:
        return coded_error(
            status, code, message, path=request.path, stamp=reloadly_time(self._world.now())
        )

    # ----- OAuth ------------------------------------------------------------------------------

    def token(self, request: Request) -> Response:
        try:
            body = request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return self._error(request, 400, "BAD_REQUEST", "Se esperaba un objeto JSON")
        if body.get("grant_type") != "client_credentials":
            return self._error(
                request, 400, "UNSUPPORTED_GRANT_TYPE", "grant_type debe ser client_credentials"
            )
        keys = self._world.keys
        client_ok = hmac.compare_digest(str(body.get("client_id", "")), keys.topup_client_id)
        secret_ok = hmac.compare_digest(
            str(body.get("client_secret", "")), keys.topup_client_secret
        )
        if not (client_ok and secret_ok):
            return self._error(request, 401, "INVALID_CREDENTIALS", "Acceso denegado")
        if body.get("audience") != self.audience:
            return self._error(
                request,
                403,
                "INVALID_AUDIENCE",
                f"El audience debe ser exactamente la URL base de la API: {self.audience}",
            )
        ttl = self._world.timing.token_ttl_seconds
        with self._world.lock:
            access_token = secrets.token_urlsafe(40)
            self._tokens[access_token] = self._world.now() + timedelta(seconds=ttl)
        return json_response(
            200,
            {
                "access_token": access_token,
                "scope": SCOPE,
                "expires_in": max(1, math.floor(ttl)),
                "token_type": "Bearer",
            },
        )

    def _token_refusal(self, request: Request) -> Response | None:
        token = request.bearer()
        with self._world.lock:
            expiry = self._tokens.get(token) if token else None
            if expiry is None:
                return self._error(request, 401, "INVALID_TOKEN", "Token de acceso no válido")
            if self._world.now() >= expiry:
                return self._error(request, 401, "TOKEN_EXPIRED", "El token de acceso venció")
        return None

    # ----- operators --------------------------------------------------------------------------

    def auto_detect(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        number = phones.national_mobile(request.params["number"])
        if request.params["iso"].upper() != "CO" or number is None:
            return self._error(
                request, 400, "INVALID_PHONE_NUMBER", "No es un número móvil de Colombia"
            )
        return json_response(200, operator_json(serving_operator(number)))

    def operator(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        op = OPERATORS.get(int(request.params["id"])) if request.params["id"].isdigit() else None
        if op is None:
            return self._error(request, 404, "OPERATOR_NOT_FOUND", "El operador no existe")
        return json_response(200, operator_json(op))

    def _catalogue(self, request: Request, country: str | None) -> list[dict[str, Any]]:
        include_bundles = (request.arg("includeBundles") or "true").lower() != "false"
        country = (country or "CO").upper()
        return [
            operator_json(op)
            for op in OPERATORS.values()
            if country == "CO" and (include_bundles or not op.bundle)
        ]

    def operators(self, request: Request) -> Response:
        """``GET /operators``: a page, as the provider pages this list."""
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        items = self._catalogue(request, request.arg("countryCode"))
        return json_response(200, _page(items, request))

    def operators_by_country(self, request: Request) -> Response:
        """``GET /operators/countries/{iso}``: a plain list."""
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        return json_response(200, self._catalogue(request, request.params["iso"]))

    # ----- top-ups ----------------------------------------------------------------------------

    def post_topup(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        try:
            body = request.json()
        except ValueError:
            body = None
        try:
            topup = self._deliver(body)
        except TopupRefused as refused:
            return self._error(request, refused.status, refused.code, refused.message)
        response = json_response(200, self._view(topup, with_status=True))
        if topup.number == phones.SLOW_LINE:
            # Delivered already; only the answer is late (longer than a client's read timeout).
            response.delay_seconds = self._world.timing.slow_line_seconds
        return response

    def _deliver(self, body: Any) -> Topup:
        if not isinstance(body, dict):
            raise TopupRefused(400, "BAD_REQUEST", "Se esperaba un objeto JSON")
        custom = body.get("customIdentifier")
        if custom is not None and (not isinstance(custom, str) or not custom):
            raise TopupRefused(400, "BAD_REQUEST", "customIdentifier debe ser un texto")
        with self._world.lock:
            if custom is not None and any(t.custom_identifier == custom for t in self._topups):
                raise TopupRefused(
                    409,
                    "DUPLICATED_CUSTOM_IDENTIFIER",
                    "Ya existe una recarga con ese customIdentifier",
                )
            op = self._operator_of(body)
            number = self._phone(body.get("recipientPhone"), "recipientPhone")
            sender = (
                self._phone(body["senderPhone"], "senderPhone")
                if body.get("senderPhone") is not None
                else None
            )
            amount = self._amount(body, op)
            serving = serving_operator(number)
            if serving.brand != op.brand:
                raise TopupRefused(
                    400,
                    "OPERATOR_MISMATCH",
                    f"La línea no es de {op.brand}: hoy la atiende {serving.name}",
                )
            if number == phones.REFUSED_LINE:
                raise TopupRefused(
                    400, "PROVIDER_REFUSED", "El operador rechazó la recarga a esta línea"
                )
            if amount > self.account_balance:
                raise TopupRefused(400, "INSUFFICIENT_BALANCE", "El saldo de la cuenta no alcanza")
            return self._record(custom, op, number, sender, amount)

    @staticmethod
    def _operator_of(body: dict[str, Any]) -> Operator:
        operator_id = body.get("operatorId")
        if type(operator_id) is not int:
            raise TopupRefused(400, "BAD_REQUEST", "operatorId es obligatorio y debe ser un número")
        op = OPERATORS.get(operator_id)
        if op is None:
            raise TopupRefused(404, "OPERATOR_NOT_FOUND", "El operador no existe")
        return op

    @staticmethod
    def _phone(value: Any, field: str) -> str:
        number = None
        if isinstance(value, dict) and str(value.get("countryCode", "")).upper() == "CO":
            number = phones.national_mobile(str(value.get("number", "")))
        if number is None:
            raise TopupRefused(
                400, "INVALID_PHONE_NUMBER", f"{field} no es un número móvil de Colombia"
            )
        return number

    @staticmethod
    def _amount(body: dict[str, Any], op: Operator) -> int:
        amount = body.get("amount")
        if isinstance(amount, float) and amount.is_integer():
            amount = int(amount)
        if type(amount) is not int or not op.accepts(amount):
            if op.packs:
                allowed = ", ".join(str(a) for a in op.fixed_amounts)
                message = f"Para {op.name} el monto debe ser uno de: {allowed}"
            else:
                message = f"El monto debe ser un entero entre {op.min_amount} y {op.max_amount}"
            raise TopupRefused(400, "AMOUNT_OUT_OF_RANGE", message)
        return amount

    def _record(
        self, custom: str | None, op: Operator, number: str, sender: str | None, amount: int
    ) -> Topup:
        now = self._world.now()
        old_balance = self.account_balance
        self.account_balance -= amount
        topup = Topup(
            id=next(self._sequence),
            custom_identifier=custom,
            operator=op,
            number=number,
            sender=sender,
            amount=amount,
            created_at=now,
            old_balance=old_balance,
            new_balance=self.account_balance,
            operator_transaction_id=f"{op.brand.upper()}-{secrets.token_hex(6).upper()}",
        )
        self._topups.append(topup)
        self._credit_line(topup, now)
        return topup

    def _credit_line(self, topup: Topup, now: datetime) -> None:
        line = self._world.line(topup.number)
        brand = topup.operator.brand
        pack = topup.operator.pack_for(topup.amount)
        if pack is None:
            line.balance += topup.amount
            self._world.send_sms(
                topup.number,
                f"{brand}: recibiste una recarga de {pesos(topup.amount)}. "
                f"Tu saldo es {pesos(line.balance)}.",
            )
            return
        expires = now + timedelta(days=pack.validity_days)
        line.packs.append(ActivePack(pack.name, expires))
        sender = f" de parte de la línea {phones.spaced(topup.sender)}" if topup.sender else ""
        self._world.send_sms(
            topup.number,
            f"{brand}: te regalaron el paquete {pack.name}{sender}. "
            f"Incluye {pack.summary()}. Vence el {expires:%d/%m/%Y}.",
        )

    # ----- reports and balance ----------------------------------------------------------------

    def _view(self, topup: Topup, *, with_status: bool) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "transactionId": topup.id,
            "status": "SUCCESSFUL",
            "operatorTransactionId": topup.operator_transaction_id,
            "customIdentifier": topup.custom_identifier,
            "recipientPhone": "57" + topup.number,
            "recipientEmail": None,
            "senderPhone": "57" + topup.sender if topup.sender else None,
            "countryCode": "CO",
            "operatorId": topup.operator.id,
            "operatorName": topup.operator.name,
            "discount": 0,
            "discountCurrencyCode": "COP",
            "requestedAmount": topup.amount,
            "requestedAmountCurrencyCode": "COP",
            "deliveredAmount": topup.amount,
            "deliveredAmountCurrencyCode": "COP",
            "transactionDate": reloadly_time(topup.created_at),
            "pinDetail": None,
            "balanceInfo": {
                "oldBalance": topup.old_balance,
                "newBalance": topup.new_balance,
                "cost": topup.amount,
                "currencyCode": "COP",
                "currencyName": "Colombian Peso",
                "updatedAt": reloadly_time(topup.created_at),
            },
        }
        if not with_status:
            payload.pop("status")
        return payload

    def report(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        wanted = request.params["id"]
        with self._world.lock:
            topup = next((t for t in self._topups if str(t.id) == wanted), None)
            if topup is None:
                return self._error(
                    request, 404, "TRANSACTION_NOT_FOUND", "No existe una recarga con ese id"
                )
            return json_response(200, self._view(topup, with_status=True))

    def reports(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        custom = request.arg("customIdentifier")
        with self._world.lock:
            found = [
                self._view(t, with_status=True)
                for t in reversed(self._topups)
                if custom is None or t.custom_identifier == custom
            ]
        return json_response(200, _page(found, request))

    def balance(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        with self._world.lock:
            payload = {
                "balance": self.account_balance,
                "currencyCode": "COP",
                "currencyName": "Colombian Peso",
                "updatedAt": reloadly_time(self._world.now()),
            }
        return json_response(200, payload)

    def set_account_balance(self, amount: int) -> None:
        with self._world.lock:
            self.account_balance = amount


def _page(items: list[dict[str, Any]], request: Request) -> dict[str, Any]:
    """A Spring-style page (``page`` counts from 1, as the provider's does)."""
    size_text, page_text = request.arg("size") or "", request.arg("page") or ""
    size = int(size_text) if size_text.isdigit() and int(size_text) > 0 else 200
    number = int(page_text) if page_text.isdigit() and int(page_text) > 0 else 1
    start = (number - 1) * size
    content = items[start : start + size]
    total_pages = max(1, math.ceil(len(items) / size))
    return {
        "content": content,
        "pageable": {"pageNumber": number - 1, "pageSize": size, "offset": start},
        "totalElements": len(items),
        "totalPages": total_pages,
        "last": number >= total_pages,
        "first": number == 1,
        "size": size,
        "number": number - 1,
        "numberOfElements": len(content),
        "empty": not content,
    }
