"""How the app is put together, without Qt: config → journal, writer, clients, services.

:func:`build_core` is the one assembly: ``ui/app.py`` wraps it with controllers and
windows, and the tests, the benches and the command line use it as it is. With no
gateway configured it starts a sandbox embedded on loopback (unless told not to).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config
from kiosk.gateways.factory import Gateways, build_clients
from kiosk.gateways.pse import PseClient
from kiosk.gateways.topups import TopupClient
from kiosk.journal import Journal, JournalWriter, instance_lock_for, new_reference, open_journal
from kiosk.journal.files import private_folder
from kiosk.journal.locks import InstanceLock, PgInstanceLock
from kiosk.services.balance import BalanceService
from kiosk.services.catalogue import CatalogueService
from kiosk.services.ports import PaymentGateway, TopupProvider
from kiosk.services.receipts import ReceiptService
from kiosk.services.reconcile import Reconciler
from kiosk.services.reports import ReportService, report_header
from kiosk.services.sales import SaleService, utc_now
from kiosk.services.settings import SaveResult, SettingsService
from kiosk.services.staff import StaffService, StaffStore

if TYPE_CHECKING:
    from kiosk.sandbox import SandboxServer

log = logging.getLogger(__name__)


@dataclass
class Core:
    """Everything the app's core holds; :meth:`close` releases it in the right order."""

    config: Config
    journal: Journal
    writer: JournalWriter
    gateways: Gateways
    sales: SaleService
    catalogue: CatalogueService
    balance: BalanceService
    reconciler: Reconciler
    #: The clerks and their PINs (``<config dir>/staff.toml``).
    staff: StaffService
    #: Receipts printed and reprinted (copies journaled as ``sale.reprinted``).
    receipts: ReceiptService
    #: X and Z reports, shift close, settling a paid-not-delivered sale.
    reports: ReportService
    #: The settings form behind the admin PIN (``config.toml``); a save applies its live
    #: changes to the services here (:func:`live_settings`).
    settings: SettingsService
    lock: InstanceLock | PgInstanceLock | None = None
    #: The sandbox this core started itself (stopped by :meth:`close`), if any.
    sandbox: SandboxServer | None = None
    _closed: bool = field(default=False, repr=False)

    def close(self, *, writer_timeout: float | None = None) -> None:
        """Drain and stop the writer, close the journal and clients, stop an embedded
        sandbox, release the instance lock. Workers must be done (their deadlines apply)."""
        if self._closed:
            return
        self._closed = True
        self.writer.close(timeout=writer_timeout)
        self.journal.close()
        self.gateways.close()
        if self.sandbox is not None:
            self.sandbox.stop()
        if self.lock is not None:
            self.lock.release()


def live_settings(
    sales: SaleService, catalogue: CatalogueService, receipts: ReceiptService
) -> Callable[[Config, SaveResult], None]:
    """What a settings save changes at once in the services that read it (called by the
    settings service, on the thread that saved): the receipts' names and printer, the
    float's warning, the fraud limits and the kiosk's name from the next sale. The rest
    (gateways, operators, the amounts the catalogue offers…) waits for the next start."""

    def apply(config: Config, result: SaveResult) -> None:
        receipts.use_config(config)
        catalogue.use_float_warning(config.limits.float_warning_below)
        if any(name.startswith("limits.") for name in result.changed):
            sales.payments.use_limits(config.limits)
        if "kiosk_name" in result.changed:
            sales.payments.use_kiosk_name(config.kiosk_name)

    return apply


def actor_for(config: Config) -> str:
    """Who the journal says wrote an entry from this machine."""
    return f"kiosk:{config.kiosk_id[:12]}"


def build_core(
    config: Config,
    *,
    sandbox: SandboxServer | None = None,
    embed_sandbox: bool = True,
    take_lock: bool = True,
    clock: Callable[[], datetime] = utc_now,
    client_settings: Mapping[str, str] | None = None,
    wrap_pse: Callable[[PseClient], PaymentGateway] | None = None,
    wrap_topups: Callable[[TopupClient], TopupProvider] | None = None,
    config_path: Path | None = None,
) -> Core:
    """Assemble the core on ``config``'s journal.

    ``sandbox``: a running sandbox the clients talk to (else, with no gateway configured
    and ``embed_sandbox``, one is started and owned). ``take_lock``: one app per journal
    (a second one stops here with ``journal.locked``). ``client_settings`` override the
    gateway settings (``<section>_<field>``); ``wrap_pse``/``wrap_topups`` wrap a real
    client (the tests' failure shapes). ``config_path``: the file ``config`` came from
    (``--config PATH``; by default ``<config dir>/config.toml``), where the settings are
    saved. Whatever was opened is closed again if a later
    step fails: the lock, the writer thread and the sandbox must not leak.
    """
    opened: list[Callable[[], None]] = []
    lock = None
    owned_sandbox = None
    try:
        if take_lock:
            lock = instance_lock_for(config.journal_url)
            lock.acquire()  # first: a second instance stops here, before it starts anything
            opened.append(lock.release)
        if sandbox is None and config.uses_sandbox and embed_sandbox:
            from kiosk.sandbox import SandboxServer  # imported only when it is used

            sandbox = owned_sandbox = SandboxServer().start()
            opened.append(owned_sandbox.stop)
        private_folder(config.data_dir)  # 0700 when created: it holds full lines
        journal = open_journal(
            config.journal_url,
            store_id=config.store.id,
            kiosk_id=config.kiosk_id,
            line_secret=config.line_secret,
            now=clock,
        )
        opened.append(journal.close)
        writer = JournalWriter(journal)
        opened.append(writer.close)
        settings = dict(sandbox.client_settings()) if sandbox is not None else {}
        settings.update(client_settings or {})
        gateways = build_clients(config, **settings)
        opened.append(gateways.close)
        staff = StaffService(StaffStore.for_config(config), clock)
    except BaseException:
        for undo in reversed(opened):
            undo()
        raise
    pse: PaymentGateway = wrap_pse(gateways.pse) if wrap_pse else gateways.pse
    topups: TopupProvider = wrap_topups(gateways.topups) if wrap_topups else gateways.topups
    sales = SaleService(
        journal=journal,
        writer=writer,
        pse=pse,
        topups=topups,
        config=config,
        actor=actor_for(config),
        clock=clock,
        new_reference=lambda: new_reference(clock),
        # Read through the catalogue service (built next, from the sale services).
        store_float=lambda: catalogue.store_float(),
    )
    catalogue = CatalogueService(topups=topups, pse=pse, payments=sales.payments, config=config)
    balance = BalanceService(topups=topups, lines=gateways.lines)
    reconciler = Reconciler(
        settling=sales.settling,
        journal=journal,
        every_seconds=config.payment.reconcile_every_seconds,
        window_hours=config.payment.reconcile_window_hours,
        clock=clock,
    )
    actor = actor_for(config)
    receipts = sales.receipts  # one receipt service: the sale's and the back office's
    settings_service = SettingsService(
        config,
        config_path or config.config_dir / "config.toml",
        clock,
        on_saved=live_settings(sales, catalogue, receipts),
        journal_event=lambda event, data: writer.record_event(event, actor=actor, data=data),
    )
    reports = ReportService(
        journal, writer, clock, actor, header=lambda: report_header(settings_service.config)
    )
    return Core(
        config=config,
        journal=journal,
        writer=writer,
        gateways=gateways,
        sales=sales,
        catalogue=catalogue,
        balance=balance,
        reconciler=reconciler,
        staff=staff,
        receipts=receipts,
        reports=reports,
        settings=settings_service,
        lock=lock,
        sandbox=owned_sandbox,
    )
