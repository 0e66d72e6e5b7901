"""Members and records as the store's canonical JSON text, fast.

The store keeps each member/record as compact JSON with sorted keys (`store.dumps` of
`model.to_jsonable`), and compares that text to tell what changed. Building a dict and running it
through `json` costs about 15 µs per member, which is most of an import of a million rows. The
encoders here write the same text directly from the dataclass's slots: one generated function
per class, with each field's conversion (enum value, ISO date/datetime) and JSON form (quoted
string, integer, null) decided once, from the field's declared type. A value of an unexpected
type goes through the generic path, so the text is always exactly `dumps(to_jsonable(obj))`
(tests/test_store_codec.py checks that on every field of every class).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from .model import (LedgerEntry, LedgerKind, Member, MembershipState, Referral, ReferralState, Reward,
                    RewardOrigin, to_jsonable)

# The store's canonical encoder (store.dumps uses the same settings).
canonical = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode
# The C string escaper `json` itself uses with ensure_ascii=False: quotes and escapes a str.
_quote: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
_ENUM_TYPES = (MembershipState, LedgerKind, RewardOrigin, ReferralState)
_ENUMS = tuple(e.__name__ for e in _ENUM_TYPES)


def _utc_iso(v: datetime) -> str:
    # As model._iso_dt: aware UTC ISO 8601.
    if v.tzinfo is not timezone.utc:
        v = v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v.astimezone(timezone.utc)
    return v.isoformat()


def _field_stmt(i: int, name: str, ftype: str, read: str) -> str:
    """Statements setting `t{i}` to field `name`'s JSON text, read from `o` with `read`."""
    v, t = f"v{i}", f"t{i}"
    if ftype.startswith(_ENUMS):
        fast = f"{v}.__class__ in _enums", f"_enum_text[{v}]"
    elif "datetime" in ftype:
        fast = f"{v}.__class__ is datetime", f"'\"' + _utc_iso({v}) + '\"'"
    elif "date" in ftype:
        fast = f"{v}.__class__ is date", f"_dates.get({v}) or _date_text({v})"
    elif ftype.startswith("int"):
        fast = f"{v}.__class__ is int", f"_int_repr({v})"
    elif ftype.startswith("str"):
        fast = f"{v}.__class__ is str", f"_quote({v})"
    else:
        fast = "False", "''"
    return (f"    {v} = {read}\n"
            f"    if {v} is None:\n        {t} = 'null'\n"
            f"    elif {fast[0]}:\n        {t} = {fast[1]}\n"
            f"    else:\n        {t} = _slow(_cls, {name!r}, {v})\n")


# Dates repeat (birthdays, sign-up days): their text is memoised, up to this many.
_DATES_MAX = 100_000
_dates: dict[date, str] = {}
_enum_text = {e: _quote(e.value) for enum in _ENUM_TYPES for e in enum}


def _date_text(d: date) -> str:
    t = '"' + d.isoformat() + '"'
    if len(_dates) < _DATES_MAX:
        _dates[d] = t
    return t


def _slow(cls: type, name: str, value: Any) -> str:
    """One field the generic way (a value of a type the generated code does not expect)."""
    return canonical(_CONVERT[cls][name](value))


def _generic_converters(cls: type) -> dict[str, Callable[[Any], Any]]:
    """field → value as `to_jsonable` gives it, via `to_jsonable` itself on an instance holding
    just that value (so the rule stays model.py's)."""
    fields = dataclasses.fields(cls)
    base = {f.name: (f.default if f.default is not dataclasses.MISSING else None) for f in fields}

    def conv(name: str) -> Callable[[Any], Any]:
        def one(value: Any) -> Any:
            obj = object.__new__(cls)
            for f in fields:
                object.__setattr__(obj, f.name, value if f.name == name else base[f.name])
            return to_jsonable(obj)[name]
        return one

    return {f.name: conv(f.name) for f in fields}


def make_text_encoder(cls: type, from_list: bool = False, constant: dict[str, Any] | None = None
                      ) -> Callable[[Any], str]:
    """A function → canonical JSON text for dataclass `cls` (sorted keys, compact). It takes an
    instance, or with `from_list` the list of its field values in declaration order (what
    `cls(*values)` would take: a parser can skip building the object). Fields in `constant` are
    not read: their text is that of the value given (a parser that never sets them)."""
    order = {f.name: i for i, f in enumerate(dataclasses.fields(cls))}
    fields = sorted(dataclasses.fields(cls), key=lambda f: f.name)
    constant = constant or {}
    lines = [_field_stmt(i, f.name, str(f.type), f"o[{order[f.name]}]" if from_list else f"o.{f.name}")
             for i, f in enumerate(fields) if f.name not in constant]
    pieces = ",".join(f"{canonical(f.name)}:{{{'c' if f.name in constant else 't'}{i}}}" for i, f in enumerate(fields))
    src = "def encode(o):\n" + ("".join(lines) or "    pass\n") + f"    return f'{{{{{pieces}}}}}'\n"
    scope: dict[str, Any] = {f"c{i}": canonical(_CONVERT[cls][f.name](constant[f.name]))
                             for i, f in enumerate(fields) if f.name in constant}
    scope |= {"_quote": _quote, "_utc_iso": _utc_iso, "_dates": _dates, "_date_text": _date_text,
                             "_enum_text": _enum_text, "_int_repr": int.__repr__, "_slow": _slow, "_cls": cls, "datetime": datetime,
                             "date": date, "_enums": frozenset(_ENUM_TYPES)}
    exec(compile(src, f"<store_codec {cls.__name__}>", "exec"), scope)  # noqa: S102 - code built above
    return scope["encode"]  # type: ignore[no-any-return]


_CLASSES = (Member, LedgerEntry, Reward, Referral)
_CONVERT = {cls: _generic_converters(cls) for cls in _CLASSES}
_TEXT: dict[type, Callable[[Any], str]] = {cls: make_text_encoder(cls) for cls in _CLASSES}
member_values_text: Callable[[list[Any]], str] = make_text_encoder(Member, from_list=True)
_MEMBER_DEFAULTS = {f.name: None if f.default is dataclasses.MISSING else f.default for f in dataclasses.fields(Member)}
_member_encoders: dict[frozenset[str], Callable[[list[Any]], str]] = {}


def member_values_encoder(varying: frozenset[str]) -> Callable[[list[Any]], str]:
    """As `member_values_text`, for values lists where only the fields in `varying` may differ
    from Member's defaults (a spreadsheet sets the columns it maps): the others' text is fixed."""
    enc = _member_encoders.get(varying)
    if enc is None:
        constant = {k: v for k, v in _MEMBER_DEFAULTS.items() if k not in varying}
        enc = _member_encoders[varying] = make_text_encoder(Member, from_list=True, constant=constant)
    return enc


def to_text(obj: Any) -> str:
    """Canonical JSON text of a Member or record (== store.dumps(model.to_jsonable(obj)))."""
    enc = _TEXT.get(type(obj))
    return enc(obj) if enc is not None else canonical(to_jsonable(obj))


def text_encoder(cls: type) -> Callable[[Any], str]:
    """The encoder for one class (a hot loop binds it once)."""
    return _TEXT.get(cls) or (lambda obj: canonical(to_jsonable(obj)))
