"""Where the receipt printer is: the parsing lives in the domain
(:mod:`kiosk.domain.printer_target`: the configuration checks an address with it, without
the printer library); printing takes the targets from here."""

from kiosk.domain.printer_target import (
    DEFAULT_BAUD,
    DEFAULT_PORT,
    FileTarget,
    NetworkTarget,
    PrinterTarget,
    SerialTarget,
    UsbTarget,
    parse_target,
)

__all__ = [
    "DEFAULT_BAUD",
    "DEFAULT_PORT",
    "FileTarget",
    "NetworkTarget",
    "PrinterTarget",
    "SerialTarget",
    "UsbTarget",
    "parse_target",
]
