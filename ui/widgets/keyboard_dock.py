"""The kiosk's keyboard dock: an on-screen keyboard at the bottom of the window, open while a
text field has the focus, so no physical keyboard is needed anywhere.

It follows ``QApplication.focusChanged``: a field of its window (a :class:`QLineEdit` or a
:class:`QPlainTextEdit`, an editable combo box's or a spin box's line; enabled, not
read-only, without the :data:`~ui.widgets.keypad.OWN_KEYPAD` property of a field that a
keypad of its screen serves) opens it. Fields whose input method hints say digits
(digits only, dialable characters, formatted numbers) get the digit keypad, every other
field the letter keyboard. The focus moving to anything else (a button, nothing) or
"Listo" closes it; a tap on the field opens it again. It lives in its window's layout:
the screen above it gets shorter (a field in a scroll area is scrolled back into view).

A field in a dialog of its window (an admin dialog, a question) gets the dock too: the
dock moves to the end of the dialog's box layout while the dialog is shown, and back home
when it hides (a modal dialog takes no touch outside itself). A dialog laid out otherwise
(a file dialog's or a message box's grid) gets none.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kiosk.controllers.language import translate
from ui.widgets import keypad
from ui.widgets.keypad import (
    OWN_KEYPAD,
    DigitKeypad,
    TextField,
    is_typable,
    keep_focus_in,
    make_key,
)
from ui.widgets.letter_keyboard import LetterKeyboard

#: Input method hints that mean "digits" (the digit keypad opens for such a field).
DIGIT_HINTS = (
    Qt.InputMethodHint.ImhDigitsOnly
    | Qt.InputMethodHint.ImhDialableCharactersOnly
    | Qt.InputMethodHint.ImhFormattedNumbersOnly
)
#: The dock's own room around the keys.
MARGIN = 8
#: The keyboard's prefix (its keys are ``kbKey_a`` …) and the digit keypad's.
LETTERS_PREFIX = "kb"
DIGITS_PREFIX = "kbDigits"


def text_field_of(widget: QWidget | None) -> TextField | None:
    """The text field ``widget`` is (or edits with: an editable combo box's line, a spin
    box's line), or None (a date's edit, too: its arrows and calendar serve a finger)."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QDateTimeEdit):
        return None  # its sections take arrows and a calendar, not typing at a caret
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


class KeyboardDock(QWidget):
    """The on-screen keyboard of the kiosk's window, open while a text field has the focus.

    Signals: ``opened(str)`` (``"letters"`` or ``"digits"``), ``closed()``.
    Slots/queries: ``target()`` (the field typed into, or None), ``layoutName()``
    (``"letters"``, ``"digits"`` or ``""`` when closed), ``isOpen()``, ``close_keyboard()``,
    ``open_for(field)`` (what the focus does; tests may call it).

    Object names: ``keyboardDock``; the letter keyboard ``kbKeyboard`` (keys ``kbKey_a`` …,
    ``kbKeySpace``, ``kbKeyErase``, ``kbKeyShift``, ``kbKeyAccents``, ``kbKeySymbols``,
    ``kbKeyDone``: see :class:`~ui.widgets.letter_keyboard.LetterKeyboard`); the digits
    ``kbDigitsPage`` holding the keypad ``kbDigitsKeypad`` (``kbDigitsKey0`` …
    ``kbDigitsKey9``, ``kbDigitsKeyErase``, ``kbDigitsKeyClear``) and ``kbDigitsKeyDone``.
    Words: context ``KeyboardDock`` (and the keyboards' own).
    """

    opened = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardDock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._target: TextField | None = None
        #: The field's own widget that had the focus (a combo box, a spin box, the field).
        self._focus: QWidget | None = None
        #: Where the dock lives when no dialog borrows it (its parent at construction).
        self._home: QWidget | None = parent
        self._dialog: QDialog | None = None
        self._closing_after_release = False
        #: The views of the scroll areas the target is in (watched for their new height).
        self._views: list[QWidget] = []
        #: What a finger taps to reach the target (a text's view, a line itself).
        self._tapped: QWidget | None = None

        self.letters = LetterKeyboard(LETTERS_PREFIX, self)
        self.letters.doneRequested.connect(self.close_keyboard)
        self.digits_page = QWidget(self)
        self.digits_page.setObjectName(f"{DIGITS_PREFIX}Page")
        self.digits = DigitKeypad(DIGITS_PREFIX, self.digits_page)
        self.digits_done = make_key(
            self.digits_page,
            f"{DIGITS_PREFIX}KeyDone",
            "",
            keypad.KEY_WIDTH,
            keypad.KEY_HEIGHT,
            "keyboardDone",
        )
        self.digits_done.clicked.connect(self.close_keyboard)
        digits_layout = QHBoxLayout(self.digits_page)
        digits_layout.setContentsMargins(0, 0, 0, 0)
        digits_layout.setSpacing(keypad.KEY_SPACING)
        digits_layout.addWidget(self.digits)
        # "Listo" in the keypad's last row (laid out, not aligned: a key keeps its full size).
        done_column = QVBoxLayout()
        done_column.setSpacing(0)
        done_column.addStretch(1)
        done_column.addWidget(self.digits_done)
        digits_layout.addLayout(done_column)
        self.digits_page.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(0)
        layout.addWidget(self.letters, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.digits_page, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()
        self.retranslate()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def retranslate(self) -> None:
        self.setAccessibleName(translate("KeyboardDock", "Teclado en pantalla"))
        self.digits_done.setText(translate("KeyboardDock", "Listo"))
        self.digits_done.setAccessibleName(translate("KeyboardDock", "Listo, cerrar el teclado"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- what is open ------------------------------------------------------------------------

    def target(self) -> TextField | None:
        return self._target if self._has_target() else None

    def _has_target(self) -> bool:
        """A target still there (a screen's field may be deleted with its screen)."""
        return self._target is not None and isValid(self._target)

    def isOpen(self) -> bool:
        return not self.isHidden()

    def layoutName(self) -> str:
        if not self.isOpen():
            return ""
        return "digits" if not self.digits_page.isHidden() else "letters"

    # -- following the focus -------------------------------------------------------------

    def _serves(self, field: TextField | None) -> bool:
        """Whether the dock types into ``field``: a typable field of its window (or of a
        dialog over it) that no keypad of its own serves."""
        if field is None or not is_typable(field) or field.property(OWN_KEYPAD):
            return False
        home = self._home.window() if self._home is not None else self.window()
        window = field.window()
        if window is home:
            return True
        return isinstance(window, QDialog) and self._dialog_of_home(window, home)

    @staticmethod
    def _dialog_of_home(dialog: QDialog, home: QWidget) -> bool:
        """A dialog over ``home`` with room for the dock at its end (a box layout; a file
        dialog's or a message box's grid has none: the dock stays shut there)."""
        parent = dialog.parentWidget()
        on_home = parent is not None and parent.window() is home
        return on_home and isinstance(dialog.layout(), QBoxLayout)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        field = text_field_of(now)
        if field is not None and self._serves(field):
            self.open_for(field, focus=now)
            return
        target = self.target()
        if now is None and target is not None and target.isVisible():
            return  # the window lost the focus for a moment; the field keeps its keyboard
        if self.isOpen() or self._target is not None:
            self._close_after_release()

    def open_for(self, field: TextField, focus: QWidget | None = None) -> None:
        """Open the layout ``field`` needs and type into it (nothing for a field the dock
        does not serve)."""
        if not self._serves(field):
            return
        if self._target is not field:
            self._forget_target()
            self._target = field
            self._focus = focus or field
            self._tapped = field.viewport() if isinstance(field, QPlainTextEdit) else field
            self._tapped.installEventFilter(self)  # a tap after "Listo" opens it again
            keep_focus_in(self, field)  # a tap on the dock's room between keys too
            # A scroll area's view gets shorter when the dock opens: the field back in view.
            self._views = [area.viewport() for area in self._scroll_areas(field)]
            for view in self._views:
                view.installEventFilter(self)
            self.letters.reset()
        self._closing_after_release = False
        self._follow_into(field.window())
        hints = field.inputMethodHints()
        if self._focus is not None:
            hints |= self._focus.inputMethodHints()
        digits = isinstance(field, QLineEdit) and bool(hints & DIGIT_HINTS)
        if digits:
            assert isinstance(field, QLineEdit)
            self.digits.setTarget(field)
            self.letters.setTarget(None)
        else:
            self.letters.setTarget(field)
            self.digits.setTarget(None)
        self.letters.setVisible(not digits)
        self.digits_page.setVisible(digits)
        self.show()
        # After the window's layout gave the dock its room: the field back into view.
        QTimer.singleShot(0, self._keep_target_in_view)
        self.opened.emit("digits" if digits else "letters")

    def close_keyboard(self) -> None:
        """Close the dock ("Listo", the focus gone); the field keeps the focus it has."""
        self._closing_after_release = False
        was_open = self.isOpen()
        self.hide()
        self._go_home()
        if was_open:
            self.closed.emit()

    def _forget_target(self) -> None:
        if self._tapped is not None and isValid(self._tapped):
            self._tapped.removeEventFilter(self)
        self._tapped = None
        for view in self._views:
            if isValid(view):
                view.removeEventFilter(self)
        self._views = []
        self._target = None
        self._focus = None
        keep_focus_in(self, None)
        self.letters.setTarget(None)
        self.digits.setTarget(None)

    def _close_after_release(self) -> None:
        """Close now, or after the finger lifts: closing under a finger pressing a button
        would move the button away before the release, and the tap would be lost."""
        self._forget_target()
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.close_keyboard()
            return
        if not self._closing_after_release:
            self._closing_after_release = True
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease and self._closing_after_release:
            app = QApplication.instance()
            assert app is not None
            app.removeEventFilter(self)
            # The release reaches the button first; then the dock closes.
            QTimer.singleShot(0, self._close_if_still_closing)
        elif kind == QEvent.Type.MouseButtonPress and watched is self._tapped:
            # A tap on the field that kept the focus after "Listo" opens it again.
            if not self.isOpen() and self._target is not None:
                QTimer.singleShot(0, self._reopen)
        elif kind == QEvent.Type.Hide and watched is self._dialog:
            self._go_home()
        elif kind == QEvent.Type.Resize and watched in self._views and self.isOpen():
            QTimer.singleShot(0, self._keep_target_in_view)
        return super().eventFilter(watched, event)

    def _close_if_still_closing(self) -> None:
        if self._closing_after_release:
            self.close_keyboard()

    def _reopen(self) -> None:
        field = self._target
        if field is not None and field.hasFocus() and self._serves(field):
            self.open_for(field, focus=self._focus)

    @staticmethod
    def _scroll_areas(field: QWidget) -> list[QScrollArea]:
        areas = []
        parent = field.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                areas.append(parent)
            parent = parent.parentWidget()
        return areas

    def _keep_target_in_view(self) -> None:
        field = self.target()
        if field is None or not self.isOpen():
            return
        for area in self._scroll_areas(field):
            content = area.widget()
            if content is None:
                continue
            # The whole field where it fits (ensureWidgetVisible minds only the caret).
            centre = field.mapTo(content, field.rect().center())
            margin_x = min(field.width() // 2 + 16, area.viewport().width() // 2)
            margin_y = min(field.height() // 2 + 16, area.viewport().height() // 2)
            area.ensureVisible(centre.x(), centre.y(), margin_x, margin_y)

    # -- dialogs -----------------------------------------------------------------------------

    def _follow_into(self, window: QWidget) -> None:
        """Into the dialog ``window`` (its layout's end) while it shows; home otherwise."""
        if window is self.window():
            return
        if not isinstance(window, QDialog):
            self._go_home()
            return
        layout = window.layout()
        assert isinstance(layout, QBoxLayout)  # as _serves asked
        self._go_home()
        self._dialog = window
        window.installEventFilter(self)
        self.setParent(window)
        layout.addWidget(self, 0, Qt.AlignmentFlag.AlignHCenter)
        self._fit(window)

    def _go_home(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is None or self._home is None:
            return
        dialog.removeEventFilter(self)
        was_open = self.isOpen()
        self.hide()
        self.setParent(self._home)
        layout = self._home.layout()
        if layout is not None:
            layout.addWidget(self)
        if was_open:
            self.closed.emit()
        if dialog.isVisible():
            self._fit(dialog)

    def _fit(self, dialog: QDialog) -> None:
        """The dialog's size for what it holds now, centred again over its window."""
        dialog.adjustSize()
        parent = dialog.parentWidget()
        if parent is not None:
            frame = dialog.frameGeometry()
            frame.moveCenter(parent.window().frameGeometry().center())
            dialog.move(frame.topLeft())
