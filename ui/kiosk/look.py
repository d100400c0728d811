"""Kiosk part ``look``: the language and larger-text switches of the attract and start screens.

One :class:`~ui.widgets.language_switch.LanguageSwitch` and one
:class:`~ui.widgets.language_switch.TextSizeSwitch` per screen (object-name prefixes
``attract`` and ``start``), in a row top right (``attractKioskControls``,
``startKioskControls``). A tap on a language switches the whole app at once
(``set_language``: every widget retranslates on Qt's ``LanguageChange``); "Letra grande"
gives every text of the window the stylesheet's sizes ×1.25 (``ui.style.apply_text_scale``:
the same fonts as ``apply_style(app, scale=1.25)``, far faster). Both screens' switches
always show the same state. An idle reset calls :meth:`LookWiring.restore_defaults`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.controllers.language import current_language, set_language
from kiosk.controllers.settings import LANGUAGE
from ui.style import LARGE_TEXT_SCALE, apply_text_scale, repolish
from ui.widgets.language_switch import LanguageSwitch, TextSizeSwitch

if TYPE_CHECKING:  # annotations only
    from kiosk.services.settings import SettingsForm
    from ui.wiring import Wiring


class KioskControls(QWidget):
    """A screen's language switch and text-size switch, side by side.

    Object names: ``<prefix>KioskControls`` (and the switches' own, by ``prefix``).
    """

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}KioskControls")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.language = LanguageSwitch(prefix, self)
        self.text_size = TextSizeSwitch(prefix, self)
        layout.addWidget(self.language)
        layout.addWidget(self.text_size)


class LookWiring(QObject):
    """The kiosk's language and text size.

    Signals: ``languageChanged(str)`` (after every widget speaks it),
    ``largeTextChanged(bool)`` (after the stylesheet is re-applied).
    Slots: ``choose_language(lang)``, ``set_large_text(bool)``, ``restore_defaults()``
    (the store's language, normal text: the idle reset's). ``store_language()`` is the
    store's default language now (``ui.language``; a settings save updates it).
    ``controls``: the :class:`KioskControls` by screen prefix (``attract``, ``start``).
    """

    languageChanged = Signal(str)
    largeTextChanged = Signal(bool)

    def __init__(self, wiring: Wiring) -> None:
        super().__init__(wiring)
        self.wiring = wiring
        self._store_language = wiring.controllers.core.config.ui.language
        self._large = False
        window = wiring.window
        self.controls: dict[str, KioskControls] = {}
        for prefix, screen in (("attract", window.attract), ("start", window.start)):
            controls = KioskControls(prefix)
            controls.language.languageChosen.connect(self.choose_language)
            controls.text_size.toggled.connect(self.set_large_text)
            screen.setKioskControls(controls)
            self.controls[prefix] = controls
        wiring.controllers.settings.applied.connect(self._settings_applied)
        self._show_state()
        # The switches were made after the window's re-polish (MainWindow.setKioskMode).
        for controls in self.controls.values():
            repolish(controls)

    # -- the state ----------------------------------------------------------------------

    def store_language(self) -> str:
        """The store's default language (``ui.language``), as last saved."""
        return self._store_language

    def language(self) -> str:
        return current_language()

    def isLargeText(self) -> bool:
        return self._large

    # -- slots --------------------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """Speak ``language`` now: every visible string changes before this returns."""
        if language != current_language():
            set_language(language)
            # Qt posts LanguageChange to every widget: deliver them now, not at the next
            # turn of the event loop, so no screen shows two languages at once.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self._show_state()
        self.languageChanged.emit(language)

    def set_large_text(self, large: bool) -> None:
        """Every text of the window ×1.25 (``large``) or as designed."""
        apply_text_scale(self.wiring.window, LARGE_TEXT_SCALE if large else 1.0)
        self._large = large
        self._show_state()
        self.largeTextChanged.emit(large)

    def restore_defaults(self) -> None:
        """The store's language and normal text (nobody's choice stays for the next one)."""
        self.choose_language(self._store_language)
        if self._large:
            self.set_large_text(False)

    # -- inside -------------------------------------------------------------------------

    def _show_state(self) -> None:
        language = current_language()
        for controls in self.controls.values():
            controls.language.setLanguage(language)
            controls.text_size.setLarge(self._large)

    def _settings_applied(self, form: SettingsForm) -> None:
        language = form.values.get(LANGUAGE)
        if isinstance(language, str) and language:
            self._store_language = language
        # The settings controller may have switched the language itself.
        self._show_state()
