"""The JSON lines the GUI and its worker process exchange (no Qt here: both ends use it).

GUI → worker, on the worker's stdin: one `Request` per line, first a JOB (what to run; a key only
when it lives in no keyring: a session-only or demo key, never in argv or the environment), then
perhaps a CANCEL. Worker → GUI, on stdout: `Message`s (PROGRESS, LOG, RESULT or ERROR, the last
two end the job). Anything else on stdout (a stray print, a broken line) decodes to None: skipped,
never trusted.
"""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from loyalty_desktop.cli.start import WORKER_COMMAND
from loyalty_desktop.core import errors
from loyalty_desktop.core.errors import LoyaltyError
from loyalty_desktop.net.policy import Wait, WaitReason
from loyalty_desktop.sync.summary import Phase, Progress, RunStatus, RunSummary

COMMAND = WORKER_COMMAND  # the hidden first argument that makes the executable a worker (cli/start.py)
MAX_LINE = 1 << 20  # a longer line is not ours: dropped


class RequestKind(enum.StrEnum):
    SYNC = "sync"
    CHECK_SHEET = "check_sheet"
    CANCEL = "cancel"


class MessageKind(enum.StrEnum):
    PROGRESS = "progress"
    LOG = "log"
    RESULT = "result"
    ERROR = "error"


@dataclass(frozen=True)
class SyncJob:
    """One sync, as the child rebuilds it: the service target and source by name, the source's
    saved options (core.options.from_saved), the mapping as JSON."""

    target: str
    source: str
    source_options: dict[str, Any]
    mapping: dict[str, Any]
    base_url: str | None = None
    create_fields: bool | None = None  # None: what the source options say
    backfill: bool = False
    confirmed: bool = False
    data_dir: str | None = None  # the GUI's data folder (--data-dir), None: the default
    key: str | None = field(default=None, repr=False)  # only a key no keyring holds
    source_key: str | None = field(default=None, repr=False)  # the same for a source with a key (Smile.io)


@dataclass(frozen=True)
class SheetJob:
    """Check a members export (and a points history) as the import would read them; the rejected
    rows go to `rejects_file`, a file the GUI chose (never a path a line could name)."""

    members: str
    rejects_file: str
    ledger: str | None = None
    data_dir: str | None = None


@dataclass(frozen=True)
class Request:
    kind: RequestKind
    job: SyncJob | SheetJob | None = None


@dataclass(frozen=True)
class ErrorInfo:
    """An error the child could not turn into a summary. `type` names a LoyaltyError of
    core.errors (the GUI rebuilds it to word it in its language); otherwise `text` says it."""

    type: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Message:
    kind: MessageKind
    progress: Progress | None = None
    text: str = ""  # LOG
    summary: RunSummary | None = None  # RESULT of a sync
    result: dict[str, Any] | None = None  # RESULT of another job
    error: ErrorInfo | None = None


# -- encoding -------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def encode(item: Request | Message) -> bytes:
    """One line of JSON, newline-terminated (ASCII only: no encoding question on any OS)."""
    data = {k: v for k, v in asdict(item).items() if v is not None}
    return (json.dumps(_plain(data), ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def error_info(exc: BaseException, text: str) -> ErrorInfo:
    """What the GUI needs to word `exc` itself: its LoyaltyError class and plain attributes."""
    attrs = {k: _plain(v) for k, v in vars(exc).items()
             if isinstance(v, (str, int, float, bool, list, tuple, datetime, type(None)))}
    return ErrorInfo(type(exc).__name__, text, attrs)


def rebuild_error(info: ErrorInfo) -> BaseException:
    """The LoyaltyError `info` describes (attributes restored), or a plain RuntimeError(text)."""
    cls = getattr(errors, info.type, None)
    if not (isinstance(cls, type) and issubclass(cls, LoyaltyError)):
        return RuntimeError(info.text)
    exc = cls.__new__(cls)
    Exception.__init__(exc, info.text)
    exc.message, exc.status = info.text, None
    for k, v in info.attrs.items():
        setattr(exc, k, _datetime(v))
    return exc


# -- decoding (every line is untrusted: a wrong shape gives None) ---------------------------------

class _Bad(Exception):
    pass


def _datetime(v: Any) -> Any:
    if isinstance(v, dict) and set(v) == {"$datetime"}:
        try:
            return datetime.fromisoformat(str(v["$datetime"]))
        except ValueError:
            raise _Bad from None
    return v


def _typed(value: Any, kind: type | tuple[type, ...]) -> Any:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):  # True is an int
        raise _Bad
    return value


def _number(value: Any) -> float:
    return float(_typed(value, (int, float)))


def _build(cls: type, data: Any, convert: dict[str, Any] | None = None) -> Any:
    """`cls(**data)` for the dataclass fields `data` has, each through `convert[name]` if given."""
    data = _typed(data, dict)
    names = {f.name for f in fields(cls)}
    if not set(data) <= names:
        raise _Bad
    convert = convert or {}
    try:
        return cls(**{k: convert[k](v) if k in convert else v for k, v in data.items()})
    except (TypeError, ValueError, KeyError):
        raise _Bad from None


def _progress(d: Any) -> Progress:
    wait = d.get("wait") if isinstance(d, dict) else None
    return _build(Progress, d, {
        "phase": Phase, "done": lambda v: int(_typed(v, int)), "total": lambda v: int(_typed(v, int)),
        "rate": _number, "eta_s": lambda v: None if v is None else _number(v),
        "wait": lambda _v: None if wait is None else _build(Wait, wait, {
            "seconds": _number, "reason": WaitReason, "status": lambda v: None if v is None else _typed(v, int),
            "detail": lambda v: _typed(v, str), "platform": lambda v: None if v is None else _typed(v, str)}),
    })


_INT_FIELDS = {f.name for f in fields(RunSummary) if f.type == "int"}


def _summary(d: Any) -> RunSummary:
    def samples(v: Any) -> list[tuple[str, str, str]]:
        rows = [tuple(_typed(x, str) for x in _typed(r, list)) for r in _typed(v, list)]
        if any(len(r) != 3 for r in rows):
            raise _Bad
        return rows

    convert: dict[str, Any] = {k: (lambda v: _typed(v, int)) for k in _INT_FIELDS}
    convert.update(status=RunStatus, seconds=_number, first_sync=lambda v: _typed(v, bool),
                   baseline=lambda v: None if v is None else _typed(v, str),
                   error=lambda v: None if v is None else _typed(v, str),
                   live_events=lambda v: {_typed(k, str): _typed(n, int) for k, n in _typed(v, dict).items()},
                   rejected_samples=samples, notes=lambda v: [_typed(x, str) for x in _typed(v, list)])
    return _build(RunSummary, d, convert)


def _error(d: Any) -> ErrorInfo:
    return _build(ErrorInfo, d, {"type": lambda v: _typed(v, str), "text": lambda v: _typed(v, str),
                                 "attrs": lambda v: {_typed(k, str): x for k, x in _typed(v, dict).items()}})


def _load(line: bytes | str) -> Any:
    if len(line) > MAX_LINE:
        raise _Bad
    try:
        return json.loads(line.decode("utf-8") if isinstance(line, bytes) else line)  # strict UTF-8
    except (ValueError, RecursionError):
        raise _Bad from None


def decode_message(line: bytes | str) -> Message | None:
    """The worker's line as a Message, or None if it is not one (skipped)."""
    try:
        d = _typed(_load(line), dict)
        return _build(Message, d, {
            "kind": MessageKind, "progress": _progress, "text": lambda v: _typed(v, str), "summary": _summary,
            "result": lambda v: _typed(v, dict), "error": _error})
    except (_Bad, RecursionError):
        return None


def decode_request(line: bytes | str) -> Request | None:
    """The GUI's line as a Request, or None if it is not one."""
    try:
        d = _typed(_load(line), dict)
        kind = RequestKind(d.get("kind"))

        def job(v: Any) -> SyncJob | SheetJob:
            if kind is RequestKind.SYNC:
                opt_str = lambda x: None if x is None else _typed(x, str)  # noqa: E731
                return _build(SyncJob, v, {
                    "target": lambda x: _typed(x, str), "source": lambda x: _typed(x, str),
                    "source_options": lambda x: _typed(x, dict), "mapping": lambda x: _typed(x, dict),
                    "base_url": opt_str, "key": opt_str, "data_dir": opt_str, "source_key": opt_str,
                    "create_fields": lambda x: None if x is None else _typed(x, bool),
                    "backfill": lambda x: _typed(x, bool), "confirmed": lambda x: _typed(x, bool)})
            if kind is RequestKind.CHECK_SHEET:
                opt = lambda x: None if x is None else _typed(x, str)  # noqa: E731
                return _build(SheetJob, v, {"members": lambda x: _typed(x, str), "ledger": opt, "data_dir": opt,
                                            "rejects_file": lambda x: _typed(x, str)})
            raise _Bad

        request: Request = _build(Request, d, {"kind": RequestKind, "job": job})
        if (request.job is None) != (kind is RequestKind.CANCEL):
            return None
        return request
    except (_Bad, ValueError, RecursionError):
        return None
