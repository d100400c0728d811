"""Strict readers for gateway JSON: a missing field or a strange value is a protocol error.

Error details name the field, never its value (values can be personal data).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, overload

from kiosk.gateways.errors import GatewayProtocolError


def mapping(value: Any, service: str, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise GatewayProtocolError(service, f"{what}: not an object")
    return value


def sequence(value: Any, service: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise GatewayProtocolError(service, f"{what}: not a list")
    return value


@overload
def text(
    obj: Mapping[str, Any], key: str, service: str, *, required: Literal[True] = ...
) -> str: ...
@overload
def text(obj: Mapping[str, Any], key: str, service: str, *, required: bool) -> str | None: ...
def text(obj: Mapping[str, Any], key: str, service: str, *, required: bool = True) -> str | None:
    """``obj[key]`` as text (a JSON string or integer); None only when not ``required``."""
    value = obj.get(key)
    if value is None:
        if required:
            raise GatewayProtocolError(service, f"{key}: missing")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise GatewayProtocolError(service, f"{key}: not text")
    return str(value)


def whole_number(value: Any, service: str, what: str) -> int:
    """A JSON number (or numeric text, as in Reloadly's description keys) that is whole."""
    if isinstance(value, bool):
        raise GatewayProtocolError(service, f"{what}: not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float | str):
        try:
            exact = Decimal(str(value).strip())
        except InvalidOperation:
            raise GatewayProtocolError(service, f"{what}: not a number") from None
        if exact.is_finite() and exact == exact.to_integral_value():
            return int(exact)
        raise GatewayProtocolError(service, f"{what}: not a whole amount")
    raise GatewayProtocolError(service, f"{what}: not a number")


def optional_whole(obj: Mapping[str, Any], key: str, service: str) -> int | None:
    value = obj.get(key)
    return None if value is None else whole_number(value, service, key)


def timestamp(value: Any, service: str, what: str) -> datetime | None:
    """ISO-8601 text to an aware datetime (UTC when the gateway gives no offset)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise GatewayProtocolError(service, f"{what}: not a timestamp")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise GatewayProtocolError(service, f"{what}: not a timestamp") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def error_fields(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Flatten a gateway's ``{field: [text]}`` (possibly nested) to dotted field names."""
    fields: dict[str, list[str]] = {}
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            name = f"{prefix}{key}"
            if isinstance(value, Mapping):
                fields.update(error_fields(value, f"{name}."))
            elif isinstance(value, list):
                fields[name] = [str(item) for item in value]
            else:
                fields[name] = [str(value)]
    return fields
