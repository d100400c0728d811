"""PINs: the rule for a new one, the scrypt hash kept, the constant-time check, the lockout."""

from __future__ import annotations

import base64
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.pins import (
    Lockout,
    PinRefused,
    check_new_pin,
    hash_pin,
    lock_length,
    verify_pin,
)

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("pin", ["2580", "1357", "90210", "13572468", "0852"])
def test_a_good_pin_is_kept(pin: str) -> None:
    assert check_new_pin(pin) == pin


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "12 34", "١٢٣٤", "-1234"])
def test_a_pin_is_4_to_8_digits(pin: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_new_pin(pin)
    assert caught.value.code == "pin.format"


@pytest.mark.parametrize("pin", ["1111", "0000", "1234", "4321", "56789", "8901", "3210"])
def test_a_pin_easy_to_guess_is_refused(pin: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_new_pin(pin)
    assert caught.value.code == "pin.too_simple"


def test_the_hash_is_scrypt_with_its_parameters_and_a_fresh_salt() -> None:
    stored = hash_pin("2580")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert "2580" not in stored
    assert hash_pin("2580") != stored  # another salt
    assert verify_pin("2580", stored)
    assert not verify_pin("2581", stored)


@pytest.mark.parametrize(
    "damaged",
    ["", "2580", "bcrypt$x", "scrypt$16384$8$1$!!$!!", "scrypt$3$8$1$AAAA$AAAA", "scrypt$$$$$"],
)
def test_a_damaged_hash_never_matches(damaged: str) -> None:
    assert not verify_pin("2580", damaged)


def test_the_check_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return bool(real(a, b))

    monkeypatch.setattr(hmac, "compare_digest", spy)
    stored = hash_pin("2580")
    assert verify_pin("2580", stored) and not verify_pin("0852", stored)
    assert len(compared) == 2


def test_the_lock_lengths() -> None:
    assert [lock_length(n) for n in range(5)] == [timedelta(0)] * 5
    minutes = [lock_length(n) / timedelta(minutes=1) for n in range(5, 13)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60]
    assert lock_length(10_000) == timedelta(hours=1)


def test_five_wrong_tries_lock_for_a_minute_then_each_doubles() -> None:
    lockout, now = Lockout(), START
    for tries_left in (4, 3, 2, 1):
        lockout = lockout.failed(now)
        refusal = lockout.refusal(now)
        assert (refusal.code, refusal.params["tries_left"]) == ("pin.wrong", tries_left)
        lockout.check(now)  # not locked yet
    lockout = lockout.failed(now)
    assert lockout.refusal(now).code == "pin.locked"
    assert lockout.seconds_left(now) == 60
    with pytest.raises(PinRefused) as caught:
        lockout.check(now + timedelta(seconds=59.5))
    assert caught.value.params["seconds"] == 1  # rounded up
    for seconds in (120, 240, 480, 960, 1920, 3600, 3600):
        now += timedelta(seconds=lockout.seconds_left(now))
        lockout.check(now)  # the lock is over
        lockout = lockout.failed(now)
        assert lockout.seconds_left(now) == seconds
    assert lockout.succeeded() == Lockout()


def test_a_clock_set_back_does_not_lengthen_a_lock() -> None:
    lockout = Lockout().failed(START)
    for _ in range(4):
        lockout = lockout.failed(START)
    assert lockout.seconds_left(START - timedelta(days=1)) == 60
