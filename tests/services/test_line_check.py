"""A line changed in the line store after payment is never credited: delivery checks the
stored line against the keyed hash in the chain, refuses, journals it, and lists it."""

from __future__ import annotations

import sqlite3

from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.services.helpers import Counter, assisted_payer
from tests.support.sandbox import provider_topups, wait_for

LINE, OTHER = "3105557070", "3009999999"


def test_a_line_swapped_after_payment_is_refused_journaled_and_listed(
    counter: Counter, sandbox: SandboxServer
) -> None:
    payments = counter.service.payments
    reference = payments.open_sale(counter.topup_request(LINE)).reference
    payments.start_assisted(reference, assisted_payer(LINE), "1")
    wait_for(lambda: payments.poll(reference), lambda progress: progress.state is SaleState.PAID)

    # Someone with the file rewrites the line the top-up would go to.
    path = counter.journal.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE sale_lines SET line = ? WHERE reference = ?", (OTHER, reference))

    progress = counter.service.deliveries.deliver(reference)
    assert progress.state is SaleState.PAID_NOT_DELIVERED and progress.refusal == "LINE_MISMATCH"
    assert provider_topups(sandbox, reference) == [], "nothing was sent to any line"
    assert counter.states(reference)[-1] is SaleState.PAID_NOT_DELIVERED  # journaled
    assert reference in counter.reconciler.run_once(everything=True).paid_not_delivered

    # `kiosk journal verify` names it too; then the line is put back for the checks at the end.
    assert counter.journal.verify().first_problem.what == "journal.line_mismatch"
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE sale_lines SET line = ? WHERE reference = ?", (LINE, reference))
