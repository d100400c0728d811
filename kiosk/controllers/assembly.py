"""The core (:func:`kiosk.services.assembly.build_core`) with its controllers on top.

``ui/app.py`` adds the windows; nothing here touches a widget.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool

from kiosk.config import Config
from kiosk.controllers.balance import BalanceController
from kiosk.controllers.catalogue import CatalogueController
from kiosk.controllers.history import HistoryController
from kiosk.controllers.language import set_language
from kiosk.controllers.receipts import ReceiptController
from kiosk.controllers.reconcile import ReconcileController, tick_seconds_for
from kiosk.controllers.reports import ReportController
from kiosk.controllers.sale import SaleController
from kiosk.controllers.settings import SettingsController
from kiosk.controllers.staff import StaffController
from kiosk.services.assembly import Core, actor_for, build_core

if TYPE_CHECKING:
    from kiosk.sandbox import SandboxServer

log = logging.getLogger(__name__)

#: How long closing waits for workers still talking to a gateway (their own deadlines apply).
SHUTDOWN_WAIT_MS = 25_000


@dataclass
class Controllers:
    sale: SaleController
    catalogue: CatalogueController
    balance: BalanceController
    reconcile: ReconcileController
    #: The clerk signed in, the admin PIN, the clerks' list.
    staff: StaffController
    #: The settings form (read and saved on workers; the language applied at once).
    settings: SettingsController
    #: Receipts to paper (and copies, journaled).
    receipts: ReceiptController
    #: X and Z reports, shift close, settling.
    reports: ReportController
    #: The searchable list of sales.
    history: HistoryController
    core: Core

    def start(self) -> None:
        """Load the offer and reconcile every open sale (all off the GUI thread).

        When the start-up pass is over (finished, or failed because a gateway is down: the
        app works anyway), one INFO line ``ready`` goes to the log: a supervisor or a test
        waits for it.
        """
        self.catalogue.load_catalogue()
        self.catalogue.load_float()
        self.reconcile.passEnded.connect(_say_ready, Qt.ConnectionType.SingleShotConnection)
        self.reconcile.start()

    def close(self) -> None:
        """Stop reconciling, forget the sale on screen, let workers finish, close the core."""
        self.reconcile.stop()
        self.catalogue.stop_float_refresh()
        self.sale.reset()
        # Workers finish within their own deadlines; the writer then drains its queue.
        QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS)
        self.core.close()


def _say_ready() -> None:
    log.info("ready")


def build_controllers(
    config: Config,
    *,
    sandbox: SandboxServer | None = None,
    embed_sandbox: bool = True,
    config_path: Path | None = None,
) -> Controllers:
    """The core and its controllers, speaking ``config``'s language (needs a QCoreApplication).

    ``config_path``: the file ``config`` came from (where the settings are saved).
    Raises :class:`~kiosk.domain.errors.KioskError` (e.g. ``journal.locked``).
    """
    set_language(config.ui.language)
    core = build_core(config, sandbox=sandbox, embed_sandbox=embed_sandbox, config_path=config_path)
    sale = SaleController(core.sales, config.payment)
    core.reconciler.leave_alone(sale.is_active)
    catalogue = CatalogueController(core.catalogue)
    catalogue.follow_sales(sale)
    receipts = ReceiptController(core.receipts, actor=actor_for(config))
    return Controllers(
        sale=sale,
        catalogue=catalogue,
        balance=BalanceController(core.balance),
        # Wake up often; the reconciler keeps each sale's own schedule (3 minutes by default).
        reconcile=ReconcileController(
            core.reconciler, tick_seconds_for(config.payment.reconcile_every_seconds)
        ),
        staff=StaffController(
            core.staff, journal_event=core.writer.record_event, actor=actor_for(config)
        ),
        settings=SettingsController(core.settings),
        receipts=receipts,
        reports=ReportController(core.reports),
        history=HistoryController(core.journal, receipts=receipts),
        core=core,
    )
