"""The sandbox's credentials and timings: plain values, overridable by flags and tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class SandboxTiming:
    """How long the simulated banks and lines take; tests shrink these or drive a fake clock."""

    pse_settle_seconds: float = 5.0  # banks 1/2/3 reach their final status this long after create
    slow_bank_seconds: float = 3.0  # bank 5 answers the create only after this
    slow_line_seconds: float = 10.0  # line 3000000002: top-up answered only after this
    otp_ttl_seconds: float = 300.0
    otp_lock_seconds: float = 900.0
    checkout_ttl_default_seconds: float = 600.0
    token_ttl_seconds: float = 3600.0  # top-up OAuth access tokens
    #: The provider refuses a second top-up to one number within this (PHONE_RECENTLY_RECHARGED).
    recently_recharged_seconds: float = 120.0
    processing_success_seconds: float = 20.0  # line 3000000004: PROCESSING, then SUCCESSFUL
    processing_refund_seconds: float = 10.0  # line 3000000006: PROCESSING, then REFUNDED


#: Account currencies the sandbox can simulate.
ACCOUNT_CURRENCIES = ("COP", "USD")


@dataclass(frozen=True)
class SandboxAccount:
    """The store's account with the top-up provider: its currency and the COP rate.

    In COP (the default) every amount is in pesos. In USD, operators that do not take
    local amounts take USD, and ``fx_rate`` pesos make one dollar.
    """

    currency: str = "COP"
    fx_rate: Decimal = field(default=Decimal(4100))

    def __post_init__(self) -> None:
        if self.currency not in ACCOUNT_CURRENCIES:
            raise ValueError("la moneda de la cuenta de recargas debe ser COP o USD")
        rate = Decimal(str(self.fx_rate))
        if not rate.is_finite() or rate <= 0:
            raise ValueError("la tasa de cambio debe ser un número positivo")
        object.__setattr__(self, "fx_rate", rate)


@dataclass(frozen=True)
class SandboxKeys:
    """Default sandbox credentials (documented in the README); every one can be overridden."""

    public_key: str = "pub_test_kiosk"
    private_key: str = "prv_test_kiosk"
    integrity_secret: str = "test_integrity_kiosk"
    events_secret: str = "test_events_kiosk"
    topup_client_id: str = "kiosk-sandbox"
    topup_client_secret: str = "kiosk-sandbox-secret"
    lines_api_key: str = "lines_test_kiosk"


def check_keys(keys: SandboxKeys) -> None:
    """Refuse keys a real test environment would never issue, so misconfiguration shows early."""
    if not keys.public_key.startswith("pub_test_"):
        raise ValueError("la llave pública del sandbox debe empezar por pub_test_")
    if not keys.private_key.startswith("prv_test_"):
        raise ValueError("la llave privada del sandbox debe empezar por prv_test_")
    pse = [keys.public_key, keys.private_key, keys.integrity_secret, keys.events_secret]
    if any(not value for value in pse) or len(set(pse)) != len(pse):
        raise ValueError("las cuatro llaves PSE deben ser textos distintos y no vacíos")
    if not (keys.topup_client_id and keys.topup_client_secret and keys.lines_api_key):
        raise ValueError("el cliente de recargas y la llave de líneas no pueden estar vacíos")
