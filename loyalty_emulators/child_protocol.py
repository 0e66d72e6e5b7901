"""The line protocol between an app and an emulator it runs in a child process (child.py).

One JSON object per line, UTF-8. The app writes requests on the child's stdin, the child answers
each with exactly one reply on its stdout, in order:

    app → child                                          child → app
    {"type": "start", "platform": "klaviyo",             {"type": "ready", "base_url": "http://127.0.0.1:…",
     "now": "2026-12-07T09:30:00+00:00"}                  "lines": [...]}
    {"type": "now", "now": "…"}                          {"type": "done"}
    {"type": "set_clock", "when": "…" | null}            {"type": "done"}
    {"type": "seed", "members": [{"email": …}, …]}       {"type": "done", "counts": {"members_present": …}}
    {"type": "describe", "sample": 1}                    {"type": "done", "lines": [...]}
    {"type": "stop"}                                     {"type": "done"}  (then the child exits)
                                                         {"type": "error", "message": "…"} for any request

``start`` may carry ``seed_from`` ({"members": n, "seed": s}: the app fills the Splio sandbox from
its demo program in the child). ``now`` is the wall clock the child's emulators follow from then on
(the app's clock, pinned or not); ``set_clock`` is Klaviyo's clock for relative dates in segments.

Decoding never raises: a line that is not one well-formed message (bad JSON, an unknown type, a
field of the wrong type, an oversized line) decodes to None.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

COMMAND = "__sandbox__"  # the hidden first argument that makes the app's executable an emulator
MAX_LINE = 256 << 20  # a seed of 100,000+ members is one line; anything longer is not ours


class RequestKind(enum.StrEnum):
    START = "start"
    NOW = "now"
    SET_CLOCK = "set_clock"
    SEED = "seed"
    DESCRIBE = "describe"
    STOP = "stop"


class ReplyKind(enum.StrEnum):
    READY = "ready"
    DONE = "done"
    ERROR = "error"


@dataclass(frozen=True)
class SeedFrom:
    """A demo program (members, seed) the child's sandbox is filled from before it serves."""

    members: int
    seed: int


@dataclass(frozen=True)
class SeedMember:
    """What the Splio sandbox keeps of a source's member when seeded (inspect_seed.seed_demo)."""

    email: str
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Request:
    kind: RequestKind
    platform: str = ""  # START
    now: datetime | None = None  # START, NOW: the wall clock to follow
    when: datetime | None = None  # SET_CLOCK (None: the real time again)
    seed_from: SeedFrom | None = None  # START
    members: tuple[SeedMember, ...] = ()  # SEED
    sample: int = 1  # DESCRIBE


@dataclass(frozen=True)
class Reply:
    kind: ReplyKind
    base_url: str = ""  # READY
    lines: tuple[str, ...] = ()  # READY, DESCRIBE's DONE
    counts: dict[str, int] = field(default_factory=dict)  # SEED's DONE
    message: str = ""  # ERROR


# -- encoding ------------------------------------------------------------------------------------

def _line(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n").encode()


def _instant(when: datetime | None) -> str | None:
    return None if when is None else when.astimezone(UTC).isoformat()


def encode_request(req: Request) -> bytes:
    obj: dict[str, Any] = {"type": req.kind.value}
    if req.kind is RequestKind.START:
        obj.update(platform=req.platform, now=_instant(req.now))
        if req.seed_from is not None:
            obj["seed_from"] = {"members": req.seed_from.members, "seed": req.seed_from.seed}
    elif req.kind is RequestKind.NOW:
        obj["now"] = _instant(req.now)
    elif req.kind is RequestKind.SET_CLOCK:
        obj["when"] = _instant(req.when)
    elif req.kind is RequestKind.SEED:
        obj["members"] = [{"email": m.email, "first_name": m.first_name, "last_name": m.last_name,
                           "phone": m.phone} for m in req.members]
    elif req.kind is RequestKind.DESCRIBE:
        obj["sample"] = req.sample
    return _line(obj)


def encode_reply(rep: Reply) -> bytes:
    obj: dict[str, Any] = {"type": rep.kind.value}
    if rep.base_url:
        obj["base_url"] = rep.base_url
    if rep.lines:
        obj["lines"] = list(rep.lines)
    if rep.counts:
        obj["counts"] = rep.counts
    if rep.message:
        obj["message"] = rep.message
    return _line(obj)


# -- decoding: None for anything that is not one well-formed message -------------------------------

class _Bad(Exception):
    pass


def _object(line: bytes | str) -> dict[str, Any] | None:
    if len(line) > MAX_LINE:
        return None
    try:
        obj = json.loads(line, parse_constant=lambda _c: None)  # NaN, Infinity: not JSON we write
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return obj if isinstance(obj, dict) else None


def _str(obj: dict[str, Any], key: str, *, optional: bool = False) -> Any:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Bad(key)
    return value


def _int(obj: dict[str, Any], key: str, lo: int, hi: int) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise _Bad(key)
    return value


def _when(obj: dict[str, Any], key: str, *, optional: bool = False) -> datetime | None:
    text = _str(obj, key, optional=optional)
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise _Bad(key) from None
    if when.tzinfo is None or when.utcoffset() is None:
        raise _Bad(key)  # an instant without its time zone could be anything
    return when.astimezone(UTC)


def _member(raw: Any) -> SeedMember:
    if not isinstance(raw, dict):
        raise _Bad("members")
    return SeedMember(_str(raw, "email"), _str(raw, "first_name", optional=True),
                      _str(raw, "last_name", optional=True), _str(raw, "phone", optional=True))


def decode_request(line: bytes | str) -> Request | None:
    obj = _object(line)
    if obj is None:
        return None
    try:
        kind = RequestKind(_str(obj, "type"))
        if kind is RequestKind.START:
            raw_seed = obj.get("seed_from")
            seed = None
            if raw_seed is not None:
                if not isinstance(raw_seed, dict):
                    raise _Bad("seed_from")
                seed = SeedFrom(_int(raw_seed, "members", 0, 10_000_000), _int(raw_seed, "seed", -(2**63), 2**63))
            return Request(kind, platform=_str(obj, "platform"), now=_when(obj, "now", optional=True),
                           seed_from=seed)
        if kind is RequestKind.NOW:
            return Request(kind, now=_when(obj, "now"))
        if kind is RequestKind.SET_CLOCK:
            return Request(kind, when=_when(obj, "when", optional=True))
        if kind is RequestKind.SEED:
            members = obj.get("members")
            if not isinstance(members, list):
                raise _Bad("members")
            return Request(kind, members=tuple(_member(m) for m in members))
        if kind is RequestKind.DESCRIBE:
            return Request(kind, sample=_int(obj, "sample", 0, 1000))
        return Request(kind)
    except (_Bad, ValueError, TypeError):
        return None


def decode_reply(line: bytes | str) -> Reply | None:
    obj = _object(line)
    if obj is None:
        return None
    try:
        kind = ReplyKind(_str(obj, "type"))
        base_url = _str(obj, "base_url", optional=True) or ""
        if kind is ReplyKind.READY and not base_url.startswith(("http://127.0.0.1:", "http://localhost:")):
            raise _Bad("base_url")  # the demo key only ever goes to this computer
        lines = obj.get("lines", [])
        counts = obj.get("counts", {})
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise _Bad("lines")
        if not isinstance(counts, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                for k, v in counts.items()):
            raise _Bad("counts")
        return Reply(kind, base_url=base_url, lines=tuple(lines), counts=dict(counts),
                     message=_str(obj, "message", optional=True) or "")
    except (_Bad, ValueError, TypeError):
        return None
