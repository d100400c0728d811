"""How the screens write packs, in the current language (plain functions, no widgets).

Money, moments and countdowns belong to the current language's
:class:`~kiosk.domain.formats.Formats` (``kiosk.controllers.language.formats()``);
lines have their own formatter in the domain (:func:`kiosk.domain.lines.group_line`).
This module only adds the words for a pack's contents (context ``PackWords``).
"""

from __future__ import annotations

from kiosk.controllers.language import formats, translate
from kiosk.domain.catalogue import Pack

#: Providers write "unlimited" as a very large number of minutes or megabytes.
UNLIMITED_MINUTES = 10_000
UNLIMITED_DATA_MB = 1_000_000
_MB_PER_GB = 1024


def format_data(data_mb: int) -> str:
    """``3 GB``, ``1,5 GB`` (English ``1.5 GB``), ``500 MB`` or ``Datos ilimitados``."""
    if data_mb >= UNLIMITED_DATA_MB:
        return translate("PackWords", "Datos ilimitados")
    if data_mb < _MB_PER_GB:
        return f"{data_mb} MB"
    # Operators advertise both 1 GB = 1024 MB and 1 GB = 1000 MB; take whichever is whole.
    for per_gb in (_MB_PER_GB, 1000):
        if data_mb % per_gb == 0:
            return f"{data_mb // per_gb} GB"
    tenths = round(data_mb * 10 / _MB_PER_GB)
    whole, decimal = divmod(tenths, 10)
    if not decimal:
        return f"{whole} GB"
    # The decimal mark is the language's: "1,5 GB" in Spanish, "1.5 GB" in English.
    return translate("PackWords", "{whole},{tenths} GB").format(whole=whole, tenths=decimal)


def format_minutes(minutes: int) -> str:
    """``200 min`` or ``Minutos ilimitados``."""
    if minutes >= UNLIMITED_MINUTES:
        return translate("PackWords", "Minutos ilimitados")
    return f"{minutes} min"


def format_days(days: int) -> str:
    """``7 días`` (``1 día``); ``7 days`` (``1 day``) in English."""
    return translate("PackWords", "%n día(s)", None, days)


def format_apps(apps: tuple[str, ...]) -> str:
    """``WhatsApp, Facebook y X`` (``WhatsApp, Facebook and X``)."""
    names = [name for name in apps if name]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return translate("PackWords", "{items} y {last}").format(
        items=", ".join(names[:-1]), last=names[-1]
    )


def _apps_line(pack: Pack) -> str:
    return translate("PackWords", "Apps: {apps}").format(apps=format_apps(pack.apps))


def _validity_line(days: int) -> str:
    return translate("PackWords", "Vigencia: {days}").format(days=format_days(days))


def pack_details(pack: Pack) -> list[str]:
    """The pack's contents as short lines for a card; the description when details are missing."""
    details: list[str] = []
    if pack.data_mb is not None:
        details.append(format_data(pack.data_mb))
    if pack.minutes is not None:
        details.append(format_minutes(pack.minutes))
    if pack.apps:
        details.append(_apps_line(pack))
    if pack.validity_days is not None:
        details.append(_validity_line(pack.validity_days))
    if not details and pack.description:
        details.append(pack.description)
    return details


def pack_card_lines(pack: Pack) -> list[str]:
    """The card's lines: data and minutes together, then apps, then validity.

    How many lines there are depends on the pack only, never on the language.
    """
    allowance = []
    if pack.data_mb is not None:
        allowance.append(format_data(pack.data_mb))
    if pack.minutes is not None:
        allowance.append(format_minutes(pack.minutes))
    lines = [" · ".join(allowance)] if allowance else []
    if pack.apps:
        lines.append(_apps_line(pack))
    if pack.validity_days is not None:
        lines.append(_validity_line(pack.validity_days))
    if not lines and pack.description:
        lines.append(pack.description)
    return lines


def pack_summary(pack: Pack) -> str:
    """One line for summaries: ``Paquete 7 días · 3 GB · $ 10.000``."""
    parts = [pack.name, *pack_details(pack)[:2], formats().pesos(pack.amount_pesos)]
    return " · ".join(part for part in parts if part)
