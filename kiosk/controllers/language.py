"""The edge where words are translated: Qt's translation files, the current language.

Everything a person reads passes through :func:`translate` (lupdate extracts
its literal arguments) or :func:`text` (a core :class:`~kiosk.domain.text.Text`).
The Spanish (Colombia) source texts are the app's own wording; ``en`` and the
Spanish plural forms come from ``resources/i18n/*.qm`` (built by ``tools/i18n.py``).
:func:`set_language` swaps the installed translators; Qt then sends every widget a
``LanguageChange`` event, and the screens retranslate themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from importlib import resources
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kiosk.domain.formats import Formats, formats_for
from kiosk.domain.money import Pesos
from kiosk.domain.store_float import Money
from kiosk.domain.text import DEFAULT_LANGUAGE, LANGUAGES, Text

log = logging.getLogger(__name__)

#: The app's translation file per language (Spanish needs one only for plural forms).
_APP_FILES = {"es": "kiosk_es_CO.qm", "en": "kiosk_en.qm"}
#: Qt's own words (standard buttons of dialogs), when the Qt build ships them.
_QT_FILES = {"es": "qtbase_es", "en": ""}
_LOCALES = {"es": QLocale("es_CO"), "en": QLocale("en_US")}

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []
#: The .qm bytes of the installed translators: Qt reads them in place and never copies
#: them, so they must live as long as their translator does.
_loaded_data: list[bytes] = []


def translate(context: str, source: str, disambiguation: str | None = None, count: int = -1) -> str:
    """``source`` (Spanish) in the current language; ``count`` picks a ``%n`` plural form.

    Keep Qt's argument order: lupdate reads ``translate("Ctx", "%n día(s)", None, n)``
    as a plural, and does not see a call that passes ``count`` by name.
    """
    return QCoreApplication.translate(context, source, disambiguation, count)


def current_language() -> str:
    return _current


def formats() -> Formats:
    """Money, moments and countdowns as the current language writes them."""
    return formats_for(_current)


def translations_folder() -> Any:
    """Where the built ``.qm`` files are (inside the installed ``resources`` package)."""
    return resources.files("resources").joinpath("i18n")


def set_language(language: str) -> None:
    """Speak ``language`` from now on (``es`` or ``en``); needs a QCoreApplication.

    Replaces the translators installed before; Qt posts ``LanguageChange`` to every
    widget, so visible screens retranslate at once.
    """
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {LANGUAGES}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QCoreApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _loaded_data.clear()
    app_file = translations_folder().joinpath(_APP_FILES[language])
    translator = QTranslator()
    # Loaded from bytes: works from a wheel, a source tree or a PyInstaller folder alike.
    data = app_file.read_bytes()
    if translator.load(data):
        _installed.append(translator)
        _loaded_data.append(data)
    else:
        log.warning("translations for %s could not be loaded", language)
    if _QT_FILES[language]:
        qt_translator = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(_QT_FILES[language], qt_folder):
            _installed.append(qt_translator)
    for installed in _installed:
        QCoreApplication.installTranslator(installed)
    QLocale.setDefault(_LOCALES[language])
    _current = language


def _shown(value: Any) -> Any:
    if isinstance(value, Pesos):
        return formats().pesos(value)
    if isinstance(value, Money):
        return formats().money(value.amount, value.currency)
    if isinstance(value, datetime):
        return formats().moment(value)
    if isinstance(value, Text):
        return text(value)
    if isinstance(value, tuple | list):
        # A list of amounts (or of any shown values): each in the current formats.
        return ", ".join(str(_shown(item)) for item in value)
    return value


def fill(template: str, params: Mapping[str, Any]) -> str:
    """``template``'s ``{name}`` fields filled with ``params`` in the current formats.

    A template that does not fit its parameters is shown as it is, never raised.
    """
    if not params:
        return template
    try:
        return template.format(**{name: _shown(value) for name, value in params.items()})
    except (KeyError, IndexError, ValueError):
        log.warning("a translation does not fit its parameters: %r", template)
        return template


def text(words: Text) -> str:
    """A core :class:`Text` in the current language, its parameters filled in."""
    count = -1 if words.count is None else words.count
    return fill(translate(words.context, words.source, None, count), words.params)


class Said(str):
    """Words in the current language that can say themselves again in another one.

    A message that travels from a controller to a screen (an error, a "please wait") is a
    ``Said``: it is a plain ``str`` for whoever shows it, and the widget that keeps it
    shows :meth:`again` after a ``LanguageChange``. Signals carry it as ``object`` (a
    ``Signal(str)`` would hand over a copy that forgot how to say itself).
    """

    __slots__ = ("_say",)
    _say: Callable[[], str]

    def __new__(cls, say: Callable[[], str]) -> Said:
        said = super().__new__(cls, say())
        said._say = say
        return said

    def again(self) -> str:
        """These words in the current language."""
        return self._say()


def now(words: str) -> str:
    """``words`` as they read in the current language (a plain ``str`` stays as it is)."""
    return words.again() if isinstance(words, Said) else words


def describe(error: BaseException) -> Said:
    """Words for any error that reaches a person, in the current language (and again in
    the next one: a :class:`Said`).

    A core error says its own message (by its code); anything else is "something
    unexpected" for the person, and the error itself goes to the log (once).
    """
    from kiosk.messages import words_for  # the catalogue of the core's codes

    words = words_for(error)
    return Said(lambda: text(words))
