"""A counter assembled as the app assembles it (journal, writer, clients, service, reconciler).

Used by the tests and by ``restart_app`` (the first half of the restart test, run in
a process of its own). Real parts only: a SQLite journal file, the gateway clients
built by the factory, a sandbox over loopback; the clock is real time plus an offset
that a test can move forward.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.config import Config, TimeoutsConfig, load_config
from kiosk.domain.catalogue import Pack
from kiosk.domain.payer import DocumentType, PayerData, PersonType
from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.domain.sale_request import SaleRequest
from kiosk.gateways.factory import Gateways
from kiosk.journal import Journal, JournalWriter
from kiosk.services.assembly import Core, build_core
from kiosk.services.catalogue import CatalogueService
from kiosk.services.payments import EXPIRY_GRACE
from kiosk.services.reconcile import Reconciler
from kiosk.services.sales import SaleService
from tests.support.browser import CHECKOUT_PAYER

#: Short enough that the slow bank and the slow line (2 s) are unknown outcomes quickly.
FAST_TIMEOUTS = TimeoutsConfig(connect_seconds=1.0, read_seconds=1.0, deadline_seconds=3.0)
SLOW_SECONDS = 2.0

#: The assisted payer the clerk types in (never to be found in the journal).
PAYER_DOCUMENT, PAYER_EMAIL = "1098765432", "pagador.prueba@example.com"
#: What the payers type: it must never reach the journal's payloads.
PAYER_SECRETS = (PAYER_DOCUMENT, PAYER_EMAIL, *CHECKOUT_PAYER.values())


def assisted_payer(line: str) -> PayerData:
    return PayerData(
        PersonType.NATURAL, DocumentType.CC, PAYER_DOCUMENT, "Beatriz Gómez", PAYER_EMAIL, line
    )


def counter_config(**payment: Any) -> Config:
    """The configuration the app would load (config dir from the test's environment),
    with short client timeouts."""
    config = load_config()
    return dataclasses.replace(
        config,
        timeouts=FAST_TIMEOUTS,
        payment=dataclasses.replace(config.payment, **payment),
    )


def past_expiry(config: Config) -> timedelta:
    """How far to move the clock so that a fresh QR is surely no longer payable."""
    return timedelta(seconds=config.payment.checkout_ttl_seconds) + EXPIRY_GRACE * 2


@dataclass
class Counter:
    """One running "app": what ``ui.app.build_app`` holds, without the widgets."""

    config: Config
    clock: Callable[[], datetime]
    core: Core

    @property
    def journal(self) -> Journal:
        return self.core.journal

    @property
    def writer(self) -> JournalWriter:
        return self.core.writer

    @property
    def gateways(self) -> Gateways:
        return self.core.gateways

    @property
    def service(self) -> SaleService:
        return self.core.sales

    @property
    def reconciler(self) -> Reconciler:
        return self.core.reconciler

    @property
    def catalogue(self) -> CatalogueService:
        return self.core.catalogue

    # -- sales as the screens start them ---------------------------------------------

    def topup_request(self, line: str, amount_pesos: int = 10_000) -> SaleRequest:
        operator = self.gateways.topups.detect_operator(line)
        return SaleRequest(SaleKind.TOPUP, line, amount_pesos, operator)

    def gift_pack_request(
        self, line: str, pack_name: str, sender_line: str | None
    ) -> tuple[SaleRequest, Pack]:
        catalogue = self.gateways.topups.catalogue_for("Claro")
        assert catalogue.bundle_operator is not None
        (pack,) = [pack for pack in catalogue.packs if pack.name == pack_name]
        request = SaleRequest(
            SaleKind.GIFT_PACK,
            line,
            pack.amount_pesos,
            catalogue.bundle_operator,
            pack=pack,
            sender_line=sender_line,
        )
        return request, pack

    # -- what the journal says ----------------------------------------------------------

    def states(self, reference: str) -> list[SaleState]:
        return [entry.state for entry in self.journal.entries_for(reference)]

    def progress(self, reference: str) -> SaleProgress:
        return self.service.progress(reference)

    def check_journal(self, private: Iterable[str] = ()) -> None:
        """The chain verifies, and no payload holds a full line or a payer's data."""
        report = self.journal.verify()
        assert report.ok, report.first_problem
        entries = self.journal.export_entries()
        references = {entry["reference"] for entry in entries if entry["reference"]}
        lines = {
            line
            for reference in references
            for role in ("line", "sender")
            if (line := self.journal.line_for(reference, role=role))
        }
        secrets = lines | set(private)
        for entry in entries:
            for value in _values(entry["payload"]):
                text = str(value)
                digits = "".join(ch for ch in text if ch.isdigit())
                for secret in secrets:
                    assert secret not in text, f"personal data in entry {entry['seq']}"
                    assert not secret.isdigit() or secret not in digits, entry["seq"]

    def close(self) -> None:
        self.core.close(writer_timeout=10)


def open_counter(
    config: Config,
    overrides: dict[str, str],
    journal_url: str,
    clock: Callable[[], datetime],
    *,
    pse: Any = None,
    topups: Any = None,
    is_active: Callable[[str], bool] = lambda reference: False,
) -> Counter:
    """Open the journal and build everything on it, as a fresh process would: the app's
    own assembly (:func:`kiosk.services.assembly.build_core`), without the instance lock.

    ``pse`` / ``topups`` wrap the real clients where a test needs a failure shape.
    """
    on_journal = dataclasses.replace(
        config, journal=dataclasses.replace(config.journal, url=journal_url)
    )
    core = build_core(
        on_journal,
        embed_sandbox=False,
        take_lock=False,
        clock=clock,
        client_settings=overrides,
        wrap_pse=pse,
        wrap_topups=topups,
    )
    core.reconciler.leave_alone(is_active)
    return Counter(config, clock, core)


def _values(payload: Any) -> Iterable[Any]:
    """Every key and leaf value of a decoded payload."""
    if isinstance(payload, dict):
        for key, value in payload.items():
            yield key
            yield from _values(value)
    elif isinstance(payload, list):
        for item in payload:
            yield from _values(item)
    else:
        yield payload


def journal_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'journal.sqlite3'}"
