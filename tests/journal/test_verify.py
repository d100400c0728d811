"""`kiosk journal verify` finds what was changed behind the app's back, and names the entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.controllers.language import text
from kiosk.journal import Journal, open_journal, verify_entries
from kiosk.journal.chain import canonical_json, entry_hash
from kiosk.messages import words
from tests.journal.helpers import LINE_SECRET, Tamperer, build_history

#: The CLI's words (and these tests' expected ones) come through Qt's translations.
pytestmark = pytest.mark.usefixtures("qapp")

REPO = Path(__file__).resolve().parents[2]
TARGET = 5  # the entry the attacker goes after (a middle one)


@pytest.fixture
def history(journal: Journal) -> Journal:
    build_history(journal)
    assert journal.entry_count() > TARGET + 3
    assert journal.verify().ok
    return journal


@pytest.fixture
def attacker(db_url: str, history: Journal) -> Iterator[Tamperer]:
    tamperer = Tamperer(db_url)
    tamperer.drop_triggers()
    yield tamperer
    tamperer.close()


def verify_cli(capsys: pytest.CaptureFixture[str], url: str, *extra: str) -> tuple[int, str]:
    code = main(["journal", "verify", "--db", url, *extra])
    return code, capsys.readouterr().out.strip()


def fresh_report(url: str, **kwargs: str):  # -> VerifyReport
    with open_journal(url, create=False) as reader:
        return reader.verify(**kwargs)


def expect_problem(
    capsys: pytest.CaptureFixture[str], url: str, what: str, seq: int | None
) -> None:
    report = fresh_report(url)
    assert not report.ok
    assert report.first_problem is not None
    assert (report.first_problem.what, report.first_problem.seq) == (what, seq)
    code, out = verify_cli(capsys, url)
    assert code == 1
    described = text(words(what, report.first_problem.params))
    assert out == text(words("journal.cli.tampered", {"problem": described}))
    if seq is not None:
        assert f"entrada {seq}" in out


def test_an_intact_journal_verifies(
    history: Journal, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    count = history.entry_count()
    intact = f"Diario íntegro: {count} entradas, 4 ventas, último hash {history.last_hash()}"
    # With --db the store's secret comes from the environment; without it, it says so.
    code, out = verify_cli(capsys, db_url)
    assert code == 0
    assert out.splitlines() == [intact, text(words("journal.cli.lines_unchecked", {}))]
    monkeypatch.setenv("KIOSK_LINE_SECRET", LINE_SECRET.decode())
    assert verify_cli(capsys, db_url) == (0, intact)


def test_the_triggers_refuse_edits_and_deletions(db_url: str, history: Journal) -> None:
    tamperer = Tamperer(db_url)
    try:
        for statement in (
            "UPDATE journal_entries SET actor = 'x' WHERE seq = 1",
            "DELETE FROM journal_entries WHERE seq = 1",
            "UPDATE journal_meta SET store_id = 'x'",
        ):
            with pytest.raises(Exception, match="append-only"):
                tamperer.execute(statement)
    finally:
        tamperer.close()
    assert history.verify().ok


def test_an_edited_entry_is_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    attacker.execute(
        "UPDATE journal_entries SET payload = :payload WHERE seq = :seq",
        {"payload": canonical_json({"note": "edited"}), "seq": TARGET},
    )
    expect_problem(capsys, db_url, "journal.entry_edited", TARGET)


def test_an_entry_edited_and_rehashed_breaks_the_next_link(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = attacker.entries()[TARGET - 1]
    entry["actor"] = "reconciler"
    attacker.execute(
        "UPDATE journal_entries SET actor = :actor, hash = :hash WHERE seq = :seq",
        {"actor": "reconciler", "hash": entry_hash(entry["prev_hash"], entry), "seq": TARGET},
    )
    expect_problem(capsys, db_url, "journal.chain_broken", TARGET + 1)


def test_a_deleted_entry_is_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    attacker.execute("DELETE FROM journal_entries WHERE seq = :seq", {"seq": TARGET})
    expect_problem(capsys, db_url, "journal.entry_deleted", TARGET)


def test_a_deleted_entry_is_found_even_when_the_gap_is_closed(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    last = len(attacker.entries())
    attacker.execute("DELETE FROM journal_entries WHERE seq = :seq", {"seq": TARGET})
    for seq in range(TARGET + 1, last + 1):
        attacker.move_entry(seq, seq - 1)
    expect_problem(capsys, db_url, "journal.entry_deleted", TARGET)


def _make_room(attacker: Tamperer, at: int) -> None:
    entries = attacker.entries()
    for entry in reversed(entries[at - 1 :]):
        attacker.move_entry(entry["seq"], entry["seq"] + 1)


def _insert(attacker: Tamperer, entry: dict) -> None:
    attacker.execute(
        "INSERT INTO journal_entries (seq, created_at, reference, kind, event, state, actor, "
        "payload, prev_hash, hash) VALUES (:seq, :created_at, :reference, :kind, :event, "
        ":state, :actor, :payload, :prev_hash, :hash)",
        {**entry, "payload": canonical_json(entry["payload"])},
    )


def test_an_inserted_entry_is_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A careful attacker: the forged entry links to its predecessor and hashes right.
    before = attacker.entries()[TARGET - 2]
    forged = {
        "seq": TARGET,
        "created_at": before["created_at"],
        "reference": "KPENDING",
        "kind": "topup",
        "event": "payment.cancelled",
        "state": "cancelled_unconfirmed",
        "actor": "kiosk:kiosk-a",
        "payload": {},
        "prev_hash": before["hash"],
    }
    forged["hash"] = entry_hash(forged["prev_hash"], forged)
    _make_room(attacker, TARGET)
    _insert(attacker, forged)
    expect_problem(capsys, db_url, "journal.entry_inserted", TARGET)


def test_a_clumsily_inserted_entry_is_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    template = attacker.entries()[TARGET - 1]
    forged = {**template, "seq": TARGET, "actor": "intruder", "prev_hash": "0" * 64}
    forged["payload"] = json.loads(forged["payload"])
    forged["hash"] = "f" * 64
    _make_room(attacker, TARGET)
    _insert(attacker, forged)
    expect_problem(capsys, db_url, "journal.entry_inserted", TARGET)


def test_two_swapped_entries_are_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    attacker.move_entry(TARGET, -1)
    attacker.move_entry(TARGET + 1, TARGET)
    attacker.move_entry(-1, TARGET + 1)
    expect_problem(capsys, db_url, "journal.entry_reordered", TARGET)


def test_an_edited_sales_row_is_found(
    attacker: Tamperer, history: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sale = history.sale("KPENDING")
    assert sale is not None
    attacker.execute("UPDATE sales SET amount_pesos = 1 WHERE reference = 'KPENDING'")
    expect_problem(capsys, db_url, "journal.sale_mismatch", sale.last_seq)
    assert fresh_report(db_url).first_problem.params["field"] == "amount_pesos"


def test_a_deleted_sales_row_is_found(
    attacker: Tamperer, history: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sale = history.sale("KDECLINED")
    assert sale is not None
    attacker.execute("DELETE FROM sale_lines WHERE reference = 'KDECLINED'")
    attacker.execute("DELETE FROM sales WHERE reference = 'KDECLINED'")
    expect_problem(capsys, db_url, "journal.sale_missing", sale.last_seq)


def test_an_extra_sales_row_is_found(
    attacker: Tamperer, history: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    attacker.execute(
        "INSERT INTO sales SELECT 'KGHOST', kind, state, amount_pesos, line_hmac, line_masked, "
        "payment_attempts, delivery_attempts, attempt_reference, gateway_tx_id, "
        "provider_tx_id, pack_name, created_at, updated_at, last_seq, last_hash, "
        "operator_name, clerk, earned_minor, earned_currency "
        "FROM sales WHERE reference = 'KDELIVERED'"
    )
    expect_problem(capsys, db_url, "journal.sale_extra", None)


def test_edited_origin_data_is_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    attacker.execute("UPDATE journal_meta SET kiosk_id = 'kiosk-b'")
    expect_problem(capsys, db_url, "journal.genesis_mismatch", None)


def test_a_full_recompute_passes_alone_but_not_against_an_earlier_hash(
    attacker: Tamperer, history: Journal, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = history.last_hash()
    early = history.entries_for("KDELIVERED")[1]
    attacker.restore_triggers()
    assert verify_cli(capsys, db_url, "--against", printed)[0] == 0
    attacker.drop_triggers()

    # Rewrite entry TARGET and every hash after it, and the sales rows' copies of them.
    entries = attacker.entries()
    run = entries[TARGET - 2]["hash"]
    for entry in entries[TARGET - 1 :]:
        if entry["seq"] == TARGET:
            entry["actor"] = "reconciler"
        entry["prev_hash"] = run
        new_hash = entry_hash(run, entry)
        attacker.execute(
            "UPDATE journal_entries SET actor = :actor, prev_hash = :prev, hash = :hash "
            "WHERE seq = :seq",
            {"actor": entry["actor"], "prev": run, "hash": new_hash, "seq": entry["seq"]},
        )
        attacker.execute(
            "UPDATE sales SET last_hash = :new WHERE last_hash = :old",
            {"new": new_hash, "old": entry["hash"]},
        )
        run = new_hash
    attacker.restore_triggers()

    # The honest limit: a plain chain recomputed end to end verifies on its own...
    assert verify_cli(capsys, db_url)[0] == 0
    # ...but not against a hash printed before the rewrite.
    code, out = verify_cli(capsys, db_url, "--against", printed)
    assert code == 1
    assert printed in out
    # A hash from before the rewritten part is still where it was.
    code, out = verify_cli(capsys, db_url, "--against", f"{early.seq}:{early.hash}")
    assert code == 0
    assert f"entrada {early.seq}" in out


def test_the_export_verifies_as_json_and_catches_an_edit(history: Journal) -> None:
    meta = json.loads(json.dumps(history.meta))
    entries = json.loads(json.dumps(history.export_entries(), ensure_ascii=False))
    report = verify_entries(meta, entries)
    assert report.ok and report.entries == history.entry_count()
    assert report.last_hash == history.last_hash()

    entries[TARGET - 1]["payload"]["note"] = "added later"
    report = verify_entries(meta, entries)
    assert (report.first_problem.what, report.first_problem.seq) == ("journal.entry_edited", TARGET)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_verify_as_a_real_command(db_url: str, history: Journal) -> None:
    command = [sys.executable, "-m", "kiosk", "journal", "verify", "--db", db_url]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    intact = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=environment)
    assert intact.returncode == 0, intact.stderr
    assert intact.stdout.startswith("Diario íntegro:")

    attacker = Tamperer(db_url)
    attacker.drop_triggers()
    attacker.execute("DELETE FROM journal_entries WHERE seq = :seq", {"seq": TARGET})
    broken = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=environment)
    attacker.close()
    assert broken.returncode == 1
    assert f"falta la entrada {TARGET}" in broken.stdout


def test_a_payload_with_a_duplicate_key_is_found(
    attacker: Tamperer, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    created = next(
        entry
        for entry in attacker.entries()
        if entry["seq"] > 1 and entry["payload"].startswith('{"amount_pesos":')
    )
    seq = created["seq"]
    forged = '{"amount_pesos":99999,' + created["payload"][1:]
    # json.loads keeps the last key: the parsed value, and so its hash, are unchanged...
    assert json.loads(forged) == json.loads(created["payload"])
    assert entry_hash(created["prev_hash"], {**created, "payload": forged}) == created["hash"]
    attacker.execute(
        "UPDATE journal_entries SET payload = :payload WHERE seq = :seq",
        {"payload": forged, "seq": seq},
    )
    if attacker.backend == "sqlite":
        # ...but SQL readers may see the first one.
        [(seen,)] = attacker.execute(
            "SELECT json_extract(payload, '$.amount_pesos') FROM journal_entries WHERE seq = :seq",
            {"seq": seq},
        )
        assert seen == 99999

    expect_problem(capsys, db_url, "journal.entry_edited", seq)
    # The export keeps the forged text as text, so it fails verification the same way.
    with open_journal(db_url, create=False) as reader:
        meta = json.loads(json.dumps(reader.meta))
        entries = json.loads(json.dumps(reader.export_entries(), ensure_ascii=False))
    assert entries[seq - 1]["payload"] == forged
    report = verify_entries(meta, entries)
    assert (report.first_problem.what, report.first_problem.seq) == ("journal.entry_edited", seq)


def test_an_export_with_payloads_as_text_must_be_canonical_text(history: Journal) -> None:
    meta = history.meta
    entries = history.export_entries()
    as_text = [{**entry, "payload": canonical_json(entry["payload"])} for entry in entries]
    assert verify_entries(meta, as_text).ok
    at = next(index for index, entry in enumerate(entries) if index and entry["payload"])
    # The same value with other spacing is not what the writer stored.
    as_text[at]["payload"] = json.dumps(entries[at]["payload"], sort_keys=True)
    assert as_text[at]["payload"] != canonical_json(entries[at]["payload"])
    report = verify_entries(meta, as_text)
    assert (report.first_problem.what, report.first_problem.seq) == ("journal.entry_edited", at + 1)
    # Text that is no JSON at all is damaged, not edited.
    as_text[at]["payload"] = "{not json"
    report = verify_entries(meta, as_text)
    assert (report.first_problem.what, report.first_problem.seq) == ("journal.bad_entry", at + 1)
