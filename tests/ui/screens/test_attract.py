"""The attract screen: the invitation, the store, the three jobs, a touch anywhere but the
kiosk's own controls, both orientations and both languages."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tests.support.widgets import child
from tests.ui.helpers import KIOSK, STORE, assert_all_translated, shown_texts, speak
from ui.main_window import MainWindow, build_main_window
from ui.screens.attract import PULSE_ROLES, AttractScreen

pytestmark = pytest.mark.gui

SIZES = ((1280, 800), (1920, 1080), (1080, 1920))


@pytest.fixture
def kiosk(qtbot: Any, styled_app: Any) -> MainWindow:
    main = build_main_window(sandbox=False, store_name=STORE, kiosk_name=KIOSK)
    qtbot.addWidget(main)
    main.setKioskMode(True)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    main.show_attract()
    return main


def controls(parent: QWidget) -> QWidget:
    """Two buttons side by side with room between them, as the language switch is."""
    box = QWidget(parent)
    box.setObjectName("testControls")
    row = QHBoxLayout(box)
    row.setSpacing(40)
    for name in ("testEs", "testEn"):
        button = QPushButton(name, box)
        button.setObjectName(name)
        button.setMinimumSize(120, 56)
        row.addWidget(button)
    return box


def test_invites_a_touch_and_names_the_store_and_the_jobs(kiosk: MainWindow) -> None:
    screen = kiosk.attract
    screen.setStore(STORE)
    assert kiosk.currentScreen() is screen
    assert child(screen, QLabel, "attractTitle").text() == "Toque la pantalla para empezar"
    assert screen.invitation() == screen.accessibleName() == "Toque la pantalla para empezar"
    assert child(screen, QLabel, "attractStoreName").text() == screen.storeName() == STORE
    # The start screen's words, not a copy of them.
    assert [job.title() for job in screen.jobs()] == [
        button.title() for button in kiosk.start.job_buttons
    ]
    assert [job.explanation() for job in screen.jobs()] == [
        button.explanation() for button in kiosk.start.job_buttons
    ]
    topup = child(screen, QWidget, "attractJob_topup")
    assert topup.accessibleName() == "Recarga"
    assert topup.accessibleDescription() == "Saldo para una línea prepago."
    assert not screen.back_button.isVisible()
    screen.setStore("")
    assert not child(screen, QLabel, "attractStoreName").isVisible()


@pytest.mark.parametrize("name", ["attractTitle", "attractHint", None])
def test_a_touch_anywhere_emits_touched(qtbot: Any, kiosk: MainWindow, name: str | None) -> None:
    screen = kiosk.attract
    target = screen if name is None else child(screen, QWidget, name)
    # The screen itself: near its bottom edge (its middle is a job's card).
    where = QPoint(screen.width() // 2, screen.height() - 8) if name is None else None
    with qtbot.assertNotEmitted(screen.jobChosen), qtbot.waitSignal(screen.touched, timeout=1000):
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=where or target.rect().center())


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("job", ["topup", "giftPack", "balance"])
@pytest.mark.parametrize("part", ["", "Title", "Explanation"])
def test_a_tap_on_a_job_card_chooses_that_job(
    qtbot: Any, kiosk: MainWindow, job: str, part: str, size: tuple[int, int]
) -> None:
    kiosk.resize(*size)
    qtbot.waitUntil(lambda: kiosk.size().width() == size[0])
    screen = kiosk.attract
    target = child(screen, QWidget, f"attractJob_{job}{part}")
    with (
        qtbot.assertNotEmitted(screen.touched),
        qtbot.waitSignal(screen.jobChosen, timeout=1000) as chosen,
    ):
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())
    assert chosen.args == [job]


def test_the_kiosk_controls_sit_top_right_and_their_taps_are_their_own(
    qtbot: Any, kiosk: MainWindow
) -> None:
    screen = kiosk.attract
    box = controls(screen)
    screen.setKioskControls(box)
    screen.setKioskControls(box)  # the same widget again: nothing changes
    assert screen.kioskControls() is box
    qtbot.waitUntil(box.isVisible)
    top_left = box.mapTo(screen, QPoint(0, 0))
    assert top_left.y() < screen.height() // 4
    assert top_left.x() + box.width() > screen.width() * 3 // 4
    touched: list[bool] = []
    screen.touched.connect(lambda: touched.append(True))
    button = child(box, QPushButton, "testEs")
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # Between the two buttons: the controls' own room, still not a "start".
    gap = child(box, QPushButton, "testEn").geometry().left() - 10
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(gap, box.height() // 2))
    assert clicked == [True] and touched == []

    other = controls(screen)
    screen.setKioskControls(other)
    assert screen.kioskControls() is other and not box.isVisible()


def test_enter_starts_too(qtbot: Any, kiosk: MainWindow) -> None:
    screen = kiosk.attract
    with qtbot.waitSignal(screen.touched, timeout=1000):
        qtbot.keyClick(screen, Qt.Key.Key_Return)


def test_the_hint_pulses_only_while_shown(qtbot: Any, kiosk: MainWindow) -> None:
    screen = kiosk.attract
    hint = child(screen, QLabel, "attractHint")
    assert screen.isPulsing()
    first = hint.property("role")
    qtbot.waitUntil(lambda: hint.property("role") != first, timeout=3000)
    assert hint.property("role") in PULSE_ROLES
    kiosk.show_start()
    assert not screen.isPulsing()
    assert hint.property("role") == PULSE_ROLES[0]
    kiosk.show_attract()
    assert screen.isPulsing()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_jobs_side_by_side_in_landscape_one_under_another_in_portrait(
    qtbot: Any, kiosk: MainWindow, width: int, height: int
) -> None:
    screen = kiosk.attract
    screen.setStore(STORE)
    screen.setKioskControls(controls(screen))
    kiosk.resize(width, height)
    jobs = screen.jobs()

    def laid_out() -> None:
        assert screen.isPortrait() == (height > width)
        tops = [job.mapTo(screen, QPoint(0, 0)) for job in jobs]
        if height > width:
            assert tops[0].y() < tops[1].y() < tops[2].y()
        else:
            assert tops[0].y() == tops[1].y() == tops[2].y()
            assert tops[0].x() < tops[1].x() < tops[2].x()
        # Nothing cut off: every part inside the screen as tall as it needs, none over another.
        parts = [
            child(screen, QWidget, name)
            for name in ("attractControls", "attractStoreName", "attractTitle", "attractHint")
        ] + jobs
        rects = [
            part.geometry().translated(part.parentWidget().mapTo(screen, QPoint(0, 0)))
            for part in parts
        ]
        for part, rect in zip(parts, rects, strict=True):
            assert screen.rect().contains(rect), part.objectName()
            needed = (
                part.heightForWidth(rect.width())
                if part.hasHeightForWidth()
                else part.minimumSizeHint().height()
            )
            assert rect.height() >= needed, part.objectName()
        for index, rect in enumerate(rects):
            for other in rects[index + 1 :]:
                assert not rect.intersects(other)

    # A turn of the screen takes a layout pass or two (the jobs' box grows in portrait).
    qtbot.waitUntil(laid_out, timeout=3000)


def test_speaks_english_and_back(qtbot: Any, kiosk: MainWindow) -> None:
    screen: AttractScreen = kiosk.attract
    screen.setStore(STORE)
    spanish = shown_texts(screen)
    speak("en")
    assert_all_translated(spanish, shown_texts(screen), data=[STORE])
    assert screen.invitation() == "Touch the screen to start"
    assert screen.accessibleName() == "Touch the screen to start"
    assert [job.title() for job in screen.jobs()] == ["Top-up", "Gift pack", "Balance check"]
    assert screen.storeName() == STORE  # data, as given
    speak("es")
    assert shown_texts(screen) == spanish
