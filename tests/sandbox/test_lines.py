"""Line services: the balance shows only with the one-time code sent by SMS to that line."""

from __future__ import annotations

import pytest
import requests

from kiosk.sandbox import SandboxServer
from tests.sandbox.helpers import (
    CODE,
    TIMEOUT,
    last_code,
    read_balance,
    send_code,
    sms_to,
)
from tests.support.clocks import FakeClock

LINE = "3101234567"


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def assert_error(answer: requests.Response, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.json()["errorCode"] == code
    assert answer.json()["message"]


def test_the_code_arrives_by_sms_in_spanish(sandbox: SandboxServer) -> None:
    answer = send_code(sandbox, LINE)

    assert answer.status_code == 200
    [sms] = sms_to(sandbox, LINE)
    assert sms["to"] == LINE
    assert CODE.search(sms["text"]) and "código" in sms["text"]
    assert sms["sent_at"].endswith("Z")


def test_the_right_code_shows_the_balance(sandbox: SandboxServer) -> None:
    send_code(sandbox, LINE)

    answer = read_balance(sandbox, LINE, last_code(sandbox, LINE))

    assert answer.status_code == 200
    payload = answer.json()
    assert isinstance(payload["balance"], int) and payload["balance"] >= 0
    assert payload["packs"] == []


def test_the_opening_balance_is_the_same_in_every_run(fake_clock: FakeClock) -> None:
    balances = []
    for _ in range(2):
        with SandboxServer(clock=fake_clock) as sandbox:
            send_code(sandbox, LINE)
            balances.append(read_balance(sandbox, LINE, last_code(sandbox, LINE)).json()["balance"])

    assert balances[0] == balances[1]


def test_a_wrong_code_is_refused_and_does_not_cancel_the_right_one(sandbox: SandboxServer) -> None:
    send_code(sandbox, LINE)
    code = last_code(sandbox, LINE)

    assert_error(read_balance(sandbox, LINE, wrong(code)), 403, "INVALID_OTP")
    assert read_balance(sandbox, LINE, code).status_code == 200


def test_a_missing_code_is_refused(sandbox: SandboxServer) -> None:
    send_code(sandbox, LINE)

    assert_error(read_balance(sandbox, LINE, ""), 403, "OTP_REQUIRED")


def test_a_new_code_replaces_the_previous_one(sandbox: SandboxServer) -> None:
    send_code(sandbox, LINE)
    old = last_code(sandbox, LINE)
    send_code(sandbox, LINE)
    new = last_code(sandbox, LINE)
    if new == old:  # one chance in a million
        pytest.skip("the two random codes happen to be equal")

    assert_error(read_balance(sandbox, LINE, old), 403, "INVALID_OTP")
    assert read_balance(sandbox, LINE, new).status_code == 200


def test_an_expired_code_is_refused(sandbox: SandboxServer, fake_clock: FakeClock) -> None:
    send_code(sandbox, LINE)
    code = last_code(sandbox, LINE)
    fake_clock.advance(sandbox.timing.otp_ttl_seconds)

    assert_error(read_balance(sandbox, LINE, code), 403, "OTP_EXPIRED")


def test_five_wrong_codes_lock_the_line(sandbox: SandboxServer, fake_clock: FakeClock) -> None:
    send_code(sandbox, LINE)
    code = last_code(sandbox, LINE)
    answers = [read_balance(sandbox, LINE, wrong(code)) for _ in range(5)]

    assert [a.status_code for a in answers] == [403, 403, 403, 403, 429]
    assert_error(answers[-1], 429, "LINE_LOCKED")
    assert int(answers[-1].headers["Retry-After"]) == int(sandbox.timing.otp_lock_seconds)
    assert_error(read_balance(sandbox, LINE, code), 429, "LINE_LOCKED")
    assert_error(send_code(sandbox, LINE), 429, "LINE_LOCKED")

    fake_clock.advance(sandbox.timing.otp_lock_seconds)

    assert send_code(sandbox, LINE).status_code == 200
    assert read_balance(sandbox, LINE, last_code(sandbox, LINE)).status_code == 200


def test_codes_are_rate_limited_per_line(sandbox: SandboxServer, fake_clock: FakeClock) -> None:
    sent = [send_code(sandbox, LINE).status_code for _ in range(3)]
    fourth = send_code(sandbox, LINE)
    other_line = send_code(sandbox, "3109999999")

    assert sent == [200, 200, 200]
    assert_error(fourth, 429, "TOO_MANY_CODES")
    assert 0 < int(fourth.headers["Retry-After"]) <= 600
    assert other_line.status_code == 200
    assert len(sms_to(sandbox, LINE)) == 3

    fake_clock.advance(600)

    assert send_code(sandbox, LINE).status_code == 200


@pytest.mark.parametrize("key", ["", "wrong", "pub_test_kiosk"])
def test_line_services_need_their_api_key(sandbox: SandboxServer, key: str) -> None:
    assert_error(send_code(sandbox, LINE, key=key), 401, "INVALID_API_KEY")
    assert sms_to(sandbox, LINE) == []


@pytest.mark.parametrize(
    "number",
    [
        "3000000003",  # the test line ported to Movistar
        "3129876543",  # a Claro prefix, ported to Tigo
        "3161234567",  # Movistar's prefix
        "3021234567",  # Tigo's
        "3501234567",  # WOM's
    ],
)
def test_a_line_served_by_another_operator_is_not_claros(
    sandbox: SandboxServer, number: str
) -> None:
    assert_error(send_code(sandbox, number), 404, "LINE_NOT_FOUND")
    assert sms_to(sandbox, number) == []


def test_a_line_ported_to_claro_is_claros(sandbox: SandboxServer) -> None:
    number = "3151234567"  # a Movistar prefix, ported to Claro
    assert send_code(sandbox, number).status_code == 200
    answer = read_balance(sandbox, number, last_code(sandbox, number))
    assert answer.status_code == 200, answer.text


def test_an_invalid_number_is_refused(sandbox: SandboxServer) -> None:
    assert_error(send_code(sandbox, "12345"), 400, "INVALID_PHONE_NUMBER")


def test_the_outbox_lists_messages_oldest_first_by_national_number(
    sandbox: SandboxServer, fake_clock: FakeClock
) -> None:
    send_code(sandbox, LINE)
    fake_clock.advance(1)
    send_code(sandbox, "3109999999")
    fake_clock.advance(1)
    send_code(sandbox, LINE)

    everything = requests.get(f"{sandbox.root_url}/sandbox/sms", timeout=TIMEOUT).json()["data"]
    mine = requests.get(
        f"{sandbox.root_url}/sandbox/sms", params={"to": "+57 310 123 4567"}, timeout=TIMEOUT
    ).json()["data"]

    assert [m["to"] for m in everything] == [LINE, "3109999999", LINE]
    assert [m["sent_at"] for m in everything] == sorted(m["sent_at"] for m in everything)
    assert mine == [everything[0], everything[2]]
    assert sandbox.sms_outbox(LINE) == mine
    assert sandbox.sms_outbox() == everything
    bad = requests.get(f"{sandbox.root_url}/sandbox/sms", params={"to": "123"}, timeout=TIMEOUT)
    assert bad.status_code == 400
