"""What the PSE, top-up and line-services clients share, so each keeps only its business.

A client owns one :class:`~kiosk.gateways.http.HttpClient` (built here from
the injected session, clocks and sleep, so tests swap in fakes without
patching) and reads a non-2xx answer with its service's error parser through
:func:`~kiosk.gateways.answers.raise_for_answer`.
"""

from __future__ import annotations

import requests

from kiosk.config import TimeoutsConfig
from kiosk.gateways.answers import Answer, ErrorParser, raise_for_answer
from kiosk.gateways.http import Clock, HttpClient, Sleep


class GatewayClient:
    """What the PSE, top-up and line-services clients share: one :class:`HttpClient`,
    the clocks, reading a non-2xx answer with the service's error parser, ``close()``."""

    def __init__(
        self,
        service: str,
        parse_error: ErrorParser,
        base_url: str,
        timeouts: TimeoutsConfig,
        *,
        session: requests.Session | None,
        clock: Clock,
        sleep: Sleep,
        wallclock: Clock,
    ) -> None:
        self._http = HttpClient(
            service,
            base_url,
            timeouts,
            session=session,
            clock=clock,
            sleep=sleep,
            wallclock=wallclock,
        )
        self._parse_error = parse_error
        self._clock = clock
        self._wallclock = wallclock

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._http.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def _raise_for(self, answer: Answer, reference: str | None = None) -> None:
        """The typed error of a non-2xx answer (``reference`` marks a create's answer)."""
        raise_for_answer(
            answer,
            self._http.service,
            self._parse_error,
            reference=reference,
            wallclock=self._wallclock,
        )
