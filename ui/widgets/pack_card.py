"""A gift pack as a readable, selectable card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from kiosk.domain.catalogue import Pack
from kiosk.domain.money import format_pesos
from ui.formatting import pack_card_lines
from ui.widgets.message_label import set_role

SAMPLE_PRICE_TAG = "Precio de muestra"
MINIMUM_WIDTH = 220


class PackCard(QAbstractButton):
    """One pack: name, price, data, minutes, apps, validity; "Precio de muestra" when so.

    A checkable, auto-exclusive button: cards sharing a parent behave like radio buttons
    (click, Space, or Enter picks one; arrow keys move between them).
    Query ``pack()``, ``detailTexts()`` (every line shown, for tests and screen readers).
    Object names: ``<prefix>PackCard_<pesos>`` (``_<n>`` appended if two packs cost the same),
    and inside ``...Name``, ``...Price``, ``...SampleTag``.
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
        price = QLabel(format_pesos(pack.amount_pesos), self)
        price.setObjectName(f"{object_name}Price")
        set_role(price, "cardPrice")
        self._labels: list[QLabel] = [name, price]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(name)
        layout.addWidget(price)
        layout.addSpacing(4)
        for text in pack_card_lines(pack):
            detail = QLabel(text, self)
            detail.setWordWrap(True)
            set_role(detail, "cardDetail")
            layout.addWidget(detail)
            self._labels.append(detail)
        if pack.sample_price:
            tag = QLabel(SAMPLE_PRICE_TAG, self)
            tag.setObjectName(f"{object_name}SampleTag")
            set_role(tag, "tag")
            layout.addSpacing(2)
            layout.addWidget(tag, 0, Qt.AlignmentFlag.AlignLeft)
            self._labels.append(tag)
        layout.addStretch(1)
        for label in self._labels:
            # Decoration: the card takes the clicks.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(", ".join(self.detailTexts()))
        self.toggled.connect(self._on_toggled)

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
