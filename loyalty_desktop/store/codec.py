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
from datetime import UTC, date, datetime
from typing import Any

from loyalty_desktop.core.fields import BLANK_IS_UNKNOWN
from loyalty_desktop.core.model import (
    MEMBER_KEYS,
    LedgerEntry,
    LedgerKind,
    Member,
    MembershipState,
    Referral,
    ReferralState,
    Reward,
    RewardOrigin,
    to_jsonable,
)

# The store's canonical encoder (store.dumps uses the same settings).
canonical = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode
# The C string escaper `json` itself uses with ensure_ascii=False: quotes and escapes a str.
_quote: Callable[[str], str] = json.encoder.encode_basestring
_ENUM_TYPES = (MembershipState, LedgerKind, RewardOrigin, ReferralState)
_ENUMS = tuple(e.__name__ for e in _ENUM_TYPES)


def _utc_iso(v: datetime) -> str:
    # As model._iso_dt: aware UTC ISO 8601.
    if v.tzinfo is not UTC:
        v = v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)
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
            obj: Any = object.__new__(cls)
            for f in fields:
                object.__setattr__(obj, f.name, value if f.name == name else base[f.name])
            return to_jsonable(obj)[name]
        return one

    return {f.name: conv(f.name) for f in fields}


def make_text_encoder(cls: type, from_list: bool = False, constant: dict[str, Any] | None = None,
                      omit: frozenset[str] = frozenset(), optional: frozenset[str] = frozenset()
                      ) -> Callable[[Any], str]:
    """A function → canonical JSON text for dataclass `cls` (sorted keys, compact). It takes an
    instance, or with `from_list` the list of its field values in declaration order (what
    `cls(*values)` would take: a parser can skip building the object). Fields in `constant` are
    not read: their text is that of the value given (a parser that never sets them). Fields in
    `omit` are not written; those in `optional` are left out when None (a member's unknown fields).

    A Member's `unknown` field is never written: a member whose `unknown` is not empty takes the
    generic path (its unknown keys are left out)."""
    order = {f.name: i for i, f in enumerate(dataclasses.fields(cls))}
    if cls is Member:
        omit = omit | {"unknown"}
    fields = [f for f in sorted(dataclasses.fields(cls), key=lambda f: f.name) if f.name not in omit]
    constant = constant or {}
    read: Callable[[dataclasses.Field[Any]], str] = (
        (lambda f: f"o[{order[f.name]}]") if from_list else (lambda f: f"o.{f.name}"))
    lines = []
    if cls is Member and "unknown" not in (constant or {}):
        u = read(next(f for f in dataclasses.fields(cls) if f.name == "unknown"))
        lines.append(f"    if {u}:\n        return _unknown(o)\n")
    # Commas without slicing: the first field always written is the anchor; optional fields before
    # it carry a trailing comma, every field after it a leading one.
    anchor = next(i for i, f in enumerate(fields) if f.name not in optional)
    pieces = []
    for i, f in enumerate(fields):
        key = canonical(f.name)
        before, after = ("", ",") if i < anchor else ("," if i > anchor else "", "")
        if f.name in constant:
            pieces.append(f"{before}{key}:{{c{i}}}{after}")
            continue
        lines.append(_field_stmt(i, f.name, str(f.type), read(f)))
        if f.name in optional:
            tail = f" + {after!r}" if after else ""
            lines.append(f"    s{i} = '' if v{i} is None else {before + key + ':'!r} + t{i}{tail}\n")
            pieces.append(f"{{s{i}}}")
        else:
            pieces.append(f"{before}{key}:{{t{i}}}{after}")
    body = "".join(pieces)
    src = "def encode(o):\n" + "".join(lines) + f"    return f'{{{{{body}}}}}'\n"
    scope: dict[str, Any] = {f"c{i}": canonical(_CONVERT[cls][f.name](constant[f.name]))
                             for i, f in enumerate(fields) if f.name in constant}
    scope |= {"_quote": _quote, "_utc_iso": _utc_iso, "_dates": _dates, "_date_text": _date_text,
              "_enum_text": _enum_text, "_int_repr": int.__repr__, "_slow": _slow, "_cls": cls, "datetime": datetime,
              "date": date, "_enums": frozenset(_ENUM_TYPES),
              "_unknown": (lambda o: canonical(to_jsonable(cls(*o)))) if from_list
              else (lambda o: canonical(to_jsonable(o)))}
    exec(compile(src, f"<store_codec {cls.__name__}>", "exec"), scope)  # code built above
    return scope["encode"]  # type: ignore[no-any-return]


_CLASSES = (Member, LedgerEntry, Reward, Referral)
_CONVERT: dict[type, dict[str, Callable[[Any], Any]]] = {cls: _generic_converters(cls) for cls in _CLASSES}
_TEXT: dict[type, Callable[[Any], str]] = {cls: make_text_encoder(cls) for cls in _CLASSES}
member_values_text: Callable[[list[Any]], str] = make_text_encoder(Member, from_list=True)
_member_encoders: dict[frozenset[str], Callable[[list[Any]], str]] = {}


def member_values_encoder(varying: frozenset[str]) -> Callable[[list[Any]], str]:
    """For a spreadsheet's values lists (Member's field order, `unknown` not read): only the fields
    in `varying` (the columns mapped) are provided, the others are unknown and left out; a None in
    a provided field of `fields.BLANK_IS_UNKNOWN` (a blank points or date cell) is unknown too.
    The text is that of the Member `spreadsheet_member` makes from the same values."""
    enc = _member_encoders.get(varying)
    if enc is None:
        absent = frozenset(MEMBER_KEYS) - varying - {"email"}
        enc = _member_encoders[varying] = make_text_encoder(
            Member, from_list=True, constant={"unknown": frozenset()}, omit=absent,
            optional=varying & BLANK_IS_UNKNOWN)
    return enc


def spreadsheet_member(varying: frozenset[str]) -> Callable[[list[Any]], Member]:
    """values list → the Member `member_values_encoder(varying)` writes (its unknown fields set)."""
    absent = frozenset(MEMBER_KEYS) - varying - {"email"}
    blank = tuple((i, k) for i, k in enumerate(MEMBER_KEYS) if k in varying and k in BLANK_IS_UNKNOWN)
    i_unknown = len(MEMBER_KEYS)

    def make(vals: list[Any]) -> Member:
        none = [k for i, k in blank if vals[i] is None]
        vals = vals.copy()
        vals[i_unknown] = absent.union(none) if none else absent
        return Member(*vals)

    return make


def to_text(obj: Any) -> str:
    """Canonical JSON text of a Member or record (== store.dumps(model.to_jsonable(obj)))."""
    enc = _TEXT.get(type(obj))
    return enc(obj) if enc is not None else canonical(to_jsonable(obj))


def text_encoder(cls: type) -> Callable[[Any], str]:
    """The encoder for one class (a hot loop binds it once)."""
    return _TEXT.get(cls) or (lambda obj: canonical(to_jsonable(obj)))


# One encoder instance: json.dumps with options builds a new encoder per call, which shows when
# ingesting a million rows.
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode


def dumps(obj: Any) -> str:
    """Canonical compact JSON (sorted keys), so equal data gives equal text and fingerprints."""
    return _encode(obj)
