"""The main window: the screens in a stack, the SANDBOX banner, store and kiosk in the status bar.

No business logic: the controllers (wired in ``ui/wiring.py``) listen to the screens'
signals and call the navigation helpers and the screens' slots.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.controllers.language import formats, now, translate
from kiosk.domain.store_float import Money
from ui.screens.attract import AttractScreen
from ui.screens.balance import BalanceScreen
from ui.screens.base import Screen
from ui.screens.confirm import ConfirmScreen
from ui.screens.gift_pack import GiftPackScreen
from ui.screens.history import HistoryScreen
from ui.screens.payer import PayerScreen
from ui.screens.payment import PaymentScreen
from ui.screens.report import ReportScreen
from ui.screens.result import ResultScreen
from ui.screens.sale_detail import SaleDetailScreen
from ui.screens.settings import SettingsScreen
from ui.screens.sign_in import SignInScreen
from ui.screens.start import StartScreen
from ui.screens.topup import TopupScreen
from ui.style import repolish
from ui.widgets.back_office_bar import BackOfficeBar
from ui.widgets.message_label import set_role
from ui.widgets.sandbox_banner import SandboxBanner

COUNTER_SIZE = QSize(1024, 768)
MINIMUM_SIZE = QSize(800, 600)


def window_title() -> str:
    """The window's title in the current language."""
    return translate("MainWindow", "Recargas y paquetes")


class MainWindow(QMainWindow):
    """Holds every screen; shows one at a time.

    Screens (attributes): ``start``, ``topup``, ``gift_pack``, ``balance``, ``confirm``,
    ``payer``, ``payment``, ``result``, and the back office's ``sign_in``, ``settings``;
    ``screens()`` lists them, ``currentScreen()`` is the one shown.
    Navigation: ``show_start(reset=True)`` (a new sale forgets what was typed in every form),
    ``show_topup()``, ``show_gift_pack()``, ``show_balance()``, ``show_confirm()``,
    ``show_payer()``, ``show_payment()``, ``show_result()``, ``show_sign_in()`` (the back
    office's bar hidden), ``show_settings()``; each shows its screen and puts the focus
    where the clerk's hands expect it.
    Slots: ``setSandbox(bool)``, ``setStore(name, contact="")``, ``setKioskName(name)``,
    ``setCounterMode(bool)``, ``setStatusText(text)``, ``setClerk(name)`` (the clerk
    signed in, in the status bar; ``""`` hides it), ``setFloat(balance)`` and
    ``setFloatLow(balance, threshold)`` (the float under the warning threshold: "Saldo
    bajo" and the warning look until the next ``setFloat``).
    The back office (``back_office``, a :class:`BackOfficeBar` under the banner): its
    buttons' signals are connected by the wiring; ``setBackOfficeVisible(bool)``.
    Keys: Esc and Enter go to the shown screen (back / go on; on the payment screen Esc asks
    to cancel); F1, F2, F3 choose the jobs on the start screen.
    Closing is allowed only when ``setCloseAllowed(True)`` (default) — kiosk mode turns it
    off (``isCloseAllowed()``); in kiosk mode Esc does nothing.

    Object names: ``mainWindow``, ``screenStack``, ``sandboxBanner``, ``statusStoreLabel``,
    ``statusClerkLabel``, ``statusFloatLabel``, ``backOfficeBar`` and each screen's (see
    docs/OBJECT_NAMES.md).

    Words: the title (context ``MainWindow``) follows the language; every screen and the
    banner retranslate themselves on the same ``LanguageChange``. A passing status note
    (``setStatusText``) is the caller's words and stays as given.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        #: The status bar's passing note (a ``Said`` follows the language).
        self._status_note = ""
        self._store_name = ""
        self._store_contact = ""
        self._kiosk_name = ""
        self._close_allowed = True

        central = QWidget(self)
        central.setObjectName("centralArea")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sandbox_banner = SandboxBanner(central)
        self.sandbox_banner.hide()
        layout.addWidget(self.sandbox_banner)
        self.back_office = BackOfficeBar(central)
        self.back_office.hide()
        layout.addWidget(self.back_office)
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("screenStack")
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._kiosk_mode = False
        self.attract = AttractScreen()
        self.start = StartScreen()
        self.topup = TopupScreen()
        self.gift_pack = GiftPackScreen()
        self.balance = BalanceScreen()
        self.confirm = ConfirmScreen()
        self.payer = PayerScreen()
        self.payment = PaymentScreen()
        self.result = ResultScreen()
        self.history = HistoryScreen()
        self.sale_detail = SaleDetailScreen()
        self.report = ReportScreen()
        self.sign_in = SignInScreen()
        self.settings = SettingsScreen()
        for screen in self.screens():
            self.stack.addWidget(screen)

        self._store_label = QLabel(self)
        self._store_label.setObjectName("statusStoreLabel")
        #: The store's float with the provider, in its own currency (hidden until known).
        self._float: Money | None = None
        self._float_label = QLabel(self)
        self._float_label.setObjectName("statusFloatLabel")
        self._float_label.hide()
        #: The float's warning threshold once it went under it (None: not low).
        self._float_threshold: Money | None = None
        self._clerk_name = ""
        self._clerk_label = QLabel(self)
        self._clerk_label.setObjectName("statusClerkLabel")
        self._clerk_label.hide()
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self._clerk_label)
        self.statusBar().addPermanentWidget(self._float_label)
        self.statusBar().addPermanentWidget(self._store_label)
        self.statusBar().setSizeGripEnabled(False)
        self.stack.setCurrentWidget(self.start)
        # The window's size is the clerk's choice, not the shown screen's: without this,
        # every screen change would push a new minimum size to the window system.
        window_layout = self.layout()
        if window_layout is not None:  # QMainWindow always has one
            window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(MINIMUM_SIZE)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(window_title())
        self._render_status()
        self._render_note()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- screens -----------------------------------------------------------------------

    def screens(self) -> list[Screen]:
        return [
            self.attract,
            self.start,
            self.topup,
            self.gift_pack,
            self.balance,
            self.confirm,
            self.payer,
            self.payment,
            self.result,
            self.history,
            self.sale_detail,
            self.report,
            self.sign_in,
            self.settings,
        ]

    def currentScreen(self) -> Screen:
        screen = self.stack.currentWidget()
        assert isinstance(screen, Screen)
        return screen

    def show_screen(self, screen: Screen) -> Screen:
        self.stack.setCurrentWidget(screen)
        if self.isVisible():
            screen.enter()
        return screen

    def show_start(self, reset: bool = True) -> StartScreen:
        if reset:
            for screen in self.screens():
                screen.reset()
        self.show_screen(self.start)
        return self.start

    def show_attract(self) -> AttractScreen:
        """The kiosk's invitation to touch (what was typed anywhere forgotten)."""
        for screen in self.screens():
            screen.reset()
        self.show_screen(self.attract)
        return self.attract

    def show_topup(self) -> TopupScreen:
        self.show_screen(self.topup)
        return self.topup

    def show_gift_pack(self) -> GiftPackScreen:
        self.show_screen(self.gift_pack)
        return self.gift_pack

    def show_balance(self) -> BalanceScreen:
        self.show_screen(self.balance)
        return self.balance

    def show_confirm(self) -> ConfirmScreen:
        self.show_screen(self.confirm)
        return self.confirm

    def show_payer(self) -> PayerScreen:
        self.show_screen(self.payer)
        return self.payer

    def show_payment(self) -> PaymentScreen:
        self.show_screen(self.payment)
        return self.payment

    def show_result(self) -> ResultScreen:
        self.show_screen(self.result)
        return self.result

    def show_history(self) -> HistoryScreen:
        self.show_screen(self.history)
        return self.history

    def show_sale_detail(self) -> SaleDetailScreen:
        self.show_screen(self.sale_detail)
        return self.sale_detail

    def show_report(self) -> ReportScreen:
        self.show_screen(self.report)
        return self.report

    def show_sign_in(self) -> SignInScreen:
        """The counter's sign-in (what was typed anywhere forgotten; no back office)."""
        for screen in self.screens():
            screen.reset()
        self.setBackOfficeVisible(False)
        self.show_screen(self.sign_in)
        return self.sign_in

    def show_settings(self) -> SettingsScreen:
        self.show_screen(self.settings)
        return self.settings

    # -- chrome --------------------------------------------------------------------------

    def setSandbox(self, sandbox: bool) -> None:
        self.sandbox_banner.setVisible(sandbox)

    def isSandboxShown(self) -> bool:
        return not self.sandbox_banner.isHidden()

    def setStore(self, name: str, contact: str = "") -> None:
        self._store_name = name
        self._store_contact = contact
        for screen in (self.topup, self.gift_pack, self.balance):
            screen.setStore(name, contact)
        self._render_status()

    def setPrivacyNotice(self, es_text: str, en_text: str = "") -> None:
        """The store's own privacy notice (Spanish, English); an empty one: the app's own
        notice naming the store, in the current language."""
        for screen in (self.topup, self.gift_pack, self.balance):
            screen.setPrivacyNotice(es_text, en_text)

    def setKioskName(self, name: str) -> None:
        self._kiosk_name = name
        self._render_status()

    def setCounterMode(self, counter: bool) -> None:
        for screen in self.screens():
            screen.setCounterMode(counter)
        self.back_office.setCounterMode(counter)

    def setKioskMode(self, kiosk: bool) -> None:
        """The self-service kiosk: touch layouts on every screen, no keyboard hints, and
        nothing of the store's own (its float) in the status bar; the window refuses to
        close (the close button, Alt+F4: only leaving kiosk mode with the admin PIN allows
        it, ``setCloseAllowed(True)``) and Esc does nothing. The property ``kiosk`` lets
        the stylesheet give the kiosk its larger look."""
        changed = kiosk != self._kiosk_mode
        self._kiosk_mode = kiosk
        self._close_allowed = not kiosk
        self.setProperty("kiosk", kiosk)
        if kiosk:
            self.setCounterMode(False)
        for screen in self.screens():
            screen.setKioskMode(kiosk)
        self._render_status()
        if changed:
            # Qt does not watch dynamic properties: the rules that name ``kiosk`` apply to
            # widgets already polished only after a re-polish.
            repolish(self)

    def isKioskMode(self) -> bool:
        return self._kiosk_mode

    def setBackOfficeVisible(self, visible: bool) -> None:
        self.back_office.setVisible(visible)

    def isBackOfficeShown(self) -> bool:
        return not self.back_office.isHidden()

    def setClerk(self, name: str) -> None:
        """The clerk signed in, shown in the status bar (``""``: nobody)."""
        self._clerk_name = name
        self._render_status()

    def setStatusText(self, text: str) -> None:
        """A passing note in the status bar (e.g. "Revisando pagos pendientes…")."""
        self._status_note = text
        self._render_note()

    def _render_note(self) -> None:
        note = now(self._status_note)
        if note:
            self.statusBar().showMessage(note)
        else:
            self.statusBar().clearMessage()

    def setCloseAllowed(self, allowed: bool) -> None:
        self._close_allowed = allowed

    def isCloseAllowed(self) -> bool:
        return self._close_allowed

    def setFloat(self, balance: Money) -> None:
        """The store's balance with the provider, shown in its own currency (USD, COP…),
        without a warning (the catalogue controller's ``floatLow`` follows when it is low)."""
        self._float = balance
        self._float_threshold = None
        self._render_status()

    def setFloatLow(self, balance: Money, threshold: Money) -> None:
        """The float is under the configured ``threshold``: "Saldo bajo" and the warning look."""
        self._float = balance
        self._float_threshold = threshold
        self._render_status()

    def isFloatLow(self) -> bool:
        return self._float is not None and self._float_threshold is not None

    def clearFloatWarning(self) -> None:
        """Forget the threshold (it changed in the settings; the next reading says again)."""
        self._float_threshold = None
        self._render_status()

    def _render_status(self) -> None:
        # The store's and the kiosk's names are data: shown as configured.
        parts = [part for part in (self._store_name, self._kiosk_name) if part]
        self._store_label.setText(" · ".join(parts))
        if self._clerk_name:
            self._clerk_label.setText(
                translate("MainWindow", "Cajero: {name}").format(name=self._clerk_name)
            )
        self._clerk_label.setVisible(bool(self._clerk_name))
        if self._float is not None:
            shown = formats().money(self._float.amount, self._float.currency)
            if self._float_threshold is not None:
                limit = formats().money(
                    self._float_threshold.amount, self._float_threshold.currency
                )
                words = translate(
                    "MainWindow", "Saldo bajo con el proveedor: {balance} (aviso bajo {limit})"
                ).format(balance=shown, limit=limit)
                set_role(self._float_label, "floatLow")
            else:
                words = translate("MainWindow", "Saldo con el proveedor: {balance}").format(
                    balance=shown
                )
                set_role(self._float_label, "")
            self._float_label.setText(words)
            # A customer at the kiosk has no business with the store's float.
            self._float_label.setVisible(not self._kiosk_mode)

    # -- events --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.currentScreen().enter()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._kiosk_mode and event.key() == Qt.Key.Key_Escape:
            event.accept()  # a kiosk has buttons for going back; nothing leaves it by a key
            return
        # Keys nobody inside took (e.g. no widget has focus) still reach the shown screen.
        if self.currentScreen().handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_allowed:
            super().closeEvent(event)
        else:
            event.ignore()


def build_main_window(*, sandbox: bool, store_name: str, kiosk_name: str) -> MainWindow:
    """The counter's main window (windowed, 1024x768, keyboard hints on): the one builder
    that the app and the tests use."""
    window = MainWindow()
    window.setSandbox(sandbox)
    window.setStore(store_name)
    window.setKioskName(kiosk_name)
    window.setCounterMode(True)
    window.resize(COUNTER_SIZE)
    window.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return window
