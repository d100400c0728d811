"""What the screens need from the gateways before a sale: the offer, the operator, banks, terms.

The decisions (which packs and amounts, which operators are sold) are the catalogue
service's; this controller runs it on workers and reports through signals.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from kiosk.controllers.language import describe
from kiosk.controllers.worker import run
from kiosk.domain.catalogue import Catalogue
from kiosk.domain.errors import ValidationError
from kiosk.domain.offer import LineOffer, StoreOffer
from kiosk.domain.sale import PaymentMode
from kiosk.services.catalogue import CatalogueService

log = logging.getLogger(__name__)


class CatalogueController(QObject):
    #: The store's offer is loaded (a :class:`~kiosk.domain.offer.StoreOffer`).
    catalogueReady = Signal(object)
    #: The line is served by an operator the store sells: (line, Operator).
    operatorDetected = Signal(str, object)
    #: Emitted just before ``operatorDetected``: the line as the store sells it, that
    #: operator's amounts and packs included (line, :class:`~kiosk.domain.offer.LineOffer`).
    lineOffer = Signal(str, object)
    #: The line cannot be sold here (ported to another operator): (line, Said message).
    lineRefused = Signal(str, object)
    #: The provider could not be asked (network, outage): (line, Said message); ask again.
    detectFailed = Signal(str, object)
    #: The store's balance with the provider (a :class:`~kiosk.domain.store_float.Money`).
    floatReady = Signal(object)
    banksReady = Signal(list)  # [(code, name), ...]
    termsReady = Signal(str, str)  # acceptance permalink, personal data permalink
    #: A message (a :class:`~kiosk.controllers.language.Said`) for the screen on show.
    failed = Signal(object)

    def __init__(self, service: CatalogueService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.offer: StoreOffer | None = None
        #: Each detected line's offer (kept on the GUI thread), for the sale that follows.
        self._lines: dict[str, LineOffer] = {}

    @property
    def catalogue(self) -> Catalogue | None:
        """The provider's catalogue once loaded (None before)."""
        return self.offer.catalogue if self.offer is not None else None

    def default_mode(self, app_mode: str) -> PaymentMode:
        return self._service.default_mode(app_mode)

    def load_catalogue(self) -> None:
        run(self._service.offer, name="catalogue").on_success(self._loaded).on_failure(
            lambda error: self.failed.emit(describe(error))
        )

    def _loaded(self, offer: StoreOffer) -> None:
        self.offer = offer
        self.catalogueReady.emit(offer)

    def detect_operator(self, line: str) -> None:
        run(lambda: self._service.detect(line), name="detect").on_success(
            lambda found: self._detected(line, found)
        ).on_failure(lambda error: self._not_detected(line, error))

    def _detected(self, line: str, found: LineOffer) -> None:
        self._lines[line] = found
        self.lineOffer.emit(line, found)
        self.operatorDetected.emit(line, found.operator)

    def line_offer(self, line: str) -> LineOffer | None:
        """How the store sells ``line``, as its last detection said (None: not detected)."""
        return self._lines.get(line)

    def _not_detected(self, line: str, error: BaseException) -> None:
        self._lines.pop(line, None)
        if isinstance(error, ValidationError):
            self.lineRefused.emit(line, describe(error))
        else:
            self.detectFailed.emit(line, describe(error))

    def load_float(self) -> None:
        """Read the store's float off the GUI thread (a failure only leaves it unshown)."""
        run(self._service.store_float, name="float").on_success(self.floatReady.emit).on_failure(
            lambda error: log.info("the float could not be read: %s", type(error).__name__)
        )

    def load_banks(self, refresh: bool = False) -> None:
        run(lambda: self._service.banks(refresh=refresh), name="banks").on_success(
            lambda banks: self.banksReady.emit([(bank.code, bank.name) for bank in banks])
        ).on_failure(lambda error: self.failed.emit(describe(error)))

    def load_terms(self) -> None:
        run(self._service.terms, name="terms").on_success(
            lambda tokens: self.termsReady.emit(
                tokens.acceptance_permalink, tokens.personal_data_permalink
            )
        ).on_failure(lambda error: self.failed.emit(describe(error)))
