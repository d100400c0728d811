"""The sandbox provider's operators: Claro's top-ups, Claro's gift packs, Movistar for ported lines.

Pack names follow Claro's prepaid packs; their prices are SAMPLES, marked as such on the
operator (``samplePrices``) and in every description, never the operator's real prices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.sandbox.phones import PORTED_LINE

CLARO_TOPUP_ID = 901
CLARO_PACKS_ID = 902
MOVISTAR_TOPUP_ID = 903

SAMPLE_MARK = "(precio de muestra)"


@dataclass(frozen=True)
class Pack:
    amount: int
    name: str
    data_mb: int
    minutes: int
    apps: tuple[str, ...]
    validity_days: int

    def summary(self) -> str:
        """``3 GB, 150 minutos, WhatsApp y Facebook``: what a card or an SMS says."""
        parts = []
        if self.data_mb:
            parts.append(
                f"{self.data_mb // 1024} GB" if self.data_mb >= 1024 else f"{self.data_mb} MB"
            )
        if self.minutes:
            parts.append(f"{self.minutes} minutos")
        if self.apps:
            apps = list(self.apps)
            parts.append(apps[0] if len(apps) == 1 else ", ".join(apps[:-1]) + " y " + apps[-1])
        return ", ".join(parts)

    def description(self) -> str:
        return f"{self.name}: {self.summary()} {SAMPLE_MARK}"


PACKS: tuple[Pack, ...] = (
    Pack(3_000, "Paquete Redes Sociales 3 días", 512, 0, ("WhatsApp", "Facebook", "Instagram"), 3),
    Pack(5_000, "Todo Incluido 3 días", 1_024, 50, ("WhatsApp", "Facebook"), 3),
    Pack(6_000, "Paquete de Minutos 7 días", 0, 200, (), 7),
    Pack(10_000, "Todo Incluido 7 días", 3_072, 150, ("WhatsApp", "Facebook", "Instagram"), 7),
    Pack(20_000, "Todo Incluido 15 días", 8_192, 300, ("WhatsApp", "Facebook", "Instagram"), 15),
    Pack(
        35_000,
        "Todo Incluido 30 días",
        20_480,
        1_000,
        ("WhatsApp", "Facebook", "Instagram", "TikTok"),
        30,
    ),
)


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    brand: str
    bundle: bool
    min_amount: int | None = None
    max_amount: int | None = None
    packs: tuple[Pack, ...] = ()

    @property
    def denomination_type(self) -> str:
        return "FIXED" if self.packs else "RANGE"

    @property
    def fixed_amounts(self) -> list[int]:
        return [pack.amount for pack in self.packs]

    def pack_for(self, amount: int) -> Pack | None:
        return next((pack for pack in self.packs if pack.amount == amount), None)

    def accepts(self, amount: int) -> bool:
        if self.packs:
            return amount in self.fixed_amounts
        assert self.min_amount is not None and self.max_amount is not None
        return self.min_amount <= amount <= self.max_amount


OPERATORS: dict[int, Operator] = {
    op.id: op
    for op in (
        Operator(CLARO_TOPUP_ID, "Claro Colombia", "Claro", False, 1_000, 100_000),
        Operator(CLARO_PACKS_ID, "Claro Colombia Paquetes", "Claro", True, packs=PACKS),
        Operator(MOVISTAR_TOPUP_ID, "Movistar Colombia", "Movistar", False, 1_000, 100_000),
    )
}

SUGGESTED_AMOUNTS = [2_000, 5_000, 10_000, 20_000, 50_000]


def serving_operator(number: str) -> Operator:
    """The top-up operator that serves the line today (ported lines included)."""
    return OPERATORS[MOVISTAR_TOPUP_ID if number == PORTED_LINE else CLARO_TOPUP_ID]


def _amount_key(amount: int) -> str:
    # Reloadly keys its descriptions by the amount written with two decimals.
    return f"{amount}.00"


def operator_json(op: Operator) -> dict[str, Any]:
    """The operator in Reloadly's shape (the account is in COP: local amounts = sender amounts)."""
    descriptions = {_amount_key(pack.amount): pack.description() for pack in op.packs}
    payload: dict[str, Any] = {
        "id": op.id,
        "operatorId": op.id,
        "name": op.name,
        "bundle": op.bundle,
        "data": op.bundle,
        "pin": False,
        "comboProduct": False,
        "supportsLocalAmounts": True,
        "supportsGeographicalRechargePlans": False,
        "denominationType": op.denomination_type,
        "senderCurrencyCode": "COP",
        "senderCurrencySymbol": "$",
        "destinationCurrencyCode": "COP",
        "destinationCurrencySymbol": "$",
        "commission": 0,
        "internationalDiscount": 0,
        "localDiscount": 0,
        "mostPopularAmount": None if op.packs else 10_000,
        "mostPopularLocalAmount": None if op.packs else 10_000,
        "minAmount": op.min_amount,
        "maxAmount": op.max_amount,
        "localMinAmount": op.min_amount,
        "localMaxAmount": op.max_amount,
        "country": {"isoName": "CO", "name": "Colombia"},
        "fx": {"rate": 1, "currencyCode": "COP"},
        "logoUrls": [],
        "fixedAmounts": op.fixed_amounts,
        "fixedAmountsDescriptions": descriptions,
        "localFixedAmounts": op.fixed_amounts,
        "localFixedAmountsDescriptions": dict(descriptions),
        "suggestedAmounts": [] if op.packs else list(SUGGESTED_AMOUNTS),
        "suggestedAmountsMap": {},
        "promotions": [],
        "status": "ACTIVE",
    }
    if op.packs:
        payload["samplePrices"] = True
        payload["packs"] = [
            {
                "amount": pack.amount,
                "name": pack.name,
                "dataMb": pack.data_mb,
                "minutes": pack.minutes,
                "apps": list(pack.apps),
                "validityDays": pack.validity_days,
                "description": pack.description(),
            }
            for pack in op.packs
        ]
    return payload
