"""The built-in sandbox: Wompi-compatible PSE, Reloadly-compatible top-ups, line services, SMS.

Names are loaded lazily so that ``import kiosk.sandbox`` (and the CLI registering
``kiosk sandbox``) costs nothing when a real gateway is configured.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.sandbox.server import SandboxKeys, SandboxServer, SandboxTiming

__all__ = ["SandboxKeys", "SandboxServer", "SandboxTiming"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kiosk.sandbox import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
