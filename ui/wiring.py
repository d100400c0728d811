"""Connect the screens' intents to the controllers, and the controllers' news to the screens.

The screens never call a gateway or the journal; the controllers never touch a
widget. This module is the only place that knows both, and holds no business
rule of its own beyond "which screen comes next".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from kiosk.config import Config
from kiosk.controllers.balance import BalanceController
from kiosk.controllers.catalogue import CatalogueController
from kiosk.controllers.reconcile import ReconcileController
from kiosk.controllers.sale import PAID_STATES, SaleController
from kiosk.domain.amounts import PSE_MINIMUM_PESOS
from kiosk.domain.catalogue import Catalogue, Operator, Pack
from kiosk.domain.lines import mask_line
from kiosk.domain.payer import PayerData
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.services.reconcile import ReconcileReport
from kiosk.services.sale_record import SaleProgress
from kiosk.services.sales import PaymentStart, SaleRequest
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.screens.line_screen import LineScreen
from ui.texts import payment_status_text, result_texts

WAIT_TEXT = "Un momento, por favor…"
#: States in which the sale is followed before any QR could be shown (a create's answer lost).
_FOLLOWED_WITHOUT_QR = frozenset(
    {SaleState.PAYMENT_REQUESTED, SaleState.PAYMENT_UNKNOWN, SaleState.PAYMENT_PENDING}
)
#: A failed attempt is worded as what the gateway said about it.
_FAILED_ATTEMPT_WORDS = {
    "DECLINED": SaleState.DECLINED,
    "VOIDED": SaleState.DECLINED,
    "ERROR": SaleState.ERROR,
}


@dataclass
class Controllers:
    sale: SaleController
    catalogue: CatalogueController
    balance: BalanceController
    reconcile: ReconcileController


class Wiring(QObject):
    """The screen flow of one window: start → job → confirm → (payer) → payment → result."""

    def __init__(
        self, window: MainWindow, controllers: Controllers, config: Config, parent=None
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.controllers = controllers
        self._config = config
        self._request: SaleRequest | None = None
        self._mode: PaymentMode | None = None
        #: The sale's last known progress (its gateway status words a failed attempt).
        self._progress: SaleProgress | None = None
        self._job_screen: Screen = window.topup
        self._connect_start()
        self._connect_line_screens()
        self._connect_sale()
        self._connect_balance()
        self._connect_reconcile()

    # -- start and the job screens ------------------------------------------------------

    def _connect_start(self) -> None:
        window, catalogue = self.window, self.controllers.catalogue
        window.start.topupChosen.connect(lambda: self._open_job(window.topup))
        window.start.giftPackChosen.connect(lambda: self._open_job(window.gift_pack))
        window.start.balanceChosen.connect(window.show_balance)
        catalogue.catalogueReady.connect(self._catalogue_ready)
        catalogue.failed.connect(self._catalogue_failed)
        for screen in (window.topup, window.gift_pack, window.balance):
            screen.back.connect(self._back_to_start)
        window.confirm.back.connect(lambda: window.show_screen(self._job_screen))
        window.payer.back.connect(window.show_confirm)
        window.result.back.connect(self._back_to_start)
        window.result.done.connect(self._back_to_start)

    def _open_job(self, screen: Screen) -> None:
        self._job_screen = screen
        if self.controllers.catalogue.catalogue is None:
            self.controllers.catalogue.load_catalogue()
        self.window.show_screen(screen)

    def _back_to_start(self) -> None:
        self.controllers.sale.reset()
        self._request = None
        self._mode = None
        self._progress = None
        self.window.show_start(reset=True)

    def _catalogue_ready(self, catalogue: Catalogue) -> None:
        operator = catalogue.topup_operator
        limits = self._config.limits
        if operator.fixed_amounts_pesos:
            self.window.topup.setPresets(operator.fixed_amounts_pesos, fixed=True)
        else:
            self.window.topup.setPresets(limits.topup_presets_pesos)
        minimum = max(limits.topup_min_pesos, operator.min_amount_pesos or 0)
        maximum = min(limits.topup_max_pesos, operator.max_amount_pesos or limits.topup_max_pesos)
        self.window.topup.setLimits(minimum, maximum)
        # A pack's price is fixed by the operator: only PSE's minimum and the store's
        # ceiling per sale apply to it.
        self.window.gift_pack.setPacks(
            catalogue.payable_packs(PSE_MINIMUM_PESOS, limits.topup_max_pesos)
        )

    def _catalogue_failed(self, message: str) -> None:
        screen = self.window.currentScreen()
        if screen in (self.window.topup, self.window.gift_pack, self.window.payer):
            screen.setError(message)

    def _connect_line_screens(self) -> None:
        catalogue = self.controllers.catalogue
        for screen in (self.window.topup, self.window.gift_pack):
            screen.lineEntered.connect(lambda line, s=screen: self._detect(s, line))
        catalogue.operatorDetected.connect(self._operator_detected)
        catalogue.lineRefused.connect(self._line_refused)
        catalogue.detectFailed.connect(self._detect_failed)
        self.window.topup.submitted.connect(self._topup_submitted)
        self.window.gift_pack.submitted.connect(self._gift_pack_submitted)

    def _detect(self, screen: LineScreen, line: str) -> None:
        screen.setDetecting()
        self.controllers.catalogue.detect_operator(line)

    def _line_screens(self) -> tuple[LineScreen, ...]:
        return (self.window.topup, self.window.gift_pack)

    def _operator_detected(self, line: str, operator: Operator) -> None:
        for screen in self._line_screens():
            if screen.line() == line:
                screen.setOperator(operator.name, for_line=line)

    def _line_refused(self, line: str, message: str) -> None:
        for screen in self._line_screens():
            if screen.line() == line:
                screen.setLineRefused(message, for_line=line)

    def _detect_failed(self, line: str, message: str) -> None:
        for screen in self._line_screens():
            if screen.line() == line:
                screen.setDetectionFailed(message, for_line=line)

    def _topup_submitted(self, line: str, amount_pesos: int) -> None:
        catalogue = self.controllers.catalogue.catalogue
        if catalogue is None:
            self.window.topup.setError("El catálogo aún no ha cargado. Intente de nuevo.")
            self.controllers.catalogue.load_catalogue()
            return
        operator = catalogue.topup_operator
        self._request = SaleRequest(SaleKind.TOPUP, line, amount_pesos, operator.id)
        self._show_confirm(operator.name)

    def _gift_pack_submitted(self, line: str, pack: Pack, sender_line: str | None) -> None:
        catalogue = self.controllers.catalogue.catalogue
        if catalogue is None or catalogue.bundle_operator is None:
            self.window.gift_pack.setError("El catálogo aún no ha cargado. Intente de nuevo.")
            self.controllers.catalogue.load_catalogue()
            return
        self._request = SaleRequest(
            SaleKind.GIFT_PACK,
            line,
            pack.amount_pesos,
            catalogue.bundle_operator.id,
            pack=pack,
            sender_line=sender_line or None,
        )
        self._show_confirm(catalogue.topup_operator.name)

    def _show_confirm(self, operator_name: str) -> None:
        request = self._request
        assert request is not None
        # A sale changed after a declined attempt (the clerk went back to the job screen)
        # is a new sale: the old one is left to the reconciler, which closes it.
        self.controllers.sale.reset()
        confirm = self.window.confirm
        confirm.setSummary(
            request.kind,
            request.line,
            operator_name,
            request.amount_pesos,
            pack=request.pack,
            sender_line=request.sender_line,
        )
        default = (
            self._config.payment.default_mode_kiosk
            if self._config.mode == "kiosk"
            else self._config.payment.default_mode_counter
        )
        confirm.setDefaultMode(PaymentMode(default))
        self.window.show_confirm()

    # -- paying ---------------------------------------------------------------------------

    def _connect_sale(self) -> None:
        window, sale, catalogue = self.window, self.controllers.sale, self.controllers.catalogue
        window.confirm.confirmed.connect(self._mode_chosen)
        window.payer.submitted.connect(self._payer_submitted)
        window.payer.termsLinkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        catalogue.banksReady.connect(window.payer.setBanks)
        catalogue.termsReady.connect(window.payer.setTerms)
        sale.paymentStarted.connect(self._payment_started)
        sale.progressChanged.connect(self._progress_changed)
        sale.finished.connect(self._finished)
        sale.failed.connect(self._sale_failed)
        sale.attemptFailed.connect(self._attempt_failed)
        sale.busyChanged.connect(self._sale_busy)
        window.payment.cancelRequested.connect(self._cancel_payment)
        window.payer.busyCancelled.connect(self._cancel_payment)
        window.confirm.busyCancelled.connect(self._cancel_payment)
        window.payment.countdownExpired.connect(sale.expire)
        window.result.retryRequested.connect(self._retry)

    def _mode_chosen(self, mode: PaymentMode) -> None:
        self._mode = mode
        request = self._request
        if request is None:
            self._back_to_start()
            return
        if mode is PaymentMode.CHECKOUT:
            self.controllers.sale.begin(request, mode)
            return
        payer = self.window.payer
        payer.reset()
        payer.setPhone(request.line)
        payer.setAmount(request.amount_pesos)
        self.controllers.catalogue.load_banks()
        self.controllers.catalogue.load_terms()
        self.window.show_payer()

    def _payer_submitted(self, payer: PayerData, bank_code: str) -> None:
        sale = self.controllers.sale
        if sale.reference:
            sale.retry(payer, bank_code)
        elif self._request is not None:
            sale.begin(self._request, PaymentMode.ASSISTED, payer, bank_code)

    def _retry(self) -> None:
        # A declined assisted attempt: same sale, new attempt with fresh acceptance terms.
        self.controllers.catalogue.load_terms()
        self.window.show_payer()

    def _sale_busy(self, busy: bool) -> None:
        self.window.currentScreen().setBusy(busy, WAIT_TEXT, cancellable=False)

    def _payment_started(self, start: PaymentStart) -> None:
        self._stop_busy_before_payment()
        payment = self.window.payment
        payment.showPayment(
            start.qr_text, start.amount_pesos, start.reference, start.expires_at, start.mode
        )
        kind = self._request.kind if self._request else SaleKind.TOPUP
        payment.setStatus(payment_status_text(SaleState.PAYMENT_PENDING, kind, start.mode))
        payment.setCancelEnabled(True)
        self.window.show_payment()

    def _progress_changed(self, progress: SaleProgress) -> None:
        self._progress = progress
        screen = self.window.currentScreen()
        text = payment_status_text(progress.state, progress.kind, progress.mode)
        if screen is self.window.payment:
            self.window.payment.setStatus(text)
            if progress.state in PAID_STATES:
                # Approved: nothing left to cancel; the line is being credited.
                self.window.payment.setCancelEnabled(False)
        elif progress.state in _FOLLOWED_WITHOUT_QR and screen in (
            self.window.payer,
            self.window.confirm,
        ):
            # The create's answer was lost: the controller follows the sale by reference.
            # Say so, and let the clerk stop waiting (the reconciler keeps following it).
            screen.setBusy(True, text, cancellable=True)

    def _cancel_payment(self) -> None:
        self.window.payment.setCancelEnabled(False)
        self.controllers.sale.cancel()

    def _finished(self, receipt: Receipt) -> None:
        headline, next_steps = result_texts(self._worded_state(receipt), receipt.kind)
        self._stop_busy_before_payment()
        result = self.window.result
        result.showResult(receipt, headline, next_steps)
        retry = receipt.state is SaleState.PAYMENT_FAILED and self._mode is PaymentMode.ASSISTED
        result.setRetryAvailable(retry)
        self.window.show_result()

    def _stop_busy_before_payment(self) -> None:
        # Screens left behind must not come back busy (e.g. the payer screen on a retry).
        for screen in (self.window.confirm, self.window.payer):
            screen.setBusy(False)

    def _worded_state(self, receipt: Receipt) -> SaleState:
        """The state whose words fit: a failed attempt says whether the bank declined or erred."""
        progress = self._progress
        if (
            receipt.state is SaleState.PAYMENT_FAILED
            and progress is not None
            and progress.reference == receipt.reference
        ):
            return _FAILED_ATTEMPT_WORDS.get(progress.gateway_status, receipt.state)
        return receipt.state

    def _sale_failed(self, message: str) -> None:
        self.window.currentScreen().setError(message)

    def _attempt_failed(self, message: str) -> None:
        # The gateway refused the create (e.g. a field): the clerk fixes it and tries again.
        self.window.show_payer()
        self.window.payer.setError(message)
        self.controllers.catalogue.load_terms()

    # -- balance ----------------------------------------------------------------------------

    def _connect_balance(self) -> None:
        screen, balance = self.window.balance, self.controllers.balance
        screen.codeRequested.connect(balance.send_code)
        screen.codeSubmitted.connect(balance.check)
        balance.codeSent.connect(lambda line: screen.setCodeSent(mask_line(line)))
        balance.balanceReady.connect(
            lambda result: screen.setBalance(
                result.balance_pesos, [(pack.name, pack.expires_at) for pack in result.packs]
            )
        )
        balance.failed.connect(screen.setError)
        balance.busyChanged.connect(lambda busy: screen.setBusy(busy, WAIT_TEXT, False))

    # -- reconciliation ----------------------------------------------------------------------

    def _connect_reconcile(self) -> None:
        self.controllers.reconcile.passFinished.connect(self._reconciled)

    def _reconciled(self, report: ReconcileReport) -> None:
        waiting = len(report.follow_up) + len(report.paid_not_delivered)
        text = (
            f"Ventas para revisar: {len(report.paid_not_delivered)} pagadas sin entregar, "
            f"{len(report.follow_up)} en seguimiento manual"
            if waiting
            else ""
        )
        self.window.setStatusText(text)
