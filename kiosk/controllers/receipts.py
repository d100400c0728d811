"""Receipts in words, and on paper: the one home of a receipt's captions.

:func:`receipt_document` turns the one :class:`~kiosk.domain.receipt.Receipt` into a
:class:`~kiosk.domain.document.Document` in the current language; the screen
(``ui.widgets.receipt_view``), the thermal printer (``kiosk.printing``) and the PDF
(``ui.printing.pdf``) all render that document, so they say the same things in the same
order.

:class:`ReceiptController` prints on a worker: a missing printer, or one out of paper, is a
message and a retry (``printFailed``), never a lost sale (the sale is journaled before its
receipt exists, and the receipt stays on screen). A reprint is a copy: it says "COPIA"
and is journaled as ``sale.reprinted``.
"""

from __future__ import annotations

import errno
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.controllers.language import Said, describe, formats, translate
from kiosk.controllers.sale_words import kind_words, refusal_words, state_words
from kiosk.controllers.worker import run
from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.errors import KioskError
from kiosk.domain.receipt import Receipt, receipt_qr_data
from kiosk.domain.sale import SaleKind

if TYPE_CHECKING:
    from kiosk.services.receipts import Printed, ReceiptService

log = logging.getLogger(__name__)

#: The keys of a receipt's rows (``Row.key``, and the screen's ``receipt<Key>Value``), in
#: the order printed.
ROW_KEYS = (
    "Date",
    "Reference",
    "GatewayTx",
    "Cus",
    "ProviderTx",
    "Line",
    "Kind",
    "Operator",
    "Pack",
    "Amount",
    "Received",
    "Status",
    "Reason",
    "Clerk",
    "Chain",
    "Claims",
)


#: Printer failures that printing the same job again cannot fix: someone has to set the
#: printer up first (settings, a missing component).
_NO_RETRY = frozenset(
    {"printer.not_configured", "printer.no_driver", "printer.bad_target", "printer.bad_paper"}
)


def file_error_words(error: OSError) -> str:
    """Why a file could not be written, in the current language, for "No se pudo guardar
    … en {path}: {words}" (a receipt's or a report's PDF): the folder is missing, there is
    no permission, the disk is full, or the file could not be written. Never the
    operating system's own (English) text."""
    number = getattr(error, "errno", None)
    if isinstance(error, FileNotFoundError) or number == errno.ENOENT:
        return translate("FileErrors", "la carpeta no existe")
    if isinstance(error, PermissionError) or number in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate("FileErrors", "no hay permiso para escribir en esa carpeta")
    if number in (errno.ENOSPC, errno.EDQUOT):
        return translate("FileErrors", "el disco está lleno")
    return translate("FileErrors", "el archivo no se pudo escribir")


def receipt_title() -> str:
    return translate("ReceiptView", "Comprobante de pago")


def not_an_invoice() -> str:
    """The receipt's closing note, in the current language."""
    return translate("ReceiptView", "Comprobante de pago, no es factura.")


def copy_mark() -> str:
    """What a reprinted receipt says at the top."""
    return translate("ReceiptView", "COPIA")


def _captions(kind: SaleKind) -> dict[str, str]:
    return {
        "Date": translate("ReceiptView", "Fecha"),
        "Reference": translate("ReceiptView", "Referencia"),
        "GatewayTx": translate("ReceiptView", "Transacción PSE"),
        "Cus": translate("ReceiptView", "CUS"),
        # Name the delivery after what was delivered.
        "ProviderTx": (
            translate("ReceiptView", "Transacción paquete")
            if kind is SaleKind.GIFT_PACK
            else translate("ReceiptView", "Transacción recarga")
        ),
        "Line": translate("ReceiptView", "Línea"),
        "Kind": translate("ReceiptView", "Venta"),
        "Operator": translate("ReceiptView", "Operador"),
        "Pack": translate("ReceiptView", "Paquete"),
        "Amount": translate("ReceiptView", "Valor"),
        "Received": translate("ReceiptView", "La línea recibió"),
        "Status": translate("ReceiptView", "Estado"),
        "Reason": translate("ReceiptView", "Motivo"),
        "Clerk": translate("ReceiptView", "Atendió"),
        "Chain": translate("ReceiptView", "Verificación"),
        "Claims": translate("ReceiptView", "Reclamos"),
    }


def receipt_rows(receipt: Receipt) -> list[Row]:
    """Every row the receipt shows (empty values left out), in the current language and
    its formats (money with a non-breaking space: paper renderers make it plain)."""
    shown = formats()
    values = {
        "Date": shown.moment(receipt.issued_at),
        "Reference": receipt.reference,
        "GatewayTx": receipt.gateway_transaction_id,
        "Cus": receipt.cus,
        "ProviderTx": receipt.provider_transaction_id,
        "Line": receipt.masked_line,
        "Kind": kind_words(receipt.kind),
        "Operator": receipt.operator_name,
        "Pack": receipt.pack_name,
        "Amount": shown.pesos(receipt.amount_pesos),
        "Received": (
            shown.pesos(receipt.line_received_pesos)
            if receipt.line_received_pesos not in (None, receipt.amount_pesos)
            else ""
        ),
        "Status": state_words(receipt.state),
        "Reason": refusal_words(receipt.refusal, receipt.refusal_message),
        "Clerk": receipt.clerk,
        "Chain": receipt.chain_hash_short,
        "Claims": receipt.claims_contact,
    }
    captions = _captions(SaleKind(receipt.kind))
    return [Row(captions[key], values[key], key) for key in ROW_KEYS if values[key]]


def receipt_document(receipt: Receipt, *, copy: bool = False) -> Document:
    """The receipt in the current language: the business (name, NIT), the store and kiosk,
    the title, the rows, the store's privacy notice (if it set one), "not an invoice" (the
    last paragraph), and a QR of the reference and chain hash; a copy (a reprint) marked
    "COPIA"."""
    lines: list[Heading | Row | Paragraph | Rule] = []
    if receipt.business_name:
        lines.append(Heading(receipt.business_name))
    if receipt.nit:
        lines.append(Heading(translate("ReceiptView", "NIT {nit}").format(nit=receipt.nit)))
    place = " · ".join(name for name in (receipt.store_name, receipt.kiosk_name) if name)
    if place:
        lines.append(Heading(place))
    lines.append(Heading(receipt_title()))
    lines.append(Rule())
    lines.extend(receipt_rows(receipt))
    lines.append(Rule())
    if receipt.privacy_notice:
        # The store's own words (Ley 1581), as it wrote them in its settings.
        lines.append(Paragraph(receipt.privacy_notice))
    lines.append(Paragraph(not_an_invoice()))
    return Document(
        title=receipt_title(),
        lines=tuple(lines),
        qr=receipt_qr_data(receipt),
        copy_mark=copy_mark() if copy else "",
    )


class ReceiptController(QObject):
    """Prints receipts off the GUI thread, one job at a time.

    Signals: ``printed(reference)`` (a copy too); ``printFailed(Said)`` (the printer is
    missing, out of paper, failed, or none is set up: the words say what happened and what
    to do with the printer, and :meth:`retry` sends the same job again); ``busyChanged(bool)``.
    After a failure, ``failureCode()`` is its code (``printer.missing``, ...) and
    ``retryHelps()`` says whether trying again can help (not when no printer is set up or
    a component is missing: an admin must act first).

    ``printerConfigured()``, ``print_receipt(receipt, copy=False)``, ``reprint(reference)``
    (a copy read from the journal, journaled as ``sale.reprinted``), ``retry()``,
    ``document(receipt, copy)``
    (what the screen and the PDF render), ``set_actor(name)`` (who reprints: the clerk
    signed in).
    """

    printed = Signal(str)
    printFailed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(
        self, service: ReceiptService, *, actor: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._actor = actor
        self._busy = False
        #: The last job that failed (receipt or reference, copy), for :meth:`retry`.
        self._failed: tuple[Receipt | str, bool] | None = None
        #: The code of the last failure ("" when the last job printed, or none failed).
        self._failure_code = ""

    def set_actor(self, name: str) -> None:
        """Who prints copies from now on (journaled with each reprint)."""
        self._actor = name

    def busy(self) -> bool:
        return self._busy

    def canRetry(self) -> bool:
        return self._failed is not None

    def failureCode(self) -> str:
        """The last failure's code (``printer.no_paper``, ...), "" after a print."""
        return self._failure_code

    def retryHelps(self) -> bool:
        """Whether printing the failed job again can work without anyone changing the
        settings first (a printer turned on, paper put in: yes; none set up: no)."""
        return self._failed is not None and self._failure_code not in _NO_RETRY

    def printerConfigured(self) -> bool:
        """Whether the settings name a printer (a kiosk prints by itself only then)."""
        return self._service.printer_configured()

    @staticmethod
    def document(receipt: Receipt, *, copy: bool = False) -> Document:
        return receipt_document(receipt, copy=copy)

    def print_receipt(self, receipt: Receipt, *, copy: bool = False) -> bool:
        """Print ``receipt`` (a copy when ``copy``); False when a job is still printing."""
        return self._start(receipt, copy)

    def reprint(self, reference: str) -> bool:
        """A copy of ``reference``'s receipt, read from the journal; False when busy."""
        return self._start(reference, True)

    def retry(self) -> bool:
        """The job that failed last, again; False when there is none or one is printing."""
        if self._failed is None:
            return False
        receipt, copy = self._failed
        return self._start(receipt, copy)

    def _start(self, receipt: Receipt | str, copy: bool) -> bool:
        if self._busy:
            log.info("a receipt is still printing; the new job waits for a new click")
            return False
        self._set_busy(True)
        service, actor = self._service, self._actor
        job = (receipt, copy)

        def work() -> Printed:
            return service.print_receipt(receipt, render=receipt_document, copy=copy, actor=actor)

        run(work, name="receipts.print").on_success(self._done).on_failure(
            lambda error: self._fail(job, error)
        )
        return True

    def _done(self, printed: Printed) -> None:
        self._failed = None
        self._failure_code = ""
        self._set_busy(False)
        self.printed.emit(printed.reference)

    def _fail(self, job: tuple[Receipt | str, bool], error: BaseException) -> None:
        self._failed = job
        self._failure_code = error.code if isinstance(error, KioskError) else ""
        self._set_busy(False)
        words: Said = describe(error)
        self.printFailed.emit(words)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
