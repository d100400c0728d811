"""The sale as a state machine: its kinds, its states and the only allowed moves.

A sale is created, paid through PSE (one or more attempts, each under its own
attempt reference), then delivered by the top-up provider. Every move is a
journal entry; the journal refuses any move this table does not allow.

Two kinds of "we do not know yet" states exist on purpose:

* ``payment_requested`` / ``payment_unknown``: a create was (or may have been)
  sent and its outcome is not known; a look-up by reference settles it.
* ``delivery_requested`` / ``delivery_unknown``: the same for a top-up.

And two "the screen stopped waiting" states, ``cancelled_unconfirmed`` and
``expired_unconfirmed``: a signed checkout or a created PSE transaction cannot
be revoked, so only the gateway's answer makes such a sale final.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.errors import SaleTransitionError


class SaleKind(StrEnum):
    TOPUP = "topup"
    GIFT_PACK = "gift_pack"


class PaymentMode(StrEnum):
    """How the payer pays: the hosted checkout on their phone, or PSE typed by the clerk."""

    CHECKOUT = "checkout"
    ASSISTED = "assisted"


class SaleState(StrEnum):
    CREATED = "created"
    PAYMENT_REQUESTED = "payment_requested"
    PAYMENT_UNKNOWN = "payment_unknown"
    PAYMENT_PENDING = "payment_pending"
    PAYMENT_FAILED = "payment_failed"
    CANCELLED_UNCONFIRMED = "cancelled_unconfirmed"
    EXPIRED_UNCONFIRMED = "expired_unconfirmed"
    PAID = "paid"
    DELIVERY_REQUESTED = "delivery_requested"
    DELIVERY_UNKNOWN = "delivery_unknown"
    PAID_NOT_DELIVERED = "paid_not_delivered"
    # Final states.
    DELIVERED = "delivered"
    SETTLED = "settled"
    DECLINED = "declined"
    ERROR = "error"
    NOT_CREATED = "not_created"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


S = SaleState

FINAL_STATES: frozenset[SaleState] = frozenset(
    {S.DELIVERED, S.SETTLED, S.DECLINED, S.ERROR, S.NOT_CREATED, S.CANCELLED, S.EXPIRED}
)

# What a payment look-up can tell about a sale that is waiting for its payment.
_PAYMENT_OUTCOMES = frozenset({S.PAYMENT_PENDING, S.PAYMENT_FAILED, S.PAID})

ALLOWED_TRANSITIONS: dict[SaleState, frozenset[SaleState]] = {
    # Nothing sent yet: the customer may still back out, and nothing is owed.
    S.CREATED: frozenset({S.PAYMENT_REQUESTED, S.PAYMENT_PENDING, S.CANCELLED}),
    # A create is on its way (journaled before the POST) or its answer was lost.
    S.PAYMENT_REQUESTED: _PAYMENT_OUTCOMES
    | {S.PAYMENT_UNKNOWN, S.NOT_CREATED, S.CANCELLED_UNCONFIRMED},
    S.PAYMENT_UNKNOWN: _PAYMENT_OUTCOMES | {S.NOT_CREATED, S.CANCELLED_UNCONFIRMED},
    S.PAYMENT_PENDING: frozenset(
        {S.PAID, S.PAYMENT_FAILED, S.CANCELLED_UNCONFIRMED, S.EXPIRED_UNCONFIRMED}
    ),
    # An attempt was declined, errored or refused: the payer may try again (a new
    # attempt reference at the counter, the same checkout on the phone), or the sale
    # closes: declined/error, not created (no attempt ever existed), or cancelled
    # when nothing approvable is left (an assisted attempt that is already final).
    S.PAYMENT_FAILED: frozenset(
        {
            S.PAYMENT_REQUESTED,
            S.PAYMENT_PENDING,
            S.PAID,
            S.DECLINED,
            S.ERROR,
            S.NOT_CREATED,
            S.CANCELLED,
            S.CANCELLED_UNCONFIRMED,
            S.EXPIRED_UNCONFIRMED,
        }
    ),
    # The screen stopped waiting; only the gateway's answer makes these final.
    S.CANCELLED_UNCONFIRMED: frozenset({S.PAID, S.CANCELLED}),
    S.EXPIRED_UNCONFIRMED: frozenset({S.PAID, S.EXPIRED}),
    S.PAID: frozenset({S.DELIVERY_REQUESTED, S.PAID_NOT_DELIVERED}),
    S.DELIVERY_REQUESTED: frozenset({S.DELIVERED, S.DELIVERY_UNKNOWN, S.PAID_NOT_DELIVERED}),
    # A look-up that finds nothing sends the same custom identifier again.
    S.DELIVERY_UNKNOWN: frozenset({S.DELIVERED, S.PAID_NOT_DELIVERED, S.DELIVERY_REQUESTED}),
    # Only an admin moves it on, recording how the customer was settled.
    S.PAID_NOT_DELIVERED: frozenset({S.SETTLED}),
}
for _final in FINAL_STATES:
    ALLOWED_TRANSITIONS[_final] = frozenset()


def is_final(state: SaleState) -> bool:
    return state in FINAL_STATES


def can_transition(current: SaleState | None, target: SaleState) -> bool:
    """True when ``current -> target`` is allowed; ``None`` means "no sale yet"."""
    if current is None:
        return target is S.CREATED
    return target in ALLOWED_TRANSITIONS[current]


def check_transition(current: SaleState | None, target: SaleState) -> None:
    """Raise :class:`SaleTransitionError` unless ``current -> target`` is allowed."""
    if can_transition(current, target):
        return
    if current is None:
        raise SaleTransitionError("sale.unknown", target=str(target))
    if is_final(current):
        raise SaleTransitionError("sale.final", current=str(current), target=str(target))
    raise SaleTransitionError("sale.transition", current=str(current), target=str(target))
