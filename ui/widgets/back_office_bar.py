"""The back office's row of buttons over the screens: history, shift close, settings, and
sign out at a counter; at a kiosk (in admin mode only) also leaving kiosk mode and going
back to the kiosk.

The bar only says what was asked; the wiring decides (the admin PIN first for settings at
a counter, no sign-out in the middle of a payment, a question first when a sale is being
set up: :class:`SignOutDialog`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from kiosk.controllers.language import translate
from ui.widgets.confirm_dialog import ConfirmDialog, Question


class BackOfficeBar(QFrame):
    """Buttons: "Historial", "Cierre de turno", "Ajustes", then "Cerrar sesión" (counter
    mode), or "Salir del modo quiosco" and "Volver al quiosco" (kiosk mode: the bar is shown
    there only in admin mode, after the admin PIN).

    Signals: ``historyRequested()``, ``reportRequested()``, ``settingsRequested()``,
    ``signOutRequested()``, ``exitRequested()`` (leave kiosk mode: the app closes),
    ``kioskRequested()`` (end admin mode: back to the kiosk).
    ``setCounterMode(bool)``: the counter's buttons, or the kiosk's.
    ``setJobsAvailable(history=…, report=…)``: hide a button whose screen is not there.

    Object names: ``backOfficeBar``, ``backOfficeHistoryButton``, ``backOfficeReportButton``,
    ``backOfficeSettingsButton``, ``backOfficeSignOutButton``, ``backOfficeExitButton``
    ("Salir del modo quiosco"), ``backOfficeKioskButton`` ("Volver al quiosco").
    Words: context ``BackOfficeBar``.
    """

    historyRequested = Signal()
    reportRequested = Signal()
    settingsRequested = Signal()
    signOutRequested = Signal()
    exitRequested = Signal()
    kioskRequested = Signal()

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
        self.kiosk_button = self._button("backOfficeKioskButton", self.kioskRequested)
        layout.addWidget(self.sign_out_button)
        layout.addWidget(self.exit_button)
        layout.addWidget(self.kiosk_button)
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
        self.exit_button.setText(translate("BackOfficeBar", "Salir del modo quiosco"))
        self.kiosk_button.setText(translate("BackOfficeBar", "Volver al quiosco"))

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
        # An administrator at the kiosk sees the store's history and shift report too.
        self.history_button.setVisible(self._history)
        self.report_button.setVisible(self._report)
        self.sign_out_button.setVisible(counter)
        self.exit_button.setVisible(not counter)
        self.kiosk_button.setVisible(not counter)


class SignOutDialog(ConfirmDialog):
    """ "Cerrar sesión" while a sale is being set up (nothing paid yet): "Sí, cerrar sesión"
    (the sale is discarded) or "No, seguir con la venta" (the default).

    Object names: ``signOutConfirmation``, ``signOutConfirmText``, ``signOutConfirmButton``,
    ``signOutCancelButton``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="signOut", text_width=420, width=520, height=180)
        self.retranslate()

    def question(self) -> Question:
        return Question(
            title=translate("BackOfficeBar", "Cerrar sesión"),
            text=translate(
                "BackOfficeBar", "Hay una venta sin terminar; ¿cerrar sesión y descartarla?"
            ),
            confirm=translate("BackOfficeBar", "Sí, cerrar sesión"),
            cancel=translate("BackOfficeBar", "No, seguir con la venta"),
        )
