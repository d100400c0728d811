"""Clerks and PINs: signing in at the counter, the admin's PIN, and the staff list.

Build it as ``StaffService(StaffStore.for_config(config), clock)``. The store keeps:

* ``<config dir>/staff.toml`` (0600, saved atomically, the previous file kept as
  ``staff.toml.bak``): each clerk's id, name, admin flag and PIN hash (scrypt, never the
  PIN). With test keys and no staff file yet, the demo staff is created (clerk "Ana",
  PIN 1111; admin "Administrador", PIN 0000) and :attr:`StaffService.demo_pins` is true
  while a demo PIN is unchanged, so the sign-in screen can say them under the SANDBOX
  banner. A staff file born from the demo staff is never used with real keys.
* ``<data dir>/pin_lockout.toml`` (0600): the wrong tries in a row and the end of the
  lock, so that restarting the app does not clear a lock.

With real keys and no (real) staff file, :attr:`StaffService.needs_setup` is true:
nobody can sign in until :meth:`StaffService.create_first_admin` is called.

Each PIN check costs one scrypt hash per clerk (some tens of milliseconds each): call
:meth:`~StaffService.sign_in`, :meth:`~StaffService.check_admin` and the methods that
take a PIN on a worker, never on the GUI thread. The service is safe to call from
several threads (one lock).
"""

from __future__ import annotations

import logging
import threading
import tomllib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.domain.errors import KioskError
from kiosk.domain.pins import Lockout, PinRefused, check_new_pin, hash_pin, verify_pin
from kiosk.domain.staff import DEMO_STAFF, Clerk, check_clerk_name
from kiosk.journal.files import private_folder
from kiosk.services.config_file import dumps, save_atomically

if TYPE_CHECKING:
    from kiosk.config import Config

log = logging.getLogger(__name__)

STAFF_FILE = "staff.toml"
LOCKOUT_FILE = "pin_lockout.toml"
_VERSION = 1


class StaffError(KioskError):
    """A staff change that cannot be made: ``staff.last_admin``, ``staff.unknown_clerk``,
    ``staff.name_taken``, ``staff.pin_taken``, ``staff.needs_setup``, ``staff.set_up``,
    ``staff.unreadable``."""


@dataclass(frozen=True)
class _Entry:
    clerk: Clerk
    pin_hash: str
    #: Still the demo staff's well-known PIN.
    demo_pin: bool = False


@dataclass(frozen=True)
class _Staff:
    entries: tuple[_Entry, ...]
    #: Made from the demo staff (never used with real keys).
    demo: bool


class StaffStore:
    """Where the staff and the lockout are kept (files; see the module's docstring)."""

    def __init__(self, config_dir: Path, data_dir: Path, *, test_keys: bool) -> None:
        self.staff_path = config_dir / STAFF_FILE
        self.lockout_path = data_dir / LOCKOUT_FILE
        #: Test keys (no real money): the demo staff may be created and used.
        self.test_keys = test_keys

    @classmethod
    def for_config(cls, config: Config) -> StaffStore:
        """The store in ``config``'s folders, test keys as ``config.uses_test_keys``."""
        return cls(config.config_dir, config.data_dir, test_keys=config.uses_test_keys)

    # -- staff.toml --

    def load(self) -> _Staff | None:
        """The staff file's contents, or ``None`` when there is no file."""
        try:
            raw = tomllib.loads(self.staff_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            log.error("staff file %s unreadable: %s", self.staff_path, type(error).__name__)
            raise StaffError("staff.unreadable", path=str(self.staff_path)) from None
        try:
            entries = tuple(
                _Entry(
                    Clerk(str(item["id"]), str(item["name"]), bool(item.get("admin", False))),
                    str(item["pin"]),
                    bool(item.get("demo_pin", False)),
                )
                for item in raw.get("clerk", [])
            )
        except (KeyError, TypeError, AttributeError):
            raise StaffError("staff.unreadable", path=str(self.staff_path)) from None
        return _Staff(entries, bool(raw.get("demo", False)))

    def save(self, staff: _Staff) -> None:
        document: dict[str, Any] = {"version": _VERSION, "demo": staff.demo}
        clerks = []
        for entry in staff.entries:
            item: dict[str, Any] = {
                "id": entry.clerk.id,
                "name": entry.clerk.name,
                "admin": entry.clerk.is_admin,
                "pin": entry.pin_hash,
            }
            if entry.demo_pin:
                item["demo_pin"] = True
            clerks.append(item)
        document["clerk"] = clerks
        header = "The kiosk's clerks and their PIN hashes (scrypt). Keep this file private."
        save_atomically(self.staff_path, dumps(document, header=header).encode("utf-8"))

    # -- the lockout --

    def load_lockout(self) -> Lockout:
        """The lockout kept, or none; a damaged file counts as one wrong try from a lock
        (never as a free slate: deleting half the file must not clear a lock)."""
        try:
            raw = tomllib.loads(self.lockout_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Lockout()
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            log.warning("PIN lockout file unreadable: treated as 4 wrong tries")
            return Lockout(failures=4)
        failures = raw.get("failures", 0)
        until = raw.get("locked_until")
        last = raw.get("last_failure")
        if (
            not isinstance(failures, int)
            or failures < 0
            or not all(_aware_or_none(moment) for moment in (until, last))
        ):
            log.warning("PIN lockout file damaged: treated as 4 wrong tries")
            return Lockout(failures=4)
        return Lockout(failures, until, last)

    def save_lockout(self, lockout: Lockout) -> None:
        private_folder(self.lockout_path.parent)
        document: dict[str, Any] = {"failures": lockout.failures}
        if lockout.locked_until is not None:
            document["locked_until"] = lockout.locked_until
        if lockout.last_failure is not None:
            document["last_failure"] = lockout.last_failure
        text = dumps(document, header="Wrong PIN tries in a row (the kiosk's lockout).")
        save_atomically(self.lockout_path, text.encode("utf-8"), backup=False)


def _aware_or_none(moment: object) -> bool:
    """A time the lockout file may hold: none, or an aware datetime (a naive one is damage)."""
    return moment is None or (isinstance(moment, datetime) and moment.tzinfo is not None)


class StaffService:
    """Clerks, their PINs and the lockout (see the module's docstring).

    ``clock`` tells the time (aware UTC ``datetime``); the lockout follows it. A sign-in
    is journaled (``"clerk.signed_in"``) by the caller, which holds the journal writer.
    """

    def __init__(self, store: StaffStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock
        self._lock = threading.RLock()
        staff = store.load()
        if staff is None and store.test_keys:
            staff = _demo_staff()
            store.save(staff)
            log.info("demo staff created (test keys)")
        self._staff: _Staff | None = staff
        self._lockout = store.load_lockout()

    # -- what the screens ask --

    @property
    def needs_setup(self) -> bool:
        """Real keys and no staff of their own yet: the first admin must be created
        (:meth:`create_first_admin`) before anyone can sign in."""
        with self._lock:
            return self._usable() is None

    @property
    def demo_pins(self) -> bool:
        """The demo staff's well-known PINs still work (test keys only): the sign-in
        screen says them (``kiosk.domain.staff.DEMO_STAFF``) under the SANDBOX banner."""
        with self._lock:
            staff = self._usable()
            return bool(staff and staff.demo and any(e.demo_pin for e in staff.entries))

    def clerks(self) -> list[Clerk]:
        """Every clerk, admins too, by name."""
        with self._lock:
            staff = self._usable()
            entries = staff.entries if staff else ()
            return sorted((e.clerk for e in entries), key=lambda c: (c.name.casefold(), c.id))

    def seconds_locked(self) -> int:
        """Seconds until a PIN may be tried again (0: now)."""
        with self._lock:
            return self._lockout.seconds_left(self._clock())

    # -- PIN checks --

    def sign_in(self, pin: str) -> Clerk:
        """The clerk whose PIN this is.

        Raises ``PinRefused("pin.wrong", tries_left=n)`` for a PIN nobody has,
        ``PinRefused("pin.locked", seconds=n)`` while locked (the PIN is not even looked
        at) and when this wrong try starts a lock, ``StaffError("staff.needs_setup")``
        when there is no staff yet. Every clerk's hash is checked, whichever matches.
        """
        with self._lock:
            return self._check(pin, admin=False)

    def check_admin(self, pin: str) -> Clerk:
        """The admin whose PIN this is (for settings, exports with full lines, leaving
        kiosk mode). Raises as :meth:`sign_in` does, and ``PinRefused("pin.not_admin")``
        for a clerk's PIN that is not an admin's (not counted as a wrong try)."""
        with self._lock:
            return self._check(pin, admin=True)

    # -- changes (behind the admin's PIN, checked by the screens) --

    def create_first_admin(self, name: str, pin: str) -> Clerk:
        """The first admin, when :attr:`needs_setup` (else ``staff.set_up``)."""
        with self._lock:
            if self._usable() is not None:
                raise StaffError("staff.set_up")
            clerk = Clerk(_new_id(), check_clerk_name(name), True)
            entry = _Entry(clerk, hash_pin(check_new_pin(pin)))
            self._commit(_Staff((entry,), demo=False))
            return clerk

    def add_clerk(self, name: str, pin: str, is_admin: bool = False) -> Clerk:
        """A new clerk. Raises ``staff.name_required`` / ``staff.name_too_long``,
        ``staff.name_taken`` (another clerk has that name), ``pin.format`` /
        ``pin.too_simple``, ``staff.pin_taken`` (another clerk has that PIN)."""
        with self._lock:
            staff = self._require()
            written = check_clerk_name(name)
            if any(e.clerk.name.casefold() == written.casefold() for e in staff.entries):
                raise StaffError("staff.name_taken", name=written)
            check_new_pin(pin)
            self._refuse_taken(staff, pin, keep=None)
            clerk = Clerk(_new_id(), written, bool(is_admin))
            entries = (*staff.entries, _Entry(clerk, hash_pin(pin)))
            self._commit(_Staff(entries, staff.demo))
            return clerk

    def set_pin(self, clerk_id: str, pin: str) -> None:
        """A new PIN for the clerk ``clerk_id`` (``staff.unknown_clerk``); the PIN rules
        and ``staff.pin_taken`` as in :meth:`add_clerk`. Applies at once."""
        with self._lock:
            staff = self._require()
            self._find(staff, clerk_id)
            check_new_pin(pin)
            self._refuse_taken(staff, pin, keep=clerk_id)
            entries = tuple(
                _Entry(e.clerk, hash_pin(pin)) if e.clerk.id == clerk_id else e
                for e in staff.entries
            )
            self._commit(_Staff(entries, staff.demo))

    def remove_clerk(self, clerk_id: str) -> None:
        """Remove the clerk ``clerk_id``; never the last admin (``staff.last_admin``)."""
        with self._lock:
            staff = self._require()
            clerk = self._find(staff, clerk_id).clerk
            rest = tuple(e for e in staff.entries if e.clerk.id != clerk_id)
            if clerk.is_admin and not any(e.clerk.is_admin for e in rest):
                raise StaffError("staff.last_admin", name=clerk.name)
            self._commit(_Staff(rest, staff.demo))

    # -- inside --

    def _usable(self) -> _Staff | None:
        staff = self._staff
        if staff is None or not staff.entries:
            return None
        if staff.demo and not self._store.test_keys:
            return None  # demo PINs never open a kiosk that moves real money
        return staff

    def _require(self) -> _Staff:
        staff = self._usable()
        if staff is None:
            raise StaffError("staff.needs_setup")
        return staff

    @staticmethod
    def _find(staff: _Staff, clerk_id: str) -> _Entry:
        for entry in staff.entries:
            if entry.clerk.id == clerk_id:
                return entry
        raise StaffError("staff.unknown_clerk", clerk_id=clerk_id)

    @staticmethod
    def _matches(staff: _Staff, pin: str) -> list[_Entry]:
        # Every hash is computed and compared, match or not: no early exit whose timing
        # would tell which clerk (or whether any) has this PIN.
        results = [(entry, verify_pin(pin, entry.pin_hash)) for entry in staff.entries]
        return [entry for entry, matched in results if matched]

    def _refuse_taken(self, staff: _Staff, pin: str, *, keep: str | None) -> None:
        if any(entry.clerk.id != keep for entry in self._matches(staff, pin)):
            raise StaffError("staff.pin_taken")

    def _check(self, pin: str, *, admin: bool) -> Clerk:
        staff = self._require()
        now = self._clock()
        # The file is the lockout's truth: `kiosk export --full-lines` counts tries there too.
        kept = self._store.load_lockout()
        if kept.failures >= self._lockout.failures:
            self._lockout = kept
        self._lockout.check(now)
        found = self._matches(staff, pin if isinstance(pin, str) else "")
        clerk = found[0].clerk if found else None
        if clerk is None or (admin and not clerk.is_admin):
            # A clerk's own PIN where the admin's is asked counts as a wrong try: else a
            # clerk could guess the admin PIN four at a time, forever.
            self._lockout = self._lockout.failed(now)
            self._keep_lockout()
            log.info("wrong PIN (%d in a row)", self._lockout.failures)
            if clerk is not None and not self._lockout.seconds_left(now):
                raise PinRefused("pin.not_admin")
            raise self._lockout.refusal(now)
        # Only an admin's PIN clears the count: a clerk's sign-in between wrong tries must
        # not reset it (the count fades by itself after a quiet quarter of an hour).
        if clerk.is_admin and self._lockout.failures:
            self._lockout = self._lockout.succeeded()
            self._keep_lockout()
        return clerk

    def _keep_lockout(self) -> None:
        try:
            self._store.save_lockout(self._lockout)
        except OSError as error:
            # The lock still holds in memory; only a restart would forget it.
            log.error("PIN lockout not saved: %s", error.strerror)

    def _commit(self, staff: _Staff) -> None:
        self._store.save(staff)
        self._staff = staff


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _demo_staff() -> _Staff:
    entries = tuple(
        _Entry(Clerk(_new_id(), demo.name, demo.is_admin), hash_pin(demo.pin), demo_pin=True)
        for demo in DEMO_STAFF
    )
    return _Staff(entries, demo=True)


__all__ = ["PinRefused", "StaffError", "StaffService", "StaffStore"]
