"""The privacy notice and consent box shown before a line is taken (Ley 1581 de 2012)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QFrame, QLabel, QWidget

from kiosk.controllers.language import current_language, translate

# The kiosk's consent row: tall enough for a finger, the whole row is the target.
KIOSK_ROW_HEIGHT = 56


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


class _ConsentCheck(QCheckBox):
    """A checkbox at least ``rowHeight`` tall (kept when the stylesheet is applied again,
    e.g. by the larger-text switch, which resets minimum sizes); with a row height (the
    kiosk) a tap anywhere on its row ticks it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row_height = 0

    def setRowHeight(self, height: int) -> None:
        self._row_height = height
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return hint.expandedTo(QSize(0, self._row_height))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return hint.expandedTo(QSize(0, self._row_height))

    def hitButton(self, pos: QPoint) -> bool:
        # At the kiosk the whole row takes the tap, not only the box and its words.
        if self._row_height:
            return self.rect().contains(pos)
        return super().hitButton(pos)


def strip_mnemonic(text: str) -> str:
    """``text`` without its "&" shortcut marks ("&&", a written "&", stays one "&")."""
    return "&&".join(part.replace("&", "") for part in text.split("&&"))


class ConsentBox(QFrame):
    """A short privacy notice naming the store, and a consent checkbox that is never pre-ticked.

    The notice is the store's own (settings ``store.privacy_notice`` in Spanish,
    ``store.privacy_notice_en`` in English: data, shown as written) when the current
    language has one, else the built-in :func:`privacy_notice` naming the store.

    Kiosk (``setKioskMode(True)``): a finger-sized row, and no underlined shortcut letter
    (the "&" of "Sí, &autorizo": a kiosk has no keyboard); once ticked, the notice shrinks to
    one sentence saying so (and how to take it back), giving its room to the screen.

    Signals: ``toggled(bool)``.
    Slots: ``setStore(name, contact="")``, ``setPrivacyNotice(es_text, en_text="")``,
    ``setKioskMode(bool)`` (a row of at least 56 px for a finger), ``setSideBySide(bool)``
    (the checkbox beside the notice: wide screens), ``reset()`` (unticks).
    Queries: ``isGiven()``, ``checkBox()``, ``noticeText()``.
    Object names with ``prefix``: ``<prefix>ConsentBox``, ``<prefix>ConsentNotice``,
    ``<prefix>ConsentCheck``.
    Words: context ``ConsentBox``; they follow the language (``retranslate``).
    """

    toggled = Signal(bool)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}ConsentBox")
        self._store = ""
        self._contact = ""
        self._kiosk = False
        # The store's own notices by language ("": the built-in one).
        self._store_notices: dict[str, str] = {"es": "", "en": ""}
        self._notice = QLabel(self)
        self._notice.setObjectName(f"{prefix}ConsentNotice")
        self._notice.setWordWrap(True)
        # The store's words are data: never read as rich text.
        self._notice.setTextFormat(Qt.TextFormat.PlainText)
        self._check = _ConsentCheck(self)
        self._check.setObjectName(f"{prefix}ConsentCheck")
        self._check.setChecked(False)
        self._check.toggled.connect(self.toggled)
        self._check.toggled.connect(lambda _given: self.retranslate())

        self._layout = layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        layout.addWidget(self._notice, 1)
        layout.addWidget(self._check)
        self.retranslate()

    def retranslate(self) -> None:
        if self._kiosk and self._check.isChecked():
            # Read and agreed: at the kiosk the notice gives its room to the line and the
            # amounts, and says how to take the consent back.
            self._notice.setText(
                translate(
                    "ConsentBox",
                    "Autorizó el uso de su número para esta venta. "
                    "Toque la casilla otra vez para retirarlo.",
                )
            )
        else:
            self._notice.setText(self.noticeText())
        # "&" marks the Alt shortcut (Alt+A in both languages); a kiosk has no keyboard, so
        # no underlined letter there.
        words = translate("ConsentBox", "Sí, &autorizo")
        self._check.setText(strip_mnemonic(words) if self._kiosk else words)
        self._check.setAccessibleName(
            translate("ConsentBox", "Sí, autorizo el uso de mi número para esta venta")
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setStore(self, name: str, contact: str = "") -> None:
        self._store = name
        self._contact = contact
        self.retranslate()

    def setPrivacyNotice(self, es_text: str, en_text: str = "") -> None:
        """The store's own notice in Spanish and in English ("": the built-in one)."""
        self._store_notices = {"es": es_text.strip(), "en": en_text.strip()}
        self.retranslate()

    def setSideBySide(self, side_by_side: bool) -> None:
        """The checkbox beside the notice (a wide kiosk screen: a shorter box), or under it."""
        layout = self._layout
        if side_by_side:
            layout.setDirection(QBoxLayout.Direction.LeftToRight)
            layout.setSpacing(24)
            layout.setAlignment(self._check, Qt.AlignmentFlag.AlignVCenter)
        else:
            layout.setDirection(QBoxLayout.Direction.TopToBottom)
            layout.setSpacing(4)
            layout.setAlignment(self._check, Qt.AlignmentFlag(0))

    def setKioskMode(self, kiosk: bool) -> None:
        # The indicator's size is the stylesheet's (QCheckBox::indicator under kiosk="true").
        self._check.setRowHeight(KIOSK_ROW_HEIGHT if kiosk else 0)
        self._kiosk = kiosk
        self.retranslate()

    def reset(self) -> None:
        self._check.setChecked(False)

    def noticeText(self) -> str:
        """The notice as shown now: the store's for this language, or the built-in one."""
        own = self._store_notices.get(current_language(), "")
        return own or privacy_notice(self._store, self._contact)

    def isGiven(self) -> bool:
        return self._check.isChecked()

    def checkBox(self) -> QCheckBox:
        return self._check
