"""A :class:`~kiosk.domain.document.Document` on an ESC/POS thermal printer (python-escpos).

Layout: Font A, 32 columns on 58 mm paper and 48 on 80 mm; headings centred in bold, rows
as ``label ....... value`` (a long value on its own lines, right-aligned), paragraphs
wrapped, rules of dashes, a copy's mark in double size at the top, the QR centred at the
end (printed natively, ``GS ( k``, from the same data the screen's and the PDF's QR
hold), then a full cut.

Words: the printer is set to code page 850 (``ESC t 2``, "Multilingual Latin I": table 2 on
Epson-compatible printers, the common ground of the cheap ones as well) and the text encoded
in it, so á é í ó ú ñ ü ¿ ¡ print as they are (never the code page a printer was left
in). Non-breaking spaces (money on screen) become plain spaces, typographic dashes, quotes
and ellipses their ASCII twins, and control characters (a provider's words could hold
some) are dropped: nothing but text and our own commands reaches the printer.

Errors: a printer that cannot be reached (connection refused, no such host, no USB device,
no serial port, a file that cannot be opened) is ``printer.missing``; a network printer
that answers the real-time paper status (``DLE EOT 4``, asked before the job, with its own
short deadline) with "paper end" is ``printer.no_paper`` — a printer that does not answer
it, or answers with something that is no status byte, is printed to anyway. USB, serial
and file printers are not asked (python-escpos cannot read a USB printer's answer reliably
and a file has none): out of paper there, the job prints nothing and the clerk retries. Any
other failure while sending is ``printer.failed``. Every network step has a deadline (the
socket's timeout); USB and serial writes have one too. No error carries the document.
"""

from __future__ import annotations

import logging
import socket
import textwrap
import unicodedata
from typing import Any

from kiosk.domain.document import Document, Heading, Paragraph, Row, Rule
from kiosk.domain.errors import KioskError
from kiosk.printing.targets import (
    FileTarget,
    NetworkTarget,
    PrinterTarget,
    SerialTarget,
    UsbTarget,
)

log = logging.getLogger(__name__)

#: Characters per line in Font A (12 dots wide): 384 dots on 58 mm paper, 576 on 80 mm.
COLUMNS = {58: 32, 80: 48}
#: The code page set on the printer (python-escpos's name; ``ESC t 2``).
CODE_PAGE = "CP850"
#: Deadline of each network step (connect, each send, the status read), in seconds.
NETWORK_TIMEOUT_SECONDS = 5.0
#: How long a network printer may take to answer the paper status before we print anyway
#: (a printer that does not answer real-time status commands still prints).
STATUS_TIMEOUT_SECONDS = 1.5
#: USB write deadline (python-escpos takes milliseconds there).
USB_TIMEOUT_MS = 5000
#: The real-time paper status query (``DLE EOT 4``) and its answer: bits 1 and 4 set and
#: bits 0 and 7 clear in every answer, bits 5 and 6 set when the paper ran out.
PAPER_STATUS_QUERY = b"\x10\x04\x04"
_STATUS_FIXED_MASK = 0b1001_0011
_STATUS_FIXED_BITS = 0b0001_0010
_PAPER_END = 0b0110_0000
#: QR module size in dots (1-16): about 2.5 cm wide for a receipt's short text on 80 mm.
_QR_SIZE = {58: 5, 80: 6}

#: What becomes what on paper: spaces that a code page has no room for, and typography
#: that CP850 lacks.
_PAPER_TEXT = str.maketrans(
    {
        "\u00a0": " ",  # no-break space (money on screen)
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u2002": " ",
        "\u2003": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u00ad": "",  # soft hyphen
        "\t": " ",
    }
)


def columns_for(paper_mm: int) -> int:
    """Characters per line for ``paper_mm`` (58 or 80); raises ``printer.bad_paper``."""
    try:
        return COLUMNS[int(paper_mm)]
    except (KeyError, TypeError, ValueError):
        raise KioskError("printer.bad_paper", paper_mm=paper_mm) from None


def paper_text(text: str) -> str:
    """``text`` as it may go to paper: NFC, plain spaces, ASCII typography, no controls."""
    text = unicodedata.normalize("NFC", text).translate(_PAPER_TEXT)
    return "".join(char for char in text if char == "\n" or unicodedata.category(char)[0] != "C")


def layout(document: Document, columns: int) -> list[tuple[str, str]]:
    """The document as ``(style, line)`` in print order, each line at most ``columns``
    wide: style ``copy`` (the copy mark), ``heading``, ``text`` or ``right``."""
    lines: list[tuple[str, str]] = []
    if document.copy_mark:
        # Double width: half the columns.
        for line in _wrap(paper_text(document.copy_mark), columns // 2):
            lines.append(("copy", line))
    for item in document.lines:
        if isinstance(item, Heading):
            lines.extend(("heading", line) for line in _wrap(paper_text(item.text), columns))
        elif isinstance(item, Row):
            label, value = paper_text(item.label).strip(), paper_text(item.value).strip()
            if len(label) + 1 + len(value) <= columns:
                lines.append(("text", label + " " * (columns - len(label) - len(value)) + value))
            else:
                lines.extend(("text", line) for line in _wrap(label, columns))
                lines.extend(("right", line) for line in _wrap(value, columns))
        elif isinstance(item, Paragraph):
            lines.extend(("text", line) for line in _wrap(paper_text(item.text), columns))
        elif isinstance(item, Rule):
            lines.append(("text", "-" * columns))
    return lines


def _wrap(text: str, width: int) -> list[str]:
    wrapped: list[str] = []
    for paragraph in text.split("\n"):
        wrapped.extend(
            textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [""]
        )
    return wrapped


def render(printer: Any, document: Document, *, paper_mm: int) -> None:
    """Send ``document`` to ``printer`` (any python-escpos printer, a ``Dummy`` in tests):
    initialise, select code page 850, the lines, the QR, a full cut."""
    columns = columns_for(paper_mm)
    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    printer.set(font="a", align="left", bold=False, normal_textsize=True)
    for style, line in layout(document, columns):
        if style == "copy":
            printer.set(align="center", bold=True, double_width=True, double_height=True)
        elif style == "heading":
            printer.set(align="center", bold=True, normal_textsize=True)
        elif style == "right":
            printer.set(align="right", bold=False, normal_textsize=True)
        else:
            printer.set(align="left", bold=False, normal_textsize=True)
        printer.textln(line)
    printer.set(align="left", bold=False, normal_textsize=True)
    qr_data = paper_text(document.qr).strip()
    if qr_data:
        printer.ln()
        # Native: the printer draws the code from the data itself (one source of data).
        printer.set(align="center")
        printer.qr(qr_data, native=True, size=_QR_SIZE[int(paper_mm)], ec=1)
        printer.set(align="left")
    printer.cut()


def open_printer(target: PrinterTarget, *, timeout: float = NETWORK_TIMEOUT_SECONDS) -> Any:
    """A python-escpos printer for ``target``, connected (raises the ``printer.*`` errors)."""
    # Imported here, not at start-up: python-escpos takes a quarter of a second to load its
    # printer profiles and makes a temporary folder on import; most starts never print.
    from escpos import printer as escpos_printers
    from escpos.exceptions import DeviceNotFoundError

    named = target.describe()
    device: Any
    if isinstance(target, NetworkTarget):
        device = escpos_printers.Network(target.host, target.port, timeout=timeout)
    elif isinstance(target, UsbTarget):
        if not escpos_printers.Usb.is_usable():
            raise KioskError("printer.no_driver", module="pyusb", target=named)
        device = escpos_printers.Usb(target.vendor_id, target.product_id, timeout=USB_TIMEOUT_MS)
    elif isinstance(target, SerialTarget):
        if not escpos_printers.Serial.is_usable():
            raise KioskError("printer.no_driver", module="pyserial", target=named)
        device = escpos_printers.Serial(target.device, target.baudrate, timeout=timeout)
    elif isinstance(target, FileTarget):
        device = escpos_printers.File(target.path)
    else:  # pragma: no cover - the union is closed
        raise KioskError("printer.bad_target", target=str(target))
    try:
        device.open()
    except (DeviceNotFoundError, OSError) as error:
        log.info("printer %s not found: %s", named, type(error).__name__)
        _forget(device)
        raise KioskError("printer.missing", target=named) from None
    return device


def paper_out(device: Any) -> bool:
    """Whether a network printer says it has no paper (False when it does not answer, or
    answers with something that is no status byte)."""
    connection = device.device
    if not isinstance(connection, socket.socket):
        return False
    connection.settimeout(STATUS_TIMEOUT_SECONDS)
    try:
        device._raw(PAPER_STATUS_QUERY)
        answer = connection.recv(16)
    except OSError:
        # No answer in time (or an answer cut short): print, and let the paper say.
        log.info("printer gave no paper status")
        return False
    finally:
        connection.settimeout(device.timeout)
    if not answer or answer[0] & _STATUS_FIXED_MASK != _STATUS_FIXED_BITS:
        log.info("printer answered no paper status")
        return False
    return answer[0] & _PAPER_END == _PAPER_END


def print_document(
    document: Document,
    target: PrinterTarget,
    *,
    paper_mm: int,
    timeout: float = NETWORK_TIMEOUT_SECONDS,
) -> None:
    """Print ``document`` on the printer at ``target``; raises ``KioskError``
    ``printer.missing`` / ``printer.no_paper`` / ``printer.failed`` (and
    ``printer.no_driver``, ``printer.bad_paper``)."""
    from escpos.exceptions import Error as EscposError

    columns_for(paper_mm)  # a bad width is told before anything is sent
    named = target.describe()
    device = open_printer(target, timeout=timeout)
    try:
        if isinstance(target, NetworkTarget) and paper_out(device):
            raise KioskError("printer.no_paper", target=named)
        render(device, document, paper_mm=paper_mm)
    except KioskError:
        raise
    except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError) as error:
        log.info("printer %s went away: %s", named, type(error).__name__)
        raise KioskError("printer.missing", target=named) from None
    except (OSError, EscposError, ValueError) as error:
        log.warning("printer %s failed: %s", named, type(error).__name__)
        raise KioskError("printer.failed", target=named) from None
    finally:
        _close(device)


def _close(device: Any) -> None:
    try:
        device.close()
    except Exception:  # a printer that went away while closing has nothing left to say
        log.debug("printer close failed", exc_info=True)
    _forget(device)


def _forget(device: Any) -> None:
    # python-escpos closes again on garbage collection; a closed device has nothing left.
    device._device = False
