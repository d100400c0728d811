"""Typed errors of the core: a code and parameters, never user-facing text.

The message catalogue (`kiosk.messages`) turns a code and its parameters into
Spanish or English for the screens and the CLI. Keep parameters free of secrets
and personal data: they may reach logs.
"""

from __future__ import annotations

from typing import Any


class KioskError(Exception):
    """Base of every error the core raises on purpose."""

    #: Family prefix, e.g. "line" for "line.too_short"; subclasses set it.
    family: str = "kiosk"

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def __str__(self) -> str:
        if not self.params:
            return self.code
        shown = ", ".join(f"{key}={value!r}" for key, value in sorted(self.params.items()))
        return f"{self.code} ({shown})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self!s})"


class ValidationError(KioskError):
    """Input that a user typed (or a caller passed) is not acceptable."""


class SaleTransitionError(KioskError):
    """A state change that the sale's state machine does not allow."""


class ConfigError(KioskError):
    """The configuration file or an override cannot be used."""


class JournalError(KioskError):
    """The journal cannot be opened, locked or written."""
