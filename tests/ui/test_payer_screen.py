"""Assisted PSE: the payer's data, validated field by field, the bank and the terms."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from kiosk.domain.errors import ValidationError
from kiosk.domain.payer import DocumentType, PayerData, PersonType
from kiosk.messages import render_error
from tests.ui.conftest import child
from ui.screens.payer import PayerScreen

pytestmark = pytest.mark.gui

BANKS = [("1", "Banco que aprueba"), ("2", "Banco que rechaza")]
TERMS = ("https://gateway.example/terms.pdf", "https://gateway.example/personal-data.pdf")


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _fill(qtbot, screen: PayerScreen, *, person=PersonType.NATURAL, document=DocumentType.CC,
          number="1020304050", name="María Gómez", email="maria@correo.com") -> None:  # fmt: skip
    screen.setBanks(BANKS)
    screen.setTerms(*TERMS)
    screen.setPhone("3123456789")
    _choose(child(screen, QComboBox, "payerPersonTypeCombo"), person)
    _choose(child(screen, QComboBox, "payerDocumentTypeCombo"), document.value)
    qtbot.keyClicks(child(screen, QLineEdit, "payerDocumentInput"), number)
    # QTest types ASCII only; names have accents.
    child(screen, QLineEdit, "payerNameInput").setText(name)
    qtbot.keyClicks(child(screen, QLineEdit, "payerEmailInput"), email)
    _choose(child(screen, QComboBox, "payerBankCombo"), "1")


def test_terms_are_never_preticked_and_needed(qtbot, window):
    screen = window.payer
    check = child(screen, QCheckBox, "payerTermsCheck")
    assert not check.isChecked() and not check.isEnabled(), "no terms shown yet"
    _fill(qtbot, screen)
    assert not check.isChecked()
    assert not child(screen, QPushButton, "payerContinueButton").isEnabled()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    label = child(screen, QLabel, "payerTermsLabel").text()
    assert TERMS[0] in label and TERMS[1] in label
    check.click()
    with qtbot.waitSignal(screen.submitted) as submitted:
        child(screen, QPushButton, "payerContinueButton").click()
    payer, bank = submitted.args
    assert isinstance(payer, PayerData)
    assert (payer.document_number, payer.phone, payer.email) == (
        "1020304050",
        "3123456789",
        "maria@correo.com",
    )
    assert bank == "1"


def test_each_wrong_field_is_marked_with_its_message(qtbot, window):
    screen = window.payer
    _fill(qtbot, screen, number="12", email="maria@correo")
    child(screen, QCheckBox, "payerTermsCheck").click()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    email_message = child(screen, QLabel, "payerEmailInputMessage")
    assert email_message.isVisibleTo(screen)
    assert email_message.text() == render_error(ValidationError("payer.email_invalid"))
    assert screen.fieldError("document_number")
    assert child(screen, QLineEdit, "payerEmailInput").property("role") == "invalid"
    assert not screen.fieldError("full_name"), "a right field is not marked"


def test_a_juridical_person_without_nit_is_refused(qtbot, window):
    screen = window.payer
    _fill(qtbot, screen, person=PersonType.JURIDICAL, document=DocumentType.CC,
          name="Tiendas Ejemplo S.A.S.")  # fmt: skip
    child(screen, QCheckBox, "payerTermsCheck").click()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    assert screen.fieldError("document_type") == render_error(
        ValidationError("payer.juridical_needs_nit")
    )


def test_choosing_juridical_proposes_nit(qtbot, window):
    screen = window.payer
    _choose(child(screen, QComboBox, "payerPersonTypeCombo"), PersonType.JURIDICAL)
    assert child(screen, QComboBox, "payerDocumentTypeCombo").currentData() == "NIT"


def test_no_bank_no_payment(qtbot, window):
    screen = window.payer
    _fill(qtbot, screen)
    _choose(child(screen, QComboBox, "payerBankCombo"), "")
    child(screen, QCheckBox, "payerTermsCheck").click()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    assert screen.fieldError("bank")


def test_a_terms_link_is_forwarded_not_opened(qtbot, window):
    screen = window.payer
    screen.setTerms(*TERMS)
    with qtbot.waitSignal(screen.termsLinkActivated) as activated:
        child(screen, QLabel, "payerTermsLabel").linkActivated.emit(TERMS[0])
    assert activated.args == [TERMS[0]]


def test_escape_goes_back(qtbot, window):
    screen = window.show_payer()
    with qtbot.waitSignal(screen.back):
        screen.go_back()
