"""Receipts: built from a sale's progress (the verdict carries its receipt, no extra
journal trip), printed on the store's receipt printer, reprints journaled as copies.

The words of a receipt live at the edge (``kiosk.controllers.receipts.receipt_document``):
a caller that prints hands its renderer over, so this service never holds a language.
Printing blocks (a network printer has seconds to answer): call it on a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.config import Config
from kiosk.domain.document import Document
from kiosk.domain.errors import KioskError
from kiosk.domain.progress import SaleProgress
from kiosk.domain.receipt import RECEIPT_HASH_DIGITS, Receipt
from kiosk.domain.sale import SaleState
from kiosk.printing.escpos_printer import print_document
from kiosk.printing.targets import PrinterTarget, parse_target
from kiosk.services.ports import JournalReader, JournalWriting
from kiosk.services.recorder import WRITE_TIMEOUT_SECONDS, SaleRecorder
from kiosk.services.reports import journal_actor

__all__ = [
    "RECEIPT_HASH_DIGITS",
    "REPRINT_EVENT",
    "Printed",
    "ReceiptService",
]

log = logging.getLogger(__name__)

#: The journal-level event of a copy printed (its payload: reference, copy number).
REPRINT_EVENT = "sale.reprinted"

#: ``print_document(document, target, *, paper_mm)`` (python-escpos; a fake in tests).
PrintFunction = Callable[..., None]
#: ``receipt_document(receipt, copy=...)``: the receipt in words (the edge's).
Render = Callable[..., Document]


@dataclass(frozen=True)
class Printed:
    """A receipt that went to paper: its sale and which copy it was (0: the original)."""

    reference: str
    copy: int = 0


class ReceiptService:
    """Receipts of the sales of one store.

    ``journal``/``writer`` (the journal and its one writer) are needed to journal copies;
    ``printer`` sends a document to a printer target (python-escpos by default); ``actor``
    journals a copy nobody else is named for (default ``kiosk:<kiosk id>``).
    """

    def __init__(
        self,
        *,
        recorder: SaleRecorder,
        config: Config,
        journal: JournalReader | None = None,
        writer: JournalWriting | None = None,
        printer: PrintFunction = print_document,
        actor: str = "",
    ) -> None:
        self._recorder = recorder
        self._config = config
        #: Who journals a copy when the caller names nobody (this machine).
        self._actor = actor or f"kiosk:{config.kiosk_id[:12]}"
        self._journal = journal
        self._writer = writer
        self._print = printer

    def use_config(self, config: Config) -> None:
        """Settings changed: the next receipt carries the new names, the next print goes
        to the new printer."""
        self._config = config

    # -- receipts ----------------------------------------------------------------------

    def for_progress(self, progress: SaleProgress) -> Receipt:
        """The receipt of the sale as ``progress`` says (pure: no I/O)."""
        # Only a paid sale that was not delivered says why (the reason a customer claims with).
        undelivered = progress.state is SaleState.PAID_NOT_DELIVERED
        store = self._config.store
        return Receipt(
            reference=progress.reference,
            kind=progress.kind,
            state=progress.state,
            amount_pesos=progress.amount_pesos,
            # From the chain: a receipt never needs (nor shows) the full line.
            masked_line=progress.line_masked or "*** *** ****",
            issued_at=progress.state_since,
            gateway_transaction_id=progress.gateway_transaction_id,
            provider_transaction_id=progress.provider_transaction_id,
            cus=progress.traceability_code,
            pack_name=progress.pack_name,
            operator_name=progress.operator_name,
            line_received_pesos=progress.delivered_pesos,
            refusal=progress.refusal if undelivered else "",
            refusal_message=progress.refusal_message if undelivered else "",
            chain_hash_short=progress.last_hash[:RECEIPT_HASH_DIGITS],
            store_name=store.name,
            kiosk_name=self._config.kiosk_name,
            business_name=store.business_name,
            nit=store.nit,
            claims_contact=store.contact,
            clerk=progress.clerk,
            privacy_notice=store.privacy_notice.strip(),
        )

    def for_reference(self, reference: str) -> Receipt:
        """The receipt of a sale read from the journal (a reprint, a late look);
        ``KioskError("receipt.unknown_sale")`` for a reference the journal does not hold."""
        try:
            progress = self._recorder.progress(reference)
        except KeyError:
            raise KioskError("receipt.unknown_sale", reference=reference) from None
        return self.for_progress(progress)

    # -- paper -------------------------------------------------------------------------

    def printer_configured(self) -> bool:
        """Whether the settings name a printer (it may still be off or out of paper)."""
        return bool(self._config.printer.target.strip())

    def printer_target(self) -> PrinterTarget:
        """The store's printer; ``printer.not_configured`` when settings name none,
        ``printer.bad_target`` when they name one that does not parse."""
        target = self._config.printer.target.strip()
        if not target:
            raise KioskError("printer.not_configured")
        return parse_target(target)

    def print_document(self, document: Document) -> None:
        """``document`` on the store's printer (a receipt, a shift report); blocks."""
        self._print(document, self.printer_target(), paper_mm=self._config.printer.paper_mm)

    def copies_made(self, reference: str) -> int:
        """How many copies of ``reference``'s receipt were printed (journaled reprints)."""
        if self._journal is None:
            return 0
        return len(self._journal.events(REPRINT_EVENT, reference=reference))

    def print_receipt(
        self,
        receipt: Receipt | str,
        *,
        render: Render,
        copy: bool = False,
        actor: str = "",
    ) -> Printed:
        """Print a sale's receipt (a :class:`Receipt`, or the reference of one to read
        from the journal), in the words ``render(receipt, copy=copy)`` gives it.

        A copy (``copy=True``, a reprint) says so on paper and, once printed, is journaled
        as ``sale.reprinted`` with its number (previous copies + 1) and ``actor``. Raises
        the ``printer.*`` errors; the sale itself is never touched.
        """
        if isinstance(receipt, str):
            receipt = self.for_reference(receipt)
        document = render(receipt, copy=copy)
        self.print_document(document)
        if not copy:
            return Printed(receipt.reference)
        return Printed(receipt.reference, self.record_copy(receipt.reference, actor=actor))

    def record_copy(self, reference: str, *, actor: str = "") -> int:
        """Journal one more copy of ``reference``'s receipt (printed, or saved as PDF);
        its number. ``actor``: who made it (a clerk's name or id; made a journal label).
        Without a journal writer the copy is only logged (number 0)."""
        if self._writer is None:
            log.warning("no journal writer: copy of %s not journaled", reference)
            return 0
        number = self.copies_made(reference) + 1
        future = self._writer.record_event(
            REPRINT_EVENT,
            actor=journal_actor(actor) if actor.strip() else self._actor,
            data={"reference": reference, "copy": number},
        )
        future.result(timeout=WRITE_TIMEOUT_SECONDS)
        return number
