"""Typed errors raised by the HTTP layer and adapters, and the one place that words them for users.

Adapters raise these; the engine, CLI and UI catch them. `user_message` is the only function that
turns an error into a sentence a merchant reads (the UI translates through its own catalogue keyed
by `ErrorKind`, with this English text as the fallback).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class ErrorKind(str, enum.Enum):
    WRONG_KEY = "wrong_key"
    MISSING_SCOPE = "missing_scope"
    RATE_LIMITED = "rate_limited"
    REJECTED_ROWS = "rejected_rows"
    NETWORK_DOWN = "network_down"
    TLS_PROXY = "tls_proxy"
    SERVER = "server"
    CLIENT = "client"
    CANCELLED = "cancelled"
    CONFIG = "config"


class LoyaltyError(Exception):
    kind: ErrorKind = ErrorKind.CLIENT

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class WrongKeyError(LoyaltyError):
    kind = ErrorKind.WRONG_KEY


class MissingScopeError(LoyaltyError):
    kind = ErrorKind.MISSING_SCOPE

    def __init__(self, scopes: list[str], message: str = "", *, status: int | None = 403) -> None:
        self.scopes = sorted(set(scopes))
        super().__init__(message or "missing scopes: " + ", ".join(self.scopes), status=status)


class RateLimitedError(LoyaltyError):
    kind = ErrorKind.RATE_LIMITED

    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(message, status=429)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class RowError:
    """One row the platform rejected: its index in the request, the field and the platform's reason."""

    index: int
    field: str
    detail: str


class RejectedRowsError(LoyaltyError):
    kind = ErrorKind.REJECTED_ROWS

    def __init__(self, rows: list[RowError], message: str = "", *, status: int | None = 400) -> None:
        self.rows = rows
        super().__init__(message or f"{len(rows)} row(s) rejected", status=status)


class NetworkError(LoyaltyError):
    kind = ErrorKind.NETWORK_DOWN


class TlsProxyError(LoyaltyError):
    kind = ErrorKind.TLS_PROXY


class ServerError(LoyaltyError):
    kind = ErrorKind.SERVER


class ClientError(LoyaltyError):
    kind = ErrorKind.CLIENT


class CancelledError(LoyaltyError):
    kind = ErrorKind.CANCELLED

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class ConfigError(LoyaltyError):
    kind = ErrorKind.CONFIG


def _same(text: str) -> str:
    return text


def user_message(exc: BaseException, platform: str = "the platform", tr: Callable[[str], str] = _same) -> str:
    """One plain sentence for a merchant. Never includes a key or token (errors never carry them).

    `tr` translates each sentence before it is filled in (the UI passes Qt's translator; the
    strings are extracted by lupdate from the `tr("…")` calls below). An error tagged with its own
    `platform` (e.g. a source such as Smile.io) is worded for that platform.
    """
    platform = getattr(exc, "platform", None) or platform
    if isinstance(exc, WrongKeyError):
        return tr("{platform} refused the API key: it is wrong, revoked or for another account. "
                  "Paste the key again or create a new one.").format(platform=platform)
    if isinstance(exc, MissingScopeError):
        return tr("The {platform} key works but lacks access. Create a key with these scopes: {scopes}."
                  ).format(platform=platform, scopes=", ".join(exc.scopes))
    if isinstance(exc, RateLimitedError):
        return tr("{platform} asked us to slow down and the wait ran out; try again in a few minutes."
                  ).format(platform=platform)
    if isinstance(exc, RejectedRowsError):
        return tr("{platform} rejected {count} row(s); see the rejected rows for each reason."
                  ).format(platform=platform, count=len(exc.rows))
    if isinstance(exc, TlsProxyError):
        return tr("Could not open a secure connection to {platform} ({detail}). A proxy or antivirus may be "
                  "intercepting HTTPS; check the proxy settings.").format(platform=platform, detail=exc.message)
    if isinstance(exc, NetworkError):
        return tr("Cannot reach {platform}: check the internet connection ({detail})."
                  ).format(platform=platform, detail=exc.message)
    if isinstance(exc, ServerError):
        return tr("{platform} is having trouble (HTTP {status}); the sync will resume next time."
                  ).format(platform=platform, status=exc.status)
    if isinstance(exc, CancelledError):
        return tr("Cancelled; the next sync resumes where this one stopped.")
    if isinstance(exc, LoyaltyError):
        return exc.message
    return tr("Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")
