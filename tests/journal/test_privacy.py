"""Personal data: the line outside the chain, its HMAC inside, purges that really erase."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.controllers.language import describe
from kiosk.domain.errors import JournalError
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, pick_gateway_fields, pick_provider_fields
from kiosk.journal.journal import PURGE_EVENT
from tests.journal.helpers import (
    ACTOR,
    LINE_SECRET,
    Tamperer,
    create_sale,
    drive,
    fresh_line,
)
from tests.support.clocks import TickingClock

WOMPI_ANSWER = {
    "data": {
        "id": "1234-1700000000-49201",
        "created_at": "2026-11-25T18:00:00.000Z",
        "finalized_at": "2026-11-25T18:01:00.000Z",
        "amount_in_cents": 1_000_000,
        "reference": "K1QX4M2B7H9ZKQ",
        "customer_email": "pagador@example.com",
        "currency": "COP",
        "payment_method_type": "PSE",
        "payment_method": {
            "type": "PSE",
            "user_type": 0,
            "user_legal_id_type": "CC",
            "user_legal_id": "1020304050",
            "financial_institution_code": "1022",
            "payment_description": "Recarga",
            "extra": {
                "async_payment_url": "https://bank.example/pay?id=1",
                "traceability_code": "3141592",
                "ticket_id": "99",
            },
        },
        "customer_data": {"full_name": "Ana Pérez", "phone_number": "+573001234567"},
        "status": "APPROVED",
        "status_message": None,
    }
}
RELOADLY_ANSWER = {
    "transactionId": 4242,
    "status": "SUCCESSFUL",
    "operatorTransactionId": "OP-77",
    "customIdentifier": "K1QX4M2B7H9ZKQ",
    "recipientPhone": "573001234567",
    "recipientEmail": None,
    "senderPhone": "573009876543",
    "countryCode": "CO",
    "operatorId": 173,
    "operatorName": "Claro Colombia",
    "requestedAmount": 10000.0,
    "deliveredAmount": 10000.0,
    "deliveredAmountCurrencyCode": "COP",
    "discount": 12.5,
    "discountCurrencyCode": "COP",
    "transactionDate": "2026-11-25 13:00:00",
    "balanceInfo": {"oldBalance": 1.5, "newBalance": 0.5},
}


def test_the_chain_holds_the_lines_hmac_never_the_line(journal: Journal, db_url: str) -> None:
    line = fresh_line()
    entry = create_sale(journal, "KLINE", line=line)
    expected = hmac.new(LINE_SECRET, line.encode(), hashlib.sha256).hexdigest()
    assert entry.payload["line_hmac"] == expected
    assert entry.payload["line_masked"] == f"*** *** {line[-4:]}"
    sale = journal.sale("KLINE")
    assert sale is not None and sale.line_hmac == expected
    assert journal.line_for("KLINE") == line

    exported = json.dumps([journal.meta, journal.export_entries()])
    assert line not in exported
    tamperer = Tamperer(db_url)
    try:
        rows = tamperer.execute("SELECT * FROM journal_entries") + tamperer.execute(
            "SELECT * FROM sales"
        )
    finally:
        tamperer.close()
    assert rows and line not in repr(rows)


def test_a_gift_packs_sender_line_is_kept_like_the_line(journal: Journal, db_url: str) -> None:
    line, sender = fresh_line(), fresh_line()
    entry = journal.record(
        "KGIFTS",
        SaleState.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=SaleKind.GIFT_PACK,
        amount_pesos=12_000,
        line=line,
        sender_line=sender,
        data={"pack_name": "Paquete 7 días"},
    )
    expected = hmac.new(LINE_SECRET, sender.encode(), hashlib.sha256).hexdigest()
    assert entry.payload["sender_line_hmac"] == expected
    assert entry.payload["sender_line_masked"] == f"*** *** {sender[-4:]}"
    assert journal.line_for("KGIFTS", role="sender") == sender
    assert journal.line_for("KGIFTS") == line
    assert sender not in json.dumps(journal.export_entries())
    # A sender's line later in a payload is refused like the recipient's.
    with pytest.raises(JournalError) as raised:
        journal.record(
            "KGIFTS", SaleState.CANCELLED, event="x", actor=ACTOR, data={"note": f"#{sender}#"}
        )
    assert raised.value.code == "journal.personal_data"
    with pytest.raises(JournalError) as raised:
        journal.record("KGIFTS", SaleState.CANCELLED, event="x", actor=ACTOR, sender_line=sender)
    assert raised.value.code == "journal.line_only_at_creation"
    assert journal.entry_count() == 1
    assert journal.line_for("KNONE", role="sender") is None
    with pytest.raises(ValueError):
        journal.line_for("KGIFTS", role="payer")


@pytest.mark.parametrize(
    "data",
    [
        {"customer_email": "someone@example.com"},
        {"email": "x"},
        {"user_legal_id": "1020304050"},
        {"legal_id": "1020304050"},
        {"document": "CC 1020304050"},
        {"phone_number": "573001234567"},
        {"customer_data": {"full_name": "Ana"}},
        {"gateway": {"id": "1", "payment_method": {"user_legal_id": "1020"}}},
        {"recipientPhone": {"number": "3001234567"}},
        {"sender_line": "x"},
        {"how": "devuelto al 300 123 4567"},
        {"how": "devuelto al +57 3001234567"},
        {"how": "avisado a ana@example.com"},
        {"notes": ["ok", {"deep": "3001234567"}]},
    ],
)
def test_personal_data_is_refused_without_a_write(journal: Journal, data: dict) -> None:
    create_sale(journal, "KPII")
    count, last = journal.entry_count(), journal.last_hash()
    with pytest.raises(JournalError) as raised:
        journal.record(
            "KPII", SaleState.PAYMENT_PENDING, event="payment.pending", actor=ACTOR, data=data
        )
    assert raised.value.code == "journal.personal_data"
    # The error names where, never what.
    assert all(value not in str(raised.value) for value in ("1020304050", "3001234567", "ana@"))
    assert (journal.entry_count(), journal.last_hash()) == (count, last)


def test_the_sales_own_line_is_refused_anywhere_in_a_later_payload(journal: Journal) -> None:
    line = fresh_line()
    create_sale(journal, "KOWN", line=line)
    for data in ({"note": f"ref-{line}-x"}, {"provider": {"operatorTransactionId": int(line)}}):
        with pytest.raises(JournalError) as raised:
            journal.record("KOWN", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR, data=data)
        assert raised.value.code == "journal.personal_data"
    assert journal.entry_count() == 1


def test_floats_and_reserved_keys_are_refused(journal: Journal) -> None:
    create_sale(journal, "KFLOAT")
    with pytest.raises(JournalError) as raised:
        journal.record(
            "KFLOAT", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR, data={"fee": 1.5}
        )
    assert raised.value.code == "journal.bad_payload"
    with pytest.raises(JournalError) as raised:
        journal.record(
            "KFLOAT", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR, data={"line_hmac": "0"}
        )
    assert raised.value.code == "journal.reserved_key"
    assert journal.entry_count() == 1


def test_only_the_chosen_gateway_and_provider_fields_are_journaled(journal: Journal) -> None:
    gateway = pick_gateway_fields(WOMPI_ANSWER)
    assert gateway == {
        "id": "1234-1700000000-49201",
        "reference": "K1QX4M2B7H9ZKQ",
        "status": "APPROVED",
        "amount_in_cents": 1_000_000,
        "currency": "COP",
        "created_at": "2026-11-25T18:00:00.000Z",
        "finalized_at": "2026-11-25T18:01:00.000Z",
        "payment_method_type": "PSE",
        "traceability_code": "3141592",
    }
    assert pick_gateway_fields(WOMPI_ANSWER["data"]) == gateway
    provider = pick_provider_fields(RELOADLY_ANSWER)
    assert provider == {
        "transactionId": 4242,
        "status": "SUCCESSFUL",
        "customIdentifier": "K1QX4M2B7H9ZKQ",
        "requestedAmount": 10000,
        "deliveredAmount": 10000,
        "operatorTransactionId": "OP-77",
        "transactionDate": "2026-11-25 13:00:00",
        "operatorId": 173,
        "discount": "12.5",
        "discountCurrencyCode": "COP",
    }
    assert pick_provider_fields({"deliveredAmount": 2.5})["deliveredAmount"] == "2.5"

    drive(journal, "KPICK", SaleState.PAYMENT_PENDING)
    journal.record(
        "KPICK", SaleState.PAID, event="payment.approved", actor=ACTOR, data={"gateway": gateway}
    )
    journal.record(
        "KPICK",
        SaleState.DELIVERY_REQUESTED,
        event="delivery.requested",
        actor=ACTOR,
    )
    entry = journal.record(
        "KPICK",
        SaleState.DELIVERED,
        event="delivery.done",
        actor=ACTOR,
        data={"provider": provider},
    )
    assert entry.payload == {"provider": provider}
    exported = json.dumps(journal.export_entries(), ensure_ascii=False)
    for secret in ("pagador@example.com", "1020304050", "Ana Pérez", "573001234567"):
        assert secret not in exported
    assert journal.verify().ok


def _closed_sale(journal: Journal, reference: str, line: str) -> None:
    drive(journal, reference, SaleState.DECLINED, line=line)


def test_a_purge_erases_old_lines_of_closed_sales_and_keeps_the_chain(
    journal: Journal, ticking_clock: TickingClock, capsys: pytest.CaptureFixture[str]
) -> None:
    old_closed = {f"KOLD{n}": fresh_line() for n in range(3)}
    for reference, line in old_closed.items():
        _closed_sale(journal, reference, line)
    old_open = fresh_line()
    drive(journal, "KOLDOPEN", SaleState.PAID_NOT_DELIVERED, line=old_open)
    ticking_clock.advance(timedelta(days=200))
    recent = fresh_line()
    _closed_sale(journal, "KRECENT", recent)
    before = journal.entry_count()

    purged = journal.purge_lines(ticking_clock.moment - timedelta(days=180), actor="cli")

    assert purged == 3
    assert all(journal.line_for(reference) is None for reference in old_closed)
    assert journal.line_for("KOLDOPEN") == old_open
    assert journal.line_for("KRECENT") == recent
    assert journal.entry_count() == before + 1
    entry = journal.export_entries()[-1]
    assert (entry["reference"], entry["event"], entry["state"]) == ("", PURGE_EVENT, "")
    assert entry["payload"]["count"] == 3
    report = journal.verify()
    assert report.ok, report.first_problem
    # The masked line and its HMAC stay for receipts and history.
    sale = journal.sale("KOLD0")
    assert sale is not None and sale.line_masked.endswith(old_closed["KOLD0"][-4:])
    # A second purge finds nothing more and journals nothing.
    assert journal.purge_lines(ticking_clock.moment - timedelta(days=180)) == 0
    assert journal.entry_count() == before + 1

    assert main(["journal", "verify", "--db", journal.url]) == 0
    capsys.readouterr()


def _raw_bytes(database: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = database.with_name(database.name + suffix)
        if path.exists():
            found += path.read_bytes()
    return found


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_purged_digits_are_gone_from_the_raw_database_files(
    journal: Journal, ticking_clock: TickingClock, db_url: str
) -> None:
    database = Path(db_url.removeprefix("sqlite:///"))
    doomed = {f"KGONE{n:03d}": fresh_line() for n in range(60)}
    for reference, line in doomed.items():
        _closed_sale(journal, reference, line)
    sender = fresh_line()
    journal.record(
        "KSENDER",
        SaleState.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=SaleKind.GIFT_PACK,
        amount_pesos=12_000,
        line=fresh_line(),
        sender_line=sender,
    )
    journal.record("KSENDER", SaleState.CANCELLED, event="sale.cancelled", actor=ACTOR)
    doomed["KSENDER(sender)"] = sender
    ticking_clock.advance(timedelta(days=200))
    kept = fresh_line()
    _closed_sale(journal, "KKEPT", kept)
    raw = _raw_bytes(database)
    # The test can fail: before the purge the digits really are in the files.
    assert all(line.encode() in raw for line in doomed.values())

    # 60 + 1 sale
    assert journal.purge_lines(ticking_clock.moment - timedelta(days=180)) == len(doomed)

    raw = _raw_bytes(database)
    leftovers = [line for line in doomed.values() if line.encode() in raw]
    assert leftovers == []
    assert kept.encode() in raw
    assert journal.verify().ok


def test_purge_command_uses_the_retention_days(
    journal: Journal, ticking_clock: TickingClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # The ticking clock stores lines in January 2025: a century of retention keeps them...
    _closed_sale(journal, "KCLI", fresh_line())
    assert main(["journal", "purge", "--db", journal.url, "--days", "36500"]) == 0
    assert capsys.readouterr().out.startswith("Líneas borradas: 0 ")
    assert journal.line_for("KCLI") is not None
    # ...and zero days of retention erases every closed sale's line.
    assert main(["journal", "purge", "--db", journal.url, "--days", "0"]) == 0
    assert capsys.readouterr().out.startswith("Líneas borradas: 1 ")
    assert journal.line_for("KCLI") is None
    assert journal.verify().ok


def test_kinds_of_sale_keep_their_own_kind(journal: Journal) -> None:
    entry = create_sale(journal, "KGIFT", kind=SaleKind.GIFT_PACK)
    assert entry.kind is SaleKind.GIFT_PACK


def _paid_and_delivered(journal: Journal, reference: str, gateway: dict, provider: dict) -> None:
    drive(journal, reference, SaleState.PAYMENT_PENDING)
    journal.record(
        reference, SaleState.PAID, event="payment.approved", actor=ACTOR, data={"gateway": gateway}
    )
    journal.record(reference, SaleState.DELIVERY_REQUESTED, event="delivery.requested", actor=ACTOR)
    journal.record(
        reference,
        SaleState.DELIVERED,
        event="delivery.done",
        actor=ACTOR,
        data={"provider": provider},
    )


def test_gateway_and_provider_ids_that_look_like_a_line_are_journaled(journal: Journal) -> None:
    # A paid sale must be journaled as approved and delivered even when the bank's CUS or
    # the operator's transaction id happens to be ten digits starting with 3.
    answer = json.loads(json.dumps(WOMPI_ANSWER))
    answer["data"]["payment_method"]["extra"]["traceability_code"] = 3123456789
    gateway = pick_gateway_fields(answer)
    assert gateway["traceability_code"] == "3123456789"
    provider = pick_provider_fields(
        {**RELOADLY_ANSWER, "transactionId": 3009876543, "operatorTransactionId": "3001234567"}
    )

    _paid_and_delivered(journal, "KLOOKALIKE", gateway, provider)

    sale = journal.sale("KLOOKALIKE")
    assert sale is not None and sale.state is SaleState.DELIVERED
    assert sale.gateway_tx_id == gateway["id"]
    assert sale.provider_tx_id == "3009876543"
    entries = journal.export_entries()
    assert entries[-3]["payload"]["gateway"]["traceability_code"] == "3123456789"
    assert entries[-1]["payload"]["provider"]["operatorTransactionId"] == "3001234567"
    report = journal.verify()
    assert report.ok, report.first_problem


def test_the_look_alike_check_still_applies_outside_the_picked_fields(journal: Journal) -> None:
    create_sale(journal, "KNESTED")
    for data in (
        {"how": "3001234567"},
        # Only the top-level ``gateway`` / ``provider`` hold picked fields.
        {"notes": {"gateway": {"id": "3001234567"}}},
        {"gateway": "3001234567"},
    ):
        with pytest.raises(JournalError) as raised:
            journal.record("KNESTED", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR, data=data)
        assert raised.value.code == "journal.personal_data"
    assert journal.entry_count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"gateway": {"traceability_code": "{line}"}},
        {"gateway": {"id": "1234-{line}-1"}},
        {"gateway": {"status_message": "Recarga a +57 {line}"}},
        {"provider": {"operatorTransactionId": "{line}"}},
        {"provider": {"transactionId": "OP {line}"}},
    ],
)
def test_the_sales_own_line_is_refused_inside_the_picked_fields(
    journal: Journal, fields: dict
) -> None:
    line = fresh_line()
    drive(journal, "KOWNGW", SaleState.PAYMENT_PENDING, line=line)
    data = json.loads(json.dumps(fields).replace("{line}", line))
    count = journal.entry_count()
    with pytest.raises(JournalError) as raised:
        journal.record("KOWNGW", SaleState.PAID, event="payment.approved", actor=ACTOR, data=data)
    assert raised.value.code == "journal.personal_data"
    assert line not in str(raised.value)
    assert journal.entry_count() == count


@pytest.mark.parametrize(
    "data",
    [
        {"gateway": {"customer_email": "x"}},
        {"gateway": {"user_legal_id": "1020304050"}},
        {"gateway": {"extra": {"phone_number": "1"}}},
        {"provider": {"recipientPhone": "573001234567"}},
        {"provider": {"senderPhone": None}},
        {"customer_email": "x"},
        {"notes": [{"user_legal_id": "1"}]},
    ],
)
def test_personal_data_keys_are_refused_anywhere(journal: Journal, data: dict) -> None:
    drive(journal, "KKEYS", SaleState.PAYMENT_PENDING)
    with pytest.raises(JournalError) as raised:
        journal.record("KKEYS", SaleState.PAID, event="payment.approved", actor=ACTOR, data=data)
    assert raised.value.code == "journal.personal_data"


def test_a_gateway_message_is_journaled_without_personal_data(journal: Journal) -> None:
    line = fresh_line()
    answer = json.loads(json.dumps(WOMPI_ANSWER))
    answer["data"]["status_message"] = (
        f"Recarga a ({line[:3]}) {line[3:6]}-{line[6:]} para ana@example.com por $10.000 "
        + "x" * 2_000
    )
    gateway = pick_gateway_fields(answer)
    message = gateway["status_message"]
    assert message.startswith("Recarga a *** para *** por $10.000 x")
    assert len(message) <= 1_000
    # Even the sale's own line, however the gateway wrote it, no longer stops the entry.
    drive(journal, "KMESSAGE", SaleState.PAYMENT_PENDING, line=line)
    journal.record(
        "KMESSAGE", SaleState.PAID, event="payment.approved", actor=ACTOR, data={"gateway": gateway}
    )
    assert line not in json.dumps(journal.export_entries())
    assert journal.verify().ok


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_failed_write_says_what_to_do_and_logs_the_driver_without_digits(
    journal: Journal, db_url: str, caplog: pytest.LogCaptureFixture, qapp: object
) -> None:
    create_sale(journal, "KFAIL")
    line = fresh_line()
    tamperer = Tamperer(db_url)
    try:
        # A real driver failure whose text quotes a number, as drivers quote values.
        tamperer.execute(
            "CREATE TRIGGER refuse_all BEFORE INSERT ON journal_entries "
            f"BEGIN SELECT RAISE(ABORT, 'refused for {line}'); END"
        )
    finally:
        tamperer.close()
    with caplog.at_level("WARNING", logger="kiosk.journal"), pytest.raises(JournalError) as raised:
        journal.record("KFAIL", SaleState.PAYMENT_PENDING, event="x", actor=ACTOR)
    assert raised.value.code == "journal.write_failed"
    assert raised.value.params == {}
    spanish = describe(raised.value)  # the app's default language
    assert "refused" not in spanish and "vuelva a intentarlo" in spanish
    assert "refused for ***" in caplog.text
    assert line not in caplog.text
    assert journal.entry_count() == 1


def test_only_normalised_mobile_lines_are_stored_and_masked(journal: Journal) -> None:
    for bad in (
        "2123456789",
        "3123456789 ",
        "+573123456789",
        "312-345-6789",
        "３１２３４５６７８９",
    ):
        with pytest.raises(JournalError) as raised:
            create_sale(journal, "KBADLINE", line=bad)
        assert raised.value.code == "journal.bad_line"
    assert journal.entry_count() == 0
    entry = create_sale(journal, "KGOODLINE", line="3123456789")
    assert entry.payload["line_masked"] == "*** *** 6789"
