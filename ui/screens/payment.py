"""The payment screen: the QR, the amount, the reference, a countdown, status, cancel."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.controllers.language import describe, fill, formats, translate
from kiosk.domain.errors import ValidationError
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from ui.screens.base import Screen, make_button
from ui.texts import payment_instructions, payment_status_text
from ui.widgets.message_label import set_role
from ui.widgets.qr_view import QrView


@dataclass(frozen=True)
class _Payment:
    """The payment on screen, as data (its words are made in the current language)."""

    amount_pesos: int
    reference: str
    mode: PaymentMode


@dataclass(frozen=True)
class _Status:
    """The status line as a sale's state (said again in a new language)."""

    state: SaleState
    kind: SaleKind
    mode: PaymentMode | None


#: The code's smallest side (logical px) on any screen.
_MIN_QR_SIDE = 360
#: At the kiosk: 6 px per module for a 69-module code and its quiet zone (8 modules),
#: with margin: the sandbox's checkout URL makes 61 modules (version 11, level M), a
#: production one (a longer key and host) 65; tests/ui/screens/test_kiosk_qr_size.py.
_KIOSK_MIN_QR_SIDE = 6 * (69 + 8)
#: "Cancelar" at the kiosk: a wide target.
_KIOSK_CANCEL_WIDTH = 280


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PaymentScreen(Screen):
    """Shows the payment QR and follows it with a countdown and a status line.

    Signals:
      * ``cancelRequested()``: "Cancelar" or Esc (cancel only stops the waiting on screen:
        the controller keeps watching the payment).
      * ``countdownExpired()``: the countdown reached 0 (once per ``showPayment``).
    Slots: ``showPayment(qr_text, amount_pesos, reference, expires_at, mode)``,
    ``setStatus(text)`` (a line in words: it stays as given until the next status),
    ``showStatus(state, kind, mode)`` (the line for a sale's state, from
    :func:`ui.texts.payment_status_text`, said again if the language changes),
    ``setCancelEnabled(bool)``, ``setError(message)``, ``reset()``.
    Queries: ``qrText()``, ``secondsLeft()``, ``countdownText()``, ``statusText()``,
    ``isCountingDown()``.

    Layout: the code left and the words beside it in landscape; in portrait the code on
    top (square, as wide as the screen) and the words below. Kiosk mode
    (:meth:`setKioskMode`): the code at least 6 device px per module for a phone half a
    metre away, "Cancelar" a wide target.

    The screen's own timer only redraws the countdown; it runs while the screen is shown
    and stops when it is hidden. ``clock`` (a callable returning an aware UTC datetime)
    is injectable for tests.

    Object names: ``paymentScreen``, ``qrView``, ``paymentAmountLabel``,
    ``paymentReferenceLabel``, ``paymentCountdownLabel``, ``paymentInstructions``,
    ``paymentStatusLabel``, ``paymentCancelButton``, ``paymentMessage``.
    """

    cancelRequested = Signal()
    countdownExpired = Signal()

    prefix = "payment"

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        super().__init__("", "", parent)
        self._clock = clock
        self._payment: _Payment | None = None
        #: The status line: None while waiting, a state, or a text given by the caller.
        self._status_shown: _Status | str | None = None
        self._expires_at: datetime | None = None
        #: The seconds left the countdown shows now (None: no countdown).
        self._seconds_shown: int | None = None
        self._expired_emitted = False
        self.back_button.hide()
        content = self.content()

        # Landscape: the code left, taking the height; portrait: the code on top, the
        # words below (_apply_orientation).
        self._columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(32)
        self.qr_view = QrView(content)
        self.qr_view.setMinimumSize(_MIN_QR_SIDE, _MIN_QR_SIDE)
        columns.addWidget(self.qr_view, 5)

        info = QVBoxLayout()
        info.setSpacing(10)
        self._amount = QLabel(content)
        self._amount.setObjectName("paymentAmountLabel")
        set_role(self._amount, "bigAmount")
        self._reference = QLabel(content)
        self._reference.setObjectName("paymentReferenceLabel")
        self._reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._countdown = QLabel(content)
        self._countdown.setObjectName("paymentCountdownLabel")
        set_role(self._countdown, "countdown")
        self._instructions = QLabel(content)
        self._instructions.setObjectName("paymentInstructions")
        self._instructions.setWordWrap(True)
        set_role(self._instructions, "instructions")
        self._status = QLabel(content)
        self._status.setObjectName("paymentStatusLabel")
        self._status.setWordWrap(True)
        set_role(self._status, "status")
        for widget in (self._amount, self._reference, self._countdown):
            info.addWidget(widget)
        info.addSpacing(8)
        info.addWidget(self._instructions)
        info.addWidget(self._status)
        info.addStretch(1)
        columns.addLayout(info, 4)
        self.body.addLayout(columns, 1)

        self.cancel_button = make_button("", "paymentCancelButton", content)
        self.add_hint(self.cancel_button, "", "Esc")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.footer.addWidget(self.cancel_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("PaymentScreen", "Pague con su celular"))
        self.set_button_text(self.cancel_button, translate("PaymentScreen", "Cancelar"))
        self._render_payment()
        self._render_status()
        self._render_countdown()

    # -- kiosk and orientation ---------------------------------------------------------

    def setKioskMode(self, kiosk: bool) -> None:
        """At the kiosk the code is sized for a phone half a metre away (at least 6 device
        px per module), "Cancelar" is a wide target."""
        super().setKioskMode(kiosk)
        side = _KIOSK_MIN_QR_SIDE if kiosk else _MIN_QR_SIDE
        self.qr_view.setMinimumSize(side, side)
        self.cancel_button.setMinimumWidth(_KIOSK_CANCEL_WIDTH if kiosk else 0)

    def _apply_orientation(self, portrait: bool) -> None:
        columns = self._columns
        if portrait:
            # The code on top, as wide as the screen; the words below it.
            columns.setDirection(QBoxLayout.Direction.TopToBottom)
            self.qr_view.setSquare(True)
            columns.setStretch(0, 0)
            columns.setStretch(1, 1)
        else:
            columns.setDirection(QBoxLayout.Direction.LeftToRight)
            self.qr_view.setSquare(False)
            columns.setStretch(0, 5)
            columns.setStretch(1, 4)

    # -- slots -------------------------------------------------------------------------

    def showPayment(
        self,
        qr_text: str,
        amount_pesos: int,
        reference: str,
        expires_at: datetime,
        mode: PaymentMode,
    ) -> None:
        self.clearError()
        try:
            self.qr_view.setText(qr_text)
        except ValidationError as invalid:
            # The screen's own message: said again if the language changes.
            self.showOwnMessage(partial(describe, invalid))
        self._payment = _Payment(amount_pesos, reference, PaymentMode(mode))
        self._render_payment()
        self._status_shown = None
        self._render_status()
        self.cancel_button.setEnabled(True)
        self._expires_at = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=UTC)
        self._expired_emitted = False
        self._tick()

    def setStatus(self, text: str) -> None:
        self._status_shown = text
        self._render_status()

    def showStatus(
        self, state: SaleState, kind: SaleKind = SaleKind.TOPUP, mode: PaymentMode | None = None
    ) -> None:
        self._status_shown = _Status(SaleState(state), SaleKind(kind), mode)
        self._render_status()

    def setCancelEnabled(self, enabled: bool) -> None:
        self.cancel_button.setEnabled(enabled)

    def reset(self) -> None:
        super().reset()
        self._timer.stop()
        self._expires_at = None
        self._seconds_shown = None
        self._expired_emitted = False
        self._payment = None
        self.qr_view.clear()
        for label in (self._amount, self._reference, self._countdown, self._instructions):
            label.clear()
        self._status_shown = None
        self._render_status()

    # -- queries -----------------------------------------------------------------------

    def qrText(self) -> str:
        return self.qr_view.text()

    def secondsLeft(self) -> int:
        if self._expires_at is None:
            return 0
        remaining = (self._expires_at - self._clock()).total_seconds()
        return max(0, math.ceil(remaining))

    def countdownText(self) -> str:
        return self._countdown.text()

    def statusText(self) -> str:
        return self._status.text()

    def isCountingDown(self) -> bool:
        return self._timer.isActive()

    # -- navigation ----------------------------------------------------------------------

    def enter(self) -> None:
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        """Esc asks to cancel; the controller decides what that means."""
        if self.cancel_button.isEnabled():
            self.cancelRequested.emit()

    # -- words -------------------------------------------------------------------------

    def _render_payment(self) -> None:
        payment = self._payment
        if payment is None:
            return
        amount = formats().pesos(payment.amount_pesos)
        self._amount.setText(
            fill(translate("PaymentScreen", "Valor: {amount}"), {"amount": amount})
        )
        self._reference.setText(
            fill(
                translate("PaymentScreen", "Referencia: {reference}"),
                {"reference": payment.reference},
            )
        )
        self._instructions.setText(payment_instructions(payment.mode))

    def _render_status(self) -> None:
        shown = self._status_shown
        if shown is None:
            self._status.setText(translate("PaymentScreen", "Esperando el pago…"))
        elif isinstance(shown, _Status):
            self._status.setText(payment_status_text(shown.state, shown.kind, shown.mode))
        else:
            self._status.setText(shown)

    def _render_countdown(self) -> None:
        """The countdown's words for the seconds last shown (0: the code expired)."""
        seconds = self._seconds_shown
        if seconds is None:
            self._countdown.clear()
        elif seconds <= 0:
            self._countdown.setText(translate("PaymentScreen", "El código QR venció."))
        else:
            template = translate("PaymentScreen", "El código vence en {time}")
            self._countdown.setText(fill(template, {"time": formats().countdown(seconds)}))

    # -- countdown -----------------------------------------------------------------------

    def _tick(self) -> None:
        if self._expires_at is None:
            return
        remaining = (self._expires_at - self._clock()).total_seconds()
        if remaining <= 0:
            self._timer.stop()
            self._seconds_shown = 0
            self._render_countdown()
            set_role(self._countdown, "countdownExpired")
            if not self._expired_emitted:
                self._expired_emitted = True
                self.countdownExpired.emit()
            return
        seconds = math.ceil(remaining)
        self._seconds_shown = seconds
        self._render_countdown()
        set_role(self._countdown, "countdown" if seconds > 60 else "countdownLow")
        if self.isVisible():
            # Wake when the shown second changes, so 0 is reached on time.
            until_change = remaining - (seconds - 1)
            self._timer.start(max(10, min(1000, math.ceil(until_change * 1000))))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tick()

    def hideEvent(self, event: QHideEvent) -> None:
        # No timer runs for a screen nobody sees.
        self._timer.stop()
        super().hideEvent(event)
