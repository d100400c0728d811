"""What the screens need from the gateways before a sale: the offer, the operator, banks, terms.

The decisions (which packs and amounts, which operators are sold) are the catalogue
service's; this controller runs it on workers and reports through signals.

The store's float is read again in the background every ``float_every_ms`` (a minute by
default; counted again from each read) and after each delivered sale of the sale
controller it follows (:meth:`follow_sales`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.controllers.language import describe
from kiosk.controllers.worker import run
from kiosk.domain.catalogue import Catalogue
from kiosk.domain.errors import ValidationError
from kiosk.domain.offer import LineOffer, StoreOffer
from kiosk.domain.outcomes import Verdict
from kiosk.domain.sale import PaymentMode, SaleState
from kiosk.domain.store_float import Money
from kiosk.services.catalogue import CatalogueService

if TYPE_CHECKING:
    from kiosk.controllers.sale import SaleController

log = logging.getLogger(__name__)

#: How often the store's float is read again in the background.
FLOAT_REFRESH_MS = 60_000


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
    #: The store's balance with the provider (a :class:`~kiosk.domain.store_float.Money`),
    #: at each read; a screen clears its warning here.
    floatReady = Signal(object)
    #: Right after ``floatReady`` when the balance is under the store's warning threshold:
    #: (balance, threshold), both :class:`~kiosk.domain.store_float.Money` in its currency.
    floatLow = Signal(object, object)
    banksReady = Signal(list)  # [(code, name), ...]
    termsReady = Signal(str, str)  # acceptance permalink, personal data permalink
    #: A message (a :class:`~kiosk.controllers.language.Said`) for the screen on show.
    failed = Signal(object)

    def __init__(
        self,
        service: CatalogueService,
        parent: QObject | None = None,
        *,
        float_every_ms: int = FLOAT_REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.offer: StoreOffer | None = None
        #: Each detected line's offer (kept on the GUI thread), for the sale that follows.
        self._lines: dict[str, LineOffer] = {}
        #: The last float read (None before the first).
        self.store_float: Money | None = None
        self._float_loading = False
        self._float_again = False
        self._float_stopped = False
        self._float_timer = QTimer(self)
        self._float_timer.setSingleShot(True)
        self._float_timer.setInterval(max(1, float_every_ms))
        self._float_timer.timeout.connect(self.load_float)

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
        """Read the store's float off the GUI thread (a failure only leaves it unshown), then
        again after ``float_every_ms``. A read asked while one runs follows it (one at a time)."""
        self._float_timer.stop()
        self._float_stopped = False
        if self._float_loading:
            self._float_again = True
            return
        self._float_loading = True
        run(self._service.store_float, name="float").on_success(self._float_read).on_failure(
            self._float_failed
        )

    def stop_float_refresh(self) -> None:
        """No more background reads (the app closes; a read still running does not start the
        timer again); :meth:`load_float` starts them again."""
        self._float_stopped = True
        self._float_timer.stop()
        self._float_again = False

    @property
    def float_refresh_ms(self) -> int:
        """The wait between two background reads of the float."""
        return self._float_timer.interval()

    @property
    def float_refresh_waiting(self) -> bool:
        """The next background read is scheduled (a read done, the timer running)."""
        return self._float_timer.isActive()

    def follow_sales(self, sales: SaleController) -> None:
        """Read the float again after each sale ``sales`` delivers (it spent some of it)."""
        sales.finished.connect(self._sale_finished)

    def _sale_finished(self, verdict: Verdict) -> None:
        if verdict.receipt.state is SaleState.DELIVERED:
            self.load_float()

    def _float_read(self, balance: Money) -> None:
        self.store_float = balance
        self._float_done()
        self.floatReady.emit(balance)
        threshold = self._service.float_warning(balance)
        if threshold is not None and balance.amount < threshold.amount:
            self.floatLow.emit(balance, threshold)

    def _float_failed(self, error: BaseException) -> None:
        log.info("the float could not be read: %s", type(error).__name__)
        self._float_done()

    def _float_done(self) -> None:
        self._float_loading = False
        if self._float_again:
            self._float_again = False
            self.load_float()
        elif not self._float_stopped:
            self._float_timer.start()

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
