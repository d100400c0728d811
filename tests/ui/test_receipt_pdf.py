"""Receipts as PDF (QPdfWriter): a receipt-width page whose text is real text (extracted
here with pypdf), in Spanish and in English, the QR from the same painter as the screen;
reports on A4 with their chart; and the result screen's "Guardar PDF"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
import zxingcpp
from PIL import Image

from kiosk.controllers.receipts import receipt_document
from kiosk.domain.document import Document, Heading, Paragraph, Row
from kiosk.domain.receipt import Receipt
from kiosk.domain.report import ChartData, HourBar, OperatorBar
from kiosk.domain.sale import SaleKind
from kiosk.services.receipts import Printed
from tests.printing.helpers import sample_receipt
from ui.printing.pdf import document_image, write_pdf

pytestmark = pytest.mark.gui

POINTS_PER_MM = 72 / 25.4


def _receipt(**changes: Any) -> Receipt:
    """The printing tests' receipt, as a gift pack (its pack's name on paper too)."""
    values: dict[str, Any] = {
        "kind": SaleKind.GIFT_PACK,
        "pack_name": "Todo incluido 7 días",
        "cus": "",
    }
    values.update(changes)
    return sample_receipt(**values)


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    # Qt places each word by itself: words come back separated by tabs or spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_a_pdf_receipt_says_what_the_receipt_says(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    write_pdf(receipt_document(_receipt()), path)
    reader = pypdf.PdfReader(path)
    (page,) = reader.pages
    assert float(page.mediabox.width) == pytest.approx(80 * POINTS_PER_MM, abs=1.0)
    assert reader.metadata is not None and reader.metadata.title == "Comprobante de pago"
    text = _text(path)
    for expected in (
        "Droguería La Esquina S.A.S.",
        "NIT 900123456-8",
        "VTA-20251201-000123",
        "9f2c41ab0123cdef",
        "11854-1741982712-49617",
        "Todo incluido 7 días",
        "$ 10.000",
        "Atendió Ana Muñoz",
        "Verificación",
        "reclamos@laesquina.co",
        "Comprobante de pago, no es factura.",
    ):
        assert expected in text, expected
    assert "\u00a0" not in text, "money with a plain space on paper"


def test_a_pdf_receipt_in_english(qapp: object, english: None, tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    write_pdf(receipt_document(_receipt(), copy=True), path)
    text = _text(path)
    for expected in (
        "COPY",
        "Tax ID (NIT) 900123456-8",
        "Payment receipt, not an invoice.",
        "Reference VTA-20251201-000123",
        "Amount COP 10,000",
        "Served by Ana Muñoz",
        "Gift pack",
        "Paid and delivered",
    ):
        assert expected in text, expected
    assert "factura" not in text


def test_the_qr_on_paper_reads_back_as_reference_and_hash(qapp: object, tmp_path: Path) -> None:
    image = document_image(receipt_document(_receipt()), dpi=200)
    path = tmp_path / "receipt.png"
    assert image.save(str(path))
    (found,) = zxingcpp.read_barcodes(Image.open(path))
    assert found.text == "VTA-20251201-000123|9f2c41ab0123cdef"
    assert image.width() == round(80 * 200 / 25.4)


def test_a_report_goes_on_a4_with_its_chart(qapp: object, tmp_path: Path) -> None:
    rows = tuple(Row(f"Operador {n}", f"{n} ventas", f"Op{n}") for n in range(90))
    document = Document("Informe Z", (Heading("Informe Z"), *rows, Paragraph("Fin del informe.")))
    chart = ChartData(
        by_hour=tuple(HourBar(hour, hour % 5, hour * 1_000) for hour in range(24)),
        by_operator=(OperatorBar("Claro", 12, 120_000), OperatorBar("Movistar", 3, 30_000)),
    )
    path = tmp_path / "report.pdf"
    write_pdf(document, path, chart=chart)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) >= 2, "a long report breaks into pages"
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(595, abs=1.5), "A4"
    assert float(box.height) == pytest.approx(842, abs=1.5)
    text = _text(path)
    assert "Operador 0 0 ventas" in text and "Operador 89 89 ventas" in text
    assert "Fin del informe." in text


def test_a_pdf_that_cannot_be_written_says_so(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_pdf(receipt_document(_receipt()), tmp_path / "no" / "such" / "folder" / "r.pdf")


# -- the result screen's buttons ------------------------------------------------------------


class _FakeReceipts:
    """The receipt service as the controller sees it: the printer missing, then fine."""

    def __init__(self, code: str = "printer.missing") -> None:
        from kiosk.domain.errors import KioskError

        self.errors = [KioskError(code, target="192.0.2.10:9100")]
        self.copies: list[bool] = []

    def print_receipt(
        self, receipt: Any, *, render: Any, copy: bool = False, actor: str = ""
    ) -> Printed:

        self.copies.append(copy)
        if self.errors:
            raise self.errors.pop(0)
        render(receipt, copy=copy)
        return Printed(receipt.reference, int(copy))


def test_print_fails_with_a_message_and_a_retry_then_prints(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    from kiosk.controllers.receipts import ReceiptController
    from tests.support.widgets import child

    screen = window.show_result()
    service = _FakeReceipts()
    controller = ReceiptController(service)  # type: ignore[arg-type]
    screen.setReceiptController(controller)
    receipt = _receipt()
    screen.showOutcome(receipt)
    button = child(screen, QPushButton, "resultPrintButton")
    assert button.isVisibleTo(screen) and button.text() == "Imprimir"
    assert button.sizeHint().height() >= 48 or button.minimumSizeHint().height() >= 48
    with qtbot.waitSignal(controller.printFailed):
        button.click()
    assert screen.messageText() == (
        "No se encontró la impresora (192.0.2.10:9100). Revise que esté encendida y "
        "conectada. La venta quedó registrada y el comprobante sigue en pantalla. Cuando la "
        "impresora esté lista, oprima «Reintentar»."
    )
    assert button.text() == "Reintentar" and button.isEnabled()
    # The sale is not lost: the receipt is still on screen, as it was.
    assert screen.receiptView().receipt() == receipt
    with qtbot.waitSignal(controller.printed):
        button.click()
    assert screen.messageText() == "Comprobante impreso."
    # Printed once: printing again is a copy (marked and journaled by the service).
    assert button.text() == "Imprimir copia"
    with qtbot.waitSignal(controller.printed):
        button.click()
    assert service.copies == [False, False, True]
    screen.showOutcome(_receipt(reference="VTA-20251201-000124"))
    assert button.text() == "Imprimir" and screen.messageText() == ""


def test_save_pdf_from_the_result_screen(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    from tests.support.widgets import child

    screen = window.show_result()
    screen.showOutcome(_receipt())
    assert child(screen, QPushButton, "resultSavePdfButton").isVisibleTo(screen)
    with qtbot.waitSignal(screen.pdfSaved) as saved:
        screen.savePdf(tmp_path / "VTA-20251201-000123")
    (written,) = saved.args
    assert written == str(tmp_path / "VTA-20251201-000123.pdf")
    assert "VTA-20251201-000123" in _text(Path(written))
    assert screen.messageText() == f"PDF guardado en {written}"


def test_a_self_service_kiosk_offers_no_file_dialog(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    from tests.support.widgets import child

    window.setCounterMode(False)
    screen = window.show_result()
    screen.showOutcome(_receipt())
    assert not child(screen, QPushButton, "resultSavePdfButton").isVisibleTo(screen)
    assert not child(screen, QPushButton, "resultPrintButton").isVisibleTo(screen), (
        "no printer wired"
    )


def test_no_printer_set_up_says_where_and_offers_no_retry(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from kiosk.controllers.receipts import ReceiptController
    from tests.support.widgets import child
    from tests.ui.helpers import speak

    screen = window.show_result()
    controller = ReceiptController(_FakeReceipts("printer.not_configured"))  # type: ignore[arg-type]
    screen.setReceiptController(controller)
    screen.showOutcome(_receipt())
    button = child(screen, QPushButton, "resultPrintButton")
    with qtbot.waitSignal(controller.printFailed):
        button.click()
    said = screen.messageText()
    assert said == (
        "No hay impresora configurada: un administrador la elige en Ajustes → Impresora. "
        "La venta quedó registrada y el comprobante sigue en pantalla; puede guardarlo en PDF."
    )
    assert "Reintentar" not in said
    assert button.text() == "Imprimir" and not button.isEnabled(), "retrying cannot help"
    speak("en")
    try:
        english = screen.messageText()
        assert "Settings → Printer" in english and "Retry" not in english
        assert "PDF" in english and "Ajustes" not in english
    finally:
        speak("es")
    assert screen.messageText() == said
    screen.showOutcome(_receipt(reference="VTA-20251201-000124"))
    assert button.isEnabled() and screen.messageText() == ""


def test_a_pdf_into_a_missing_folder_says_why_in_the_kiosks_words(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from tests.ui.helpers import speak

    screen = window.show_result()
    screen.showOutcome(_receipt())
    target = tmp_path / "no" / "such" / "r.pdf"
    screen.savePdf(target)
    qtbot.waitUntil(lambda: bool(screen.messageText()), timeout=10_000)
    said = screen.messageText()
    assert said == f"No se pudo guardar el PDF en {target}: la carpeta no existe."
    assert "No such file" not in said
    speak("en")
    try:
        assert screen.messageText() == (
            f"Could not save the PDF to {target}: the folder does not exist."
        )
    finally:
        speak("es")
