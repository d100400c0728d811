"""Where the receipt printer is: the ``[printer] target`` setting, parsed.

Pure text rules (the domain's, so the configuration and the settings check an address
without the printer library); ``kiosk.printing.targets`` re-exports them.

Forms (one line of text, as a store's settings hold it):

* ``tcp:HOST:PORT``, ``HOST:PORT`` or ``HOST`` (a network printer; port 9100 by default;
  an IPv6 address in brackets: ``tcp:[fd00::5]:9100``);
* ``usb:VID:PID`` (the vendor and product ids in hex, as ``lsusb`` shows them:
  ``usb:04b8:0202``);
* ``serial:DEVICE[:BAUD]`` (``serial:/dev/ttyUSB0``, ``serial:COM3:19200``; 9600 baud by
  default);
* ``file:PATH`` (a device file such as ``/dev/usb/lp0``, or a plain file to look at).

Anything else is ``KioskError("printer.bad_target", target=...)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.errors import ValidationError

#: The raw-printing port of network receipt printers (JetDirect).
DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600
_HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]+$")
_USB_ID = re.compile(r"^(?:0x)?([0-9A-Fa-f]{1,4})$")
_BAUDS = frozenset({1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200})


@dataclass(frozen=True)
class NetworkTarget:
    host: str
    port: int = DEFAULT_PORT

    def describe(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True)
class UsbTarget:
    vendor_id: int
    product_id: int

    def describe(self) -> str:
        return f"USB {self.vendor_id:04x}:{self.product_id:04x}"


@dataclass(frozen=True)
class SerialTarget:
    device: str
    baudrate: int = DEFAULT_BAUD

    def describe(self) -> str:
        return self.device


@dataclass(frozen=True)
class FileTarget:
    path: str

    def describe(self) -> str:
        return self.path


PrinterTarget = NetworkTarget | UsbTarget | SerialTarget | FileTarget


def parse_target(text: str) -> PrinterTarget:
    """The printer ``text`` names; raises ``KioskError("printer.bad_target")`` if none."""
    written = text.strip()
    scheme, _, rest = written.partition(":")
    scheme = scheme.lower()
    target: PrinterTarget | None
    if scheme == "usb":
        target = _usb(rest)
    elif scheme == "serial":
        target = _serial(rest)
    elif scheme == "file":
        target = FileTarget(rest.strip()) if rest.strip() else None
    elif scheme == "tcp":
        target = _network(rest)
    else:
        target = _network(written)
    if target is None:
        raise ValidationError("printer.bad_target", target=written)
    return target


def _port(text: str) -> int | None:
    if not text.isdigit() or len(text) > 5:
        return None
    port = int(text)
    return port if 1 <= port <= 65535 else None


def _network(text: str) -> NetworkTarget | None:
    text = text.strip()
    if text.startswith("["):
        # [IPv6] or [IPv6]:PORT
        host, bracket, after = text[1:].partition("]")
        if not bracket or not host or not _IPV6.match(host) or ":" not in host:
            return None
        if not after:
            return NetworkTarget(host)
        if not after.startswith(":"):
            return None
        port = _port(after[1:])
        return NetworkTarget(host, port) if port is not None else None
    host, colon, port_text = text.partition(":")
    if not _HOST.match(host):
        return None
    if not colon:
        return NetworkTarget(host)
    port = _port(port_text)
    return NetworkTarget(host, port) if port is not None else None


def _usb(text: str) -> UsbTarget | None:
    parts = text.strip().split(":")
    if len(parts) != 2:
        return None
    vendor, product = (_USB_ID.match(part.strip()) for part in parts)
    if vendor is None or product is None:
        return None
    vendor_id, product_id = int(vendor.group(1), 16), int(product.group(1), 16)
    if vendor_id == 0 or product_id == 0:
        return None
    return UsbTarget(vendor_id, product_id)


def _serial(text: str) -> SerialTarget | None:
    text = text.strip()
    device, colon, baud_text = text.rpartition(":")
    if colon:
        baud = int(baud_text) if baud_text.isdigit() else 0
        if baud not in _BAUDS or not device:
            return None
        return SerialTarget(device, baud)
    # No baud rate: the whole text is the device (COM3, /dev/ttyUSB0).
    return SerialTarget(text) if text else None
