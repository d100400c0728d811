"""What every screen shares: a title, a body, a footer with "Volver", Esc/Enter, a busy layer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import translate
from ui.widgets.busy import BusyOverlay
from ui.widgets.message_label import MessageLabel, set_role

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def make_button(
    text: str, object_name: str, parent: QWidget, *, primary: bool = False
) -> QPushButton:
    """A push button that Enter presses when it has focus (also outside dialogs)."""
    button = QPushButton(text, parent)
    button.setObjectName(object_name)
    button.setAutoDefault(True)
    if primary:
        set_role(button, "primary")
    return button


class Screen(QWidget):
    """Base of every screen.

    Common API (every screen has it):
      * signal ``back()``: the user asked to go back ("Volver" or Esc).
      * signal ``busyCancelled()``: "Cancelar" on the busy layer (or Esc while busy).
      * ``setBusy(busy, message="", cancellable=True)``: the "please wait" layer.
      * ``setError(message)`` / ``clearError()``: a screen-wide message, e.g. a gateway failure
        (given words, shown as given until the next action).
      * ``showOwnMessage(words, role="error")``: a message in the screen's own words
        (``words`` is a callable returning the text), re-rendered on a language change.
      * ``setCounterMode(bool)``: show keyboard hints on buttons ("Volver (Esc)").
      * ``setKioskMode(bool)``: the self-service kiosk's touch layout (on-screen keypads,
        no keyboard hints; Esc does nothing). Subclasses extend :meth:`setKioskMode`.
      * ``isPortrait()``: taller than wide; :meth:`_apply_orientation` runs when it flips
        (subclasses re-arrange their columns there).
      * ``enter()``: called when the screen is shown; puts the focus where hands expect it.
      * ``reset()``: forget everything typed (a new sale, or an idle kiosk).

    Keys: Esc calls :meth:`go_back`, Enter (not taken by a focused button) calls
    :meth:`go_on`; subclasses override those two.

    Words: :meth:`retranslate` (re)sets every visible text from ``translate(...)`` and
    the data the screen holds; it runs on every ``QEvent.LanguageChange`` (this class
    owns the hook). Subclasses override it, call ``super().retranslate()`` first, set
    their title/subtitle with :meth:`setTitle`/:meth:`setSubtitle` and their buttons'
    words with :meth:`set_button_text` (keeps key hints in counter mode), and call
    ``self.retranslate()`` as the last line of their ``__init__``.

    Object names: ``<prefix>Screen``, ``<prefix>Title``, ``<prefix>BackButton``,
    ``<prefix>ContinueButton`` (when the screen has one), ``<prefix>Message``, and the busy
    layer's ``<prefix>BusyOverlay`` / ``<prefix>BusyCancelButton``.
    """

    back = Signal()
    busyCancelled = Signal()

    #: Object-name prefix of the screen's widgets; subclasses set it.
    prefix = "screen"

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.prefix}Screen")
        self._counter_mode = False
        self._kiosk_mode = False
        #: The orientation last laid out (None: not laid out yet).
        self._portrait: bool | None = None
        self._hinted: list[tuple[QPushButton, str, str]] = []
        #: The continue button made with the base's own words ("Continuar"), if any.
        self._default_continue: QPushButton | None = None
        self._focus_before_busy: QWidget | None = None
        #: The screen-wide message when it is in the screen's own words: (words, role).
        self._own_message: tuple[Callable[[], str], str] | None = None

        self._content = QWidget(self)
        self._content.setObjectName(f"{self.prefix}Content")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._content)

        layout = QVBoxLayout(self._content)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(12)
        self._title = QLabel(title, self._content)
        self._title.setObjectName(f"{self.prefix}Title")
        set_role(self._title, "title")
        layout.addWidget(self._title)
        self._subtitle = QLabel(subtitle, self._content)
        self._subtitle.setObjectName(f"{self.prefix}Subtitle")
        self._subtitle.setWordWrap(True)
        set_role(self._subtitle, "subtitle")
        self._subtitle.setVisible(bool(subtitle))
        layout.addWidget(self._subtitle)

        #: Subclasses add their widgets here.
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        layout.addLayout(self.body, 1)

        self._message = MessageLabel(self._content, object_name=f"{self.prefix}Message")
        layout.addWidget(self._message)

        self.footer = QHBoxLayout()
        self.footer.setSpacing(16)
        self.back_button = make_button("", f"{self.prefix}BackButton", self._content)
        self.back_button.clicked.connect(self.go_back)
        self.add_hint(self.back_button, "", "Esc")  # words in retranslate()
        self.footer.addWidget(self.back_button)
        self.footer.addStretch(1)
        layout.addLayout(self.footer)

        self._busy = BusyOverlay(self, self.prefix)
        self._busy.cancelled.connect(self.busyCancelled)
        # The base's own words now; a subclass calls self.retranslate() at the end of its own
        # __init__ (its widgets do not exist yet here).
        Screen.retranslate(self)

    # -- words ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """(Re)set every visible text in the current language; subclasses extend."""
        self.set_button_text(self.back_button, translate("Screen", "Volver"))
        if self._default_continue is not None:
            self.set_button_text(self._default_continue, translate("Screen", "Continuar"))
        if self._own_message is not None:
            words, role = self._own_message
            self._message.setMessage(words(), role)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def set_button_text(self, button: QPushButton, text: str) -> None:
        """``button``'s words; a button with a key hint keeps it (counter mode)."""
        for index, (hinted, _old, hint) in enumerate(self._hinted):
            if hinted is button:
                self._hinted[index] = (button, text, hint)
                self._render_hint(button, text, hint)
                return
        button.setText(text)

    # -- building helpers --------------------------------------------------------

    def content(self) -> QWidget:
        """The parent for a subclass's widgets (disabled while busy)."""
        return self._content

    def add_continue_button(self, text: str | None = None) -> QPushButton:
        """The primary button (hint "Enter"). Without ``text`` it says "Continuar" and the
        base retranslates it; with ``text`` the subclass sets its words in ``retranslate``
        through :meth:`set_button_text`."""
        default = text is None
        if text is None:
            text = translate("Screen", "Continuar")
        button = make_button(text, f"{self.prefix}ContinueButton", self._content, primary=True)
        self.add_hint(button, text, "Enter")
        if default:
            self._default_continue = button
        self.footer.addWidget(button)
        return button

    def add_hint(self, button: QPushButton, text: str, hint: str) -> None:
        """Show ``hint`` (a key) on ``button`` in counter mode; later words through
        :meth:`set_button_text`."""
        for index, (hinted, _text, _hint) in enumerate(self._hinted):
            if hinted is button:
                self._hinted[index] = (button, text, hint)
                break
        else:
            self._hinted.append((button, text, hint))
        self._render_hint(button, text, hint)

    def _render_hint(self, button: QPushButton, text: str, hint: str) -> None:
        button.setText(f"{text}  ({hint})" if self._counter_mode else text)

    # -- common API --------------------------------------------------------------

    def setCounterMode(self, counter: bool) -> None:
        self._counter_mode = counter
        for button, text, hint in self._hinted:
            self._render_hint(button, text, hint)

    def isCounterMode(self) -> bool:
        return self._counter_mode

    def setKioskMode(self, kiosk: bool) -> None:
        """The kiosk's touch layout; subclasses extend (call ``super()`` first)."""
        self._kiosk_mode = kiosk
        self.setProperty("kiosk", kiosk)

    def isKioskMode(self) -> bool:
        return self._kiosk_mode

    def isPortrait(self) -> bool:
        return self.height() > self.width()

    def _apply_orientation(self, portrait: bool) -> None:
        """Hook: the screen turned portrait (taller than wide) or landscape."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = self.isPortrait()
        if portrait != self._portrait:
            self._portrait = portrait
            self._apply_orientation(portrait)

    def setTitle(self, title: str) -> None:
        self._title.setText(title)

    def setSubtitle(self, subtitle: str) -> None:
        """The line under the title; hidden when empty."""
        self._subtitle.setText(subtitle)
        self._subtitle.setVisible(bool(subtitle))

    def setError(self, message: str) -> None:
        self._own_message = None
        self._message.setMessage(message, "error")

    def showHint(self, message: str) -> None:
        self._own_message = None
        self._message.setMessage(message, "hint")

    def showOwnMessage(self, words: Callable[[], str], role: str = "error") -> None:
        """A screen-wide message in this screen's words: ``words()`` gives it in the
        current language, again after every language change."""
        self._own_message = (words, role)
        self._message.setMessage(words(), role)

    def clearError(self) -> None:
        self._own_message = None
        self._message.clearMessage()

    def messageText(self) -> str:
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def setBusy(self, busy: bool, message: str = "", cancellable: bool = True) -> None:
        if busy:
            if not self._busy.isActive():
                self._focus_before_busy = QApplication.focusWidget()
            self._content.setEnabled(False)
            self._busy.start(message, cancellable)
            return
        self._busy.stop()
        self._content.setEnabled(True)
        previous, self._focus_before_busy = self._focus_before_busy, None
        if previous is not None and self.isVisible() and previous.isEnabled():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)

    def isBusy(self) -> bool:
        return self._busy.isActive()

    def isBusyCancellable(self) -> bool:
        """Busy with a "Cancelar" on the layer (a wait a person may end, e.g. a sale
        followed by reference), rather than a bounded call in progress."""
        return self._busy.isActive() and self._busy.isCancellable()

    def enter(self) -> None:
        """Put the focus on the first thing to do; subclasses override."""
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        """Forget what was typed, and scroll every scroll area back to its top (the next
        customer starts at the beginning of lists and columns); subclasses extend."""
        self.clearError()
        self.setBusy(False)
        for area in self.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)

    # -- keys ----------------------------------------------------------------------

    def go_back(self) -> None:
        self.back.emit()

    def go_on(self) -> None:
        """Enter pressed where no button took it; subclasses override."""

    def handle_key(self, event: QKeyEvent) -> bool:
        """Esc and Enter for this screen; ``MainWindow`` forwards them here when focus is lost."""
        key = event.key()
        if key == Qt.Key.Key_Escape and self._kiosk_mode:
            return True  # a kiosk has on-screen buttons for going back; a stray Esc is nothing
        if key == Qt.Key.Key_Escape:
            if self.isBusy():
                if self._busy.isCancellable():
                    self.busyCancelled.emit()
            else:
                self.go_back()
            return True
        if key in _ENTER_KEYS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if not self.isBusy():
                self.go_on()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)
