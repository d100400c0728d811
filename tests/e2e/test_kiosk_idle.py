"""The kiosk left alone (``kiosk --mode kiosk`` on the test's sandbox): the idle warning, the
reset that clears everything and speaks the store's language again, a touch that keeps
everything, the payment screen that waits for its QR instead, and a payment left on
screen that is still delivered once it is approved (reconciliation).

The idle is made short: ``ui.idle_seconds`` = 2 and a warning of 1 s.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.controllers.language import current_language, set_language
from kiosk.domain.sale import SaleState
from kiosk.gateways.lines import LineBalance
from tests.e2e.hands import DEMO_ADMIN_PIN
from tests.e2e.helpers import LINE, WAIT_MS, AppRunner, e2e_config
from tests.e2e.kiosk_hands import Customer
from tests.support.sandbox import provider_topups
from tests.support.widgets import child, tick
from ui.app import AppContext
from ui.kiosk.idle import PRIVATE_IDLE_SECONDS, IdleReset

pytestmark = pytest.mark.gui

IDLE_SECONDS = 2
AMOUNT = 10_000
#: The bank whose page waits for the payer's answer (Aprobar / Rechazar).
BANK = "4"


@pytest.fixture(autouse=True)
def spanish_after() -> Iterator[None]:
    yield
    if current_language() != "es":
        set_language("es")


def speak(language: str) -> None:
    set_language(language)
    QApplication.processEvents()


def kiosk(runner: AppRunner, **payment: Any) -> tuple[AppContext, Customer, IdleReset]:
    """A kiosk with a short idle on the test's sandbox, its catalogue loaded, on the attract
    screen; ``payment``: more payment settings (e2e_config's)."""
    config = e2e_config(**payment)
    config = dataclasses.replace(
        config, ui=dataclasses.replace(config.ui, idle_seconds=IDLE_SECONDS)
    )
    ctx = runner.start(config, mode="kiosk")
    runner.wait_until_idle(ctx)
    assert ctx.wiring.kiosk is not None
    idle = ctx.wiring.kiosk.idle
    idle.timer.setWarningSeconds(1)
    assert ctx.window.currentScreen() is ctx.window.attract
    return ctx, runner.customer_for(ctx), idle


def fill_topup(customer: Customer) -> None:
    """From the attract screen: the top-up with its consent, line and amount."""
    customer.touch_attract()
    customer.choose("topup")
    # On its indicator (what is tapped to consent is the consent tests' business).
    tick(customer.qtbot, customer.consent_check())
    customer.type_line("topup", LINE)
    customer.pick_preset(AMOUNT)


def test_left_alone_the_kiosk_warns_then_forgets_everything(qtbot: Any, runner: AppRunner) -> None:
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    store_language = ctx.config.ui.language
    assert store_language == "es"
    assert idle.timer.isPaused()  # the attract screen itself does not time out
    speak("en")  # the customer chose English
    fill_topup(customer)
    topup = window.topup
    assert (topup.line(), topup.amount(), topup.consentGiven()) == (LINE, AMOUNT, True)
    assert not idle.timer.isPaused()

    warned: list[tuple[int, bool, str]] = []
    warning = child(window, QWidget, "idleWarning")
    countdown = child(window, QLabel, "idleWarningCountdown")
    idle.timer.warningStarted.connect(
        lambda left: warned.append((left, warning.isVisible(), countdown.text()))
    )
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    # The warning came first, in the customer's language, over the whole window.
    assert warned == [(1, True, "Back to the start in 1 s")]
    assert not warning.isVisible()

    assert window.currentScreen() is window.attract
    assert (topup.line(), topup.amount(), topup.consentGiven()) == ("", None, False)
    assert current_language() == store_language
    assert window.attract.invitation() == "Toque la pantalla para empezar"
    assert ctx.controllers.sale.sale.request is None
    assert idle.timer.isPaused()


@pytest.mark.parametrize("where", ["stay button", "anywhere"])
def test_a_touch_during_the_warning_keeps_everything(
    qtbot: Any, runner: AppRunner, where: str
) -> None:
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    speak("en")
    fill_topup(customer)
    focused = QApplication.focusWidget()
    assert focused is not None
    with qtbot.waitSignal(idle.timer.warningStarted, timeout=WAIT_MS):
        pass
    assert QApplication.focusWidget() is child(window, QWidget, "idleWarningStayButton")
    warning = child(window, QWidget, "idleWarning")
    assert warning.isVisible()
    assert warning.geometry() == window.centralWidget().rect()  # over the whole window
    assert child(window, QLabel, "idleWarningTitle").text() == "Are you still there?"
    stay = child(window, QWidget, "idleWarningStayButton")
    assert stay.height() >= 56 and stay.text() == "I'm still here"

    resets: list[bool] = []
    idle.resetDone.connect(lambda: resets.append(True))
    with qtbot.waitSignal(idle.timer.warningEnded, timeout=1000):
        if where == "stay button":
            customer.press("idleWarningStayButton")
        else:
            qtbot.mouseClick(warning, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert not warning.isVisible() and not idle.timer.isWarning()
    assert resets == []
    topup = window.topup
    assert window.currentScreen() is topup
    assert (topup.line(), topup.amount(), topup.consentGiven()) == (LINE, AMOUNT, True)
    assert current_language() == "en"
    assert idle.timer.isArmed()  # the whole wait again
    assert QApplication.focusWidget() is focused  # back where it was


def test_the_warning_covers_the_window_at_every_size(qtbot: Any, runner: AppRunner) -> None:
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    customer.touch_attract()
    with qtbot.waitSignal(idle.timer.warningStarted, timeout=WAIT_MS):
        pass
    warning = child(window, QWidget, "idleWarning")
    stay = child(window, QWidget, "idleWarningStayButton")
    for width, height in ((1280, 800), (1080, 1920), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda: warning.geometry() == window.centralWidget().rect())
        assert warning.isVisible() and stay.isVisible()
        assert warning.rect().contains(QRect(stay.mapTo(warning, QPoint()), stay.size()))


def test_the_reset_closes_a_dialog_left_open(qtbot: Any, runner: AppRunner) -> None:
    """The admin PIN dialog asked for and left there: closed by the reset."""
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    customer.touch_attract()
    ctx.wiring.open_settings()
    dialog = ctx.wiring.admin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    assert not dialog.isVisible() and ctx.wiring.admin_dialog is None
    assert window.currentScreen() is window.attract


def test_the_reset_ends_admin_mode(qtbot: Any, runner: AppRunner) -> None:
    """The same wait ends admin mode too, on a back-office screen: the bar hidden, the
    attract screen."""
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    assert ctx.wiring.kiosk is not None
    admin = ctx.wiring.kiosk.admin
    customer.touch_attract()
    admin.open_gesture_prompt()
    dialog = ctx.wiring.admin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    runner.clerk_for(ctx).enter_pin(DEMO_ADMIN_PIN, prefix="admin", within=dialog)
    qtbot.waitUntil(admin.isAdminMode, timeout=WAIT_MS)
    assert window.isBackOfficeShown()
    window.show_history()
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    assert not admin.isAdminMode() and not window.isBackOfficeShown()
    assert window.currentScreen() is window.attract


def test_admin_mode_left_on_the_attract_screen_times_out(qtbot: Any, runner: AppRunner) -> None:
    """The gesture done on the attract screen itself (the corner under the sandbox banner)
    and the admin walks away: the same wait ends admin mode, the bar hidden (the next
    customer never sees "Salir del modo quiosco")."""
    ctx, _customer, idle = kiosk(runner)
    window = ctx.window
    assert ctx.wiring.kiosk is not None
    admin = ctx.wiring.kiosk.admin
    admin.open_gesture_prompt()
    dialog = ctx.wiring.admin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    runner.clerk_for(ctx).enter_pin(DEMO_ADMIN_PIN, prefix="admin", within=dialog)
    qtbot.waitUntil(admin.isAdminMode, timeout=WAIT_MS)
    assert window.currentScreen() is window.attract and window.isBackOfficeShown()
    assert not idle.timer.isPaused()
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    assert not admin.isAdminMode() and not window.isBackOfficeShown()
    assert window.currentScreen() is window.attract
    assert idle.timer.isPaused()


def test_a_pin_dialog_left_open_on_the_attract_screen_is_closed(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx, _customer, idle = kiosk(runner)
    window = ctx.window
    assert ctx.wiring.kiosk is not None
    ctx.wiring.kiosk.admin.open_gesture_prompt()
    dialog = ctx.wiring.admin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: not idle.timer.isPaused())
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    assert not dialog.isVisible() and ctx.wiring.admin_dialog is None
    assert window.currentScreen() is window.attract
    assert idle.timer.isPaused()


@pytest.mark.parametrize("how", ["done", "back"])
def test_new_sale_at_the_kiosk_is_the_whole_reset(qtbot: Any, runner: AppRunner, how: str) -> None:
    """ "Nueva venta" (or back) on the result: one customer ends there, so the next one
    begins on the attract screen in the store's language with normal text."""
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    assert ctx.wiring.kiosk is not None
    look = ctx.wiring.kiosk.look
    customer.touch_attract()
    look.choose_language("en")
    look.set_large_text(True)
    window.show_screen(window.result)
    reset: list[bool] = []
    idle.resetDone.connect(lambda: reset.append(True))
    getattr(window.result, how).emit()  # at once: not the idle's own reset later
    assert reset == [True]
    assert window.currentScreen() is window.attract
    assert current_language() == "es" and not look.isLargeText()
    assert ctx.controllers.sale.sale.request is None


@pytest.mark.parametrize("job", ["topup", "giftPack", "balance"])
def test_a_job_card_on_the_attract_screen_opens_that_job(
    qtbot: Any, runner: AppRunner, job: str
) -> None:
    """The cards look like buttons: a tap on one opens its job, as the start screen's
    button does (one tap fewer); elsewhere the start screen."""
    ctx, _customer, _idle = kiosk(runner)
    window = ctx.window
    screens = {"topup": window.topup, "giftPack": window.gift_pack, "balance": window.balance}
    card = child(window.attract, QWidget, f"attractJob_{job}")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=card.rect().center())
    qtbot.waitUntil(lambda: window.currentScreen() is screens[job], timeout=WAIT_MS)


def test_a_shown_balance_waits_less_and_terminar_is_the_reset(
    qtbot: Any, runner: AppRunner
) -> None:
    """Someone's line and balance on screen: a shorter wait (PRIVATE_IDLE_SECONDS), and
    "Terminar" resets the kiosk at once; elsewhere the store's wait again."""
    config = e2e_config()
    config = dataclasses.replace(config, ui=dataclasses.replace(config.ui, idle_seconds=60))
    ctx = runner.start(config, mode="kiosk")
    runner.wait_until_idle(ctx)
    assert ctx.wiring.kiosk is not None
    idle, window = ctx.wiring.kiosk.idle, ctx.window
    card = child(window.attract, QWidget, "attractJob_balance")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=card.rect().center())
    qtbot.waitUntil(lambda: window.currentScreen() is window.balance, timeout=WAIT_MS)
    assert idle.timer.timeout() == 60 and not idle.timer.isPaused()
    balance = window.balance
    tick(qtbot, child(balance, QWidget, "balanceConsentCheck"))
    balance.setCodeSent("*** *** 7890")
    # The balance as the controller reports it (the wiring shows it first).
    ctx.controllers.balance.balanceReady.emit(LineBalance(balance_pesos=28_900))
    assert balance.isShowingBalance()
    assert idle.waitSeconds() == PRIVATE_IDLE_SECONDS == idle.timer.timeout()
    done = child(balance, QWidget, "balanceDoneButton")
    assert done.isVisible()
    reset: list[bool] = []
    idle.resetDone.connect(lambda: reset.append(True))
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton, pos=done.rect().center())
    assert reset == [True] and window.currentScreen() is window.attract
    assert not balance.isShowingBalance()
    assert idle.timer.timeout() == 60


def test_a_busy_screen_postpones_the_reset(qtbot: Any, runner: AppRunner) -> None:
    """A gateway call in progress (the screen's busy layer): no warning, no reset, until it
    is over; then the whole wait again."""
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    fill_topup(customer)
    window.topup.setBusy(True, "", cancellable=False)
    with qtbot.assertNotEmitted(idle.resetDone, wait=(IDLE_SECONDS + 1) * 1000):
        pass
    assert not child(window, QWidget, "idleWarning").isVisible()
    assert window.currentScreen() is window.topup and window.topup.line() == LINE
    window.topup.setBusy(False)
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    assert window.currentScreen() is window.attract


def test_a_wait_the_customer_could_cancel_does_not_hold_the_reset(
    qtbot: Any, runner: AppRunner
) -> None:
    """A sale followed by reference (its create's answer lost, the gateway down) shows a busy
    layer with "Cancelar": nobody there, the reset goes ahead all the same."""
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    fill_topup(customer)
    window.topup.setBusy(True, "", cancellable=True)
    with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
        pass
    assert window.currentScreen() is window.attract
    assert not window.topup.isBusy()


def test_a_settings_save_changes_the_wait_and_the_store_shown(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx, _customer, idle = kiosk(runner)
    settings = ctx.controllers.settings
    with qtbot.waitSignal(settings.applied, timeout=WAIT_MS):
        settings.save({"ui.idle_seconds": 90, "store.name": "Tienda La Esquina"})
    assert idle.timer.timeout() == 90
    assert ctx.window.attract.storeName() == "Tienda La Esquina"


def test_the_payment_screen_waits_for_its_qr_not_for_the_idle(
    qtbot: Any, runner: AppRunner
) -> None:
    ctx, customer, idle = kiosk(runner)
    window = ctx.window
    fill_topup(customer)
    customer.continue_()
    customer.pay()
    assert window.currentScreen() is window.payment
    assert idle.timer.isPaused() and not idle.timer.isArmed()
    with qtbot.assertNotEmitted(idle.timer.warningStarted, wait=(IDLE_SECONDS + 1) * 1000):
        pass
    assert window.currentScreen() is window.payment
    assert not child(window, QWidget, "idleWarning").isVisible()


@pytest.mark.parametrize("leaves", ["cancel", "qr lifetime", "reset"])
def test_a_payment_left_on_screen_is_still_delivered_once_approved(
    qtbot: Any, runner: AppRunner, leaves: str
) -> None:
    """The customer opens the checkout on the phone and stops at the bank's page; the kiosk
    stops waiting ("Cancelar", or the QR's lifetime ends), goes idle and back to the attract
    screen (or is reset right there on the payment screen); then the payment is approved:
    the reconciliation delivers it, once."""
    ttl = {"checkout_ttl_seconds": 4} if leaves == "qr lifetime" else {}
    ctx, customer, idle = kiosk(runner, reconcile_every_seconds=1, **ttl)
    window = ctx.window
    records = runner.records_for(ctx)
    fill_topup(customer)
    customer.continue_()
    customer.pay()
    reference = ctx.controllers.sale.reference
    payer = runner.payer_for(ctx)
    payer.open_checkout(payer.scan_qr(), BANK)  # pending at the bank
    assert records.state(reference) is SaleState.PAYMENT_PENDING

    if leaves == "reset":
        assert ctx.controllers.sale.sale.following
        with qtbot.waitSignal(idle.resetDone, timeout=1000):
            idle.reset_now()
        assert not ctx.controllers.sale.sale.following
        qtbot.waitUntil(
            lambda: records.state(reference) is SaleState.CANCELLED_UNCONFIRMED, timeout=WAIT_MS
        )
    else:
        if leaves == "cancel":
            customer.press("paymentCancelButton")
        customer.wait_result()
        assert records.state(reference) in (
            SaleState.CANCELLED_UNCONFIRMED,
            SaleState.EXPIRED_UNCONFIRMED,
        )
        with qtbot.waitSignal(idle.resetDone, timeout=WAIT_MS):
            pass
    assert window.currentScreen() is window.attract
    assert provider_topups(runner.sandbox, reference) == []

    payer.approve()
    qtbot.waitUntil(lambda: records.state(reference) is SaleState.DELIVERED, timeout=WAIT_MS)
    assert len(provider_topups(runner.sandbox, reference)) == 1
    assert records.states(reference).count(SaleState.DELIVERED) == 1
    assert window.currentScreen() is window.attract  # nothing popped up for it


def test_a_closing_app_stops_its_idle(qtbot: Any, runner: AppRunner) -> None:
    _ctx, customer, idle = kiosk(runner)
    fill_topup(customer)
    assert idle.timer.isArmed()
    idle.stop()
    assert idle.timer.isPaused() and not idle.timer.isArmed()
    customer.press("topupKey1")  # input is not watched any more
    assert idle.timer.isPaused()
    with qtbot.assertNotEmitted(idle.resetDone, wait=(IDLE_SECONDS + 1) * 1000):
        pass
