"""A gift pack as a readable, selectable card."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import formats, translate
from kiosk.domain.catalogue import Pack
from ui.formatting import pack_card_lines
from ui.widgets.message_label import set_role

MINIMUM_WIDTH = 220


class PackCard(QAbstractButton):
    """One pack: name, price, data, minutes, apps, validity; "Precio de muestra" when so.

    A checkable, auto-exclusive button: cards sharing a parent behave like radio buttons
    (click, Space, or Enter picks one; arrow keys move between them).
    Query ``pack()``, ``detailTexts()`` (every line shown, for tests and screen readers).
    Object names: ``<prefix>PackCard_<pesos>`` (``_<n>`` appended if two packs cost the same),
    and inside ``...Name``, ``...Price``, ``...SampleTag``.

    Words (context ``PackCard``, the contents' in ``PackWords``) follow the language; the
    pack's name and description are the provider's and shown as they come.
    """

    #: The card got the keyboard focus (the screen scrolls it into view).
    focused = Signal(QWidget)

    def __init__(self, pack: Pack, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self.setObjectName(object_name)
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        set_role(self, "card")
        # Cards share their row equally; their text wraps rather than widening the grid.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(MINIMUM_WIDTH)

        name = QLabel(pack.name, self)
        name.setObjectName(f"{object_name}Name")
        name.setWordWrap(True)
        set_role(name, "cardTitle")
        self._price = QLabel(self)
        self._price.setObjectName(f"{object_name}Price")
        set_role(self._price, "cardPrice")
        self._labels: list[QLabel] = [name, self._price]
        self._details: list[QLabel] = []
        self._tag: QLabel | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(name)
        layout.addWidget(self._price)
        layout.addSpacing(4)
        # How many lines a pack has depends on the pack, not on the language.
        for _line in pack_card_lines(pack):
            detail = QLabel(self)
            detail.setWordWrap(True)
            set_role(detail, "cardDetail")
            layout.addWidget(detail)
            self._labels.append(detail)
            self._details.append(detail)
        if pack.sample_price:
            self._tag = QLabel(self)
            self._tag.setObjectName(f"{object_name}SampleTag")
            set_role(self._tag, "tag")
            layout.addSpacing(2)
            layout.addWidget(self._tag, 0, Qt.AlignmentFlag.AlignLeft)
            self._labels.append(self._tag)
        layout.addStretch(1)
        for label in self._labels:
            # Decoration: the card takes the clicks.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.toggled.connect(self._on_toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self._price.setText(formats().pesos(self._pack.amount_pesos))
        for label, text in zip(self._details, pack_card_lines(self._pack), strict=True):
            label.setText(text)
        if self._tag is not None:
            self._tag.setText(translate("PackCard", "Precio de muestra"))
        self.setAccessibleName(", ".join(self.detailTexts()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self)

    def pack(self) -> Pack:
        return self._pack

    def detailTexts(self) -> list[str]:
        return [label.text() for label in self._labels]

    def _on_toggled(self, checked: bool) -> None:
        set_role(self, "cardSelected" if checked else "card")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter picks an unpicked card; on a picked card it goes on to the screen (Continue).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isChecked():
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Let the style sheet draw background, border and focus ring of this plain widget.
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()
