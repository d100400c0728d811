"""Build the three gateway clients from the configuration.

The app calls :func:`build_clients` with the configuration alone for real
gateways, or with keyword overrides carrying the embedded sandbox's URLs and
keys (``pse_base_url=…``, ``topups_client_secret=…``, ``lines_api_key=…``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.config import Config
from kiosk.gateways.errors import GatewayError
from kiosk.gateways.lines import LineServicesClient
from kiosk.gateways.pse import PseClient
from kiosk.gateways.topups import TopupClient

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Section = TypeVar("Section", bound="DataclassInstance")


@dataclass(frozen=True)
class Gateways:
    pse: PseClient
    topups: TopupClient
    lines: LineServicesClient

    def close(self) -> None:
        for client in (self.pse, self.topups, self.lines):
            client.close()


_SECTIONS = {"pse": "pse", "topups": "topups", "lines": "lines"}


def _section(current: Section, name: str, overrides: dict[str, Any]) -> Section:
    known = {field.name for field in dataclasses.fields(current)}
    prefix = f"{name}_"
    mine = {key[len(prefix) :]: value for key, value in overrides.items() if key.startswith(prefix)}
    unknown = set(mine) - known
    if unknown:
        raise TypeError(f"unknown gateway override(s): {sorted(prefix + key for key in unknown)}")
    return dataclasses.replace(current, **{k: v for k, v in mine.items() if v is not None})


def _require(section: str, values: object, *names: str) -> None:
    for name in names:
        if not getattr(values, name):
            raise GatewayError("gateway.not_configured", setting=f"{section}.{name}")


def build_clients(config: Config, **overrides: Any) -> Gateways:
    """The PSE, top-up and line-services clients; overrides are ``<section>_<field>``.

    Sections and fields are those of :class:`kiosk.config.PseGatewayConfig`,
    :class:`TopupGatewayConfig` and :class:`LinesGatewayConfig`.
    """
    stray = [key for key in overrides if key.split("_", 1)[0] not in _SECTIONS]
    if stray:
        raise TypeError(f"unknown gateway override(s): {sorted(stray)}")
    pse = _section(config.pse, "pse", overrides)
    topups = _section(config.topups, "topups", overrides)
    lines = _section(config.lines, "lines", overrides)
    _require(
        "pse", pse, "base_url", "checkout_base_url", "public_key", "private_key", "integrity_secret"
    )
    _require("topups", topups, "base_url", "auth_url", "client_id", "client_secret")
    _require("lines", lines, "base_url", "api_key")
    timeouts = config.timeouts
    return Gateways(
        pse=PseClient(
            pse.base_url,
            pse.public_key,
            pse.private_key,
            pse.integrity_secret,
            pse.checkout_base_url,
            timeouts,
        ),
        topups=TopupClient(
            topups.base_url,
            topups.auth_url,
            topups.client_id,
            topups.client_secret,
            # Reloadly's audience is its API base URL.
            topups.audience or topups.base_url,
            timeouts,
        ),
        lines=LineServicesClient(lines.base_url, lines.api_key, timeouts),
    )
