"""Plain value types (dataclasses of str/int/float/bool, Enums, Paths, tuples, lists, dicts) to
JSON and back, led by their type hints: what the worker's results carry. A value of the wrong
shape raises ValueError (the caller treats the line as not ours)."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return [[to_json(k), to_json(v)] for k, v in value.items()]  # keys keep their type (int, Enum)
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"not a plain value: {type(value).__name__}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _check(data: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, kind) or (isinstance(data, bool) and kind is not bool):  # True is an int
        raise ValueError(f"expected {kind!r}")
    return data


def from_json(tp: Any, data: Any) -> Any:
    """`data` (from `to_json`) read back as a `tp`."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        for arg in (a for a in args if a is not type(None)):
            try:
                return from_json(arg, data)
            except ValueError:
                continue
        raise ValueError("no member of the union fits")
    if origin in (list, tuple, dict, Counter) or tp in (list, tuple, dict):
        items = _check(data, list)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(items) != len(args):
                raise ValueError("wrong tuple length")
            return tuple(from_json(a, v) for a, v in zip(args, items, strict=True))
        if origin in (dict, Counter):
            pairs = [_check(p, list) for p in items]
            if any(len(p) != 2 for p in pairs):
                raise ValueError("a dict item is a pair")
            out = {from_json(args[0], k): from_json(args[1] if len(args) > 1 else int, v) for k, v in pairs}
            return Counter(out) if origin is Counter else out
        values = [from_json(args[0] if args else Any, v) for v in items]
        return tuple(values) if origin is tuple else values
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is Path:
        return Path(_check(data, str))
    if tp is float:
        return float(_check(data, (int, float)))
    if tp in (str, int, bool):
        return _check(data, tp)
    if tp is type(None):
        if data is not None:
            raise ValueError("expected null")
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        obj = _check(data, dict)
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        if not set(obj) <= names:
            raise ValueError(f"unknown fields for {tp.__name__}")
        try:
            return tp(**{k: from_json(hints[k], v) for k, v in obj.items()})
        except TypeError as exc:
            raise ValueError(str(exc)) from None
    raise ValueError(f"cannot read a {tp!r}")
