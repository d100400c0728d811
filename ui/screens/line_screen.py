"""What the top-up and gift pack screens share: consent, a line, its operator, Enter's walk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from kiosk.controllers.language import now, translate
from ui.screens.base import Screen
from ui.screens.consent import ConsentBox, consent_needed
from ui.widgets.keypad import DigitKeypad
from ui.widgets.line_input import LineInput, OperatorState
from ui.widgets.message_label import MessageLabel

# Kiosk layout: room between the columns, and the least height of an amount preset.
KIOSK_COLUMN_SPACING = 24
KIOSK_PRESET_HEIGHT = 64


def waiting_operator() -> str:
    return translate("LineScreen", "Un momento: estamos consultando el operador de la línea.")


def retry_detection() -> str:
    return translate("LineScreen", "Presione Enter o Continuar para consultar de nuevo.")


def consent_first() -> str:
    """Kiosk: the line waits for the consent (the field and the keypad are greyed)."""
    return translate("LineScreen", "Primero marque la autorización de datos.")


def consent_withdrawn() -> str:
    """Kiosk: the consent was unticked, so the number typed was erased."""
    return translate(
        "LineScreen",
        "Retiró la autorización y borramos el número. Márquela para escribirlo de nuevo.",
    )


class KioskButton(QPushButton):
    """A push button at least ``kioskHeight`` tall, and never narrower than its words (at
    the kiosk: an amount cut to "$ 10.00" is unreadable): its size hints say so, and its
    minimum width follows the words, the font and the stylesheet (the larger-text switch
    applies the sheet again, which resets minimum sizes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kiosk_height = 0
        self._fitted = False  # the minimum width is ours (the words'), not the sheet's

    def setKioskHeight(self, height: int) -> None:
        self._kiosk_height = height
        self._fit_words()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_words()

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(0, self._kiosk_height))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(self.wordsWidth(), self._kiosk_height))

    def wordsWidth(self) -> int:
        """The least width that shows the words whole (the style's border and padding
        included); 0 outside the kiosk (``kioskHeight`` 0: the counter's own sizes)."""
        if not self._kiosk_height:
            return 0
        return QPushButton.sizeHint(self).width()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_words()

    def _fit_words(self) -> None:
        # A stylesheet's min-width is an explicit minimum, which layouts prefer to the
        # hint: raise it to the words.
        words = self.wordsWidth()
        if words or self._fitted:
            self.setMinimumWidth(words)
        self._fitted = bool(words)
        self.updateGeometry()


class FittedLineEdit(QLineEdit):
    """A field as wide as ``sample``, its placeholder and what is typed, in the font it has
    now (the larger-text switch widens it), and no wider (a fixed horizontal policy)."""

    def __init__(self, sample: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sample = sample
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(lambda _text: self.updateGeometry())

    def setPlaceholderText(self, text: str) -> None:
        super().setPlaceholderText(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._fitted_width(hint.height()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._fitted_width(hint.height()), hint.height())

    def _fitted_width(self, height: int) -> int:
        metrics = self.fontMetrics()
        words = max(
            metrics.horizontalAdvance(text)
            for text in (self._sample, self.placeholderText(), self.text())
        )
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        # The text, QLineEdit's own margins (2 px a side) and room for the cursor, plus
        # the style's frame, padding and border.
        contents = QSize(words + 2 * 2 + metrics.averageCharWidth(), height)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_LineEdit, option, contents, self
        )
        return size.width()


class ScrollingColumns:
    """A screen's columns (``box``): straight in its ``body`` at the counter, inside a
    scroll area at the kiosk, so that with larger text on a small screen nothing is
    squeezed or cut off: what does not fit scrolls. Object name ``<prefix>ScrollArea``."""

    def __init__(
        self,
        prefix: str,
        body: QBoxLayout,
        box: QWidget,
        parent: QWidget,
        stretch: int = 0,
        *,
        stretch_after: bool = False,
    ) -> None:
        self._body = body
        self._box = box
        self._stretch = stretch
        self._scrolling = False
        self.area = QScrollArea(parent)
        self.area.setObjectName(f"{prefix}ScrollArea")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.hide()
        body.addWidget(box, stretch)
        body.addWidget(self.area, 1)
        # The room under the columns at the counter (the scroll area takes it at the kiosk).
        self._stretch_after: QSpacerItem | None = None
        if stretch_after:
            self._stretch_after = QSpacerItem(
                0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding
            )
            body.addItem(self._stretch_after)
            body.setStretch(body.count() - 1, 1)

    def setScrolling(self, scrolling: bool) -> None:
        if scrolling == self._scrolling:
            return
        self._scrolling = scrolling
        body, box, area = self._body, self._box, self.area
        if scrolling:
            body.removeWidget(box)
            area.setWidget(box)
            area.show()
        else:
            area.takeWidget()
            area.hide()
            box.setParent(area.parentWidget())
            body.insertWidget(body.indexOf(area), box, self._stretch)
        box.show()
        for index in range(body.count()):
            item = body.itemAt(index)
            if item is not None and item is self._stretch_after:
                body.setStretch(index, 0 if scrolling else 1)


def set_box_direction(layout: QBoxLayout, portrait: bool) -> None:
    """Columns side by side (landscape) or one under the other (portrait)."""
    layout.setDirection(
        QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
    )


class ConsentScreen(Screen):
    """Base of a screen that takes personal data (a line) only after the consent: the
    consent gate that the line screens and the balance share.

    Subclasses build ``consent`` (:class:`ConsentBox`), ``consent_hint`` (a
    :class:`MessageLabel`, ``<prefix>ConsentHint``), ``line_input`` and ``keypad`` in
    their own ``__init__`` (where their layout wants them), connect
    ``consent.toggled`` to :meth:`_on_consent`, and call :meth:`_set_consent_kiosk` from
    ``setKioskMode``, :meth:`_reset_consent` from ``reset`` and :meth:`_render_gate` from
    ``retranslate``.

    Slots: ``setStore(name, contact="")``, ``setPrivacyNotice(es_text, en_text="")`` (the
    store's own notice, see ``ConsentBox``). Query ``consentGiven()``.

    Kiosk: the fields of :meth:`_consented_edits` and the keypad (and
    :meth:`_gated_widgets`) stay greyed until the consent is ticked, the hint says so;
    unticking erases what was typed in them and says that.
    """

    consent: ConsentBox
    consent_hint: MessageLabel
    line_input: LineInput
    keypad: DigitKeypad

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, subtitle, parent)
        self._consent_withdrawn = False

    # -- slots -------------------------------------------------------------------------

    def setStore(self, name: str, contact: str = "") -> None:
        self.consent.setStore(name, contact)

    def setPrivacyNotice(self, es_text: str, en_text: str = "") -> None:
        self.consent.setPrivacyNotice(es_text, en_text)

    def consentGiven(self) -> bool:
        return self.consent.isGiven()

    # -- navigation ----------------------------------------------------------------------

    def enter(self) -> None:
        """The focus on the line (the keypad types into it), or on the consent before it."""
        edit = self.line_input.lineEdit()
        if self.isKioskMode():
            self.keypad.setTarget(edit)
        if edit.isEnabled():
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # kiosk, before the consent: the checkbox is the first thing to do
            self.consent.checkBox().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- for subclasses ------------------------------------------------------------------

    def _consented_edits(self) -> list[QLineEdit]:
        """The fields that hold personal data: greyed until the consent (kiosk)."""
        return [self.line_input.lineEdit()]

    def _gated_widgets(self) -> list[QWidget]:
        """Kiosk: other controls greyed until the consent (nothing to do before it)."""
        return []

    def _after_consent(self, given: bool) -> None:
        """Hook: the consent was ticked or unticked (the gate rendered already)."""

    def _set_consent_kiosk(self, kiosk: bool) -> None:
        self.consent.setKioskMode(kiosk)
        self.keypad.setVisible(kiosk)
        for edit in self._consented_edits():
            # The keypad's "Borrar todo" clears at the kiosk (the field's own ✕ is tiny).
            edit.setClearButtonEnabled(not kiosk)

    def _reset_consent(self) -> None:
        self.consent.reset()
        self._consent_withdrawn = False  # a new customer: nothing was withdrawn

    def _on_consent(self, given: bool) -> None:
        if given:
            self.clearError()
            self._consent_withdrawn = False
        elif self.isKioskMode():
            typed = [edit for edit in self._consented_edits() if edit.text()]
            # The customer took the consent back: the number goes with it.
            self._consent_withdrawn = bool(typed)
            for edit in typed:
                edit.clear()
        self._render_gate()
        self._after_consent(given)
        if given and self.isKioskMode():
            self._focus_keypad_target()

    def _focus_keypad_target(self) -> None:
        target = self.keypad.target()
        if target is None or not target.isEnabled() or not target.isVisibleTo(self):
            target = self.line_input.lineEdit()
        self.keypad.setTarget(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _render_gate(self) -> None:
        """Kiosk: the lines and the keypad wait for the consent, and the hint says why."""
        gated = self.isKioskMode() and not self.consent.isGiven()
        for edit in self._consented_edits():
            edit.setEnabled(not gated)
        for widget in self._gated_widgets():
            widget.setEnabled(not gated)
        self.keypad.setEnabled(not gated)
        words: Callable[[], str] | None = None
        if gated:
            words = consent_withdrawn if self._consent_withdrawn else consent_first
        if words is None:
            self.consent_hint.clearMessage()
        else:
            self.consent_hint.setMessage(words(), "hint")


class LineScreen(ConsentScreen):
    """Base of a screen that takes a customer's line after their consent.

    Signal ``lineEntered(str)``: a valid line was completed and consent is given (the line
    goes nowhere before consent, not even to operator detection).
    Slots: ``setDetecting()``, ``setOperator(name, for_line="")``,
    ``setLineRefused(message, for_line="")`` (an answer for a line other than the one now
    typed is ignored, so a late detection never labels a new line), ``setStore(name, contact)``.

    ``setPrivacyNotice(es_text, en_text="")``: the store's own notice (see ``ConsentBox``).

    Kiosk mode (``setKioskMode(True)``): an on-screen ``keypad`` (:class:`DigitKeypad`,
    ``<prefix>Keypad``) serves the screen's digit fields; the lines (and the keypad) stay
    greyed until the consent is ticked, with the hint ``<prefix>ConsentHint`` saying so;
    unticking erases the lines typed and says so. Subclasses lay their columns out in
    :meth:`_arrange` (kiosk or counter, portrait or landscape).

    Enter walks to the first thing missing (line, consent, the subclass's fields) and
    submits when nothing is; while the operator is being detected it submits as soon as
    the operator is known. Subclasses place ``consent``, ``consent_hint``, ``line_input``
    and ``keypad`` in their layout, call :meth:`_serve_keypad` with their digit fields,
    and implement :meth:`_rest_ready`, :meth:`_focus_rest`, :meth:`_submit` and
    :meth:`_arrange`; they set their title and the line's caption in ``retranslate``
    (``line_input.setCaption``).
    """

    lineEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, stacked_line: bool = False) -> None:
        super().__init__("", "", parent)
        self._announced_line = ""
        self._submit_when_known = False
        self._detection_failed = False
        #: The controller's words for a failed detection (shown with our "press Enter").
        self._failed_message = ""
        self.consent = ConsentBox(self.prefix, self.content())
        self.line_input = LineInput(self.prefix, stacked=stacked_line, parent=self.content())
        # Kiosk: why the line is greyed (consent first), or that it was erased.
        self.consent_hint = MessageLabel(self.content(), object_name=f"{self.prefix}ConsentHint")
        self.keypad = DigitKeypad(self.prefix, self.content())
        self.keypad.hide()
        self.continue_button = self.add_continue_button()  # "Continuar", the base's words
        self.continue_button.clicked.connect(self.go_on)
        self.consent.toggled.connect(self._on_consent)
        self.line_input.lineChanged.connect(self._on_line_changed)

    def retranslate(self) -> None:
        super().retranslate()
        if self._detection_failed and self._failed_message:
            self.line_input.setLineRefused(self._failed_detection_text())
        self._render_gate()

    # -- slots -------------------------------------------------------------------------

    def setKioskMode(self, kiosk: bool) -> None:
        super().setKioskMode(kiosk)
        self._set_consent_kiosk(kiosk)
        self._arrange()
        self._render_gate()

    def setDetecting(self) -> None:
        self.line_input.setDetecting()
        self._operator_changed()

    def setOperator(self, name: str, for_line: str = "", ported: bool = False) -> None:
        if for_line and for_line != self.line_input.line():
            return
        self.line_input.setOperator(name, ported=ported)
        self._operator_changed()

    def setLineRefused(self, message: str, for_line: str = "") -> None:
        if for_line and for_line != self.line_input.line():
            return
        self.line_input.setLineRefused(message)
        self._operator_changed()

    def setDetectionFailed(self, message: str, for_line: str = "") -> None:
        """The operator could not be asked (network): say so; Enter asks again."""
        if for_line and for_line != self.line_input.line():
            return
        self._failed_message = message
        self.line_input.setLineRefused(self._failed_detection_text())
        self._detection_failed = True
        self._announced_line = ""
        self._operator_changed()

    def reset(self) -> None:
        super().reset()
        self._reset_consent()
        self.line_input.clear()
        self._announced_line = ""
        self._submit_when_known = False
        self._detection_failed = False
        self.keypad.setTarget(self.line_input.lineEdit())
        self._render_gate()

    # -- queries -----------------------------------------------------------------------

    def line(self) -> str:
        return self.line_input.line()

    # -- navigation ----------------------------------------------------------------------

    def go_on(self) -> None:
        """Enter or Continue: go to the first thing missing, or submit."""
        self._submit_when_known = False
        if not self.line_input.isAcceptable():
            self.line_input.revealError()
            self.line_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.consent.isGiven():
            self.showOwnMessage(consent_needed)
            self.consent.checkBox().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.line_input.operatorState() is OperatorState.REFUSED:
            if self._detection_failed:
                self._detection_failed = False
                self._announce_line()  # ask the provider again
                return
            self.line_input.lineEdit().setFocus(Qt.FocusReason.OtherFocusReason)
            self.line_input.lineEdit().selectAll()
            return
        if not self._rest_ready():
            self._focus_rest()
            return
        if self.line_input.operatorState() is OperatorState.DETECTING:
            self._submit_when_known = True
            self.showOwnMessage(waiting_operator, "hint")
            return
        self.clearError()
        self._submit()

    # -- for subclasses ------------------------------------------------------------------

    def _rest_ready(self) -> bool:
        """True when the subclass's own fields are complete and valid."""
        raise NotImplementedError

    def _focus_rest(self) -> None:
        """Show why the subclass's fields are not ready and focus the first one."""
        raise NotImplementedError

    def _submit(self) -> None:
        raise NotImplementedError

    def _after_operator_known(self) -> None:
        """Hook: the operator was confirmed while the line still had the focus."""

    def _arrange(self) -> None:
        """Hook: lay the columns out for the mode (``isKioskMode``) and ``isPortrait``."""
        raise NotImplementedError

    def _apply_orientation(self, portrait: bool) -> None:
        self._arrange()

    def _serve_keypad(self, *fields: QLineEdit) -> None:
        self.keypad.serve(*fields)

    def _refresh(self) -> None:
        ready = (
            self.line_input.isAcceptable()
            and self.consent.isGiven()
            and (
                self._detection_failed
                or self.line_input.operatorState()
                not in (OperatorState.DETECTING, OperatorState.REFUSED)
            )
            and self._rest_ready()
        )
        self.continue_button.setEnabled(ready)

    # -- internals -----------------------------------------------------------------------

    def _failed_detection_text(self) -> str:
        return f"{now(self._failed_message)} {retry_detection()}"

    def _after_consent(self, given: bool) -> None:
        self._announce_line()
        self._refresh()

    def _on_line_changed(self, _line: str) -> None:
        self._submit_when_known = False
        self._detection_failed = False
        self._announce_line()
        self._refresh()

    def _announce_line(self) -> None:
        line = self.line_input.line()
        if not line:
            self._announced_line = ""
        elif self.consent.isGiven() and line != self._announced_line:
            self._announced_line = line
            self.lineEntered.emit(line)

    def _operator_changed(self) -> None:
        self._refresh()
        state = self.line_input.operatorState()
        if state is OperatorState.DETECTING:
            return
        if self._submit_when_known:
            self._submit_when_known = False
            self.clearError()
            if state is OperatorState.OK:
                self.go_on()
        elif state is OperatorState.OK and self.line_input.lineEdit().hasFocus():
            self._after_operator_known()
