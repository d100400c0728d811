"""A stand-in for a network receipt printer: a TCP listener on a free loopback port (as a
printer's port 9100), collecting every byte a job sends, answering the real-time paper
status query (``DLE EOT 4``) the way a printer does."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime

from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.printing.escpos_printer import PAPER_STATUS_QUERY

__all__ = ["PAPER_STATUS_QUERY", "FakeNetworkPrinter", "closed_port", "sample_receipt"]

#: Status bytes of ``DLE EOT 4``: paper present, and paper end (sensor bits 5 and 6).
PAPER_OK = b"\x12"
PAPER_OUT = b"\x72"


class FakeNetworkPrinter:
    """Accepts one connection, answers the paper status with ``status`` (``b""``: never
    answers), keeps what it received; ``received`` once the job closed the connection."""

    def __init__(self, status: bytes = PAPER_OK) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._status = status
        self._data = bytearray()
        self.done = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-printer", daemon=True)
        self._thread.start()

    @property
    def target(self) -> str:
        return f"tcp:127.0.0.1:{self.port}"

    def _serve(self) -> None:
        try:
            connection, _address = self._server.accept()
        except OSError:
            return
        with connection:
            answered = False
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                self._data.extend(chunk)
                if not answered and self._status and PAPER_STATUS_QUERY in self._data:
                    connection.sendall(self._status)
                    answered = True
        self.done.set()

    def received(self, timeout: float = 10.0) -> bytes:
        assert self.done.wait(timeout), "the printer job never closed its connection"
        return bytes(self._data)

    def close(self) -> None:
        self._server.close()
        self._thread.join(timeout=10)


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sample_receipt(**changes: object) -> Receipt:
    values: dict[str, object] = {
        "reference": "VTA-20251201-000123",
        "kind": SaleKind.TOPUP,
        "state": SaleState.DELIVERED,
        "amount_pesos": 10_000,
        "masked_line": "*** *** 6789",
        "issued_at": datetime(2025, 12, 1, 20, 5, tzinfo=UTC),
        "gateway_transaction_id": "11854-1741982712-49617",
        "provider_transaction_id": "2987451",
        "cus": "1874233",
        "operator_name": "Claro Colombia",
        "chain_hash_short": "9f2c41ab0123cdef",
        "store_name": "Droguería La Esquina",
        "kiosk_name": "Caja 1",
        "business_name": "Droguería La Esquina S.A.S.",
        "nit": "900123456-8",
        "claims_contact": "reclamos@laesquina.co",
        "clerk": "Ana Muñoz",
    }
    values.update(changes)
    return Receipt(**values)  # type: ignore[arg-type]
