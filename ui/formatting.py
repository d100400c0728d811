"""How the screens write packs, dates and countdowns (plain functions, no Qt).

Money and lines have their own formatters in the domain
(:func:`kiosk.domain.money.format_pesos`, :func:`kiosk.domain.lines.group_line`);
this module only adds what is about showing things to people.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.config import TIMEZONE
from kiosk.domain.catalogue import Pack
from kiosk.domain.money import format_pesos

#: Providers write "unlimited" as a very large number of minutes or megabytes.
UNLIMITED_MINUTES = 10_000
UNLIMITED_DATA_MB = 1_000_000
_MB_PER_GB = 1024


def format_data(data_mb: int) -> str:
    """``3 GB``, ``1,5 GB``, ``500 MB`` or ``Datos ilimitados``."""
    if data_mb >= UNLIMITED_DATA_MB:
        return "Datos ilimitados"
    if data_mb < _MB_PER_GB:
        return f"{data_mb} MB"
    # Operators advertise both 1 GB = 1024 MB and 1 GB = 1000 MB; take whichever is whole.
    for per_gb in (_MB_PER_GB, 1000):
        if data_mb % per_gb == 0:
            return f"{data_mb // per_gb} GB"
    tenths = round(data_mb * 10 / _MB_PER_GB)
    whole, decimal = divmod(tenths, 10)
    return f"{whole},{decimal} GB" if decimal else f"{whole} GB"


def format_minutes(minutes: int) -> str:
    """``200 min`` or ``Minutos ilimitados``."""
    if minutes >= UNLIMITED_MINUTES:
        return "Minutos ilimitados"
    return f"{minutes} min"


def format_days(days: int) -> str:
    """``7 días`` (``1 día``)."""
    return "1 día" if days == 1 else f"{days} días"


def format_apps(apps: tuple[str, ...]) -> str:
    """``WhatsApp, Facebook y X`` as a Spanish list."""
    names = [name for name in apps if name]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " y " + names[-1]


def pack_details(pack: Pack) -> list[str]:
    """The pack's contents as short lines for a card; the description when details are missing."""
    details: list[str] = []
    if pack.data_mb is not None:
        details.append(format_data(pack.data_mb))
    if pack.minutes is not None:
        details.append(format_minutes(pack.minutes))
    if pack.apps:
        details.append(f"Apps: {format_apps(pack.apps)}")
    if pack.validity_days is not None:
        details.append(f"Vigencia: {format_days(pack.validity_days)}")
    if not details and pack.description:
        details.append(pack.description)
    return details


def pack_card_lines(pack: Pack) -> list[str]:
    """The card's lines: data and minutes together, then apps, then validity."""
    allowance = []
    if pack.data_mb is not None:
        allowance.append(format_data(pack.data_mb))
    if pack.minutes is not None:
        allowance.append(format_minutes(pack.minutes))
    lines = [" · ".join(allowance)] if allowance else []
    if pack.apps:
        lines.append(f"Apps: {format_apps(pack.apps)}")
    if pack.validity_days is not None:
        lines.append(f"Vigencia: {format_days(pack.validity_days)}")
    if not lines and pack.description:
        lines.append(pack.description)
    return lines


def pack_summary(pack: Pack) -> str:
    """One line for summaries: ``Paquete 7 días · 3 GB · $ 10.000``."""
    parts = [pack.name, *pack_details(pack)[:2], format_pesos(pack.amount_pesos)]
    return " · ".join(part for part in parts if part)


def to_local(moment: datetime) -> datetime:
    """``moment`` in Bogotá time; a naive datetime is taken as UTC (the journal's clock)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(TIMEZONE)


def format_local_datetime(moment: datetime) -> str:
    """``31/12/2025 18:45`` in Bogotá time."""
    return to_local(moment).strftime("%d/%m/%Y %H:%M")


def format_countdown(seconds: int) -> str:
    """``9:05`` for the time left on a QR (never negative)."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"
