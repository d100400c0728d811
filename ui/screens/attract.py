"""The kiosk's attract screen: an invitation to touch, shown while nobody uses the kiosk."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.controllers.language import translate
from ui.screens.base import Screen
from ui.screens.start import JOBS, JobWords
from ui.widgets.message_label import set_role

#: How often the hint under the invitation changes its look (a slow, cheap pulse).
PULSE_MS = 1400
#: The hint's two looks (``QLabel[role="attractPulseOn"]`` / ``"attractPulseOff"`` in the QSS).
PULSE_ROLES = ("attractPulseOn", "attractPulseOff")


def _decoration(widget: QWidget) -> QWidget:
    """Clicks go through ``widget`` to the screen (a tap anywhere starts)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


class AttractJob(QFrame):
    """One job in a few words: its title and its one-line explanation (the start screen's
    :class:`~ui.screens.start.JobWords`). A tap on it opens that job
    (``AttractScreen.jobChosen``). Object names ``attractJob_<job>``,
    ``attractJob_<job>Title``, ``attractJob_<job>Explanation`` where ``<job>`` is ``topup``,
    ``giftPack`` or ``balance``."""

    def __init__(self, job: str, start_button: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.job = job
        self.setObjectName(f"attractJob_{job}")
        set_role(self, "attractJob")
        _decoration(self)
        self.words = JobWords(start_button, f"attractJob_{job}", self)
        self.words.setSpacing(8)
        self.words.title_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(self.words)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.words.retranslate()

    def title(self) -> str:
        return self.words.title()

    def explanation(self) -> str:
        return self.words.explanation()


#: (job, the start screen's button whose words it shows), in the start screen's order.
_JOBS = tuple(
    (job, name) for job, (name, _key) in zip(("topup", "giftPack", "balance"), JOBS, strict=True)
)


class AttractScreen(Screen):
    """ "Toque la pantalla para empezar": any touch outside its own controls emits ``touched``.

    Shows the store's name, the big invitation, the three jobs in a few words each (the
    start screen's words), and a hint that pulses slowly while the screen is shown (a
    role change every :data:`PULSE_MS`; no timer runs while it is hidden).

    Signal ``touched()``: a press released anywhere on the screen (its labels let clicks
    through), except on the kiosk controls and the job cards; Enter too.
    Signal ``jobChosen(str)``: a press released on a job's card (``"topup"``,
    ``"giftPack"`` or ``"balance"``): that job at once, not the start screen.
    Slots: ``setStore(name)`` (data, shown as given), ``setKioskControls(widget)`` (one
    widget placed top right, e.g. the language and larger-text switches; a second call
    replaces the first, which is hidden).
    Queries: ``storeName()``, ``invitation()``, ``hint()``, ``jobs()``, ``kioskControls()``,
    ``isPulsing()``, ``jobAt(point)``.
    Layout: the jobs side by side in landscape, one under the other in portrait
    (``_apply_orientation``).

    Object names: ``attractScreen``, ``attractControls`` (the top-right slot),
    ``attractStoreName``, ``attractTitle`` (the invitation), ``attractJobs``,
    ``attractJob_topup``, ``attractJob_giftPack``, ``attractJob_balance`` (each with
    ``…Title`` and ``…Explanation``), ``attractHint``.
    Words: context ``AttractScreen`` (the jobs': ``StartScreen``).
    """

    touched = Signal()
    jobChosen = Signal(str)

    prefix = "attract"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.back_button.hide()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        content = self.content()
        outer = content.layout()
        assert isinstance(outer, QVBoxLayout)

        self._controls_slot = QWidget(content)
        self._controls_slot.setObjectName("attractControls")
        slot_layout = QHBoxLayout(self._controls_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        slot_layout.setSpacing(12)
        slot_layout.addStretch(1)
        self._controls: QWidget | None = None
        outer.insertWidget(0, self._controls_slot)

        self._store = QLabel(content)
        self._store.setObjectName("attractStoreName")
        self._store.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._store.setWordWrap(True)
        set_role(self._store, "subtitle")
        self._store.hide()
        _decoration(self._store)
        for label in (self._title, self._subtitle):
            _decoration(label)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title.setWordWrap(True)
        _decoration(self._message)

        # The store, the invitation and the jobs as one group in the middle of the screen.
        outer.removeWidget(self._title)
        self.body.addStretch(1)
        self.body.addWidget(self._store)
        self.body.addWidget(self._title)
        self.body.addSpacing(32)
        self._jobs_box = QWidget(content)
        self._jobs_box.setObjectName("attractJobs")
        _decoration(self._jobs_box)
        self._jobs_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self._jobs_box)
        self._jobs_layout.setContentsMargins(0, 0, 0, 0)
        self._jobs_layout.setSpacing(24)
        self._jobs: list[AttractJob] = []
        for job, start_button in _JOBS:
            card = AttractJob(job, start_button, self._jobs_box)
            self._jobs_layout.addWidget(card, 1)
            self._jobs.append(card)
        self.body.addWidget(self._jobs_box)
        self.body.addSpacing(16)
        self._hint = QLabel(content)
        self._hint.setObjectName("attractHint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        set_role(self._hint, PULSE_ROLES[0])
        self.body.addWidget(_decoration(self._hint))
        self.body.addStretch(1)

        self._pulse = QTimer(self)
        self._pulse.setInterval(PULSE_MS)
        self._pulse.timeout.connect(self._pulse_once)
        self.retranslate()

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        invitation = translate("AttractScreen", "Toque la pantalla para empezar")
        self.setTitle(invitation)
        self._hint.setText(translate("AttractScreen", "Pague con el código QR desde su celular."))
        self.setAccessibleName(invitation)

    # -- slots -------------------------------------------------------------------------

    def setStore(self, name: str) -> None:
        self._store.setText(name)
        self._store.setVisible(bool(name))

    def setKioskControls(self, widget: QWidget) -> None:
        """Place ``widget`` top right (taps on it are its own, not a ``touched``)."""
        if widget is self._controls:
            return
        layout = self._controls_slot.layout()
        assert layout is not None
        if self._controls is not None:
            layout.removeWidget(self._controls)
            self._controls.hide()
        self._controls = widget
        widget.setParent(self._controls_slot)
        layout.addWidget(widget)
        widget.show()

    # -- queries -----------------------------------------------------------------------

    def storeName(self) -> str:
        return self._store.text()

    def invitation(self) -> str:
        return self._title.text()

    def hint(self) -> str:
        return self._hint.text()

    def jobs(self) -> list[AttractJob]:
        return list(self._jobs)

    def kioskControls(self) -> QWidget | None:
        return self._controls

    def isPulsing(self) -> bool:
        return self._pulse.isActive()

    # -- layout and the pulse --------------------------------------------------------------

    def _apply_orientation(self, portrait: bool) -> None:
        self._jobs_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def _pulse_once(self) -> None:
        on, off = PULSE_ROLES
        set_role(self._hint, off if self._hint.property("role") == on else on)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._pulse.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._pulse.stop()
        set_role(self._hint, PULSE_ROLES[0])

    # -- touches -----------------------------------------------------------------------

    def _on_controls(self, position: QPoint) -> bool:
        controls = self._controls
        if controls is None or not controls.isVisible():
            return False
        return controls.rect().contains(controls.mapFrom(self, position))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the release comes here too

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position().toPoint()
        if self._on_controls(position):
            return
        job = self.jobAt(position)
        if job:
            self.jobChosen.emit(job)
            return
        self.touched.emit()

    def jobAt(self, position: QPoint) -> str:
        """The job whose card is at ``position`` (this screen's coordinates), or ``""``."""
        for card in self._jobs:
            if card.isVisible() and card.rect().contains(card.mapFrom(self, position)):
                return card.job
        return ""

    def enter(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self.touched.emit()

    def go_back(self) -> None:
        """Nothing before the attract screen."""
