"""Paying a sale by PSE: open it, start an attempt (checkout QR or assisted), follow it.

Rules that keep a payment from being lost:

* a committed journal entry comes before each outside call that changes something
  (the PSE create), carrying the attempt reference that makes it idempotent; an
  answer that changes the sale is journaled, one that changes nothing is not;
* a sale is closed unpaid only when no payment under it can still be approved: a
  checkout link can be paid (again, after a decline) until its signed expiry, a
  create whose answer was lost may still arrive until its expiration time.

Every method blocks (network, journal): controllers call them on a worker.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from kiosk.config import Config, LimitsConfig
from kiosk.domain.amounts import AmountOffer, topup_offer
from kiosk.domain.catalogue import Operator
from kiosk.domain.errors import SaleTransitionError
from kiosk.domain.fraud import FraudLimits, check_limits, kiosk_window_start, line_window_start
from kiosk.domain.lines import normalize_line
from kiosk.domain.operators import check_line_operator
from kiosk.domain.outcomes import (
    AWAITING_PAYMENT,
    PaymentOutcome,
    can_retry,
    closing_state,
    payment_outcome,
)
from kiosk.domain.payer import PayerData
from kiosk.domain.progress import SaleProgress
from kiosk.domain.recharge import RECHARGE_COOLDOWN, check_recharge_allowed
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.domain.sale_request import PaymentStart, SaleRequest, check_request
from kiosk.domain.store_float import Money, check_float, held_by
from kiosk.gateways.errors import GatewayError, GatewayRejected, GatewayUnavailable
from kiosk.gateways.pse import PseTransaction, format_expiration
from kiosk.journal.limits import float_holds, kiosk_usage, line_usage
from kiosk.journal.privacy import line_hmac, pick_gateway_fields
from kiosk.journal.references import attempt_reference as attempt_reference_of
from kiosk.services.ports import PaymentGateway
from kiosk.services.recorder import SaleRecorder

log = logging.getLogger(__name__)

S = SaleState
#: PSE's payment description: at most 30 characters, no ``|`` or ``"`` (gateway data,
#: shown by the bank, not by this app: not translated).
DESCRIPTION = {SaleKind.TOPUP: "Recarga celular", SaleKind.GIFT_PACK: "Paquete de regalo"}
#: After an expiry, wait this long before calling a payment impossible: the gateway's
#: clock may lag ours, and a create sent at the last second may still be on its way.
EXPIRY_GRACE = timedelta(seconds=60)
#: How long the bank URL of a new assisted payment may take to appear (the gateway gives
#: it only with a read after the create, often not the first one).
BANK_URL_WAIT_SECONDS = 10.0
BANK_URL_PAUSE_SECONDS = 0.5
#: The longest clerk name journaled with a sale (a display name, not a free text).
CLERK_NAME_MAX = 64


class PaymentService:
    """Opens sales and moves them along their payment, for the screens and settling."""

    def __init__(
        self,
        *,
        recorder: SaleRecorder,
        pse: PaymentGateway,
        config: Config,
        clock: Callable[[], datetime],
        new_reference: Callable[[], str],
        sleep: Callable[[float], None] = time.sleep,
        store_float: Callable[[], Money] | None = None,
    ) -> None:
        self._recorder = recorder
        #: The provider's balance for this store (None: not checked before a sale).
        self._store_float = store_float
        self._pse = pse
        self._config = config
        self._clock = clock
        self._new_reference = new_reference
        self._sleep = sleep
        #: The operator of an open sale by its id, for converting what it holds of the float
        #: (the catalogue service hands it in: :meth:`use_operators`).
        self._operator_of: Callable[[int], Operator | None] | None = None

    def use_operators(self, operator_of: Callable[[int], Operator | None]) -> None:
        """Where the operator of an open sale is found by its id (its ``fx``): the catalogue
        service calls it when it is built on this service."""
        self._operator_of = operator_of

    def use_limits(self, limits: LimitsConfig) -> None:
        """Settings changed: the fraud limits of ``limits`` from the next sale on. The
        amounts and presets stay as started: the screens offer what the catalogue read at
        start, and the settings say those wait for a restart."""
        self._config = dataclasses.replace(
            self._config,
            limits=dataclasses.replace(
                self._config.limits,
                line_daily_count=limits.line_daily_count,
                line_daily_pesos=limits.line_daily_pesos,
                kiosk_hourly_count=limits.kiosk_hourly_count,
                kiosk_hourly_pesos=limits.kiosk_hourly_pesos,
            ),
        )

    def use_kiosk_name(self, name: str) -> None:
        """Settings changed: the kiosk's name journaled with the sales nobody signed in sells."""
        self._config = dataclasses.replace(self._config, kiosk_name=name)

    # -- what may be sold --------------------------------------------------------------

    def offer_for(self, operator: Operator) -> AmountOffer:
        """The top-up amounts ``operator`` may be sold for at this store."""
        limits = self._config.limits
        return topup_offer(
            store_minimum=limits.topup_min_pesos,
            store_maximum=limits.topup_max_pesos,
            store_presets=limits.topup_presets_pesos,
            operator_minimum=operator.min_amount_pesos,
            operator_maximum=operator.max_amount_pesos,
            operator_fixed=operator.fixed_amounts_pesos,
        )

    def pack_range(self) -> AmountOffer:
        """The prices a gift pack may have here: PSE's minimum to the store's maximum."""
        limits = self._config.limits
        return topup_offer(store_minimum=0, store_maximum=limits.topup_max_pesos, store_presets=())

    # -- creating and paying -----------------------------------------------------------

    def check_recharge(self, line: str) -> None:
        """Refuse a line the provider would refuse: topped up (or being topped up) too
        recently (``sale.line_recently_recharged``, with the seconds left)."""
        now = self._clock()
        # A sale still being credited counts whatever its age (its top-up may land any time):
        # look as far back as reconciliation follows a sale; the rule does the timing.
        window = max(
            RECHARGE_COOLDOWN, timedelta(hours=self._config.payment.reconcile_window_hours)
        )
        recent = self._recorder.journal.sales_to_line(line, changed_since=now - window)
        check_recharge_allowed(((sale.state, sale.updated_at) for sale in recent), now)

    def check_limits(self, line: str, amount_pesos: int = 0) -> None:
        """Refuse a sale of ``amount_pesos`` to ``line`` past the store's limits against fraud
        (``sale.limit_line_day``, ``sale.limit_kiosk_hour`` and their ``_pesos`` twins;
        :mod:`kiosk.domain.fraud`). With no amount yet (the line was just typed), only a
        limit already used up refuses."""
        limits = self._config.limits
        rule = FraudLimits(
            line_daily_count=limits.line_daily_count,
            line_daily_pesos=limits.line_daily_pesos,
            kiosk_hourly_count=limits.kiosk_hourly_count,
            kiosk_hourly_pesos=limits.kiosk_hourly_pesos,
        )
        if not any(vars(rule).values()):
            return  # no limits: nothing to count
        now = self._clock()
        engine = self._recorder.journal.engine
        digest = line_hmac(self._config.line_secret, normalize_line(line))
        check_limits(
            rule,
            amount_pesos=amount_pesos,
            line_today=line_usage(engine, digest, since=line_window_start(now)),
            kiosk_last_hour=kiosk_usage(engine, since=kiosk_window_start(now)),
        )

    def _held(self, request: SaleRequest, currency: str) -> Money:
        """What the open sales hold of a float in ``currency``, each converted through its
        own operator (the catalogue's; the request's when the catalogue does not know it).
        Sales older than the reconciliation window are no longer followed: they hold nothing."""
        since = self._clock() - timedelta(hours=self._config.payment.reconcile_window_hours)
        holds = float_holds(self._recorder.journal.engine, since=since)
        found: dict[int, Operator] = {request.operator_id: request.operator}

        def operator(operator_id: int | None) -> Operator:
            if operator_id is None:
                return request.operator
            if operator_id not in found:
                known = self._operator_of(operator_id) if self._operator_of else None
                found[operator_id] = known or request.operator
            return found[operator_id]

        return held_by(
            ((hold.amount_pesos, operator(hold.operator_id)) for hold in holds), currency
        )

    def _check_float(self, request: SaleRequest) -> None:
        """Refuse a sale the store's float cannot pay once the open sales' holds are set aside
        (``topup.float_too_low``, ``sale.float_held``); a balance that cannot be read now does
        not stop the sale (the provider still has the last word)."""
        if self._store_float is None:
            return
        try:
            balance = self._store_float()
        except GatewayError as error:
            log.info("the float could not be read before a sale: %s", error.code)
            return
        held = self._held(request, balance.currency)
        check_float(balance, request.amount_pesos, request.operator, held)

    def open_sale(self, request: SaleRequest) -> SaleProgress:
        """Journal a new sale after checking it may be sold (``amount.*``/``pack.*``,
        ``sale.line_recently_recharged``, ``sale.limit_*``, the float), with who sold it
        (the clerk signed in, else the kiosk's name). Nothing is journaled on a refusal."""
        check_line_operator(request.operator, self._config.catalogue.operators)
        check_request(request, self.offer_for(request.operator), self.pack_range())
        self.check_recharge(request.line)
        self.check_limits(request.line, request.amount_pesos)
        self._check_float(request)
        # Receipts and the journal name the operator (its id is what the provider needs).
        data: dict[str, object] = {
            "operator_id": request.operator_id,
            "operator_name": request.operator.name,
        }
        clerk = (request.clerk.strip() or self._config.kiosk_name.strip())[:CLERK_NAME_MAX]
        if clerk:
            data["clerk"] = clerk
        if request.pack is not None:
            data["pack_name"] = request.pack.name
        return self._recorder.open(
            self._new_reference(),
            kind=request.kind,
            amount_pesos=request.amount_pesos,
            line=request.line,
            sender_line=request.sender_line or None,
            data=data,
        )

    def _new_attempt(self, progress: SaleProgress, mode: PaymentMode) -> tuple[int, str]:
        """The next attempt's number and reference; refuse while an attempt can still be paid."""
        if not (progress.state is S.CREATED or can_retry(progress)):
            target = S.PAYMENT_PENDING if mode is PaymentMode.CHECKOUT else S.PAYMENT_REQUESTED
            raise SaleTransitionError(
                "sale.transition", current=str(progress.state), target=str(target)
            )
        attempt = progress.attempt + 1
        return attempt, attempt_reference_of(progress.reference, attempt)

    def _expiry(self) -> datetime:
        # Whole milliseconds: the journaled text and the signed one must be the same instant.
        moment = self._clock() + timedelta(seconds=self._config.payment.checkout_ttl_seconds)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

    def start_checkout(self, reference: str) -> PaymentStart:
        """Sign a hosted checkout for the sale; the QR opens it on the payer's phone."""
        progress = self._recorder.progress(reference)
        attempt, attempt_ref = self._new_attempt(progress, PaymentMode.CHECKOUT)
        expires_at = self._expiry()
        url = self._pse.checkout_url(attempt_ref, progress.amount_pesos, expires_at)
        # Journaled before the QR is shown: from then on a payment may arrive.
        self._recorder.move(
            progress,
            S.PAYMENT_PENDING,
            "checkout_issued",
            mode=PaymentMode.CHECKOUT.value,
            attempt=attempt,
            attempt_reference=attempt_ref,
            expires_at=format_expiration(expires_at),
        )
        return PaymentStart(
            reference, attempt_ref, PaymentMode.CHECKOUT, url, progress.amount_pesos, expires_at
        )

    def start_assisted(
        self,
        reference: str,
        payer: PayerData,
        bank_code: str,
        on_waiting_for_bank: Callable[[], None] | None = None,
    ) -> PaymentStart:
        """Create a PSE transaction with the payer's data typed by the clerk.

        Each attempt has a reference of its own (``<sale>-<n>`` after the first): the
        gateway refuses a create under a reference already used. The bank URL usually comes
        only with a later read: ``on_waiting_for_bank`` is called once (on this thread)
        before that wait begins, so the screen can say what it waits for.

        Raises :class:`GatewayRejected` (fields to fix; a new attempt may follow),
        :class:`GatewayUnavailable` (nothing was sent; a new attempt may follow) or
        another :class:`GatewayError` such as ``OutcomeUnknown`` (the sale waits in
        ``payment_unknown`` until a look-up settles it).
        """
        progress = self._recorder.progress(reference)
        attempt, attempt_ref = self._new_attempt(progress, PaymentMode.ASSISTED)
        tokens = self._pse.acceptance_tokens()  # fresh for each create; nothing sent yet
        expires_at = self._expiry()
        progress = self._recorder.move(
            progress,
            S.PAYMENT_REQUESTED,
            "payment_requested",
            mode=PaymentMode.ASSISTED.value,
            attempt=attempt,
            attempt_reference=attempt_ref,
            bank_code=bank_code,
            expires_at=format_expiration(expires_at),
        )
        try:
            transaction = self._pse.create_pse_transaction(
                reference=attempt_ref,
                amount_pesos=progress.amount_pesos,
                payer=payer,
                bank_code=bank_code,
                description=DESCRIPTION[progress.kind],
                tokens=tokens,
                # The gateway refuses a create that arrives later: after it, "not found" is final.
                expiration_time=expires_at,
            )
        except GatewayRejected as rejected:
            refusal = rejected.error_code or f"HTTP_{rejected.params.get('status')}"
            self._recorder.advance(
                progress, S.PAYMENT_FAILED, "payment_rejected", payment_refusal=refusal
            )
            raise
        except GatewayUnavailable:
            # Raised for a create only when the request surely never left.
            self._recorder.advance(progress, S.PAYMENT_FAILED, "payment_unavailable")
            raise
        except GatewayError:
            # OutcomeUnknown (or an answer we cannot read): it may exist; a look-up settles it.
            self._recorder.advance(progress, S.PAYMENT_UNKNOWN, "payment_outcome_unknown")
            raise
        self.apply_answer(progress, transaction, closing=False)
        bank_url = transaction.bank_url
        if not bank_url:
            if on_waiting_for_bank is not None:
                on_waiting_for_bank()
            bank_url = self._wait_for_bank_url(transaction.id)
        mode, amount = PaymentMode.ASSISTED, progress.amount_pesos
        return PaymentStart(reference, attempt_ref, mode, bank_url, amount, expires_at)

    def _wait_for_bank_url(self, transaction_id: str) -> str:
        """Read the transaction until its bank URL shows (bounded: ``no_bank_url`` after
        ``BANK_URL_WAIT_SECONDS``). It comes with a read after the create, rarely the first."""
        give_up = time.monotonic() + BANK_URL_WAIT_SECONDS
        while True:
            try:
                transaction = self._pse.get_transaction(transaction_id)
            except GatewayUnavailable:
                if time.monotonic() >= give_up:
                    raise
            else:
                if transaction.bank_url:
                    return transaction.bank_url
                if payment_outcome(str(transaction.status)) is not PaymentOutcome.PENDING:
                    # Already final (the bank declined at once): no page to wait for.
                    raise GatewayUnavailable("pse", "no_bank_url")
                if time.monotonic() >= give_up:
                    raise GatewayUnavailable("pse", "no_bank_url")
            self._sleep(BANK_URL_PAUSE_SECONDS)

    def payment_start(self, reference: str) -> PaymentStart | None:
        """The QR of the attempt in progress again (e.g. once an unknown create is found).

        None when the sale waits for no payment or its attempt is not found (yet). An
        assisted attempt found without its bank URL is read again until the URL shows
        (bounded, as after a create).
        """
        progress = self._recorder.progress(reference)
        if progress.state not in AWAITING_PAYMENT or progress.expires_at is None:
            return None
        if progress.mode is None:
            return None
        if progress.mode is PaymentMode.CHECKOUT:
            url = self._pse.checkout_url(
                progress.attempt_reference, progress.amount_pesos, progress.expires_at
            )
        else:
            transaction = self.look_up(progress)
            if transaction is None:
                return None
            # Found, but its bank URL may not show yet: it does after a read or two.
            url = transaction.bank_url or self._wait_for_bank_url(transaction.id)
        return PaymentStart(
            reference,
            progress.attempt_reference,
            progress.mode,
            url,
            progress.amount_pesos,
            progress.expires_at,
        )

    # -- following the payment -----------------------------------------------------------

    def look_up(self, progress: SaleProgress) -> PseTransaction | None:
        """The attempt that decides the sale: the approved one, else the newest; None if none."""
        if progress.mode is PaymentMode.ASSISTED and progress.attempt_transaction_id:
            # One transaction per assisted attempt, and its id is known: ask for it directly.
            return self._pse.get_transaction(progress.attempt_transaction_id)
        attempts = self._pse.find_by_reference(progress.attempt_reference or progress.reference)
        return self._pse.settle_attempts(attempts) if attempts else None

    def poll(self, reference: str) -> SaleProgress:
        """Ask the gateway once and journal what changed; an approved sale comes back
        ``paid`` (the screen says "approved" before the line is credited)."""
        progress = self._recorder.progress(reference)
        if progress.state in AWAITING_PAYMENT:
            progress = self.apply_answer(progress, self.look_up(progress), closing=False)
        return progress

    def apply_answer(
        self, progress: SaleProgress, transaction: PseTransaction | None, *, closing: bool
    ) -> SaleProgress:
        """Move the sale after a look-up; ``closing`` means nobody waits on screen any more.

        An answer about another attempt, or one the sale has moved past, changes nothing.
        """
        if transaction is None:
            return self.close_unpaid(progress, found="") if closing else progress
        if transaction.reference != (progress.attempt_reference or progress.reference):
            log.info("sale %s: answer about another attempt ignored", progress.reference)
            return progress
        fields = pick_gateway_fields(transaction.journal_fields())
        outcome = payment_outcome(str(transaction.status))
        if outcome is PaymentOutcome.APPROVED:
            progress, paid = self._recorder.advance(
                progress, S.PAID, "payment_approved", gateway=fields
            )
            if paid and transaction.amount_pesos != progress.amount_pesos:
                progress = self.refuse_other_amount(progress)
        elif outcome is PaymentOutcome.PENDING:
            if progress.state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_FAILED}:
                progress, _ = self._recorder.advance(
                    progress, S.PAYMENT_PENDING, "payment_pending", gateway=fields
                )
        else:  # final for this attempt (a checkout may be paid again until it expires)
            if progress.state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN, S.PAYMENT_PENDING}:
                progress, _ = self._recorder.advance(
                    progress, S.PAYMENT_FAILED, "payment_failed", gateway=fields
                )
            if closing:
                progress = self.close_unpaid(progress, found=str(transaction.status))
        return progress

    def refuse_other_amount(self, progress: SaleProgress) -> SaleProgress:
        """Approved for another amount: only the sale's own amount is ever fulfilled; an
        admin settles the difference."""
        progress, _ = self._recorder.advance(
            progress, S.PAID_NOT_DELIVERED, "payment_amount_mismatch", refusal="AMOUNT_MISMATCH"
        )
        return progress

    def _payable_until(self, progress: SaleProgress) -> datetime:
        """When the current attempt stops being payable, grace included."""
        expires_at = progress.expires_at or progress.state_since + timedelta(
            seconds=self._config.payment.checkout_ttl_seconds
        )
        return expires_at + EXPIRY_GRACE

    def _nothing_approvable(self, progress: SaleProgress, found: str) -> bool:
        """No payment under this sale can still be approved (``found``: the last attempt's
        final status, or "" when the gateway knows no transaction for it)."""
        if progress.mode is PaymentMode.CHECKOUT:
            # The payer may open the link, or try again after a decline, until it expires.
            return self._clock() >= self._payable_until(progress)
        if found or progress.state is S.PAYMENT_FAILED:
            # The assisted attempt is final, or its create was refused or never sent.
            return True
        # A create whose answer was lost may still arrive until its expiration time.
        return self._clock() >= self._payable_until(progress)

    def close_unpaid(self, progress: SaleProgress, *, found: str) -> SaleProgress:
        """Close a sale whose payment can no longer be approved; else leave it watched."""
        if not self._nothing_approvable(progress, found):
            return progress
        if progress.state is S.PAYMENT_PENDING:
            # A checkout nobody paid, found after its expiry (e.g. after a restart).
            progress, moved = self._recorder.advance(
                progress, S.EXPIRED_UNCONFIRMED, "checkout_expired"
            )
            if not moved:
                return progress
        state = progress.state
        if state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN}:
            target = S.NOT_CREATED
        elif state is S.CANCELLED_UNCONFIRMED:
            target = S.CANCELLED
        elif state is S.EXPIRED_UNCONFIRMED:
            target = S.EXPIRED
        elif state is S.PAYMENT_FAILED:
            target = closing_state(found or progress.gateway_status)
        else:
            return progress
        progress, _ = self._recorder.advance(
            progress, target, "sale_closed", gateway_status=found or None
        )
        return progress

    def stop_waiting(self, reference: str, *, expired: bool) -> SaleProgress:
        """The customer cancelled or the QR's countdown ended: stop waiting on screen.

        Nothing is revoked: a signed checkout or a created transaction can still be
        approved, so the sale stays watched until the gateway says otherwise.
        """
        progress = self._recorder.progress(reference)
        state = progress.state
        event = "screen_expired" if expired else "screen_cancelled"
        if state is S.CREATED:
            target = S.CANCELLED
        elif can_retry(progress):
            # The assisted attempt is already final: nothing can be approved any more.
            target = S.CANCELLED if progress.gateway_transaction_id else S.NOT_CREATED
        elif state in {S.PAYMENT_PENDING, S.PAYMENT_FAILED}:
            target = S.EXPIRED_UNCONFIRMED if expired else S.CANCELLED_UNCONFIRMED
        elif state in {S.PAYMENT_REQUESTED, S.PAYMENT_UNKNOWN}:
            # The one "stopped waiting" state a create of unknown outcome may move to.
            target = S.CANCELLED_UNCONFIRMED
        else:
            return progress
        progress, _ = self._recorder.advance(progress, target, event)
        return progress
