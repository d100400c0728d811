"""The shared HTTP helper: Retry-After, backoff, the deadline, and error messages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.config import Config, TimeoutsConfig, load_config
from kiosk.controllers.language import describe, set_language, translate
from kiosk.gateways import lines, topups
from kiosk.gateways.answers import parse_retry_after, raise_for_answer
from kiosk.gateways.errors import (
    GatewayError,
    GatewayProtocolError,
    GatewayRejected,
    GatewayUnavailable,
    LineLocked,
    OutcomeUnknown,
    TopupAlreadySubmitted,
)
from kiosk.gateways.factory import build_clients
from kiosk.gateways.http import HttpClient
from kiosk.messages import CONTEXT, PLURAL, SOURCES
from tests.gateways.faultserver import FaultServer, Json, Reply
from tests.gateways.helpers import FAST, RecordedSleep

NOW = 1_714_575_600.0  # Wed, 01 May 2024 15:00:00 GMT


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        (" 0 ", 0.0),
        ("Wed, 01 May 2024 15:00:30 GMT", 30.0),
        ("Wed, 01 May 2024 14:00:00 GMT", 0.0),  # in the past: go now
        ("soon", None),
        ("-3", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds


def test_backoff_grows_is_capped_and_jittered(server: FaultServer) -> None:
    for jitter, expected in ((0.0, [0.125, 0.25, 0.5, 1.0, 1.0]), (1.0, [0.25, 0.5, 1, 2, 2])):
        sleeps = RecordedSleep()
        http = HttpClient(
            "pse",
            server.url,
            TimeoutsConfig(0.3, 0.3, 60.0),
            sleep=sleeps,
            jitter=lambda value=jitter: value,
            max_attempts=6,
            backoff_base_seconds=0.25,
            backoff_cap_seconds=2.0,
        )
        server.on("GET", "/x", Reply(503))
        assert http.get("/x", label="x").status == 503
        assert sleeps.delays == expected


def test_retries_stop_at_the_deadline(server: FaultServer) -> None:
    """With a clock that jumps 1 s per sleep, a 2.5 s deadline allows two waits."""
    now = [0.0]
    delays: list[float] = []

    def sleep(seconds: float) -> None:
        delays.append(seconds)
        now[0] += 1.0

    http = HttpClient(
        "pse",
        server.url,
        TimeoutsConfig(0.3, 0.3, 2.5),
        clock=lambda: now[0],
        sleep=sleep,
        max_attempts=10,
        backoff_base_seconds=0.5,
        jitter=lambda: 1.0,
    )
    server.on("GET", "/x", Reply(502))
    assert http.get("/x", label="x").status == 502
    assert delays == [0.5, 1.0]
    assert server.count("GET", "/x") == 3


def test_a_create_cannot_be_marked_for_retry(server: FaultServer) -> None:
    http = HttpClient("pse", server.url, FAST)
    with pytest.raises(ValueError):
        http.send("POST", "/x", label="x", retry=True, create_reference="R")


def test_redirect_is_not_followed_and_is_unexpected(server: FaultServer) -> None:
    server.on("POST", "/x", Reply(302, headers={"Location": "/elsewhere"}))
    http = HttpClient("pse", server.url, FAST)
    answer = http.send("POST", "/x", label="x", create_reference="R")
    assert answer.status == 302
    assert server.count("GET", "/elsewhere") == 0
    with pytest.raises(OutcomeUnknown) as caught:
        raise_for_answer(answer, "pse", lambda payload: ("", {}), reference="R")
    assert caught.value.params["cause"] == "unexpected_status"


# -- messages -------------------------------------------------------------------------------

RAISED = [
    GatewayUnavailable("pse", "refused"),
    GatewayUnavailable("topups", "rate_limited", retry_after=3.0),
    GatewayRejected("pse", 422, "INPUT_VALIDATION_ERROR", {"reference": ["usada"]}),
    GatewayProtocolError("lines", "html"),
    OutcomeUnknown("pse", "K1-000123", "read_timeout"),
    TopupAlreadySubmitted("K1-000124"),
    LineLocked("lines", 429, "LINE_LOCKED", retry_after=900.0),
    GatewayError("gateway.not_configured", setting="pse.base_url"),
]


def test_every_gateway_code_has_spanish_and_english(english: None) -> None:
    codes = {
        "gateway.unavailable",
        "gateway.rate_limited",
        "gateway.rejected",
        "gateway.unauthorized",
        "gateway.not_found",
        "gateway.protocol",
        "gateway.outcome_unknown",
        "gateway.not_configured",
        "topup.duplicate",
        "lines.locked",
        *topups._REFUSALS.values(),
        *lines._CODE_ERRORS.values(),
        *lines._LOCKS.values(),
        "lines.not_found",
    }
    for code in codes:
        spanish = SOURCES[code]
        english = translate(CONTEXT, spanish, None, 2 if PLURAL in spanish else -1)
        assert spanish.strip() and english.strip() and english != spanish, code


@pytest.mark.parametrize("error", RAISED, ids=lambda error: error.code)
@pytest.mark.parametrize("language", ["es", "en"])
def test_messages_render_with_the_errors_params(
    error: GatewayError, language: str, qapp: object
) -> None:
    set_language(language)
    text = describe(error)
    assert "{" not in text and "Unexpected" not in text and "inesperado" not in text


# -- factory --------------------------------------------------------------------------------


def test_factory_builds_clients_from_config_and_overrides(server: FaultServer) -> None:
    config: Config = load_config()
    server.on("POST", "/lines/3001234567/otp", Json({}))
    gateways = build_clients(
        config,
        pse_base_url=f"{server.url}/v1",
        pse_checkout_base_url=server.url,
        pse_public_key="pub_test_x",
        pse_private_key="prv_test_x",
        pse_integrity_secret="test_integrity_x",
        topups_base_url=f"{server.url}/topups-api",
        topups_auth_url=f"{server.url}/auth",
        topups_client_id="id",
        topups_client_secret="secret",
        lines_base_url=server.url,
        lines_api_key="lines_key",
    )
    try:
        gateways.lines.send_code("3001234567")
        assert server.received("POST", "/lines/3001234567/otp")[0].headers["Authorization"] == (
            "Bearer lines_key"
        )
        assert gateways.pse.checkout_url("R", 2_000, datetime(2030, 1, 1, tzinfo=UTC)).startswith(
            f"{server.url}/p/?"
        )
    finally:
        gateways.close()


def test_factory_names_the_missing_setting() -> None:
    with pytest.raises(GatewayError) as caught:
        build_clients(load_config())
    assert caught.value.code == "gateway.not_configured"
    assert caught.value.params == {"setting": "pse.base_url"}
    with pytest.raises(TypeError):
        build_clients(load_config(), pse_base_urll="http://x")
