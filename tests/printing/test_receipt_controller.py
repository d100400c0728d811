"""The receipts' controller: printing on a worker, a missing printer told with a retry
(never a lost sale), reprints as copies."""

from __future__ import annotations

import errno
import threading
from typing import Any

import pytest

from kiosk.controllers.receipts import ReceiptController, receipt_document
from kiosk.domain.document import Document
from kiosk.domain.errors import KioskError
from kiosk.domain.receipt import Receipt
from kiosk.services.receipts import Printed
from tests.printing.helpers import sample_receipt


class FakeReceipts:
    """A receipt service whose printer fails with ``errors`` first, then prints."""

    def __init__(self, *errors: KioskError) -> None:
        self.errors = list(errors)
        self.documents: list[Document] = []
        self.calls: list[tuple[Receipt | str, bool, str]] = []
        self.threads: list[int] = []

    def print_receipt(
        self, receipt: Receipt | str, *, render: Any, copy: bool = False, actor: str = ""
    ) -> Printed:
        self.calls.append((receipt, copy, actor))
        self.threads.append(threading.get_ident())
        resolved = sample_receipt(reference=receipt) if isinstance(receipt, str) else receipt
        if self.errors:
            raise self.errors.pop(0)
        self.documents.append(render(resolved, copy=copy))
        return Printed(resolved.reference, 1 if copy else 0)


def test_a_receipt_is_printed_off_the_gui_thread(qtbot: Any) -> None:
    service = FakeReceipts()
    controller = ReceiptController(service, actor="clerk:1")  # type: ignore[arg-type]
    busy: list[bool] = []
    controller.busyChanged.connect(busy.append)
    with qtbot.waitSignal(controller.printed) as printed:
        assert controller.print_receipt(sample_receipt())
        assert controller.busy()
    assert printed.args == ["VTA-20251201-000123"]
    assert busy == [True, False] and not controller.busy()
    assert service.threads and threading.get_ident() not in service.threads
    (document,) = service.documents
    assert document == receipt_document(sample_receipt())


def test_a_missing_printer_is_a_message_and_a_retry(qtbot: Any) -> None:
    service = FakeReceipts(KioskError("printer.missing", target="192.0.2.10:9100"))
    controller = ReceiptController(service)  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.printFailed) as failed:
        controller.print_receipt(sample_receipt())
    (words,) = failed.args
    assert str(words).startswith("No se encontró la impresora (192.0.2.10:9100).")
    assert "venta" not in words and "Reintentar" not in words, "the printer's words only"
    assert controller.canRetry() and not controller.busy()
    assert controller.failureCode() == "printer.missing" and controller.retryHelps()
    with qtbot.waitSignal(controller.printed) as printed:
        assert controller.retry()
    assert printed.args == ["VTA-20251201-000123"]
    assert len(service.calls) == 2 and service.calls[0] == service.calls[1]
    assert not controller.canRetry() and not controller.retryHelps()
    assert controller.failureCode() == ""
    assert not controller.retry(), "nothing left to retry"


def test_the_words_of_a_failure_follow_the_language(qtbot: Any) -> None:
    from kiosk.controllers.language import set_language

    controller = ReceiptController(FakeReceipts(KioskError("printer.no_paper")))  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.printFailed) as failed:
        controller.print_receipt(sample_receipt())
    (words,) = failed.args
    set_language("en")
    try:
        assert words.again().startswith("The printer is out of paper.")
    finally:
        set_language("es")


def test_a_reprint_is_a_copy_read_by_reference(qtbot: Any) -> None:
    service = FakeReceipts()
    controller = ReceiptController(service)  # type: ignore[arg-type]
    controller.set_actor("clerk:7")
    with qtbot.waitSignal(controller.printed):
        controller.reprint("VTA-20251201-000999")
    assert service.calls == [("VTA-20251201-000999", True, "clerk:7")]
    assert service.documents[0].copy_mark == "COPIA"


def test_one_job_at_a_time(qtbot: Any) -> None:
    controller = ReceiptController(FakeReceipts())  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.printed):
        assert controller.print_receipt(sample_receipt())
        assert not controller.print_receipt(sample_receipt()), "a double click prints once"


@pytest.mark.parametrize("copy", [False, True])
def test_the_document_is_the_receipts_words(copy: bool, qapp: object) -> None:
    document = ReceiptController.document(sample_receipt(), copy=copy)
    assert document.copy_mark == ("COPIA" if copy else "")
    assert document.qr == "VTA-20251201-000123|9f2c41ab0123cdef"


@pytest.mark.parametrize(
    ("code", "helps"),
    [
        ("printer.missing", True),
        ("printer.no_paper", True),
        ("printer.failed", True),
        ("printer.not_configured", False),
        ("printer.no_driver", False),
    ],
)
def test_retrying_helps_only_when_the_printer_is_set_up(qtbot: Any, code: str, helps: bool) -> None:
    error = KioskError(code, target="192.0.2.10:9100", module="pyusb")
    controller = ReceiptController(FakeReceipts(error))  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.printFailed) as failed:
        controller.print_receipt(sample_receipt())
    assert controller.failureCode() == code
    assert controller.retryHelps() is helps
    (words,) = failed.args
    for tail in ("La venta quedó registrada", "sigue en pantalla", "Reintentar"):
        assert tail not in words, f"{code}: {words}"


def test_not_configured_says_where_to_set_the_printer_up(qtbot: Any) -> None:
    controller = ReceiptController(FakeReceipts(KioskError("printer.not_configured")))  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.printFailed) as failed:
        controller.print_receipt(sample_receipt())
    (words,) = failed.args
    assert "Ajustes → Impresora" in words and "administrador" in words


@pytest.mark.parametrize(
    ("error", "spanish", "english"),
    [
        (
            FileNotFoundError(errno.ENOENT, "No such file or directory", "/x/y.pdf"),
            "la carpeta no existe",
            "the folder does not exist",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "/x/y.pdf"),
            "no hay permiso para escribir en esa carpeta",
            "there is no permission to write in that folder",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "/x/y.pdf"),
            "el disco está lleno",
            "the disk is full",
        ),
        (
            OSError("could not start the PDF"),
            "el archivo no se pudo escribir",
            "the file could not be written",
        ),
    ],
)
def test_file_errors_in_the_kiosks_words(
    qapp: object, error: OSError, spanish: str, english: str
) -> None:
    from kiosk.controllers.language import set_language
    from kiosk.controllers.receipts import file_error_words

    assert file_error_words(error) == spanish
    set_language("en")
    try:
        assert file_error_words(error) == english
    finally:
        set_language("es")
