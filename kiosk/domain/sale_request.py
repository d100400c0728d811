"""What a sale asks for before it exists, and what its payment screen shows once it does.

:func:`check_request` is the one rule of what may be sold: a top-up within the
:class:`~kiosk.domain.amounts.AmountOffer` of its operator, a gift pack from the
operator's own catalogue and payable by PSE. The sale service applies it to every
request, so no screen can sell outside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.amounts import AmountOffer
from kiosk.domain.catalogue import Operator, Pack
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import PaymentMode, SaleKind


@dataclass(frozen=True)
class SaleRequest:
    kind: SaleKind
    #: Full lines stay out of repr: a log line or a traceback never shows them.
    line: str = field(repr=False)
    amount_pesos: int
    #: The operator that delivers it (the bundle operator for a gift pack).
    operator: Operator
    pack: Pack | None = None
    sender_line: str | None = field(default=None, repr=False)
    #: Who sells it: the signed-in clerk's display name ("": the kiosk's name is journaled).
    clerk: str = ""

    @property
    def operator_id(self) -> int:
        return self.operator.id


@dataclass(frozen=True)
class PaymentStart:
    """What the payment screen shows: the QR's text, the amount and the countdown's end."""

    reference: str
    attempt_reference: str
    mode: PaymentMode
    qr_text: str
    amount_pesos: int
    expires_at: datetime


def check_request(request: SaleRequest, offer: AmountOffer, pack_range: AmountOffer) -> None:
    """Refuse what this store cannot sell (``amount.*``/``pack.*`` codes, no text).

    ``offer``: the top-up amounts of the request's operator here; ``pack_range``: the
    prices a gift pack may have (PSE's minimum to the store's maximum per sale).
    """
    if request.kind is SaleKind.TOPUP:
        if request.pack is not None:
            raise ValueError("a top-up has no pack")
        offer.validate(request.amount_pesos)
        return
    pack = request.pack
    if pack is None:
        raise ValueError("a gift pack sale needs its pack")
    if pack.amount_pesos != request.amount_pesos:
        raise ValueError("a gift pack costs its pack's price")
    if pack not in request.operator.packs:
        raise ValidationError("pack.not_offered", pack=pack.name)
    if not pack_range.minimum_pesos <= pack.amount_pesos <= pack_range.maximum_pesos:
        raise ValidationError("pack.not_payable", pack=pack.name)
