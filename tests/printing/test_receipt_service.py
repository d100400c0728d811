"""The receipt service: a receipt's business fields from the settings and the journal, a
receipt printed on the store's printer, copies journaled as sale.reprinted with their
number."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config, PrinterConfig, load_config
from kiosk.controllers.receipts import receipt_document
from kiosk.domain.document import Document
from kiosk.domain.errors import KioskError
from kiosk.domain.receipt import RECEIPT_HASH_DIGITS
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal
from kiosk.journal.writer import JournalWriter
from kiosk.printing.targets import PrinterTarget
from kiosk.services.receipts import REPRINT_EVENT, Printed, ReceiptService
from kiosk.services.recorder import SaleRecorder
from tests.journal.helpers import ACTOR, fresh_line, path_to

REFERENCE = "VTA-20250115-000001"


class Paper:
    """A printer function that keeps what it was asked to print."""

    def __init__(self, error: KioskError | None = None) -> None:
        self.jobs: list[tuple[Document, PrinterTarget, int]] = []
        self.error = error

    def __call__(self, document: Document, target: PrinterTarget, *, paper_mm: int) -> None:
        if self.error is not None:
            raise self.error
        self.jobs.append((document, target, paper_mm))


@pytest.fixture
def writer(journal: Journal) -> Iterator[JournalWriter]:
    started = JournalWriter(journal)
    yield started
    started.close()


@pytest.fixture
def config() -> Config:
    base = load_config()
    return replace(
        base,
        kiosk_name="Caja 2",
        store=replace(
            base.store,
            name="Droguería La Esquina",
            business_name="Droguería La Esquina S.A.S.",
            nit="900123456-8",
            contact="reclamos@laesquina.co",
        ),
        printer=PrinterConfig(target="tcp:192.0.2.10:9100", paper_mm=58),
    )


def _sale(journal: Journal, reference: str = REFERENCE) -> None:
    journal.record(
        reference,
        SaleState.CREATED,
        event="sale.created",
        actor=ACTOR,
        kind=SaleKind.TOPUP,
        amount_pesos=10_000,
        line=fresh_line(),
        data={"clerk": "Ana Muñoz", "operator_name": "Claro Colombia"},
    )
    for state in path_to(SaleState.DELIVERED)[1:]:
        journal.record(reference, state, event=f"test.{state}", actor=ACTOR)


def _service(journal: Journal, writer: JournalWriter, config: Config, paper: Any) -> ReceiptService:
    recorder = SaleRecorder(journal=journal, writer=writer, actor=ACTOR)
    return ReceiptService(
        recorder=recorder, config=config, journal=journal, writer=writer, printer=paper
    )


def test_a_receipt_carries_the_business_and_the_clerk(
    journal: Journal, writer: JournalWriter, config: Config
) -> None:
    _sale(journal)
    receipt = _service(journal, writer, config, Paper()).for_reference(REFERENCE)
    assert (receipt.business_name, receipt.nit) == ("Droguería La Esquina S.A.S.", "900123456-8")
    assert (receipt.store_name, receipt.kiosk_name) == ("Droguería La Esquina", "Caja 2")
    assert receipt.claims_contact == "reclamos@laesquina.co"
    assert receipt.clerk == "Ana Muñoz" and receipt.operator_name == "Claro Colombia"
    assert receipt.state is SaleState.DELIVERED
    last = journal.entries_for(REFERENCE)[-1]
    assert receipt.chain_hash_short == last.hash[:RECEIPT_HASH_DIGITS]
    assert len(receipt.chain_hash_short) >= 16


def test_printing_sends_the_receipt_to_the_settings_printer(
    qapp: object, journal: Journal, writer: JournalWriter, config: Config
) -> None:
    _sale(journal)
    paper = Paper()
    service = _service(journal, writer, config, paper)
    printed = service.print_receipt(REFERENCE, render=receipt_document)
    assert printed == Printed(REFERENCE, 0)
    ((document, target, paper_mm),) = paper.jobs
    assert (target.describe(), paper_mm) == ("192.0.2.10:9100", 58)
    assert document.copy_mark == "" and document.qr.startswith(REFERENCE + "|")
    assert journal.events(REPRINT_EVENT) == [], "an original is no copy"


def test_each_copy_is_marked_and_journaled_with_its_number(
    qapp: object, journal: Journal, writer: JournalWriter, config: Config
) -> None:
    _sale(journal)
    _sale(journal, "VTA-20250115-000002")
    paper = Paper()
    service = _service(journal, writer, config, paper)
    first = service.print_receipt(REFERENCE, render=receipt_document, copy=True, actor="Ana Muñoz")
    other = service.print_receipt("VTA-20250115-000002", render=receipt_document, copy=True)
    second = service.print_receipt(REFERENCE, render=receipt_document, copy=True, actor="clerk:2")
    assert (first.copy, other.copy, second.copy) == (1, 1, 2)
    assert all(document.copy_mark == "COPIA" for document, _target, _mm in paper.jobs)
    copies = journal.events(REPRINT_EVENT, reference=REFERENCE)
    assert [entry.payload["copy"] for entry in copies] == [1, 2]
    assert [entry.actor for entry in copies] == ["Ana-Muñoz", "clerk:2"]
    assert journal.events(REPRINT_EVENT, reference="VTA-20250115-000002")[0].actor == (
        f"kiosk:{config.kiosk_id[:12]}"
    )
    assert service.copies_made(REFERENCE) == 2
    assert journal.verify().ok, "the copies are chained like any entry"


def test_a_copy_that_did_not_print_is_not_journaled(
    qapp: object, journal: Journal, writer: JournalWriter, config: Config
) -> None:
    _sale(journal)
    service = _service(journal, writer, config, Paper(KioskError("printer.no_paper")))
    with pytest.raises(KioskError) as raised:
        service.print_receipt(REFERENCE, render=receipt_document, copy=True)
    assert raised.value.code == "printer.no_paper"
    assert journal.events(REPRINT_EVENT) == []
    sale = journal.sale(REFERENCE)
    assert sale is not None and sale.state is SaleState.DELIVERED, "the sale is untouched"


def test_no_printer_set_up_is_said_plainly(
    journal: Journal, writer: JournalWriter, config: Config
) -> None:
    _sale(journal)
    unset = replace(config, printer=PrinterConfig(target=""))
    service = _service(journal, writer, unset, Paper())
    with pytest.raises(KioskError) as raised:
        service.print_receipt(REFERENCE, render=receipt_document)
    assert raised.value.code == "printer.not_configured"
    service.use_config(replace(config, printer=PrinterConfig(target="nonsense:::")))
    with pytest.raises(KioskError) as raised:
        service.printer_target()
    assert raised.value.code == "printer.bad_target"


def test_settings_changed_take_effect_on_the_next_receipt(
    qapp: object, journal: Journal, writer: JournalWriter, config: Config, tmp_path: Path
) -> None:
    _sale(journal)
    paper = Paper()
    service = _service(journal, writer, config, paper)
    renamed = replace(
        config,
        store=replace(config.store, business_name="Otra S.A.S."),
        printer=PrinterConfig(target=f"file:{tmp_path / 'lp0'}", paper_mm=80),
    )
    service.use_config(renamed)
    service.print_receipt(REFERENCE, render=receipt_document)
    ((document, target, paper_mm),) = paper.jobs
    assert document.lines[0].text == "Otra S.A.S."  # type: ignore[union-attr]
    assert (target.describe(), paper_mm) == (str(tmp_path / "lp0"), 80)


def test_an_unknown_sale_has_no_receipt(
    journal: Journal, writer: JournalWriter, config: Config
) -> None:
    with pytest.raises(KioskError) as raised:
        _service(journal, writer, config, Paper()).for_reference("VTA-NOPE")
    assert raised.value.code == "receipt.unknown_sale"


def test_a_receipt_and_its_copy_on_a_network_printer(
    qtbot: Any, journal: Journal, writer: JournalWriter, config: Config
) -> None:
    from kiosk.controllers.receipts import ReceiptController
    from tests.printing.helpers import FakeNetworkPrinter

    _sale(journal)
    first, second = FakeNetworkPrinter(), FakeNetworkPrinter()
    try:
        recorder = SaleRecorder(journal=journal, writer=writer, actor=ACTOR)
        service = ReceiptService(
            recorder=recorder,
            config=replace(config, printer=PrinterConfig(target=first.target, paper_mm=80)),
            journal=journal,
            writer=writer,
        )
        controller = ReceiptController(service, actor="Ana Muñoz")
        receipt = service.for_reference(REFERENCE)
        with qtbot.waitSignal(controller.printed):
            controller.print_receipt(receipt)
        original = first.received()
        assert "Ana Muñoz".encode("cp850") in original and b"COPIA" not in original
        service.use_config(replace(config, printer=PrinterConfig(target=second.target)))
        with qtbot.waitSignal(controller.printed):
            controller.reprint(REFERENCE)
        copy = second.received()
        assert b"COPIA" in copy and f"{REFERENCE}|".encode() in copy
        (reprinted,) = journal.events(REPRINT_EVENT, reference=REFERENCE)
        assert reprinted.payload == {"reference": REFERENCE, "copy": 1}
        assert reprinted.actor == "Ana-Muñoz"
    finally:
        first.close()
        second.close()


def test_a_missing_printer_never_loses_the_sale(
    qtbot: Any, journal: Journal, writer: JournalWriter, config: Config
) -> None:
    from kiosk.controllers.receipts import ReceiptController
    from tests.printing.helpers import closed_port

    _sale(journal)
    before = journal.entries_for(REFERENCE)
    target = f"127.0.0.1:{closed_port()}"
    recorder = SaleRecorder(journal=journal, writer=writer, actor=ACTOR)
    service = ReceiptService(
        recorder=recorder,
        config=replace(config, printer=PrinterConfig(target=target)),
        journal=journal,
        writer=writer,
    )
    controller = ReceiptController(service)
    with qtbot.waitSignal(controller.printFailed) as failed:
        controller.reprint(REFERENCE)
    (words,) = failed.args
    assert words.startswith(f"No se encontró la impresora ({target}).")
    assert journal.entries_for(REFERENCE) == before, "the sale is as it was"
    assert journal.events(REPRINT_EVENT) == [] and journal.verify().ok
