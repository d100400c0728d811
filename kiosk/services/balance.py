"""The balance query: a one-time code by SMS to the line, then its balance. Never journaled.

Only the operator whose line-services API the store has (Claro in release 1) can answer, so
the line's operator is detected first and another operator's line is told so before any
code is sent.
"""

from __future__ import annotations

from kiosk.domain.operators import check_balance_operator
from kiosk.gateways.lines import CodeSent, LineBalance
from kiosk.services.ports import LineServices, TopupProvider


class BalanceService:
    def __init__(self, *, topups: TopupProvider, lines: LineServices) -> None:
        self._topups = topups
        self._lines = lines

    def send_code(self, line: str) -> CodeSent:
        """Detect the line's operator, refuse another operator's line
        (``balance.other_operator``), then send the one-time code."""
        check_balance_operator(self._topups.detect_operator(line))
        return self._lines.send_code(line)

    def balance(self, line: str, code: str) -> LineBalance:
        return self._lines.balance(line, code)
