"""What the HTTP layer allows and how long it waits: addresses a key may go to, Retry-After read
safely, and the waits it announces.

- `check_base_url`: keys only over TLS. `http://` is refused unless the host is this computer
  (127.0.0.0/8, ::1, `localhost`: the built-in sandboxes), before any connection is opened.
- `parse_retry_after`: `Retry-After` (or Splio's `rateLimit-reset`) as seconds, whatever the server
  sent: a number, an HTTP date, `inf`, `1e30`, a negative number or garbage. Capping is the
  caller's (`RetryPolicy`).
- `Wait`: one retry wait, announced to whoever shows progress (CLI line, GUI log).
"""

from __future__ import annotations

import enum
import ipaddress
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import InsecureUrlError, english, platform_name

if TYPE_CHECKING:
    import httpx

LOOPBACK_NAMES = frozenset({"localhost"})
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and `localhost`; a name that merely
    resolves to this computer is not trusted (DNS can say anything)."""
    host = host.strip("[]").lower().rstrip(".")
    if host in LOOPBACK_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


def _shown(url: httpx.URL) -> str:
    """The address without any user:password part, for messages."""
    return str(url.copy_with(userinfo=b"")) if url.userinfo else str(url)


def check_base_url(base_url: str) -> None:
    """Raise InsecureUrlError unless a key may be sent to `base_url`: https anywhere, or http to
    this computer only. Called before any connection is opened."""
    import httpx  # loaded with the first client, not at start-up

    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError):
        raise InsecureUrlError(base_url.split("@")[-1][:200], scheme_ok=False) from None
    if url.scheme == "https" and url.host:
        return
    if url.scheme == "http" and url.host:
        if is_loopback_host(url.host):
            return
        raise InsecureUrlError(_shown(url))
    raise InsecureUrlError(_shown(url)[:200], scheme_ok=False)


def parse_retry_after(raw: str | None) -> float | None:
    """Seconds to wait, >= 0 (possibly inf), or None when absent or unreadable.

    Delay-seconds may come as a decimal or in exponent form; a negative delay means "now"; an HTTP
    date (RFC 9110 §10.2.3) counts from the product clock's now (a past date: now)."""
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None
    if _NUMBER.match(text):
        value = float(text)  # 1e400 -> inf: the cap handles it
        return max(0.0, value)
    if text.lower().lstrip("+") in ("inf", "infinity"):
        return math.inf
    from email.utils import parsedate_to_datetime  # rare (HTTP dates); the email package is slow to load

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - clock.now()).total_seconds())


class WaitReason(str, enum.Enum):
    THROTTLED = "throttled"  # 429: the server asked us to slow down
    SERVER = "server"  # 5xx: the server is in trouble
    NETWORK = "network"  # timeout, dropped connection


@dataclass(frozen=True, slots=True)
class Wait:
    """A retry wait about to start (`seconds`, already capped), announced before it starts."""

    seconds: float
    reason: WaitReason
    status: int | None = None
    detail: str = ""  # NETWORK: what went wrong, in a few words
    platform: str | None = None  # whose server, when the client knows (e.g. "Smile.io")


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def wait_message(wait: Wait, platform: str = "the platform", tr: Callable[[str], str] = english) -> str:
    """What a retry wait is for and how long it lasts (CLI progress line, GUI log and status)."""
    platform = wait.platform or platform_name(platform, tr)
    duration = _duration(wait.seconds)
    if wait.reason is WaitReason.THROTTLED:
        return tr("{platform} asked us to slow down: waiting {duration} before sending again."
                  ).format(platform=platform, duration=duration)
    if wait.reason is WaitReason.SERVER:
        return tr("{platform} is having trouble (HTTP {status}): trying again in {duration}."
                  ).format(platform=platform, status=wait.status, duration=duration)
    return tr("Cannot reach {platform} ({detail}): trying again in {duration}."
              ).format(platform=platform, detail=wait.detail, duration=duration)
