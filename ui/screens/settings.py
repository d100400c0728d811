"""The store's settings behind the admin PIN: a form by group, and the clerks.

Every setting of :data:`kiosk.domain.settings.FIELDS` has a row: its label, its input, and
its error under it. Keys are write-only: the row says only whether one is set, and its
field stays empty unless something is typed to replace it. "Guardar" hands over what
changed (as typed: the settings service checks and keeps it); a refusal shows each
field's own error and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import now, text, translate
from kiosk.domain.operators import COLOMBIAN_BRANDS
from kiosk.domain.settings import FIELDS, FIELDS_BY_NAME, LABELS, PAPER_WIDTHS, SettingField
from kiosk.domain.text import Text
from ui.screens.base import Screen, make_button
from ui.widgets.message_label import MessageLabel, set_role
from ui.widgets.pin_pad import make_pin_field

if TYPE_CHECKING:  # annotations only
    from kiosk.domain.staff import Clerk

#: The form's groups, in order, and which settings each holds (by name).
GROUPS = ("business", "payments", "printer", "limits")
_GROUP_OF_SECTION = {
    "store": "business",
    "": "business",
    "ui": "business",
    "journal": "business",
    "printer": "printer",
    "limits": "limits",
    "catalogue": "payments",
    "pse": "payments",
    "topups": "payments",
    "lines": "payments",
}


def group_of(field: SettingField) -> str:
    if field.name == "ui.idle_seconds":
        return "limits"
    return _GROUP_OF_SECTION.get(field.section, "business")


def group_title(group: str) -> str:
    return {
        "business": translate("SettingsScreen", "Negocio"),
        "payments": translate("SettingsScreen", "Pagos y recargas"),
        "printer": translate("SettingsScreen", "Impresora"),
        "limits": translate("SettingsScreen", "Límites"),
        "staff": translate("SettingsScreen", "Personal"),
    }[group]


def field_part(name: str) -> str:
    """``store.nit`` → ``StoreNit``: the part of a setting's widgets' object names."""
    return "".join(word[:1].upper() + word[1:] for word in name.replace(".", "_").split("_"))


def field_label(name: str) -> str:
    field = FIELDS_BY_NAME.get(name)
    return text(Text(LABELS, field.label)) if field is not None else name


def _language_words(code: str) -> str:
    return {
        "es": translate("SettingsScreen", "Español (Colombia)"),
        "en": translate("SettingsScreen", "Inglés"),
    }.get(code, code)


def _placeholder(field: SettingField) -> str:
    """How a value of ``field``'s kind is written (shown in its empty field)."""
    if field.kind == "printer":
        return translate(
            "SettingsScreen", "Vacío: sin impresora. p. ej. 192.168.1.50:9100 o usb:04b8:0e15"
        )
    if field.kind == "url":
        return translate("SettingsScreen", "Vacío: el sandbox. p. ej. https://…")
    if field.kind == "presets":
        return translate("SettingsScreen", "p. ej. 2000, 5000, 10000")
    if field.kind == "operators":
        return translate("SettingsScreen", "Vacío: todos. Uno o varios de: {brands}").format(
            brands=", ".join(COLOMBIAN_BRANDS)
        )
    if field.kind == "amount":
        return translate("SettingsScreen", "En la moneda de la cuenta, p. ej. 500.000")
    return ""


def _shown(field: SettingField, value: object) -> str:
    """A kept value as the form shows it (lists comma-separated, numbers as digits)."""
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(str(item) for item in value)
    return str(value)


class _Row:
    """One setting's widgets: input, error, and (for a key) whether it is set."""

    def __init__(self, field: SettingField, parent: QWidget) -> None:
        self.field = field
        part = field_part(field.name)
        self.caption = QLabel(parent)
        self.caption.setObjectName(f"settings{part}Caption")
        self.caption.setWordWrap(True)
        self.box = QWidget(parent)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line: QLineEdit | None = None
        self.combo: QComboBox | None = None
        self.notice: QPlainTextEdit | None = None
        self.state: QLabel | None = None
        self._set = False
        if field.kind == "notice":
            self.notice = QPlainTextEdit(self.box)
            self.notice.setObjectName(f"settings{part}Input")
            self.notice.setTabChangesFocus(True)
            self.notice.setFixedHeight(96)
            layout.addWidget(self.notice)
        elif field.kind in ("language", "paper"):
            self.combo = QComboBox(self.box)
            self.combo.setObjectName(f"settings{part}Input")
            choices: Iterable[object] = ("es", "en") if field.kind == "language" else PAPER_WIDTHS
            for choice in choices:
                self.combo.addItem(str(choice), choice)
            layout.addWidget(self.combo)
        else:
            self.line = QLineEdit(self.box)
            self.line.setObjectName(f"settings{part}Input")
            if field.secret:
                self.line.setEchoMode(QLineEdit.EchoMode.Password)
                self.state = QLabel(self.box)
                self.state.setObjectName(f"settings{part}State")
                layout.addWidget(self.state)
            layout.addWidget(self.line)
        self.error = MessageLabel(self.box, object_name=f"settingsError{part}")
        layout.addWidget(self.error)
        self.initial = ""

    def input(self) -> QWidget:
        widget = self.notice or self.combo or self.line
        assert widget is not None
        return widget

    def retranslate(self) -> None:
        caption = field_label(self.field.name)
        self.caption.setText(caption)
        # The caption is in another cell of the form: a screen reader names the field by it.
        self.input().setAccessibleName(caption)
        if self.line is not None and not self.field.secret:
            self.line.setPlaceholderText(_placeholder(self.field))
        if self.combo is not None and self.field.kind == "language":
            for index in range(self.combo.count()):
                self.combo.setItemText(index, _language_words(str(self.combo.itemData(index))))
        if self.state is not None and self.line is not None:
            self.state.setText(
                translate("SettingsScreen", "Configurada")
                if self._set
                else translate("SettingsScreen", "Sin configurar")
            )
            set_role(self.state, "ok" if self._set else "hint")
            self.line.setPlaceholderText(translate("SettingsScreen", "Escriba para reemplazar"))

    def show_value(self, value: object, is_set: bool) -> None:
        self.error.clearMessage()
        if self.field.secret:
            self._set = is_set
            assert self.line is not None
            self.line.clear()  # never the key itself: the form does not have it
            self.initial = ""
            self.retranslate()
            return
        shown = _shown(self.field, value)
        self.initial = shown
        if self.combo is not None:
            index = self.combo.findData(value)
            self.combo.setCurrentIndex(max(index, 0))
            self.initial = str(self.combo.currentData())
        elif self.notice is not None:
            self.notice.setPlainText(shown)
        elif self.line is not None:
            self.line.setText(shown)

    def current(self) -> str:
        if self.combo is not None:
            return str(self.combo.currentData())
        if self.notice is not None:
            return self.notice.toPlainText()
        assert self.line is not None
        return self.line.text()

    def change(self) -> object | None:
        """What to save for this setting (None: unchanged)."""
        written = self.current()
        if self.field.secret:
            return written if written else None
        if written == self.initial:
            return None
        if self.combo is not None:
            chosen: object = self.combo.currentData()
            return chosen
        return written


class SettingsScreen(Screen):
    """Groups "Negocio", "Pagos y recargas", "Impresora", "Límites" and "Personal".

    Signals:
      * ``saveRequested(dict)``: the settings that changed, by name (``store.nit``…), as
        typed (texts; the language and the paper width as their values; a key only when
        something was typed in its field);
      * ``clerkAddRequested(str name, str pin, bool is_admin)``,
        ``clerkPinRequested(str clerk_id, str pin)``, ``clerkRemoveRequested(str clerk_id)``;
      * ``back()``.
    Slots: ``setValues(values, secrets_set)`` (the form as the settings service reads it;
    keys only as set or not), ``setFieldErrors({name: words})`` (each under its field;
    ``{}`` clears them), ``setSaved(applied, need_restart)`` (the names that took effect now
    and those that wait for a restart), ``setClerks(clerks)``, ``setClerkMessage(words,
    role)``, ``setBusy(...)``.
    Queries: ``changes()``, ``fieldError(name)``, ``fieldInput(name)``.

    Object names: ``settingsScreen``, ``settingsArea`` (the scroll area), ``settingsGroup_<g>``
    (``business``, ``payments``, ``printer``, ``limits``, ``staff``); per setting
    ``settings<Field>Input``, ``settings<Field>Caption``, ``settingsError<Field>`` and for a
    key ``settings<Field>State`` ("Configurada" / "Sin configurar"), where ``<Field>`` is the
    name in CamelCase (``store.nit`` → ``StoreNit``, ``kiosk_name`` → ``KioskName``);
    ``settingsContinueButton`` ("Guardar"), ``settingsBackButton``, ``settingsMessage``;
    the clerks: ``settingsClerkList``, ``settingsClerkPinInput``, ``settingsClerkPinButton``,
    ``settingsClerkRemoveButton``, ``settingsNewClerkNameInput``, ``settingsNewClerkPinInput``,
    ``settingsNewClerkAdminCheck``, ``settingsNewClerkAddButton``, ``settingsClerkMessage``.
    """

    saveRequested = Signal(dict)
    clerkAddRequested = Signal(str, str, bool)
    clerkPinRequested = Signal(str, str)
    clerkRemoveRequested = Signal(str)

    prefix = "settings"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._rows: dict[str, _Row] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._saved: tuple[frozenset[str], frozenset[str]] | None = None
        self._clerks: list[Clerk] = []
        self._clerk_message: tuple[str, str] | None = None

        self.area = QScrollArea(self.content())
        self.area.setObjectName("settingsArea")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(self.area)
        inner.setObjectName("settingsForm")
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(16)
        forms: dict[str, QFormLayout] = {}
        for group in (*GROUPS, "staff"):
            box = QGroupBox(inner)
            box.setObjectName(f"settingsGroup_{group}")
            self._groups[group] = box
            column.addWidget(box)
            if group != "staff":
                form = QFormLayout(box)
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                # Room between fields: a finger on one never touches the next (kiosk admin).
                form.setVerticalSpacing(12)
                forms[group] = form
        for field in FIELDS:
            row = _Row(field, inner)
            self._rows[field.name] = row
            forms[group_of(field)].addRow(row.caption, row.box)
        self._build_staff(self._groups["staff"])
        column.addStretch(1)
        self.area.setWidget(inner)
        self.body.addWidget(self.area, 1)

        self.save_button = self.add_continue_button("")
        self.save_button.clicked.connect(self.go_on)
        self.retranslate()

    def _build_staff(self, box: QGroupBox) -> None:
        layout = QVBoxLayout(box)
        layout.setSpacing(8)
        self.clerk_list = QListWidget(box)
        self.clerk_list.setObjectName("settingsClerkList")
        self.clerk_list.setMinimumHeight(120)
        layout.addWidget(self.clerk_list)
        chosen = QHBoxLayout()
        self.clerk_pin_input = make_pin_field("settingsClerkPinInput", box)
        self.clerk_pin_button = make_button("", "settingsClerkPinButton", box)
        self.clerk_pin_button.clicked.connect(self._change_pin)
        self.clerk_remove_button = make_button("", "settingsClerkRemoveButton", box)
        self.clerk_remove_button.clicked.connect(self._remove_clerk)
        chosen.addWidget(self.clerk_pin_input, 1)
        chosen.addWidget(self.clerk_pin_button)
        chosen.addWidget(self.clerk_remove_button)
        layout.addLayout(chosen)
        self._new_caption = QLabel(box)
        self._new_caption.setObjectName("settingsNewClerkCaption")
        layout.addWidget(self._new_caption)
        new = QHBoxLayout()
        self.new_name_input = QLineEdit(box)
        self.new_name_input.setObjectName("settingsNewClerkNameInput")
        self.new_pin_input = make_pin_field("settingsNewClerkPinInput", box)
        self.new_admin_check = QCheckBox(box)
        self.new_admin_check.setObjectName("settingsNewClerkAdminCheck")
        self.new_add_button = make_button("", "settingsNewClerkAddButton", box)
        self.new_add_button.clicked.connect(self._add_clerk)
        new.addWidget(self.new_name_input, 2)
        new.addWidget(self.new_pin_input, 1)
        new.addWidget(self.new_admin_check)
        new.addWidget(self.new_add_button)
        layout.addLayout(new)
        self._clerk_label = MessageLabel(box, object_name="settingsClerkMessage")
        layout.addWidget(self._clerk_label)

    # -- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("SettingsScreen", "Ajustes"))
        self.setSubtitle(
            translate(
                "SettingsScreen",
                "Los cambios se guardan al pulsar «Guardar». Las llaves nunca se muestran.",
            )
        )
        self.set_button_text(self.save_button, translate("SettingsScreen", "Guardar"))
        for group, box in self._groups.items():
            box.setTitle(group_title(group))
        for row in self._rows.values():
            row.retranslate()
        self.clerk_pin_input.setPlaceholderText(translate("SettingsScreen", "Nuevo PIN"))
        self.clerk_pin_button.setText(translate("SettingsScreen", "Cambiar PIN"))
        self.clerk_remove_button.setText(translate("SettingsScreen", "Quitar"))
        self._new_caption.setText(translate("SettingsScreen", "Agregar una persona:"))
        self.new_name_input.setPlaceholderText(translate("SettingsScreen", "Nombre"))
        self.new_pin_input.setPlaceholderText(translate("SettingsScreen", "PIN"))
        self.new_admin_check.setText(translate("SettingsScreen", "Administrador"))
        self.new_add_button.setText(translate("SettingsScreen", "Agregar"))
        self._render_clerks()
        if self._saved is not None:
            self._render_saved()
        if self._clerk_message is not None:
            words, role = self._clerk_message
            self._clerk_label.setMessage(now(words), role)

    # -- the form ------------------------------------------------------------------------

    def setValues(self, values: Mapping[str, object], secrets_set: Mapping[str, bool]) -> None:
        """Show the settings as kept (``values`` by name; keys only in ``secrets_set``)."""
        for name, row in self._rows.items():
            row.show_value(values.get(name), bool(secrets_set.get(name, False)))

    def changes(self) -> dict[str, object]:
        changed: dict[str, object] = {}
        for name, row in self._rows.items():
            value = row.change()
            if value is not None:
                changed[name] = value
        return changed

    def fieldInput(self, name: str) -> QWidget:
        return self._rows[name].input()

    def fieldError(self, name: str) -> str:
        label = self._rows[name].error
        return label.text() if label.isVisibleTo(self) else ""

    def setFieldErrors(self, errors: Mapping[str, str]) -> None:
        """Each setting's error under it (words, a ``Said`` follows the language); the
        first one scrolled into view."""
        first: QWidget | None = None
        for name, row in self._rows.items():
            words = errors.get(name, "")
            row.error.setMessage(words, "error" if words else "")
            set_role(row.input(), "invalid" if words else "")
            if words and first is None:
                first = row.input()
        unknown = [name for name in errors if name not in self._rows]
        if errors:
            self._saved = None
            self.showOwnMessage(
                lambda: translate(
                    "SettingsScreen",
                    "No se guardó nada: corrija los campos marcados.",
                ),
                "error",
            )
        if unknown:
            self.setError(" ".join(now(errors[name]) for name in unknown))
        if first is not None:
            self.area.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def setSaved(self, applied: Iterable[str], need_restart: Iterable[str]) -> None:
        """Saved: what took effect now, and what waits for the next start."""
        self._saved = (frozenset(applied), frozenset(need_restart))
        for row in self._rows.values():
            row.error.clearMessage()
            set_role(row.input(), "")
        self._render_saved()

    def _render_saved(self) -> None:
        assert self._saved is not None
        applied, restart = self._saved

        def names(group: frozenset[str]) -> str:
            return ", ".join(field_label(n) for n in (f.name for f in FIELDS) if n in group)

        def words() -> str:
            parts = [translate("SettingsScreen", "Ajustes guardados.")]
            if applied:
                parts.append(
                    translate("SettingsScreen", "Ya en uso: {names}.").format(names=names(applied))
                )
            if restart:
                parts.append(
                    translate(
                        "SettingsScreen", "Se aplicarán al reiniciar la aplicación: {names}."
                    ).format(names=names(restart))
                )
            if not applied and not restart:
                parts.append(translate("SettingsScreen", "No había cambios."))
            return " ".join(parts)

        self.showOwnMessage(words, "warning" if restart else "ok")

    def savedMessage(self) -> str:
        return self.messageText()

    # -- the clerks ----------------------------------------------------------------------

    def setClerks(self, clerks: Iterable[Clerk]) -> None:
        self._clerks = list(clerks)
        self._render_clerks()

    def _render_clerks(self) -> None:
        chosen = self.chosenClerkId()
        self.clerk_list.clear()
        for clerk in self._clerks:
            shown = (
                translate("SettingsScreen", "{name} (administrador)").format(name=clerk.name)
                if clerk.is_admin
                else clerk.name
            )
            item = QListWidgetItem(shown, self.clerk_list)
            item.setData(Qt.ItemDataRole.UserRole, clerk.id)
            if clerk.id == chosen:
                self.clerk_list.setCurrentItem(item)

    def chosenClerkId(self) -> str:
        item = self.clerk_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def setClerkMessage(self, words: str, role: str = "error") -> None:
        self._clerk_message = (words, role) if words else None
        self._clerk_label.setMessage(words, role if words else "")

    def clerkMessage(self) -> str:
        return self._clerk_label.text() if self._clerk_label.isVisibleTo(self) else ""

    def _choose_first(self) -> bool:
        if self.chosenClerkId():
            return True
        self.setClerkMessage(
            translate("SettingsScreen", "Elija a una persona de la lista."), "hint"
        )
        return False

    def _change_pin(self) -> None:
        if not self._choose_first():
            return
        pin = self.clerk_pin_input.text()
        if not pin:
            self.setClerkMessage(translate("SettingsScreen", "Escriba el nuevo PIN."), "hint")
            return
        self.clerk_pin_input.clear()
        self.clerkPinRequested.emit(self.chosenClerkId(), pin)

    def _remove_clerk(self) -> None:
        if self._choose_first():
            self.clerkRemoveRequested.emit(self.chosenClerkId())

    def _add_clerk(self) -> None:
        name, pin = self.new_name_input.text().strip(), self.new_pin_input.text()
        if not name or not pin:
            self.setClerkMessage(
                translate("SettingsScreen", "Escriba el nombre y el PIN de la persona."), "hint"
            )
            return
        self.new_pin_input.clear()
        self.clerkAddRequested.emit(name, pin, self.new_admin_check.isChecked())

    def clerkAdded(self) -> None:
        """The person was added: the fields are emptied for the next one."""
        self.new_name_input.clear()
        self.new_admin_check.setChecked(False)

    # -- Screen --------------------------------------------------------------------------

    def go_on(self) -> None:
        self.saveRequested.emit(self.changes())

    def enter(self) -> None:
        self.area.verticalScrollBar().setValue(0)
        first = self._rows[FIELDS[0].name].input()
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        super().reset()
        self._saved = None
        self.setClerkMessage("")
        for row in self._rows.values():
            row.error.clearMessage()
            set_role(row.input(), "")
            if row.field.secret and row.line is not None:
                row.line.clear()
        self.clerk_pin_input.clear()
        self.new_pin_input.clear()
