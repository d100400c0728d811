"""The counter's first screen: the clerk types a PIN (on the pad or the keyboard) to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.controllers.language import now, translate
from ui.screens.base import Screen
from ui.widgets.message_label import set_role
from ui.widgets.pin_pad import PinEntry


class SignInScreen(Screen):
    """PIN entry: the field over the keypad; the message under them.

    Signal ``pinEntered(str)``: Enter (the key or the pad's "Entrar") with a PIN typed.
    Signal ``firstAdminRequested(str name, str pin)``: in set-up (``setSetupNeeded(True)``:
    real keys and no staff yet), the first administrator's name and PIN.
    Slots: ``setRefused(message)`` (a wrong PIN, in the caller's words: how many tries are
    left), ``setLocked(seconds)`` (a live countdown; nothing typed until it ends),
    ``setChecking(bool)``, ``setDemoNote(text)`` (the sandbox's demo PINs, under the SANDBOX
    banner; ``""`` hides it), ``reset()``.
    Keys: digits and Backspace reach the field wherever the focus is; Enter submits;
    Esc does nothing (there is nothing before this screen).

    Object names: ``signInScreen``, ``signInTitle``, ``signInPinInput``, ``signInPinPad``
    (keys ``signInPinKey0`` … ``signInPinKey9``, ``signInPinKeyErase``,
    ``signInPinKeyEnter``), ``signInPinMessage``, ``signInDemoNote``, ``signInNameInput``
    (set-up only).
    """

    pinEntered = Signal(str)
    firstAdminRequested = Signal(str, str)

    prefix = "signIn"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.back_button.hide()
        self._setup = False
        self.name_input = QLineEdit(self.content())
        self.name_input.setObjectName("signInNameInput")
        self.name_input.setMaxLength(40)
        self.name_input.hide()
        self.entry = PinEntry(self.prefix, self.content())
        self.entry.submitted.connect(self._submitted)
        self.name_input.setFixedWidth(self.entry.pad.width())
        self.body.addStretch(1)
        self.body.addWidget(self.name_input, 0, Qt.AlignmentFlag.AlignHCenter)
        # Centred between stretches (not by alignment): its wrapped message gets its height.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.entry)
        row.addStretch(1)
        self.body.addLayout(row)
        self._demo_note = QLabel(self.content())
        self._demo_note.setObjectName("signInDemoNote")
        self._demo_note.setWordWrap(True)
        self._demo_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self._demo_note, "warning")
        self._demo_note.hide()
        self._demo_text = ""
        self.body.addWidget(self._demo_note)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if self._setup:
            self.setTitle(translate("SignInScreen", "Primer administrador"))
            self.setSubtitle(
                translate(
                    "SignInScreen",
                    "Aún no hay personal. Escriba su nombre y elija un PIN de 4 a 8 dígitos "
                    "(no 1111 ni 1234).",
                )
            )
        else:
            self.setTitle(translate("SignInScreen", "Iniciar turno"))
            self.setSubtitle(translate("SignInScreen", "Escriba su PIN de cajero."))
        self.name_input.setPlaceholderText(translate("SignInScreen", "Nombre"))
        self.name_input.setAccessibleName(translate("SignInScreen", "Nombre"))
        if self._demo_text:
            self._demo_note.setText(now(self._demo_text))

    def _submitted(self, pin: str) -> None:
        if not self._setup:
            self.pinEntered.emit(pin)
            return
        name = self.name_input.text().strip()
        if not name:
            self.entry.setRefused(translate("SignInScreen", "Escriba su nombre."))
            self.name_input.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.firstAdminRequested.emit(name, pin)

    # -- slots ---------------------------------------------------------------------------

    def setSetupNeeded(self, setup: bool) -> None:
        """Set-up: the first administrator's name and PIN, instead of a sign-in."""
        self._setup = setup
        self.name_input.setVisible(setup)
        self.retranslate()

    def isSetupNeeded(self) -> bool:
        return self._setup

    def setRefused(self, message: str) -> None:
        self.entry.setRefused(message)

    def setLocked(self, seconds: int) -> None:
        self.entry.setLocked(seconds)

    def setChecking(self, checking: bool) -> None:
        self.entry.setChecking(checking)

    def setDemoNote(self, text: str) -> None:
        """The demo PINs (sandbox only), as the caller words them (a ``Said`` follows the
        language)."""
        self._demo_text = text
        self._demo_note.setText(now(text))
        self._demo_note.setVisible(bool(text))

    def demoNote(self) -> str:
        return self._demo_note.text() if not self._demo_note.isHidden() else ""

    def message(self) -> str:
        return self.entry.message()

    # -- Screen --------------------------------------------------------------------------

    def enter(self) -> None:
        if self._setup and not self.name_input.text():
            self.name_input.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.entry.focus()

    def reset(self) -> None:
        super().reset()
        self.entry.reset()
        self.name_input.clear()

    def go_back(self) -> None:
        """Nothing before the sign-in screen."""

    def go_on(self) -> None:
        self.entry.submit()

    def handle_key(self, event: QKeyEvent) -> bool:
        text = event.text()
        if self.name_input.hasFocus():
            return super().handle_key(event)
        if len(text) == 1 and text.isdigit() and text.isascii():
            self.entry.type_digit(text)
            return True
        if event.key() == Qt.Key.Key_Backspace:
            self.entry.field.backspace()
            self.entry.focus()
            return True
        return super().handle_key(event)
