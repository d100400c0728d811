"""Receipts on an ESC/POS printer: the bytes a Dummy printer, a network printer (a TCP
listener on loopback standing in for port 9100) and a file printer get."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from escpos.printer import Dummy

from kiosk.controllers.language import text
from kiosk.controllers.receipts import receipt_document
from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.errors import KioskError
from kiosk.domain.receipt import receipt_qr_data
from kiosk.messages import words_for
from kiosk.printing import escpos_printer
from kiosk.printing.escpos_printer import layout, open_printer, print_document, render
from kiosk.printing.targets import parse_target
from tests.printing.helpers import (
    PAPER_OUT,
    PAPER_STATUS_QUERY,
    FakeNetworkPrinter,
    closed_port,
    sample_receipt,
)

CP850_SELECT = b"\x1bt\x02"  # ESC t 2: code page 850
FULL_CUT = b"\x1dV\x00"
QR_COMMAND = b"\x1d(k"
SPANISH = "á é í ó ú ñ Ñ ü ¿ ¡"


def dummy_bytes(document: Document, paper_mm: int = 80) -> bytes:
    printer = Dummy()
    render(printer, document, paper_mm=paper_mm)
    return bytes(printer.output)


def words_of(output: bytes) -> str:
    """The printed text back (as the printer reads it in code page 850)."""
    return output.decode("cp850", errors="replace")


@pytest.fixture
def network_printer() -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter()
    yield printer
    printer.close()


def test_spanish_prints_in_code_page_850(qapp: object) -> None:
    output = dummy_bytes(Document("t", (Heading(SPANISH), Paragraph("Año, señor: ¿qué pasó?"))))
    # The code page is chosen explicitly, before any text.
    assert output.startswith(b"\x1b@" + CP850_SELECT)
    assert output.count(b"\x1bt") == 1, "no code page switches in the middle of a receipt"
    # Each letter is the code page's own byte: á=A0 é=82 í=A1 ó=A2 ú=A3 ñ=A4 Ñ=A5 ü=81 ¿=A8 ¡=AD
    assert b"\xa0 \x82 \xa1 \xa2 \xa3 \xa4 \xa5 \x81 \xa8 \xad" in output
    assert "Año, señor: ¿qué pasó?".encode("cp850") in output
    assert b"?" not in output.replace("¿qué pasó?".encode("cp850"), b""), "nothing replaced"
    assert "á".encode() not in output, "no UTF-8 on paper"


def test_a_receipt_on_paper(qapp: object) -> None:
    receipt = sample_receipt()
    output = dummy_bytes(receipt_document(receipt))
    printed = words_of(output)
    for expected in (
        "Droguería La Esquina S.A.S.",
        "NIT 900123456-8",
        "Droguería La Esquina · Caja 1",
        "VTA-20251201-000123",
        "11854-1741982712-49617",
        "*** *** 6789",
        "$ 10.000",
        "Ana Muñoz",
        "9f2c41ab0123cdef",
        "reclamos@laesquina.co",
        "Comprobante de pago, no es factura.",
    ):
        assert expected in printed, expected
    # Money has a non-breaking space on screen; on paper a plain one (CP850's NBSP is FF).
    assert b"\xff" not in output and "\u00a0".encode() not in output
    # The QR natively, from the receipt's own data, then a full cut at the very end.
    data = receipt_qr_data(receipt).encode("ascii")
    assert data == b"VTA-20251201-000123|9f2c41ab0123cdef"
    assert QR_COMMAND + bytes([len(data) + 3, 0]) + b"1P0" + data in output
    assert QR_COMMAND + b"\x03\x001Q0" in output, "the QR is printed"
    assert output.index(QR_COMMAND) > output.index("no es factura".encode("cp850"))
    assert output.endswith(FULL_CUT)


def test_a_copy_says_so_in_large_type(qapp: object) -> None:
    output = dummy_bytes(receipt_document(sample_receipt(), copy=True))
    double = b"\x1b!0"  # ESC ! 0x30: double width and height
    assert output.index(double) < output.index(b"COPIA") < output.index(b"Droguer")
    assert b"COPIA" not in dummy_bytes(receipt_document(sample_receipt()))


@pytest.mark.parametrize(("paper_mm", "columns"), [(58, 32), (80, 48)])
def test_lines_fit_the_paper(qapp: object, paper_mm: int, columns: int) -> None:
    document = receipt_document(
        sample_receipt(refusal="FAILED", state=sample_receipt().state, pack_name="P" * 70)
    )
    lines = layout(document, columns)
    assert all(len(line) <= columns for _style, line in lines)
    assert ("text", "-" * columns) in lines
    reference = next(line for _style, line in lines if "VTA-20251201-000123" in line)
    assert reference.startswith("Referencia") and len(reference) == columns, "value at the right"
    output = words_of(dummy_bytes(document, paper_mm))
    assert all(len(line) <= columns for line in output.split("\n") if "\x1b" not in line)


def test_a_long_value_goes_under_its_label(qapp: object) -> None:
    lines = layout(Document("t", (Row("Motivo", "palabra " * 10, "Reason"),)), 32)
    assert lines[0] == ("text", "Motivo")
    assert all(style == "right" for style, _line in lines[1:]) and len(lines) > 2


def test_nothing_but_text_reaches_the_printer(qapp: object) -> None:
    # A provider's words could carry control characters: none becomes a printer command.
    said = "Operador\x1b@\x1dV\x00 caído — intente… «luego»\u00a0ya"
    output = dummy_bytes(Document("t", (Paragraph(said), Rule())))
    assert output.count(b"\x1b@") == 1 and output.count(b"\x1dV") == 1
    assert "Operador@V caído - intente... «luego» ya".encode("cp850") in output


def test_a_network_printer_gets_the_receipt(
    qapp: object, network_printer: FakeNetworkPrinter
) -> None:
    receipt = sample_receipt()
    print_document(receipt_document(receipt), parse_target(network_printer.target), paper_mm=58)
    received = network_printer.received()
    # Asked for its paper first, then the job: code page, words, the QR, the cut.
    assert received.startswith(PAPER_STATUS_QUERY + b"\x1b@" + CP850_SELECT)
    assert "Ana Muñoz".encode("cp850") in received and b"\xa4" in received
    assert receipt_qr_data(receipt).encode() in received and QR_COMMAND in received
    assert received.endswith(FULL_CUT)
    assert b"\xff" not in received


def test_a_network_printer_out_of_paper_is_told_and_gets_no_job(qapp: object) -> None:
    printer = FakeNetworkPrinter(status=PAPER_OUT)
    try:
        with pytest.raises(KioskError) as raised:
            print_document(
                receipt_document(sample_receipt()), parse_target(printer.target), paper_mm=80
            )
        assert raised.value.code == "printer.no_paper"
        assert printer.received() == PAPER_STATUS_QUERY
        assert "no tiene papel" in text(words_for(raised.value))
    finally:
        printer.close()


def test_a_printer_that_does_not_answer_its_status_still_prints(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(escpos_printer, "STATUS_TIMEOUT_SECONDS", 0.05)
    printer = FakeNetworkPrinter(status=b"")
    try:
        print_document(
            receipt_document(sample_receipt()), parse_target(printer.target), paper_mm=80
        )
        assert printer.received().endswith(FULL_CUT)
    finally:
        printer.close()


def test_a_missing_printer_is_a_clear_spanish_message(qapp: object) -> None:
    target = parse_target(f"127.0.0.1:{closed_port()}")
    with pytest.raises(KioskError) as raised:
        print_document(receipt_document(sample_receipt()), target, paper_mm=80)
    assert raised.value.code == "printer.missing"
    said = text(words_for(raised.value))
    assert said.startswith(f"No se encontró la impresora (127.0.0.1:{target.port}).")  # type: ignore[union-attr]
    # The printer's words only: each screen adds what the failure means for its own work.
    assert "Reintentar" not in said and "venta" not in said and "pantalla" not in said


def test_every_network_call_has_a_deadline(
    qapp: object, network_printer: FakeNetworkPrinter
) -> None:
    device = open_printer(parse_target(network_printer.target), timeout=0.2)
    try:
        assert device.device.gettimeout() == 0.2, "connect and every send"
    finally:
        device.close()


def test_an_answer_that_is_no_status_is_not_read_as_paper_out(qapp: object) -> None:
    # Something else on the port (or line noise) answers: the job is printed anyway.
    printer = FakeNetworkPrinter(status=b"HTTP/1.1 400")
    try:
        print_document(Document("t", ()), parse_target(printer.target), paper_mm=80)
        assert printer.received().endswith(FULL_CUT)
    finally:
        printer.close()


def test_a_file_printer(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "lp0"
    print_document(receipt_document(sample_receipt()), parse_target(f"file:{path}"), paper_mm=80)
    written = path.read_bytes()
    assert written.startswith(b"\x1b@" + CP850_SELECT) and written.endswith(FULL_CUT)
    missing = parse_target(f"file:{tmp_path / 'no' / 'such' / 'lp0'}")
    with pytest.raises(KioskError) as raised:
        print_document(receipt_document(sample_receipt()), missing, paper_mm=80)
    assert raised.value.code == "printer.missing"


def test_a_paper_width_that_does_not_exist(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(KioskError) as raised:
        print_document(Document("t", ()), parse_target(f"file:{tmp_path / 'x'}"), paper_mm=76)
    assert raised.value.code == "printer.bad_paper"
    assert not (tmp_path / "x").exists(), "told before anything is sent"


def test_usb_without_its_driver_says_what_to_install(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from escpos.printer import Usb

    monkeypatch.setattr(Usb, "is_usable", staticmethod(lambda: False))
    with pytest.raises(KioskError) as raised:
        print_document(Document("t", ()), parse_target("usb:04b8:0202"), paper_mm=80)
    assert raised.value.code == "printer.no_driver"
    assert 'pip install "kiosk[printers]"' in text(words_for(raised.value))


def test_the_stores_privacy_notice_is_printed_before_the_closing_note(qapp: object) -> None:
    notice = "Sus datos se tratan según la Ley 1581 de 2012; consultas en la tienda."
    document = receipt_document(sample_receipt(privacy_notice=notice))
    flat = " ".join(line for _style, line in layout(document, 32))
    assert "según".encode("cp850") in dummy_bytes(document)
    assert notice in flat
    assert flat.index("Ley 1581") < flat.index("no es factura")
