"""Contract tests: the line-services client against the sandbox (codes arrive by SMS)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from kiosk.gateways.errors import GatewayNotFound, LineCodeRejected, LineLocked
from kiosk.gateways.factory import Gateways
from tests.gateways.helpers import unique_reference
from tests.gateways.samples import SENDER
from tests.support.sandbox import PORTED_LINE, outbox


def latest_code(sandbox: Any, line: str) -> str:
    texts = [sms["text"] for sms in outbox(sandbox, line) if "código" in sms["text"]]
    assert texts, "no code was texted"
    found = re.search(r"\b(\d{6})\b", texts[-1])
    assert found, texts[-1]
    return found.group(1)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_balance_needs_the_texted_code(shared_sandbox: Any, gateways: Gateways) -> None:
    line = "3105550201"
    lines = gateways.lines
    sent = lines.send_code(line)
    # GATEWAYS.md: a texted code lasts 5 minutes.
    assert sent.expires_in_seconds is not None and 0 < sent.expires_in_seconds <= 300
    code = latest_code(shared_sandbox, line)
    with pytest.raises(LineCodeRejected) as caught:
        lines.balance(line, wrong(code))
    assert caught.value.code == "lines.wrong_code"
    # A wrong code does not cancel the right one.
    before = lines.balance(line, code)
    assert before.balance_pesos >= 0
    # A top-up shows in the balance read with the same code.
    operator = gateways.topups.detect_operator(line)
    gateways.topups.topup(unique_reference("T"), operator.id, 3_000, line)
    assert lines.balance(line, code).balance_pesos == before.balance_pesos + 3_000


def test_gift_pack_shows_among_active_packs_and_both_texts_arrive(
    shared_sandbox: Any, gateways: Gateways
) -> None:
    line = "3105550202"
    catalogue = gateways.topups.catalogue_for("Claro")
    assert catalogue.bundle_operator is not None
    pack = catalogue.packs[-1]
    gateways.topups.topup(
        unique_reference("G"), catalogue.bundle_operator.id, pack.amount_pesos, line, SENDER
    )
    gateways.lines.send_code(line)
    balance = gateways.lines.balance(line, latest_code(shared_sandbox, line))
    assert pack.name in [active.name for active in balance.packs]
    assert all(active.expires_at is not None for active in balance.packs)
    texts = [sms["text"] for sms in outbox(shared_sandbox, line)]
    assert len(texts) == 2
    assert pack.name in texts[0] and "código" in texts[1]


def test_five_wrong_codes_lock_the_line(shared_sandbox: Any, gateways: Gateways) -> None:
    line = "3105550203"
    gateways.lines.send_code(line)
    bad = wrong(latest_code(shared_sandbox, line))
    for _ in range(4):
        with pytest.raises(LineCodeRejected):
            gateways.lines.balance(line, bad)
    with pytest.raises(LineLocked) as caught:
        gateways.lines.balance(line, bad)
    assert caught.value.code == "lines.locked"
    assert caught.value.retry_after is not None and caught.value.retry_after > 60


def test_a_ported_line_has_no_balance_here(gateways: Gateways) -> None:
    with pytest.raises(GatewayNotFound) as caught:
        gateways.lines.send_code(PORTED_LINE)
    assert caught.value.code == "lines.not_found"
