"""The operator's line services (balance behind a one-time code) and the SMS outbox.

Not part of any aggregator's API: a small API of our own, modelled on what an operator
partner would offer (GATEWAYS.md §2). Codes are rate-limited and lock the line after
repeated wrong guesses.
"""

from __future__ import annotations

import hmac
import math
import secrets
from datetime import datetime, timedelta

from kiosk.sandbox import phones
from kiosk.sandbox.catalogue import serving_operator
from kiosk.sandbox.web import Request, Response, coded_error, json_response
from kiosk.sandbox.world import Line, World, iso_utc

MAX_CODES_PER_WINDOW = 3
CODE_WINDOW = timedelta(minutes=10)
MAX_WRONG_CODES = 5


def _seconds_until(moment: datetime, now: datetime) -> str:
    return str(max(1, math.ceil((moment - now).total_seconds())))


class LineServices:
    def __init__(self, world: World) -> None:
        self._world = world

    def _error(
        self, request: Request, status: int, code: str, message: str, retry_after: str | None = None
    ) -> Response:
        headers = {"Retry-After": retry_after} if retry_after else None
        return coded_error(
            status,
            code,
            message,
            path=request.path,
            stamp=iso_utc(self._world.now()),
            headers=headers,
        )

    def _claro_line(self, request: Request) -> tuple[Line | None, Response | None]:
        """Check the API key and the number; the line must be Claro's today."""
        given = request.bearer() or ""
        if not hmac.compare_digest(given.encode("utf-8"), self._world.keys.lines_api_key.encode()):
            return None, self._error(request, 401, "INVALID_API_KEY", "Llave de API no válida")
        number = phones.national_mobile(request.params["number"])
        if number is None:
            return None, self._error(
                request, 400, "INVALID_PHONE_NUMBER", "No es un número móvil de Colombia"
            )
        if serving_operator(number).brand != "Claro":
            return None, self._error(
                request, 404, "LINE_NOT_FOUND", "La línea no es de Claro (fue portada)"
            )
        return self._world.line(number), None

    def _locked(self, request: Request, line: Line, now: datetime) -> Response | None:
        if line.locked_until is not None and now < line.locked_until:
            return self._error(
                request,
                429,
                "LINE_LOCKED",
                "Demasiados códigos errados: la consulta está bloqueada por un tiempo",
                _seconds_until(line.locked_until, now),
            )
        if line.locked_until is not None:
            line.locked_until = None
            line.wrong_codes = 0
        return None

    def send_code(self, request: Request) -> Response:
        with self._world.lock:
            line, refusal = self._claro_line(request)
            if refusal or line is None:
                return refusal  # type: ignore[return-value]
            now = self._world.now()
            locked = self._locked(request, line, now)
            if locked:
                return locked
            line.otp_sent_at = [t for t in line.otp_sent_at if now - t < CODE_WINDOW]
            if len(line.otp_sent_at) >= MAX_CODES_PER_WINDOW:
                return self._error(
                    request,
                    429,
                    "TOO_MANY_CODES",
                    "Se enviaron demasiados códigos a esta línea; espere unos minutos",
                    _seconds_until(line.otp_sent_at[0] + CODE_WINDOW, now),
                )
            ttl = self._world.timing.otp_ttl_seconds
            # A new code replaces the previous one; wrong guesses never do.
            line.otp_code = f"{secrets.randbelow(10**6):06d}"
            line.otp_expires_at = now + timedelta(seconds=ttl)
            line.otp_sent_at.append(now)
            minutes = max(1, round(ttl / 60))
            self._world.send_sms(
                line.number,
                f"Claro: tu código para consultar el saldo es {line.otp_code}. "
                f"Vence en {minutes} minutos. No lo compartas con nadie.",
            )
            return json_response(200, {"status": "SENT", "expires_in_seconds": math.floor(ttl)})

    def balance(self, request: Request) -> Response:
        with self._world.lock:
            line, refusal = self._claro_line(request)
            if refusal or line is None:
                return refusal  # type: ignore[return-value]
            now = self._world.now()
            locked = self._locked(request, line, now)
            if locked:
                return locked
            given = (request.headers.get("X-OTP") or "").strip()
            if not given:
                return self._error(request, 403, "OTP_REQUIRED", "Falta el código (X-OTP)")
            if line.otp_code is not None and hmac.compare_digest(given, line.otp_code):
                assert line.otp_expires_at is not None
                if now >= line.otp_expires_at:
                    return self._error(request, 403, "OTP_EXPIRED", "El código venció")
                # The code stays valid until it expires: a repeated GET is harmless.
                line.wrong_codes = 0
                active = [p for p in line.packs if p.expires_at > now]
                return json_response(
                    200,
                    {
                        "number": line.number,
                        "balance": line.balance,
                        "currencyCode": "COP",
                        "packs": [
                            {"name": p.name, "expires_at": iso_utc(p.expires_at)} for p in active
                        ],
                    },
                )
            line.wrong_codes += 1
            if line.wrong_codes >= MAX_WRONG_CODES:
                line.locked_until = now + timedelta(seconds=self._world.timing.otp_lock_seconds)
                line.otp_code = line.otp_expires_at = None
                return self._locked(request, line, now) or self._error(
                    request, 429, "LINE_LOCKED", "Consulta bloqueada"
                )
            return self._error(request, 403, "INVALID_OTP", "El código no es correcto")


def sms_outbox(world: World, request: Request) -> Response:
    """``GET /sandbox/sms[?to=NUMBER]``: every message sent, oldest first."""
    raw = request.arg("to")
    number = phones.national_mobile(raw) if raw else None
    if raw and number is None:
        return coded_error(
            400,
            "INVALID_PHONE_NUMBER",
            "No es un número móvil de Colombia",
            path=request.path,
            stamp=iso_utc(world.now()),
        )
    return json_response(200, {"data": world.outbox(number)})
