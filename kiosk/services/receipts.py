"""Receipts from a sale's progress: the verdict carries its receipt, no extra journal trip."""

from __future__ import annotations

from kiosk.config import Config
from kiosk.domain.progress import SaleProgress
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleState
from kiosk.services.recorder import SaleRecorder

#: Hex digits of the chain hash a receipt shows.
RECEIPT_HASH_DIGITS = 12


class ReceiptService:
    def __init__(self, *, recorder: SaleRecorder, config: Config) -> None:
        self._recorder = recorder
        self._config = config

    def for_progress(self, progress: SaleProgress) -> Receipt:
        """The receipt of the sale as ``progress`` says (pure: no I/O)."""
        # Only a paid sale that was not delivered says why (the reason a customer claims with).
        undelivered = progress.state is SaleState.PAID_NOT_DELIVERED
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
            store_name=self._config.store.name,
            kiosk_name=self._config.kiosk_name,
        )

    def for_reference(self, reference: str) -> Receipt:
        """The receipt of a sale read from the journal (a reprint, a late look)."""
        return self.for_progress(self._recorder.progress(reference))
