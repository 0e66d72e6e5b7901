"""Typed errors raised by the HTTP layer and adapters, and the one place that words them for users.

Adapters raise these; the engine, CLI and UI catch them. `user_message` is the only function that
turns an error into a sentence a merchant reads (the UI translates through its own catalogue keyed
by `ErrorKind`, with this English text as the fallback).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass
from datetime import datetime

from loyalty_desktop.core.translate import reword


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
    INSECURE_URL = "insecure_url"
    KEY_FORMAT = "key_format"
    TOO_LARGE = "too_large"
    SYNC_BUSY = "sync_busy"  # another sync holds this data folder
    STORE_UNUSABLE = "store_unusable"  # damaged, another app's file, or a newer version's
    DISK = "disk"  # read-only, full, a file where a folder should be, an I/O error
    SANDBOX = "sandbox"  # the offline demo's sandbox process did not start or went away


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


class InsecureUrlError(ConfigError):
    """An address the key must not be sent to: plain http:// to another computer, or not http(s)."""

    kind = ErrorKind.INSECURE_URL

    def __init__(self, url: str, *, scheme_ok: bool = True) -> None:
        self.url = url  # without any user:password part
        self.scheme_ok = scheme_ok
        super().__init__(f"refused {url}: " + ("plain http:// to another computer" if scheme_ok
                                               else "not an http(s) address"))


class KeyProblem(str, enum.Enum):
    EMPTY = "empty"
    SPACE = "space"
    LINE_BREAK = "line_break"
    CONTROL = "control"
    NON_ASCII = "non_ascii"
    SHAPE = "shape"  # the right characters, not the platform's shape (see KeyShape)


class KeyShape(str, enum.Enum):
    """Why a key of clean characters cannot be the platform's (KeyProblem.SHAPE)."""

    KLAVIYO_PRIVATE = "klaviyo_private"  # not pk_ + 34 letters and digits
    KLAVIYO_PUBLIC = "klaviyo_public"  # the 6-character public key (site ID) was pasted
    KLAVIYO_ELSEWHERE = "klaviyo_elsewhere"  # a Klaviyo private key pasted for Splio or Smile.io
    TOKEN = "token"  # too short, or characters no API key uses


class KeyFormatError(ConfigError):
    """A key that cannot be right, found before any request. Carries no character of the key."""

    kind = ErrorKind.KEY_FORMAT

    def __init__(self, platform: str, problem: KeyProblem, *, position: int = 0, length: int = 0,
                 shape: KeyShape | None = None, min_length: int = 0) -> None:
        self.platform = platform  # label, e.g. "Klaviyo"
        self.problem = problem
        self.position = position  # 1-based, for SPACE / LINE_BREAK / CONTROL / NON_ASCII
        self.length = length
        self.shape = shape
        self.min_length = min_length
        super().__init__(f"{platform} key: {problem.value}" + (f" at character {position}" if position else ""))


class ResponseTooLargeError(ServerError):
    kind = ErrorKind.TOO_LARGE

    def __init__(self, limit: int, *, status: int | None = None) -> None:
        self.limit = limit
        super().__init__(f"the answer is larger than {limit // (1 << 20)} MB", status=status)
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


class SandboxProblem(str, enum.Enum):
    NOT_STARTED = "not_started"  # the child process could not start, or left before serving
    GONE = "gone"  # it went away while in use
    REFUSED = "refused"  # it answered a request with an error


class SandboxError(LoyaltyError):
    """The offline demo's sandbox process (destinations/sandbox_process.py) failed."""

    kind = ErrorKind.SANDBOX

    def __init__(self, problem: SandboxProblem, platform: str, detail: str = "") -> None:
        self.problem, self.platform, self.detail = problem, platform, detail
        super().__init__(f"{platform} sandbox {problem.value}: {detail}")


def english(text: str) -> str:
    """Marks a user-facing sentence, kept in English where it is made (an error's message, a run note),
    for translation: import it as `tr` (lupdate extracts `tr("…")` calls, with an empty context);
    `user_message` and core.translate.translate_text word it in the reader's language when shown.
    Fill it with `.format(...)`, never an f-string, so that the template is what lupdate sees."""
    return text


def local_hhmm(when: datetime) -> str:
    """"14:03" in the machine's time zone; with the date when it was not today."""
    from loyalty_desktop.core import clock

    local = when.astimezone()
    return f"{local:%H:%M}" if local.date() == clock.today() else f"{local:%Y-%m-%d %H:%M}"


def _same(text: str) -> str:
    return text


def platform_name(platform: str, tr: Callable[[str], str]) -> str:
    """The platform's name; the default ("the platform", when none is known) in the reader's language."""
    return tr("the platform") if platform == "the platform" else platform


def user_message(exc: BaseException, platform: str = "the platform", tr: Callable[[str], str] = _same) -> str:
    """One plain sentence for a merchant. Never includes a key or token (errors never carry them).

    `tr` translates each sentence before it is filled in (the UI passes Qt's translator; the
    strings are extracted by lupdate from the `tr("…")` calls below). An error tagged with its own
    `platform` (e.g. a source such as Smile.io) is worded for that platform.
    """
    platform = getattr(exc, "platform", None) or platform_name(platform, tr)
    if isinstance(exc, KeyFormatError):
        return _key_format_message(exc, platform, tr)
    if isinstance(exc, InsecureUrlError):
        if not exc.scheme_ok:
            return tr("{url} is not a web address (it must start with https://).").format(url=exc.url)
        return tr("Refused to send the {platform} key to {url}: over plain http:// it would travel unencrypted. "
                  "http:// is only allowed to this computer (localhost, 127.0.0.1, ::1: the built-in "
                  "sandboxes); use an https:// address.").format(platform=platform, url=exc.url)
    if isinstance(exc, ResponseTooLargeError):
        return tr("{platform} sent an answer larger than {mb} MB, so we stopped reading it and nothing from it "
                  "was used. Try again later; if it repeats, contact {platform}'s support."
                  ).format(platform=platform, mb=exc.limit // (1 << 20))
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
                  "intercepting HTTPS; check the proxy settings.").format(platform=platform,
                                                                      detail=reword(exc.message, tr))
    if isinstance(exc, NetworkError):
        return tr("Cannot reach {platform}: check the internet connection ({detail})."
                  ).format(platform=platform, detail=reword(exc.message, tr))
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
    if isinstance(exc, SandboxError):
        return _sandbox_message(exc, tr)
    if isinstance(exc, LoyaltyError):  # made from a template marked with `english` (or a platform's words)
        return reword(exc.message, tr)
    return tr("Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")


def _key_format_message(exc: KeyFormatError, platform: str, tr: Callable[[str], str]) -> str:
    again = tr("Copy the key again from {platform} and paste it as it is.").format(platform=platform)
    if exc.problem is KeyProblem.EMPTY:
        return tr("The {platform} key is empty: paste the key.").format(platform=platform)
    if exc.problem is KeyProblem.SPACE:
        first = tr("The {platform} key contains a space (character {position}); API keys have none."
                   ).format(platform=platform, position=exc.position)
    elif exc.problem is KeyProblem.LINE_BREAK:
        first = tr("The {platform} key contains a line break (after character {position}): only part of it, or "
                   "two lines, were pasted.").format(platform=platform, position=exc.position - 1)
    elif exc.problem is KeyProblem.CONTROL:
        first = tr("The {platform} key contains an invisible control character (character {position})."
                   ).format(platform=platform, position=exc.position)
    elif exc.problem is KeyProblem.NON_ASCII:
        first = tr("The {platform} key contains a character that is not a plain letter, digit or symbol "
                   "(character {position}), such as an accent or a typographic quote; API keys have none."
                   ).format(platform=platform, position=exc.position)
    elif exc.shape is KeyShape.KLAVIYO_PUBLIC:
        first = tr("This is Klaviyo's public key (site ID), which cannot write profiles. Create a private API "
                   "key: it starts with pk_.")
    elif exc.shape is KeyShape.KLAVIYO_ELSEWHERE:
        first = tr("This is a Klaviyo key, not a {platform} key.").format(platform=platform)
    elif exc.shape is KeyShape.KLAVIYO_PRIVATE:
        first = tr("This is not a Klaviyo private API key: those start with pk_ followed by 34 letters and digits "
                   "(37 characters); this one has {length}.").format(length=exc.length)
    else:
        first = tr("This does not look like a {platform} API key: those have at least {min} characters, only "
                   "letters, digits and - _ . ~ + / =; this one has {length}."
                   ).format(platform=platform, min=exc.min_length, length=exc.length)
    return first + " " + again


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


def _sandbox_message(exc: SandboxError, tr: Callable[[str], str]) -> str:
    texts = {
        SandboxProblem.NOT_STARTED: tr("The offline {platform} sandbox could not start on this computer ({detail}). "
                                       "Try again; if it keeps failing, install the app again."),
        SandboxProblem.GONE: tr("The offline {platform} sandbox stopped unexpectedly ({detail}). Close and "
                                "reopen the app to start a new one (it starts empty)."),
        SandboxProblem.REFUSED: tr("The offline {platform} sandbox could not do this: {detail}."),
    }
    return texts[exc.problem].format(platform=exc.platform, detail=exc.detail)


def cli_hint(exc: BaseException, tr: Callable[[str], str] = _same) -> str | None:
    """One more line for the command line (options the GUI does not have)."""
    if isinstance(exc, SyncBusyError):
        return tr("To wait for it instead, add --wait SECONDS (e.g. --wait 600).")
    if isinstance(exc, DiskError) and exc.problem in (DiskProblem.READ_ONLY, DiskProblem.NOT_A_FOLDER):
        return tr("Another data folder: --data-dir FOLDER (or the LOYALTY_DESKTOP_DATA_DIR environment variable).")
    if isinstance(exc, StoreUnusableError) and exc.problem is not StoreProblem.NEWER:
        return tr("To keep it aside and start a new store, run the command again with --set-aside-damaged-store.")
    return None


def set_aside_note(old: str, kept: str, tr: Callable[[str], str] = _same) -> str:
    """After the user agreed: where the unusable store went."""
    return tr("The unusable store {old} was kept aside as {kept}; a new store was started.").format(old=old, kept=kept)
