"""The sale services of one app, on one shared recorder: pay, deliver, settle, receipts.

* :class:`~kiosk.services.payments.PaymentService`: open a sale, start and follow its payment;
* :class:`~kiosk.services.delivery.DeliveryService`: credit the line once paid;
* :class:`~kiosk.services.settling.SettlingService`: settle sales nobody waits for;
* :class:`~kiosk.services.receipts.ReceiptService`: the receipt of a sale.

A sale only moves along the state machine; the journal checks every move under its
write lock (through the one writer), so a duplicate, late or reordered answer is
refused there and changes nothing. Every method blocks: controllers call them on a
worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from kiosk.config import Config
from kiosk.domain.progress import SaleProgress
from kiosk.domain.store_float import Money
from kiosk.services.delivery import DeliveryService
from kiosk.services.payments import PaymentService
from kiosk.services.ports import JournalReader, JournalWriting, PaymentGateway, TopupProvider
from kiosk.services.receipts import ReceiptService
from kiosk.services.recorder import SaleRecorder
from kiosk.services.settling import SettlingService


def utc_now() -> datetime:
    return datetime.now(UTC)


class SaleService:
    """The four sale jobs of one app, sharing one recorder (one actor, one writer)."""

    def __init__(
        self,
        *,
        journal: JournalReader,
        writer: JournalWriting,
        pse: PaymentGateway,
        topups: TopupProvider,
        config: Config,
        actor: str,
        new_reference: Callable[[], str],
        clock: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], None] = time.sleep,
        store_float: Callable[[], Money] | None = None,
    ) -> None:
        self.recorder = SaleRecorder(journal=journal, writer=writer, actor=actor)
        self.payments = PaymentService(
            recorder=self.recorder,
            pse=pse,
            config=config,
            clock=clock,
            new_reference=new_reference,
            sleep=sleep,
            store_float=store_float,
        )
        self.deliveries = DeliveryService(
            recorder=self.recorder, journal=journal, topups=topups, payments=self.payments
        )
        self.settling = SettlingService(
            recorder=self.recorder,
            payments=self.payments,
            deliveries=self.deliveries,
            config=config,
            clock=clock,
        )
        # Journals the copies it prints (``sale.reprinted``) through the same writer.
        self.receipts = ReceiptService(
            recorder=self.recorder, config=config, journal=journal, writer=writer
        )

    def progress(self, reference: str) -> SaleProgress:
        """Where the sale stands (KeyError for an unknown sale)."""
        return self.recorder.progress(reference)
