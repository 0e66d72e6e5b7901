"""Plain values the emulators' server hands to and takes from an app callable, and JSON helpers.

The app callable receives an :class:`HttpRequest` and returns an :class:`HttpResponse`, or
``None`` to close the connection without answering.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

LOOPBACK = "127.0.0.1"
#: Bodies larger than this are not read at all (the connection is closed after a 413).
HARD_BODY_LIMIT = 64 * 1024 * 1024


class BodyDecodeError(ValueError):
    """The body's Content-Encoding is unsupported or the compressed data is corrupt."""


@dataclass
class HttpRequest:
    method: str
    target: str  # raw request target: path plus query string
    path: str  # percent-decoded path, no query
    query: dict[str, list[str]]
    headers: dict[str, str]  # header names lower-cased
    body: bytes
    received_at: float  # the emulators' clock: wall time (epoch seconds) when the request line arrived
    received_monotonic: float  # the emulators' clock: monotonic time at the same instant

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    def query_one(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None

    def decoded_body(self, max_size: int) -> bytes:
        """Body after Content-Encoding (gzip/deflate/identity), capped at ``max_size + 1`` bytes."""
        enc = (self.header("content-encoding") or "identity").strip().lower()
        if enc in ("", "identity"):
            return self.body
        try:
            if enc in ("gzip", "x-gzip"):
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            elif enc == "deflate":
                d = zlib.decompressobj()
            else:
                raise BodyDecodeError(f"unsupported content-encoding {enc!r}")
            out = d.decompress(self.body, max_size + 1)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise BodyDecodeError(str(exc)) from exc
        return out


@dataclass
class HttpResponse:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = "application/json"

    def all_headers(self) -> list[tuple[str, str]]:
        hs = list(self.headers)
        if self.body and self.content_type:
            hs.insert(0, ("Content-Type", self.content_type))
        return hs


App = Callable[[HttpRequest], "HttpResponse | None"]


def json_dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(status: int, obj: Any, content_type: str = "application/json",
                  headers: Sequence[tuple[str, str]] = ()) -> HttpResponse:
    return HttpResponse(status, json_dumps(obj), list(headers), content_type)


def media_type(content_type: str | None) -> str:
    """``'application/json; charset=utf-8'`` -> ``'application/json'``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def parse_json_body(body: bytes) -> Any:
    """Decode a UTF-8 JSON body; raises ``ValueError`` on bad encoding or syntax."""
    return json.loads(body.decode("utf-8"))
