"""PINs: the rule a new PIN must meet, its scrypt hash, and the lockout after wrong tries.

A PIN is kept only as ``scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>`` (scrypt with
n = 2**14, r = 8, p = 1, a fresh 16-byte salt and a 32-byte key), and checked with
:func:`hmac.compare_digest` so that how long a check takes says nothing of how much of
the PIN was right.

The lockout (:class:`Lockout`) is pure and driven by the clock it is given: 5 wrong
tries in a row lock the PINs for 1 minute; after that every further wrong try locks
again, each time twice as long (2, 4, 8... minutes, at most an hour); a right PIN
clears it. A try while locked is refused without looking at the PIN and is not counted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import math
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from kiosk.domain.errors import KioskError, ValidationError

SCHEME = "scrypt"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
#: Far above the parameters written here, so a stored hash cannot make a check hog memory.
_MAX_N = 2**20
_MAX_MEMORY = 256 * 1024 * 1024

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
#: Wrong tries in a row before the first lock.
MAX_TRIES = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)
#: Wrong tries are forgotten after this long without one (a clerk's rare slip never adds up).
QUIET_RESET = timedelta(minutes=15)


class PinRefused(KioskError):
    """A PIN was not accepted: ``pin.wrong`` (``tries_left``), ``pin.locked`` (``seconds``),
    ``pin.not_admin``."""


# -- a new PIN ---------------------------------------------------------------------------


def check_new_pin(pin: str) -> str:
    """``pin`` when a person may choose it: 4 to 8 digits, not one digit repeated (``1111``)
    nor a run up or down (``1234``, ``9876``). Else ``pin.format`` or ``pin.too_simple``."""
    if not (
        isinstance(pin, str)
        and pin.isascii()
        and pin.isdigit()
        and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS
    ):
        raise ValidationError("pin.format", low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS)
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {9}):
        raise ValidationError("pin.too_simple")
    return pin


# -- hashing -----------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_MAX_MEMORY
    )


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The stored form of ``pin`` (a fresh random salt unless one is given, for tests)."""
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    key = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[bytes, int, int, int, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 4):
        return None
    if not salt or not 16 <= len(key) <= 64:
        return None
    return salt, n, r, p, key


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` is the PIN ``stored`` was made from (compared in constant time).

    A stored value that is not a hash of ours never matches (and still costs a hash, so
    a damaged entry does not stand out by its timing).
    """
    parsed = _parse(stored)
    if parsed is None:
        hash_pin(pin, salt=b"\0" * SALT_BYTES)
        return False
    salt, n, r, p, key = parsed
    try:
        candidate = _scrypt(pin, salt, n, r, p, len(key))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, key)


# -- the lockout ---------------------------------------------------------------------------


def lock_length(failures: int) -> timedelta:
    """How long ``failures`` wrong tries in a row lock: nothing under 5, then 1 minute,
    doubled for each further one, at most an hour."""
    if failures < MAX_TRIES:
        return timedelta(0)
    doublings = failures - MAX_TRIES
    if doublings >= 12:  # 2**12 minutes is far beyond the hour already
        return LONGEST_LOCK
    return min(FIRST_LOCK * (1 << doublings), LONGEST_LOCK)


@dataclass(frozen=True)
class Lockout:
    """Wrong tries in a row and, once there are 5 or more, the end of the current lock."""

    failures: int = 0
    locked_until: datetime | None = None
    #: When the last wrong try was made (the count restarts after ``QUIET_RESET`` without one).
    last_failure: datetime | None = None

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds (rounded up) until a PIN may be tried again; 0: it may now.

        Never more than the lock's own length from ``now``, so a clock set back
        does not lock for longer than the policy says.
        """
        if self.locked_until is None or now >= self.locked_until:
            return 0
        left = min(self.locked_until - now, lock_length(self.failures))
        return math.ceil(left.total_seconds())

    def check(self, now: datetime) -> None:
        """Raise ``pin.locked`` (``seconds``) while locked."""
        seconds = self.seconds_left(now)
        if seconds:
            raise PinRefused("pin.locked", seconds=seconds)

    def failed(self, now: datetime) -> Lockout:
        """The lockout after a wrong PIN at ``now`` (tried while not locked)."""
        # Quiet: no wrong try and no lock for QUIET_RESET (a lock's end counts as its try).
        last = max(filter(None, (self.last_failure, self.locked_until)), default=None)
        quiet = last is not None and now - last >= QUIET_RESET
        failures = 1 if quiet else self.failures + 1
        length = lock_length(failures)
        return replace(
            self,
            failures=failures,
            locked_until=now + length if length else None,
            last_failure=now,
        )

    def succeeded(self) -> Lockout:
        """An admin's right PIN clears everything (a clerk's does not: see StaffService)."""
        return Lockout()

    @property
    def tries_left(self) -> int:
        """Wrong tries left before a lock (0 once locked at least once)."""
        return max(MAX_TRIES - self.failures, 0)

    def refusal(self, now: datetime) -> PinRefused:
        """What to tell after this lockout's last wrong try: locked, or the tries left."""
        seconds = self.seconds_left(now)
        if seconds:
            return PinRefused("pin.locked", seconds=seconds)
        return PinRefused("pin.wrong", tries_left=self.tries_left)
