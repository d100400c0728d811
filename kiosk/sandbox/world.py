"""State shared by the sandbox's services: one lock, one clock, the lines and the SMS outbox."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kiosk.sandbox.phones import starting_balance
from kiosk.sandbox.settings import SandboxAccount, SandboxKeys, SandboxTiming


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    """``2025-03-01T15:00:00.000Z``, the way Wompi writes instants."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def pesos(amount: int) -> str:
    """``$ 10.000``: Colombian thousands separator, whole pesos."""
    return "$ " + f"{amount:,}".replace(",", ".")


@dataclass
class ActivePack:
    name: str
    expires_at: datetime


@dataclass
class Line:
    """A prepaid line as the operator sees it: balance, packs and its one-time-code state."""

    number: str
    balance: int
    packs: list[ActivePack] = field(default_factory=list)
    otp_code: str | None = None
    otp_expires_at: datetime | None = None
    otp_sent_at: list[datetime] = field(default_factory=list)
    wrong_codes: int = 0
    locked_until: datetime | None = None


class World:
    """Everything the services share. Hold ``lock`` while reading or changing any of it."""

    def __init__(
        self,
        keys: SandboxKeys,
        timing: SandboxTiming,
        clock: Callable[[], datetime],
        account: SandboxAccount | None = None,
    ) -> None:
        self.keys = keys
        self.timing = timing
        self.account = account or SandboxAccount()
        self._clock = clock
        self.lock = threading.RLock()
        self.root_url = ""
        self.lines: dict[str, Line] = {}
        self.sms: list[dict[str, str]] = []

    def now(self) -> datetime:
        moment = self._clock()
        if moment.tzinfo is None:
            raise ValueError("the sandbox clock must return timezone-aware datetimes")
        return moment

    def line(self, number: str) -> Line:
        """The line's record, created with its deterministic opening balance on first use."""
        line = self.lines.get(number)
        if line is None:
            line = self.lines[number] = Line(number, starting_balance(number))
        return line

    def send_sms(self, to: str, text: str) -> None:
        self.sms.append({"to": to, "text": text, "sent_at": iso_utc(self.now())})

    def outbox(self, to: str | None = None) -> list[dict[str, str]]:
        with self.lock:
            return [dict(message) for message in self.sms if to is None or message["to"] == to]
