"""Typed errors raised by the HTTP layer and adapters, and the one place that words them for users.

Adapters raise these; the engine, CLI and UI catch them. `user_message` is the only function that
turns an error into a sentence a merchant reads (the UI translates through its own catalogue keyed
by `ErrorKind`, with this English text as the fallback).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


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
    SYNC_BUSY = "sync_busy"  # another sync holds this data folder
    STORE_UNUSABLE = "store_unusable"  # damaged, another app's file, or a newer version's
    DISK = "disk"  # read-only, full, a file where a folder should be, an I/O error


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
    """One row the platform refused: its index in the request, the field and the platform's reason."""

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


class SyncBusyError(LoyaltyError):
    """Another process (or window) is syncing this data folder; `since` is when it started (aware)."""

    kind = ErrorKind.SYNC_BUSY

    def __init__(self, folder: str, since: datetime | None = None, pid: int | None = None) -> None:
        self.folder, self.since, self.pid = folder, since, pid
        super().__init__(f"a sync is already running on {folder} (pid {pid}, since {since})")


class StoreProblem(str, enum.Enum):
    DAMAGED = "damaged"  # not an SQLite file any more, truncated, malformed pages
    FOREIGN = "foreign"  # an SQLite file of another application
    NEWER = "newer"  # written by a newer Loyalty Desktop (a schema this version does not know)


class StoreUnusableError(LoyaltyError):
    kind = ErrorKind.STORE_UNUSABLE

    def __init__(self, problem: StoreProblem, path: str, detail: str = "") -> None:
        self.problem, self.path, self.detail = problem, path, detail
        super().__init__(f"store {path} is {problem.value}: {detail}")


class DiskProblem(str, enum.Enum):
    READ_ONLY = "read_only"  # the folder or the file cannot be written (permissions, read-only disk)
    FULL = "full"  # no space left (or a quota)
    NOT_A_FOLDER = "not_a_folder"  # a file stands where a folder should be
    IO = "io"  # the disk itself failed to read or write
    NOT_FOUND = "not_found"  # a file or folder the user named does not exist


class DiskError(LoyaltyError):
    kind = ErrorKind.DISK

    def __init__(self, problem: DiskProblem, path: str, detail: str = "") -> None:
        self.problem, self.path, self.detail = problem, path, detail
        super().__init__(f"{problem.value}: {path} ({detail})")


def local_hhmm(when: datetime) -> str:
    """"14:03" in the machine's time zone; with the date when it was not today."""
    from . import clock

    local = when.astimezone()
    return f"{local:%H:%M}" if local.date() == clock.today() else f"{local:%Y-%m-%d %H:%M}"


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
    if isinstance(exc, SyncBusyError):
        if exc.since is None:
            return tr("A sync is already running on this data folder ({folder}); this one did not start. "
                      "Try again when it has finished.").format(folder=exc.folder)
        return tr("A sync is already running on this data folder (since {time}); this one did not start. "
                  "Try again when it has finished ({folder}).").format(time=local_hhmm(exc.since),
                                                                       folder=exc.folder)
    if isinstance(exc, StoreUnusableError):
        return _store_message(exc, tr)
    if isinstance(exc, DiskError):
        return _disk_message(exc, tr)
    if isinstance(exc, LoyaltyError):
        return exc.message
    return tr("Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")


def _store_message(exc: StoreUnusableError, tr: Callable[[str], str]) -> str:
    if exc.problem is StoreProblem.NEWER:
        return tr("The local store {path} was written by a newer version of Loyalty Desktop ({detail}). "
                  "Nothing was changed. Install the newer version again, or use another data folder."
                  ).format(path=exc.path, detail=exc.detail)
    what = (tr("is damaged ({detail})") if exc.problem is StoreProblem.DAMAGED
            else tr("is not a Loyalty Desktop store (it belongs to another application: {detail})")
            ).format(detail=exc.detail)
    return tr("The local store {path} {what}. Nothing was changed. It can be kept aside (renamed, not deleted) "
              "and a new store started; the next sync then runs as a first sync.").format(path=exc.path, what=what)


def _disk_message(exc: DiskError, tr: Callable[[str], str]) -> str:
    texts = {
        DiskProblem.READ_ONLY: tr("Cannot write to {path}: it is read-only ({detail}). Make it writable, or "
                                  "choose another data folder."),
        DiskProblem.FULL: tr("The disk holding {path} is full ({detail}). Nothing was lost: free some space, "
                             "then sync again; it resumes where it stopped."),
        DiskProblem.NOT_A_FOLDER: tr("{path} is a file, but Loyalty Desktop needs a folder there ({detail}). "
                                     "Move the file away, or choose another folder."),
        DiskProblem.NOT_FOUND: tr("{path} does not exist ({detail}). Check the name and the folder."),
        DiskProblem.IO: tr("The disk failed to read or write {path} ({detail}). Check the disk (or the "
                           "network drive), then try again; nothing that was saved is lost."),
    }
    return texts[exc.problem].format(path=exc.path, detail=exc.detail)


def cli_hint(exc: BaseException) -> str | None:
    """One more line for the command line (options the GUI does not have)."""
    if isinstance(exc, SyncBusyError):
        return "To wait for it instead, add --wait SECONDS (e.g. --wait 600)."
    if isinstance(exc, DiskError) and exc.problem in (DiskProblem.READ_ONLY, DiskProblem.NOT_A_FOLDER):
        return "Another data folder: --data-dir FOLDER (or the LOYALTY_DESKTOP_DATA_DIR environment variable)."
    if isinstance(exc, StoreUnusableError) and exc.problem is not StoreProblem.NEWER:
        return "To keep it aside and start a new store, run the command again with --set-aside-damaged-store."
    return None


def set_aside_note(old: str, kept: str, tr: Callable[[str], str] = _same) -> str:
    """After the user agreed: where the unusable store went."""
    return tr("The unusable store {old} was kept aside as {kept}; a new store was started.").format(old=old, kept=kept)
