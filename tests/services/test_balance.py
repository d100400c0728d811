"""The balance query asks the line's operator first: only Claro's lines get a code."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter
from tests.support.sandbox import outbox


def test_a_code_goes_only_to_a_claro_line(counter: Counter, sandbox: SandboxServer) -> None:
    balance = counter.core.balance
    with pytest.raises(ValidationError) as refused:
        balance.send_code("3129876543")  # a Claro prefix, ported to Tigo
    assert refused.value.code == "balance.other_operator"
    assert refused.value.params == {"operator": "Tigo", "brand": "Claro"}
    assert outbox(sandbox, "3129876543") == []

    balance.send_code("3151234567")  # a Movistar prefix, ported to Claro: its balance is asked
    assert any("código" in sms["text"] for sms in outbox(sandbox, "3151234567"))
