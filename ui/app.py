"""Start the application: configuration, journal, gateways (or the embedded sandbox), window."""

from __future__ import annotations

from kiosk.config import Config


def run_app(config: Config, mode: str | None = None) -> int:
    raise NotImplementedError("wired in issue 4")
