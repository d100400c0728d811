"""The kiosk's look: its stylesheet rules (kiosk mode only), the larger-text scale, the
contrast of its colours, and the language and text-size switches of the attract and
start screens, as the kiosk wires them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.controllers.language import current_language, set_language
from tests.e2e import conftest as e2e
from tests.e2e.helpers import WAIT_MS, AppRunner
from tests.support.widgets import child
from tests.ui.helpers import KIOSK, STORE, assert_all_translated, shown_texts
from ui.main_window import MainWindow, build_main_window
from ui.style import (
    apply_style,
    apply_text_scale,
    load_stylesheet,
    repolish,
    scale_font_sizes,
)
from ui.widgets.language_switch import LanguageSwitch, TextSizeSwitch

pytestmark = pytest.mark.gui

KIOSK_RULES = 'QMainWindow[kiosk="true"]'

# The whole-app tests' fixtures: the app on a sandbox of this test's own.
app_config, runner, sandbox_timing = e2e.app_config, e2e.runner, e2e.sandbox_timing


@pytest.fixture(autouse=True)
def spanish_and_normal_text(qapp: QApplication) -> Iterator[None]:
    """Every test ends in Spanish, with the stylesheet at its designed size."""
    yield
    if current_language() != "es":
        set_language("es")
        QApplication.processEvents()
    if qapp.styleSheet() and qapp.styleSheet() != load_stylesheet():
        apply_style(qapp)


@pytest.fixture
def kiosk_window(qtbot, styled_app: QApplication) -> MainWindow:
    """The main window as kiosk mode builds it (before it is shown), shown at 1280x800."""
    main = build_main_window(sandbox=True, store_name=STORE, kiosk_name=KIOSK)
    qtbot.addWidget(main)
    main.setCounterMode(False)
    main.setKioskMode(True)
    # What the kiosk's wiring does (ui/kiosk/look.py): the kiosk's rules after a re-polish.
    repolish(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


def indicator_side(box: QCheckBox) -> int:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).width()


# -- the rules --------------------------------------------------------------------------------


def test_the_kiosk_rules_apply_in_kiosk_mode_only(qtbot, window: MainWindow, kiosk_window):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    for main in (window, kiosk_window):
        main.show_topup()
    QApplication.processEvents()

    def sizes(main: MainWindow) -> dict[str, int]:
        start, topup = main.start, main.topup
        return {
            "title": child(start, QLabel, "startTitle").font().pixelSize(),
            "jobTitle": child(start, QLabel, "startTopupButtonTitle").font().pixelSize(),
            "button": child(topup, QPushButton, "topupBackButton").font().pixelSize(),
            "buttonHeight": child(topup, QPushButton, "topupBackButton").height(),
            "body": child(topup, QLabel, "topupSubtitle").font().pixelSize(),
            "indicator": indicator_side(topup.findChildren(QCheckBox)[0]),
        }

    counter, kiosk = sizes(window), sizes(kiosk_window)
    # The counter's look is as it was.
    assert counter == {
        "title": 30,
        "jobTitle": 28,
        "button": 19,
        "buttonHeight": counter["buttonHeight"],
        "body": 18,
        "indicator": 28,
    }
    # The kiosk's: readable from a metre, big touch targets.
    assert kiosk["title"] >= 36 and kiosk["jobTitle"] >= 36
    assert kiosk["button"] > counter["button"] and kiosk["body"] >= 22
    assert kiosk["buttonHeight"] >= 56
    assert kiosk["indicator"] >= 40
    assert child(kiosk_window.start, QPushButton, "startTopupButton").height() >= 200


def test_the_kiosk_keypad_keys_are_big_with_a_pressed_look(kiosk_window: MainWindow):
    kiosk_window.show_topup()
    key = child(kiosk_window.topup, QPushButton, "topupKey5")
    assert key.font().pixelSize() >= 28
    assert key.height() >= 56 and key.width() >= 56
    assert key.font().bold()


def test_larger_text_scales_every_font_size():
    normal = load_stylesheet()
    large = load_stylesheet(1.25)
    sizes = [int(n) for n in re.findall(r"font-size:\s*(\d+)px", normal)]
    assert sizes, "the stylesheet has text sizes"
    assert [int(n) for n in re.findall(r"font-size:\s*(\d+)px", large)] == [
        round(n * 1.25) for n in sizes
    ]
    # Nothing else changes.
    assert re.sub(r"font-size:\s*\d+px", "", large) == re.sub(r"font-size:\s*\d+px", "", normal)
    assert scale_font_sizes("a { font-size: 22px; }", 1.25) == "a { font-size: 28px; }"
    with pytest.raises(ValueError):
        scale_font_sizes(normal, 0)


def test_apply_style_scaled_makes_the_kiosk_title_bigger(styled_app, kiosk_window: MainWindow):
    title = child(kiosk_window.start, QLabel, "startTitle")
    normal = title.font().pixelSize()
    apply_style(styled_app, scale=1.25)
    assert title.font().pixelSize() == round(normal * 1.25)
    apply_style(styled_app)
    assert title.font().pixelSize() == normal


def test_the_windows_text_scale_gives_the_fonts_of_the_whole_sheet_scaled(
    styled_app, kiosk_window: MainWindow
):
    def fonts() -> dict[int, int]:
        QApplication.processEvents()
        return {id(w): w.font().pixelSize() for w in kiosk_window.findChildren(QWidget)}

    normal = fonts()
    apply_text_scale(kiosk_window, 1.25)
    by_window = fonts()
    apply_text_scale(kiosk_window, 1.0)
    assert kiosk_window.styleSheet() == ""
    assert fonts() == normal
    apply_style(styled_app, scale=1.25)
    by_app = fonts()
    assert by_window == by_app
    changed = [key for key, size in normal.items() if by_app[key] != size]
    assert len(changed) > len(normal) / 2, "most texts grow"


# -- the colours ------------------------------------------------------------------------------


def declarations(qss: str, selector: str) -> dict[str, str]:
    """The declarations of every rule whose selector list holds ``selector``, in order."""
    found: dict[str, str] = {}
    wanted = " ".join(selector.split())
    for selectors, body in re.findall(
        r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    ):
        if wanted not in [" ".join(part.split()) for part in selectors.split(",")]:
            continue
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                found[name.strip()] = value.strip()
    return found


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def kiosk(selector: str) -> str:
    return f"{KIOSK_RULES} {selector}"


#: (what, selector of the text colour, selector of the background behind it).
TEXT_ON_BACKGROUND = [
    ("body text on the page", kiosk("QWidget"), KIOSK_RULES),
    ("title on the page", kiosk('QLabel[role="title"]'), KIOSK_RULES),
    ("attract title on the page", kiosk("QLabel#attractTitle"), KIOSK_RULES),
    ("subtitle on the page", kiosk('QLabel[role="subtitle"]'), KIOSK_RULES),
    ("error on the page", kiosk('QLabel[role="error"]'), KIOSK_RULES),
    ("ok on the page", kiosk('QLabel[role="ok"]'), KIOSK_RULES),
    ("warning on the page", kiosk('QLabel[role="warning"]'), KIOSK_RULES),
    ("countdown on the page", kiosk('QLabel[role="countdown"]'), KIOSK_RULES),
    ("status", kiosk('QLabel[role="status"]'), kiosk('QLabel[role="status"]')),
    ("button", kiosk("QPushButton"), kiosk("QPushButton")),
    ("button under the finger", kiosk("QPushButton:hover"), kiosk("QPushButton:hover")),
    ("button pressed", kiosk("QPushButton:pressed"), kiosk("QPushButton:pressed")),
    ("button checked", kiosk("QPushButton:checked"), kiosk("QPushButton:checked")),
    ("button disabled", kiosk("QPushButton:disabled"), kiosk("QPushButton:disabled")),
    ("primary button", kiosk('QPushButton[role="primary"]'), kiosk('QPushButton[role="primary"]')),
    ("job title on its tile", kiosk('QLabel[role="jobTitle"]'), kiosk('QPushButton[role="job"]')),
    (
        "job explanation on its tile",
        kiosk('QLabel[role="jobExplanation"]'),
        kiosk('QPushButton[role="job"]'),
    ),
    ("keypad key", kiosk('QPushButton[role="keypadKey"]'), kiosk('QPushButton[role="keypadKey"]')),
    (
        "keypad key pressed",
        kiosk('QPushButton[role="keypadKey"]:pressed'),
        kiosk('QPushButton[role="keypadKey"]:pressed'),
    ),
    (
        "keyboard key checked (Mayús)",
        kiosk('QPushButton[role="keyboardKey"]:checked'),
        kiosk('QPushButton[role="keyboardKey"]:checked'),
    ),
    (
        "keyboard's Listo",
        kiosk('QPushButton[role="keyboardDone"]'),
        kiosk('QPushButton[role="keyboardDone"]'),
    ),
    (
        "attract hint lit",
        kiosk('QLabel[role="attractPulseOn"]'),
        kiosk('QLabel[role="attractPulseOn"]'),
    ),
    ("attract hint unlit", kiosk('QLabel[role="attractPulseOff"]'), KIOSK_RULES),
    ("attract job card", kiosk('QLabel[role="jobTitle"]'), kiosk('QFrame[role="attractJob"]')),
    (
        "idle countdown on its card",
        kiosk("QLabel#idleWarningCountdown"),
        kiosk("QFrame#idleWarningCard"),
    ),
    ("consent notice", kiosk("QFrame#topupConsentBox QLabel"), kiosk("QFrame#topupConsentBox")),
    ("field", kiosk("QLineEdit"), kiosk("QLineEdit")),
    ("field typed in", kiosk("QLineEdit"), kiosk("QLineEdit:focus")),
    ("field disabled", kiosk("QLineEdit:disabled"), kiosk("QLineEdit:disabled")),
    (
        "pack price on a card",
        kiosk('QLabel[role="cardPrice"]'),
        kiosk('QAbstractButton[role="cardSelected"]'),
    ),
    ("result reference", kiosk("QLabel#resultReferenceBig"), kiosk("QLabel#resultReferenceBig")),
]


@pytest.mark.parametrize(("what", "text", "background"), TEXT_ON_BACKGROUND, ids=lambda v: v)
def test_kiosk_text_has_at_least_4_5_to_1_contrast(what: str, text: str, background: str):
    qss = load_stylesheet()
    body = declarations(qss, kiosk("QWidget"))
    assert declarations(qss, text) and declarations(qss, background), f"{what}: no such rule"
    colour = declarations(qss, text).get("color") or body["color"]
    behind = (
        declarations(qss, background).get("background")
        or declarations(qss, KIOSK_RULES)["background"]
    )
    assert re.fullmatch(r"#[0-9a-f]{6}", colour) and re.fullmatch(r"#[0-9a-f]{6}", behind), what
    assert contrast(colour, behind) >= 4.5, f"{what}: {colour} on {behind}"


# -- the switches -----------------------------------------------------------------------------


def test_the_switches_name_each_language_in_its_own_words(qtbot, styled_app):
    languages = LanguageSwitch("test")
    size = TextSizeSwitch("test")
    qtbot.addWidget(languages)
    qtbot.addWidget(size)
    es, en = (child(languages, QPushButton, f"testLanguage{n}") for n in ("Es", "En"))
    larger = child(size, QPushButton, "testLargerText")
    assert (es.text(), en.text()) == ("Español", "English")
    assert es.isChecked() and not en.isChecked()
    assert (es.accessibleName(), en.accessibleName()) == ("Cambiar a español", "Cambiar a inglés")
    assert larger.text() == "Letra grande" and not larger.isChecked()

    set_language("en")
    QApplication.processEvents()
    assert (es.text(), en.text()) == ("Español", "English")
    assert en.isChecked() and not es.isChecked()
    assert (es.accessibleName(), en.accessibleName()) == ("Switch to Spanish", "Switch to English")
    assert larger.text() == "Larger text"

    with qtbot.waitSignal(languages.languageChosen) as chosen:
        es.click()
    assert chosen.args == ["es"]
    with qtbot.waitSignal(size.toggled) as toggled:
        larger.click()
    assert toggled.args == [True]
    size.setLarge(False)
    assert not size.isLarge()


def test_a_tap_on_english_changes_every_word_at_once_and_the_reset_brings_spanish_back(
    qtbot, runner: AppRunner
):
    ctx = runner.start(mode="kiosk")
    window, look = ctx.window, ctx.wiring.kiosk.look
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.currentScreen() is window.attract)
    spanish_start = shown_texts(window.start)

    english = child(window.attract, QPushButton, "attractLanguageEn")
    qtbot.mouseClick(english, Qt.MouseButton.LeftButton)
    # At once: no turn of the event loop in between.
    assert current_language() == "en"
    assert child(window.start, QLabel, "startTitle").text() == "What would you like to do?"
    # The languages' own names are the same in every language.
    assert_all_translated(spanish_start, shown_texts(window.start), data=("Español", "English"))
    for prefix in ("attract", "start"):
        assert child(window, QPushButton, f"{prefix}LanguageEn").isChecked()
        assert not child(window, QPushButton, f"{prefix}LanguageEs").isChecked()

    window.show_start()
    titles = [button.title() for button in window.start.job_buttons]
    assert titles == ["Top-up", "Gift pack", "Balance check"]
    for name in ("startLanguageEs", "startLanguageEn", "startLargerText"):
        assert child(window.start, QPushButton, name).height() >= 56, name

    look.restore_defaults()
    assert current_language() == look.store_language() == "es"
    assert shown_texts(window.start) == spanish_start
    assert child(window.start, QPushButton, "startLanguageEs").isChecked()


def test_larger_text_makes_the_start_title_bigger_and_the_reset_normal(qtbot, runner: AppRunner):
    ctx = runner.start(mode="kiosk")
    window, look = ctx.window, ctx.wiring.kiosk.look
    window.resize(1280, 800)
    window.show_start()
    title = child(window.start, QLabel, "startTitle")
    normal = title.font().pixelSize()
    assert normal >= 36

    child(window.start, QPushButton, "startLargerText").click()
    assert look.isLargeText()
    assert title.font().pixelSize() == round(normal * 1.25)
    for prefix in ("attract", "start"):
        assert child(window, QPushButton, f"{prefix}LargerText").isChecked()
    QApplication.processEvents()
    for name in ("startLanguageEs", "startLanguageEn", "startLargerText"):
        button = child(window.start, QPushButton, name)
        words = button.fontMetrics().horizontalAdvance(button.text())
        assert words < button.width() and button.height() >= 56, name

    look.restore_defaults()
    assert not look.isLargeText()
    assert title.font().pixelSize() == normal
    assert not child(window.start, QPushButton, "startLargerText").isChecked()
    assert not child(window.attract, QPushButton, "attractLargerText").isChecked()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1920, 1080), (1080, 1920)])
def test_the_kiosk_jobs_are_big_tiles_side_by_side_or_stacked(
    qtbot, kiosk_window: MainWindow, width: int, height: int
):
    kiosk_window.resize(width, height)
    screen = kiosk_window.show_start()
    qtbot.waitUntil(lambda: screen.width() == kiosk_window.centralWidget().width())
    QApplication.processEvents()
    tiles = [button.geometry() for button in screen.job_buttons]
    if height > width:
        assert len({tile.x() for tile in tiles}) == 1, "stacked"
        assert all(a.bottom() + 8 <= b.top() for a, b in pairwise(tiles))
        assert min(tile.height() for tile in tiles) >= 300
    else:
        assert len({tile.y() for tile in tiles}) == 1, "side by side"
        assert all(a.right() + 8 <= b.left() for a, b in pairwise(tiles))
        assert min(tile.height() for tile in tiles) >= 260
    content = screen.content().rect()
    assert all(content.contains(tile) for tile in tiles), "nothing cut off"
    for button in screen.job_buttons:
        assert not child(button, QLabel, f"{button.objectName()}Key").isVisible()
        title = child(button, QLabel, f"{button.objectName()}Title")
        assert title.width() <= button.width()


def test_the_stores_language_saved_in_the_settings_is_the_one_the_reset_goes_back_to(
    qtbot, runner: AppRunner
):
    ctx = runner.start(mode="kiosk")
    look, settings = ctx.wiring.kiosk.look, ctx.controllers.settings
    assert look.store_language() == "es"
    with qtbot.waitSignal(settings.applied, timeout=WAIT_MS):
        settings.save({"ui.language": "en"})
    assert look.store_language() == "en"
    # The save switched the language itself: the switches say so.
    assert child(ctx.window.attract, QPushButton, "attractLanguageEn").isChecked()

    look.choose_language("es")
    assert child(ctx.window.start, QLabel, "startTitle").text() == "¿Qué desea hacer?"
    look.restore_defaults()
    assert current_language() == "en"
    assert child(ctx.window.start, QLabel, "startTitle").text() == "What would you like to do?"
    assert child(ctx.window.start, QPushButton, "startLanguageEn").isChecked()
