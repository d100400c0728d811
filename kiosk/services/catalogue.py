"""What a sale needs to know before it exists: the store's offer, the line's operator,
the banks and the gateway's terms (plain Python; the controllers run it on workers)."""

from __future__ import annotations

from kiosk.config import Config
from kiosk.domain.catalogue import Operator
from kiosk.domain.offer import StoreOffer
from kiosk.domain.operators import SOLD_BRAND, check_line_operator
from kiosk.domain.outcomes import default_payment_mode
from kiosk.domain.sale import PaymentMode
from kiosk.gateways.pse import AcceptanceTokens, Bank
from kiosk.services.payments import PaymentService
from kiosk.services.ports import PaymentGateway, TopupProvider


class CatalogueService:
    def __init__(
        self,
        *,
        topups: TopupProvider,
        pse: PaymentGateway,
        payments: PaymentService,
        config: Config,
        brand: str = SOLD_BRAND,
    ) -> None:
        self._topups = topups
        self._pse = pse
        self._payments = payments
        self._config = config
        self._brand = brand

    def offer(self) -> StoreOffer:
        """The provider's catalogue for the brand sold here, within the store's limits."""
        catalogue = self._topups.catalogue_for(self._brand)
        topup = self._payments.offer_for(catalogue.topup_operator)
        pack_range = self._payments.pack_range()
        packs = catalogue.payable_packs(pack_range.minimum_pesos, pack_range.maximum_pesos)
        return StoreOffer(catalogue, topup, packs)

    def detect(self, line: str) -> Operator:
        """The line's operator as the provider detects it, if the store sells it and the
        provider would take a top-up for it now; else a :class:`ValidationError`:
        ``sale.line_other_operator`` (e.g. a ported line) or ``sale.line_recently_recharged``."""
        operator = check_line_operator(self._topups.detect_operator(line), self._brand)
        self._payments.check_recharge(line)
        return operator

    def banks(self, refresh: bool = False) -> list[Bank]:
        return self._pse.banks(refresh=refresh)

    def terms(self) -> AcceptanceTokens:
        return self._pse.acceptance_tokens()

    def default_mode(self, app_mode: str) -> PaymentMode:
        payment = self._config.payment
        return default_payment_mode(
            app_mode, counter=payment.default_mode_counter, kiosk=payment.default_mode_kiosk
        )
