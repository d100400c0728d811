"""Assisted PSE: the payer's data, validated field by field, the bank and the terms."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from kiosk.controllers.language import describe
from kiosk.domain.errors import ValidationError
from kiosk.domain.payer import DocumentType, PayerData, PersonType
from tests.support.widgets import child
from tests.ui.helpers import assert_words_translated, speak, visible_words
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
    assert email_message.text() == describe(ValidationError("payer.email_invalid"))
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
    assert screen.fieldError("document_type") == describe(
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


def test_the_payer_screen_speaks_english_and_back(qtbot, window):
    screen = window.show_payer()
    _fill(qtbot, screen, person=PersonType.JURIDICAL, document=DocumentType.NIT,
          number="12", name="Tiendas Ejemplo S.A.S.", email="maria@correo")  # fmt: skip
    screen.setAmount(10_000)
    child(screen, QLineEdit, "payerEmailInput").editingFinished.emit()
    screen.go_on()  # shows every wrong field
    email_error = screen.fieldError("email")
    assert email_error == describe(ValidationError("payer.email_invalid"))
    spanish = visible_words(screen)
    speak("en")
    english = visible_words(screen)
    bank_names = {name for _code, name in BANKS}
    assert_words_translated(spanish, english, bank_names)
    person = child(screen, QComboBox, "payerPersonTypeCombo")
    document = child(screen, QComboBox, "payerDocumentTypeCombo")
    bank = child(screen, QComboBox, "payerBankCombo")
    assert (person.currentData(), person.currentText()) == (PersonType.JURIDICAL, "Company")
    assert (document.currentData(), document.currentText()) == ("NIT", "Tax ID (NIT)")
    assert bank.currentData() == "1" and bank.itemText(0) == "Choose the bank…"
    assert child(screen, QLabel, "payerNameInputCaption").text() == "Company name"
    assert screen.fieldError("email") not in ("", email_error), "the field message too"
    assert child(screen, QLabel, "payerSubtitle").text() == "PSE payment of COP\u00a010,000"
    terms = child(screen, QLabel, "payerTermsLabel").text()
    assert TERMS[0] in terms and TERMS[1] in terms, "the links survive the translation"
    speak("es")
    assert visible_words(screen) == spanish
    assert screen.fieldError("email") == email_error


def test_spanish_labels_keep_todays_wording(qtbot, window):
    screen = window.payer
    person = child(screen, QComboBox, "payerPersonTypeCombo")
    document = child(screen, QComboBox, "payerDocumentTypeCombo")
    assert [person.itemText(i) for i in range(person.count())] == [
        "Persona natural",
        "Persona jurídica (empresa)",
    ]
    assert document.itemText(document.findData("CC")) == "Cédula de ciudadanía (CC)"
    assert document.itemText(document.findData("NIT")) == "NIT"
    assert document.itemText(document.findData("DNI")) == "Documento de identidad extranjero (DNI)"
    assert child(screen, QLineEdit, "payerEmailInput").placeholderText() == "nombre@correo.com"


def test_the_screens_own_message_follows_the_language(qtbot, window):
    screen = window.show_payer()
    _fill(qtbot, screen)
    screen.go_on()
    spanish = "Para continuar, el pagador debe aceptar los términos del proveedor de pagos."
    assert screen.messageText() == spanish
    speak("en")
    assert (
        screen.messageText() == "To continue, the payer must accept the payment provider's terms."
    )
    speak("es")
    assert screen.messageText() == spanish
    screen.setError("Un error del controlador")
    speak("en")
    assert screen.messageText() == "Un error del controlador", "a caller's message stays"
