"""What the screens need from the gateways before a sale: catalogue, operator, banks, terms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.controllers.worker import run
from kiosk.domain.catalogue import Catalogue, Operator
from kiosk.messages import describe, render


class CatalogueController(QObject):
    catalogueReady = Signal(object)  # Catalogue
    #: The line is served by the catalogue's operator: (line, Operator).
    operatorDetected = Signal(str, object)
    #: The line cannot be sold here (ported to another operator): (line, message).
    lineRefused = Signal(str, str)
    #: The provider could not be asked (network, outage): (line, message); ask again later.
    detectFailed = Signal(str, str)
    banksReady = Signal(list)  # [(code, name), ...]
    termsReady = Signal(str, str)  # acceptance permalink, personal data permalink
    failed = Signal(str)

    def __init__(self, topups: Any, pse: Any, *, brand: str = "Claro", parent=None) -> None:
        super().__init__(parent)
        self._topups = topups
        self._pse = pse
        self._brand = brand
        self.catalogue: Catalogue | None = None

    def load_catalogue(self) -> None:
        run(lambda: self._topups.catalogue_for(self._brand), name="catalogue").on_success(
            self._catalogue_loaded
        ).on_failure(lambda error: self.failed.emit(describe(error)))

    def _catalogue_loaded(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.catalogueReady.emit(catalogue)

    def detect_operator(self, line: str) -> None:
        run(lambda: self._topups.detect_operator(line), name="detect").on_success(
            lambda operator: self._detected(line, operator)
        ).on_failure(lambda error: self.detectFailed.emit(line, describe(error)))

    def _detected(self, line: str, operator: Operator) -> None:
        # The brand sold here, even before the catalogue has loaded: a ported line typed
        # early must not slip through to a payment the provider would then refuse.
        brand = self.catalogue.topup_operator.brand if self.catalogue else self._brand
        if operator.brand.lower() != brand.lower():
            message = render(
                "sale.line_other_operator", {"operator": operator.brand, "brand": brand}
            )
            self.lineRefused.emit(line, message)
            return
        self.operatorDetected.emit(line, operator)

    def load_banks(self, refresh: bool = False) -> None:
        run(lambda: self._pse.banks(refresh=refresh), name="banks").on_success(
            lambda banks: self.banksReady.emit([(bank.code, bank.name) for bank in banks])
        ).on_failure(lambda error: self.failed.emit(describe(error)))

    def load_terms(self) -> None:
        run(self._pse.acceptance_tokens, name="terms").on_success(
            lambda tokens: self.termsReady.emit(
                tokens.acceptance_permalink, tokens.personal_data_permalink
            )
        ).on_failure(lambda error: self.failed.emit(describe(error)))
