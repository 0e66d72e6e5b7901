"""Evaluation of Klaviyo segment definitions over the profiles and events the sandbox holds.

A definition has already passed :data:`.klaviyo_kit_shapes.SEGMENT_DEFINITION`; :func:`compile_definition`
then checks what needs the account (metric and list ids exist, property names make sense) and
returns something :func:`members` can evaluate. Semantics, after Klaviyo's help centre ("Segment
conditions reference", "Segmenting with dates reference"):

* condition groups are ANDed, the conditions inside a group ORed;
* custom properties are ``properties['name']``; also the profile attributes (``email``,
  ``first_name``, ``created``, ``last_event_date``…) and ``location['city']``;
* a filter only matches a property that is set with the filter's type (a string filter never
  matches a number, ``not-equals`` never matches an unset property); ``existence`` tests whether
  it is set at all (``None`` and ``""`` count as not set);
* dates are compared as instants in UTC against the sandbox's clock ("now"); a date without a time
  is midnight UTC. ``in-the-last N`` = [now - N, now], ``in-the-next N`` = [now, now + N],
  ``at-least N`` (ago) = up to now - N inclusive, ``between a b`` = [now - b, now - a];
  ``after``/``before`` are strict, ``between-static`` inclusive;
* ``profile-metric`` counts (or sums the ``value`` of) the profile's events of that metric in the
  timeframe, backfilled events included, so ``count equals 0.0`` means "has not done".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from loyalty_emulators.klaviyo.common import ApiError, parse_datetime
from loyalty_emulators.klaviyo.kit_shapes import err
from loyalty_emulators.klaviyo.state import SandboxEvent, SandboxProfile, SandboxState
from loyalty_emulators.klaviyo.validate import LOCATION_KEYS

Test = Callable[[Any, datetime], bool]  # (value, now) -> matches
MAX_CONDITIONS = 100  # "A single segment can have a maximum of 100 conditions" (help centre)
PROFILE_ATTRIBUTES = ("email", "phone_number", "external_id", "first_name", "last_name", "organization",
                      "title", "locale", "image", "created", "updated", "last_event_date")
_BRACKET = re.compile(r"""^(properties|location)\[(?:'(.*)'|"(.*)")\]$""", re.DOTALL)
_UNIT = {"day": timedelta(days=1), "hour": timedelta(hours=1), "week": timedelta(weeks=1)}
_NUM: dict[str, Callable[[float, float], bool]] = {
    "equals": lambda a, b: a == b, "not-equals": lambda a, b: a != b, "greater-than": lambda a, b: a > b,
    "greater-than-or-equal": lambda a, b: a >= b, "less-than": lambda a, b: a < b,
    "less-than-or-equal": lambda a, b: a <= b}
_STR: dict[str, Callable[[str, str], bool]] = {
    "equals": lambda a, b: a == b, "contains": lambda a, b: b in a, "starts-with": lambda a, b: a.startswith(b),
    "ends-with": lambda a, b: a.endswith(b), "regex": lambda a, b: re.search(b, a) is not None}


class Refused(Exception):
    """A definition the account cannot satisfy or the sandbox cannot evaluate (400 at ``pointer``)."""

    def __init__(self, detail: str, pointer: str) -> None:
        super().__init__(detail)
        self.item = err(detail, pointer)


def when(v: Any) -> datetime | None:
    """A profile or event value as an instant: ISO 8601 strings (date only = midnight UTC)."""
    if isinstance(v, datetime):
        return v if v.tzinfo else v.replace(tzinfo=UTC)
    if not isinstance(v, str) or not 10 <= len(v) <= 40 or not v[:4].isdigit():
        return None
    try:
        return parse_datetime(v)
    except ValueError:
        return None


def is_set(v: Any) -> bool:
    return v is not None and v != ""


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _anniversary(t: datetime, year: int) -> datetime:
    leap_day = t.month == 2 and t.day == 29 and not calendar.isleap(year)
    return t.replace(year=year, day=28 if leap_day else t.day)


def date_test(flt: dict[str, Any]) -> Test:
    op = flt["operator"]
    span = _UNIT.get(flt.get("unit", "day"), _UNIT["day"]) * (flt.get("quantity") or 0)
    if op == "after":
        d = parse_datetime(flt["date"])
        return lambda t, now: t > d
    if op == "before":
        d = parse_datetime(flt["date"])
        return lambda t, now: t < d
    if op == "between-static":
        s, e = parse_datetime(flt["start"]), parse_datetime(flt["end"])
        return lambda t, now: s <= t <= e
    if op == "in-the-last":
        return lambda t, now: now - span <= t <= now
    if op == "in-the-next":
        return lambda t, now: now <= t <= now + span
    if op == "at-least":
        return lambda t, now: t <= now - span
    if op == "between":
        lo, hi = sorted((flt["start"], flt["end"]))
        unit = _UNIT[flt["unit"]]
        return lambda t, now: now - hi * unit <= t <= now - lo * unit
    if op == "calendar-month":
        return lambda t, now: t.month == flt["value"]
    if op == "anniversary":
        return lambda t, now: (t.month, t.day) == (now.month, now.day)
    if op == "anniversary-month":
        return lambda t, now: t.month == now.month
    if op == "anniversary-next":
        return lambda t, now: any(now <= _anniversary(t, y) <= now + span for y in (now.year, now.year + 1))
    if op == "anniversary-last":
        return lambda t, now: any(now - span <= _anniversary(t, y) <= now for y in (now.year - 1, now.year))
    if op in ("alltime", "flow-start"):  # flow-start: flows are stored, never run
        return lambda t, now: True
    raise AssertionError(op)  # the shapes admit no other operator


def value_test(flt: dict[str, Any] | None, ptr: str) -> Test:
    """A property filter (already shape-checked) as a test on one value."""
    if flt is None:  # a metric_filters entry without a filter: the property is set
        return lambda v, now: is_set(v)
    kind, op = flt["type"], flt["operator"]
    ref: Any = flt.get("value")  # its type follows `kind` (the shapes checked it)
    if kind == "existence":
        return (lambda v, now: is_set(v)) if op == "is-set" else (lambda v, now: not is_set(v))
    if kind == "numeric":
        if op == "between":
            return lambda v, now: _number(v) and flt["start"] <= v <= flt["end"]
        cmp = _NUM[op]
        return lambda v, now: _number(v) and cmp(v, ref)
    if kind == "boolean":
        return lambda v, now: isinstance(v, bool) and v == ref
    if kind == "date":
        test = date_test(flt)

        def on_date(v: Any, now: datetime) -> bool:
            t = when(v)
            return t is not None and test(t, now)
        return on_date
    if kind == "string":
        if op.startswith("phone-country-code"):
            raise Refused("The sandbox does not evaluate phone country-code filters.", f"{ptr}/operator")
        if op in ("in", "not-in"):
            pool, inside = set(ref), op == "in"
            return lambda v, now: isinstance(v, str) and (v in pool) == inside
        negate = op.startswith("not-") or op == "nregex"
        base = op.removeprefix("not-") if op != "nregex" else "regex"
        if ref is None:  # value null: "equals null" = not set, "not-equals null" = set
            if base != "equals":
                return lambda v, now: False
            return (lambda v, now: is_set(v)) if negate else (lambda v, now: not is_set(v))
        if base == "regex":
            try:
                re.compile(ref)
            except re.error as exc:
                raise Refused(f"Invalid regular expression: {exc}.", f"{ptr}/value") from None
        str_cmp = _STR[base]
        return lambda v, now: isinstance(v, str) and str_cmp(v, ref) != negate
    return _list_test(op, ref)


def _list_test(op: str, ref: Any) -> Test:
    if op.startswith("length-"):
        cmp = _NUM[op.removeprefix("length-")]
        return lambda v, now: isinstance(v, list) and cmp(len(v), ref)
    negate, base = op.startswith("not-"), op.removeprefix("not-")
    checks: dict[str, Callable[[list, Any], bool]] = {
        "contains": lambda lst, x: x in lst, "contains-all": lambda lst, xs: all(x in lst for x in xs),
        "contains-any": lambda lst, xs: any(x in lst for x in xs),
        "contains-substring": lambda lst, s: s is not None and any(isinstance(x, str) and s in x for x in lst)}
    check = checks[base]
    return lambda v, now: isinstance(v, list) and check(v, ref) != negate


def property_getter(expr: str, ptr: str) -> Callable[[SandboxProfile], Any]:
    if expr in PROFILE_ATTRIBUTES:
        return lambda p: getattr(p, expr)
    m = _BRACKET.match(expr.strip())
    if m:
        key = m.group(2) if m.group(2) is not None else m.group(3)
        if m.group(1) == "properties" and key:
            return lambda p: p.properties.get(key)
        if m.group(1) == "location" and key in LOCATION_KEYS:
            return lambda p: p.location.get(key)
    raise Refused(f"Unknown profile property {expr!r}: use properties['<name>'] for custom properties, "
                  f"location['<key>'] or one of {', '.join(PROFILE_ATTRIBUTES)}.", ptr)


# --------------------------------------------------------------------------- conditions

Bound = Callable[[SandboxProfile], bool]


@dataclass(frozen=True)
class PropertyCondition:
    get: Callable[[SandboxProfile], Any]
    test: Test

    def bind(self, state: SandboxState, now: datetime) -> Bound:
        return lambda p: self.test(self.get(p), now)


@dataclass(frozen=True)
class MetricCondition:
    metric_id: str
    measurement: str  # count | sum
    test: Test  # on the count or sum
    timeframe: Callable[[datetime, datetime], bool]
    event_filters: tuple[tuple[str, Test], ...]

    def _keeps(self, e: SandboxEvent, now: datetime) -> bool:
        if e.metric_id != self.metric_id or not self.timeframe(e.time, now):
            return False
        return all(t(e.value if name == "$value" else e.properties.get(name), now) for name, t in self.event_filters)

    def bind(self, state: SandboxState, now: datetime) -> Bound:
        totals: dict[str, float] = {}
        for e in state.events:
            if self._keeps(e, now):
                add = 1 if self.measurement == "count" else (e.value or 0)
                totals[e.profile_id] = totals.get(e.profile_id, 0) + add
        return lambda p: self.test(totals.get(p.id, 0), now)


@dataclass(frozen=True)
class ListCondition:
    list_id: str
    is_member: bool

    def bind(self, state: SandboxState, now: datetime) -> Bound:
        lst = state.lists.get(self.list_id)
        members = lst.members if lst is not None else {}
        return lambda p: (p.id in members) == self.is_member


Condition = PropertyCondition | MetricCondition | ListCondition


def _condition(c: dict[str, Any], ptr: str, state: SandboxState) -> Condition:
    kind = c["type"]
    if kind == "profile-property":
        return PropertyCondition(property_getter(c["property"], f"{ptr}/property"),
                                 value_test(c["filter"], f"{ptr}/filter"))
    if kind == "profile-metric":
        mid = c["metric_id"]
        if mid not in state.metrics:
            raise Refused(f"Metric {mid!r} does not exist in this account.", f"{ptr}/metric_id")
        mf = c["measurement_filter"]
        cmp, ref = _NUM[mf["operator"]], mf["value"]
        tf = date_test(c["timeframe_filter"])
        filters = tuple((f["property"], value_test(f.get("filter"), f"{ptr}/metric_filters/{i}/filter"))
                        for i, f in enumerate(c.get("metric_filters") or ()))
        return MetricCondition(mid, c["measurement"], lambda v, now: cmp(v, ref), tf, filters)
    # profile-group-membership (the only other type the shapes let through)
    ids = c["group_ids"]
    if len(ids) != 1:
        raise Refused("Exactly one group id is supported in a membership condition.", f"{ptr}/group_ids")
    if ids[0] not in state.lists:
        raise Refused(f"List {ids[0]!r} does not exist in this account (the sandbox evaluates list "
                      "membership, not segment membership).", f"{ptr}/group_ids/0")
    if c["is_member"] and c.get("timeframe_filter") is not None:
        raise Refused("The sandbox does not evaluate membership timeframes.", f"{ptr}/timeframe_filter")
    return ListCondition(ids[0], c["is_member"])


@dataclass(frozen=True)
class CompiledDefinition:
    groups: tuple[tuple[Condition, ...], ...]

    def matcher(self, state: SandboxState, now: datetime) -> Bound:
        bound = [[c.bind(state, now) for c in g] for g in self.groups]
        return lambda p: all(any(f(p) for f in g) for g in bound)


def compile_definition(defn: dict[str, Any], ptr: str, state: SandboxState, *, require_conditions: bool = True
                       ) -> CompiledDefinition:
    """Check a shape-valid definition against the account; raises ``ApiError`` (400) listing every problem."""
    groups, problems = [], []
    cgs = defn["condition_groups"]
    if require_conditions and not cgs:
        problems.append(err("A segment definition needs at least one condition group.", f"{ptr}/condition_groups"))
    if sum(len(g["conditions"]) for g in cgs) > MAX_CONDITIONS:
        problems.append(err(f"A segment can have at most {MAX_CONDITIONS} conditions.", f"{ptr}/condition_groups"))
    for gi, g in enumerate(cgs):
        gptr = f"{ptr}/condition_groups/{gi}/conditions"
        if not g["conditions"]:
            problems.append(err("A condition group needs at least one condition.", gptr))
        conds = []
        for ci, c in enumerate(g["conditions"]):
            try:
                conds.append(_condition(c, f"{gptr}/{ci}", state))
            except Refused as exc:
                problems.append(exc.item)
        groups.append(tuple(conds))
    if problems:
        raise ApiError.many(400, problems)
    return CompiledDefinition(tuple(groups))


def members(compiled: CompiledDefinition, state: SandboxState, now: datetime) -> list[SandboxProfile]:
    """Profiles matching the definition now, in id order. The caller holds ``state.lock``."""
    match = compiled.matcher(state, now)
    return [p for p in (state.profiles[i] for i in state.order) if match(p)]
