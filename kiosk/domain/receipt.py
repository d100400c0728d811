"""One receipt model, rendered on screen now and on paper and PDF later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.sale import SaleKind, SaleState


@dataclass(frozen=True)
class Receipt:
    reference: str
    kind: SaleKind
    state: SaleState
    amount_pesos: int
    #: Always masked (``*** *** 6789``): a receipt never carries a full line.
    masked_line: str
    issued_at: datetime
    gateway_transaction_id: str = ""
    provider_transaction_id: str = ""
    #: PSE's CUS (código único de seguimiento), when the gateway gives one.
    cus: str = ""
    pack_name: str = ""
    #: The operator that credits the line (a ported line's current one).
    operator_name: str = ""
    #: What the line received, as the provider says (shown when it is not the amount paid:
    #: a provider that takes another currency converts it).
    line_received_pesos: int | None = None
    #: Why a paid sale was not delivered (the provider's status or our own code), if so.
    refusal: str = ""
    #: What the provider said when it refused, shown to the clerk as it said it.
    refusal_message: str = ""
    #: First characters of the journal's chain hash after the sale's last entry.
    chain_hash_short: str = ""
    store_name: str = ""
    kiosk_name: str = ""
