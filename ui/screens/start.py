"""The start screen: the three jobs as big buttons (at the kiosk: big tiles, and the
language and text-size switches top right)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import translate
from ui.screens.base import Screen
from ui.widgets.message_label import set_role

#: A job's button at the kiosk: a tile at least this tall (landscape, portrait).
KIOSK_TILE_HEIGHT = {False: 260, True: 300}
#: Room between the kiosk's tiles (a finger's gap, and calm).
KIOSK_TILE_SPACING = 24

#: (object name, shortcut) of each job, in the order shown.
JOBS = (
    ("startTopupButton", "F1"),
    ("startGiftPackButton", "F2"),
    ("startBalanceButton", "F3"),
)


def job_words(object_name: str) -> tuple[str, str]:
    """(title, one-line explanation) of a job's button, in the current language."""
    if object_name == "startTopupButton":
        return (
            translate("StartScreen", "Recarga"),
            translate("StartScreen", "Saldo para una línea prepago."),
        )
    if object_name == "startGiftPackButton":
        return (
            translate("StartScreen", "Paquete de regalo"),
            translate(
                "StartScreen", "Datos y minutos para otra persona; le llega un mensaje de texto."
            ),
        )
    return (
        translate("StartScreen", "Consulta de saldo"),
        translate("StartScreen", "El saldo y los paquetes de su línea, con un código por SMS."),
    )


class JobWords(QWidget):
    """A job's title and its one-line explanation (:func:`job_words` of ``job_name``, a
    start button's object name), following the language; clicks go through them to the
    widget they sit on (``owner``, whose accessible name and description they set).

    Object names ``<prefix>Title``, ``<prefix>Explanation``. Used by :class:`JobButton`
    and the attract screen's job cards.
    """

    def __init__(self, job_name: str, prefix: str, owner: QWidget) -> None:
        super().__init__(owner)
        self._job_name = job_name
        self._owner = owner
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title_label = QLabel(self)
        self.title_label.setObjectName(f"{prefix}Title")
        set_role(self.title_label, "jobTitle")
        self.explanation_label = QLabel(self)
        self.explanation_label.setObjectName(f"{prefix}Explanation")
        self.explanation_label.setWordWrap(True)
        set_role(self.explanation_label, "jobExplanation")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        for label in (self.title_label, self.explanation_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self._layout.addWidget(label)
        self.retranslate()

    def setSpacing(self, spacing: int) -> None:
        self._layout.setSpacing(spacing)

    def setCentred(self, centred: bool) -> None:
        """Centred with the title wrapped (a tile), or left-aligned on one line."""
        alignment = Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft
        for label in (self.title_label, self.explanation_label):
            label.setAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
        self.title_label.setWordWrap(centred)

    def retranslate(self) -> None:
        title, explanation = job_words(self._job_name)
        self.title_label.setText(title)
        self.explanation_label.setText(explanation)
        self._owner.setAccessibleName(title)
        self._owner.setAccessibleDescription(explanation)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def title(self) -> str:
        return self.title_label.text()

    def explanation(self) -> str:
        return self.explanation_label.text()


class JobButton(QPushButton):
    """A big button with a title, a one-line explanation (:class:`JobWords`) and (counter
    mode) its shortcut key.

    Its words come from :func:`job_words` by its object name and follow the language.
    """

    def __init__(self, object_name: str, key: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAutoDefault(True)
        set_role(self, "job")
        self.setMinimumHeight(112)
        self.words = JobWords(object_name, object_name, self)
        self._key = QLabel(key, self)
        self._key.setObjectName(f"{object_name}Key")
        set_role(self._key, "keyHint")
        self._key.hide()
        # The key is decoration: clicks go to the button.
        self._key.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(4)
        # Room above and below the words: none on a counter, the rest of a kiosk's tile.
        self._room = (QSpacerItem(0, 0), QSpacerItem(0, 0))
        layout.addItem(self._room[0])
        layout.addWidget(self.words)
        layout.addItem(self._room[1])
        self._layout = layout

    def setTile(self, tile: bool, height: int = 0) -> None:
        """The kiosk's look: a tall tile, its words centred and wrapped (``height``: its
        minimum); else the counter's wide button."""
        self._layout.setContentsMargins(*((24, 24, 24, 24) if tile else (24, 12, 24, 12)))
        self._layout.setSpacing(16 if tile else 4)
        self.words.setSpacing(16 if tile else 4)
        self.words.setCentred(tile)
        room = QSizePolicy.Policy.Expanding if tile else QSizePolicy.Policy.Fixed
        for spacer in self._room:
            spacer.changeSize(0, 0, QSizePolicy.Policy.Minimum, room)
        self._layout.invalidate()
        self.setMinimumHeight(height if tile else 112)
        vertical = QSizePolicy.Policy.Expanding if tile else QSizePolicy.Policy.Preferred
        self.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)

    def retranslate(self) -> None:
        self.words.retranslate()

    def title(self) -> str:
        return self.words.title()

    def explanation(self) -> str:
        return self.words.explanation()

    def setKeyVisible(self, visible: bool) -> None:
        self._key.setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        hint = self._key.sizeHint()
        self._key.setGeometry(self.width() - hint.width() - 16, 12, hint.width(), hint.height())


class StartScreen(Screen):
    """The three jobs.

    Signals: ``topupChosen()``, ``giftPackChosen()``, ``balanceChosen()``
    (also by F1, F2, F3 while this screen is shown). ``back`` is never emitted here.
    Slots: ``setCounterMode(bool)`` shows the keys on the buttons; ``setGreeting(text)``
    (the caller's words in place of the title; ``""`` gives the screen's own back);
    ``setKioskMode(bool)``: the jobs as big tiles (side by side in landscape, stacked in
    portrait), no keys (F1–F3 off); ``setKioskControls(widget)``: the kiosk's language
    and text-size switches, top right (one widget; a second call replaces the first), or
    on their own row above the title in portrait or when the row does not fit
    (``isHeaderStacked()``); the kiosk's title wraps. At the kiosk ``enter()`` focuses the
    screen itself, no tile (a touch screen: nothing looks chosen already).
    Object names: ``startScreen``, ``startTopupButton``, ``startGiftPackButton``,
    ``startBalanceButton`` (``…Title``, ``…Explanation``, ``…Key``), ``startHeader``,
    ``startJobs``.
    """

    topupChosen = Signal()
    giftPackChosen = Signal()
    balanceChosen = Signal()

    prefix = "start"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._greeting = ""
        # The start screen is where "back" ends: no button for it.
        self.back_button.hide()
        self._kiosk_controls: QWidget | None = None
        self._header = self._take_title_into_header()
        signals = (self.topupChosen, self.giftPackChosen, self.balanceChosen)
        self.job_buttons: list[JobButton] = []
        self._shortcuts: list[QShortcut] = []
        #: The jobs: stacked (counter, kiosk portrait) or side by side (kiosk landscape).
        self.jobs = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.jobs.setObjectName("startJobs")
        self.jobs.setSpacing(12)
        for (name, key), signal in zip(JOBS, signals, strict=True):
            button = JobButton(name, key, self.content())
            button.clicked.connect(signal)
            self.jobs.addWidget(button)
            self.job_buttons.append(button)
            # Window-wide, but Qt only fires shortcuts of visible widgets: start screen only.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(signal)
            self._shortcuts.append(shortcut)
        self.body.addLayout(self.jobs)  # index 0 of the body
        self.body.addStretch(1)  # index 1
        self.retranslate()

    def _take_title_into_header(self) -> QBoxLayout:
        """The title in a row of its own, with room on its right for the kiosk's switches
        (or the switches on a row above it: :meth:`_fit_header`)."""
        outer = self.content().layout()
        assert isinstance(outer, QVBoxLayout)
        index = outer.indexOf(self._title)
        outer.removeWidget(self._title)
        header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        header.setObjectName("startHeader")
        header.setSpacing(16)
        header.addWidget(self._title, 1)
        outer.insertLayout(index, header)
        self.content().installEventFilter(self)
        return header

    def isHeaderStacked(self) -> bool:
        """The kiosk's switches on a row of their own above the title."""
        return self._header.direction() == QBoxLayout.Direction.BottomToTop

    def _fit_header(self) -> None:
        """Kiosk: the switches beside the title when both fit on one row in landscape, else
        on their own row above it; the title wraps rather than being cut."""
        controls = self._kiosk_controls
        kiosk = self.isKioskMode() and controls is not None
        self._title.setWordWrap(kiosk)
        stacked = False
        if kiosk and controls is not None:
            margins = self.content().contentsMargins()
            room = self.content().width() - margins.left() - margins.right()
            title = self._title.fontMetrics().horizontalAdvance(self._title.text()) + 8
            needed = title + self._header.spacing() + controls.sizeHint().width()
            stacked = self.isPortrait() or needed > room
        direction = (
            QBoxLayout.Direction.BottomToTop if stacked else QBoxLayout.Direction.LeftToRight
        )
        if self._header.direction() != direction:
            self._header.setDirection(direction)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ):
            self._fit_header()
        return super().eventFilter(watched, event)

    def setKioskControls(self, widget: QWidget) -> None:
        """``widget`` (the language and text-size switches) top right, at the kiosk."""
        if widget is self._kiosk_controls:
            return
        if self._kiosk_controls is not None:
            self._header.removeWidget(self._kiosk_controls)
            self._kiosk_controls.hide()
            self._kiosk_controls.deleteLater()
        self._kiosk_controls = widget
        widget.setParent(self.content())
        self._header.addWidget(widget, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        widget.setVisible(self.isKioskMode())
        self._fit_header()

    def kioskControls(self) -> QWidget | None:
        return self._kiosk_controls

    def setKioskMode(self, kiosk: bool) -> None:
        super().setKioskMode(kiosk)
        for shortcut in self._shortcuts:
            # A kiosk has no keyboard to press F1 on; a stray key does nothing.
            shortcut.setEnabled(not kiosk)
        if self._kiosk_controls is not None:
            self._kiosk_controls.setVisible(kiosk)
        self._lay_out_jobs()
        self._fit_header()

    def _apply_orientation(self, portrait: bool) -> None:
        self._lay_out_jobs()
        self._fit_header()

    def _lay_out_jobs(self) -> None:
        """Counter: wide buttons stacked. Kiosk: tiles side by side (landscape) or
        stacked (portrait)."""
        kiosk, portrait = self.isKioskMode(), self.isPortrait()
        if kiosk and not portrait:
            self.jobs.setDirection(QBoxLayout.Direction.LeftToRight)
        else:
            self.jobs.setDirection(QBoxLayout.Direction.TopToBottom)
        self.jobs.setSpacing(KIOSK_TILE_SPACING if kiosk else 12)
        # The tiles take the room below the title; the counter's buttons keep their height.
        self.body.setStretch(0, 1 if kiosk else 0)
        self.body.setStretch(1, 0 if kiosk else 1)
        for button in self.job_buttons:
            button.setTile(kiosk, KIOSK_TILE_HEIGHT[portrait])

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self._greeting or translate("StartScreen", "¿Qué desea hacer?"))
        self.setSubtitle(translate("StartScreen", "Elija una opción."))
        if hasattr(self, "_header"):
            self._fit_header()

    def setGreeting(self, text: str) -> None:
        self._greeting = text
        self.setTitle(text or translate("StartScreen", "¿Qué desea hacer?"))
        self._fit_header()

    def setCounterMode(self, counter: bool) -> None:
        super().setCounterMode(counter)
        for button in self.job_buttons:
            button.setKeyVisible(counter)

    def enter(self) -> None:
        if self.isKioskMode():
            # A touch screen: no tile wears the focus frame as if chosen already.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.job_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        """Nothing before the start screen."""
