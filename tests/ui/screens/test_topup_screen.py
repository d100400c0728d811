"""The top-up screen: consent, line validation, presets, amounts, keyboard-only sale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton

from kiosk.controllers.language import describe
from kiosk.domain.amounts import AmountOffer
from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import normalize_line
from tests.support.widgets import child
from tests.ui.helpers import assert_all_translated, shown_texts, speak
from ui.main_window import MainWindow
from ui.screens.topup import TopupScreen

pytestmark = pytest.mark.gui


def _typed(qtbot, screen: TopupScreen, line: str, amount: str) -> None:
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), line)
    qtbot.keyClicks(child(screen, QLineEdit, "topupAmountInput"), amount)


def test_consent_is_never_preticked_and_continue_waits_for_it(qtbot, window: MainWindow):
    screen = window.topup
    consent = child(screen, QCheckBox, "topupConsentCheck")
    continue_button = child(screen, QPushButton, "topupContinueButton")
    assert not consent.isChecked()
    assert not continue_button.isEnabled()

    with qtbot.assertNotEmitted(screen.lineEntered):
        _typed(qtbot, screen, "312 345 6789", "10000")
    assert not continue_button.isEnabled(), "valid data but no consent"

    with qtbot.waitSignal(screen.lineEntered) as entered:
        consent.click()
    assert entered.args == ["3123456789"]
    assert continue_button.isEnabled()

    window.show_start()  # a new sale forgets everything, consent included
    assert not consent.isChecked()
    assert child(screen, QLineEdit, "topupLineInput").text() == ""


def test_continue_disabled_until_the_data_is_valid(qtbot, window: MainWindow):
    screen = window.topup
    child(screen, QCheckBox, "topupConsentCheck").click()
    continue_button = child(screen, QPushButton, "topupContinueButton")
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), "312 345 678")
    qtbot.keyClicks(child(screen, QLineEdit, "topupAmountInput"), "10000")
    assert not continue_button.isEnabled(), "nine digits"
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), "9")
    assert continue_button.isEnabled()
    child(screen, QLineEdit, "topupAmountInput").setText("999999")
    assert not continue_button.isEnabled(), "above the maximum"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2134567890", "line.not_mobile"),
        ("312 345 67890", "line.too_long"),
        ("+1 312 345 6789", "line.not_colombian"),
    ],
)
def test_a_bad_line_says_what_is_wrong_in_spanish(qtbot, window, typed: str, code: str):
    screen = window.topup
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), typed)
    message = child(screen, QLabel, "topupLineMessage")
    with pytest.raises(ValidationError) as expected:
        normalize_line(typed)
    assert expected.value.code == code
    assert message.isVisibleTo(screen)
    assert message.text() == describe(expected.value)
    assert child(screen, QLabel, "topupLineEcho").text() == ""


def test_a_short_line_is_not_nagged_while_typing_but_told_on_enter(qtbot, window):
    screen = window.topup
    edit = child(screen, QLineEdit, "topupLineInput")
    qtbot.keyClicks(edit, "312345")
    message = child(screen, QLabel, "topupLineMessage")
    assert not message.isVisibleTo(screen)
    screen.go_on()
    assert message.isVisibleTo(screen)
    assert message.text() == describe(ValidationError("line.too_short", digits=6, expected=10))


def test_a_valid_line_is_echoed_grouped(qtbot, window):
    screen = window.topup
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), "+57 312-345-6789")
    assert child(screen, QLabel, "topupLineEcho").text() == "312 345 6789"
    assert screen.line() == "3123456789"


def test_presets_come_from_the_offer(qtbot, window):
    screen = window.topup
    screen.setOffer(AmountOffer(1_500, 100_000, (2_000, 5_000)))
    names = {button.objectName() for button in screen.findChildren(QPushButton)}
    assert {"topupPreset_2000", "topupPreset_5000"} <= names
    assert child(screen, QPushButton, "topupPreset_5000").text() == "$\u00a05.000"

    screen.setOffer(AmountOffer(1_500, 100_000, (3_000, 7_000, 15_000)))
    presets = {
        button.objectName()
        for button in screen.findChildren(QPushButton)
        if button.objectName().startswith("topupPreset_")
    }
    assert presets == {"topupPreset_3000", "topupPreset_7000", "topupPreset_15000"}


def test_a_preset_fills_the_amount(qtbot, window):
    screen = window.topup
    screen.setOffer(AmountOffer(1_500, 100_000, (5_000, 20_000)))
    child(screen, QPushButton, "topupPreset_20000").click()
    assert screen.amount() == 20_000
    assert child(screen, QPushButton, "topupPreset_20000").isChecked()
    assert not child(screen, QPushButton, "topupPreset_5000").isChecked()


def test_fixed_amounts_hide_the_free_field_and_refuse_others(qtbot, window):
    screen = window.topup
    screen.setOffer(AmountOffer(5_000, 10_000, (5_000, 10_000), fixed=True))
    assert not child(screen, QLineEdit, "topupAmountInput").isVisibleTo(screen)
    child(screen, QLineEdit, "topupAmountInput").setText("7000")
    assert screen.amount() is None
    child(screen, QPushButton, "topupPreset_10000").click()
    assert screen.amount() == 10_000


def test_limits_come_from_the_offer(qtbot, window):
    screen = window.topup
    screen.setOffer(AmountOffer(2_000, 50_000))
    amount = child(screen, QLineEdit, "topupAmountInput")
    qtbot.keyClicks(amount, "60000")
    message = child(screen, QLabel, "topupAmountMessage")
    assert message.isVisibleTo(screen)
    assert "50.000" in message.text()
    assert "$\u00a02.000" in child(screen, QLabel, "topupLimitsLabel").text()


def test_the_top_up_by_keyboard_alone(qtbot, shown_window: MainWindow):
    """F1, the line, Enter, Space (consent), Enter, the amount, Enter: submitted."""
    window = shown_window
    window.start.topupChosen.connect(window.show_topup)  # what ui/wiring.py does
    window.topup.setOffer(AmountOffer(1_500, 100_000, (5_000, 10_000)))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.currentScreen() is window.topup

    def focused() -> object:
        return QApplication.focusWidget()

    assert focused() is child(window.topup, QLineEdit, "topupLineInput")
    qtbot.keyClicks(focused(), "+57 312 345 6789")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is child(window.topup, QCheckBox, "topupConsentCheck")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is child(window.topup, QLineEdit, "topupAmountInput")
    qtbot.keyClicks(focused(), "15000")
    with qtbot.waitSignal(window.topup.submitted) as submitted:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert submitted.args == ["3123456789", 15_000]


def test_enter_while_the_operator_is_detected_submits_once_it_is_known(qtbot, window):
    screen = window.topup
    screen.lineEntered.connect(lambda _line: screen.setDetecting())
    child(screen, QCheckBox, "topupConsentCheck").click()
    _typed(qtbot, screen, "3123456789", "10000")
    assert child(screen, QLabel, "topupOperatorLabel").isVisibleTo(screen)
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    with qtbot.waitSignal(screen.submitted) as submitted:
        screen.setOperator("Claro", for_line="3123456789")
    assert submitted.args == ["3123456789", 10_000]
    assert "Claro" in child(screen, QLabel, "topupOperatorLabel").text()


def test_a_line_of_another_operator_is_refused_before_payment(qtbot, window):
    screen = window.topup
    child(screen, QCheckBox, "topupConsentCheck").click()
    _typed(qtbot, screen, "3000000003", "10000")
    refusal = "Esta línea es de otro operador: aquí solo vendemos recargas de Claro."
    screen.setLineRefused(refusal, for_line="3000000003")
    assert child(screen, QLabel, "topupOperatorLabel").text() == refusal
    assert not child(screen, QPushButton, "topupContinueButton").isEnabled()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()


def test_a_late_operator_answer_for_another_line_is_ignored(qtbot, window):
    screen = window.topup
    child(screen, QCheckBox, "topupConsentCheck").click()
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), "3123456789")
    screen.setLineRefused("Otra línea", for_line="3000000003")
    assert "Otra línea" not in child(screen, QLabel, "topupOperatorLabel").text()
    assert screen.line_input.operatorState() == "none"


def test_escape_goes_back(qtbot, shown_window):
    shown_window.show_topup()
    with qtbot.waitSignal(shown_window.topup.back):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_a_failed_operator_lookup_can_be_asked_again_with_enter(qtbot, window):
    screen = window.show_topup()
    announced: list[str] = []
    screen.lineEntered.connect(announced.append)
    qtbot.mouseClick(screen.consent.checkBox(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.line_input.lineEdit(), "3123456789")
    assert announced == ["3123456789"]
    screen.setDetecting()
    screen.setDetectionFailed("No hay conexión con el proveedor.", for_line="3123456789")
    assert "consultar de nuevo" in screen.line_input.operatorText()
    qtbot.keyClick(screen.line_input.lineEdit(), Qt.Key.Key_Return)
    assert announced == ["3123456789", "3123456789"], "Enter asks the provider again"


def test_a_filled_top_up_speaks_english_and_back_to_spanish(qtbot, window: MainWindow):
    """Every visible text changes at once (LanguageChange), from the data the screen keeps."""
    screen = window.show_topup()
    screen.setStore("Droguería La Esquina", "calle 10 # 5-20")
    screen.setOffer(AmountOffer(1_500, 100_000, (5_000, 10_000)))
    screen.consent.checkBox().setChecked(True)
    qtbot.keyClicks(screen.line_input.lineEdit(), "3123456789")
    screen.setOperator("Claro", for_line="3123456789")
    amount = child(screen, QLineEdit, "topupAmountInput")
    qtbot.keyClicks(amount, "500000")
    message = child(screen, QLabel, "topupAmountMessage")
    assert message.isVisibleTo(screen)
    spanish_message = message.text()
    spanish = shown_texts(screen)

    speak("en")
    english = shown_texts(screen)
    assert_all_translated(spanish, english, data=["312 345 6789"])
    assert child(screen, QLabel, "topupTitle").text() == "Top-up"
    assert child(screen, QLabel, "topupLimitsLabel").text() == (
        "Between COP\u00a01,500 and COP\u00a0100,000"
    )
    assert child(screen, QPushButton, "topupPreset_5000").text() == "COP\u00a05,000"
    assert child(screen, QPushButton, "topupContinueButton").text() == "Continue  (Enter)"
    assert child(screen, QPushButton, "topupBackButton").text() == "Back  (Esc)"
    assert child(screen, QLabel, "topupOperatorLabel").text() == "Operator: Claro"
    assert child(screen, QCheckBox, "topupConsentCheck").text() == "Yes, I &agree"
    notice = child(screen, QLabel, "topupConsentNotice").text()
    assert notice.startswith("Droguería La Esquina uses your mobile number")
    assert "(calle 10 # 5-20)" in notice
    with pytest.raises(ValidationError) as refused:
        screen.offer().validate("500000")
    assert message.text() == describe(refused.value)
    assert "COP\u00a0100,000" in message.text()
    assert message.text() != spanish_message

    speak("es")
    assert shown_texts(screen) == spanish
    assert child(screen, QLabel, "topupLimitsLabel").text() == "Entre $\u00a01.500 y $\u00a0100.000"


def test_the_waiting_hint_and_the_consent_message_follow_the_language(qtbot, window):
    screen = window.show_topup()
    qtbot.keyClicks(screen.line_input.lineEdit(), "3123456789")
    screen.go_on()  # no consent yet
    assert screen.messageText() == "Marque la autorización de datos para continuar."
    speak("en")
    assert screen.messageText() == "Tick the consent box to continue."
    speak("es")
    screen.consent.checkBox().setChecked(True)
    screen.setDetecting()
    qtbot.keyClicks(child(screen, QLineEdit, "topupAmountInput"), "10000")
    screen.go_on()
    assert screen.messageText() == "Un momento: estamos consultando el operador de la línea."
    assert screen.line_input.operatorText() == "Consultando el operador de la línea…"
    speak("en")
    assert screen.messageText() == "One moment: we are checking the line's mobile operator."
    assert screen.line_input.operatorText() == "Checking the line's mobile operator…"


def test_a_failed_look_up_keeps_the_controllers_words_and_translates_ours(qtbot, window):
    screen = window.show_topup()
    screen.consent.checkBox().setChecked(True)
    qtbot.keyClicks(screen.line_input.lineEdit(), "3123456789")
    screen.setDetectionFailed("No connection.", for_line="3123456789")
    speak("en")
    assert screen.line_input.operatorText() == (
        "No connection. Press Enter or Continue to check again."
    )


def test_a_bad_line_is_told_in_english_after_the_switch(qtbot, window):
    screen = window.topup
    qtbot.keyClicks(child(screen, QLineEdit, "topupLineInput"), "2134567890")
    message = child(screen, QLabel, "topupLineMessage")
    spanish = message.text()
    speak("en")
    assert message.text() != spanish
    with pytest.raises(ValidationError) as expected:
        normalize_line("2134567890")
    assert message.text() == describe(expected.value)


def test_a_fixed_offer_in_english(qtbot, window):
    screen = window.show_topup()
    screen.setOffer(AmountOffer(5_000, 10_000, (5_000, 10_000), fixed=True))
    speak("en")
    button = child(screen, QPushButton, "topupPreset_10000")
    assert button.text() == "COP\u00a010,000"
    assert button.accessibleName() == "Top-up of COP\u00a010,000"
    assert screen.presets() == (5_000, 10_000)


def test_the_amount_error_waits_until_something_was_typed(qtbot, shown_window: MainWindow):
    """Enter walks from the line to the empty amount without an error; Enter again on the
    empty field says what is missing."""
    screen = shown_window.show_topup()
    screen.setOffer(AmountOffer(1_500, 100_000, (5_000, 10_000)))
    message = child(screen, QLabel, "topupAmountMessage")
    screen.consent.checkBox().setChecked(True)
    qtbot.keyClicks(screen.line_input.lineEdit(), "3123456789")
    screen.setOperator("Claro", for_line="3123456789")
    screen.line_input.lineEdit().setFocus()
    qtbot.keyClick(screen.line_input.lineEdit(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.amount_input
    assert not message.isVisible(), "an error before anything was typed"
    qtbot.keyClick(screen.amount_input, Qt.Key.Key_Return)
    assert message.isVisible() and message.text() == describe(ValidationError("money.empty"))
