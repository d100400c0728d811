"""The kiosk's receipt: printed by itself, once, when a sale's result is on screen.

A customer alone has nobody to press "Imprimir": when the result screen shows a sale's
receipt in kiosk mode, :class:`KioskReceipts` sends it to the store's printer once (the
receipt controller prints off the GUI thread). No printer set up: nothing is printed and
nothing is said (the screen shows the reference and hash large, for a photo). A printer
that fails (out of paper, missing, no answer) is said on the result screen in the
customer's words and never blocks: no retry, "Nueva venta" works, the idle reset still
runs; the sale is in the store's history for a reprint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kiosk.domain.receipt import Receipt

if TYPE_CHECKING:  # annotations only
    from ui.wiring import Wiring


class KioskReceipts(QObject):
    """Prints each sale's receipt once, as the kiosk's result screen shows it.

    Listens to ``ResultScreen.receiptShown``; a receipt shown again in the same state (the
    same sale's result) is not printed twice; a new state of the same sale (paid after a
    declined attempt) is. When the printer is still busy with the previous customer's job,
    the new receipt prints as soon as it is free, if it is still on screen.

    Queries (tests): ``printedKeys()`` — the ``(reference, state)`` sent to the printer.
    """

    def __init__(self, wiring: Wiring) -> None:
        super().__init__(wiring)
        self.wiring = wiring
        #: Receipts already sent to paper, by (reference, state).
        self._sent: list[tuple[str, str]] = []
        #: A receipt waiting for the printer to be free (its previous job still runs).
        self._waiting: Receipt | None = None
        wiring.window.result.receiptShown.connect(self._receipt_shown)
        wiring.controllers.receipts.busyChanged.connect(self._printer_busy)

    def printedKeys(self) -> list[tuple[str, str]]:
        return list(self._sent)

    def _receipt_shown(self, receipt: Receipt) -> None:
        if not self.wiring.window.isKioskMode():
            return
        if not self.wiring.controllers.receipts.printerConfigured():
            return  # nothing to print on, and nothing to say: the screen shows the claim
        key = (receipt.reference, str(receipt.state))
        if key in self._sent:
            return
        self._waiting = None
        if self.wiring.window.result.printReceipt():
            self._remember(key)
        else:
            # The previous job is still on its way: this one follows when it ends.
            self._waiting = receipt

    def _printer_busy(self, busy: bool) -> None:
        if not busy and self._waiting is not None:
            # After the previous job's own signals (printed / printFailed) are delivered.
            QTimer.singleShot(0, self._print_waiting)

    def _print_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return
        result = self.wiring.window.result
        if result.receiptView().receipt() != waiting or not self.wiring.window.isKioskMode():
            return  # the customer already left that result
        if self.wiring.controllers.receipts.busy():
            self._waiting = waiting
            return
        if result.printReceipt():
            self._remember((waiting.reference, str(waiting.state)))

    def _remember(self, key: tuple[str, str]) -> None:
        self._sent.append(key)
        # Only recent sales matter (a result is shown once); keep the list short.
        del self._sent[:-20]
