"""The sandbox provider's operators: every Colombian operator, and one foreign look-alike.

Claro, Movistar, Tigo and WOM each have a top-up operator (any amount in a range) and a
bundle operator (gift packs at fixed amounts). Pack names follow the operators' kinds of
prepaid packs; their prices are SAMPLES, marked as such on the operator (``samplePrices``)
and in every description, never an operator's real prices. "Claro Guatemala" (country GT)
is listed as well, as a careless client picking operators by name would pick it.

Amounts: local amounts (``localMinAmount``…) are always in COP; ``minAmount``… are in the
account's currency (COP by default; USD with ``--account-currency USD``), converted by the
sandbox's own rule: pesos / rate, rounded up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from kiosk.sandbox.phones import PORTED_LINES, prefix_brand
from kiosk.sandbox.settings import SandboxAccount

CLARO_TOPUP_ID = 901
CLARO_PACKS_ID = 902
MOVISTAR_TOPUP_ID = 903
MOVISTAR_PACKS_ID = 904
TIGO_TOPUP_ID = 905
TIGO_PACKS_ID = 906
WOM_TOPUP_ID = 907
WOM_PACKS_ID = 908
#: The foreign look-alike: never to be offered by a Colombian kiosk.
CLARO_GUATEMALA_ID = 950

SAMPLE_MARK = "(precio de muestra)"
_CENT = Decimal("0.01")


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


_SOCIAL = ("WhatsApp", "Facebook", "Instagram")

PACKS: tuple[Pack, ...] = (
    Pack(3_000, "Paquete Redes Sociales 3 días", 512, 0, _SOCIAL, 3),
    Pack(5_000, "Todo Incluido 3 días", 1_024, 50, ("WhatsApp", "Facebook"), 3),
    Pack(6_000, "Paquete de Minutos 7 días", 0, 200, (), 7),
    Pack(10_000, "Todo Incluido 7 días", 3_072, 150, _SOCIAL, 7),
    Pack(20_000, "Todo Incluido 15 días", 8_192, 300, _SOCIAL, 15),
    Pack(35_000, "Todo Incluido 30 días", 20_480, 1_000, (*_SOCIAL, "TikTok"), 30),
)
MOVISTAR_PACKS: tuple[Pack, ...] = (
    Pack(4_000, "Movistar Recarga Redes 5 días", 1_024, 0, ("WhatsApp", "Facebook"), 5),
    Pack(8_000, "Movistar Todo en Uno 7 días", 2_048, 100, ("WhatsApp",), 7),
    Pack(15_000, "Movistar Todo en Uno 15 días", 6_144, 400, _SOCIAL, 15),
    Pack(30_000, "Movistar Todo en Uno 30 días", 15_360, 1_000, _SOCIAL, 30),
)
TIGO_PACKS: tuple[Pack, ...] = (
    Pack(2_000, "Tigo WhatsApp 1 día", 0, 0, ("WhatsApp",), 1),
    Pack(7_000, "Tigo Combo 7 días", 2_048, 120, ("WhatsApp", "Facebook"), 7),
    Pack(12_000, "Tigo Combo 15 días", 5_120, 300, _SOCIAL, 15),
    Pack(25_000, "Tigo Combo 30 días", 12_288, 1_000, (*_SOCIAL, "TikTok"), 30),
)
WOM_PACKS: tuple[Pack, ...] = (
    Pack(5_000, "WOM Bolsa Redes 7 días", 1_536, 0, _SOCIAL, 7),
    Pack(10_000, "WOM Todo Ilimitado 10 días", 4_096, 500, ("WhatsApp",), 10),
    Pack(22_000, "WOM Todo Ilimitado 30 días", 10_240, 1_500, _SOCIAL, 30),
)
GUATEMALA_PACKS: tuple[Pack, ...] = ()


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    brand: str
    bundle: bool
    #: Local (COP) range of a top-up operator; a bundle operator has packs instead.
    min_amount: int | None = None
    max_amount: int | None = None
    packs: tuple[Pack, ...] = ()
    #: Takes amounts in COP (``useLocalAmount: true``) whatever the account's currency.
    supports_local: bool = True
    country_iso: str = "CO"
    country_name: str = "Colombia"
    destination_currency: str = "COP"

    @property
    def denomination_type(self) -> str:
        return "FIXED" if self.packs else "RANGE"

    @property
    def fixed_amounts(self) -> list[int]:
        return [pack.amount for pack in self.packs]

    def pack_for(self, amount: int) -> Pack | None:
        return next((pack for pack in self.packs if pack.amount == amount), None)

    def accepts_local(self, amount: Decimal) -> bool:
        if amount != amount.to_integral_value():
            return False
        if self.packs:
            return int(amount) in self.fixed_amounts
        assert self.min_amount is not None and self.max_amount is not None
        return self.min_amount <= amount <= self.max_amount

    def accepts_sender(self, amount: Decimal, account: SandboxAccount) -> bool:
        """``amount`` in the account's currency (``useLocalAmount: false``)."""
        if self.packs:
            return amount in [sender_amount(a, account) for a in self.fixed_amounts]
        assert self.min_amount is not None and self.max_amount is not None
        low, high = sender_amount(self.min_amount, account), sender_amount(self.max_amount, account)
        return low <= amount <= high and amount == amount.quantize(_CENT)


def sender_amount(pesos: int, account: SandboxAccount) -> Decimal:
    """``pesos`` in the account's currency: pesos / rate, rounded up to the cent."""
    if account.currency == "COP":
        return Decimal(pesos)
    return (Decimal(pesos) / account.fx_rate).quantize(_CENT, rounding=ROUND_CEILING)


def _range(op_id: int, name: str, brand: str, supports_local: bool) -> Operator:
    return Operator(op_id, name, brand, False, 1_000, 100_000, supports_local=supports_local)


def _packs(op_id: int, name: str, brand: str, packs: tuple[Pack, ...], local: bool) -> Operator:
    return Operator(op_id, name, brand, True, packs=packs, supports_local=local)


OPERATORS: dict[int, Operator] = {
    op.id: op
    for op in (
        # First, as a careless client picking the first "Claro" would take it.
        Operator(
            CLARO_GUATEMALA_ID,
            "Claro Guatemala",
            "Claro",
            False,
            5,
            500,
            country_iso="GT",
            country_name="Guatemala",
            destination_currency="GTQ",
            supports_local=False,
        ),
        # Claro and Movistar take local amounts; Tigo and WOM take the account's currency,
        # so a USD account exercises both amount paths.
        _range(CLARO_TOPUP_ID, "Claro Colombia", "Claro", True),
        _packs(CLARO_PACKS_ID, "Claro Colombia Paquetes", "Claro", PACKS, True),
        _range(MOVISTAR_TOPUP_ID, "Movistar Colombia", "Movistar", True),
        _packs(MOVISTAR_PACKS_ID, "Movistar Colombia Paquetes", "Movistar", MOVISTAR_PACKS, True),
        _range(TIGO_TOPUP_ID, "Tigo Colombia", "Tigo", False),
        _packs(TIGO_PACKS_ID, "Tigo Colombia Paquetes", "Tigo", TIGO_PACKS, False),
        _range(WOM_TOPUP_ID, "WOM Colombia", "WOM", False),
        _packs(WOM_PACKS_ID, "WOM Colombia Paquetes", "WOM", WOM_PACKS, False),
    )
}
TOPUP_OPERATOR_OF = {
    op.brand: op for op in OPERATORS.values() if op.country_iso == "CO" and not op.bundle
}

SUGGESTED_AMOUNTS = [2_000, 5_000, 10_000, 20_000, 50_000]


def serving_operator(number: str) -> Operator:
    """The top-up operator that serves the line today (ported lines included)."""
    return TOPUP_OPERATOR_OF[PORTED_LINES.get(number) or prefix_brand(number)]


def _amount_key(amount: Decimal | int) -> str:
    # Reloadly keys its descriptions by the amount written with two decimals.
    return f"{Decimal(amount):.2f}"


def _number(amount: Decimal | int) -> float | int:
    """A JSON number: whole amounts as integers, others as decimals (``2.44``)."""
    value = Decimal(amount)
    return int(value) if value == value.to_integral_value() else float(value)


def operator_json(op: Operator, account: SandboxAccount) -> dict[str, Any]:
    """The operator in Reloadly's shape, for an account in ``account.currency``."""
    foreign = op.country_iso != "CO"
    rate = Decimal(1) if account.currency == "COP" or foreign else account.fx_rate

    def sender(pesos: int | None) -> float | int | None:
        if pesos is None:
            return None
        return pesos if foreign else _number(sender_amount(pesos, account))

    fixed = [sender(amount) for amount in op.fixed_amounts]
    descriptions = {
        _amount_key(Decimal(str(fixed_amount))): pack.description()
        for fixed_amount, pack in zip(fixed, op.packs, strict=True)
    }
    local_descriptions = {_amount_key(pack.amount): pack.description() for pack in op.packs}
    payload: dict[str, Any] = {
        "id": op.id,
        "operatorId": op.id,
        "name": op.name,
        "bundle": op.bundle,
        "data": op.bundle,
        "pin": False,
        "comboProduct": False,
        "supportsLocalAmounts": op.supports_local,
        "supportsGeographicalRechargePlans": False,
        "denominationType": op.denomination_type,
        "senderCurrencyCode": account.currency if not foreign else op.destination_currency,
        "senderCurrencySymbol": "$",
        "destinationCurrencyCode": op.destination_currency,
        "destinationCurrencySymbol": "$" if not foreign else "Q",
        "commission": 0,
        "internationalDiscount": 3,
        "localDiscount": 3,
        "mostPopularAmount": None if op.packs else sender(10_000),
        "mostPopularLocalAmount": None if op.packs else 10_000,
        "minAmount": sender(op.min_amount),
        "maxAmount": sender(op.max_amount),
        "localMinAmount": op.min_amount,
        "localMaxAmount": op.max_amount,
        "country": {"isoName": op.country_iso, "name": op.country_name},
        "fx": {"rate": _number(rate), "currencyCode": op.destination_currency},
        "logoUrls": [],
        "fixedAmounts": fixed,
        "fixedAmountsDescriptions": descriptions,
        "localFixedAmounts": op.fixed_amounts,
        "localFixedAmountsDescriptions": local_descriptions,
        "suggestedAmounts": [] if op.packs or foreign else list(SUGGESTED_AMOUNTS),
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
                "samplePrice": True,
            }
            for pack in op.packs
        ]
    return payload
