"""What the gateway client tests share: short timeouts, a sleep that only records, references."""

from __future__ import annotations

import uuid

from kiosk.config import TimeoutsConfig

#: Short enough for quick fault tests; the deadline leaves room for four attempts.
FAST = TimeoutsConfig(connect_seconds=0.3, read_seconds=0.25, deadline_seconds=3.0)
#: Contract tests talk to the sandbox: generous enough for a loaded machine.
CONTRACT_TIMEOUTS = TimeoutsConfig(connect_seconds=2.0, read_seconds=4.0, deadline_seconds=8.0)


class RecordedSleep:
    """Stands in for ``time.sleep``: remembers the delays, waits for none."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def unique_reference(prefix: str = "K") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12].upper()}"
