"""The gift pack screen: consent, the recipient's line, the catalogue as cards, the sender."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import translate
from kiosk.domain.catalogue import Pack
from ui.screens.line_screen import LineScreen, ScrollingColumns, set_box_direction
from ui.widgets.line_input import LineInput
from ui.widgets.message_label import MessageLabel
from ui.widgets.pack_card import PackCard

QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum width"
_COLUMNS = 2
_LEFT_WIDTH = 380
# Kiosk, landscape: the lines' column (the keypad and the cards take the rest).
_KIOSK_LEFT_WIDTH = 340


def _choose_pack() -> str:
    return translate("GiftPackScreen", "Elija un paquete.")


def _no_packs() -> str:
    return translate(
        "GiftPackScreen", "No hay paquetes disponibles en este momento. Intente más tarde."
    )


class GiftPackScreen(LineScreen):
    """Send a gift pack: the recipient's line, a pack from the catalogue, the sender's line.

    Signals:
      * ``lineEntered(str)``: the recipient's valid line, once consent is given.
      * ``submitted(str recipient_line, object pack, object sender_line_or_None)``: ``pack`` is
        the :class:`Pack` chosen; the sender's line is 10 digits or ``None``.
      * ``back()``, ``busyCancelled()``.
    Slots: ``setPacks(packs)``, ``setDetecting()``, ``setOperator(name, for_line="")``,
    ``setLineRefused(message, for_line="")``, ``setStore(name, contact="")``,
    ``setError(message)``, ``setBusy(bool)``, ``reset()``.
    Queries: ``line()``, ``senderLine()``, ``selectedPack()``, ``cards()``, ``consentGiven()``.

    Keyboard: the line, Enter (consent), Enter to the cards (arrows move, Enter or Space
    picks), Enter goes on; the sender's line is optional (Tab to it).

    Object names: ``giftScreen``, ``giftConsentCheck``, ``giftLineInput``, ``giftLineEcho``,
    ``giftLineMessage``, ``giftOperatorLabel``, ``giftPackCard_<pesos>``, ``giftPacksMessage``,
    ``giftSenderLineInput``, ``giftSenderLineMessage``, ``giftContinueButton``,
    ``giftBackButton``, ``giftMessage``; kiosk: ``giftKeypad`` (serves both lines),
    ``giftConsentHint``, the column ``giftLeftColumn``, the cards' ``giftPacksArea``, all in
    ``giftColumns``, inside ``giftScrollArea`` at the kiosk (what does not fit scrolls).

    Kiosk (``setKioskMode(True)``): consent on top; then the lines | the keypad | the cards
    (one a row, scrolling) in landscape, one column (cards two a row) in portrait. Both
    lines wait for the consent. Taps: consent, the digits, a card, Continue.

    Words: context ``GiftPackScreen`` (the cards' own in ``PackCard``/``PackWords``).
    """

    submitted = Signal(str, object, object)

    prefix = "gift"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, stacked_line=True)
        self._cards: list[PackCard] = []
        self._placed_columns = 0  # cards a row as placed (0: not yet)
        self._refit_pending = False
        #: What the packs' message says now (our words, re-rendered on a language change).
        self._packs_words: tuple[Callable[[], str], str] | None = None
        content = self.content()

        # Counter: consent and lines | the cards. Kiosk: the consent on top, then the lines |
        # keypad | cards (landscape), or one column with the cards last (portrait); see
        # _arrange.
        self._columns_box = QWidget(content)
        self._columns_box.setObjectName("giftColumns")
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self._columns_box)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(24)
        self._left_box = left_box = QWidget(content)
        left_box.setObjectName("giftLeftColumn")
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        self._left = left
        left.addWidget(self.consent)
        left.addWidget(self.consent_hint)  # kiosk only: over the line it is about
        left.addWidget(self.line_input)
        self.sender_input = LineInput("giftSender", optional=True, stacked=True, parent=content)
        left.addWidget(self.sender_input)
        left.addStretch(1)

        self._right = right = QVBoxLayout()
        right.setSpacing(8)
        self._packs_caption = QLabel(content)
        self._packs_caption.setObjectName("giftPacksCaption")
        right.addWidget(self._packs_caption)
        self._scroll = QScrollArea(content)
        self._scroll.setObjectName("giftPacksArea")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._cards_box = QWidget()
        self._cards_box.setObjectName("giftPacksBox")
        self._grid = QGridLayout(self._cards_box)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.setSpacing(12)
        for column in range(_COLUMNS):
            self._grid.setColumnStretch(column, 1)
        self._scroll.setWidget(self._cards_box)
        right.addWidget(self._scroll, 1)
        self._packs_message = MessageLabel(content, object_name="giftPacksMessage")
        right.addWidget(self._packs_message)

        self._columns.addWidget(left_box)
        self._columns.addWidget(self.keypad)
        self._columns.addLayout(right, 1)
        self._holder = ScrollingColumns(
            self.prefix, self.body, self._columns_box, content, stretch=1
        )

        # The cards' sizes (words, font) or the room for them changed: place them again.
        self._cards_box.installEventFilter(self)
        self._scroll.viewport().installEventFilter(self)
        self.sender_input.lineEdit().textChanged.connect(lambda _text: self._refresh())
        self._serve_keypad(self.line_input.lineEdit(), self.sender_input.lineEdit())
        self._arrange()
        self.retranslate()

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("GiftPackScreen", "Paquete de regalo"))
        self.line_input.setCaption(translate("GiftPackScreen", "Número de quien recibe el paquete"))
        self.sender_input.setCaption(
            translate("GiftPackScreen", "Su número (opcional), para que sepa quién se lo envía")
        )
        self._packs_caption.setText(translate("GiftPackScreen", "Elija el paquete"))
        self._render_packs_message()
        self._refresh()

    # -- slots -------------------------------------------------------------------------

    def setPacks(self, packs: Iterable[Pack]) -> None:
        for card in self._cards:
            # Out of the tree at once (findChild no longer sees it), freed later.
            self._grid.removeWidget(card)
            card.setParent(None)
            card.deleteLater()
        self._cards = []
        self._placed_columns = 0
        used: dict[int, int] = {}
        for pack in packs:
            used[pack.amount_pesos] = used.get(pack.amount_pesos, 0) + 1
            count = used[pack.amount_pesos]
            suffix = "" if count == 1 else f"_{count}"
            card = PackCard(pack, f"giftPackCard_{pack.amount_pesos}{suffix}", self._cards_box)
            card.setCompact(self.isKioskMode())
            card.toggled.connect(self._on_card_toggled)
            card.focused.connect(lambda widget: self._scroll.ensureWidgetVisible(widget, 4, 4))
            # Layouts show new children of a visible parent only later; the focus needs it now.
            card.show()
            self._cards.append(card)
        self._place_cards()
        self._set_packs_message(None if self._cards else (_no_packs, "warning"))
        self._refresh()

    def reset(self) -> None:
        super().reset()
        self.sender_input.clear()
        self._set_packs_message(None)
        self._clear_selection()
        self._refresh()

    # -- queries -----------------------------------------------------------------------

    def senderLine(self) -> str | None:
        return self.sender_input.line() or None

    def selectedPack(self) -> Pack | None:
        for card in self._cards:
            if card.isChecked():
                return card.pack()
        return None

    def cards(self) -> list[PackCard]:
        return list(self._cards)

    # -- navigation ----------------------------------------------------------------------

    def _rest_ready(self) -> bool:
        return self.selectedPack() is not None and self.sender_input.isAcceptable()

    def _focus_rest(self) -> None:
        if self.selectedPack() is None:
            if self._cards:
                self._set_packs_message((_choose_pack, "error"))
                self._cards[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.sender_input.revealError()
        self.sender_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        pack = self.selectedPack()
        if pack is not None:
            self.submitted.emit(self.line(), pack, self.senderLine())

    def _after_operator_known(self) -> None:
        # At the kiosk the cards are a tap away: the keypad stays on the line.
        if self.selectedPack() is None and self._cards and not self.isKioskMode():
            self._cards[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _consented_edits(self) -> list[QLineEdit]:
        return [self.line_input.lineEdit(), self.sender_input.lineEdit()]

    def _arrange(self) -> None:
        kiosk = self.isKioskMode()
        portrait = kiosk and self.isPortrait()
        self._holder.setScrolling(kiosk)
        # The consent: first in the lines' column (counter), across the top (kiosk).
        if kiosk:
            self.body.insertWidget(0, self.consent)
        else:
            self._left.insertWidget(0, self.consent)
        set_box_direction(self._columns, portrait)
        self.consent.setSideBySide(kiosk and not portrait)
        for line in (self.line_input, self.sender_input):
            line.setStacked(kiosk and not portrait)
        if portrait:
            # One column: the lines take the width, the cards the height left.
            self._left_box.setMinimumWidth(0)
            self._left_box.setMaximumWidth(QWIDGETSIZE_MAX)
        else:
            # The cards need the room: the line fields keep a fixed, comfortable width.
            self._left_box.setFixedWidth(_KIOSK_LEFT_WIDTH if kiosk else _LEFT_WIDTH)
        self._columns.setStretchFactor(self._left_box, 0)
        self._columns.setAlignment(
            self.keypad,
            Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag.AlignTop,
        )
        self._place_cards()

    # -- internals -----------------------------------------------------------------------

    def _place_cards(self) -> None:
        """The cards in rows (two at the counter and in portrait; at a kiosk landscape
        column as many as fit, often one), at the top; the list is never narrower than
        its widest card (its price in the font it has), only the list scrolls."""
        kiosk = self.isKioskMode()
        for card in self._cards:
            card.setCompact(kiosk)
        widest = max((card.minimumWidth() for card in self._cards), default=0)
        margins = self._grid.contentsMargins()
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(widest + margins.left() + margins.right() + bar)
        columns = self._card_columns(widest)
        if columns == self._placed_columns:
            return
        self._placed_columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(max(_COLUMNS, self._grid.columnCount())):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self._cards) // columns)
        for row in range(max(rows + 1, self._grid.rowCount())):
            # Keep the cards at the top when there are few of them.
            self._grid.setRowStretch(row, 1 if row == rows else 0)

    def _card_columns(self, widest: int) -> int:
        if not self.isKioskMode() or self.isPortrait():
            return _COLUMNS
        margins = self._grid.contentsMargins()
        room = self._scroll.viewport().width() - margins.left() - margins.right()
        spacing = self._grid.horizontalSpacing()
        return 2 if 2 * widest + spacing <= room else 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize)
        if resized and not self._refit_pending:
            self._refit_pending = True
            QTimer.singleShot(0, self, self._refit_cards)
        return super().eventFilter(watched, event)

    def _refit_cards(self) -> None:
        self._refit_pending = False
        self._place_cards()

    def _clear_selection(self) -> None:
        for card in self._cards:
            # Auto-exclusive buttons refuse to uncheck the last one; lift that for a moment.
            card.setAutoExclusive(False)
            card.setChecked(False)
            card.setAutoExclusive(True)

    def _on_card_toggled(self, checked: bool) -> None:
        if checked:
            self._set_packs_message(None)
        self._refresh()

    def _set_packs_message(self, words: tuple[Callable[[], str], str] | None) -> None:
        self._packs_words = words
        self._render_packs_message()

    def _render_packs_message(self) -> None:
        if self._packs_words is None:
            self._packs_message.clearMessage()
        else:
            words, role = self._packs_words
            self._packs_message.setMessage(words(), role)
