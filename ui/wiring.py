"""Connect the screens' intents to the controllers, and the controllers' news to the screens.

The screens never call a gateway or the journal; the controllers never touch a
widget. This module is the only place that knows both, and holds no business
rule of its own beyond "which screen comes next".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from kiosk.controllers.assembly import Controllers
from kiosk.controllers.language import Said, translate
from kiosk.controllers.sale import Phase
from kiosk.domain.catalogue import Pack
from kiosk.domain.lines import mask_line
from kiosk.domain.offer import LineOffer, StoreOffer
from kiosk.domain.outcomes import FOLLOWED_WITHOUT_QR, Verdict
from kiosk.domain.payer import PayerData
from kiosk.domain.progress import SaleProgress
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.domain.sale_request import PaymentStart, SaleRequest
from kiosk.domain.staff import DEMO_STAFF
from ui.backoffice_wiring import BackOfficeWiring, wire_back_office
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.screens.line_screen import LineScreen
from ui.texts import payment_status_text
from ui.widgets.admin_pin_dialog import AdminPinDialog, ask_admin_pin
from ui.widgets.back_office_bar import SignOutDialog

if TYPE_CHECKING:  # annotations only: ui depends on the controllers and the domain
    from kiosk.domain.staff import Clerk
    from kiosk.services.reconcile import ReconcileReport
    from kiosk.services.settings import SaveResult, SettingsForm
    from ui.kiosk import KioskWiring


def wait_text() -> Said:
    return Said(lambda: translate("Wiring", "Un momento, por favor…"))


def bank_wait_text() -> Said:
    return Said(lambda: translate("Wiring", "Esperando la página de su banco…"))


def demo_pins_text() -> Said:
    """The sandbox's demo PINs, said on the sign-in screen under the SANDBOX banner."""

    def words() -> str:
        clerks = [demo for demo in DEMO_STAFF if not demo.is_admin]
        admins = [demo for demo in DEMO_STAFF if demo.is_admin]
        return translate(
            "Wiring",
            "Modo de prueba: cajero {clerk}, PIN {clerk_pin}; administrador, PIN {admin_pin}.",
        ).format(
            clerk=clerks[0].name if clerks else "",
            clerk_pin=clerks[0].pin if clerks else "",
            admin_pin=admins[0].pin if admins else "",
        )

    return Said(words)


class Wiring(QObject):
    """The screen flow of one window: start → job → confirm → (payer) → payment → result.

    It holds no state of the sale: the sale controller holds the sale on screen (its
    request, mode, reference, progress and phase); the wiring only picks the next screen.
    """

    def __init__(
        self,
        window: MainWindow,
        controllers: Controllers,
        mode: str = "counter",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.controllers = controllers
        self._app_mode = mode
        self._job_screen: Screen = window.topup
        self._connect_start()
        self._connect_line_screens()
        self._connect_sale()
        self._connect_balance()
        self._connect_reconcile()
        #: The screen the settings were opened from (shown again on "Volver").
        self._before_settings: Screen | None = None
        #: The admin PIN dialog open now, if any (one at a time).
        self.admin_dialog: AdminPinDialog | None = None
        #: "¿Cerrar sesión y descartar la venta?", while it is open.
        self.sign_out_dialog: SignOutDialog | None = None
        self._connect_back_office()
        window.result.setReceiptController(controllers.receipts)
        #: The history, a sale's detail and the shift report (ui/backoffice_wiring.py).
        self.back_office: BackOfficeWiring = wire_back_office(window, controllers)
        #: The self-service kiosk's own parts (ui/kiosk/), in kiosk mode only.
        self.kiosk: KioskWiring | None = None
        if mode == "kiosk":
            from ui.kiosk import wire_kiosk  # the kiosk's parts import this module

            self.kiosk = wire_kiosk(self)

    # -- start and the job screens ------------------------------------------------------

    def _connect_start(self) -> None:
        window, catalogue = self.window, self.controllers.catalogue
        window.start.topupChosen.connect(lambda: self._open_job(window.topup))
        window.start.giftPackChosen.connect(lambda: self._open_job(window.gift_pack))
        window.start.balanceChosen.connect(window.show_balance)
        catalogue.catalogueReady.connect(self._catalogue_ready)
        catalogue.floatReady.connect(window.setFloat)
        catalogue.floatLow.connect(window.setFloatLow)
        catalogue.failed.connect(self._catalogue_failed)
        for screen in (window.topup, window.gift_pack, window.balance):
            screen.back.connect(self._back_to_start)
        window.confirm.back.connect(lambda: window.show_screen(self._job_screen))
        window.payer.back.connect(window.show_confirm)
        window.result.back.connect(self._result_finished)
        window.result.done.connect(self._result_finished)

    def _open_job(self, screen: Screen) -> None:
        self._job_screen = screen
        if self.controllers.catalogue.offer is None:
            self.controllers.catalogue.load_catalogue()
        self.window.show_screen(screen)

    def _back_to_start(self) -> None:
        self.controllers.sale.reset()
        self.window.show_start(reset=True)

    def _result_finished(self) -> None:
        """ "Nueva venta" (or back) on the result: at the kiosk one customer ends here, so
        the whole idle reset (store language, normal text, attract screen); else start."""
        if self.kiosk is not None:
            self.kiosk.idle.reset_now()
            return
        self._back_to_start()

    def _catalogue_ready(self, offer: StoreOffer) -> None:
        self.window.topup.setOffer(offer.topup)
        self.window.gift_pack.setPacks(offer.packs)

    def _catalogue_failed(self, message: str) -> None:
        screen = self.window.currentScreen()
        if screen in (self.window.topup, self.window.gift_pack, self.window.payer):
            screen.setError(message)

    def _connect_line_screens(self) -> None:
        catalogue = self.controllers.catalogue
        for screen in self._line_screens():
            screen.lineEntered.connect(lambda line, s=screen: self._detect(s, line))
        catalogue.lineOffer.connect(self._line_offer)
        catalogue.lineRefused.connect(self._line_refused)
        catalogue.detectFailed.connect(self._detect_failed)
        self.window.topup.submitted.connect(self._topup_submitted)
        self.window.gift_pack.submitted.connect(self._gift_pack_submitted)

    def _detect(self, screen: LineScreen, line: str) -> None:
        screen.setDetecting()
        self.controllers.catalogue.detect_operator(line)

    def _line_screens(self) -> tuple[LineScreen, ...]:
        return (self.window.topup, self.window.gift_pack)

    def _line_offer(self, line: str, found: LineOffer) -> None:
        """The line's operator is known: its own amounts and packs, and its name (a ported
        line says plainly which operator it belongs to now)."""
        topup, gift_pack = self.window.topup, self.window.gift_pack
        if topup.line() == line:
            topup.setOffer(found.offer.topup)
        if gift_pack.line() == line:
            gift_pack.setPacks(found.offer.packs)
        for screen in self._line_screens():
            if screen.line() == line:
                ported = bool(found.ported_from)
                screen.setOperator(found.operator.name, for_line=line, ported=ported)

    def _line_refused(self, line: str, message: str) -> None:
        for screen in self._line_screens():
            if screen.line() == line:
                screen.setLineRefused(message, for_line=line)

    def _detect_failed(self, line: str, message: str) -> None:
        for screen in self._line_screens():
            if screen.line() == line:
                screen.setDetectionFailed(message, for_line=line)

    def _offer_or_reload(self, screen: LineScreen) -> StoreOffer | None:
        """The offer of the line on ``screen`` (its operator's), or None after saying that
        the catalogue has to load first."""
        found = self.controllers.catalogue.line_offer(screen.line())
        offer = found.offer if found is not None else None
        if offer is None or (offer.bundle_operator is None and screen is self.window.gift_pack):
            screen.setError(
                Said(
                    lambda: translate("Wiring", "El catálogo aún no ha cargado. Intente de nuevo.")
                )
            )
            self.controllers.catalogue.load_catalogue()
            return None
        return offer

    def _topup_submitted(self, line: str, amount_pesos: int) -> None:
        offer = self._offer_or_reload(self.window.topup)
        if offer is not None:
            request = SaleRequest(SaleKind.TOPUP, line, amount_pesos, offer.topup_operator)
            self._show_confirm(request, offer.topup_operator.name)

    def _gift_pack_submitted(self, line: str, pack: Pack, sender_line: str | None) -> None:
        offer = self._offer_or_reload(self.window.gift_pack)
        if offer is not None and offer.bundle_operator is not None:
            request = SaleRequest(
                SaleKind.GIFT_PACK,
                line,
                pack.amount_pesos,
                offer.bundle_operator,
                pack=pack,
                sender_line=sender_line or None,
            )
            self._show_confirm(request, offer.topup_operator.name)

    def _show_confirm(self, request: SaleRequest, operator_name: str) -> None:
        # A sale changed after a declined attempt (the clerk went back to the job screen)
        # is a new sale: the old one is left to the reconciler, which closes it.
        self.controllers.sale.prepare(request)
        confirm = self.window.confirm
        confirm.setSummary(
            request.kind,
            request.line,
            operator_name,
            request.amount_pesos,
            pack=request.pack,
            sender_line=request.sender_line,
            # The provider may take another currency: the line gets what the domain says.
            receives_pesos=request.operator.pesos_received(request.amount_pesos),
        )
        confirm.setDefaultMode(self.controllers.catalogue.default_mode(self._app_mode))
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
        sale.waitingForBank.connect(self._waiting_for_bank)
        window.payment.cancelRequested.connect(self._cancel_payment)
        window.payer.busyCancelled.connect(self._cancel_payment)
        window.confirm.busyCancelled.connect(self._cancel_payment)
        window.payment.countdownExpired.connect(sale.expire)
        window.result.retryRequested.connect(self._retry)

    def _mode_chosen(self, mode: PaymentMode) -> None:
        sale = self.controllers.sale
        request = sale.sale.request
        if request is None:
            self._back_to_start()
            return
        sale.choose_mode(mode)
        if mode is PaymentMode.CHECKOUT:
            sale.pay()
            return
        payer = self.window.payer
        payer.reset()
        payer.setPhone(request.line)
        payer.setAmount(request.amount_pesos)
        self.controllers.catalogue.load_banks()
        self.controllers.catalogue.load_terms()
        self.window.show_payer()

    def _payer_submitted(self, payer: PayerData, bank_code: str) -> None:
        self.controllers.sale.pay(payer, bank_code)

    def _retry(self) -> None:
        # A declined assisted attempt: same sale, new attempt with fresh acceptance terms.
        self.controllers.catalogue.load_terms()
        self.window.show_payer()

    def _sale_busy(self, busy: bool) -> None:
        self.window.currentScreen().setBusy(busy, wait_text(), cancellable=False)

    def _waiting_for_bank(self) -> None:
        # The payment exists; its bank's page (the QR) follows after a read or two.
        self.window.currentScreen().setBusy(True, bank_wait_text(), cancellable=False)

    def _payment_started(self, start: PaymentStart) -> None:
        self._stop_busy_before_payment()
        payment = self.window.payment
        payment.showPayment(
            start.qr_text, start.amount_pesos, start.reference, start.expires_at, start.mode
        )
        request = self.controllers.sale.sale.request
        kind = request.kind if request else SaleKind.TOPUP
        payment.showStatus(SaleState.PAYMENT_PENDING, kind, start.mode)
        payment.setCancelEnabled(True)
        self.window.show_payment()

    def _progress_changed(self, progress: SaleProgress) -> None:
        screen = self.window.currentScreen()
        if screen is self.window.payment:
            self.window.payment.showStatus(progress.state, progress.kind, progress.mode)
            if self.controllers.sale.sale.paid:
                # Approved: nothing left to cancel; the line is being credited.
                self.window.payment.setCancelEnabled(False)
        elif progress.state in FOLLOWED_WITHOUT_QR and screen in (
            self.window.payer,
            self.window.confirm,
        ):
            # The create's answer was lost: the controller follows the sale by reference.
            # Say so, and let the clerk stop waiting (the reconciler keeps following it).
            text = Said(lambda: payment_status_text(progress.state, progress.kind, progress.mode))
            screen.setBusy(True, text, cancellable=True)

    def _cancel_payment(self) -> None:
        self.window.payment.setCancelEnabled(False)
        self.controllers.sale.cancel()

    def _finished(self, verdict: Verdict) -> None:
        self._stop_busy_before_payment()
        result = self.window.result
        result.showOutcome(verdict.receipt, verdict.worded_state)
        self.controllers.catalogue.load_float()  # a sale may have spent some of it
        result.setRetryAvailable(verdict.can_retry)
        self.window.show_result()

    def _stop_busy_before_payment(self) -> None:
        # Screens left behind must not come back busy (e.g. the payer screen on a retry).
        for screen in (self.window.confirm, self.window.payer):
            screen.setBusy(False)

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
        balance.busyChanged.connect(lambda busy: screen.setBusy(busy, wait_text(), False))

    # -- reconciliation ----------------------------------------------------------------------

    def _connect_reconcile(self) -> None:
        self.controllers.reconcile.passFinished.connect(self._reconciled)

    def _reconciled(self, report: ReconcileReport) -> None:
        unsettled, follow_up = len(report.paid_not_delivered), len(report.follow_up)
        if not (unsettled or follow_up):
            self.window.setStatusText("")
            return
        self.window.setStatusText(
            Said(
                lambda: translate("Wiring", "Ventas para revisar: {unsettled}, {follow_up}").format(
                    unsettled=translate("Wiring", "%n pagada(s) sin entregar", None, unsettled),
                    follow_up=translate("Wiring", "%n en seguimiento manual", None, follow_up),
                )
            )
        )

    # -- the back office: sign-in, sign-out, settings, exit -------------------------------

    def _connect_back_office(self) -> None:
        window, staff = self.window, self.controllers.staff
        sign_in = window.sign_in
        sign_in.pinEntered.connect(staff.sign_in)
        sign_in.firstAdminRequested.connect(staff.create_first_admin)
        staff.checkingChanged.connect(sign_in.setChecking)
        staff.signInRefused.connect(self._sign_in_refused)
        staff.signedIn.connect(self._signed_in)
        staff.signedOut.connect(self._signed_out)
        bar = window.back_office
        bar.signOutRequested.connect(self.sign_out)
        bar.settingsRequested.connect(self.open_settings)
        bar.exitRequested.connect(self.exit_kiosk)
        bar.kioskRequested.connect(self.back_to_kiosk)
        settings, screen = self.controllers.settings, window.settings
        screen.back.connect(self._close_settings)
        screen.saveRequested.connect(settings.save)
        screen.clerkAddRequested.connect(staff.add_clerk)
        screen.clerkPinRequested.connect(staff.set_pin)
        screen.clerkRemoveRequested.connect(staff.remove_clerk)
        settings.formReady.connect(self._settings_form)
        settings.busyChanged.connect(
            lambda busy: screen.setBusy(busy, wait_text(), cancellable=False)
        )
        settings.saved.connect(self._settings_saved)
        settings.applied.connect(self.apply_settings)
        settings.refused.connect(screen.setFieldErrors)
        settings.failed.connect(self._settings_failed)
        staff.clerksReady.connect(screen.setClerks)
        staff.clerkSaved.connect(self._clerk_saved)
        staff.failed.connect(lambda message: screen.setClerkMessage(message, "error"))

    def counter(self) -> bool:
        return self._app_mode != "kiosk"

    def begin(self) -> None:
        """The first screen: the sign-in at a counter (or the first admin's set-up), the
        attract screen in kiosk mode (no sign-in, no back office outside admin mode; its
        sales carry the kiosk's name)."""
        window = self.window
        if not self.counter():
            window.show_attract()
            return
        staff = self.controllers.staff
        window.sign_in.setSetupNeeded(staff.needs_setup)
        window.sign_in.setDemoNote(demo_pins_text() if staff.demo_pins else "")
        window.show_sign_in()
        locked = staff.seconds_locked()
        if locked:
            window.sign_in.setLocked(locked)

    def _sign_in_refused(self, message: Said, locked_seconds: int) -> None:
        if locked_seconds > 0:
            self.window.sign_in.setLocked(locked_seconds)
        else:
            self.window.sign_in.setRefused(message)

    def _signed_in(self, clerk: Clerk) -> None:
        window = self.window
        self.controllers.sale.set_clerk(clerk.name)
        self.controllers.receipts.set_actor(clerk.name)
        window.setClerk(clerk.name)
        window.sign_in.setSetupNeeded(False)
        window.sign_in.reset()
        # At a kiosk the bar is the administrator's only (admin mode: ui/kiosk/admin.py).
        window.setBackOfficeVisible(self.counter())
        self._back_to_start()

    def _signed_out(self) -> None:
        self.controllers.sale.set_clerk("")
        self.window.setClerk("")
        self.begin()

    def mid_payment(self) -> bool:
        """A sale is being paid or delivered: nobody leaves the counter now."""
        return self.controllers.sale.sale.following or self.window.currentScreen() in (
            self.window.payment,
        )

    def _refuse_mid_payment(self, words: Said) -> bool:
        if not self.mid_payment():
            return False
        self.window.currentScreen().setError(words)
        return True

    def sign_out(self) -> None:
        """ "Cerrar sesión": back to the sign-in, refused in the middle of a payment; while a
        sale is being set up (nothing paid yet), only once the clerk says to discard it."""
        if self._refuse_mid_payment(
            Said(
                lambda: translate(
                    "Wiring", "No se puede cerrar la sesión durante un pago. Termine la venta."
                )
            )
        ):
            return
        if self.controllers.sale.sale.phase is Phase.PREPARED:
            self._ask_sign_out()
            return
        self._sign_out_now()

    def _ask_sign_out(self) -> None:
        """ "Hay una venta sin terminar…": a window-modal question, never a nested loop."""
        if self.sign_out_dialog is not None and self.sign_out_dialog.isVisible():
            return
        dialog = SignOutDialog(self.window)
        self.sign_out_dialog = dialog
        dialog.accepted.connect(self._sign_out_confirmed)
        dialog.finished.connect(lambda _result: self._sign_out_dialog_closed(dialog))
        dialog.open()

    def _sign_out_dialog_closed(self, dialog: SignOutDialog) -> None:
        if self.sign_out_dialog is dialog:
            self.sign_out_dialog = None
        dialog.deleteLater()

    def _sign_out_confirmed(self) -> None:
        if self.mid_payment():  # the payment began meanwhile: it stays refused
            return
        self._sign_out_now()

    def _sign_out_now(self) -> None:
        self.controllers.sale.reset()
        self.controllers.staff.sign_out()

    def ask_admin(self, on_granted: Callable[[Clerk], None], reason: Said) -> None:
        """The admin PIN dialog over the window (one at a time); ``on_granted(admin)``."""
        if self.admin_dialog is not None and self.admin_dialog.isVisible():
            return
        dialog = ask_admin_pin(self.window, self.controllers.staff, on_granted, reason=reason)
        self.admin_dialog = dialog
        dialog.finished.connect(lambda _result: self._admin_dialog_closed(dialog))

    def _admin_dialog_closed(self, dialog: AdminPinDialog) -> None:
        if self.admin_dialog is dialog:
            self.admin_dialog = None

    def admin_mode(self) -> bool:
        """A kiosk in admin mode (the admin PIN was given at the corner gesture)."""
        return self.kiosk is not None and self.kiosk.admin.isAdminMode()

    def back_to_kiosk(self) -> None:
        """ "Volver al quiosco": admin mode ends (ui/kiosk/admin.py ``end_admin``)."""
        if self.kiosk is not None:
            self.kiosk.admin.end_admin()

    def open_settings(self) -> None:
        """ "Ajustes": the admin PIN first (also at a counter whose clerk is signed in);
        a kiosk in admin mode opens them at once (the PIN was just given)."""
        if self.window.currentScreen() is self.window.settings:
            return
        if self._refuse_mid_payment(
            Said(lambda: translate("Wiring", "Los ajustes se abren al terminar la venta."))
        ):
            return
        if self.admin_mode():
            self._show_settings()
            return
        self.ask_admin(
            lambda _admin: self._show_settings(),
            Said(lambda: translate("Wiring", "Para abrir los ajustes.")),
        )

    def _show_settings(self) -> None:
        window = self.window
        current = window.currentScreen()
        if current is not window.settings:
            self._before_settings = current
        window.settings.reset()
        window.show_settings()
        window.settings.setBusy(True, wait_text(), cancellable=False)
        self.controllers.settings.load()
        self.controllers.staff.load_clerks()

    def _settings_form(self, form: SettingsForm) -> None:
        screen = self.window.settings
        screen.setBusy(False)
        screen.setValues(form.values, form.keys_set)

    def _settings_failed(self, message: Said) -> None:
        screen = self.window.settings
        screen.setBusy(False)
        screen.setError(message)

    def _settings_saved(self, result: SaveResult) -> None:
        self.window.settings.setSaved(result.applied, result.need_restart)

    def apply_settings(self, form: SettingsForm) -> None:
        """What applies without a restart: the names in the status bar and on the screens,
        the form shown again (keys emptied); the language was switched by the controller,
        the printer and the float's threshold by their own controllers."""
        values = form.values
        window = self.window
        store, contact = values.get("store.name"), values.get("store.contact")
        if isinstance(store, str):
            window.setStore(store, contact if isinstance(contact, str) else "")
        notice, notice_en = (
            values.get("store.privacy_notice"),
            values.get("store.privacy_notice_en"),
        )
        window.setPrivacyNotice(
            notice if isinstance(notice, str) else "",
            notice_en if isinstance(notice_en, str) else "",
        )
        kiosk = values.get("kiosk_name")
        if isinstance(kiosk, str):
            window.setKioskName(kiosk)
        window.settings.setValues(values, form.keys_set)
        window.clearFloatWarning()
        self.controllers.catalogue.load_float()  # the threshold may have changed

    def _clerk_saved(self) -> None:
        screen = self.window.settings
        screen.clerkAdded()
        screen.setClerkMessage(
            Said(lambda: translate("Wiring", "Cambios del personal guardados.")), "ok"
        )

    def _close_settings(self) -> None:
        window = self.window
        before, self._before_settings = self._before_settings, None
        if before is None or before is window.settings:
            before = window.start
        window.show_screen(before)

    def exit_kiosk(self) -> None:
        """ "Salir del modo quiosco": in admin mode the window closes at once (the PIN was
        just given); otherwise the admin PIN first. Refused in the middle of a payment."""
        if self._refuse_mid_payment(
            Said(lambda: translate("Wiring", "La aplicación se cierra al terminar la venta."))
        ):
            return
        if self.admin_mode():
            self._leave_kiosk()
            return
        self.ask_admin(
            lambda _admin: self._leave_kiosk(),
            Said(lambda: translate("Wiring", "Para salir del modo quiosco.")),
        )

    def _leave_kiosk(self) -> None:
        self.window.setCloseAllowed(True)
        self.window.close()
