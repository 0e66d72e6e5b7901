"""API keys live in the OS keyring (service "loyalty-desktop"), never on disk or in a log.

With no usable keyring (headless Linux, a locked or missing backend) the caller can keep a key
for this session only, in memory. Environment variables override for scripted/CI use.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata

from loyalty_desktop import APP_NAME
from loyalty_desktop.core import platforms
from loyalty_desktop.core.errors import KeyFormatError, KeyProblem, KeyShape
from loyalty_desktop.core.errors import english as tr

SERVICE = APP_NAME
# Keyring entry → environment variable overriding it (scripts, CI); from the platform descriptors.
ENV_VARS = {p.keyring_entry: p.key_env for p in platforms.PLATFORMS.values()}

# A key's shape comes from its platform's descriptor (core/platforms.py). A platform that documents
# none (Splio, Smile.io) takes a token of URL-safe/base64 characters, of some length. A key that
# matches another platform's documented shape was pasted in the wrong place.
TOKEN_KEY = re.compile(r"[A-Za-z0-9._~+/=-]+")

_session: dict[str, str] = {}
_lock = threading.Lock()  # keyring backends are not all thread-safe (Vorta serializes too)


class NoKeyringError(Exception):
    """No OS keyring can store the key here; offer "keep for this session only"."""


def backend_label() -> str | None:
    """Where keys go, in words the user knows; None when there is no usable keyring."""
    import keyring  # loaded when a key is first needed, not at start-up (~60 ms with its plugins)

    kr = keyring.get_keyring()
    name = f"{type(kr).__module__}.{type(kr).__name__}"
    if "fail" in name or "null" in name.lower() or kr.priority <= 0:
        return None
    if "macOS" in name or "OS_X" in name:
        return tr("macOS Keychain")  # marked: the French UI of each names it its own way
    if "Windows" in name:
        return tr("Windows Credential Manager")
    if "SecretService" in name or "libsecret" in name:
        return tr("GNOME Keyring")
    if "kwallet" in name.lower():
        return tr("KDE Wallet")
    return type(kr).__name__


def check_key(account: str, key: str) -> None:
    """Raise KeyFormatError if `key` cannot be `account`'s API key (before any request is made).

    Surrounding blanks are the caller's to strip (a paste often brings a newline); anything inside
    the key that no API key has is named with its position, never its characters."""
    label = platforms.label(account)
    if not key:
        raise KeyFormatError(label, KeyProblem.EMPTY)
    for i, ch in enumerate(key, 1):
        if ch in "\r\n\u2028\u2029\x85":
            raise KeyFormatError(label, KeyProblem.LINE_BREAK, position=i)
        if ch.isspace():
            raise KeyFormatError(label, KeyProblem.SPACE, position=i)
        if unicodedata.category(ch) in ("Cc", "Cf"):  # controls, zero-width and direction marks
            raise KeyFormatError(label, KeyProblem.CONTROL, position=i)
        if not ch.isascii():
            raise KeyFormatError(label, KeyProblem.NON_ASCII, position=i)
    try:
        shape = platforms.get(account).key_shape
    except KeyError:
        shape = platforms.KeyShape()
    if shape.pattern is not None:
        if not shape.pattern.fullmatch(key):
            public = shape.public_pattern is not None and shape.public_pattern.fullmatch(key)
            raise KeyFormatError(label, KeyProblem.SHAPE, length=len(key), min_length=shape.min_length,
                                 shape=shape.public if public and shape.public else shape.mismatch)
        return
    for other in platforms.PLATFORMS.values():  # another platform's key, pasted in the wrong place
        theirs = other.key_shape
        if theirs.pattern is not None and theirs.elsewhere is not None and theirs.pattern.fullmatch(key):
            raise KeyFormatError(label, KeyProblem.SHAPE, length=len(key), shape=theirs.elsewhere)
    if len(key) < shape.min_length or not TOKEN_KEY.fullmatch(key):
        raise KeyFormatError(label, KeyProblem.SHAPE, length=len(key), shape=KeyShape.TOKEN,
                             min_length=shape.min_length)


def save(account: str, secret: str) -> str:
    """Store in the OS keyring; returns where (for the UI). Raises NoKeyringError."""
    import keyring.errors

    with _lock:
        where = backend_label()
        if where is None:
            raise NoKeyringError(tr("no system keyring is available"))
        try:
            keyring.set_password(SERVICE, account, secret)
        except keyring.errors.KeyringError as exc:
            raise NoKeyringError(str(exc)) from None
        _session.pop(account, None)
        return where


def keep_for_session(account: str, secret: str) -> None:
    with _lock:
        _session[account] = secret


def load(account: str) -> str | None:
    """Environment, then this session's memory, then the OS keyring."""
    env = ENV_VARS.get(account)
    if env and os.environ.get(env):
        return os.environ[env].strip()
    import keyring.errors

    with _lock:
        if account in _session:
            return _session[account]
        try:
            return keyring.get_password(SERVICE, account)
        except keyring.errors.KeyringError:
            return None


def stored(account: str) -> bool:
    """Whether the OS keyring itself holds `account`'s key: a sync the OS starts has no session
    memory and no environment variable to fall back on."""
    import keyring.errors

    with _lock:
        try:
            return keyring.get_password(SERVICE, account) is not None
        except keyring.errors.KeyringError:
            return False


def session_only(account: str) -> str | None:
    """The key kept for this session only (in this process's memory), if that is where it is: a
    worker process cannot read it from any keyring, so it is handed over on the worker's stdin."""
    env = ENV_VARS.get(account)
    if env and os.environ.get(env):
        return None  # the worker inherits the environment
    with _lock:
        return _session.get(account)


def forget(account: str) -> None:
    import keyring.errors

    with _lock:
        _session.pop(account, None)
        try:
            keyring.delete_password(SERVICE, account)
        except keyring.errors.KeyringError:
            pass


def mask(secret: str) -> str:
    """What the UI and CLI may show of a key: its prefix and last 4 characters."""
    if len(secret) <= 8:
        return "•" * len(secret)
    return secret[:3] + "•" * 6 + secret[-4:]
