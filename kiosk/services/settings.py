"""The settings behind the admin's PIN: read them for a form, save changes to ``config.toml``.

Build it as ``SettingsService(config, config_path, clock, on_saved=..., journal_event=...)``
where ``config_path`` is the file ``config`` was loaded from (``--config PATH``, else
``<config dir>/config.toml``, which need not exist yet).

* :meth:`SettingsService.current` gives a :class:`SettingsForm`: every setting's value,
  except the keys, which it only says are set or not (never their text).
* :meth:`SettingsService.save` takes the changed values by setting name
  (``kiosk.domain.settings.FIELDS``: ``"store.nit"``, ``"printer.paper_mm"``...), as typed
  (text) or already typed (int, tuple). Every value is checked first and every error is
  raised at once (:class:`SettingsRefused`, ``errors`` by field): then nothing is
  written. Otherwise the whole new file is saved atomically (written to a temporary
  file, flushed, loaded back with ``load_config``, renamed; the previous file kept as
  ``config.toml.bak``; 0600), and a :class:`SaveResult` says which changes apply now
  and which at the next start.
* A key left empty keeps the key there is; a key given replaces it. A key that comes from
  an environment variable cannot be changed here (the variable would win):
  ``settings.key_in_environment``.

Live: business, store and kiosk names, NIT, claims contact, privacy notice, printer and
paper, language, the float's warning (and clerk PINs, through the staff service); the
caller applies them from ``on_saved(new_config, result)``. The gateways' addresses and
keys, retention, operators, amounts and limits, fraud limits and the idle timeout are
read at start only: ``need_restart``.
"""

from __future__ import annotations

import logging
import os
import threading
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.config import Config, load_config
from kiosk.domain.errors import ConfigError, KioskError, ValidationError
from kiosk.domain.settings import (
    FIELDS,
    FIELDS_BY_NAME,
    LIVE,
    SettingField,
    SettingsRefused,
    check_together,
    validate,
)
from kiosk.services.config_file import dumps, save_atomically

log = logging.getLogger(__name__)

#: The environment variable that holds each key, when it is set (it wins over the file).
KEY_VARIABLES = {
    "pse.private_key": "KIOSK_PSE_PRIVATE_KEY",
    "pse.integrity_secret": "KIOSK_PSE_INTEGRITY_SECRET",
    "pse.events_secret": "KIOSK_PSE_EVENTS_SECRET",
    "topups.client_secret": "KIOSK_TOPUP_CLIENT_SECRET",
    "lines.api_key": "KIOSK_LINES_API_KEY",
}


@dataclass(frozen=True)
class SettingsForm:
    """What a settings form shows: ``values`` of every setting but the keys (by name), and
    ``keys_set``: for each key, whether one is set. No key's text is ever in here."""

    values: Mapping[str, object]
    keys_set: Mapping[str, bool]
    fields: tuple[SettingField, ...] = field(default=FIELDS, repr=False)


@dataclass(frozen=True)
class SaveResult:
    """The settings changed by a save: ``applied`` now, or taking effect at the next start
    (``need_restart``). Both empty: nothing was different, nothing was written."""

    applied: frozenset[str]
    need_restart: frozenset[str]

    @property
    def changed(self) -> frozenset[str]:
        return self.applied | self.need_restart


def values_of(config: Config) -> dict[str, object]:
    """Every setting's value in ``config``, keys included (never hand these to a screen)."""
    values: dict[str, object] = {}
    for setting in FIELDS:
        holder = getattr(config, setting.section) if setting.section else config
        values[setting.name] = getattr(holder, setting.key)
    return values


def _toml_ready(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


class SettingsService:
    """Reads and saves the settings (see the module's docstring). Thread-safe.

    ``on_saved(config, result)`` is called after each save that changed something, with
    the new :class:`~kiosk.config.Config` as loaded back from the file. ``journal_event``
    is called ``("settings.changed", {"fields": [sorted names]})`` (the names only, never
    a value). ``env`` is where the keys' environment variables are looked up (default:
    ``os.environ``, as ``load_config``).
    """

    def __init__(
        self,
        config: Config,
        config_path: Path,
        clock: Callable[[], datetime],
        *,
        on_saved: Callable[[Config, SaveResult], None] | None = None,
        journal_event: Callable[[str, Mapping[str, object]], object] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._config = config
        self._path = config_path
        self._clock = clock
        self._on_saved = on_saved
        self._journal_event = journal_event
        self._env = os.environ if env is None else env
        self._lock = threading.Lock()

    @property
    def config(self) -> Config:
        """The configuration as last saved (or as given)."""
        return self._config

    @property
    def path(self) -> Path:
        return self._path

    def current(self) -> SettingsForm:
        """The settings now; keys only as set or not set."""
        with self._lock:
            values = values_of(self._config)
        shown = {name: value for name, value in values.items() if not FIELDS_BY_NAME[name].secret}
        keys = {name: bool(value) for name, value in values.items() if FIELDS_BY_NAME[name].secret}
        return SettingsForm(MappingProxyType(shown), MappingProxyType(keys))

    def save(self, changes: Mapping[str, object]) -> SaveResult:
        """Check every value of ``changes``, then save them all or nothing.

        Raises :class:`SettingsRefused` (``errors``: each refused field and why; nothing
        written), or ``KioskError("settings.save_failed", detail=...)`` when the file
        cannot be written (the old file stays as it was).
        """
        with self._lock:
            current = values_of(self._config)
            parsed, errors = validate(changes)
            for name in [n for n in parsed if FIELDS_BY_NAME[n].secret]:
                if parsed[name] == "":
                    del parsed[name]  # write-only: left empty keeps the key there is
                elif self._env.get(KEY_VARIABLES[name]):
                    errors[name] = ValidationError(
                        "settings.key_in_environment", variable=KEY_VARIABLES[name]
                    )
            # The file as it is meets every rule: a rule between fields broken now is
            # broken by these changes.
            for name, refused in check_together({**current, **parsed}).items():
                errors.setdefault(name, refused)
            if errors:
                raise SettingsRefused(errors)
            changed = {name: value for name, value in parsed.items() if value != current[name]}
            if not changed:
                return SaveResult(frozenset(), frozenset())
            new_config = self._write(changed)
            result = SaveResult(
                applied=frozenset(name for name in changed if name in LIVE),
                need_restart=frozenset(name for name in changed if name not in LIVE),
            )
            self._config = new_config
        log.info("settings saved: %s", ", ".join(sorted(changed)))
        if self._journal_event is not None:
            try:
                self._journal_event("settings.changed", {"fields": sorted(changed)})
            except Exception:  # the file is saved: a journal problem must not undo that
                log.exception("settings change not journaled")
        if self._on_saved is not None:
            self._on_saved(new_config, result)
        return result

    def _raw(self) -> dict[str, Any]:
        try:
            with self._path.open("rb") as handle:
                return tomllib.load(handle)
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise KioskError("settings.save_failed", detail=type(error).__name__) from None

    def _write(self, changed: Mapping[str, object]) -> Config:
        raw = self._raw()
        for name, value in changed.items():
            setting = FIELDS_BY_NAME[name]
            table = raw.setdefault(setting.section, {}) if setting.section else raw
            table[setting.key] = _toml_ready(value)
        # Top-level values first, then the tables in their usual order.
        document = {k: v for k, v in raw.items() if not isinstance(v, dict)}
        document.update({k: v for k, v in raw.items() if isinstance(v, dict)})
        stamp = self._clock().isoformat(timespec="seconds")
        header = (
            f"The kiosk's configuration, saved from its settings on {stamp}.\n"
            "The previous file is config.toml.bak. Keep this file private (it may hold keys)."
        )
        loaded: list[Config] = []

        def load_back(temporary: Path) -> None:
            loaded.append(
                load_config(
                    temporary,
                    env=self._env,
                    config_dir=self._config.config_dir,
                    data_dir=self._config.data_dir,
                )
            )

        try:
            save_atomically(
                self._path, dumps(document, header=header).encode("utf-8"), check=load_back
            )
        except ConfigError as error:
            log.error("settings not saved: the new file does not load (%s)", error.code)
            raise KioskError("settings.save_failed", detail=error.code) from None
        except OSError as error:
            log.error("settings not saved: %s", error.strerror)
            raise KioskError("settings.save_failed", detail=error.strerror or "OSError") from None
        return loaded[0]


__all__ = ["SaveResult", "SettingsForm", "SettingsRefused", "SettingsService", "values_of"]
