"""The top-up, gift pack and balance screens at the kiosk: the on-screen keypad, the consent
before the line, the store's own notice in both languages, and layouts at three sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFrame,
    QWidget,
)

from kiosk.domain.amounts import AmountOffer
from kiosk.domain.catalogue import Pack
from tests.support.widgets import child, click, tick
from tests.ui.helpers import speak
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.screens.consent import privacy_notice
from ui.screens.line_screen import consent_first, consent_withdrawn
from ui.style import LARGE_TEXT_SCALE, apply_text_scale, load_stylesheet
from ui.widgets.keypad import DigitKeypad

pytestmark = pytest.mark.gui

OFFER = AmountOffer(presets=(2_000, 5_000, 10_000, 20_000, 50_000))  # the store's default
SCREENS = ("topup", "gift_pack", "balance")
PREFIX = {"topup": "topup", "gift_pack": "gift", "balance": "balance"}
SIZES = ((1280, 800), (1920, 1080), (1080, 1920))


@pytest.fixture
def kiosk(window: MainWindow, packs: list[Pack]) -> Iterator[MainWindow]:
    window.setKioskMode(True)
    window.topup.setOffer(OFFER)
    window.gift_pack.setPacks(packs)
    yield window
    speak("es")


def _shown(qtbot, window: MainWindow, name: str, size: tuple[int, int] = (1280, 800)) -> Screen:
    screen: Screen = getattr(window, name)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # taps on fields give them the focus, as on a kiosk
    qtbot.waitUntil(window.isActiveWindow)
    window.show_screen(screen)
    qtbot.waitUntil(lambda: screen.isVisible() and screen.width() > 0)
    return screen


def _keypad(screen: Screen, name: str) -> DigitKeypad:
    keypad: DigitKeypad = child(screen, DigitKeypad, f"{PREFIX[name]}Keypad")
    return keypad


def _tap_digits(qtbot, keypad: DigitKeypad, digits: str) -> None:
    for digit in digits:
        click(qtbot, keypad.keys[digit])


def _consent(screen: Screen, name: str) -> QCheckBox:
    box: QCheckBox = child(screen, QCheckBox, f"{PREFIX[name]}ConsentCheck")
    return box


def _line(screen: Screen, name: str) -> QLineEdit:
    edit: QLineEdit = child(screen, QLineEdit, f"{PREFIX[name]}LineInput")
    return edit


# -- the keypad ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCREENS)
def test_the_keypad_is_shown_only_in_kiosk_mode(qtbot, window: MainWindow, name: str):
    screen = _shown(qtbot, window, name)
    keypad = _keypad(screen, name)
    assert not keypad.isVisibleTo(screen), "the counter has a keyboard"
    assert _line(screen, name).isEnabled(), "the counter takes the line before the consent"
    assert _line(screen, name).isClearButtonEnabled()
    window.setKioskMode(True)
    assert keypad.isVisibleTo(screen)
    assert not _line(screen, name).isClearButtonEnabled(), "the keypad clears (big key)"
    window.setKioskMode(False)
    assert not keypad.isVisibleTo(screen)
    assert _line(screen, name).isEnabled()


def test_a_top_up_by_taps_alone(qtbot, kiosk: MainWindow):
    screen = _shown(qtbot, kiosk, "topup")
    screen.enter()
    keypad = _keypad(screen, "topup")
    continue_button = child(screen, QPushButton, "topupContinueButton")
    tick(qtbot, _consent(screen, "topup"))  # tap 1
    assert _line(screen, "topup").hasFocus(), "the keypad types into the line at once"
    _tap_digits(qtbot, keypad, "312345678")
    # A preset tapped with the line unfinished: the keypad still types into the line.
    click(qtbot, child(screen, QPushButton, "topupPreset_10000"))  # tap 2
    assert keypad.target() is _line(screen, "topup")
    assert not continue_button.isEnabled()
    _tap_digits(qtbot, keypad, "9")
    assert screen.line() == "3123456789"
    assert screen.amount() == 10_000
    assert continue_button.isEnabled()
    with qtbot.waitSignal(screen.submitted) as submitted:
        click(qtbot, continue_button)  # tap 3
    assert submitted.args == ["3123456789", 10_000]


def test_another_amount_is_typed_on_the_keypad_after_a_tap_on_its_field(qtbot, kiosk: MainWindow):
    screen = _shown(qtbot, kiosk, "topup")
    keypad = _keypad(screen, "topup")
    tick(qtbot, _consent(screen, "topup"))
    _tap_digits(qtbot, keypad, "3123456789")
    amount = child(screen, QLineEdit, "topupAmountInput")
    click(qtbot, amount)
    _tap_digits(qtbot, keypad, "150000")
    click(qtbot, keypad.erase_key)
    assert (screen.line(), screen.amount()) == ("3123456789", 15_000)
    assert child(screen, QPushButton, "topupPreset_10000").isChecked() is False


def test_the_known_operator_keeps_the_keypad_on_the_line_when_presets_are_a_tap_away(
    qtbot, kiosk: MainWindow
):
    screen = _shown(qtbot, kiosk, "topup")
    keypad = _keypad(screen, "topup")
    tick(qtbot, _consent(screen, "topup"))
    with qtbot.waitSignal(screen.lineEntered):
        _tap_digits(qtbot, keypad, "3123456789")
    screen.setDetecting()
    screen.setOperator("Claro", for_line="3123456789")
    assert keypad.target() is _line(screen, "topup"), "'Borrar' still corrects the line"
    click(qtbot, child(screen, QPushButton, "topupPreset_20000"))
    assert child(screen, QPushButton, "topupContinueButton").isEnabled()


def test_a_gift_pack_by_taps_alone(qtbot, kiosk: MainWindow):
    screen = _shown(qtbot, kiosk, "gift_pack")
    screen.enter()
    keypad = _keypad(screen, "gift_pack")
    tick(qtbot, _consent(screen, "gift_pack"))
    _tap_digits(qtbot, keypad, "3001234567")
    click(qtbot, child(screen, QAbstractButton, "giftPackCard_20000"))
    # The sender's line, optional, by a tap on its field and the keypad.
    click(qtbot, child(screen, QLineEdit, "giftSenderLineInput"))
    _tap_digits(qtbot, keypad, "3109876543")
    with qtbot.waitSignal(screen.submitted) as submitted:
        click(qtbot, child(screen, QPushButton, "giftContinueButton"))
    line, pack, sender = submitted.args
    assert (line, pack.amount_pesos, sender) == ("3001234567", 20_000, "3109876543")


def test_a_balance_by_taps_alone(qtbot, kiosk: MainWindow):
    screen = _shown(qtbot, kiosk, "balance")
    screen.enter()
    keypad = _keypad(screen, "balance")
    tick(qtbot, _consent(screen, "balance"))
    _tap_digits(qtbot, keypad, "3123456789")
    with qtbot.waitSignal(screen.codeRequested) as requested:
        click(qtbot, child(screen, QPushButton, "balanceSendCodeButton"))
    assert requested.args == ["3123456789"]
    screen.setCodeSent("*** *** 6789")
    assert keypad.target() is child(screen, QLineEdit, "balanceCodeInput")
    _tap_digits(qtbot, keypad, "123456")
    with qtbot.waitSignal(screen.codeSubmitted) as submitted:
        click(qtbot, child(screen, QPushButton, "balanceShowButton"))
    assert submitted.args == ["3123456789", "123456"]


# -- consent before the line ----------------------------------------------------------------


@pytest.mark.parametrize("name", SCREENS)
def test_the_consent_comes_before_the_line(qtbot, kiosk: MainWindow, name: str):
    screen = _shown(qtbot, kiosk, name)
    screen.enter()
    keypad = _keypad(screen, name)
    line = _line(screen, name)
    hint = child(screen, QLabel, f"{PREFIX[name]}ConsentHint")
    assert not line.isEnabled() and not keypad.isEnabled()
    assert all(not key.isEnabled() for key in keypad.keys.values())
    assert hint.isVisibleTo(screen) and hint.text() == consent_first()
    if name == "gift_pack":
        assert not child(screen, QLineEdit, "giftSenderLineInput").isEnabled()

    tick(qtbot, _consent(screen, name))
    assert line.isEnabled() and keypad.isEnabled() and line.hasFocus()
    assert not hint.isVisibleTo(screen)
    _tap_digits(qtbot, keypad, "31234")
    assert line.text() == "31234"

    tick(qtbot, _consent(screen, name))  # withdrawn: the number goes with it
    assert line.text() == ""
    assert not line.isEnabled() and not keypad.isEnabled()
    assert hint.isVisibleTo(screen) and hint.text() == consent_withdrawn()
    _consent(screen, name).setChecked(True)
    assert not hint.isVisibleTo(screen)

    screen.reset()  # a new customer: not ticked, nothing said about a withdrawal
    assert hint.text() == consent_first()
    assert not line.isEnabled()


@pytest.mark.parametrize("name", SCREENS)
def test_the_consent_row_is_big_enough_for_a_finger(qtbot, kiosk: MainWindow, name: str):
    screen = _shown(qtbot, kiosk, name)
    box = _consent(screen, name)
    assert box.height() >= 56
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert min(indicator.width(), indicator.height()) >= 40
    assert box.accessibleName()
    # The whole row takes the tap, at its far end too.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 4, box.height() // 2))
    assert box.isChecked()


# -- the store's own notice -----------------------------------------------------------------


@pytest.mark.parametrize("name", SCREENS)
def test_the_stores_own_notice_in_each_language(qtbot, kiosk: MainWindow, name: str):
    screen = getattr(kiosk, name)
    notice = child(screen, QLabel, f"{PREFIX[name]}ConsentNotice")
    built_in = notice.text()
    assert built_in == privacy_notice("Tienda de prueba")
    screen.setPrivacyNotice("Aviso de <b>la tienda</b>: Ley 1581.", "The <b>store's</b> notice.")
    assert notice.text() == "Aviso de <b>la tienda</b>: Ley 1581."
    speak("en")
    assert notice.text() == "The <b>store's</b> notice."
    screen.setPrivacyNotice("Aviso de la tienda.", "")  # no English words: the built-in ones
    assert notice.text() == privacy_notice("Tienda de prueba")
    assert notice.text() != built_in
    speak("es")
    assert notice.text() == "Aviso de la tienda."


# -- layouts ----------------------------------------------------------------------------------


def _visible_children(screen: Screen) -> list[QWidget]:
    return [
        widget
        for widget in screen.findChildren(QWidget)
        if widget.isVisibleTo(screen) and widget.objectName() and not widget.isWindow()
    ]


def _rect_in(widget: QWidget, screen: Screen) -> QRect:
    return QRect(widget.mapTo(screen, widget.rect().topLeft()), widget.size())


def _assert_laid_out(screen: Screen, *, may_scroll: bool = False) -> None:
    """Every visible part inside the screen and its parent, no text squeezed, touch targets
    of 48 px or more and 8 px apart. ``may_scroll``: the columns may be taller than their
    scroll area (larger text, or error messages on a small screen), the rest scrolls into
    view; else everything must show at once."""
    QApplication.sendPostedEvents()  # the layouts' pending requests
    QApplication.processEvents()
    area = screen.rect()
    targets: list[tuple[QWidget, QRect]] = []
    cards = screen.findChild(QWidget, "giftPacksBox")
    prefix = screen.objectName().removesuffix("Screen")
    columns = screen.findChild(QWidget, f"{prefix}Columns")
    scroll = screen.findChild(QScrollArea, f"{prefix}ScrollArea")
    assert columns is not None and scroll is not None and scroll.isVisibleTo(screen)
    scrolls = scroll.verticalScrollBar().isVisible()
    assert may_scroll or not scrolls, "everything should show without scrolling"
    for widget in _visible_children(screen):
        if cards is not None and cards.isAncestorOf(widget):
            continue  # the pack cards scroll inside their area (itself inside the screen)
        scrolled = scrolls and (widget is columns or columns.isAncestorOf(widget))
        rect = _rect_in(widget, screen)
        if scrolled:  # what shows of it: the part inside the scroll area's viewport
            rect = rect.intersected(_rect_in(scroll.viewport(), screen))
        else:
            assert area.contains(rect), f"{widget.objectName()} {rect} is outside {area}"
        parent = widget.parentWidget()
        assert parent is not None, widget.objectName()
        if widget is not columns:
            assert parent.rect().contains(widget.geometry()), (
                f"{widget.objectName()} is cut off by {parent.objectName()}"
            )
        if isinstance(widget, QLabel) and widget.text():
            needed = (
                widget.heightForWidth(widget.width())
                if widget.wordWrap()
                else widget.minimumSizeHint().height()
            )
            assert widget.height() >= needed - 1, f"{widget.objectName()} is squeezed"
        if isinstance(widget, QAbstractButton | QLineEdit) and not rect.isEmpty():
            if not scrolled:  # (a scrolled one may be partly out of view)
                assert min(rect.width(), rect.height()) >= 48, widget.objectName()
            targets.append((widget, rect))
    for index, (first, first_rect) in enumerate(targets):
        for second, second_rect in targets[index + 1 :]:
            # Apart by 8 px at least: each grown by 4 px does not touch the other.
            assert not first_rect.adjusted(-4, -4, 4, 4).intersects(
                second_rect.adjusted(-4, -4, 4, 4)
            ), f"{first.objectName()} is too close to {second.objectName()}"


def _fill(qtbot, screen: Screen, name: str) -> None:
    """Everything a customer fills in, with the longest words the screen may show."""
    keypad = _keypad(screen, name)
    tick(qtbot, _consent(screen, name))
    _tap_digits(qtbot, keypad, "3123456789")
    if name == "balance":
        click(qtbot, child(screen, QPushButton, "balanceSendCodeButton"))
        screen.setCodeSent("*** *** 6789")
        _tap_digits(qtbot, keypad, "12345")
        return
    screen.setDetecting()
    screen.setOperator("Movistar", for_line="3123456789", ported=True)
    if name == "topup":
        click(qtbot, child(screen, QLineEdit, "topupAmountInput"))
        _tap_digits(qtbot, keypad, "1500")  # below the minimum: its message shows
    else:
        click(qtbot, child(screen, QLineEdit, "giftSenderLineInput"))
        _tap_digits(qtbot, keypad, "31098")  # unfinished: its message shows on Enter
        screen.go_on()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("name", SCREENS)
def test_nothing_is_cut_off_or_overlapping(
    qtbot, kiosk: MainWindow, name: str, size: tuple[int, int]
):
    screen = _shown(qtbot, kiosk, name, size)
    qtbot.waitUntil(lambda: screen.isPortrait() == (size[1] > size[0]))
    _assert_laid_out(screen)  # before the consent: the hint shows
    keypad = _keypad(screen, name)
    line = _line(screen, name)
    if size[1] > size[0]:  # portrait: one column, the keypad under the line
        assert _rect_in(keypad, screen).top() > _rect_in(line, screen).bottom()
    else:  # landscape: the keypad beside the line
        assert _rect_in(keypad, screen).left() > _rect_in(line, screen).right()
    _fill(qtbot, screen, name)
    # Error messages on the smallest screen may need a scroll; nothing is squeezed or lost.
    _assert_laid_out(screen, may_scroll=size == (1280, 800))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("name", SCREENS)
def test_larger_text_scrolls_rather_than_squeezes(
    qtbot, kiosk: MainWindow, name: str, size: tuple[int, int]
):
    # "Letra grande": the sheet's text sizes scaled, here on this window only.
    kiosk.setStyleSheet(load_stylesheet(LARGE_TEXT_SCALE))
    screen = _shown(qtbot, kiosk, name, size)
    _assert_laid_out(screen, may_scroll=True)
    _fill(qtbot, screen, name)
    _assert_laid_out(screen, may_scroll=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_big_presets_and_tappable_cards(qtbot, kiosk: MainWindow, size: tuple[int, int]):
    screen = _shown(qtbot, kiosk, "topup", size)
    presets = list(screen.presetButtons().values())
    assert all(button.height() >= 64 for button in presets)
    rows = [button.y() for button in presets]
    assert 2 <= max(rows.count(row) for row in rows) <= 3, "two or three presets a row"
    gift = _shown(qtbot, kiosk, "gift_pack", size)
    for card in gift.cards():
        assert card.height() >= 48 and card.width() >= 48


# -- accessible names -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_control_has_an_accessible_name(qtbot, kiosk: MainWindow, language: str):
    speak(language)
    for name in SCREENS:
        screen = _shown(qtbot, kiosk, name)
        for widget in _visible_children(screen):
            if isinstance(widget, QAbstractButton | QLineEdit):
                spoken = widget.accessibleName() or (
                    widget.text() if isinstance(widget, QAbstractButton) else ""
                )
                assert spoken.strip(), f"{widget.objectName()} has no name"
    preset = kiosk.topup.presetButtons()[10_000]
    card = child(kiosk.gift_pack, QAbstractButton, "giftPackCard_20000")
    if language == "es":
        assert preset.accessibleName() == "Recarga de $\N{NO-BREAK SPACE}10.000"
        assert _consent(kiosk.topup, "topup").accessibleName().startswith("Sí, autorizo")
    else:
        assert preset.accessibleName().startswith("Top-up")
    assert card.accessibleName().startswith("Datos 15 días, ")
    assert "20" in card.accessibleName()


# -- the balance shown at the kiosk ---------------------------------------------------------


def test_a_shown_balance_ends_with_a_big_done_button(qtbot, kiosk: MainWindow):
    screen = _shown(qtbot, kiosk, "balance")
    screen.enter()
    done = child(screen, QPushButton, "balanceDoneButton")
    send = child(screen, QPushButton, "balanceSendCodeButton")
    assert not done.isVisibleTo(screen) and not screen.isShowingBalance()
    tick(qtbot, _consent(screen, "balance"))
    _tap_digits(qtbot, _keypad(screen, "balance"), "3123456789")
    click(qtbot, send)
    screen.setCodeSent("*** *** 6789")
    assert send.isVisibleTo(screen) and not screen.isShowingBalance()
    screen.setBalance(28_900, [])
    assert screen.isShowingBalance()
    assert done.isVisibleTo(screen) and done.hasFocus()
    assert done.height() >= 64 and done.text() == "Terminar"
    assert not send.isVisibleTo(screen), "no other code next to a shown balance"
    with qtbot.waitSignal(screen.doneRequested):
        click(qtbot, done)
    screen.reset()
    assert not screen.isShowingBalance() and not done.isVisibleTo(screen)
    assert send.isVisibleTo(screen)
    kiosk.setKioskMode(False)  # the counter: no "Terminar", the other code as before
    screen.setBalance(1_000, [])
    assert not screen.isShowingBalance() and not done.isVisibleTo(screen)


# -- no text wider than its widget ----------------------------------------------------------


def _clipped(screen: Screen) -> list[str]:
    """Every visible button, field and one-line label whose text is wider than it."""
    found: list[str] = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(screen) or widget.isWindow():
            continue
        metrics = widget.fontMetrics()
        if isinstance(widget, QAbstractButton) and widget.text():
            needed = max(metrics.horizontalAdvance(part) for part in widget.text().split("\n"))
            room = widget.width() - 8  # the least of a button's border and padding
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            if widget.textFormat() is Qt.TextFormat.RichText or "<" in widget.text():
                continue
            needed = metrics.horizontalAdvance(widget.text())
            room = widget.contentsRect().width() + 1
        elif isinstance(widget, QLineEdit) and widget.isEnabled():
            text = widget.text() or widget.placeholderText()
            if not text:
                continue
            needed = metrics.horizontalAdvance(text)
            option = QStyleOptionFrame()
            widget.initStyleOption(option)
            contents = widget.style().subElementRect(
                QStyle.SubElement.SE_LineEditContents, option, widget
            )
            room = contents.width() - 4  # QLineEdit's own margins
        else:
            continue
        if needed > room:
            found.append(f"{widget.objectName() or type(widget).__name__}: {needed} > {room}")
    return found


@pytest.mark.parametrize("scale", [1.0, LARGE_TEXT_SCALE], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_no_text_is_wider_than_its_widget(
    qtbot, kiosk: MainWindow, size: tuple[int, int], language: str, scale: float
):
    speak(language)
    apply_text_scale(kiosk, scale)  # "Letra grande" as the kiosk does it
    clipped: list[str] = []
    for name in SCREENS:
        screen = _shown(qtbot, kiosk, name, size)
        _fill(qtbot, screen, name)
        if name == "topup":  # the longest amounts a customer types and picks
            screen.amount_input.setText("100000")
            click(qtbot, screen.presetButtons()[50_000])
        elif name == "gift_pack":
            click(qtbot, screen.cards()[0])
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        clipped += [f"{name} {what}" for what in _clipped(screen)]
        screen.reset()
    assert clipped == [], "\n".join(clipped)


def test_portrait_top_up_keeps_the_line_the_keypad_and_the_presets_together(
    qtbot, kiosk: MainWindow
):
    screen = _shown(qtbot, kiosk, "topup", (1080, 1920))
    qtbot.waitUntil(screen.isPortrait)
    tick(qtbot, _consent(screen, "topup"))
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    line_column = child(screen, QWidget, "topupLineColumn")
    shown = [w for w in line_column.findChildren(QWidget) if w.isVisibleTo(screen)]
    line_bottom = max(_rect_in(widget, screen).bottom() for widget in shown)
    keypad = _rect_in(_keypad(screen, "topup"), screen)
    presets = child(screen, QWidget, "topupPresets")
    caption = child(screen, QLabel, "topupAmountCaption")
    assert keypad.top() - line_bottom <= 48, "no gap between the line and its keypad"
    assert _rect_in(caption, screen).top() - keypad.bottom() <= 48
    assert _rect_in(presets, screen).top() - _rect_in(caption, screen).bottom() <= 24


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_kiosk_consent_shows_no_shortcut_underline(qtbot, window: MainWindow, language: str):
    speak(language)
    box = _consent(window.topup, "topup")
    assert "&" in box.text(), "the counter keeps its Alt shortcut"
    window.setKioskMode(True)
    for name in SCREENS:
        text = _consent(getattr(window, name), name).text()
        assert text and "&" not in text, text
    speak("es" if language == "en" else "en")  # a language change keeps it so
    assert "&" not in box.text()
    window.setKioskMode(False)
    assert "&" in box.text()
    speak("es")


def test_other_amount_waits_for_the_consent_with_the_line(qtbot, kiosk: MainWindow):
    screen = _shown(qtbot, kiosk, "topup")
    screen.enter()
    other = child(screen, QLineEdit, "topupAmountInput")
    assert not other.isEnabled(), "greyed with the line before the consent"
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert not other.hasFocus()
    tick(qtbot, _consent(screen, "topup"))
    assert other.isEnabled()
    tick(qtbot, _consent(screen, "topup"))
    assert not other.isEnabled()
    kiosk.setKioskMode(False)
    assert other.isEnabled(), "the counter takes the amount at any time"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_several_packs_show_at_once_and_only_their_list_scrolls(
    qtbot, kiosk: MainWindow, packs: list[Pack], size: tuple[int, int]
):
    kiosk.gift_pack.setPacks(packs * 2)  # more than fit: the list scrolls
    screen = _shown(qtbot, kiosk, "gift_pack", size)
    tick(qtbot, _consent(screen, "gift_pack"))
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    area = child(screen, QScrollArea, "giftPacksArea")
    viewport = _rect_in(area.viewport(), screen)
    whole = [card for card in screen.cards() if viewport.contains(_rect_in(card, screen))]
    assert len(whole) >= 2, f"{len(whole)} whole pack(s) in view"
    assert all(card.isCompact() for card in screen.cards())
    page = child(screen, QScrollArea, "giftScrollArea")
    assert not page.verticalScrollBar().isVisible(), "only the pack list scrolls"
