"""The back office's row of buttons over the screens: history, shift close, settings, sign out.

The bar only says what was asked; the wiring decides (the admin PIN first for settings,
no sign-out in the middle of a payment, a question first when a sale is being set up:
:class:`SignOutDialog`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import translate
from ui.widgets.message_label import set_role


class BackOfficeBar(QFrame):
    """Buttons: "Historial", "Cierre de turno", "Ajustes", "Cerrar sesión" (counter mode)
    and "Salir" (kiosk mode, behind the admin PIN).

    Signals: ``historyRequested()``, ``reportRequested()``, ``settingsRequested()``,
    ``signOutRequested()``, ``exitRequested()``.
    ``setCounterMode(bool)``: the counter's buttons, or the kiosk's ("Ajustes", "Salir").
    ``setJobsAvailable(history=…, report=…)``: hide a button whose screen is not there.

    Object names: ``backOfficeBar``, ``backOfficeHistoryButton``, ``backOfficeReportButton``,
    ``backOfficeSettingsButton``, ``backOfficeSignOutButton``, ``backOfficeExitButton``.
    """

    historyRequested = Signal()
    reportRequested = Signal()
    settingsRequested = Signal()
    signOutRequested = Signal()
    exitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backOfficeBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(10)
        self.history_button = self._button("backOfficeHistoryButton", self.historyRequested)
        self.report_button = self._button("backOfficeReportButton", self.reportRequested)
        self.settings_button = self._button("backOfficeSettingsButton", self.settingsRequested)
        layout.addWidget(self.history_button)
        layout.addWidget(self.report_button)
        layout.addWidget(self.settings_button)
        layout.addStretch(1)
        self.sign_out_button = self._button("backOfficeSignOutButton", self.signOutRequested)
        self.exit_button = self._button("backOfficeExitButton", self.exitRequested)
        layout.addWidget(self.sign_out_button)
        layout.addWidget(self.exit_button)
        self._counter = True
        self._history = True
        self._report = True
        self._render()
        self.retranslate()

    def _button(self, object_name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(object_name)
        button.setAutoDefault(True)
        button.clicked.connect(signal)
        return button

    def retranslate(self) -> None:
        self.history_button.setText(translate("BackOfficeBar", "Historial"))
        self.report_button.setText(translate("BackOfficeBar", "Cierre de turno"))
        self.settings_button.setText(translate("BackOfficeBar", "Ajustes"))
        self.sign_out_button.setText(translate("BackOfficeBar", "Cerrar sesión"))
        self.exit_button.setText(translate("BackOfficeBar", "Salir"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setCounterMode(self, counter: bool) -> None:
        self._counter = counter
        self._render()

    def setJobsAvailable(self, *, history: bool | None = None, report: bool | None = None) -> None:
        if history is not None:
            self._history = history
        if report is not None:
            self._report = report
        self._render()

    def _render(self) -> None:
        counter = self._counter
        self.history_button.setVisible(counter and self._history)
        self.report_button.setVisible(counter and self._report)
        self.sign_out_button.setVisible(counter)
        self.exit_button.setVisible(not counter)


class SignOutDialog(QDialog):
    """ "Cerrar sesión" while a sale is being set up (nothing paid yet): "Sí, cerrar sesión"
    (accept: the sale is discarded) or "No, seguir con la venta" (reject, also Esc; the
    default, so a stray Enter discards nothing). Window-modal, opened with ``open()``:
    nothing waits in a nested event loop.

    Object names: ``signOutConfirmation``, ``signOutConfirmText``, ``signOutConfirmButton``,
    ``signOutCancelButton``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signOutConfirmation")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        self._text = QLabel(self)
        self._text.setObjectName("signOutConfirmText")
        self._text.setWordWrap(True)
        self._text.setMinimumWidth(420)
        layout.addWidget(self._text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("signOutCancelButton")
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("signOutConfirmButton")
        self.confirm_button.setAutoDefault(False)
        set_role(self.confirm_button, "primary")
        self.confirm_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        # The size is set once, not pushed to the window system on every change.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.resize(520, 180)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("BackOfficeBar", "Cerrar sesión"))
        self._text.setText(
            translate("BackOfficeBar", "Hay una venta sin terminar; ¿cerrar sesión y descartarla?")
        )
        self.confirm_button.setText(translate("BackOfficeBar", "Sí, cerrar sesión"))
        self.cancel_button.setText(translate("BackOfficeBar", "No, seguir con la venta"))

    def text(self) -> str:
        return self._text.text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
