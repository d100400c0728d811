"""Balance query: a one-time code by SMS, then the balance. Never journaled."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance

from kiosk.controllers.language import describe
from kiosk.controllers.worker import run
from kiosk.services.balance import BalanceService


class BalanceController(QObject):
    codeSent = Signal(str)  # the line the code went to
    balanceReady = Signal(object)  # the client's LineBalance
    failed = Signal(object)  # a Said: words that follow a language change
    busyChanged = Signal(bool)

    def __init__(self, service: BalanceService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service

    def send_code(self, line: str) -> None:
        self.busyChanged.emit(True)
        run(lambda: self._service.send_code(line), name="send_code").on_success(
            lambda _result: self._done(self.codeSent, line)
        ).on_failure(self._failed)

    def check(self, line: str, code: str) -> None:
        self.busyChanged.emit(True)
        run(lambda: self._service.balance(line, code), name="balance").on_success(
            lambda balance: self._done(self.balanceReady, balance)
        ).on_failure(self._failed)

    def _done(self, signal: SignalInstance, value: object) -> None:
        self.busyChanged.emit(False)
        signal.emit(value)

    def _failed(self, error: BaseException) -> None:
        self.busyChanged.emit(False)
        self.failed.emit(describe(error))
