"""No personal data in the journal: full lines live apart (purgeable), payer data nowhere."""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.sale import SaleState
from kiosk.sandbox import SandboxServer
from tests.services.helpers import PAYER_SECRETS, Counter, assisted_payer
from tests.support.browser import pay_through_checkout
from tests.support.sandbox import REFUSED_LINE, wait_for

S = SaleState
RECIPIENT, SENDER, CHECKOUT_LINE = "3105550808", "3105550809", "3105550810"


def test_lines_stay_in_sale_lines_and_payer_data_is_never_stored(
    counter: Counter, sandbox: SandboxServer, tmp_path: Path
) -> None:
    service = counter.service
    done = {S.DELIVERED, S.PAID_NOT_DELIVERED}
    request, _pack = counter.gift_pack_request(RECIPIENT, "Todo Incluido 3 días", SENDER)
    gift = service.payments.open_sale(request).reference
    service.payments.start_assisted(gift, assisted_payer(RECIPIENT), "2")
    wait_for(lambda: service.settling.follow(gift), lambda p: p.state is S.PAYMENT_FAILED)
    service.payments.start_assisted(gift, assisted_payer(RECIPIENT), "1")
    refused = service.payments.open_sale(counter.topup_request(REFUSED_LINE)).reference
    service.payments.start_assisted(refused, assisted_payer(REFUSED_LINE), "1")
    checkout = service.payments.open_sale(counter.topup_request(CHECKOUT_LINE)).reference
    pay_through_checkout(service.payments.start_checkout(checkout).qr_text, "1", "").close()
    for reference in (gift, refused, checkout):
        wait_for(lambda r=reference: service.settling.follow(r), lambda p: p.state in done)
    counter.writer.close(timeout=10)

    # Payloads: no line in any form, no payer data (the fixture checks this after every test).
    counter.check_journal(PAYER_SECRETS)
    lines = {RECIPIENT, SENDER, REFUSED_LINE, CHECKOUT_LINE}
    assert {counter.journal.line_for(r) for r in (gift, refused, checkout)} | {
        counter.journal.line_for(gift, role="sender")
    } == lines
    # The payer's document and email are not stored anywhere, not even outside the chain.
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("journal.sqlite3*"))
    for secret in PAYER_SECRETS:
        assert secret.encode() not in stored
    # The chain holds masked forms only.
    exported = str(counter.journal.export_entries())
    assert all(line not in exported for line in lines)
    assert "*** *** 0808" in exported and "*** *** 0809" in exported
