"""A sale left pending by a stopped app is delivered once by the next start's reconciliation."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.domain.sale import SaleState
from kiosk.journal import instance_lock_for
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, journal_url
from tests.support.browser import answer_bank_page
from tests.support.sandbox import provider_topups, pse_attempts

S = SaleState
LINE = "3105550606"
ROOT = Path(__file__).resolve().parents[2]


def test_a_pending_sale_of_a_stopped_app_is_delivered_once_at_the_next_start(
    make_counter: Callable[..., Counter], sandbox: SandboxServer, tmp_path: Path
) -> None:
    url = journal_url(tmp_path)
    settings = {"journal_url": url, "overrides": sandbox.client_settings(), "line": LINE}
    first_run = subprocess.run(
        [sys.executable, "-m", "tests.services.restart_app", json.dumps(settings)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert first_run.returncode == 0, first_run.stderr[-2000:]
    started = json.loads(first_run.stdout.strip().splitlines()[-1])
    reference = started["reference"]

    # The bank approves while the app is down.
    answer_bank_page(started["bank_url"], "Aprobar")
    (payment,) = pse_attempts(sandbox, reference)
    assert payment["status"] == "APPROVED"

    # The next start: the dead process left no lock behind; a fresh journal, writer and service.
    with instance_lock_for(url):
        counter = make_counter()
        assert counter.states(reference) == [S.CREATED, S.PAYMENT_REQUESTED, S.PAYMENT_PENDING]
        report = counter.reconciler.run_once(everything=True)
        assert report.moved == {reference: S.DELIVERED}
        assert counter.reconciler.run_once(everything=True).looked_up == []

    assert len(provider_topups(sandbox, reference)) == 1
    assert counter.journal.verify().ok
    receipt = counter.service.receipts.for_reference(reference)
    assert receipt.gateway_transaction_id == payment["id"] and receipt.provider_transaction_id
