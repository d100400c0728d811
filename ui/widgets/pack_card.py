"""A gift pack as a readable, selectable card."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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
    ``setCompact(bool)`` (kiosk): the details on one wrapped line (``...Details``) rather
    than one line each, so that more cards show at once. The card is never narrower than
    its price and tag in the font they have (larger text too).
    Object names: ``<prefix>PackCard_<pesos>`` (``_<n>`` appended if two packs cost the same),
    and inside ``...Name``, ``...Price``, ``...SampleTag``, ``...Details`` (compact).

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
        # Compact: the same lines joined on one wrapped line.
        self._joined = QLabel(self)
        self._joined.setObjectName(f"{object_name}Details")
        self._joined.setWordWrap(True)
        set_role(self._joined, "cardDetail")
        self._joined.hide()
        layout.addWidget(self._joined)
        self._compact = False
        if pack.sample_price:
            self._tag = QLabel(self)
            self._tag.setObjectName(f"{object_name}SampleTag")
            set_role(self._tag, "tag")
            layout.addSpacing(2)
            layout.addWidget(self._tag, 0, Qt.AlignmentFlag.AlignLeft)
            self._labels.append(self._tag)
        layout.addStretch(1)
        for label in (*self._labels, self._joined):
            # Decoration: the card takes the clicks.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Their font may change (larger text): fit them.
        for fitted in self._fitted_labels():
            fitted.installEventFilter(self)
        self.toggled.connect(self._on_toggled)
        self.retranslate()

    def setCompact(self, compact: bool) -> None:
        self._compact = compact
        for detail in self._details:
            detail.setVisible(not compact)
        self._joined.setVisible(compact and bool(self._details))

    def isCompact(self) -> bool:
        return self._compact

    def retranslate(self) -> None:
        self._price.setText(formats().pesos(self._pack.amount_pesos))
        for label, text in zip(self._details, pack_card_lines(self._pack), strict=True):
            label.setText(text)
        self._joined.setText(" · ".join(pack_card_lines(self._pack)))
        if self._tag is not None:
            self._tag.setText(translate("PackCard", "Precio de muestra"))
        self.setAccessibleName(", ".join(self.detailTexts()))
        self._fit_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()
        return super().eventFilter(watched, event)

    def _fitted_labels(self) -> list[QLabel]:
        return [self._price] if self._tag is None else [self._price, self._tag]

    def _fit_width(self) -> None:
        """At least as wide as the price and the tag (they do not wrap) with the margins."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        words = max(label.sizeHint().width() for label in self._fitted_labels())
        # The border of a picked card (5 px a side at the kiosk) on top of the margins.
        width = words + margins.left() + margins.right() + 2 * 5
        self.setMinimumWidth(max(MINIMUM_WIDTH, width))

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
