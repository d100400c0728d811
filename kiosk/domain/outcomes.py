"""What the gateway's and the provider's statuses mean for a sale, and what may follow.

The sale service applies these rules; the controllers and the screens read them
(e.g. "may the clerk try again?") instead of deciding for themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.progress import SaleProgress
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleState

S = SaleState

#: States in which a payment answer may still move the sale (the screen keeps polling).
AWAITING_PAYMENT = frozenset(
    {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING, S.PAYMENT_FAILED}
)
#: The screen stopped waiting; only the gateway's answer closes these.
UNCONFIRMED = frozenset({S.CANCELLED_UNCONFIRMED, S.EXPIRED_UNCONFIRMED})
#: Approved and being delivered: nothing is left to cancel or to let expire on screen.
PAID_IN_DELIVERY = frozenset({S.PAID, S.DELIVERY_REQUESTED, S.DELIVERY_UNKNOWN})
#: Followed before any QR could be shown (a create whose answer was lost).
FOLLOWED_WITHOUT_QR = frozenset({S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING})


class PaymentOutcome(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    #: DECLINED, VOIDED or ERROR: final for this attempt (a checkout may be paid again).
    FAILED = "failed"


def payment_outcome(status: str) -> PaymentOutcome:
    """What one PSE transaction status (Wompi's words) means for the attempt."""
    status = status.upper()
    if status == "APPROVED":
        return PaymentOutcome.APPROVED
    if status == "PENDING":
        return PaymentOutcome.PENDING
    return PaymentOutcome.FAILED


def closing_state(last_status: str) -> SaleState:
    """How a sale closes after its last attempt failed with ``last_status``."""
    if last_status.upper() == "ERROR":
        return S.ERROR
    if last_status:
        return S.DECLINED  # DECLINED or VOIDED
    return S.NOT_CREATED  # no attempt ever reached the gateway


class DeliveryOutcome(StrEnum):
    DELIVERED = "delivered"
    #: The provider gave up (FAILED, REFUNDED): paid, not delivered.
    REFUSED = "refused"
    #: PENDING or PROCESSING at the provider: look again later.
    PENDING = "pending"


def delivery_outcome(status: str) -> DeliveryOutcome:
    """What one top-up status (Reloadly's words) means for the delivery."""
    status = status.upper()
    if status == "SUCCESSFUL":
        return DeliveryOutcome.DELIVERED
    if status in {"FAILED", "REFUNDED"}:
        return DeliveryOutcome.REFUSED
    return DeliveryOutcome.PENDING


def can_retry(progress: SaleProgress) -> bool:
    """A new assisted attempt may follow: the last one was declined, refused or never sent.

    A checkout link stays payable until it expires, so it is never replaced (the payer
    tries again on the phone): two live attempts could both be paid.
    """
    return progress.state is S.PAYMENT_FAILED and progress.mode is PaymentMode.ASSISTED


def outcome_state(progress: SaleProgress) -> SaleState:
    """The state whose words tell the customer how the sale ended on screen: a failed
    attempt says whether the bank declined it or erred."""
    if progress.state is S.PAYMENT_FAILED:
        status = progress.gateway_status.upper()
        if status in {"DECLINED", "VOIDED"}:
            return S.DECLINED
        if status == "ERROR":
            return S.ERROR
    return progress.state


def default_payment_mode(app_mode: str, *, counter: str, kiosk: str) -> PaymentMode:
    """The payment mode offered first: the store's choice for its counter or its kiosk."""
    return PaymentMode(kiosk if app_mode == "kiosk" else counter)


@dataclass(frozen=True)
class Verdict:
    """How a sale ended on screen: its receipt, the state whose words tell it, and whether
    the clerk may try another payment attempt in the same sale."""

    receipt: Receipt
    worded_state: SaleState
    can_retry: bool
