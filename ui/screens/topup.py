"""The top-up screen: consent, the line (grouped to confirm, operator as detected), the amount."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.controllers.language import describe, formats, translate
from kiosk.domain.amounts import AmountOffer
from kiosk.domain.errors import ValidationError
from ui.screens.line_screen import (
    KIOSK_COLUMN_SPACING,
    KIOSK_PRESET_HEIGHT,
    FittedLineEdit,
    KioskButton,
    LineScreen,
    ScrollingColumns,
    set_box_direction,
)
from ui.widgets.message_label import MessageLabel, set_role

#: The widest amount a customer may type (the field's validator allows dots and "$").
AMOUNT_SAMPLE = "$ 100.000"
_AMOUNT_INPUT = QRegularExpression(r"[$0-9.\s]{0,14}")
# Codes that only mean "not finished yet" while the clerk is still typing.
_UNFINISHED_AMOUNT = frozenset({"money.empty", "amount.below_minimum"})
# Presets side by side: on the counter's one row; at the kiosk (bigger keys) three in
# portrait, two beside the keypad.
_COUNTER_PRESET_COLUMNS = 6
_KIOSK_PRESET_COLUMNS = 3


class TopupScreen(LineScreen):
    """Sell a top-up: the line, its operator, the amount.

    Signals:
      * ``lineEntered(str)``: a valid line (10 digits) was completed and consent is given;
        the controller detects its operator and answers with ``setDetecting()`` then
        ``setOperator(name, for_line)`` or ``setLineRefused(message, for_line)``.
      * ``submitted(str line, int amount_pesos)``: Continue (or Enter) with everything valid.
      * ``back()``, ``busyCancelled()``.
    Slots: ``setOffer(offer)`` (an :class:`~kiosk.domain.amounts.AmountOffer` decided below
    the screens: its range, its presets as buttons, and with ``fixed`` the free field
    hidden; what is typed is checked with ``offer.validate``), ``setDetecting()``,
    ``setOperator(...)``,
    ``setLineRefused(...)``, ``setStore(name, contact="")``, ``setError(message)``,
    ``setBusy(bool)``, ``reset()``.
    Queries: ``line()``, ``amount()`` (int or None), ``consentGiven()``, ``presets()``,
    ``presetButtons()``, ``offer()``.

    Keyboard: type the line, Enter (to consent if not given: Space ticks it, or Alt+A),
    Enter to the amount, type it, Enter submits.

    Object names: ``topupScreen``, ``topupConsentCheck``, ``topupLineInput``,
    ``topupLineEcho``, ``topupLineMessage``, ``topupOperatorLabel``, ``topupPreset_<pesos>``,
    ``topupAmountInput``, ``topupAmountEcho``, ``topupAmountMessage``, ``topupLimitsLabel``,
    ``topupContinueButton``, ``topupBackButton``, ``topupMessage``; kiosk: ``topupKeypad``
    (serves the line and "Otro valor"), ``topupConsentHint``, the columns
    ``topupLineColumn`` and ``topupAmountColumn`` in ``topupColumns``, inside
    ``topupScrollArea`` at the kiosk (what does not fit, e.g. with larger text, scrolls).

    Kiosk (``setKioskMode(True)``): the line and "Otro valor" wait for the consent (greyed,
    with the keypad); consent on top; then the line and "Otro valor" | the
    keypad | the presets (two a row) in landscape, one column (presets three a row) in
    portrait. Taps: consent, the line's digits, a preset, Continue; a preset tapped
    with the line unfinished leaves the keypad on the line, and so does the operator
    once known (the presets are a tap away).

    Words: context ``TopupScreen``; money through ``formats().pesos``.
    """

    submitted = Signal(str, int)

    prefix = "topup"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The domain's default until the wiring gives the store's (setOffer).
        self._offer = AmountOffer()
        self._amount_revealed = False
        self._preset_buttons: dict[int, KioskButton] = {}
        self._placed_columns = 0  # presets a row as placed (0: not yet)
        self._refit_pending = False
        content = self.content()
        # Counter: one column. Kiosk: the consent on top, then line | keypad | amount
        # (landscape), or all of it in one column (portrait); see _arrange.
        self.body.addWidget(self.consent)
        self._columns_box = QWidget(content)
        self._columns_box.setObjectName("topupColumns")
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._columns_box)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(12)
        self._line_column = QWidget(content)
        self._line_column.setObjectName("topupLineColumn")
        line_column = QVBoxLayout(self._line_column)
        line_column.setContentsMargins(0, 0, 0, 0)
        line_column.setSpacing(12)
        line_column.addWidget(self.consent_hint)  # kiosk only: over the line it is about
        line_column.addWidget(self.line_input)
        line_column.addStretch(1)

        self._amount_column = QWidget(content)
        self._amount_column.setObjectName("topupAmountColumn")
        amount_column = QVBoxLayout(self._amount_column)
        amount_column.setContentsMargins(0, 0, 0, 0)
        amount_column.setSpacing(12)
        self._amount_caption = QLabel(self._amount_column)
        self._amount_caption.setObjectName("topupAmountCaption")
        amount_column.addWidget(self._amount_caption)
        self._presets_box = QWidget(self._amount_column)
        self._presets_box.setObjectName("topupPresets")
        self._presets_layout = QGridLayout(self._presets_box)
        self._presets_layout.setContentsMargins(0, 0, 0, 0)
        self._presets_layout.setSpacing(12)
        self._presets_box.hide()
        amount_column.addWidget(self._presets_box)

        self._free_row = QWidget(self._amount_column)
        self._free = QGridLayout(self._free_row)
        self._free.setContentsMargins(0, 0, 0, 0)
        self._free.setHorizontalSpacing(16)
        self._free.setVerticalSpacing(4)
        self._free_caption = QLabel(self._free_row)
        self._free_caption.setObjectName("topupAmountInputCaption")
        # As wide as the largest amount in the font it has, no wider.
        self.amount_input = FittedLineEdit(AMOUNT_SAMPLE, self._free_row)
        self.amount_input.setObjectName("topupAmountInput")
        self.amount_input.setValidator(
            QRegularExpressionValidator(_AMOUNT_INPUT, self.amount_input)
        )
        self.amount_input.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self._free_caption.setBuddy(self.amount_input)
        self._amount_echo = QLabel(self._free_row)
        self._amount_echo.setObjectName("topupAmountEcho")
        set_role(self._amount_echo, "echo")
        self._limits_label = QLabel(self._free_row)
        self._limits_label.setObjectName("topupLimitsLabel")
        set_role(self._limits_label, "hint")
        amount_column.addWidget(self._free_row)
        self._amount_message = MessageLabel(self._amount_column, object_name="topupAmountMessage")
        amount_column.addWidget(self._amount_message)
        amount_column.addStretch(1)

        self._columns.addWidget(self._line_column)
        self._columns.addWidget(self.keypad)
        self._columns.addWidget(self._amount_column)
        # Portrait: the room left goes under the presets, so that the line, the keypad and
        # the presets stay together (not the keypad floating mid-screen).
        self._columns_end = QSpacerItem(
            0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding
        )
        self._columns.addItem(self._columns_end)
        self._holder = ScrollingColumns(
            self.prefix, self.body, self._columns_box, content, stretch_after=True
        )
        self._serve_keypad(self.line_input.lineEdit(), self.amount_input)
        self._presets_box.installEventFilter(self)
        self._holder.area.viewport().installEventFilter(self)
        self._line_column.installEventFilter(self)
        self._arrange()

        self.amount_input.textChanged.connect(self._on_amount_text)
        self.amount_input.editingFinished.connect(self._on_amount_finished)
        self.setTabOrder(self.line_input.lineEdit(), self.amount_input)
        self.retranslate()

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(translate("TopupScreen", "Recarga"))
        self.line_input.setCaption(translate("TopupScreen", "Número de celular"))
        self._amount_caption.setText(translate("TopupScreen", "Valor de la recarga"))
        self._free_caption.setText(translate("TopupScreen", "Otro valor:"))
        self.amount_input.setPlaceholderText(translate("TopupScreen", "Ej.: 15000"))
        self.amount_input.setAccessibleName(
            translate("TopupScreen", "Valor de la recarga en pesos")
        )
        for pesos, button in self._preset_buttons.items():
            self._render_preset(button, pesos)
        self._render_limits()
        self._refresh()

    def _render_preset(self, button: QPushButton, pesos: int) -> None:
        amount = formats().pesos(pesos)
        button.setText(amount)
        button.setAccessibleName(
            translate("TopupScreen", "Recarga de {amount}").format(amount=amount)
        )

    # -- slots -------------------------------------------------------------------------

    def setOffer(self, offer: AmountOffer) -> None:
        """What this top-up may cost (decided below the screens): presets, range, fixed."""
        self._offer = offer
        for button in self._preset_buttons.values():
            # Out of the tree at once (findChild no longer sees it), freed later.
            self._presets_layout.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        self._preset_buttons.clear()
        self._placed_columns = 0
        for pesos in offer.presets:
            button = KioskButton(self._presets_box)
            button.setObjectName(f"topupPreset_{pesos}")
            button.setCheckable(True)
            # Space picks a preset; Enter goes on (see go_on), like everywhere else.
            button.setAutoDefault(False)
            set_role(button, "preset")
            self._render_preset(button, pesos)
            button.clicked.connect(lambda _checked=False, p=pesos: self._choose_preset(p))
            # Layouts show new children of a visible parent only later; the focus needs it now.
            button.show()
            self._preset_buttons[pesos] = button
        self._place_presets()
        self._presets_box.setVisible(bool(offer.presets))
        self._free_row.setVisible(not offer.fixed)
        self._render_limits()
        self._refresh()

    def reset(self) -> None:
        super().reset()
        self.amount_input.clear()
        self._amount_revealed = False
        self._refresh()

    # -- queries -----------------------------------------------------------------------

    def amount(self) -> int | None:
        try:
            return self._validated_amount()
        except ValidationError:
            return None

    def presets(self) -> tuple[int, ...]:
        return self._offer.presets

    def offer(self) -> AmountOffer:
        return self._offer

    def presetButtons(self) -> dict[int, QPushButton]:
        return {pesos: button for pesos, button in self._preset_buttons.items()}

    # -- navigation ----------------------------------------------------------------------

    def go_on(self) -> None:
        # Enter on a focused, unpicked preset picks it first.
        focused = self.focusWidget()
        for pesos, button in self._preset_buttons.items():
            if focused is button and not button.isChecked():
                self._choose_preset(pesos)
        super().go_on()

    def _rest_ready(self) -> bool:
        return self.amount() is not None

    def _focus_rest(self) -> None:
        # Enter walks to the amount: an empty field is not an error yet (nothing was typed);
        # Enter again on the empty field, or a wrong amount, says what is missing.
        if self.amount_input.text().strip() or self.amount_input.hasFocus():
            self._amount_revealed = True
            self._refresh()
        self._focus_amount()

    def _submit(self) -> None:
        amount = self.amount()
        if amount is not None:
            self.submitted.emit(self.line(), amount)

    def _after_operator_known(self) -> None:
        # A confirmed line: the clerk's next job is the amount. At the kiosk a preset is a
        # tap away, so the keypad stays on the line (its "Borrar" still corrects it) unless
        # the amount can only be typed.
        if self.isKioskMode() and self._preset_buttons:
            return
        self._focus_amount()

    def _gated_widgets(self) -> list[QWidget]:
        # "Otro valor" waits for the consent with the line (the keypad types into both).
        return [self.amount_input]

    def _arrange(self) -> None:
        kiosk = self.isKioskMode()
        portrait = self.isPortrait()
        self._holder.setScrolling(kiosk)
        if kiosk:
            set_box_direction(self._columns, portrait)
        else:
            self._columns.setDirection(QBoxLayout.Direction.TopToBottom)
        side_by_side = kiosk and not portrait
        self.consent.setSideBySide(side_by_side)
        self.line_input.setStacked(side_by_side)
        self._columns.setSpacing(KIOSK_COLUMN_SPACING if kiosk else 12)
        # Side by side, the presets (two big ones a row) take the larger share.
        self._columns.setStretchFactor(self._line_column, 2 if side_by_side else 0)
        self._columns.setStretchFactor(self._amount_column, 3 if side_by_side else 0)
        stacked_kiosk = kiosk and portrait
        self._columns.setStretch(self._columns.count() - 1, 1 if stacked_kiosk else 0)
        self._columns.setAlignment(
            self.keypad,
            Qt.AlignmentFlag.AlignTop if side_by_side else Qt.AlignmentFlag.AlignHCenter,
        )
        self._place_presets()
        self._place_free_row(stacked=kiosk)
        # Kiosk: "Otro valor" under the line, both typed on the keypad beside them; the
        # presets (taps) in their own column. Counter: under the presets.
        line_column = self._line_column.layout()
        amount_column = self._amount_column.layout()
        assert isinstance(line_column, QVBoxLayout) and isinstance(amount_column, QVBoxLayout)
        if kiosk:
            line_column.insertWidget(2, self._free_row)
            line_column.insertWidget(3, self._amount_message)
        else:
            amount_column.insertWidget(2, self._free_row)
            amount_column.insertWidget(3, self._amount_message)

    def _place_presets(self) -> None:
        kiosk = self.isKioskMode()
        for button in self._preset_buttons.values():
            button.setKioskHeight(KIOSK_PRESET_HEIGHT if kiosk else 0)
        columns = self._preset_columns()
        if columns == self._placed_columns:
            return
        self._placed_columns = columns
        for index, button in enumerate(self._preset_buttons.values()):
            self._presets_layout.removeWidget(button)
            self._presets_layout.addWidget(button, index // columns, index % columns)

    def _preset_columns(self) -> int:
        """Presets a row: the counter's one row; at the kiosk three (portrait) or two
        (beside the keypad), fewer when their words do not fit (larger text)."""
        count = len(self._preset_buttons)
        if not self.isKioskMode():
            return max(1, min(_COUNTER_PRESET_COLUMNS, count))
        portrait = self.isPortrait()
        most = max(1, min(_KIOSK_PRESET_COLUMNS - (0 if portrait else 1), count))
        viewport = self._holder.area.viewport()
        room = viewport.width() if self._holder.area.isVisible() else self.width()
        if not portrait:  # the line's column and the keypad take their share first
            room -= (
                self._line_column.minimumSizeHint().width()
                + self.keypad.sizeHint().width()
                + 2 * KIOSK_COLUMN_SPACING
            )
        widest = max((button.wordsWidth() for button in self._preset_buttons.values()), default=0)
        spacing = self._presets_layout.horizontalSpacing()
        for columns in range(most, 1, -1):
            if columns * widest + (columns - 1) * spacing <= room:
                return columns
        return 1

    def _refit_presets(self) -> None:
        """Place the presets again once sizes settled (a resize, a new font or sheet)."""
        if not self._refit_pending:
            self._refit_pending = True
            QTimer.singleShot(0, self, self._do_refit)

    def _do_refit(self) -> None:
        self._refit_pending = False
        self._place_presets()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The presets' sizes changed (words, font, sheet), or the room around them did.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._refit_presets()
        return super().eventFilter(watched, event)

    def _place_free_row(self, *, stacked: bool) -> None:
        """ "Otro valor", its field and echo; the limits beside them (counter) or under
        them (a kiosk column is narrower)."""
        free = self._free
        for widget in (self._free_caption, self.amount_input, self._amount_echo):
            free.removeWidget(widget)
        free.removeWidget(self._limits_label)
        # A narrow column wraps the limits ("Between COP 1,000 and COP 100,000").
        self._limits_label.setWordWrap(stacked)
        if stacked:  # the echo under the field: a kiosk column has no room beside it
            free.addWidget(self._free_caption, 0, 0, 1, 4)
            free.addWidget(self.amount_input, 1, 0, 1, 4, Qt.AlignmentFlag.AlignLeft)
            free.addWidget(self._amount_echo, 2, 0, 1, 4)
            free.addWidget(self._limits_label, 3, 0, 1, 4)
        else:
            free.addWidget(self._free_caption, 0, 0)
            free.addWidget(self.amount_input, 0, 1)
            free.addWidget(self._amount_echo, 0, 2)
            free.addWidget(self._limits_label, 0, 4)
        for column in range(5):
            free.setColumnStretch(column, 1 if column == 3 else 0)

    # -- internals -----------------------------------------------------------------------

    def _focus_amount(self) -> None:
        if not self._offer.fixed:
            self.amount_input.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._preset_buttons:
            next(iter(self._preset_buttons.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_preset(self, pesos: int) -> None:
        self.amount_input.setText(str(pesos))
        self._amount_revealed = True
        self._refresh()

    def _on_amount_text(self, _text: str) -> None:
        self._submit_when_known = False
        self._amount_revealed = False
        self._refresh()

    def _on_amount_finished(self) -> None:
        if self.amount_input.text().strip():
            self._amount_revealed = True
            self._refresh()

    def _validated_amount(self) -> int:
        return self._offer.validate(self.amount_input.text())

    def _render_limits(self) -> None:
        low = formats().pesos(self._offer.minimum_pesos)
        high = formats().pesos(self._offer.maximum_pesos)
        self._limits_label.setText(
            translate("TopupScreen", "Entre {low} y {high}").format(low=low, high=high)
        )

    def _refresh(self) -> None:
        text = self.amount_input.text()
        amount: int | None = None
        message = ""
        try:
            amount = self._validated_amount()
        except ValidationError as invalid:
            if self._amount_revealed or invalid.code not in _UNFINISHED_AMOUNT:
                message = describe(invalid)
        self._amount_message.setMessage(message, "error")
        self._amount_echo.setText(formats().pesos(amount) if amount is not None else "")
        for pesos, button in self._preset_buttons.items():
            button.setChecked(amount == pesos and bool(text))
        super()._refresh()
