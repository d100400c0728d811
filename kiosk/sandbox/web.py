"""Requests, responses and a small router, so each service is a set of plain functions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    body: bytes
    #: Path parameters filled in by the router.
    params: Mapping[str, str] = field(default_factory=dict)

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def bearer(self) -> str | None:
        """The token of ``Authorization: Bearer <token>``, or None."""
        value = self.headers.get("Authorization") or ""
        scheme, _, token = value.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return token.strip()

    def json(self) -> Any:
        """The body as JSON; raises ValueError when it is not."""
        return json.loads(self.body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        """An ``application/x-www-form-urlencoded`` body, first value of each field."""
        parsed = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {key: values[0] for key, values in parsed.items()}


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds the handler thread waits before answering (the simulated slow bank or line).
    delay_seconds: float = 0.0


def json_response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Response(status, body, JSON_TYPE, dict(headers or {}))


def html_response(status: int, text: str) -> Response:
    return Response(status, text.encode("utf-8"), HTML_TYPE)


def redirect(location: str) -> Response:
    """303 See Other: after a form POST the browser GETs the next page."""
    return Response(303, b"", HTML_TYPE, {"Location": location})


Handler = Callable[[Request], Response]


class RouteMissing(Exception):
    """No route has this path."""


class MethodMissing(Exception):
    """The path exists, but not with this method."""

    def __init__(self, allowed: list[str]) -> None:
        super().__init__(", ".join(allowed))
        self.allowed = allowed


class Router:
    """Paths like ``/v1/transactions/{id}``; a parameter matches one path segment."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []

    def add(self, method: str, pattern: str, handler: Handler) -> None:
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(pattern))
        self._routes.append((method, re.compile(f"^{regex}$"), handler))

    def resolve(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        allowed: list[str] = []
        for route_method, regex, handler in self._routes:
            match = regex.match(path)
            if match is None:
                continue
            if route_method == method:
                return handler, {k: unquote(v) for k, v in match.groupdict().items()}
            allowed.append(route_method)
        if allowed:
            raise MethodMissing(sorted(set(allowed)))
        raise RouteMissing(path)


def coded_error(
    status: int,
    code: str,
    message: str,
    *,
    path: str,
    stamp: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The top-up provider's error shape (also used by line services and sandbox endpoints)."""
    payload: dict[str, object] = {
        "timeStamp": stamp,
        "message": message,
        "path": path,
        "errorCode": code,
        "infoLink": None,
        "details": [],
    }
    return json_response(status, payload, headers)
