"""Top-ups and gift packs, Reloadly-compatible (GATEWAYS.md §2): OAuth, operators, top-ups, reports.

``customIdentifier`` is unique: a second top-up under it is refused and never delivered.
Reloadly does not document the status or code of that refusal, so the sandbox answers it
with a ``400`` whose ``errorCode`` is none of the documented ones: a client that guesses
the shape fails here first, one that looks the identifier up does not.

Other rules the provider enforces: a second top-up to a number within
``recently_recharged_seconds`` is ``PHONE_RECENTLY_RECHARGED``; amounts follow
``useLocalAmount`` (COP, only where the operator ``supportsLocalAmounts``) or the
account's currency; answers carry decimal amounts and a discount.
"""

from __future__ import annotations

import hmac
import itertools
import json
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from kiosk.sandbox import phones
from kiosk.sandbox.catalogue import OPERATORS, Operator, operator_json, serving_operator
from kiosk.sandbox.settings import SandboxAccount
from kiosk.sandbox.web import Request, Response, json_response
from kiosk.sandbox.world import ActivePack, World, pesos

SCOPE = (
    "send-topups read-operators read-promotions read-topups-history "
    "read-prepaid-balance read-prepaid-commissions"
)
#: The store's opening float, by account currency.
OPENING_BALANCES = {"COP": Decimal(5_000_000), "USD": Decimal("1500.00")}
#: The provider's discount to the store, a share of each top-up's cost.
DISCOUNT_RATE = Decimal("0.03")
#: Not one of the documented codes: how the sandbox answers a reused customIdentifier.
REUSED_IDENTIFIER_CODE = "REQUEST_NOT_PROCESSED"
_CURRENCY_NAMES = {"COP": "Colombian Peso", "USD": "US Dollar"}
_CENT = Decimal("0.01")
_FOUR_PLACES = Decimal("0.0001")


def reloadly_time(moment: datetime) -> str:
    """``2025-03-01 15:00:00`` (UTC), the way the provider writes dates."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def json_number(amount: Decimal) -> float | int:
    """A decimal as a JSON number: whole amounts as integers, others as decimals (``4.9985``)."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


@dataclass
class Topup:
    id: int
    custom_identifier: str | None
    operator: Operator
    number: str
    sender: str | None
    #: What was asked, in ``requested_currency`` (COP with ``useLocalAmount``).
    requested: Decimal
    requested_currency: str
    #: What the line gets, in COP.
    delivered: Decimal
    #: What it costs the account (before the discount), in the account's currency.
    cost: Decimal
    discount: Decimal
    account_currency: str
    created_at: datetime
    old_balance: Decimal
    new_balance: Decimal
    operator_transaction_id: str
    #: The status timeline: ``status`` until ``settles_at``, then ``final_status``.
    status: str = "SUCCESSFUL"
    settles_at: datetime | None = None
    final_status: str = "SUCCESSFUL"
    credited: bool = False

    def status_at(self, now: datetime) -> str:
        if self.settles_at is not None and now >= self.settles_at:
            return self.final_status
        return self.status


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
        self.account_balance = OPENING_BALANCES[world.account.currency]

    @property
    def _account(self) -> SandboxAccount:
        return self._world.account

    @property
    def audience(self) -> str:
        return f"{self._world.root_url}/topups-api"

    def _error(self, request: Request, status: int, code: str, message: str) -> Response:
        """Reloadly's error shape: ``{timeStamp, message, path, errorCode, infos, details}``."""
        return json_response(
            status,
            {
                "timeStamp": reloadly_time(self._world.now()),
                "message": message,
                "path": request.path,
                "errorCode": code,
                "infos": [],
                "details": [],
            },
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
        return json_response(200, operator_json(serving_operator(number), self._account))

    def operator(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        op = OPERATORS.get(int(request.params["id"])) if request.params["id"].isdigit() else None
        if op is None:
            return self._error(request, 404, "OPERATOR_NOT_FOUND", "El operador no existe")
        return json_response(200, operator_json(op, self._account))

    def _catalogue(self, request: Request, country: str | None) -> list[dict[str, Any]]:
        include_bundles = (request.arg("includeBundles") or "true").lower() != "false"
        country = (country or "").upper()
        # The look-alike foreign operator is listed with Colombia's, as a careless
        # client's filter by name would see it; its own ``country.isoName`` says GT.
        return [
            operator_json(op, self._account)
            for op in OPERATORS.values()
            if (country in ("", "CO") or op.country_iso == country)
            and (include_bundles or not op.bundle)
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
            # Amounts are decimals: read them as such, never as binary floats.
            body = json.loads(request.body.decode("utf-8"), parse_float=Decimal)
        except (UnicodeDecodeError, ValueError):
            body = None
        try:
            topup = self._deliver(body)
        except TopupRefused as refused:
            return self._error(request, refused.status, refused.code, refused.message)
        with self._world.lock:
            response = json_response(200, self._view(topup))
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
                # Undocumented by the provider: answered in a shape no client can recognise.
                raise TopupRefused(
                    400, REUSED_IDENTIFIER_CODE, "La solicitud no pudo ser procesada"
                )
            op = self._operator_of(body)
            number = self._phone(body.get("recipientPhone"), "recipientPhone")
            sender = (
                self._phone(body["senderPhone"], "senderPhone")
                if body.get("senderPhone") is not None
                else None
            )
            requested, requested_currency, delivered, cost = self._amounts(body, op)
            serving = serving_operator(number)
            if serving.brand != op.brand or op.country_iso != "CO":
                raise TopupRefused(
                    400,
                    "INVALID_RECIPIENT_PHONE",
                    f"La línea no es de {op.name}: hoy la atiende {serving.name}",
                )
            self._refuse_recent(number)
            if number == phones.REFUSED_LINE:
                raise TopupRefused(
                    400, "PROVIDER_REFUSED", "El operador rechazó la recarga a esta línea"
                )
            if cost - _discount(cost) > self.account_balance:
                raise TopupRefused(400, "INSUFFICIENT_BALANCE", "El saldo de la cuenta no alcanza")
            return self._record(
                custom, op, number, sender, requested, requested_currency, delivered, cost
            )

    def _refuse_recent(self, number: str) -> None:
        window = timedelta(seconds=self._world.timing.recently_recharged_seconds)
        now = self._world.now()
        for earlier in self._topups:
            if earlier.number != number or earlier.status_at(now) in ("FAILED", "REFUNDED"):
                continue
            if now - earlier.created_at < window:
                left = math.ceil((earlier.created_at + window - now).total_seconds())
                raise TopupRefused(
                    400,
                    "PHONE_RECENTLY_RECHARGED",
                    f"Este número recibió una recarga hace poco: intente en {left} segundos",
                )

    @staticmethod
    def _operator_of(body: dict[str, Any]) -> Operator:
        operator_id = body.get("operatorId")
        if type(operator_id) is not int:
            raise TopupRefused(400, "BAD_REQUEST", "operatorId es obligatorio y debe ser un número")
        op = OPERATORS.get(operator_id)
        if op is None:
            raise TopupRefused(404, "OPERATOR_NOT_FOUND", "El operador no existe")
        if op.country_iso != "CO":
            raise TopupRefused(
                400, "INVALID_RECIPIENT_PHONE", f"{op.name} no atiende líneas de Colombia"
            )
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

    def _amounts(self, body: dict[str, Any], op: Operator) -> tuple[Decimal, str, Decimal, Decimal]:
        """(requested, its currency, delivered in COP, cost in the account's currency)."""
        account = self._account
        raw = body.get("amount")
        amount: Decimal | None = None
        if isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
            try:
                amount = Decimal(raw)
            except InvalidOperation:
                amount = None
        if amount is None or not amount.is_finite() or amount <= 0:
            raise TopupRefused(400, "INVALID_AMOUNT", "amount debe ser un número positivo")
        rate = account.fx_rate if account.currency != "COP" else Decimal(1)
        if body.get("useLocalAmount") is True:
            if not op.supports_local:
                raise TopupRefused(
                    400, "INVALID_AMOUNT", f"{op.name} no acepta montos en moneda local"
                )
            if not op.accepts_local(amount):
                raise TopupRefused(400, "INVALID_AMOUNT_FOR_OPERATOR", self._allowed(op, "COP"))
            cost = (amount / rate).quantize(_CENT, rounding=ROUND_CEILING)
            return amount, "COP", amount, cost
        if not op.accepts_sender(amount, account):
            raise TopupRefused(
                400, "INVALID_AMOUNT_FOR_OPERATOR", self._allowed(op, account.currency)
            )
        delivered = (amount * rate).quantize(_CENT, rounding=ROUND_HALF_UP)
        return amount, account.currency, delivered, amount

    def _allowed(self, op: Operator, currency: str) -> str:
        if op.packs:
            return f"Para {op.name} el monto debe ser uno de los montos fijos ({currency})"
        return f"Para {op.name} el monto está fuera del rango permitido ({currency})"

    def _record(
        self,
        custom: str | None,
        op: Operator,
        number: str,
        sender: str | None,
        requested: Decimal,
        requested_currency: str,
        delivered: Decimal,
        cost: Decimal,
    ) -> Topup:
        now = self._world.now()
        timing = self._world.timing
        discount = _discount(cost)
        topup = Topup(
            id=next(self._sequence),
            custom_identifier=custom,
            operator=op,
            number=number,
            sender=sender,
            requested=requested,
            requested_currency=requested_currency,
            delivered=delivered,
            cost=cost,
            discount=discount,
            account_currency=self._account.currency,
            created_at=now,
            old_balance=self.account_balance,
            new_balance=self.account_balance,
            operator_transaction_id=f"{op.brand.upper()}-{secrets.token_hex(6).upper()}",
        )
        if number == phones.FAILED_LINE:
            topup.status = topup.final_status = "FAILED"
        elif number == phones.PROCESSING_LINE:
            topup.status = "PROCESSING"
            topup.settles_at = now + timedelta(seconds=timing.processing_success_seconds)
        elif number == phones.REFUNDED_LINE:
            topup.status, topup.final_status = "PROCESSING", "REFUNDED"
            topup.settles_at = now + timedelta(seconds=timing.processing_refund_seconds)
        if topup.status != "FAILED":
            self.account_balance -= cost - discount
            topup.new_balance = self.account_balance
        self._topups.append(topup)
        self._settle(topup, now)
        return topup

    def _settle(self, topup: Topup, now: datetime) -> None:
        """Credit the line once the top-up is SUCCESSFUL; give the cost back once REFUNDED."""
        if topup.credited:
            return
        status = topup.status_at(now)
        if status == "SUCCESSFUL":
            topup.credited = True
            self._credit_line(topup, now)
        elif status == "REFUNDED":
            topup.credited = True
            self.account_balance += topup.cost - topup.discount

    def _credit_line(self, topup: Topup, now: datetime) -> None:
        line = self._world.line(topup.number)
        brand = topup.operator.brand
        pesos_delivered = int(topup.delivered)  # the operator credits whole pesos
        pack = topup.operator.pack_for(pesos_delivered) if topup.operator.packs else None
        if pack is None and topup.operator.packs:
            # Paid in the account's currency: the pack whose price the amount was for.
            pack = next(
                (p for p in topup.operator.packs if abs(p.amount - topup.delivered) < 100), None
            )
        if pack is None:
            line.balance += pesos_delivered
            self._world.send_sms(
                topup.number,
                f"{brand}: recibiste una recarga de {pesos(pesos_delivered)}. "
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

    def _view(self, topup: Topup) -> dict[str, Any]:
        """The transaction as the provider shows it (hold the lock)."""
        now = self._world.now()
        self._settle(topup, now)
        account = topup.account_currency
        return {
            "transactionId": topup.id,
            "status": topup.status_at(now),
            "operatorTransactionId": topup.operator_transaction_id,
            "customIdentifier": topup.custom_identifier,
            "recipientPhone": "57" + topup.number,
            "recipientEmail": None,
            "senderPhone": "57" + topup.sender if topup.sender else None,
            "countryCode": "CO",
            "operatorId": topup.operator.id,
            "operatorName": topup.operator.name,
            "discount": json_number(topup.discount),
            "discountCurrencyCode": account,
            "requestedAmount": json_number(topup.requested),
            "requestedAmountCurrencyCode": topup.requested_currency,
            "deliveredAmount": json_number(topup.delivered),
            "deliveredAmountCurrencyCode": "COP",
            "transactionDate": reloadly_time(topup.created_at),
            "pinDetail": None,
            "balanceInfo": {
                "oldBalance": json_number(topup.old_balance),
                "newBalance": json_number(topup.new_balance),
                "cost": json_number(topup.cost - topup.discount),
                "currencyCode": account,
                "currencyName": _CURRENCY_NAMES[account],
                "updatedAt": reloadly_time(topup.created_at),
            },
        }

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
            return json_response(200, self._view(topup))

    def reports(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        custom = request.arg("customIdentifier")
        with self._world.lock:
            found = [
                self._view(t)
                for t in reversed(self._topups)
                if custom is None or t.custom_identifier == custom
            ]
        return json_response(200, _page(found, request))

    def balance(self, request: Request) -> Response:
        refusal = self._token_refusal(request)
        if refusal:
            return refusal
        with self._world.lock:
            now = self._world.now()
            for topup in self._topups:
                self._settle(topup, now)
            currency = self._account.currency
            payload = {
                "balance": json_number(self.account_balance),
                "currencyCode": currency,
                "currencyName": _CURRENCY_NAMES[currency],
                "updatedAt": reloadly_time(now),
            }
        return json_response(200, payload)

    def set_account_balance(self, amount: Decimal) -> None:
        with self._world.lock:
            self.account_balance = Decimal(amount)


def _discount(cost: Decimal) -> Decimal:
    """The provider's discount on a cost, to four places (``0.0732``)."""
    return (cost * DISCOUNT_RATE).quantize(_FOUR_PLACES, rounding=ROUND_HALF_UP)


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
