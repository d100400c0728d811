"""The phone line field shared by the top-up, gift pack and balance screens."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from kiosk.controllers.language import describe, now, translate
from kiosk.domain.errors import ValidationError
from kiosk.domain.lines import group_line, normalize_line
from ui.widgets.message_label import MessageLabel, set_role

# What people type around a number: +57, spaces, dashes, dots, parentheses.
_ALLOWED_INPUT = QRegularExpression(r"[0-9+\-\s().]{0,24}")
# Codes that only mean "not finished yet" while the field still has focus.
_UNFINISHED = frozenset({"line.empty", "line.too_short"})


class OperatorState(StrEnum):
    NONE = "none"
    DETECTING = "detecting"
    OK = "ok"
    REFUSED = "refused"


class LineInput(QWidget):
    """A line field with the line echoed grouped (``312 345 6789``) and the operator as detected.

    ``optional``: an empty field is acceptable. ``stacked``: echo and operator go under the
    field instead of beside it (narrow columns). ``caption``: the caption in the current
    language, or ``None`` for the widget's own "Número de celular" (which it retranslates);
    a screen that gives its own sets it again from its ``retranslate`` with ``setCaption``.

    Signals:
      * ``lineChanged(str)``: the normalized 10 digits, or ``""`` while the text is not a
        valid line; emitted only when that value changes.

    Slots: ``setCaption(text)``, ``setStacked(bool)`` (kiosk: echo and operator each on
    a row under the field), ``setDetecting()``, ``setOperator(name)``,
    ``setLineRefused(message)`` (the caller's words, shown as given), ``clearOperator()``,
    ``setText(text)``, ``clear()``, ``revealError()`` (show why an unfinished line is not
    valid, e.g. after Enter).

    Queries: ``line()``, ``isAcceptable()`` (valid, or empty when optional),
    ``errorText()``, ``operatorState()``, ``operatorName()``, ``lineEdit()``.

    Object names, with ``prefix`` (e.g. ``topup``): ``<prefix>LineInput`` (the QLineEdit),
    ``<prefix>LineEcho``, ``<prefix>LineMessage``, ``<prefix>OperatorLabel``.
    """

    lineChanged = Signal(str)

    def __init__(
        self,
        prefix: str,
        caption: str | None = None,
        *,
        optional: bool = False,
        stacked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        self._line = ""
        self._error = ""
        self._revealed = False
        self._operator_state = OperatorState.NONE
        self._operator_name = ""
        #: The line was ported to the operator shown (its number suggests another one).
        self._ported = False
        self._refused_message = ""
        self._given_caption = caption
        self._built_stacked = stacked
        self._narrow = False

        self._caption = QLabel(self)
        self._caption.setObjectName(f"{prefix}LineCaption")
        self._caption.setWordWrap(True)
        self._edit = QLineEdit(self)
        self._edit.setObjectName(f"{prefix}LineInput")
        self._edit.setPlaceholderText("3XX XXX XXXX")
        self._edit.setValidator(QRegularExpressionValidator(_ALLOWED_INPUT, self._edit))
        self._edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self._edit.setClearButtonEnabled(True)
        self._edit.setMinimumWidth(280)
        self._caption.setBuddy(self._edit)

        self._echo = QLabel(self)
        self._echo.setObjectName(f"{prefix}LineEcho")
        self._operator = QLabel(self)
        self._operator.setObjectName(f"{prefix}OperatorLabel")
        self._operator.setWordWrap(True)
        self._message = MessageLabel(self, object_name=f"{prefix}LineMessage")

        self._grid = layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(4)
        self._place(stacked)

        self._edit.textChanged.connect(self._on_text_changed)
        self._edit.editingFinished.connect(self._on_editing_finished)
        self.retranslate()

    def setStacked(self, stacked: bool) -> None:
        """The echo, then the operator, under the field (a narrow kiosk column), or (False)
        as built: beside it, or under it when built ``stacked``."""
        self._place(self._built_stacked, narrow=stacked)

    def _place(self, stacked: bool, *, narrow: bool = False) -> None:
        layout = self._grid
        self._narrow = narrow
        for widget in (self._caption, self._edit, self._echo, self._operator, self._message):
            layout.removeWidget(widget)
        layout.addWidget(self._caption, 0, 0, 1, 3)
        if narrow:
            # Each on its own row: a long operator text does not squeeze the echo.
            layout.addWidget(self._edit, 1, 0, 1, 3)
            layout.addWidget(self._echo, 2, 0, 1, 3)
            layout.addWidget(self._operator, 3, 0, 1, 3)
            layout.addWidget(self._message, 4, 0, 1, 3)
        elif stacked:
            # Narrow columns: the grouped echo and the operator go under the field.
            layout.addWidget(self._edit, 1, 0, 1, 3)
            layout.addWidget(self._echo, 2, 0)
            layout.addWidget(self._operator, 2, 1, 1, 2)
            layout.addWidget(self._message, 3, 0, 1, 3)
        else:
            layout.addWidget(self._edit, 1, 0)
            layout.addWidget(self._echo, 1, 1)
            layout.addWidget(self._operator, 1, 2)
            layout.addWidget(self._message, 2, 0, 1, 3)
        for column in range(3):
            layout.setColumnStretch(column, 1 if column == 2 else 0)
        self._echo.setVisible(bool(self._line) or not narrow)

    # -- words -------------------------------------------------------------------

    def retranslate(self) -> None:
        self._render_caption()
        self._echo.setAccessibleName(translate("LineInput", "Número para confirmar"))
        self._render_operator()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setCaption(self, caption: str) -> None:
        """The caption above the field (also its accessible name), in the current language."""
        self._given_caption = caption
        self._render_caption()

    def _render_caption(self) -> None:
        caption = self._given_caption
        if caption is None:
            caption = translate("LineInput", "Número de celular")
        self._caption.setText(caption)
        self._edit.setAccessibleName(caption)

    # -- queries ---------------------------------------------------------------

    def line(self) -> str:
        return self._line

    def isAcceptable(self) -> bool:
        return bool(self._line) or (self._optional and not self._edit.text().strip())

    def errorText(self) -> str:
        return self._error

    def operatorState(self) -> OperatorState:
        return self._operator_state

    def operatorName(self) -> str:
        return self._operator_name

    def operatorText(self) -> str:
        """What is shown next to the line: the operator, or why it cannot be sold."""
        return self._operator.text()

    def lineEdit(self) -> QLineEdit:
        return self._edit

    # -- slots -----------------------------------------------------------------

    def setText(self, text: str) -> None:
        self._edit.setText(text)

    def clear(self) -> None:
        self._revealed = False
        self._edit.clear()
        self.clearOperator()

    def revealError(self) -> None:
        self._revealed = True
        self._refresh()

    def setDetecting(self) -> None:
        self._set_operator(OperatorState.DETECTING, "")

    def setOperator(self, name: str, ported: bool = False) -> None:
        """The operator that serves the line now; ``ported``: say it plainly ("Esta línea
        ahora es de Movistar"), the number suggesting another operator."""
        self._ported = ported
        self._set_operator(OperatorState.OK, name)

    def isPorted(self) -> bool:
        return self._ported and self._operator_state is OperatorState.OK

    def setLineRefused(self, message: str) -> None:
        self._set_operator(OperatorState.REFUSED, "", message)

    def clearOperator(self) -> None:
        self._set_operator(OperatorState.NONE, "")

    # -- internals -------------------------------------------------------------

    def _set_operator(self, state: OperatorState, name: str, refused: str = "") -> None:
        self._operator_state = state
        self._operator_name = name
        self._refused_message = refused
        roles = {OperatorState.OK: "ok", OperatorState.REFUSED: "error"}
        set_role(self._operator, roles.get(state, "hint"))
        self._render_operator()

    def _render_operator(self) -> None:
        state = self._operator_state
        if state is OperatorState.DETECTING:
            text = translate("LineInput", "Consultando el operador de la línea…")
        elif state is OperatorState.OK:
            if self._ported:
                text = translate("LineInput", "Esta línea ahora es de {name}")
            else:
                text = translate("LineInput", "Operador: {name}")
            text = text.format(name=self._operator_name)
        elif state is OperatorState.REFUSED:
            text = now(self._refused_message)
        else:
            text = ""
        self._operator.setText(text)
        self._operator.setVisible(bool(text))

    def _on_text_changed(self, _text: str) -> None:
        # A revealed "too short" should not nag while the line is being corrected.
        self._revealed = False
        self._refresh()

    def _on_editing_finished(self) -> None:
        if self._edit.text().strip():
            self.revealError()

    def _refresh(self) -> None:
        text = self._edit.text()
        line, error, code = "", "", ""
        if text.strip() or not self._optional:
            try:
                line = normalize_line(text)
            except ValidationError as invalid:
                code = invalid.code
                error = describe(invalid)
        self._error = error
        # While typing, "too short" is not an error yet; anything else is said at once.
        shown = error if (self._revealed or code not in _UNFINISHED) else ""
        self._message.setMessage(shown, "error")
        self._echo.setText(group_line(line) if line else "")
        # On its own row (kiosk), an empty echo takes no room.
        self._echo.setVisible(bool(line) or not self._narrow)
        if line != self._line:
            self._line = line
            self.clearOperator()
            self.lineChanged.emit(line)
