"""One formatter per language for money, dates and countdowns (plain Python, no Qt).

Spanish (Colombia) writes ``$ 10.000`` and ``31/12/2025 18:45``; English keeps
pesos and says so, ``COP 10,000`` and ``Dec 31, 2025 18:45``. Every screen,
message and receipt asks the edge for the current language's :class:`Formats`
instead of formatting by itself. Times are shown in the store's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from kiosk.domain.calendar import STORE_TIMEZONE
from kiosk.domain.money import NBSP, format_pesos

_ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def to_store_time(moment: datetime) -> datetime:
    """``moment`` in the store's time (Bogotá); a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(STORE_TIMEZONE)


@dataclass(frozen=True)
class Formats:
    """How one language writes money, moments and the time left on a QR."""

    language: str

    def pesos(self, pesos: int, *, screen: bool = True) -> str:
        """Whole pesos; on paper (``screen=False``) spaces are plain, never non-breaking."""
        if self.language == "en":
            space = NBSP if screen else " "
            sign = "-" if pesos < 0 else ""
            return f"{sign}COP{space}{abs(int(pesos)):,}"
        return format_pesos(int(pesos), screen=screen)

    def moment(self, moment: datetime) -> str:
        """A date and time in the store's time zone."""
        local = to_store_time(moment)
        if self.language == "en":
            month = _ENGLISH_MONTHS[local.month - 1]
            return f"{month} {local.day}, {local.year} {local:%H:%M}"
        return local.strftime("%d/%m/%Y %H:%M")

    def money(self, amount: Decimal, currency: str) -> str:
        """An amount in another currency than pesos (the provider float's), with its cents:
        ``USD 1.234,56`` in Spanish, ``USD 1,234.56`` in English; pesos as :meth:`pesos`."""
        if currency.upper() == "COP" and amount == amount.to_integral_value():
            return self.pesos(int(amount))
        text = f"{amount.quantize(Decimal('0.01')):,.2f}"
        if self.language != "en":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"{currency.upper()}{NBSP}{text}"

    def countdown(self, seconds: int) -> str:
        """``9:05`` for the time left (never negative); the same in both languages."""
        minutes, secs = divmod(max(0, int(seconds)), 60)
        return f"{minutes}:{secs:02d}"


SPANISH = Formats("es")
ENGLISH = Formats("en")
_BY_LANGUAGE = {"es": SPANISH, "en": ENGLISH}


def formats_for(language: str) -> Formats:
    """The formats of ``language`` (``es`` or ``en``); Spanish for anything else."""
    return _BY_LANGUAGE.get(language, SPANISH)
