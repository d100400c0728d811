"""Screenshots of every screen at 1024x768, in Spanish or English, for docs/screenshots/.

Usage: ``QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--language es|en] [--out DIR]``

Spanish shots go to ``docs/screenshots/``, English ones to ``docs/screenshots/en/`` with
the same file names (unless ``--out`` says otherwise).

The window is filled with sample data (a Claro-like catalogue with sample prices, a QR
for a sample checkout URL, a result for each outcome); no gateway is called.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk.controllers.language import Said, describe, set_language, translate
from kiosk.domain.amounts import AmountOffer
from kiosk.domain.catalogue import Pack
from kiosk.domain.errors import ValidationError
from kiosk.domain.payer import DocumentType, PersonType
from kiosk.domain.receipt import Receipt
from kiosk.domain.sale import PaymentMode, SaleKind, SaleState
from kiosk.domain.store_float import Money
from kiosk.domain.text import LANGUAGES
from tools import sign_in_scenes
from tools.backoffice_samples import scenes as back_office_scenes
from ui.main_window import MainWindow, build_main_window
from ui.style import apply_style

SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
#: Where each language's shots go by default (the same file names in each).
DEFAULT_OUT = {"es": SHOTS, "en": SHOTS / "en"}
STORE = "Droguería La Esquina"
KIOSK = "Caja 1"
LINE = "3123456789"
SAMPLE_CHECKOUT_URL = (
    "http://127.0.0.1:8765/p/?public-key=pub_test_kiosk&currency=COP&amount-in-cents=1000000"
    "&reference=K1-20250314-000123&signature:integrity="
    "3a1f0c9b5e7d2a4c6b8e0f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e"
    "&expiration-time=2025-03-14T20:15:00.000Z"
)
PRESETS = (2_000, 5_000, 10_000, 20_000, 50_000)
#: The store's offer as the app decides it (PSE's minimum, the default maximum).
OFFER = AmountOffer(1_500, 100_000, PRESETS)
BANKS = (
    ("1", "Banco que aprueba"),
    ("2", "Banco que rechaza"),
    ("3", "Banco con error"),
    ("4", "Banco de demostración (página del banco)"),
)

UNLIMITED = 100_000


def sample_packs() -> list[Pack]:
    """Claro-like packs with sample prices (the sandbox's prices are not Claro's)."""
    apps = ("WhatsApp", "Facebook", "X")
    return [
        Pack(3_000, "Todo incluido 1 día", data_mb=500, minutes=UNLIMITED,
             apps=("WhatsApp",), validity_days=1, sample_price=True),
        Pack(6_000, "Todo incluido 3 días", data_mb=1_024, minutes=UNLIMITED,
             apps=apps[:2], validity_days=3, sample_price=True),
        Pack(10_000, "Todo incluido 7 días", data_mb=3_072, minutes=UNLIMITED,
             apps=apps, validity_days=7, sample_price=True),
        Pack(20_000, "Todo incluido 15 días", data_mb=6_144, minutes=200,
             apps=apps, validity_days=15, sample_price=True),
        Pack(35_000, "Todo incluido 30 días", data_mb=12_288, minutes=UNLIMITED,
             apps=apps, validity_days=30, sample_price=True),
        Pack(4_000, "Bolsa de datos", description="800 MB para navegar durante 5 días.",
             sample_price=True),
    ]  # fmt: skip


def sample_receipt(state: SaleState, kind: SaleKind = SaleKind.TOPUP) -> Receipt:
    delivered = state in (SaleState.DELIVERED, SaleState.SETTLED)
    return Receipt(
        reference="K1-20250314-000123",
        kind=kind,
        state=state,
        amount_pesos=10_000,
        masked_line="*** *** 6789",
        issued_at=datetime(2025, 3, 14, 20, 5, 12, tzinfo=UTC),
        gateway_transaction_id="11854-1741982712-49617"
        if state is not SaleState.NOT_CREATED
        else "",
        provider_transaction_id="2987451" if delivered else "",
        pack_name="Todo incluido 7 días" if kind is SaleKind.GIFT_PACK else "",
        operator_name="Claro Colombia",
        chain_hash_short="9f2c41ab03d7e8b5",
        store_name=STORE,
        kiosk_name=KIOSK,
    )


def business_receipt() -> Receipt:
    """A delivered top-up's receipt with every business field a store sets."""
    return replace(
        sample_receipt(SaleState.DELIVERED),
        chain_hash_short="9f2c41ab03d7e8b5",
        cus="1874233",
        business_name=f"{STORE} S.A.S.",
        nit="900123456-8",
        claims_contact="601 555 0101 · reclamos@laesquina.co",
        clerk="Ana",
    )


def _process(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _fill_topup(window: MainWindow) -> None:
    screen = window.show_topup()
    screen.setOffer(OFFER)
    screen.consent.checkBox().setChecked(True)
    screen.line_input.setText("+57 312-345-6789")
    screen.setOperator("Claro")
    screen.presetButtons()[10_000].click()


def scenes(window: MainWindow) -> list[tuple[str, Callable[[], None]]]:
    """(file name, how to set the window up) for every screenshot, in README order."""

    def start() -> None:
        window.show_start()

    def topup_empty() -> None:
        window.show_start()
        screen = window.show_topup()
        screen.setOffer(OFFER)

    def topup_filled() -> None:
        _fill_topup(window)

    def topup_error() -> None:
        window.show_start()
        screen = window.show_topup()
        screen.setOffer(OFFER)
        screen.consent.checkBox().setChecked(True)
        screen.line_input.setText("213 456 7890")
        screen.amount_input.setText("500000")
        screen.go_on()

    def topup_refused() -> None:
        # A Claro-branded store ([catalogue] operators = ["Claro"]) and a Tigo line.
        window.show_start()
        screen = window.show_topup()
        screen.setOffer(OFFER)
        screen.consent.checkBox().setChecked(True)
        screen.line_input.setText("301 123 4567")
        refused = ValidationError("sale.line_other_operator", operator="Tigo", brand="Claro")
        # The very words the app shows (the catalogue controller describes the refusal).
        screen.setLineRefused(describe(refused))

    def topup_operator(line: str, name: str, *, ported: bool) -> Callable[[], None]:
        def scene() -> None:
            window.show_start()
            screen = window.show_topup()
            screen.setOffer(OFFER)
            screen.consent.checkBox().setChecked(True)
            screen.line_input.setText(line)
            screen.setOperator(name, ported=ported)
            screen.presetButtons()[20_000].click()

        return scene

    def topup_recently_recharged() -> None:
        window.show_start()
        screen = window.show_topup()
        screen.setOffer(OFFER)
        screen.consent.checkBox().setChecked(True)
        screen.line_input.setText("312 345 6789")
        screen.setLineRefused(describe(ValidationError("sale.line_recently_recharged", count=75)))

    def topup_busy() -> None:
        _fill_topup(window)
        waiting = Said(lambda: translate("LineInput", "Consultando el operador de la línea…"))
        window.topup.setBusy(True, waiting)

    def gift_pack() -> None:
        window.show_start()
        screen = window.show_gift_pack()
        screen.setPacks(sample_packs())
        screen.consent.checkBox().setChecked(True)
        screen.line_input.setText("3123456789")
        screen.setOperator("Claro")
        screen.cards()[2].click()
        screen.cards()[2].setFocus()
        screen.sender_input.setText("315 987 6543")

    def balance_code() -> None:
        window.show_start()
        screen = window.show_balance()
        screen.consent.checkBox().setChecked(True)
        screen.line_input.setText(LINE)
        screen.setCodeSent("*** *** 6789")
        screen.code_input.setText("48")

    def balance_shown() -> None:
        balance_code()
        expires = datetime(2025, 3, 21, 23, 59, tzinfo=UTC)
        window.balance.setBalance(
            12_350,
            [("Todo incluido 7 días", expires), ("WhatsApp ilimitado", expires - timedelta(2))],
        )

    def confirm_topup() -> None:
        screen = window.show_confirm()
        screen.setSummary(SaleKind.TOPUP, LINE, "Claro", 10_000)
        screen.setDefaultMode(PaymentMode.ASSISTED)

    def confirm_gift() -> None:
        screen = window.show_confirm()
        pack = sample_packs()[2]
        screen.setSummary(SaleKind.GIFT_PACK, LINE, "Claro", pack.amount_pesos, pack, "3159876543")
        screen.setDefaultMode(PaymentMode.ASSISTED)

    def payer() -> None:
        screen = window.show_payer()
        screen.reset()
        screen.setAmount(10_000)
        screen.setBanks(BANKS)
        screen.setTerms("https://sandbox.example/terminos.pdf", "https://sandbox.example/datos.pdf")
        screen.setPhone(LINE)
        screen.person_combo.setCurrentIndex(screen.person_combo.findData(PersonType.NATURAL))
        screen.document_type_combo.setCurrentIndex(
            screen.document_type_combo.findData(DocumentType.CC.value)
        )
        screen.inputs["document_number"].setText("1020304050")
        screen.inputs["full_name"].setText("María Fernanda Gómez")
        screen.inputs["email"].setText("maria.gomez@correo")
        screen.bank_combo.setCurrentIndex(4)
        screen.go_on()

    def payment() -> None:
        screen = window.show_payment()
        screen.showPayment(
            SAMPLE_CHECKOUT_URL,
            10_000,
            "K1-20250314-000123",
            datetime.now(UTC) + timedelta(minutes=9, seconds=42),
            PaymentMode.CHECKOUT,
        )
        # The app's own status line for a payment waiting on the bank.
        screen.showStatus(SaleState.PAYMENT_PENDING, SaleKind.TOPUP, PaymentMode.CHECKOUT)

    def result(state: SaleState, kind: SaleKind = SaleKind.TOPUP, retry: bool = False):
        def scene() -> None:
            screen = window.show_result()
            # As the wiring shows a verdict: the words follow the language.
            screen.showOutcome(sample_receipt(state, kind), state)
            screen.setRetryAvailable(retry)

        return scene

    def receipt() -> None:
        # A delivered top-up's full receipt (business, NIT, clerk, claims, QR), with the
        # counter's Imprimir / Guardar PDF (the printer is never called here).
        from kiosk.controllers.receipts import ReceiptController

        screen = window.show_result()
        screen.setReceiptController(ReceiptController(service=None))  # type: ignore[arg-type]
        screen.showOutcome(business_receipt(), SaleState.DELIVERED)

    return [
        ("01-start.png", start),
        ("02-topup.png", topup_empty),
        ("03-topup-filled.png", topup_filled),
        ("04-topup-errors.png", topup_error),
        ("05-topup-other-operator.png", topup_refused),
        ("06-topup-busy.png", topup_busy),
        ("07-gift-pack.png", gift_pack),
        ("08-balance-code.png", balance_code),
        ("09-balance-shown.png", balance_shown),
        ("10-confirm-topup.png", confirm_topup),
        ("11-confirm-gift-pack.png", confirm_gift),
        ("12-payer.png", payer),
        ("13-payment.png", payment),
        ("14-result-delivered.png", result(SaleState.DELIVERED)),
        ("15-result-gift-delivered.png", result(SaleState.DELIVERED, SaleKind.GIFT_PACK)),
        ("16-result-declined.png", result(SaleState.PAYMENT_FAILED, retry=True)),
        ("17-result-error.png", result(SaleState.ERROR)),
        ("18-result-pending.png", result(SaleState.PAYMENT_PENDING)),
        ("19-result-paid-not-delivered.png", result(SaleState.PAID_NOT_DELIVERED)),
        ("20-result-cancelled-unconfirmed.png", result(SaleState.CANCELLED_UNCONFIRMED)),
        ("21-topup-movistar.png", topup_operator("316 123 4567", "Movistar", ported=False)),
        ("22-topup-ported.png", topup_operator("312 987 6543", "Tigo", ported=True)),
        ("23-topup-recently-recharged.png", topup_recently_recharged),
        ("24-receipt.png", receipt),
        ("30-history.png", back_office_scenes(window)["history"]),
        ("31-history-empty.png", back_office_scenes(window)["history-empty"]),
        ("32-sale-detail.png", back_office_scenes(window)["sale-detail"]),
        ("33-report-x.png", back_office_scenes(window)["report-x"]),
        ("34-report-z.png", back_office_scenes(window)["report-z"]),
        ("40-sign-in.png", lambda: sign_in_scenes.sign_in(window)),
        ("41-sign-in-locked.png", lambda: sign_in_scenes.sign_in_locked(window)),
        ("42-settings.png", lambda: sign_in_scenes.settings(window)),
        ("43-settings-refused.png", lambda: sign_in_scenes.settings_refused(window)),
    ]


def capture_all(
    out_dir: Path, size: tuple[int, int] | None = None, language: str = "es"
) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    set_language(language)
    window = build_main_window(sandbox=True, store_name=STORE, kiosk_name=KIOSK)
    window.setFloat(Money(Decimal("1234.56"), "USD"))  # a store whose provider account is in USD
    if size is not None:
        window.resize(*size)
    window.show()
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for name, scene in scenes(window):
        scene()
        _process(app)
        path = out_dir / name
        if not window.grab().save(str(path)):
            raise RuntimeError(f"could not save {path}")
        saved.append(path)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents()
    saved += capture_paper(out_dir)
    return saved


def capture_paper(out_dir: Path) -> list[Path]:
    """The receipt and the Z report as they come out on 80 mm paper (the printer's layout)."""
    from kiosk.controllers.receipts import receipt_document
    from kiosk.controllers.reports import report_document
    from tools.backoffice_samples import sample_report
    from ui.printing.pdf import document_image

    papers = {
        "50-paper-receipt.png": receipt_document(business_receipt()),
        "51-paper-z-report.png": report_document(sample_report(closed=True)),
    }
    saved = []
    for name, document in papers.items():
        path = out_dir / name
        if not document_image(document, dpi=160).save(str(path)):
            raise RuntimeError(f"could not save {path}")
        saved.append(path)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=LANGUAGES, default="es")
    parser.add_argument(
        "--out", type=Path, default=None, help="default: docs/screenshots/ (es), .../en/ (en)"
    )
    parser.add_argument(
        "--size", default="", help="WIDTHxHEIGHT, e.g. 1920x1080 (default: the counter's 1024x768)"
    )
    args = parser.parse_args(argv)
    size = tuple(int(part) for part in args.size.lower().split("x")) if args.size else None
    out = args.out or DEFAULT_OUT[args.language]
    for path in capture_all(out, size, args.language):  # type: ignore[arg-type]
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
