"""The privacy notice and consent box shown before a line is taken (Ley 1581 de 2012)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.controllers.language import translate


def privacy_notice(store_name: str, contact: str = "") -> str:
    """The short privacy notice naming the store (and how to reach it), in the current language.

    The store's name and contact are data: they are filled into the translated words.
    """
    store = store_name or translate("ConsentBox", "La tienda")
    if contact:
        template = translate(
            "ConsentBox",
            "{store} usa su número de celular solo para hacer esta venta y guardar su registro. "
            "Para consultar, corregir o pedir que se borren sus datos, pregunte en "
            "{store} ({contact}) (Ley 1581 de 2012). "
            "¿Autoriza el uso de su número para esta venta?",
        )
    else:
        template = translate(
            "ConsentBox",
            "{store} usa su número de celular solo para hacer esta venta y guardar su registro. "
            "Para consultar, corregir o pedir que se borren sus datos, pregunte en "
            "{store} (Ley 1581 de 2012). ¿Autoriza el uso de su número para esta venta?",
        )
    return template.format(store=store, contact=contact)


def consent_needed() -> str:
    """What a screen says when Continue is pressed before consent is given."""
    return translate("ConsentBox", "Marque la autorización de datos para continuar.")


class ConsentBox(QFrame):
    """A short privacy notice naming the store, and a consent checkbox that is never pre-ticked.

    Signals: ``toggled(bool)``.
    Slots: ``setStore(name, contact="")``, ``reset()`` (unticks).
    Queries: ``isGiven()``, ``checkBox()``.
    Object names with ``prefix``: ``<prefix>ConsentNotice``, ``<prefix>ConsentCheck``.
    Words: context ``ConsentBox``; they follow the language (``retranslate``).
    """

    toggled = Signal(bool)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}ConsentBox")
        self._store = ""
        self._contact = ""
        self._notice = QLabel(self)
        self._notice.setObjectName(f"{prefix}ConsentNotice")
        self._notice.setWordWrap(True)
        self._check = QCheckBox(self)
        self._check.setObjectName(f"{prefix}ConsentCheck")
        self._check.setChecked(False)
        self._check.toggled.connect(self.toggled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        layout.addWidget(self._notice)
        layout.addWidget(self._check)
        self.retranslate()

    def retranslate(self) -> None:
        self._notice.setText(privacy_notice(self._store, self._contact))
        # "&" marks the Alt shortcut (Alt+A in both languages).
        self._check.setText(translate("ConsentBox", "Sí, &autorizo"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setStore(self, name: str, contact: str = "") -> None:
        self._store = name
        self._contact = contact
        self.retranslate()

    def reset(self) -> None:
        self._check.setChecked(False)

    def isGiven(self) -> bool:
        return self._check.isChecked()

    def checkBox(self) -> QCheckBox:
        return self._check
