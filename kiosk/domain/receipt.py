"""One receipt model, rendered on screen, on paper and as PDF.

What a receipt carries is what PRODUCT.md lists: the business (name and NIT), the store and
kiosk, the moment, the kind, the operator, the masked line, the pack, the amount (and what
the line received when the provider converted it), the reference, the gateway's transaction
id (and CUS), the provider's transaction id, the status, the clerk, the journal's short
chain hash, a claims contact, "not an invoice", and a QR of the reference and the hash.
The words around these values live at the edge (``kiosk.controllers.receipts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.sale import SaleKind, SaleState

#: Hex digits of the journal's chain hash a receipt shows (and its QR holds): enough to
#: pick the one entry out of any journal (64 bits), short enough to read aloud.
RECEIPT_HASH_DIGITS = 16
#: Between the reference and the hash in a receipt's QR.
QR_SEPARATOR = "|"


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
    #: First :data:`RECEIPT_HASH_DIGITS` hex digits of the journal's chain hash after the
    #: sale's last entry.
    chain_hash_short: str = ""
    store_name: str = ""
    kiosk_name: str = ""
    #: The legal name of the business and its NIT (``900123456-8``).
    business_name: str = ""
    nit: str = ""
    #: Where a customer sends a claim (phone, e-mail, address).
    claims_contact: str = ""
    #: The clerk who made the sale (a display name; "" at a self-service kiosk).
    clerk: str = ""
    #: The store's personal-data notice (Ley 1581), printed when the store sets one.
    privacy_notice: str = ""


def receipt_qr_data(receipt: Receipt) -> str:
    """What a receipt's QR holds: ``<reference>|<short chain hash>`` (short ASCII text, so
    the code stays small and any phone reads it); "" when the receipt has no reference."""
    if not receipt.reference:
        return ""
    if not receipt.chain_hash_short:
        return receipt.reference
    return f"{receipt.reference}{QR_SEPARATOR}{receipt.chain_hash_short}"
