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

from kiosk.controllers.language import describe, fill, formats, translate
from kiosk.domain.errors import ValidationError
from kiosk.domain.payer import (
    DocumentType,
    PayerData,
    PayerValidationError,
    PersonType,
    validate_payer,
)
from ui.screens.base import Screen
from ui.widgets.message_label import MessageLabel, set_role

#: The text fields of the form, in order: (key of validate_payer's errors, object name).
_TEXT_FIELDS = (
    ("document_number", "payerDocumentInput"),
    ("full_name", "payerNameInput"),
    ("email", "payerEmailInput"),
    ("phone", "payerPhoneInput"),
)


def _person_type_words(person_type: PersonType) -> str:
    if PersonType(person_type) is PersonType.JURIDICAL:
        return translate("PayerScreen", "Persona jurídica (empresa)")
    return translate("PayerScreen", "Persona natural")


def _document_type_words(document_type: DocumentType) -> str:
    """A document type as the combobox lists it (its PSE code in brackets)."""
    words = {
        DocumentType.CC: translate("PayerScreen", "Cédula de ciudadanía (CC)"),
        DocumentType.CE: translate("PayerScreen", "Cédula de extranjería (CE)"),
        DocumentType.NIT: translate("PayerScreen", "NIT"),
        DocumentType.TI: translate("PayerScreen", "Tarjeta de identidad (TI)"),
        DocumentType.PP: translate("PayerScreen", "Pasaporte (PP)"),
        DocumentType.DNI: translate("PayerScreen", "Documento de identidad extranjero (DNI)"),
    }
    document_type = DocumentType(document_type)
    return words.get(document_type, document_type.value)


def _choose_bank() -> str:
    return translate("PayerScreen", "Elija el banco del pagador.")


def _accept_terms() -> str:
    return translate(
        "PayerScreen",
        "Para continuar, el pagador debe aceptar los términos del proveedor de pagos.",
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
    Every word, the field messages included, follows the language (``LanguageChange``);
    the combo boxes keep their selection (their item data are the enum values).

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
        super().__init__("", "", parent)
        self._touched: set[str] = set()
        self._reveal_all = False
        self._terms: tuple[str, str] | None = None
        self._amount_pesos: int | None = None
        self._field_messages: dict[str, MessageLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._captions: dict[str, QLabel] = {}
        content = self.content()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.person_combo = QComboBox(content)
        self.person_combo.setObjectName("payerPersonTypeCombo")
        for person_type in PersonType:
            self.person_combo.addItem("", person_type)
        self.document_type_combo = QComboBox(content)
        self.document_type_combo.setObjectName("payerDocumentTypeCombo")
        for document_type in DocumentType:
            self.document_type_combo.addItem("", document_type.value)
        self._place(grid, 0, 0, "person_type", self.person_combo)
        self._place(grid, 0, 1, "document_type", self.document_type_combo)

        self.inputs: dict[str, QLineEdit] = {}
        for index, (field, name) in enumerate(_TEXT_FIELDS):
            edit = QLineEdit(content)
            edit.setObjectName(name)
            self.inputs[field] = edit
            row, column = divmod(index + 2, 2)
            self._place(grid, row, column, field, edit)
            edit.textChanged.connect(lambda _text: self._refresh())
            edit.editingFinished.connect(lambda f=field: self._touch(f))
        self.inputs["email"].setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.inputs["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)

        self.bank_combo = QComboBox(content)
        self.bank_combo.setObjectName("payerBankCombo")
        self._place(grid, 3, 0, "bank", self.bank_combo, span=2)
        form_box = QWidget()
        form_box.setObjectName("payerForm")
        form = QVBoxLayout(form_box)
        form.setContentsMargins(0, 0, 12, 0)
        form.setSpacing(8)
        form.addLayout(grid)

        self.terms_label = QLabel(content)
        self.terms_label.setObjectName("payerTermsLabel")
        self.terms_label.setWordWrap(True)
        self.terms_label.setTextFormat(Qt.TextFormat.RichText)
        self.terms_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.terms_label.setOpenExternalLinks(False)
        self.terms_label.linkActivated.connect(self.termsLinkActivated)
        self.terms_check = QCheckBox(content)
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

        self.continue_button = self.add_continue_button("")
        self.continue_button.clicked.connect(self.go_on)

        self.person_combo.currentIndexChanged.connect(self._on_person_type)
        self.document_type_combo.currentIndexChanged.connect(
            lambda _index: self._touch("document_type")
        )
        self.bank_combo.currentIndexChanged.connect(lambda _index: self._touch("bank"))
        self.terms_check.toggled.connect(self._on_terms)
        self.setBanks([])
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("PayerScreen", "Datos del pagador (PSE)"))
        self._render_amount()
        captions = {
            "person_type": translate("PayerScreen", "Tipo de persona"),
            "document_type": translate("PayerScreen", "Tipo de documento"),
            "document_number": translate("PayerScreen", "Número de documento"),
            "email": translate("PayerScreen", "Correo electrónico"),
            "phone": translate("PayerScreen", "Celular"),
            "bank": translate("PayerScreen", "Banco"),
        }
        for field, caption in captions.items():
            self._captions[field].setText(caption)
            self._field_widgets[field].setAccessibleName(caption)
        self._render_name_caption()
        # Item texts change in place: the selection (and its data) stays as it was.
        for index in range(self.person_combo.count()):
            words = _person_type_words(self.person_combo.itemData(index))
            self.person_combo.setItemText(index, words)
        for index in range(self.document_type_combo.count()):
            words = _document_type_words(self.document_type_combo.itemData(index))
            self.document_type_combo.setItemText(index, words)
        if self.bank_combo.count():
            self.bank_combo.setItemText(0, translate("PayerScreen", "Elija el banco…"))
        self.inputs["email"].setPlaceholderText(translate("PayerScreen", "nombre@correo.com"))
        self.inputs["phone"].setPlaceholderText(translate("PayerScreen", "3XX XXX XXXX"))
        self._render_terms()
        self.terms_check.setText(
            translate(
                "PayerScreen", "El &pagador leyó y acepta los términos y la autorización de datos"
            )
        )
        self.set_button_text(self.continue_button, translate("PayerScreen", "Crear el pago"))
        self._refresh()

    def _place(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        field: str,
        widget: QWidget,
        span: int = 1,
    ) -> None:
        cell = QVBoxLayout()
        cell.setSpacing(2)
        label = QLabel(self.content())
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
        self._captions[field] = label

    # -- slots -------------------------------------------------------------------------

    def setBanks(self, banks: Iterable[tuple[str, str]]) -> None:
        current = self.bankCode()
        self.bank_combo.blockSignals(True)
        self.bank_combo.clear()
        self.bank_combo.addItem(translate("PayerScreen", "Elija el banco…"), "")
        for code, name in banks:
            self.bank_combo.addItem(name, code)
        index = self.bank_combo.findData(current) if current else 0
        self.bank_combo.setCurrentIndex(max(0, index))
        self.bank_combo.blockSignals(False)
        self._refresh()

    def setTerms(self, acceptance_permalink: str, personal_data_permalink: str) -> None:
        has_terms = bool(acceptance_permalink and personal_data_permalink)
        self._terms = (acceptance_permalink, personal_data_permalink) if has_terms else None
        self._render_terms()
        self.terms_check.setChecked(False)
        self.terms_check.setEnabled(has_terms)
        self._refresh()

    def _render_terms(self) -> None:
        if self._terms is None:
            self.terms_label.setText(
                translate("PayerScreen", "Cargando los términos del proveedor de pagos…")
            )
            return
        acceptance, personal_data = self._terms
        template = translate(
            "PayerScreen",
            'Antes de pagar, el pagador debe leer y aceptar los <a href="{acceptance}">'
            'términos y condiciones</a> y la <a href="{personal_data}">autorización de '
            "tratamiento de datos personales</a> del proveedor de pagos.",
        )
        self.terms_label.setText(
            fill(template, {"acceptance": _attr(acceptance), "personal_data": _attr(personal_data)})
        )

    def setPhone(self, line: str) -> None:
        self.inputs["phone"].setText(line)

    def setAmount(self, pesos: int) -> None:
        self._amount_pesos = pesos
        self._render_amount()

    def _render_amount(self) -> None:
        if self._amount_pesos is None:
            self.setSubtitle("")
            return
        template = translate("PayerScreen", "Pago por PSE de {amount}")
        self.setSubtitle(fill(template, {"amount": formats().pesos(self._amount_pesos)}))

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
            self.showOwnMessage(_accept_terms)
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
        self._render_name_caption()
        self._touch("person_type")

    def _render_name_caption(self) -> None:
        # A company has a registered name, not a full name.
        if self.person_combo.currentData() == PersonType.JURIDICAL:
            caption = translate("PayerScreen", "Razón social")
        else:
            caption = translate("PayerScreen", "Nombre completo")
        self._captions["full_name"].setText(caption)
        self.inputs["full_name"].setAccessibleName(caption)

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
            errors = {field: describe(error) for field, error in invalid.errors.items()}
        if not self.bankCode():
            errors["bank"] = _choose_bank()
        for field, label in self._field_messages.items():
            shown = field in errors and (self._reveal_all or field in self._touched)
            label.setMessage(errors[field] if shown else "", "error")
            set_role(self._field_widgets[field], "invalid" if shown else "")
        self.continue_button.setEnabled(not errors and self.terms_check.isChecked())
        return errors


def _attr(url: str) -> str:
    """A URL made safe inside a double-quoted HTML attribute."""
    return url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
