"""What a sale needs to know before it exists: the store's offer, the line's operator,
the banks and the gateway's terms (plain Python; the controllers run it on workers)."""

from __future__ import annotations

import dataclasses
import logging

from kiosk.config import Config
from kiosk.domain.catalogue import Catalogue, Operator
from kiosk.domain.numbering import ported_from
from kiosk.domain.offer import LineOffer, StoreOffer
from kiosk.domain.operators import check_line_operator, sells
from kiosk.domain.outcomes import default_payment_mode
from kiosk.domain.sale import PaymentMode
from kiosk.domain.store_float import Money, warning_threshold
from kiosk.gateways.errors import GatewayError, GatewayProtocolError
from kiosk.gateways.pse import AcceptanceTokens, Bank
from kiosk.services.payments import PaymentService
from kiosk.services.ports import PaymentGateway, TopupProvider

log = logging.getLogger(__name__)


class CatalogueService:
    """Every operator the store sells, each with its own amounts and packs, and which of
    them a line is sold as. The provider's catalogue is read once and kept (``offers``
    reads it again).

    Built on the payment service, it tells it each operator's rate by id
    (:meth:`operator`): what an open sale holds of the float is converted through its own
    operator's ``fx``.
    """

    def __init__(
        self,
        *,
        topups: TopupProvider,
        pse: PaymentGateway,
        payments: PaymentService,
        config: Config,
    ) -> None:
        self._topups = topups
        self._pse = pse
        self._payments = payments
        self._config = config
        self._offers: tuple[StoreOffer, ...] = ()
        payments.use_operators(self.operator)

    @property
    def sold_brands(self) -> tuple[str, ...]:
        """The brands this store sells (``[catalogue] operators``; empty: every one)."""
        return self._config.catalogue.operators

    def _offer_of(self, catalogue: Catalogue) -> StoreOffer:
        topup = self._payments.offer_for(catalogue.topup_operator)
        pack_range = self._payments.pack_range()
        packs = catalogue.payable_packs(pack_range.minimum_pesos, pack_range.maximum_pesos)
        return StoreOffer(catalogue, topup, packs)

    def offers(self) -> tuple[StoreOffer, ...]:
        """Each operator's offer here (the provider's Colombian catalogue, the operators
        this store sells, within its limits), in the provider's order."""
        catalogues = self._topups.catalogues()
        sold = tuple(c for c in catalogues if sells(c.brand, self.sold_brands))
        self._offers = tuple(self._offer_of(catalogue) for catalogue in sold)
        if not self._offers:
            raise GatewayProtocolError("topups", "catalogue: no operator sold here")
        return self._offers

    def offer(self) -> StoreOffer:
        """The offer the screens show before a line is typed: the first operator sold here."""
        return self.offers()[0]

    def detect(self, line: str) -> LineOffer:
        """The line as the store can sell it: the operator the provider detects (a ported
        line under its new operator), that operator's offer, and where it was ported from;
        else a :class:`ValidationError` before any payment: ``sale.line_other_operator``
        (an operator this store does not sell), ``sale.line_recently_recharged`` or a
        fraud limit already used up (``sale.limit_*``)."""
        operator = check_line_operator(self._topups.detect_operator(line), self.sold_brands)
        self._payments.check_recharge(line)
        self._payments.check_limits(line)
        offer = self._offer_for(operator)
        return LineOffer(operator, offer, ported_from(line, operator.brand))

    def _offer_for(self, operator: Operator) -> StoreOffer:
        """The offer of the detected operator's brand: from the catalogue read before,
        else read again (the provider may list an operator the store had not seen yet)."""
        found = _matching(self._offers, operator) or _matching(self.offers(), operator)
        if found is None:
            raise GatewayProtocolError("topups", "catalogue: the detected operator is not listed")
        return found

    def store_float(self) -> Money:
        """The store's balance with the provider, in its own currency (often USD)."""
        balance = self._topups.account_balance()
        return Money(balance.amount, balance.currency)

    def float_warning(self, balance: Money) -> Money | None:
        """The threshold under which ``balance`` warns the clerk (``[limits]
        float_warning_below``, in the float's own currency); None: never warn."""
        return warning_threshold(balance, self._config.limits.float_warning_below)

    def use_float_warning(self, below: int) -> None:
        """Settings changed: warn under ``below`` (whole units of the float's currency) from
        now on; the rest of the configuration is read at start only."""
        limits = dataclasses.replace(self._config.limits, float_warning_below=below)
        self._config = dataclasses.replace(self._config, limits=limits)

    def operator(self, operator_id: int) -> Operator | None:
        """The operator (top-up or bundle) with ``operator_id`` in the catalogue read before,
        else in the catalogue read again; None if the provider does not list it (or cannot
        be read now). Blocks when the catalogue must be read."""
        found = _operator_in(self._offers, operator_id)
        if found is not None:
            return found
        try:
            return _operator_in(self.offers(), operator_id)
        except GatewayError as error:
            log.info("the catalogue could not be read for operator %s: %s", operator_id, error)
            return None

    def banks(self, refresh: bool = False) -> list[Bank]:
        return self._pse.banks(refresh=refresh)

    def terms(self) -> AcceptanceTokens:
        return self._pse.acceptance_tokens()

    def default_mode(self, app_mode: str) -> PaymentMode:
        payment = self._config.payment
        return default_payment_mode(
            app_mode, counter=payment.default_mode_counter, kiosk=payment.default_mode_kiosk
        )


def _operator_in(offers: tuple[StoreOffer, ...], operator_id: int) -> Operator | None:
    for offer in offers:
        for operator in (offer.topup_operator, offer.bundle_operator):
            if operator is not None and operator.id == operator_id:
                return operator
    return None


def _matching(offers: tuple[StoreOffer, ...], operator: Operator) -> StoreOffer | None:
    by_id = (offer for offer in offers if offer.topup_operator.id == operator.id)
    by_brand = (offer for offer in offers if sells(operator.brand, (offer.brand,)))
    return next(by_id, None) or next(by_brand, None)
