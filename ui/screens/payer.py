"""Assisted PSE at the counter: the clerk types the payer's data and picks the bank."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_pesos
from kiosk.domain.payer import (
    DocumentType,
    PayerData,
    PayerValidationError,
    PersonType,
    validate_payer,
)
from kiosk.messages import render, render_error
from ui.screens.base import Screen
from ui.widgets.message_label import MessageLabel, set_role

_CHOOSE_BANK = "Elija el banco del pagador."
_ACCEPT_TERMS = "Para continuar, el pagador debe aceptar los términos del proveedor de pagos."
_TERMS_CHECK = "El &pagador leyó y acepta los términos y la autorización de datos"
_TERMS_PENDING = "Cargando los términos del proveedor de pagos…"

#: The fields of the form, in order: (key of validate_payer's errors, caption, object name).
_TEXT_FIELDS = (
    ("document_number", "Número de documento", "payerDocumentInput"),
    ("full_name", "Nombre completo", "payerNameInput"),
    ("email", "Correo electrónico", "payerEmailInput"),
    ("phone", "Celular", "payerPhoneInput"),
)


class PayerScreen(Screen):
    """The payer's PSE data, their bank and their explicit acceptance of the gateway's terms.

    Signals:
      * ``submitted(object payer_data, str bank_code)``: a valid :class:`PayerData`, a bank,
        and the terms accepted.
      * ``termsLinkActivated(str url)``: a terms link was clicked (the caller decides whether
        to open it: a counter may, a kiosk may show it instead).
      * ``back()``, ``busyCancelled()``.
    Slots: ``setBanks(banks)`` with ``(code, name)`` pairs, ``setTerms(acceptance_permalink,
    personal_data_permalink)``, ``setPhone(line)``, ``setAmount(pesos)``, ``setError(message)``,
    ``setBusy(bool)``, ``reset()``.
    Queries: ``payerData()`` (or None), ``bankCode()`` (or ""), ``fieldError(name)``.

    Each wrong field shows its message under it once left (or all at once on Enter).

    Object names: ``payerScreen``, ``payerPersonTypeCombo``, ``payerDocumentTypeCombo``,
    ``payerDocumentInput``, ``payerNameInput``, ``payerEmailInput``, ``payerPhoneInput``,
    ``payerBankCombo``, ``payerTermsLabel``, ``payerTermsCheck``, ``payerContinueButton``,
    ``payerBackButton``, ``payerMessage``; under each field ``<field object name>Message``
    (e.g. ``payerDocumentInputMessage``, ``payerDocumentTypeComboMessage``).
    """

    submitted = Signal(object, str)
    termsLinkActivated = Signal(str)

    prefix = "payer"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Datos del pagador (PSE)", "", parent)
        self._touched: set[str] = set()
        self._reveal_all = False
        self._has_terms = False
        self._field_messages: dict[str, MessageLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        content = self.content()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.person_combo = QComboBox(content)
        self.person_combo.setObjectName("payerPersonTypeCombo")
        self.person_combo.addItem(render("payer.person_type.natural"), PersonType.NATURAL)
        self.person_combo.addItem(render("payer.person_type.juridical"), PersonType.JURIDICAL)
        self.document_type_combo = QComboBox(content)
        self.document_type_combo.setObjectName("payerDocumentTypeCombo")
        for document_type in DocumentType:
            label = render(f"payer.document_type.{document_type.value}")
            shown = label if label == document_type.value else f"{label} ({document_type.value})"
            self.document_type_combo.addItem(shown, document_type.value)
        self._place(grid, 0, 0, "person_type", "Tipo de persona", self.person_combo)
        self._place(grid, 0, 1, "document_type", "Tipo de documento", self.document_type_combo)

        self.inputs: dict[str, QLineEdit] = {}
        for index, (field, caption, name) in enumerate(_TEXT_FIELDS):
            edit = QLineEdit(content)
            edit.setObjectName(name)
            edit.setAccessibleName(caption)
            self.inputs[field] = edit
            row, column = divmod(index + 2, 2)
            self._place(grid, row, column, field, caption, edit)
            edit.textChanged.connect(lambda _text: self._refresh())
            edit.editingFinished.connect(lambda f=field: self._touch(f))
        self.inputs["email"].setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.inputs["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.inputs["email"].setPlaceholderText("nombre@correo.com")
        self.inputs["phone"].setPlaceholderText("3XX XXX XXXX")

        self.bank_combo = QComboBox(content)
        self.bank_combo.setObjectName("payerBankCombo")
        self._place(grid, 3, 0, "bank", "Banco", self.bank_combo, span=2)
        form_box = QWidget()
        form_box.setObjectName("payerForm")
        form = QVBoxLayout(form_box)
        form.setContentsMargins(0, 0, 12, 0)
        form.setSpacing(8)
        form.addLayout(grid)

        self.terms_label = QLabel(_TERMS_PENDING, content)
        self.terms_label.setObjectName("payerTermsLabel")
        self.terms_label.setWordWrap(True)
        self.terms_label.setTextFormat(Qt.TextFormat.RichText)
        self.terms_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.terms_label.setOpenExternalLinks(False)
        self.terms_label.linkActivated.connect(self.termsLinkActivated)
        self.terms_check = QCheckBox(_TERMS_CHECK, content)
        self.terms_check.setObjectName("payerTermsCheck")
        self.terms_check.setChecked(False)
        self.terms_check.setEnabled(False)
        form.addWidget(self.terms_label)
        form.addWidget(self.terms_check)
        form.addStretch(1)
        # Many wrong fields at once make the form taller than a 768 px screen: let it scroll.
        scroll = QScrollArea(content)
        scroll.setObjectName("payerFormArea")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_box)
        self.body.addWidget(scroll, 1)

        self.continue_button = self.add_continue_button("Crear el pago")
        self.continue_button.clicked.connect(self.go_on)

        self.person_combo.currentIndexChanged.connect(self._on_person_type)
        self.document_type_combo.currentIndexChanged.connect(
            lambda _index: self._touch("document_type")
        )
        self.bank_combo.currentIndexChanged.connect(lambda _index: self._touch("bank"))
        self.terms_check.toggled.connect(self._on_terms)
        self.setBanks([])
        self._refresh()

    def _place(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        field: str,
        caption: str,
        widget: QWidget,
        span: int = 1,
    ) -> None:
        cell = QVBoxLayout()
        cell.setSpacing(2)
        label = QLabel(caption, self.content())
        label.setObjectName(f"{widget.objectName()}Caption")
        label.setBuddy(widget)
        message = MessageLabel(self.content(), object_name=f"{widget.objectName()}Message")
        if isinstance(widget, QComboBox):
            # Long bank names must not widen the form past the screen.
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(12)
        cell.addWidget(label)
        cell.addWidget(widget)
        cell.addWidget(message)
        # A long message under one field must not push its neighbour's caption down.
        cell.addStretch(1)
        grid.addLayout(cell, row, column, 1, span)
        self._field_messages[field] = message
        self._field_widgets[field] = widget

    # -- slots -------------------------------------------------------------------------

    def setBanks(self, banks: Iterable[tuple[str, str]]) -> None:
        current = self.bankCode()
        self.bank_combo.blockSignals(True)
        self.bank_combo.clear()
        self.bank_combo.addItem("Elija el banco…", "")
        for code, name in banks:
            self.bank_combo.addItem(name, code)
        index = self.bank_combo.findData(current) if current else 0
        self.bank_combo.setCurrentIndex(max(0, index))
        self.bank_combo.blockSignals(False)
        self._refresh()

    def setTerms(self, acceptance_permalink: str, personal_data_permalink: str) -> None:
        self._has_terms = bool(acceptance_permalink and personal_data_permalink)
        if self._has_terms:
            self.terms_label.setText(
                "Antes de pagar, el pagador debe leer y aceptar los "
                f'<a href="{_attr(acceptance_permalink)}">términos y condiciones</a> y la '
                f'<a href="{_attr(personal_data_permalink)}">autorización de tratamiento de '
                "datos personales</a> del proveedor de pagos."
            )
        else:
            self.terms_label.setText(_TERMS_PENDING)
        self.terms_check.setChecked(False)
        self.terms_check.setEnabled(self._has_terms)
        self._refresh()

    def setPhone(self, line: str) -> None:
        self.inputs["phone"].setText(line)

    def setAmount(self, pesos: int) -> None:
        self._subtitle.setText(f"Pago por PSE de {format_pesos(pesos)}")
        self._subtitle.setVisible(True)

    def reset(self) -> None:
        super().reset()
        for edit in self.inputs.values():
            edit.clear()
        self.person_combo.setCurrentIndex(0)
        self.document_type_combo.setCurrentIndex(0)
        self.bank_combo.setCurrentIndex(0)
        self.terms_check.setChecked(False)
        self._touched.clear()
        self._reveal_all = False
        self._refresh()

    # -- queries -----------------------------------------------------------------------

    def payerData(self) -> PayerData | None:
        try:
            return self._validate()
        except ValidationError:
            return None

    def bankCode(self) -> str:
        return str(self.bank_combo.currentData() or "")

    def fieldError(self, field: str) -> str:
        message = self._field_messages[field]
        return message.text() if not message.isHidden() else ""

    # -- navigation ----------------------------------------------------------------------

    def enter(self) -> None:
        self.inputs["document_number"].setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self._reveal_all = True
        errors = self._refresh()
        for field, widget in self._field_widgets.items():
            if field in errors:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if not self.terms_check.isChecked():
            self.setError(_ACCEPT_TERMS)
            if self.terms_check.isEnabled():
                self.terms_check.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        payer = self.payerData()
        if payer is not None:
            self.clearError()
            self.submitted.emit(payer, self.bankCode())

    # -- internals -----------------------------------------------------------------------

    def _validate(self) -> PayerData:
        return validate_payer(
            self.person_combo.currentData(),
            self.document_type_combo.currentData(),
            self.inputs["document_number"].text(),
            self.inputs["full_name"].text(),
            self.inputs["email"].text(),
            self.inputs["phone"].text(),
        )

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self._refresh()

    def _on_person_type(self, _index: int) -> None:
        juridical = self.person_combo.currentData() == PersonType.JURIDICAL
        if juridical:
            # A company pays with its NIT: pick it for the clerk (still changeable).
            self.document_type_combo.setCurrentIndex(
                self.document_type_combo.findData(DocumentType.NIT.value)
            )
        caption = self.findChild(QLabel, "payerNameInputCaption")
        if caption is not None:
            caption.setText("Razón social" if juridical else "Nombre completo")
        self._touch("person_type")

    def _on_terms(self, accepted: bool) -> None:
        if accepted:
            self.clearError()
        self._refresh()

    def _refresh(self) -> dict[str, str]:
        """Show each wrong field's message (touched fields, or all after Enter)."""
        errors: dict[str, str] = {}
        try:
            self._validate()
        except PayerValidationError as invalid:
            errors = {field: render_error(error) for field, error in invalid.errors.items()}
        if not self.bankCode():
            errors["bank"] = _CHOOSE_BANK
        for field, label in self._field_messages.items():
            shown = field in errors and (self._reveal_all or field in self._touched)
            label.setMessage(errors[field] if shown else "", "error")
            set_role(self._field_widgets[field], "invalid" if shown else "")
        self.continue_button.setEnabled(not errors and self.terms_check.isChecked())
        return errors


def _attr(url: str) -> str:
    """A URL made safe inside a double-quoted HTML attribute."""
    return url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
