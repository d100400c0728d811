"""Typed errors of the gateway clients: a code and parameters, never text.

Parameters stay free of secrets and personal data: no URLs (they may hold keys
or phone lines), no headers, no payer data. ``service`` names the gateway
("pse", "topups" or "lines") so a screen can say which one failed.
"""

from __future__ import annotations

from typing import Any

from kiosk.domain.errors import KioskError


class GatewayError(KioskError):
    """Base of every error a gateway client raises."""

    family = "gateway"


class GatewayUnavailable(GatewayError):
    """Nothing usable came back: network down, refused, timed out, 5xx, 429.

    Safe to try again later: for a create it is raised only when the request
    surely never reached the gateway (otherwise :class:`OutcomeUnknown`).
    """

    def __init__(self, service: str, reason: str, **params: Any) -> None:
        code = "gateway.rate_limited" if reason == "rate_limited" else "gateway.unavailable"
        super().__init__(code, service=service, reason=reason, **params)

    @property
    def retry_after(self) -> float | None:
        return self.params.get("retry_after")


class GatewayRejected(GatewayError):
    """The gateway read the request and refused it (4xx).

    ``fields`` maps a request field to the gateway's messages about it;
    ``error_code`` is the gateway's own code (``INPUT_VALIDATION_ERROR``,
    ``PROVIDER_REFUSED``, …).
    """

    default_code = "gateway.rejected"

    def __init__(
        self,
        service: str,
        status: int,
        error_code: str = "",
        fields: dict[str, list[str]] | None = None,
        *,
        code: str = "",
        **params: Any,
    ) -> None:
        super().__init__(
            code or self.default_code,
            service=service,
            status=status,
            error_code=error_code,
            fields=fields or {},
            **params,
        )

    @property
    def error_code(self) -> str:
        error_code: str = self.params["error_code"]
        return error_code

    @property
    def fields(self) -> dict[str, list[str]]:
        fields: dict[str, list[str]] = self.params["fields"]
        return fields


class GatewayUnauthorized(GatewayRejected):
    """Keys or token refused (401/403): a configuration problem, not the customer's."""

    default_code = "gateway.unauthorized"


class GatewayNotFound(GatewayRejected):
    """The transaction, operator or line does not exist at the gateway (404)."""

    default_code = "gateway.not_found"


class GatewayProtocolError(GatewayError):
    """An answer that cannot be understood: bad JSON, HTML, an unknown status."""

    def __init__(self, service: str, detail: str, **params: Any) -> None:
        super().__init__("gateway.protocol", service=service, detail=detail, **params)


class OutcomeUnknown(GatewayError):
    """A create or a top-up may or may not have happened.

    Raised after the request may have reached the gateway (read timeout, a
    dropped connection, 5xx, an unreadable answer). Never read it as a
    refusal: settle it by looking the reference up.
    """

    default_code = "gateway.outcome_unknown"

    def __init__(self, service: str, reference: str, cause: str, **params: Any) -> None:
        super().__init__(
            params.pop("code", self.default_code),
            service=service,
            reference=reference,
            cause=cause,
            **params,
        )

    @property
    def reference(self) -> str:
        reference: str = self.params["reference"]
        return reference


class TopupAlreadySubmitted(OutcomeUnknown):
    """A top-up under this reference was already sent (409): look it up, never resend."""

    default_code = "topup.duplicate"

    def __init__(self, reference: str) -> None:
        super().__init__("topups", reference, "duplicate")


class TopupRejected(GatewayRejected):
    """The provider refused a top-up: nothing was delivered."""


class LineCodeRejected(GatewayRejected):
    """A one-time code that is wrong or expired."""


class LineLocked(GatewayRejected):
    """Too many wrong codes: the line is locked for ``retry_after`` seconds."""

    default_code = "lines.locked"

    @property
    def retry_after(self) -> float | None:
        return self.params.get("retry_after")
