"""The printer's address as a store writes it in settings."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import KioskError
from kiosk.printing.targets import (
    FileTarget,
    NetworkTarget,
    SerialTarget,
    UsbTarget,
    parse_target,
)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("tcp:192.168.1.50:9100", NetworkTarget("192.168.1.50", 9100)),
        ("192.168.1.50:9101", NetworkTarget("192.168.1.50", 9101)),
        ("printer.local", NetworkTarget("printer.local", 9100)),
        ("tcp:caja-1", NetworkTarget("caja-1", 9100)),
        ("  TCP:10.0.0.7:9100 ", NetworkTarget("10.0.0.7", 9100)),
        ("tcp:[fd00::5]:9100", NetworkTarget("fd00::5", 9100)),
        ("[fd00::5]", NetworkTarget("fd00::5", 9100)),
        ("usb:04b8:0202", UsbTarget(0x04B8, 0x0202)),
        ("usb:0x0416:0x5011", UsbTarget(0x0416, 0x5011)),
        ("serial:/dev/ttyUSB0", SerialTarget("/dev/ttyUSB0", 9600)),
        ("serial:/dev/ttyS1:19200", SerialTarget("/dev/ttyS1", 19200)),
        ("serial:COM3:115200", SerialTarget("COM3", 115200)),
        ("file:/dev/usb/lp0", FileTarget("/dev/usb/lp0")),
    ],
)
def test_every_form_of_a_printer(text: str, target: object) -> None:
    assert parse_target(text) == target


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tcp:",
        "tcp:host:0",
        "tcp:host:70000",
        "host:port",
        "host name with spaces",
        "[fd00::5",
        "usb:04b8",
        "usb:xyz:0202",
        "usb:0000:0202",
        "usb:04b8:0202:1",
        "serial:",
        "serial:/dev/ttyUSB0:fast",
        "serial:/dev/ttyUSB0:12345",
        "file:",
        "lpt1:",
    ],
)
def test_a_bad_address_is_told(text: str) -> None:
    with pytest.raises(KioskError) as raised:
        parse_target(text)
    assert raised.value.code == "printer.bad_target"
    assert raised.value.params == {"target": text.strip()}


def test_targets_describe_themselves_for_messages() -> None:
    assert parse_target("10.0.0.7").describe() == "10.0.0.7:9100"
    assert parse_target("tcp:[fd00::5]:9100").describe() == "[fd00::5]:9100"
    assert parse_target("usb:4b8:202").describe() == "USB 04b8:0202"
    assert parse_target("serial:/dev/ttyUSB0:9600").describe() == "/dev/ttyUSB0"
