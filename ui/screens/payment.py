"""The payment screen: the QR, the amount, the reference, a countdown, status, cancel."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_pesos
from kiosk.domain.sale import PaymentMode
from kiosk.messages import render_error
from ui.formatting import format_countdown
from ui.screens.base import Screen, make_button
from ui.texts import PAYMENT_INSTRUCTIONS
from ui.widgets.message_label import set_role
from ui.widgets.qr_view import QrView

_EXPIRED_TEXT = "El código QR venció."
_WAITING_TEXT = "Esperando el pago…"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PaymentScreen(Screen):
    """Shows the payment QR and follows it with a countdown and a status line.

    Signals:
      * ``cancelRequested()``: "Cancelar" or Esc (cancel only stops the waiting on screen:
        the controller keeps watching the payment).
      * ``countdownExpired()``: the countdown reached 0 (once per ``showPayment``).
    Slots: ``showPayment(qr_text, amount_pesos, reference, expires_at, mode)``,
    ``setStatus(text)``, ``setCancelEnabled(bool)``, ``setError(message)``, ``reset()``.
    Queries: ``qrText()``, ``secondsLeft()``, ``countdownText()``, ``statusText()``,
    ``isCountingDown()``.

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
        super().__init__("Pague con su celular", "", parent)
        self._clock = clock
        self._expires_at: datetime | None = None
        self._expired_emitted = False
        self.back_button.hide()
        content = self.content()

        columns = QHBoxLayout()
        columns.setSpacing(32)
        self.qr_view = QrView(content)
        self.qr_view.setMinimumSize(360, 360)
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
        self._status = QLabel(_WAITING_TEXT, content)
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

        self.cancel_button = make_button("Cancelar", "paymentCancelButton", content)
        self.add_hint(self.cancel_button, "Cancelar", "Esc")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.footer.addWidget(self.cancel_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

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
            self.setError(render_error(invalid))
        self._amount.setText(f"Valor: {format_pesos(amount_pesos)}")
        self._reference.setText(f"Referencia: {reference}")
        self._instructions.setText(PAYMENT_INSTRUCTIONS[PaymentMode(mode)])
        self._status.setText(_WAITING_TEXT)
        self.cancel_button.setEnabled(True)
        self._expires_at = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=UTC)
        self._expired_emitted = False
        self._tick()

    def setStatus(self, text: str) -> None:
        self._status.setText(text)

    def setCancelEnabled(self, enabled: bool) -> None:
        self.cancel_button.setEnabled(enabled)

    def reset(self) -> None:
        super().reset()
        self._timer.stop()
        self._expires_at = None
        self._expired_emitted = False
        self.qr_view.clear()
        for label in (self._amount, self._reference, self._countdown, self._instructions):
            label.clear()
        self._status.setText(_WAITING_TEXT)

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

    # -- countdown -----------------------------------------------------------------------

    def _tick(self) -> None:
        if self._expires_at is None:
            return
        remaining = (self._expires_at - self._clock()).total_seconds()
        if remaining <= 0:
            self._timer.stop()
            self._countdown.setText(_EXPIRED_TEXT)
            set_role(self._countdown, "countdownExpired")
            if not self._expired_emitted:
                self._expired_emitted = True
                self.countdownExpired.emit()
            return
        seconds = math.ceil(remaining)
        self._countdown.setText(f"El código vence en {format_countdown(seconds)}")
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
