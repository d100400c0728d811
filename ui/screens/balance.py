"""The balance query screen: the line, a one-time code by SMS, then the balance and packs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import formats, translate
from ui.screens.base import make_button
from ui.screens.consent import ConsentBox, consent_needed
from ui.screens.line_screen import (
    KIOSK_COLUMN_SPACING,
    KIOSK_PRESET_HEIGHT,
    ConsentScreen,
    FittedLineEdit,
    KioskButton,
    ScrollingColumns,
    set_box_direction,
)
from ui.widgets.keypad import DigitKeypad
from ui.widgets.line_input import LineInput
from ui.widgets.message_label import MessageLabel, set_role

CODE_DIGITS = 6


def _code_needed() -> str:
    return translate(
        "BalanceScreen",
        "Escriba los %n dígitos del código que llegó por mensaje de texto.",
        None,
        CODE_DIGITS,
    )


class BalanceStep(StrEnum):
    LINE = "line"
    CODE = "code"
    SHOWN = "shown"


class BalanceScreen(ConsentScreen):
    """See a line's balance and packs after a one-time code sent by SMS to that line.

    Signals:
      * ``codeRequested(str line)``: "Enviar código" (or Enter) with a valid line and consent.
      * ``codeSubmitted(str line, str code)``: "Ver saldo" (or Enter) with 6 digits.
      * ``doneRequested()``: kiosk, "Terminar" under a shown balance (the kiosk resets, so
        the line and its balance do not stay on screen for the next person).
      * ``back()``, ``busyCancelled()``.
    Slots: ``setCodeSent(masked_line)`` (the code field opens), ``setBalance(balance_pesos,
    packs)`` with ``packs`` as ``(name, expires_at)`` pairs (shown in Bogotá time),
    ``setError(message)`` (e.g. a wrong code: the code field is selected to type again),
    ``setBusy(bool)``, ``setStore(name, contact="")``, ``reset()``.
    Queries: ``step()``, ``line()``, ``code()``, ``consentGiven()``, ``isShowingBalance()``
    (kiosk: the balance is on screen; the kiosk's idle is shorter then).

    Object names: ``balanceScreen``, ``balanceConsentCheck``, ``balanceLineInput``,
    ``balanceLineEcho``, ``balanceLineMessage``, ``balanceSendCodeButton``, ``balanceCodeBox``,
    ``balanceCodeCaption``, ``balanceCodeInput``, ``balanceShowButton``, ``balanceResult``,
    ``balanceAmountLabel``, ``balancePacksList``, ``balanceBackButton``, ``balanceMessage``;
    kiosk: ``balanceDoneButton`` ("Terminar", once the balance is shown; "Enviar otro
    código" is hidden then), ``balanceKeypad`` (serves the line, then the code once sent),
    ``balanceConsentHint``, the column ``balanceMainColumn`` in ``balanceColumns``, inside
    ``balanceScrollArea`` at the kiosk (what does not fit scrolls).

    Kiosk (``setKioskMode(True)``, slots also ``setPrivacyNotice(es_text, en_text="")``):
    consent on top, the rest | the keypad (landscape) or the keypad under it (portrait);
    the line and the keypad wait for the consent (unticking erases the line). Taps:
    consent, the line's digits, "Enviar código", the code's digits, "Ver saldo".

    Words: context ``BalanceScreen``; the balance and the packs are kept as data and
    written again in the current language (money and moments through ``formats()``).
    """

    codeRequested = Signal(str)
    codeSubmitted = Signal(str, str)
    doneRequested = Signal()

    prefix = "balance"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._step = BalanceStep.LINE
        #: The masked line the code went to ("" before any), the balance and packs shown.
        self._masked_line = ""
        self._balance_pesos: int | None = None
        self._active_packs: tuple[tuple[str, datetime], ...] = ()
        content = self.content()
        # Counter: one column. Kiosk: the consent on top, then the rest | keypad
        # (landscape), or the keypad under it all (portrait); see _arrange.
        self._columns_box = QWidget(content)
        self._columns_box.setObjectName("balanceColumns")
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._columns_box)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(12)
        self._main_column = QWidget(content)
        self._main_column.setObjectName("balanceMainColumn")
        main = QVBoxLayout(self._main_column)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(12)
        self._columns.addWidget(self._main_column)
        self.keypad = DigitKeypad(self.prefix, content)
        self.keypad.hide()
        self._columns.addWidget(self.keypad)
        self.consent = ConsentBox(self.prefix, content)
        self.body.addWidget(self.consent)
        # Kiosk: why the line is greyed (consent first), or that it was erased.
        self._holder = ScrollingColumns(
            self.prefix, self.body, self._columns_box, content, stretch_after=True
        )
        content = self._main_column
        self.consent_hint = MessageLabel(content, object_name="balanceConsentHint")
        main.addWidget(self.consent_hint)  # kiosk only: over the line it is about

        line_row = QHBoxLayout()
        line_row.setSpacing(16)
        self.line_input = LineInput(self.prefix, parent=content)  # "Número de celular"
        line_row.addWidget(self.line_input, 1)
        self.send_button = make_button("", "balanceSendCodeButton", content)
        self.send_button.clicked.connect(self._request_code)
        line_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        main.addLayout(line_row)

        self._code_box = QFrame(content)
        self._code_box.setObjectName("balanceCodeBox")
        code_layout = QVBoxLayout(self._code_box)
        code_layout.setContentsMargins(0, 0, 0, 0)
        self._code_caption = QLabel(self._code_box)
        self._code_caption.setObjectName("balanceCodeCaption")
        self._code_caption.setWordWrap(True)
        code_row = QHBoxLayout()
        code_row.setSpacing(16)
        # As wide as six digits in the font it has (larger text too), no wider.
        self.code_input = FittedLineEdit("0" * CODE_DIGITS, self._code_box)
        self.code_input.setObjectName("balanceCodeInput")
        self.code_input.setMaxLength(CODE_DIGITS)
        self.code_input.setPlaceholderText("000000")
        self.code_input.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,6}"), self.code_input)
        )
        self.code_input.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        set_role(self.code_input, "code")
        self._code_caption.setBuddy(self.code_input)
        self.show_button = make_button("", "balanceShowButton", self._code_box)
        set_role(self.show_button, "primary")
        self.show_button.clicked.connect(self._submit_code)
        code_row.addWidget(self.code_input)
        code_row.addWidget(self.show_button)
        code_row.addStretch(1)
        code_layout.addWidget(self._code_caption)
        code_layout.addLayout(code_row)
        main.addWidget(self._code_box)

        self._result = QFrame(content)
        self._result.setObjectName("balanceResult")
        set_role(self._result, "panel")
        result_layout = QVBoxLayout(self._result)
        result_layout.setContentsMargins(16, 12, 16, 12)
        self._amount = QLabel(self._result)
        self._amount.setObjectName("balanceAmountLabel")
        set_role(self._amount, "bigAmount")
        self._packs = QLabel(self._result)
        self._packs.setObjectName("balancePacksList")
        self._packs.setWordWrap(True)
        self._packs.setTextFormat(Qt.TextFormat.PlainText)
        result_layout.addWidget(self._amount)
        result_layout.addWidget(self._packs)
        main.addWidget(self._result)
        # Kiosk: the balance shown, a big "Terminar" ends the visit (doneRequested).
        self.done_button = KioskButton(content)
        self.done_button.setObjectName("balanceDoneButton")
        self.done_button.setAutoDefault(True)
        self.done_button.setKioskHeight(KIOSK_PRESET_HEIGHT)
        set_role(self.done_button, "primary")
        self.done_button.clicked.connect(self.doneRequested)
        self.done_button.hide()
        main.addWidget(self.done_button)
        main.addStretch(1)

        self.keypad.serve(self.line_input.lineEdit(), self.code_input)
        self.consent.toggled.connect(self._on_consent)
        self.line_input.lineChanged.connect(self._on_line_changed)
        self.code_input.textChanged.connect(lambda _text: self._refresh())
        self._show_step(BalanceStep.LINE)
        self.retranslate()

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("BalanceScreen", "Consulta de saldo"))
        self.setSubtitle(
            translate(
                "BalanceScreen",
                "Para proteger su información, enviamos un código por mensaje de texto a la línea.",
            )
        )
        self.code_input.setAccessibleName(
            translate("BalanceScreen", "Código de %n dígitos", None, CODE_DIGITS)
        )
        self.show_button.setText(translate("BalanceScreen", "Ver saldo"))
        self.done_button.setText(translate("BalanceScreen", "Terminar"))
        self._render_send_button()
        self._render_code_caption()
        self._render_balance()
        self._render_gate()

    def _render_send_button(self) -> None:
        if self._step is BalanceStep.LINE:
            self.send_button.setText(translate("BalanceScreen", "Enviar código"))
        else:
            self.send_button.setText(translate("BalanceScreen", "Enviar otro código"))

    def _render_code_caption(self) -> None:
        if not self._masked_line:
            self._code_caption.clear()
            return
        template = translate(
            "BalanceScreen",
            "Escriba el código de %n dígitos que enviamos por mensaje de texto al {line}. "
            "Si no llega en un minuto, pida otro.",
            None,
            CODE_DIGITS,
        )
        self._code_caption.setText(template.format(line=self._masked_line))

    def _render_balance(self) -> None:
        if self._balance_pesos is None:
            self._amount.clear()
            self._packs.clear()
            return
        self._amount.setText(
            translate("BalanceScreen", "Saldo: {amount}").format(
                amount=formats().pesos(self._balance_pesos)
            )
        )
        if not self._active_packs:
            self._packs.setText(translate("BalanceScreen", "No tiene paquetes activos."))
            return
        lines = [
            translate("BalanceScreen", "• {name}: vence el {moment}").format(
                name=name, moment=formats().moment(expires)
            )
            for name, expires in self._active_packs
        ]
        self._packs.setText(
            translate("BalanceScreen", "Paquetes activos:") + "\n" + "\n".join(lines)
        )

    # -- slots -------------------------------------------------------------------------

    def setKioskMode(self, kiosk: bool) -> None:
        super().setKioskMode(kiosk)
        self._set_consent_kiosk(kiosk)
        self._arrange()
        self._render_gate()
        self._show_step(self._step)

    def setCodeSent(self, masked_line: str) -> None:
        self.clearError()
        self.code_input.clear()
        self._masked_line = masked_line
        self._render_code_caption()
        self._show_step(BalanceStep.CODE)
        self.keypad.setTarget(self.code_input)  # the keypad types the code now
        self.code_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def setBalance(self, balance_pesos: int, packs: Iterable[tuple[str, datetime]]) -> None:
        self.clearError()
        self._balance_pesos = balance_pesos
        self._active_packs = tuple(packs)
        self._render_balance()
        self.code_input.clear()
        self._show_step(BalanceStep.SHOWN)
        if self.done_button.isVisibleTo(self):
            self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def setError(self, message: str) -> None:
        super().setError(message)
        if self._step is BalanceStep.CODE and self.isVisible():
            self.code_input.setFocus(Qt.FocusReason.OtherFocusReason)
            self.code_input.selectAll()

    def reset(self) -> None:
        super().reset()
        self._reset_consent()
        self.line_input.clear()
        self.code_input.clear()
        self._masked_line = ""
        self._balance_pesos = None
        self._active_packs = ()
        self._render_code_caption()
        self._render_balance()
        self._show_step(BalanceStep.LINE)
        self.keypad.setTarget(self.line_input.lineEdit())
        self._render_gate()

    # -- queries -----------------------------------------------------------------------

    def step(self) -> BalanceStep:
        return self._step

    def line(self) -> str:
        return self.line_input.line()

    def code(self) -> str:
        return self.code_input.text()

    def isShowingBalance(self) -> bool:
        """Kiosk: the balance is on screen (until a new line, or the reset)."""
        return self.isKioskMode() and self._step is BalanceStep.SHOWN

    # -- navigation ----------------------------------------------------------------------

    def go_on(self) -> None:
        if self._step is BalanceStep.CODE:
            self._submit_code()
        elif self._step is not BalanceStep.SHOWN:
            self._request_code()

    # -- internals -----------------------------------------------------------------------

    def _request_code(self) -> None:
        if not self.line_input.isAcceptable():
            self.line_input.revealError()
            self.line_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.consent.isGiven():
            self.showOwnMessage(consent_needed)
            self.consent.checkBox().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.clearError()
        self.codeRequested.emit(self.line())

    def _submit_code(self) -> None:
        if len(self.code_input.text()) != CODE_DIGITS:
            # Not the controller's "wrong code": keep what was typed, just say what is missing.
            self.showOwnMessage(_code_needed)
            self.code_input.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.clearError()
        self.codeSubmitted.emit(self.line(), self.code_input.text())

    def _after_consent(self, given: bool) -> None:
        self._refresh()

    def _apply_orientation(self, portrait: bool) -> None:
        self._arrange()

    def _arrange(self) -> None:
        kiosk = self.isKioskMode()
        side_by_side = kiosk and not self.isPortrait()
        self._holder.setScrolling(kiosk)
        # Beside the keypad: the echo and the operator under the field, not beside it.
        self.line_input.setStacked(side_by_side)
        self.consent.setSideBySide(side_by_side)
        set_box_direction(self._columns, not side_by_side)
        self._columns.setSpacing(KIOSK_COLUMN_SPACING if kiosk else 12)
        self._columns.setStretchFactor(self._main_column, 1 if side_by_side else 0)
        self._columns.setAlignment(
            self.keypad,
            Qt.AlignmentFlag.AlignTop if side_by_side else Qt.AlignmentFlag.AlignHCenter,
        )

    def _on_line_changed(self, _line: str) -> None:
        # A code and a balance belong to one line: a new line starts over.
        if self._step is not BalanceStep.LINE:
            self.code_input.clear()
            self._show_step(BalanceStep.LINE)
        self._refresh()

    def _show_step(self, step: BalanceStep) -> None:
        self._step = step
        self._render_send_button()
        self._code_box.setVisible(step is BalanceStep.CODE)
        self._result.setVisible(step is BalanceStep.SHOWN)
        shown_at_kiosk = self.isKioskMode() and step is BalanceStep.SHOWN
        self.done_button.setVisible(shown_at_kiosk)
        self.send_button.setVisible(not shown_at_kiosk)
        self._refresh()

    def _refresh(self) -> None:
        self.send_button.setEnabled(self.line_input.isAcceptable() and self.consent.isGiven())
        self.show_button.setEnabled(len(self.code_input.text()) == CODE_DIGITS)
