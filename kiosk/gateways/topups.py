"""Top-ups and gift packs through a Reloadly-compatible provider (GATEWAYS.md §2).

``customIdentifier`` is the sale reference and the idempotency key: the
provider refuses a second top-up under it (409), which this client reads as
"already submitted: look it up" (:class:`TopupAlreadySubmitted`), never as a
failure. A top-up is sent once; a timeout or an unreadable answer is an
:class:`OutcomeUnknown` settled by :meth:`TopupClient.find_by_custom_identifier`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import quote

import requests

from kiosk.config import TimeoutsConfig
from kiosk.domain.catalogue import Catalogue, Operator, Pack
from kiosk.gateways import parsing
from kiosk.gateways.answers import Answer, decode_json
from kiosk.gateways.base import GatewayClient
from kiosk.gateways.errors import (
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnauthorized,
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

#: Provider refusal codes with a message of their own; others stay "gateway.rejected".
_REFUSALS = {
    "PROVIDER_REFUSED": "topup.refused",
    "INVALID_PHONE_NUMBER": "topup.invalid_line",
    "AMOUNT_OUT_OF_RANGE": "topup.amount_out_of_range",
    "INSUFFICIENT_BALANCE": "topup.insufficient_balance",
}

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
    delivered_amount_pesos: int | None
    operator_transaction_id: str | None
    #: As the provider writes it (Reloadly gives no time zone), kept as text.
    transaction_date: str | None

    def journal_fields(self) -> dict[str, Any]:
        # Named as the provider names them (the journal's ``pick_provider_fields`` vocabulary).
        fields = {
            "transactionId": self.transaction_id,
            "status": self.status.value,
            "customIdentifier": self.custom_identifier,
            "deliveredAmount": self.delivered_amount_pesos,
            "operatorTransactionId": self.operator_transaction_id,
            "transactionDate": self.transaction_date,
        }
        return {name: value for name, value in fields.items() if value is not None}


def _error_parser(payload: Any) -> tuple[str, dict[str, list[str]]]:
    code = str(payload.get("errorCode") or "")
    message = payload.get("message")
    return code, ({"message": [str(message)]} if message else {})


def _local_first(obj: Mapping[str, Any], key: str) -> Any:
    """Reloadly gives ``localX`` in the destination currency (COP) next to ``X`` in the
    account's currency; with ``useLocalAmount`` the local values are the ones we send."""
    local = obj.get("local" + key[0].upper() + key[1:])
    return local if local not in (None, [], {}) else obj.get(key)


def _amount_descriptions(value: Any) -> dict[int, str]:
    """``fixedAmountsDescriptions``: a map from amount (often numeric text) to free text."""
    if value in (None, [], {}):
        return {}
    items = parsing.mapping(value, SERVICE, "fixedAmountsDescriptions").items()
    return {parsing.whole_number(k, SERVICE, "fixedAmountsDescriptions"): str(v) for k, v in items}


def _parse_pack(item: Any, descriptions: Mapping[int, str], sample: bool) -> Pack:
    entry = parsing.mapping(item, SERVICE, "pack")
    amount = parsing.whole_number(entry.get("amount"), SERVICE, "pack.amount")
    apps = entry.get("apps") or ()
    if isinstance(apps, str):
        apps = (apps,)
    return Pack(
        amount_pesos=amount,
        name=str(parsing.text(entry, "name", SERVICE)),
        description=str(entry.get("description") or descriptions.get(amount, "")),
        data_mb=parsing.optional_whole(entry, "dataMb", SERVICE),
        minutes=parsing.optional_whole(entry, "minutes", SERVICE),
        apps=tuple(str(app) for app in parsing.sequence(list(apps), SERVICE, "pack.apps")),
        validity_days=parsing.optional_whole(entry, "validityDays", SERVICE),
        sample_price=bool(entry.get("samplePrice", sample)),
    )


def parse_operator(obj: Any) -> Operator:
    """A Reloadly operator; packs from ``packs`` or, failing that, the free-text descriptions."""
    data = parsing.mapping(obj, SERVICE, "operator")
    raw_id = data.get("operatorId", data.get("id"))
    operator_id = parsing.whole_number(raw_id, SERVICE, "operatorId")
    fixed = tuple(
        parsing.whole_number(value, SERVICE, "fixedAmounts")
        for value in parsing.sequence(_local_first(data, "fixedAmounts") or [], SERVICE, "fixed")
    )
    descriptions = _amount_descriptions(_local_first(data, "fixedAmountsDescriptions"))
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
    country_code = country.get("isoName", COUNTRY) if isinstance(country, Mapping) else COUNTRY
    minimum = _local_first(data, "minAmount")
    maximum = _local_first(data, "maxAmount")
    return Operator(
        id=operator_id,
        name=str(parsing.text(data, "name", SERVICE)),
        country_code=str(country_code),
        denomination_type=str(data.get("denominationType") or "RANGE"),
        min_amount_pesos=None if minimum is None else parsing.whole_number(minimum, SERVICE, "min"),
        max_amount_pesos=None if maximum is None else parsing.whole_number(maximum, SERVICE, "max"),
        fixed_amounts_pesos=fixed,
        is_bundle=is_bundle,
        packs=packs,
    )


def parse_topup(obj: Any) -> TopupResult:
    data = parsing.mapping(obj, SERVICE, "transaction")
    raw_status = parsing.text(data, "status", SERVICE)
    try:
        status = TopupStatus(raw_status)
    except ValueError:
        raise GatewayProtocolError(SERVICE, f"unknown status {raw_status!r}") from None
    currency = data.get("deliveredAmountCurrencyCode")
    if currency not in (None, CURRENCY):
        raise GatewayProtocolError(SERVICE, "deliveredAmountCurrencyCode: not COP")
    delivered = data.get("deliveredAmount")
    return TopupResult(
        transaction_id=str(parsing.text(data, "transactionId", SERVICE)),
        status=status,
        custom_identifier=parsing.text(data, "customIdentifier", SERVICE, required=False),
        delivered_amount_pesos=None
        if delivered is None
        else parsing.whole_number(delivered, SERVICE, "deliveredAmount"),
        operator_transaction_id=parsing.text(
            data, "operatorTransactionId", SERVICE, required=False
        ),
        transaction_date=parsing.text(data, "transactionDate", SERVICE, required=False),
    )


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
        return decode_json(answer, SERVICE)

    # -- operators and catalogue ----------------------------------------------------

    def detect_operator(self, line: str) -> Operator:
        """The operator serving ``line`` now (ported lines included)."""
        payload = self._get_json(
            f"/operators/auto-detect/phone/{quote(line, safe='')}/countries/{COUNTRY}",
            "GET operator auto-detect",
        )
        return parse_operator(payload)

    def operator(self, operator_id: int) -> Operator:
        return parse_operator(self._get_json(f"/operators/{int(operator_id)}", "GET operator"))

    def catalogue(self, country: str = COUNTRY) -> list[Operator]:
        """Every operator of ``country`` with its bundles."""
        operators: list[Operator] = []
        for page in range(1, _MAX_PAGES + 1):
            params = {"countryCode": country, "includeBundles": "true"}
            if page > 1:
                params["page"] = str(page)
            items, more = _page_items(self._get_json("/operators", "GET operators", params))
            operators.extend(parse_operator(item) for item in items)
            if not more:
                break
        return operators

    def catalogue_for(self, brand: str, country: str = COUNTRY) -> Catalogue:
        """The brand's top-up operator and its bundle (gift pack) operator."""
        wanted = brand.casefold()
        mine = [op for op in self.catalogue(country) if op.brand.casefold() == wanted]
        topup = next((op for op in mine if not op.is_bundle), None)
        bundle = next((op for op in mine if op.is_bundle), None)
        if topup is None:
            raise GatewayProtocolError(SERVICE, "catalogue: no top-up operator for the brand")
        return Catalogue(topup_operator=topup, bundle_operator=bundle)

    # -- top-ups ------------------------------------------------------------------------

    def topup(
        self,
        reference: str,
        operator_id: int,
        amount_pesos: int,
        line: str,
        sender_line: str | None = None,
    ) -> TopupResult:
        """Send one top-up (or gift pack) under ``reference``; never resent by this client.

        Raises TopupAlreadySubmitted on a duplicate reference and OutcomeUnknown
        when the result cannot be known: both are settled by a look-up.
        """
        if isinstance(amount_pesos, bool) or not isinstance(amount_pesos, int) or amount_pesos <= 0:
            raise ValueError("amount must be a positive whole number of pesos")
        body: dict[str, Any] = {
            "operatorId": int(operator_id),
            "amount": amount_pesos,
            "useLocalAmount": True,
            "customIdentifier": reference,
            "recipientPhone": {"countryCode": COUNTRY, "number": line},
        }
        if sender_line:
            body["senderPhone"] = {"countryCode": COUNTRY, "number": sender_line}
        answer = self._authorized(
            lambda headers: self._http.send(
                "POST",
                "/topups",
                label="POST topup",
                json_body=body,
                headers=headers,
                create_reference=reference,
            )
        )
        if 400 <= answer.status < 500:
            self._raise_refusal(answer, reference)
        self._raise_for(answer, reference)
        payload = decode_json(answer, SERVICE, reference)
        try:
            return parse_topup(payload)
        except GatewayProtocolError as exc:
            raise OutcomeUnknown(
                SERVICE, reference, "unreadable", detail=exc.params["detail"]
            ) from None

    def _raise_refusal(self, answer: Answer, reference: str) -> None:
        try:
            self._raise_for(answer, reference)
        except GatewayUnauthorized:
            raise
        except GatewayRejected as exc:
            if exc.error_code == "DUPLICATED_CUSTOM_IDENTIFIER" or exc.params["status"] == 409:
                raise TopupAlreadySubmitted(reference) from None
            code = _REFUSALS.get(exc.error_code)
            if code:
                raise TopupRejected(
                    SERVICE, exc.params["status"], exc.error_code, exc.fields, code=code
                ) from None
            raise

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

    def account_balance(self) -> int:
        """The store's float with the provider, in whole pesos."""
        payload = parsing.mapping(
            self._get_json("/accounts/balance", "GET account balance"), SERVICE, "balance"
        )
        currency = payload.get("currencyCode")
        if currency not in (None, CURRENCY):
            raise GatewayProtocolError(SERVICE, "currencyCode: not COP")
        return parsing.whole_number(payload.get("balance"), SERVICE, "balance")
