"""What the top-up and gift pack screens share: consent, a line, its operator, Enter's walk."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.controllers.language import now, translate
from ui.screens.base import Screen
from ui.screens.consent import ConsentBox, consent_needed
from ui.widgets.line_input import LineInput, OperatorState


def waiting_operator() -> str:
    return translate("LineScreen", "Un momento: estamos consultando el operador de la línea.")


def retry_detection() -> str:
    return translate("LineScreen", "Presione Enter o Continuar para consultar de nuevo.")


class LineScreen(Screen):
    """Base of a screen that takes a customer's line after their consent.

    Signal ``lineEntered(str)``: a valid line was completed and consent is given (the line
    goes nowhere before consent, not even to operator detection).
    Slots: ``setDetecting()``, ``setOperator(name, for_line="")``,
    ``setLineRefused(message, for_line="")`` (an answer for a line other than the one now
    typed is ignored, so a late detection never labels a new line), ``setStore(name, contact)``.

    Enter walks to the first thing missing (line, consent, the subclass's fields) and
    submits when nothing is; while the operator is being detected it submits as soon as
    the operator is known. Subclasses place ``consent`` and ``line_input`` in their layout
    and implement :meth:`_rest_ready`, :meth:`_focus_rest` and :meth:`_submit`; they set
    their title and the line's caption in ``retranslate`` (``line_input.setCaption``).
    """

    lineEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, stacked_line: bool = False) -> None:
        super().__init__("", "", parent)
        self._announced_line = ""
        self._submit_when_known = False
        self._detection_failed = False
        #: The controller's words for a failed detection (shown with our "press Enter").
        self._failed_message = ""
        self.consent = ConsentBox(self.prefix, self.content())
        self.line_input = LineInput(self.prefix, stacked=stacked_line, parent=self.content())
        self.continue_button = self.add_continue_button()  # "Continuar", the base's words
        self.continue_button.clicked.connect(self.go_on)
        self.consent.toggled.connect(self._on_consent)
        self.line_input.lineChanged.connect(self._on_line_changed)

    def retranslate(self) -> None:
        super().retranslate()
        if self._detection_failed and self._failed_message:
            self.line_input.setLineRefused(self._failed_detection_text())

    # -- slots -------------------------------------------------------------------------

    def setStore(self, name: str, contact: str = "") -> None:
        self.consent.setStore(name, contact)

    def setDetecting(self) -> None:
        self.line_input.setDetecting()
        self._operator_changed()

    def setOperator(self, name: str, for_line: str = "", ported: bool = False) -> None:
        if for_line and for_line != self.line_input.line():
            return
        self.line_input.setOperator(name, ported=ported)
        self._operator_changed()

    def setLineRefused(self, message: str, for_line: str = "") -> None:
        if for_line and for_line != self.line_input.line():
            return
        self.line_input.setLineRefused(message)
        self._operator_changed()

    def setDetectionFailed(self, message: str, for_line: str = "") -> None:
        """The operator could not be asked (network): say so; Enter asks again."""
        if for_line and for_line != self.line_input.line():
            return
        self._failed_message = message
        self.line_input.setLineRefused(self._failed_detection_text())
        self._detection_failed = True
        self._announced_line = ""
        self._operator_changed()

    def reset(self) -> None:
        super().reset()
        self.consent.reset()
        self.line_input.clear()
        self._announced_line = ""
        self._submit_when_known = False
        self._detection_failed = False

    # -- queries -----------------------------------------------------------------------

    def line(self) -> str:
        return self.line_input.line()

    def consentGiven(self) -> bool:
        return self.consent.isGiven()

    # -- navigation ----------------------------------------------------------------------

    def enter(self) -> None:
        self.line_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        """Enter or Continue: go to the first thing missing, or submit."""
        self._submit_when_known = False
        if not self.line_input.isAcceptable():
            self.line_input.revealError()
            self.line_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.consent.isGiven():
            self.showOwnMessage(consent_needed)
            self.consent.checkBox().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.line_input.operatorState() is OperatorState.REFUSED:
            if self._detection_failed:
                self._detection_failed = False
                self._announce_line()  # ask the provider again
                return
            self.line_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)
            self.line_input.lineEdit().selectAll()
            return
        if not self._rest_ready():
            self._focus_rest()
            return
        if self.line_input.operatorState() is OperatorState.DETECTING:
            self._submit_when_known = True
            self.showOwnMessage(waiting_operator, "hint")
            return
        self.clearError()
        self._submit()

    # -- for subclasses ------------------------------------------------------------------

    def _rest_ready(self) -> bool:
        """True when the subclass's own fields are complete and valid."""
        raise NotImplementedError

    def _focus_rest(self) -> None:
        """Show why the subclass's fields are not ready and focus the first one."""
        raise NotImplementedError

    def _submit(self) -> None:
        raise NotImplementedError

    def _after_operator_known(self) -> None:
        """Hook: the operator was confirmed while the line still had the focus."""

    def _refresh(self) -> None:
        ready = (
            self.line_input.isAcceptable()
            and self.consent.isGiven()
            and (
                self._detection_failed
                or self.line_input.operatorState()
                not in (OperatorState.DETECTING, OperatorState.REFUSED)
            )
            and self._rest_ready()
        )
        self.continue_button.setEnabled(ready)

    # -- internals -----------------------------------------------------------------------

    def _failed_detection_text(self) -> str:
        return f"{now(self._failed_message)} {retry_detection()}"

    def _on_consent(self, given: bool) -> None:
        if given:
            self.clearError()
        self._announce_line()
        self._refresh()

    def _on_line_changed(self, _line: str) -> None:
        self._submit_when_known = False
        self._detection_failed = False
        self._announce_line()
        self._refresh()

    def _announce_line(self) -> None:
        line = self.line_input.line()
        if not line:
            self._announced_line = ""
        elif self.consent.isGiven() and line != self._announced_line:
            self._announced_line = line
            self.lineEntered.emit(line)

    def _operator_changed(self) -> None:
        self._refresh()
        state = self.line_input.operatorState()
        if state is OperatorState.DETECTING:
            return
        if self._submit_when_known:
            self._submit_when_known = False
            self.clearError()
            if state is OperatorState.OK:
                self.go_on()
        elif state is OperatorState.OK and self.line_input.lineEdit().hasFocus():
            self._after_operator_known()
