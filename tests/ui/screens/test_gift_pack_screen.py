"""The gift pack screen: readable cards, selection by keyboard, the optional sender."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QLineEdit

from kiosk.domain.catalogue import Pack
from kiosk.domain.money import format_pesos
from tests.support.widgets import child
from tests.ui.helpers import assert_all_translated, shown_texts, speak
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_cards_show_name_data_minutes_apps_days_price_and_sample_tag(window, packs: list[Pack]):
    screen = window.gift_pack
    screen.setPacks(packs)
    first = child(screen, QAbstractButton, "giftPackCard_10000")
    texts = first.detailTexts()
    assert texts[0] == "Todo incluido 7 días"
    assert format_pesos(10_000) in texts
    joined = " | ".join(texts)
    for expected in ("3 GB", "Minutos ilimitados", "WhatsApp y Facebook", "7 días"):
        assert expected in joined
    assert child(first, QLabel, "giftPackCard_10000SampleTag").text() == "Precio de muestra"

    second = child(screen, QAbstractButton, "giftPackCard_20000")
    joined = " | ".join(second.detailTexts())
    assert "6 GB" in joined and "200 min" in joined and "15 días" in joined
    assert second.findChild(QLabel, "giftPackCard_20000SampleTag") is None


def test_a_card_without_details_shows_the_description(window, packs: list[Pack]):
    screen = window.gift_pack
    screen.setPacks(packs)
    card = child(screen, QAbstractButton, "giftPackCard_4000")
    assert "800 MB para navegar durante 5 días." in card.detailTexts()


def test_new_packs_replace_the_old_cards(window, packs: list[Pack]):
    screen = window.gift_pack
    screen.setPacks(packs)
    screen.setPacks(packs[1:2])
    names = [card.objectName() for card in screen.findChildren(QAbstractButton)
             if card.objectName().startswith("giftPackCard_")]  # fmt: skip
    assert names == ["giftPackCard_20000"]


def test_a_gift_pack_by_keyboard_with_the_senders_line(qtbot, shown_window: MainWindow, packs):
    window = shown_window
    screen = window.show_gift_pack()
    screen.setPacks(packs)
    assert QApplication.focusWidget() is child(screen, QLineEdit, "giftLineInput")
    child(screen, QCheckBox, "giftConsentCheck").click()
    screen.enter()
    qtbot.keyClicks(QApplication.focusWidget(), "3123456789")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    first = child(screen, QAbstractButton, "giftPackCard_10000")
    assert QApplication.focusWidget() is first, "Enter goes on to the cards"
    qtbot.keyClick(first, Qt.Key.Key_Right)  # arrows move (and pick, like radio buttons)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert screen.selectedPack() == packs[1]
    qtbot.keyClicks(child(screen, QLineEdit, "giftSenderLineInput"), "315 987 6543")
    with qtbot.waitSignal(screen.submitted) as submitted:
        screen.continue_button.click()
    assert submitted.args == ["3123456789", packs[1], "3159876543"]


def test_without_a_sender_the_sender_is_none(qtbot, window, packs):
    screen = window.gift_pack
    screen.setPacks(packs)
    child(screen, QCheckBox, "giftConsentCheck").click()
    qtbot.keyClicks(child(screen, QLineEdit, "giftLineInput"), "3123456789")
    child(screen, QAbstractButton, "giftPackCard_4000").click()
    with qtbot.waitSignal(screen.submitted) as submitted:
        screen.go_on()
    assert submitted.args == ["3123456789", packs[2], None]


def test_no_pack_chosen_says_so(qtbot, window, packs):
    screen = window.gift_pack
    screen.setPacks(packs)
    child(screen, QCheckBox, "giftConsentCheck").click()
    qtbot.keyClicks(child(screen, QLineEdit, "giftLineInput"), "3123456789")
    assert not screen.continue_button.isEnabled()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    assert child(screen, QLabel, "giftPacksMessage").text() == "Elija un paquete."


def test_a_wrong_sender_line_blocks_the_sale(qtbot, window, packs):
    screen = window.gift_pack
    screen.setPacks(packs)
    child(screen, QCheckBox, "giftConsentCheck").click()
    qtbot.keyClicks(child(screen, QLineEdit, "giftLineInput"), "3123456789")
    child(screen, QAbstractButton, "giftPackCard_4000").click()
    qtbot.keyClicks(child(screen, QLineEdit, "giftSenderLineInput"), "315")
    assert not screen.continue_button.isEnabled()
    with qtbot.assertNotEmitted(screen.submitted):
        screen.go_on()
    assert child(screen, QLabel, "giftSenderLineMessage").isVisibleTo(screen)


def test_escape_goes_back(qtbot, shown_window):
    shown_window.show_gift_pack()
    with qtbot.waitSignal(shown_window.gift_pack.back):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_the_gift_pack_screen_and_its_cards_speak_english_and_back(qtbot, window, packs):
    screen = window.show_gift_pack()
    screen.setPacks(packs)
    screen.consent.checkBox().setChecked(True)
    qtbot.keyClicks(child(screen, QLineEdit, "giftLineInput"), "3123456789")
    screen.setOperator("Claro", for_line="3123456789")
    screen.go_on()  # no pack chosen: the screen says so
    assert child(screen, QLabel, "giftPacksMessage").text() == "Elija un paquete."
    spanish = shown_texts(screen)
    card = child(screen, QAbstractButton, "giftPackCard_10000")
    spanish_card = card.detailTexts()

    speak("en")
    # The provider's pack names and descriptions are data; so are sizes and minutes.
    data = [pack.name for pack in packs] + [pack.description for pack in packs]
    data += ["312 345 6789", "6 GB · 200 min"]
    assert_all_translated(spanish, shown_texts(screen), data=data)
    assert child(screen, QLabel, "giftTitle").text() == "Gift pack"
    assert child(screen, QLabel, "giftPacksMessage").text() == "Choose a pack."
    assert card.detailTexts() == [
        "Todo incluido 7 días",
        "COP\u00a010,000",
        "3 GB · Unlimited minutes",
        "Apps included: WhatsApp and Facebook",
        "Valid for 7 days",
        "Sample price",
    ]
    assert card.accessibleName() == ", ".join(card.detailTexts())
    second = child(screen, QAbstractButton, "giftPackCard_20000")
    assert "Valid for 15 days" in second.detailTexts()

    speak("es")
    assert shown_texts(screen) == spanish
    assert card.detailTexts() == spanish_card
    assert "Vigencia: 7 días" in spanish_card


def test_no_packs_is_said_in_the_current_language(qtbot, window):
    screen = window.show_gift_pack()
    screen.setPacks([])
    message = child(screen, QLabel, "giftPacksMessage")
    assert message.text() == "No hay paquetes disponibles en este momento. Intente más tarde."
    speak("en")
    assert message.text() == "No packs are available right now. Please try again later."


def test_one_day_and_many_days_on_cards(qtbot, window):
    screen = window.show_gift_pack()
    screen.setPacks([Pack(3_000, "Un día", validity_days=1), Pack(6_000, "Tres", validity_days=3)])
    one = child(screen, QAbstractButton, "giftPackCard_3000")
    three = child(screen, QAbstractButton, "giftPackCard_6000")
    assert "Vigencia: 1 día" in one.detailTexts()
    assert "Vigencia: 3 días" in three.detailTexts()
    speak("en")
    assert "Valid for 1 day" in one.detailTexts()
    assert "Valid for 3 days" in three.detailTexts()
