"""Clerks and PINs: the demo staff, the first admin, sign-in, the admin PIN, the lockout
kept across restarts, and the staff file (private, atomic, hashes only)."""

from __future__ import annotations

import hmac
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.controllers.language import describe
from kiosk.domain import pins
from kiosk.domain.errors import KioskError
from kiosk.domain.pins import PinRefused
from kiosk.domain.staff import DEMO_STAFF
from kiosk.services.staff import StaffError, StaffService, StaffStore
from tests.support.clocks import FakeClock

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
POSIX = sys.platform != "win32"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


def _store(tmp_path: Path, *, test_keys: bool = True) -> StaffStore:
    return StaffStore(tmp_path / "config", tmp_path / "data", test_keys=test_keys)


@pytest.fixture
def staff(tmp_path: Path, clock: FakeClock) -> StaffService:
    return StaffService(_store(tmp_path), clock)


def _wrong(service: StaffService, times: int, pin: str = "9999") -> list[PinRefused]:
    refusals = []
    for _ in range(times):
        with pytest.raises(PinRefused) as caught:
            service.sign_in(pin)
        refusals.append(caught.value)
    return refusals


def test_test_keys_and_no_file_give_the_demo_staff(staff: StaffService, tmp_path: Path) -> None:
    assert staff.demo_pins and not staff.needs_setup
    assert [(c.name, c.is_admin) for c in staff.clerks()] == [
        ("Administrador", True),
        ("Ana", False),
    ]
    assert {(d.name, d.pin) for d in DEMO_STAFF} == {("Ana", "1111"), ("Administrador", "0000")}
    assert staff.sign_in("1111").name == "Ana"
    assert staff.check_admin("0000").name == "Administrador"
    body = (tmp_path / "config" / "staff.toml").read_text(encoding="utf-8")
    assert "1111" not in body and "0000" not in body and body.count("scrypt$16384$8$1$") == 2


def test_the_sandbox_config_makes_the_demo_staff(isolated_dirs: dict[str, Path]) -> None:
    config = load_config()
    assert config.uses_test_keys
    service = StaffService(StaffStore.for_config(config), lambda: START)
    assert service.demo_pins
    assert (config.config_dir / "staff.toml").exists()


def test_demo_pins_stop_being_said_once_changed(staff: StaffService) -> None:
    for clerk in staff.clerks():
        staff.set_pin(clerk.id, "2580" if clerk.is_admin else "1357")
    assert not staff.demo_pins
    assert staff.check_admin("2580").name == "Administrador"
    with pytest.raises(PinRefused):
        staff.sign_in("0000")


def test_real_keys_and_no_file_need_the_first_admin(tmp_path: Path, clock: FakeClock) -> None:
    service = StaffService(_store(tmp_path, test_keys=False), clock)
    assert service.needs_setup and not service.demo_pins and service.clerks() == []
    assert not (tmp_path / "config" / "staff.toml").exists()
    with pytest.raises(StaffError) as caught:
        service.sign_in("0000")
    assert caught.value.code == "staff.needs_setup"
    with pytest.raises(KioskError) as simple:
        service.create_first_admin("Dueña", "1234")
    assert simple.value.code == "pin.too_simple"
    admin = service.create_first_admin("  Dueña  ", "2580")
    assert (admin.name, admin.is_admin) == ("Dueña", True)
    assert not service.needs_setup
    assert service.check_admin("2580") == admin
    with pytest.raises(StaffError) as again:
        service.create_first_admin("Otra", "1357")
    assert again.value.code == "staff.set_up"
    # A restart finds the admin.
    assert StaffService(_store(tmp_path, test_keys=False), clock).clerks() == [admin]


def test_a_demo_staff_file_never_opens_a_kiosk_with_real_keys(
    tmp_path: Path, clock: FakeClock
) -> None:
    StaffService(_store(tmp_path), clock)  # the sandbox made the demo staff
    real = StaffService(_store(tmp_path, test_keys=False), clock)
    assert real.needs_setup and real.clerks() == []
    with pytest.raises(StaffError):
        real.check_admin("0000")
    real.create_first_admin("Dueña", "2580")
    with pytest.raises(PinRefused):
        real.sign_in("1111")


def test_a_clerk_pin_is_not_an_admin_pin(staff: StaffService) -> None:
    with pytest.raises(PinRefused) as caught:
        staff.check_admin("1111")
    assert caught.value.code == "pin.not_admin"
    assert "administrador" in describe(caught.value)


def test_adding_changing_and_removing_clerks(staff: StaffService, tmp_path: Path) -> None:
    luis = staff.add_clerk("Luis", "2468", is_admin=False)
    assert staff.sign_in("2468") == luis
    for name, pin, code in [
        ("luis", "1357", "staff.name_taken"),
        ("", "1357", "staff.name_required"),
        ("x" * 41, "1357", "staff.name_too_long"),
        ("ana@tienda.co", "1357", "staff.name_personal"),
        ("Ana 310 555 1234", "1357", "staff.name_personal"),
        ("Marta", "2468", "staff.pin_taken"),
        ("Marta", "12", "pin.format"),
        ("Marta", "7777", "pin.too_simple"),
    ]:
        with pytest.raises(KioskError) as caught:
            staff.add_clerk(name, pin)
        assert caught.value.code == code
        assert "Error inesperado" not in describe(caught.value)
    staff.set_pin(luis.id, "8642")
    assert staff.sign_in("8642") == luis
    staff.add_clerk("Marta", "1357")
    with pytest.raises(StaffError) as taken:
        staff.set_pin(luis.id, "1357")  # Marta's
    assert taken.value.code == "staff.pin_taken"
    staff.remove_clerk(luis.id)
    assert "Luis" not in [c.name for c in staff.clerks()]
    with pytest.raises(StaffError) as gone:
        staff.set_pin(luis.id, "8642")
    assert gone.value.code == "staff.unknown_clerk"
    assert (tmp_path / "config" / "staff.toml.bak").exists()


def test_the_last_admin_is_never_removed(staff: StaffService) -> None:
    admin = next(c for c in staff.clerks() if c.is_admin)
    with pytest.raises(StaffError) as caught:
        staff.remove_clerk(admin.id)
    assert caught.value.code == "staff.last_admin"
    assert "Administrador" in describe(caught.value)
    second = staff.add_clerk("Dueña", "2580", is_admin=True)
    staff.remove_clerk(admin.id)
    assert [c.name for c in staff.clerks() if c.is_admin] == [second.name]


def test_every_clerk_hash_is_checked_whoever_matches(
    staff: StaffService, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff.add_clerk("Luis", "2468")
    checked: list[str] = []
    real = pins.verify_pin

    def spy(pin: str, stored: str) -> bool:
        checked.append(stored)
        return real(pin, stored)

    monkeypatch.setattr("kiosk.services.staff.verify_pin", spy)
    compared: list[bytes] = []
    real_compare = hmac.compare_digest

    def compare(a: bytes, b: bytes) -> bool:
        compared.append(a)
        return bool(real_compare(a, b))

    monkeypatch.setattr(hmac, "compare_digest", compare)
    staff.sign_in("1111")  # Ana: not the first nor the last
    assert len(checked) == len(set(checked)) == 3 and len(compared) == 3
    with pytest.raises(PinRefused):
        staff.sign_in("9999")
    assert len(checked) == 6 and len(compared) == 6


def test_lockout_timing(staff: StaffService, clock: FakeClock) -> None:
    refusals = _wrong(staff, 4)
    assert [r.params["tries_left"] for r in refusals] == [4, 3, 2, 1]
    assert all(r.code == "pin.wrong" for r in refusals)
    assert describe(refusals[0]) == ("PIN incorrecto. Intentos que le quedan antes del bloqueo: 4.")
    assert describe(PinRefused("pin.wrong", tries_left=4)) == describe(refusals[0])
    (fifth,) = _wrong(staff, 1)
    assert (fifth.code, fifth.params["seconds"]) == ("pin.locked", 60)
    assert staff.seconds_locked() == 60
    # While locked even the right PIN is refused, and the try is not counted.
    clock.advance(59)
    with pytest.raises(PinRefused) as locked:
        staff.sign_in("1111")
    assert (locked.value.code, locked.value.params["seconds"]) == ("pin.locked", 1)
    with pytest.raises(PinRefused):
        staff.check_admin("0000")
    clock.advance(1)
    (sixth,) = _wrong(staff, 1)
    assert (sixth.code, sixth.params["seconds"]) == ("pin.locked", 120)
    for seconds in (240, 480, 960, 1920, 3600, 3600):
        clock.advance(staff.seconds_locked())
        (refusal,) = _wrong(staff, 1)
        assert refusal.params["seconds"] == seconds
    clock.advance(3600)
    assert staff.sign_in("1111").name == "Ana"  # a clerk signs in, the count stays
    (refusal,) = _wrong(staff, 1)
    assert refusal.params["seconds"] == 3600
    clock.advance(3600)
    assert staff.check_admin("0000").is_admin  # an admin's right PIN clears it
    assert [r.code for r in _wrong(staff, 4)] == ["pin.wrong"] * 4


def test_a_clerk_pin_never_resets_the_count_of_admin_guesses(
    staff: StaffService, clock: FakeClock
) -> None:
    for _round in range(3):
        _wrong(staff, 2)
        with pytest.raises(PinRefused) as refused:
            staff.check_admin("1111")  # a clerk's own PIN where the admin's is asked
        if refused.value.code == "pin.locked":
            break
        assert refused.value.code == "pin.not_admin"
        assert staff.sign_in("1111").name == "Ana"  # signing in between does not help
    assert refused.value.code == "pin.locked", "guessing the admin PIN must end in a lock"


def test_wrong_tries_fade_after_a_quiet_quarter_of_an_hour(
    staff: StaffService, clock: FakeClock
) -> None:
    _wrong(staff, 4)
    clock.advance(15 * 60)
    (refusal,) = _wrong(staff, 1)
    assert (refusal.code, refusal.params["tries_left"]) == ("pin.wrong", 4)


def test_the_lockout_file_is_read_at_each_try(tmp_path: Path, clock: FakeClock) -> None:
    """The command line's tries (``kiosk export --full-lines``) count in the running app."""
    app_side = StaffService(_store(tmp_path), clock)
    cli_side = StaffService(_store(tmp_path), clock)
    _wrong(cli_side, 5)
    with pytest.raises(PinRefused) as refused:
        app_side.check_admin("0000")
    assert refused.value.code == "pin.locked"


def test_the_lockout_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    first = StaffService(_store(tmp_path), clock)
    _wrong(first, 5)
    again = StaffService(_store(tmp_path), clock)
    assert again.seconds_locked() == 60
    with pytest.raises(PinRefused) as caught:
        again.sign_in("1111")
    assert caught.value.code == "pin.locked"
    clock.advance(60)
    (refusal,) = _wrong(again, 1)
    assert refusal.params["seconds"] == 120  # the count went on where it was
    path = tmp_path / "data" / "pin_lockout.toml"
    if POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    clock.advance(120)
    assert again.sign_in("1111").name == "Ana"
    assert StaffService(_store(tmp_path), clock).seconds_locked() == 0


def test_a_damaged_lockout_file_is_no_free_slate(tmp_path: Path, clock: FakeClock) -> None:
    service = StaffService(_store(tmp_path), clock)
    _wrong(service, 5)
    (tmp_path / "data" / "pin_lockout.toml").write_text("failures = [", encoding="utf-8")
    restarted = StaffService(_store(tmp_path), clock)
    (refusal,) = _wrong(restarted, 1)
    assert refusal.code == "pin.locked"


@pytest.mark.skipif(not POSIX, reason="POSIX mode bits")
def test_the_staff_file_is_private_and_kept_whole(staff: StaffService, tmp_path: Path) -> None:
    path = tmp_path / "config" / "staff.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_bytes()
    staff.add_clerk("Luis", "2468")
    backup = tmp_path / "config" / "staff.toml.bak"
    assert backup.read_bytes() == before
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["staff.toml", "staff.toml.bak"]


def test_a_failed_write_leaves_the_staff_as_it_was(
    staff: StaffService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config" / "staff.toml"
    before = path.read_bytes()

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.services.config_file.os.replace", full_disk)
    with pytest.raises(OSError):
        staff.add_clerk("Luis", "2468")
    assert path.read_bytes() == before
    assert "Luis" not in [c.name for c in staff.clerks()]
    assert sorted(p.name for p in path.parent.iterdir()) == ["staff.toml"]


def test_an_unreadable_staff_file_is_said(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "config" / "staff.toml"
    path.parent.mkdir(parents=True)
    path.write_text("[[clerk]\n", encoding="utf-8")
    with pytest.raises(StaffError) as caught:
        StaffService(_store(tmp_path), clock)
    assert caught.value.code == "staff.unreadable"
    assert "staff.toml.bak" in describe(caught.value)


def test_words_of_a_lock_in_english(staff: StaffService, english: None) -> None:
    refusals = _wrong(staff, 5)
    assert "Error" not in describe(refusals[-1])
    assert describe(refusals[-1]) != describe(refusals[0])


def test_clock_advancing_past_a_lock_by_timedelta(staff: StaffService, clock: FakeClock) -> None:
    _wrong(staff, 5)
    clock.advance(timedelta(minutes=1))
    assert staff.seconds_locked() == 0


def test_a_lockout_time_without_its_zone_counts_as_damage(tmp_path: Path, clock: FakeClock) -> None:
    staff = StaffService(_store(tmp_path), clock)
    lockout = tmp_path / "data" / "pin_lockout.toml"
    lockout.parent.mkdir(parents=True, exist_ok=True)
    lockout.write_text("failures = 1\nlocked_until = 2026-01-01T00:00:00\n", encoding="utf-8")
    (refusal,) = _wrong(staff, 1)  # no TypeError: four tries counted, this one locks
    assert refusal.code == "pin.locked"
