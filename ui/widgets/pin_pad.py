"""An on-screen digit keypad for PINs: ten digits, "Borrar" and "Entrar", keys 64 px tall.

The pad types into a :class:`QLineEdit` of its owner's (``attach``), so the same field
takes the physical keyboard too (digits, Backspace, Enter). Its keys never take the focus:
a touch on a key leaves the focus (and the caret) in the field. The sign-in screen, the
admin PIN dialog and the kiosk's own screens use it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import formats, translate
from ui.widgets.keypad import OWN_KEYPAD, erase_in, make_key, type_into
from ui.widgets.message_label import MessageLabel, set_role

#: A key's height and width: more than the 48 px a finger needs.
KEY_SIZE = 64
KEY_WIDTH = 136
#: Room for a message of two lines under the keys.
MESSAGE_HEIGHT = 56
#: The longest PIN a field takes (the staff service decides the shortest).
MAX_PIN_LENGTH = 8
#: Digit keys as a phone lays them out; the last row holds "Borrar", 0, "Entrar".
_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"))


def make_pin_field(object_name: str, parent: QWidget | None = None) -> QLineEdit:
    """A field for a PIN: digits only, at most :data:`MAX_PIN_LENGTH`, shown as dots."""
    field = QLineEdit(parent)
    field.setObjectName(object_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PIN_LENGTH)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), field))
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
    )
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    set_role(field, "code")
    return field


class PinPad(QWidget):
    """Digits 0–9, "Borrar" (one digit back) and "Entrar".

    Signals: ``digitPressed(str)``, ``erasePressed()``, ``enterPressed()``.
    ``attach(field)``: the keys type into ``field`` (its validator and length still apply;
    the field gets the ``OWN_KEYPAD`` property, so the kiosk's letter keyboard stays shut).
    ``setEnabled(False)`` greys every key (a locked PIN, a check in progress).

    Object names: ``<prefix>PinPad``, ``<prefix>PinKey0`` … ``<prefix>PinKey9``,
    ``<prefix>PinKeyErase``, ``<prefix>PinKeyEnter``.
    """

    digitPressed = Signal(str)
    erasePressed = Signal()
    enterPressed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}PinPad")
        self._field: QLineEdit | None = None
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for row, digits in enumerate(_ROWS):
            for column, digit in enumerate(digits):
                grid.addWidget(self._digit_key(prefix, digit), row, column)
        self.erase_key = self._key(f"{prefix}PinKeyErase", "")
        self.erase_key.clicked.connect(self._erase)
        grid.addWidget(self.erase_key, 3, 0)
        grid.addWidget(self._digit_key(prefix, "0"), 3, 1)
        self.enter_key = self._key(f"{prefix}PinKeyEnter", "")
        set_role(self.enter_key, "primary")
        self.enter_key.clicked.connect(self.enterPressed)
        grid.addWidget(self.enter_key, 3, 2)
        # Never squeezed by its neighbours (a message on two lines under it).
        self.setFixedSize(3 * KEY_WIDTH + 2 * 8, 4 * KEY_SIZE + 3 * 8)
        self.retranslate()

    def _key(self, object_name: str, text: str) -> QPushButton:
        # The stylesheet gives the same size (border included); this holds without it.
        return make_key(self, object_name, text, KEY_WIDTH, KEY_SIZE, "pinKey", hold_size=False)

    def _digit_key(self, prefix: str, digit: str) -> QPushButton:
        key = self._key(f"{prefix}PinKey{digit}", digit)
        key.clicked.connect(lambda: self._digit(digit))
        self.keys[digit] = key
        return key

    def retranslate(self) -> None:
        self.erase_key.setText(translate("PinPad", "Borrar"))
        self.erase_key.setAccessibleName(translate("PinPad", "Borrar un dígito"))
        self.enter_key.setText(translate("PinPad", "Entrar"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def attach(self, field: QLineEdit) -> None:
        """Type into ``field`` from now on (the kiosk's letter keyboard leaves it alone:
        it carries the :data:`~ui.widgets.keypad.OWN_KEYPAD` property)."""
        self._field = field
        field.setProperty(OWN_KEYPAD, True)

    def _digit(self, digit: str) -> None:
        type_into(self._field, digit)  # the validator and the maximum length apply
        self.digitPressed.emit(digit)

    def _erase(self) -> None:
        erase_in(self._field)
        self.erasePressed.emit()


class PinEntry(QWidget):
    """A PIN field over its keypad, with the message under them: what the sign-in screen and
    the admin PIN dialog share.

    Signal ``submitted(str)``: Enter (the key, or the pad's "Entrar") with digits typed.
    Slots: ``setRefused(message)`` (a wrong PIN: the given words, the field emptied),
    ``setLocked(seconds)`` (nothing typed until then; the time left counts down live in the
    entry's own words, then "Ya puede intentar de nuevo."), ``setChecking(bool)`` (keys and
    field greyed while a PIN is checked), ``clear()``, ``pin()``, ``isLocked()``.
    ``clock`` (a class attribute: ``time.monotonic``) is what the countdown reads; a test
    may give an instance its own and call ``tick()``.

    Object names: ``<prefix>PinInput``, ``<prefix>PinMessage`` and the pad's (``PinPad``).
    """

    submitted = Signal(str)

    clock: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}PinEntry")
        self.field = make_pin_field(f"{prefix}PinInput", self)
        self.field.installEventFilter(self)
        self.pad = PinPad(prefix, self)
        self.pad.attach(self.field)
        self.pad.enterPressed.connect(self.submit)
        # The message's room is kept while it is empty: a refusal never pushes the keys.
        self._message_box = QWidget(self)
        self._message_box.setMinimumHeight(MESSAGE_HEIGHT)
        self._message = MessageLabel(self._message_box, object_name=f"{prefix}PinMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box_layout = QVBoxLayout(self._message_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self._message)
        box_layout.addStretch(1)
        #: When the lock ends (on ``clock``), or None.
        self._locked_until: float | None = None
        #: The entry's own message (words, role), said again after a language change.
        self._own: tuple[Callable[[], str], str] | None = None
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.field)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._message_box)
        self.field.setFixedWidth(self.pad.width())
        self.setFixedWidth(self.pad.width())
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(translate("PinPad", "PIN"))
        self.field.setAccessibleName(translate("PinPad", "PIN"))
        if self._own is not None:
            words, role = self._own
            self._message.setMessage(words(), role)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the field submits here, once (neither the screen nor a dialog sees it).
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    # -- what the owner asks ----------------------------------------------------------

    def pin(self) -> str:
        return self.field.text()

    def clear(self) -> None:
        self.field.clear()

    def focus(self) -> None:
        if self.field.isEnabled():
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Hand the PIN over (nothing while locked or checking; an empty PIN is asked for)."""
        if self.isLocked() or self._checking:
            return
        pin = self.pin()
        if not pin:
            self._say(lambda: translate("PinPad", "Escriba el PIN."), "hint")
            self.focus()
            return
        self.submitted.emit(pin)

    def type_digit(self, digit: str) -> None:
        """A digit from a key pressed outside the field (the owner forwards it)."""
        if self.field.isEnabled():
            self.field.insert(digit)
            self.focus()

    def setChecking(self, checking: bool) -> None:
        self._checking = checking
        self._render_enabled()

    def isChecking(self) -> bool:
        return self._checking

    def setRefused(self, message: str) -> None:
        """A refusal in the caller's words (a ``Said`` follows the language)."""
        self._own = None
        self._locked_until = None
        self._timer.stop()
        self.clear()
        self._message.setMessage(message, "error")
        self._render_enabled()
        self.focus()

    def setLocked(self, seconds: int) -> None:
        """Locked for ``seconds``: the time left counts down; then the PIN may be typed."""
        self.clear()
        self._locked_until = self.clock() + max(0, seconds)
        self._timer.start()
        self.tick()

    def isLocked(self) -> bool:
        return self._locked_until is not None

    def secondsLeft(self) -> int:
        if self._locked_until is None:
            return 0
        return max(0, math.ceil(self._locked_until - self.clock()))

    def clearMessage(self) -> None:
        self._own = None
        self._message.clearMessage()

    def message(self) -> str:
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def messageRole(self) -> str:
        return self._message.role()

    def reset(self) -> None:
        """Forget what was typed and said (a lock still running keeps counting)."""
        self.clear()
        if not self.isLocked():
            self.clearMessage()

    def tick(self) -> None:
        """Render the time left of a lock; end the lock when it is over."""
        if self._locked_until is None:
            return
        left = self.secondsLeft()
        if left <= 0:
            self._locked_until = None
            self._timer.stop()
            self._say(lambda: translate("PinPad", "Ya puede intentar de nuevo."), "hint")
            self._render_enabled()
            self.focus()
            return
        self._say(
            lambda: translate(
                "PinPad", "Demasiados intentos. PIN bloqueado; intente de nuevo en {time}."
            ).format(time=formats().countdown(self.secondsLeft())),
            "error",
        )
        self._render_enabled()

    def _say(self, words: Callable[[], str], role: str) -> None:
        self._own = (words, role)
        self._message.setMessage(words(), role)

    def _render_enabled(self) -> None:
        usable = not self.isLocked() and not self._checking
        self.field.setEnabled(usable)
        self.pad.setEnabled(usable)
