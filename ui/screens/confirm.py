"""The confirm step: what is being sold, to which line, for how much, and how it is paid."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QFrame, QLabel, QPushButton, QWidget

from kiosk.controllers.language import formats, translate
from kiosk.domain.catalogue import Pack
from kiosk.domain.lines import group_line
from kiosk.domain.sale import PaymentMode, SaleKind
from ui.formatting import pack_summary
from ui.screens.base import Screen, make_button
from ui.texts import kind_words, mode_explanation, mode_words
from ui.widgets.message_label import set_role

#: "Volver" and "Pagar con código QR" at the kiosk: wide targets.
_KIOSK_BUTTON_WIDTH = 240

_MODE_OBJECT_NAMES = {
    PaymentMode.CHECKOUT: "confirmModeCheckoutButton",
    PaymentMode.ASSISTED: "confirmModeAssistedButton",
}


class ConfirmScreen(Screen):
    """A summary of the sale and the payment mode for this sale.

    Signals: ``confirmed(PaymentMode)`` (Continue or Enter), ``back()``.
    Slots: ``setSummary(kind, line, operator, amount_pesos, pack=None, sender_line=None)``
    (the line is shown grouped: it is the sale in progress), ``setDefaultMode(PaymentMode)``
    (the counter defaults to assisted), ``setError(message)``, ``setBusy(bool)``, ``reset()``.
    Queries: ``mode()``, ``summaryTexts()``.
    Keys: 1 and 2 pick the first or second mode; arrows move between them.

    Kiosk mode (:meth:`setKioskMode`): the customer pays only by the checkout QR on their
    own phone (the kiosk never sees the payer's document or email): no mode buttons, a
    one-line explanation in place of "¿Cómo paga el cliente?", and the continue button
    says "Pagar con código QR"; ``mode()`` is then always the checkout.

    The summary is kept as data and shown again in the new language on ``LanguageChange``.

    Object names: ``confirmScreen``, ``confirmKindValue``, ``confirmLineValue``,
    ``confirmOperatorValue``, ``confirmDetailValue``, ``confirmSenderValue``,
    ``confirmAmountValue``, ``confirmModeCheckoutButton``, ``confirmModeAssistedButton``,
    ``confirmModeExplanation``, ``confirmContinueButton``, ``confirmBackButton``.
    """

    confirmed = Signal(object)

    prefix = "confirm"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._summary: _Summary | None = None
        content = self.content()
        panel = QFrame(content)
        panel.setObjectName("confirmSummary")
        set_role(panel, "panel")
        form = QFormLayout(panel)
        form.setContentsMargins(20, 12, 20, 12)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(6)
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key in ("Kind", "Line", "Operator", "Detail", "Sender", "Amount", "Receives"):
            value = QLabel(panel)
            value.setObjectName(f"confirm{key}Value")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label = QLabel(panel)
            caption_label.setObjectName(f"confirm{key}Caption")
            set_role(caption_label, "caption")
            form.addRow(caption_label, value)
            self._values[key] = value
            self._captions[key] = caption_label
        set_role(self._values["Line"], "bigLine")
        set_role(self._values["Amount"], "bigAmount")
        self.body.addWidget(panel)

        self._mode_caption = QLabel(content)
        self._mode_caption.setObjectName("confirmModeCaption")
        self.body.addWidget(self._mode_caption)
        self._mode_group = QButtonGroup(self)
        self._mode_group.setExclusive(True)
        self._mode_buttons: dict[PaymentMode, QPushButton] = {}
        for mode in (PaymentMode.ASSISTED, PaymentMode.CHECKOUT):
            button = make_button("", _MODE_OBJECT_NAMES[mode], content)
            button.setCheckable(True)
            button.setAutoDefault(False)
            set_role(button, "choice")
            self._mode_group.addButton(button)
            self._mode_buttons[mode] = button
            self.body.addWidget(button)
            button.toggled.connect(self._render_mode)
        self._explanation = QLabel(content)
        self._explanation.setObjectName("confirmModeExplanation")
        self._explanation.setWordWrap(True)
        set_role(self._explanation, "hint")
        self.body.addWidget(self._explanation)
        self.body.addStretch(1)

        self.continue_button = self.add_continue_button("")
        self.continue_button.clicked.connect(self.go_on)
        self._default_mode = PaymentMode.ASSISTED
        self.setDefaultMode(PaymentMode.ASSISTED)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("ConfirmScreen", "Confirme la venta"))
        self.setSubtitle(translate("ConfirmScreen", "Revise los datos con el cliente."))
        for key, caption in (
            ("Kind", translate("ConfirmScreen", "Venta")),
            ("Line", translate("ConfirmScreen", "Línea")),
            ("Operator", translate("ConfirmScreen", "Operador")),
            ("Detail", translate("ConfirmScreen", "Paquete")),
            ("Sender", translate("ConfirmScreen", "Lo envía")),
            ("Amount", translate("ConfirmScreen", "Valor a pagar")),
            ("Receives", translate("ConfirmScreen", "La línea recibe")),
        ):
            self._captions[key].setText(caption)
        for number, (mode, button) in enumerate(self._mode_buttons.items(), start=1):
            button.setText(f"{number}.  {mode_words(mode)}")
        if self.isKioskMode():
            self.setSubtitle(translate("ConfirmScreen", "Revise los datos antes de pagar."))
            self._mode_caption.setText(
                translate(
                    "ConfirmScreen",
                    "Usted paga en su propio celular: en la siguiente pantalla escanee el "
                    "código QR.",
                )
            )
            self.set_button_text(
                self.continue_button, translate("ConfirmScreen", "Pagar con código QR")
            )
        else:
            self._mode_caption.setText(translate("ConfirmScreen", "¿Cómo paga el cliente?"))
            self.set_button_text(self.continue_button, translate("ConfirmScreen", "Ir a pagar"))
        self._render_summary()
        self._render_mode()

    def setKioskMode(self, kiosk: bool) -> None:
        """The kiosk offers only the checkout QR (see the class's docstring)."""
        super().setKioskMode(kiosk)
        # Wide touch targets at the kiosk.
        self.back_button.setMinimumWidth(_KIOSK_BUTTON_WIDTH if kiosk else 0)
        self.continue_button.setMinimumWidth(_KIOSK_BUTTON_WIDTH if kiosk else 0)
        for button in self._mode_buttons.values():
            button.setVisible(not kiosk)
        self._explanation.setVisible(not kiosk)
        self._mode_caption.setWordWrap(kiosk)
        set_role(self._mode_caption, "instructions" if kiosk else "")
        if kiosk:
            self._mode_buttons[PaymentMode.CHECKOUT].setChecked(True)
        else:
            self._mode_buttons[self._default_mode].setChecked(True)
        self.retranslate()

    # -- slots -------------------------------------------------------------------------

    def setSummary(
        self,
        kind: SaleKind,
        line: str,
        operator: str,
        amount_pesos: int,
        pack: Pack | None = None,
        sender_line: str | None = None,
        receives_pesos: int | None = None,
    ) -> None:
        """``receives_pesos``: what the line gets when the provider converts the amount
        (shown only when it differs from what is paid)."""
        self._summary = _Summary(
            SaleKind(kind), line, operator, amount_pesos, pack, sender_line, receives_pesos
        )
        self._render_summary()

    def _render_summary(self) -> None:
        summary = self._summary
        if summary is None:
            return
        self._values["Kind"].setText(kind_words(summary.kind))
        self._values["Line"].setText(group_line(summary.line))
        self._values["Operator"].setText(summary.operator)
        self._values["Detail"].setText(pack_summary(summary.pack) if summary.pack else "")
        self._values["Sender"].setText(
            group_line(summary.sender_line) if summary.sender_line else ""
        )
        self._values["Amount"].setText(formats().pesos(summary.amount_pesos))
        receives = summary.receives_pesos
        self._values["Receives"].setText(
            formats().pesos(receives) if receives not in (None, summary.amount_pesos) else ""
        )
        for key in ("Operator", "Detail", "Sender", "Receives"):
            shown = bool(self._values[key].text())
            self._values[key].setVisible(shown)
            self._captions[key].setVisible(shown)

    def setDefaultMode(self, mode: PaymentMode) -> None:
        self._default_mode = PaymentMode(mode)
        shown = PaymentMode.CHECKOUT if self.isKioskMode() else self._default_mode
        self._mode_buttons[shown].setChecked(True)
        self._render_mode()

    def reset(self) -> None:
        super().reset()
        self.setDefaultMode(self._default_mode)

    # -- queries -----------------------------------------------------------------------

    def mode(self) -> PaymentMode:
        if self.isKioskMode():
            return PaymentMode.CHECKOUT
        for mode, button in self._mode_buttons.items():
            if button.isChecked():
                return mode
        return self._default_mode

    def summaryTexts(self) -> dict[str, str]:
        return {key: label.text() for key, label in self._values.items() if not label.isHidden()}

    # -- navigation ----------------------------------------------------------------------

    def enter(self) -> None:
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self.confirmed.emit(self.mode())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1}.get(Qt.Key(event.key()))
        if index is not None:
            visible = [b for b in self._mode_buttons.values() if not b.isHidden()]
            if index < len(visible):
                visible[index].setChecked(True)
                event.accept()
                return
        super().keyPressEvent(event)

    def _render_mode(self) -> None:
        self._explanation.setText(mode_explanation(self.mode()))


@dataclass(frozen=True)
class _Summary:
    """The sale being confirmed, as data (the words are made in the current language)."""

    kind: SaleKind
    line: str
    operator: str
    amount_pesos: int
    pack: Pack | None
    sender_line: str | None
    receives_pesos: int | None = None
