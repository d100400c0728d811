"""Top-ups and gift packs through a Reloadly-compatible provider (GATEWAYS.md §2).

``customIdentifier`` is the sale reference and the idempotency key. Reloadly
refuses a second top-up under it but does not document how, so this client
never reads a refusal as final before looking the reference up: whatever 4xx
a top-up gets, the client asks ``/topups/reports/transactions?customIdentifier=``
and, when a top-up under the reference exists (or this client sent one before),
raises :class:`TopupAlreadySubmitted`, never a refusal. A top-up is sent once;
a timeout or an unreadable answer is an :class:`OutcomeUnknown` settled by
:meth:`TopupClient.find_by_custom_identifier`.

The catalogue comes from ``/operators/countries/CO``; an operator is Colombian
by its own ``country.isoName``, never by its name ("Claro Guatemala" is not
Claro Colombia). Amounts are read as :class:`~decimal.Decimal`, never floats.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import quote

import requests

from kiosk.config import TimeoutsConfig
from kiosk.domain.catalogue import Catalogue, Operator, Pack
from kiosk.domain.fx import LOCAL_CURRENCY
from kiosk.gateways import parsing
from kiosk.gateways.answers import Answer, decode_json
from kiosk.gateways.base import GatewayClient
from kiosk.gateways.errors import (
    GatewayError,
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnauthorized,
    GatewayUnavailable,
    OutcomeUnknown,
    TopupAlreadySubmitted,
    TopupRejected,
)
from kiosk.gateways.http import Clock, Sleep

SERVICE = "topups"
COUNTRY = "CO"
CURRENCY = "COP"
#: Reloadly's versioned media type for the Airtime API.
ACCEPT = "application/com.reloadly.topups-v1+json"
#: Renew the token this long before it expires (clock skew, slow calls).
TOKEN_MARGIN_SECONDS = 60.0
_MAX_PAGES = 20

#: Reloadly's documented refusal codes, each with a message of its own. Any other code
#: is a plain refusal ("topup.provider_refused") that keeps the provider's text.
REFUSALS = {
    "INVALID_AMOUNT_FOR_OPERATOR": "topup.amount_out_of_range",
    "INVALID_AMOUNT": "topup.invalid_amount",
    "INVALID_RECIPIENT_PHONE": "topup.invalid_recipient",
    "INVALID_PHONE_NUMBER": "topup.invalid_line",
    "INSUFFICIENT_BALANCE": "topup.insufficient_balance",
    "PHONE_RECENTLY_RECHARGED": "topup.recently_recharged",
    "TOPUP_TRANSACTION_FAILED": "topup.transaction_failed",
    "OPERATOR_NOT_IN_SERVICE": "topup.operator_not_in_service",
}
#: Documented codes of refused credentials or tokens: the provider acted on nothing.
CREDENTIAL_CODES = frozenset({"TOKEN_EXPIRED", "INVALID_TOKEN", "INVALID_CREDENTIALS"})
UNKNOWN_REFUSAL = "topup.provider_refused"
#: Every refusal's message code, the unknown code's included (what the catalogue must hold).
_REFUSALS = {**REFUSALS, "": UNKNOWN_REFUSAL}
#: The provider's text kept for the clerk: long digit runs (lines) masked, length bounded.
_LONG_DIGITS = re.compile(r"\+?\d(?:[\s.()-]?\d){4,}")
_MAX_PROVIDER_TEXT = 200

T = TypeVar("T")


class TopupStatus(StrEnum):
    SUCCESSFUL = "SUCCESSFUL"
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    REFUNDED = "REFUNDED"
    FAILED = "FAILED"

    @property
    def delivered(self) -> bool:
        return self is TopupStatus.SUCCESSFUL

    @property
    def is_final(self) -> bool:
        return self not in (TopupStatus.PENDING, TopupStatus.PROCESSING)


@dataclass(frozen=True)
class TopupResult:
    """What the provider says about one top-up (the recipient's line is not kept here)."""

    transaction_id: str
    status: TopupStatus
    custom_identifier: str | None
    #: The whole pesos the line gets (``deliveredAmount`` rounded down), when in COP.
    delivered_amount_pesos: int | None
    operator_transaction_id: str | None
    #: As the provider writes it (Reloadly gives no time zone), kept as text.
    transaction_date: str | None
    #: What was asked, in its currency (COP with local amounts, else the account's).
    requested_amount: Decimal | None = None
    requested_currency: str | None = None
    #: What the line gets, exactly as the provider says it.
    delivered_amount: Decimal | None = None
    delivered_currency: str | None = None
    #: The provider's discount to the store, in ``discount_currency`` (the account's).
    discount: Decimal | None = None
    discount_currency: str | None = None

    def journal_fields(self) -> dict[str, Any]:
        # Named as the provider names them (the journal's ``pick_provider_fields`` vocabulary);
        # amounts as JSON-safe values: whole ones as ints, others as decimal text.
        fields = {
            "transactionId": self.transaction_id,
            "status": self.status.value,
            "customIdentifier": self.custom_identifier,
            "requestedAmount": _journal_amount(self.requested_amount),
            # A USD account's 2.44 must not read as pesos in the journal.
            "requestedAmountCurrencyCode": self.requested_currency,
            "deliveredAmount": self.delivered_amount_pesos,
            "operatorTransactionId": self.operator_transaction_id,
            "transactionDate": self.transaction_date,
            # What the store earned, in the account's currency (the Z report sums it).
            "discount": _journal_amount(self.discount),
            "discountCurrencyCode": self.discount_currency,
        }
        return {name: value for name, value in fields.items() if value is not None}


def _journal_amount(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else str(value)


def _error_parser(payload: Any) -> tuple[str, dict[str, list[str]]]:
    code = str(payload.get("errorCode") or "")
    message = payload.get("message")
    return code, ({"message": [str(message)]} if message else {})


def _decimal(value: Any, what: str) -> Decimal:
    """A JSON number (read as Decimal) or numeric text; never through a binary float."""
    if isinstance(value, bool) or value is None:
        raise GatewayProtocolError(SERVICE, f"{what}: not a number")
    if isinstance(value, Decimal | int | str | float):
        try:
            exact = Decimal(str(value).strip())
        except InvalidOperation:
            raise GatewayProtocolError(SERVICE, f"{what}: not a number") from None
        if exact.is_finite():
            return exact
    raise GatewayProtocolError(SERVICE, f"{what}: not a number")


def _optional_decimal(obj: Mapping[str, Any], key: str) -> Decimal | None:
    value = obj.get(key)
    return None if value is None else _decimal(value, key)


def _whole(value: Any, what: str) -> int:
    exact = _decimal(value, what)
    if exact != exact.to_integral_value():
        raise GatewayProtocolError(SERVICE, f"{what}: not a whole amount")
    return int(exact)


def _optional_whole(obj: Mapping[str, Any], key: str) -> int | None:
    value = obj.get(key)
    return None if value is None else _whole(value, key)


def _decimals(value: Any, what: str) -> tuple[Decimal, ...]:
    if value in (None, [], {}):
        return ()
    return tuple(_decimal(item, what) for item in parsing.sequence(value, SERVICE, what))


def _local_first(obj: Mapping[str, Any], key: str) -> Any:
    """Reloadly gives ``localX`` in the destination currency (COP) next to ``X`` in the
    account's currency; the local values are the pesos the line gets."""
    local = obj.get("local" + key[0].upper() + key[1:])
    return local if local not in (None, [], {}) else None


def _amount_descriptions(value: Any) -> dict[int, str]:
    """``fixedAmountsDescriptions``: a map from amount (often numeric text) to free text."""
    if value in (None, [], {}):
        return {}
    items = parsing.mapping(value, SERVICE, "fixedAmountsDescriptions").items()
    found: dict[int, str] = {}
    for key, text in items:
        amount = _decimal(key, "fixedAmountsDescriptions")
        if amount == amount.to_integral_value():
            found[int(amount)] = str(text)
    return found


def _parse_pack(item: Any, descriptions: Mapping[int, str], sample: bool) -> Pack:
    entry = parsing.mapping(item, SERVICE, "pack")
    amount = _whole(entry.get("amount"), "pack.amount")
    apps = entry.get("apps") or ()
    if isinstance(apps, str):
        apps = (apps,)
    return Pack(
        amount_pesos=amount,
        name=str(parsing.text(entry, "name", SERVICE)),
        description=str(entry.get("description") or descriptions.get(amount, "")),
        data_mb=_optional_whole(entry, "dataMb"),
        minutes=_optional_whole(entry, "minutes"),
        apps=tuple(str(app) for app in parsing.sequence(list(apps), SERVICE, "pack.apps")),
        validity_days=_optional_whole(entry, "validityDays"),
        sample_price=bool(entry.get("samplePrice", sample)),
    )


def _local_range(
    data: Mapping[str, Any], key: str, sender_amount: Decimal | None, rate: Decimal, local: bool
) -> int | None:
    """A range end in pesos: ``localMin/MaxAmount`` when given; for a COP account or a
    local-amount operator the amount itself; else the account amount converted at ``rate``
    (rounded inwards, so every peso amount in the range converts into the provider's)."""
    value = _local_first(data, key)
    if value is not None:
        return _whole(value, "local" + key)
    if sender_amount is None:
        return None
    if local or rate == 1:
        return int(sender_amount.to_integral_value(rounding=ROUND_FLOOR))
    pesos = sender_amount * rate
    if key == "minAmount":
        return int(-((-pesos).to_integral_value(rounding=ROUND_FLOOR)))
    return int(pesos.to_integral_value(rounding=ROUND_FLOOR))


def parse_operator(obj: Any) -> Operator:
    """A Reloadly operator; packs from ``packs`` or, failing that, the free-text descriptions."""
    data = parsing.mapping(obj, SERVICE, "operator")
    raw_id = data.get("operatorId", data.get("id"))
    operator_id = _whole(raw_id, "operatorId")
    sender_currency = str(data.get("senderCurrencyCode") or LOCAL_CURRENCY)
    destination_currency = str(data.get("destinationCurrencyCode") or LOCAL_CURRENCY)
    fx = data.get("fx")
    rate = Decimal(1)
    if isinstance(fx, Mapping) and fx.get("rate") is not None:
        rate = _decimal(fx.get("rate"), "fx.rate")
        if rate <= 0:
            raise GatewayProtocolError(SERVICE, "fx.rate: not positive")
    if sender_currency != LOCAL_CURRENCY and rate == 1 and destination_currency != sender_currency:
        raise GatewayProtocolError(SERVICE, "fx: no rate for a foreign account")
    local = data.get("supportsLocalAmounts", True) is not False
    fixed_sender = _decimals(data.get("fixedAmounts"), "fixedAmounts")
    local_fixed = _local_first(data, "fixedAmounts")
    if local_fixed is not None:
        fixed = tuple(
            _whole(v, "localFixedAmounts") for v in parsing.sequence(local_fixed, SERVICE, "fixed")
        )
    elif sender_currency == LOCAL_CURRENCY:
        fixed = tuple(_whole(v, "fixedAmounts") for v in fixed_sender)
    else:
        fixed = tuple(int((v * rate).to_integral_value(rounding=ROUND_FLOOR)) for v in fixed_sender)
    descriptions = _amount_descriptions(
        data.get("localFixedAmountsDescriptions") or None
    ) or _amount_descriptions(
        data.get("fixedAmountsDescriptions") if sender_currency == LOCAL_CURRENCY else None
    )
    if not descriptions and fixed_sender and len(fixed_sender) == len(fixed):
        # Keyed by the account's amounts: pair them with the local ones.
        by_sender = parsing.mapping(
            data.get("fixedAmountsDescriptions") or {}, SERVICE, "fixedAmountsDescriptions"
        )
        texts = {_decimal(k, "fixedAmountsDescriptions"): str(v) for k, v in by_sender.items()}
        descriptions = {
            pesos: texts[amount]
            for pesos, amount in zip(fixed, fixed_sender, strict=True)
            if amount in texts
        }
    is_bundle = bool(data.get("bundle", False))
    sample = data.get("samplePrices", False) is True
    if data.get("packs"):
        packs = tuple(
            _parse_pack(item, descriptions, sample)
            for item in parsing.sequence(data["packs"], SERVICE, "packs")
        )
    elif is_bundle:
        # A real provider describes bundles only in free text: the card shows that text.
        packs = tuple(
            Pack(
                amount_pesos=amount,
                name=descriptions.get(amount, ""),
                description=descriptions.get(amount, ""),
                sample_price=sample,
            )
            for amount in fixed
        )
    else:
        packs = ()
    country = data.get("country")
    country_code = ""
    country_name = ""
    if isinstance(country, Mapping):
        country_code = str(country.get("isoName") or "")
        country_name = str(country.get("name") or "")
    minimum = _optional_decimal(data, "minAmount")
    maximum = _optional_decimal(data, "maxAmount")
    return Operator(
        id=operator_id,
        name=str(parsing.text(data, "name", SERVICE)),
        country_code=country_code.upper(),
        country_name=country_name,
        denomination_type=str(data.get("denominationType") or "RANGE"),
        min_amount_pesos=_local_range(data, "minAmount", minimum, rate, local),
        max_amount_pesos=_local_range(data, "maxAmount", maximum, rate, local),
        fixed_amounts_pesos=fixed,
        is_bundle=is_bundle,
        packs=packs,
        supports_local_amounts=local,
        sender_currency=sender_currency,
        destination_currency=destination_currency,
        fx_rate=rate,
        min_amount=minimum,
        max_amount=maximum,
        fixed_amounts=fixed_sender,
    )


def parse_topup(obj: Any) -> TopupResult:
    data = parsing.mapping(obj, SERVICE, "transaction")
    raw_status = parsing.text(data, "status", SERVICE)
    try:
        status = TopupStatus(raw_status)
    except ValueError:
        raise GatewayProtocolError(SERVICE, f"unknown status {raw_status!r}") from None
    currency = data.get("deliveredAmountCurrencyCode")
    if currency not in (None, LOCAL_CURRENCY):
        raise GatewayProtocolError(SERVICE, "deliveredAmountCurrencyCode: not COP")
    delivered = _optional_decimal(data, "deliveredAmount")
    if delivered is not None and delivered < 0:
        raise GatewayProtocolError(SERVICE, "deliveredAmount: negative")
    return TopupResult(
        transaction_id=str(parsing.text(data, "transactionId", SERVICE)),
        status=status,
        custom_identifier=parsing.text(data, "customIdentifier", SERVICE, required=False),
        delivered_amount_pesos=None
        if delivered is None
        else int(delivered.to_integral_value(rounding=ROUND_FLOOR)),
        operator_transaction_id=parsing.text(
            data, "operatorTransactionId", SERVICE, required=False
        ),
        transaction_date=parsing.text(data, "transactionDate", SERVICE, required=False),
        requested_amount=_optional_decimal(data, "requestedAmount"),
        requested_currency=parsing.text(
            data, "requestedAmountCurrencyCode", SERVICE, required=False
        ),
        delivered_amount=delivered,
        delivered_currency=None if delivered is None else LOCAL_CURRENCY,
        discount=_optional_decimal(data, "discount"),
        discount_currency=parsing.text(data, "discountCurrencyCode", SERVICE, required=False),
    )


def _provider_text(fields: Mapping[str, list[str]]) -> str:
    """The provider's message for the clerk: lines and other long numbers masked."""
    text = " ".join(fields.get("message", []))[:_MAX_PROVIDER_TEXT]
    return _LONG_DIGITS.sub(lambda m: "*" * (len(m.group()) - 4) + m.group()[-4:], text)


@dataclass(frozen=True)
class AccountBalance:
    """The store's float with the provider, in its own currency."""

    amount: Decimal
    currency: str
    currency_name: str | None = None
    updated_at: str | None = None


def _page_items(payload: Any) -> tuple[list[Any], bool]:
    """Items of a plain list or of a Spring page ``{content, last}``; and whether more follow."""
    if isinstance(payload, list):
        return payload, False
    page = parsing.mapping(payload, SERVICE, "page")
    items = parsing.sequence(page.get("content"), SERVICE, "content")
    more = page.get("last") is False and bool(items)
    return items, more


class TopupClient(GatewayClient):
    """Client of a Reloadly-compatible top-up provider."""

    def __init__(
        self,
        base_url: str,
        auth_url: str,
        client_id: str,
        client_secret: str,
        audience: str,
        timeouts: TimeoutsConfig,
        session: requests.Session | None = None,
        clock: Clock = time.monotonic,
        *,
        sleep: Sleep = time.sleep,
        wallclock: Clock = time.time,
    ) -> None:
        super().__init__(
            SERVICE,
            _error_parser,
            base_url,
            timeouts,
            session=session,
            clock=clock,
            sleep=sleep,
            wallclock=wallclock,
        )
        self._auth_url = auth_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._audience = audience or self._http.base_url
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._token_lock = threading.Lock()
        #: References this client has posted a top-up under: a later attempt is a resend.
        self._sent: set[str] = set()
        self._sent_lock = threading.Lock()

    # -- OAuth ----------------------------------------------------------------------

    def _access_token(self, stale: str | None = None) -> str:
        """The current token, fetched when missing, near expiry, or refused (``stale``)."""
        with self._token_lock:
            fresh = self._token is not None and self._clock() < self._token_expires_at
            if fresh and self._token != stale:
                return str(self._token)
            body = {
                "client_id": self._client_id,
                "client_secret": self._client_secret,
                "grant_type": "client_credentials",
                "audience": self._audience,
            }
            # Asking for a token twice harms nothing, so this POST may be retried.
            answer = self._http.send(
                "POST",
                "",
                url=self._auth_url,
                label="POST oauth token",
                json_body=body,
                retry=True,
            )
            self._raise_for(answer)
            payload = parsing.mapping(decode_json(answer, SERVICE), SERVICE, "token")
            token = str(parsing.text(payload, "access_token", SERVICE))
            lifetime = float(parsing.whole_number(payload.get("expires_in"), SERVICE, "expires_in"))
            margin = min(TOKEN_MARGIN_SECONDS, lifetime / 10)
            self._token = token
            self._token_expires_at = self._clock() + lifetime - margin
            return token

    def _authorized(self, call: Callable[[dict[str, str]], Answer]) -> Answer:
        """Run ``call`` with a bearer token; on a 401 get a new token and try once more.

        Safe for a top-up too: a 401 means the provider refused it before acting.
        """
        token = self._access_token()
        answer = call(self._headers(token))
        if answer.status == 401:
            answer = call(self._headers(self._access_token(stale=token)))
        return answer

    @staticmethod
    def _headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Accept": ACCEPT}

    def _get_json(self, path: str, label: str, params: Mapping[str, Any] | None = None) -> Any:
        answer = self._authorized(
            lambda headers: self._http.get(path, label=label, params=params, headers=headers)
        )
        self._raise_for(answer)
        return _decode(answer)

    # -- operators and catalogue ----------------------------------------------------

    def detect_operator(self, line: str) -> Operator:
        """The operator serving ``line`` now (ported lines included), of Colombia:
        one of another country is a protocol error, never sold."""
        payload = self._get_json(
            f"/operators/auto-detect/phone/{quote(line, safe='')}/countries/{COUNTRY}",
            "GET operator auto-detect",
        )
        operator = parse_operator(payload)
        if not operator.is_colombian:
            raise GatewayProtocolError(SERVICE, "operator: not of Colombia")
        return operator

    def operator(self, operator_id: int) -> Operator:
        return parse_operator(self._get_json(f"/operators/{int(operator_id)}", "GET operator"))

    def catalogue(self, country: str = COUNTRY) -> list[Operator]:
        """Every operator of ``country`` with its bundles, checked by each operator's own
        ``country.isoName``: one of another country listed there is left out."""
        payload = self._get_json(
            f"/operators/countries/{quote(country, safe='')}",
            "GET operators by country",
            {"includeBundles": "true", "includeData": "true"},
        )
        items, _ = _page_items(payload)
        wanted = country.upper()
        return [op for op in map(parse_operator, items) if op.country_code == wanted]

    def catalogues(self, country: str = COUNTRY) -> list[Catalogue]:
        """One catalogue per brand of ``country`` that has a top-up operator, in the
        provider's order: every operator the store can sell."""
        return _catalogues(self.catalogue(country))

    def catalogue_for(self, brand: str, country: str = COUNTRY) -> Catalogue:
        """The brand's top-up operator and its bundle (gift pack) operator in ``country``."""
        wanted = brand.casefold()
        found = next((c for c in self.catalogues(country) if c.brand.casefold() == wanted), None)
        if found is None:
            raise GatewayProtocolError(SERVICE, "catalogue: no top-up operator for the brand")
        return found

    def catalogue_for_operator(self, detected: Operator) -> Catalogue:
        """The catalogue of the operator detection named (by id, else by brand), for a line
        of that operator; a detected operator of another country is refused."""
        if not detected.is_colombian:
            raise GatewayProtocolError(SERVICE, "operator: not of Colombia")
        catalogues = self.catalogues(detected.country_code)
        by_id = next(
            (
                c
                for c in catalogues
                if detected.id in (c.topup_operator.id, c.bundle_operator and c.bundle_operator.id)
            ),
            None,
        )
        if by_id is not None:
            return by_id
        return self.catalogue_for(detected.brand, detected.country_code)

    # -- top-ups ------------------------------------------------------------------------

    def topup(
        self,
        reference: str,
        operator_id: int,
        amount_pesos: int,
        line: str,
        sender_line: str | None = None,
        *,
        operator: Operator | None = None,
    ) -> TopupResult:
        """Send one top-up (or gift pack) under ``reference`` so that the line gets
        ``amount_pesos``; never resent by this client.

        The amount follows the operator (``operator``, else read fresh from the provider):
        COP with ``useLocalAmount`` where it takes local amounts, else converted into the
        account's currency (kiosk.domain.fx). Raises TopupAlreadySubmitted when the provider
        already has a top-up under ``reference`` and OutcomeUnknown when the result cannot
        be known: both are settled by a look-up.
        """
        if isinstance(amount_pesos, bool) or not isinstance(amount_pesos, int) or amount_pesos <= 0:
            raise ValueError("amount must be a positive whole number of pesos")
        if operator is None or operator.id != int(operator_id):
            operator = self.operator(int(operator_id))
        sent = operator.send_amount(amount_pesos)
        body: dict[str, Any] = {
            "operatorId": int(operator_id),
            "amount": sent.amount,
            "useLocalAmount": sent.use_local,
            "customIdentifier": reference,
            "recipientPhone": {"countryCode": COUNTRY, "number": line},
        }
        if sender_line:
            body["senderPhone"] = {"countryCode": COUNTRY, "number": sender_line}
        with self._sent_lock:
            resend = reference in self._sent
            self._sent.add(reference)
        try:
            answer = self._authorized(
                lambda headers: self._http.send(
                    "POST",
                    "/topups",
                    label="POST topup",
                    json_body=_wire(body),
                    headers=headers,
                    create_reference=reference,
                )
            )
        except GatewayUnavailable:
            # Surely not sent (no token, no connection): this attempt counts for nothing.
            if not resend:
                with self._sent_lock:
                    self._sent.discard(reference)
            raise
        if 400 <= answer.status < 500:
            self._raise_refusal(answer, reference, resend=resend)
        self._raise_for(answer, reference)
        payload = _decode(answer, reference)
        try:
            return parse_topup(payload)
        except GatewayProtocolError as exc:
            raise OutcomeUnknown(
                SERVICE, reference, "unreadable", detail=exc.params["detail"]
            ) from None

    def _raise_refusal(self, answer: Answer, reference: str, *, resend: bool) -> None:
        """A 4xx to a top-up. Never read as final before a look-up: a top-up under the
        reference may exist (an earlier attempt), and Reloadly does not document how it
        answers a reused ``customIdentifier``."""
        try:
            self._raise_for(answer, reference)
        except GatewayUnauthorized:
            raise  # keys or token refused: the provider acted on nothing
        except GatewayRejected as exc:
            if exc.error_code in CREDENTIAL_CODES:
                raise GatewayUnauthorized(
                    SERVICE, exc.params["status"], exc.error_code, exc.fields
                ) from None
            try:
                earlier = self.find_by_custom_identifier(reference)
            except GatewayError:
                raise OutcomeUnknown(SERVICE, reference, "refusal_unconfirmed") from None
            if earlier is not None:
                raise TopupAlreadySubmitted(reference) from None
            if resend:
                # This client sent one before: it may still be landing. Only a later
                # look-up settles it.
                raise OutcomeUnknown(SERVICE, reference, "refusal_of_resend") from None
            code = REFUSALS.get(exc.error_code, UNKNOWN_REFUSAL)
            said = _provider_text(exc.fields)
            raise TopupRejected(
                SERVICE,
                exc.params["status"],
                exc.error_code,
                {"message": [said]} if said else {},
                code=code,
                provider_message=said,
            ) from None

    def find_by_custom_identifier(self, reference: str) -> TopupResult | None:
        """The top-up sent under ``reference``, or None if the provider has none."""
        payload = self._get_json(
            "/topups/reports/transactions",
            "GET topups by custom identifier",
            {"customIdentifier": reference},
        )
        items, _ = _page_items(payload)
        found = [parse_topup(item) for item in items]
        found = [item for item in found if item.custom_identifier == reference]
        if not found:
            return None
        # One per identifier is the provider's rule; if it ever breaks, prefer a delivery.
        return next((item for item in found if item.status.delivered), found[-1])

    def get_transaction(self, transaction_id: str | int) -> TopupResult:
        payload = self._get_json(
            f"/topups/reports/transactions/{quote(str(transaction_id), safe='')}",
            "GET topup transaction",
        )
        return parse_topup(payload)

    def account_balance(self) -> AccountBalance:
        """The store's float with the provider, in its own currency (COP, USD, …)."""
        payload = parsing.mapping(
            self._get_json("/accounts/balance", "GET account balance"), SERVICE, "balance"
        )
        currency = parsing.text(payload, "currencyCode", SERVICE, required=False)
        return AccountBalance(
            amount=_decimal(payload.get("balance"), "balance"),
            currency=currency or LOCAL_CURRENCY,
            currency_name=parsing.text(payload, "currencyName", SERVICE, required=False),
            updated_at=parsing.text(payload, "updatedAt", SERVICE, required=False),
        )


def _decode(answer: Answer, reference: str | None = None) -> Any:
    """The answer's JSON with every decimal read as Decimal (errors as decode_json's)."""
    try:
        return json.loads(answer.body.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError):
        return decode_json(answer, SERVICE, reference)


def _wire(body: dict[str, Any]) -> dict[str, Any]:
    """The body with its Decimal amount as a JSON number: whole amounts as ints, others
    as floats, whose shortest text is the decimal itself (``2.44``)."""
    amount = body["amount"]
    if isinstance(amount, Decimal):
        whole = amount == amount.to_integral_value()
        body = {**body, "amount": int(amount) if whole else float(amount)}
    return body


def _catalogues(operators: list[Operator]) -> list[Catalogue]:
    brands: dict[str, list[Operator]] = {}
    for op in operators:
        brands.setdefault(op.brand.casefold(), []).append(op)
    found = []
    for mine in brands.values():
        topup = next((op for op in mine if not op.is_bundle), None)
        bundle = next((op for op in mine if op.is_bundle), None)
        if topup is not None:
            found.append(Catalogue(topup_operator=topup, bundle_operator=bundle))
    return found
