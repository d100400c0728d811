"""The store's settings as a form: read and saved off the GUI thread, refusals by field.

The settings service decides what is valid and writes the file; this controller runs it
on workers, turns its refusals into words per field, and applies at once what can be
applied without a restart (the language here; the names, the printer and the float's
threshold by whoever listens to ``applied``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.controllers.language import Said, current_language, describe, set_language
from kiosk.controllers.worker import run
from kiosk.domain.settings import SettingsRefused

if TYPE_CHECKING:
    from kiosk.services.settings import SaveResult, SettingsForm, SettingsService

log = logging.getLogger(__name__)

#: The setting that says the app's language (applied here, at once).
LANGUAGE = "ui.language"


class SettingsController(QObject):
    """Signals:
    * ``formReady(SettingsForm)``: the settings as kept (keys only as set or not);
    * ``saved(SaveResult)``: written; ``applied`` and ``need_restart`` name the fields;
    * ``applied(SettingsForm)``: right after ``saved``, the form as now kept, for those
      who apply live changes (store and kiosk names, printer, float threshold);
    * ``refused(dict[str, Said])``: nothing written; each refused field's words;
    * ``failed(Said)``: the form could not be read or written;
    * ``busyChanged(bool)``.
    """

    formReady = Signal(object)
    saved = Signal(object)
    applied = Signal(object)
    refused = Signal(dict)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, service: SettingsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._busy = False

    def is_busy(self) -> bool:
        return self._busy

    def load(self) -> None:
        """Read the form off the GUI thread; ``formReady`` or ``failed`` follows."""
        run(self._service.current, name="settings-read").on_success(self.formReady.emit).on_failure(
            lambda error: self.failed.emit(describe(error))
        )

    def save(self, changes: Mapping[str, object]) -> None:
        """Check and write ``changes`` off the GUI thread (nothing while a save runs)."""
        if self._busy:
            return
        wanted = dict(changes)
        self._set_busy(True)

        def operation() -> tuple[SaveResult, SettingsForm]:
            result = self._service.save(wanted)
            return result, self._service.current()

        run(operation, name="settings-save").on_success(self._saved).on_failure(self._refused)

    def _saved(self, outcome: tuple[SaveResult, SettingsForm]) -> None:
        result, form = outcome
        self._set_busy(False)
        log.info("settings saved: %s", ", ".join(sorted(result.applied | result.need_restart)))
        language = form.values.get(LANGUAGE)
        if (
            LANGUAGE in result.applied
            and isinstance(language, str)
            and language != current_language()
        ):
            set_language(language)
        self.saved.emit(result)
        self.applied.emit(form)

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, SettingsRefused):
            words: dict[str, Said] = {
                name: describe(reason) for name, reason in error.errors.items()
            }
            self.refused.emit(words)
            return
        log.error("settings not saved: %s", type(error).__name__)
        self.failed.emit(describe(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busyChanged.emit(busy)
