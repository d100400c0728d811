"""The admin PIN, asked for before settings, exports with full lines, settling a sale, or
leaving kiosk mode: a small window-modal dialog with the keypad.

It never blocks on a nested event loop: :func:`ask_admin_pin` opens it (``QDialog.open``)
and calls back when an administrator's PIN is accepted, so a test drives it with qtbot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import Said, now, translate
from ui.widgets.message_label import set_role
from ui.widgets.pin_pad import PinEntry

if TYPE_CHECKING:  # annotations only
    from kiosk.controllers.staff import StaffController
    from kiosk.domain.staff import Clerk


class AdminPinDialog(QDialog):
    """ "PIN de administrador": the reason, the PIN over the keypad, "Cancelar".

    Signal ``granted(Clerk)``: an administrator's PIN was accepted (the dialog then closes,
    accepted). A wrong PIN says how many tries are left; a locked PIN counts down.
    Esc or "Cancelar" closes it, rejected.

    Object names: ``adminPinDialog``, ``adminPinReason``, ``adminPinInput``, ``adminPinPad``
    (keys ``adminPinKey0`` … ``adminPinKeyEnter``), ``adminPinMessage``,
    ``adminPinCancelButton``.
    """

    granted = Signal(object)

    def __init__(
        self, staff: StaffController, reason: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adminPinDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._staff = staff
        self._reason = reason
        self._checking = False
        self._done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self._title = QLabel(self)
        self._title.setObjectName("adminPinTitle")
        set_role(self._title, "title")
        layout.addWidget(self._title)
        self._reason_label = QLabel(self)
        self._reason_label.setObjectName("adminPinReason")
        self._reason_label.setWordWrap(True)
        set_role(self._reason_label, "subtitle")
        layout.addWidget(self._reason_label)
        self.entry = PinEntry("admin", self)
        self.entry.submitted.connect(self._check)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.entry)
        row.addStretch(1)
        layout.addLayout(row)
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("adminPinCancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        footer.addWidget(self.cancel_button)
        layout.addLayout(footer)
        # Its size is set once, not pushed to the window system on every change of words.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(480, 0)))

    def retranslate(self) -> None:
        title = translate("AdminPinDialog", "PIN de administrador")
        self.setWindowTitle(title)
        self._title.setText(title)
        self._reason_label.setText(
            now(self._reason)
            or translate("AdminPinDialog", "Un administrador debe escribir su PIN.")
        )
        self.cancel_button.setText(translate("AdminPinDialog", "Cancelar"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.entry.focus()

    def message(self) -> str:
        return self.entry.message()

    # -- the check -------------------------------------------------------------------------

    def _check(self, pin: str) -> None:
        self._checking = True
        self.entry.setChecking(True)
        self._staff.check_admin(pin, self._granted, self._refused)

    def _granted(self, clerk: Clerk) -> None:
        self._checking = False
        if self._done:
            self.deleteLater()
            return
        self.entry.setChecking(False)
        self.entry.clear()
        # Closed first: what the caller opens next takes the focus back in its own window.
        self.accept()
        self.granted.emit(clerk)

    def _refused(self, message: Said, locked_seconds: int) -> None:
        self._checking = False
        if self._done:
            self.deleteLater()
            return
        self.entry.setChecking(False)
        if locked_seconds > 0:
            self.entry.setLocked(locked_seconds)
        else:
            self.entry.setRefused(message)

    def done(self, result: int) -> None:
        self._done = True
        super().done(result)
        if not self._checking:  # else: when the check's answer comes back
            self.deleteLater()


def ask_admin_pin(
    parent: QWidget,
    staff: StaffController,
    on_granted: Callable[[Clerk], None],
    *,
    reason: str = "",
    on_cancelled: Callable[[], None] | None = None,
) -> AdminPinDialog:
    """Ask for an administrator's PIN over ``parent`` and return at once (the dialog is
    open, window-modal); ``on_granted(clerk)`` runs when a PIN is accepted,
    ``on_cancelled()`` when the dialog is closed without one. ``reason``: why it is asked
    (a ``Said`` follows the language)."""
    dialog = AdminPinDialog(staff, reason, parent)
    dialog.granted.connect(on_granted)
    if on_cancelled is not None:
        dialog.rejected.connect(on_cancelled)
    dialog.open()
    return dialog
