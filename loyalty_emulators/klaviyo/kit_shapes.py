"""Request-body shapes of Klaviyo's segment and flow definitions (revision 2026-07-15), checked by hand.

Like :mod:`.klaviyo_validate`, checks never raise: they append JSON:API error items whose
``source.pointer`` names the offending field. The shapes below transcribe the spec's schemas for
the parts the sandbox supports (the spec itself is not shipped with the app). Two rules from the
spec are easy to trip over and are kept on purpose, so that a body the sandbox accepts also passes
the spec's own validation:

* numeric filter values are declared ``oneOf: [integer, number]``; a JSON integer matches both
  branches, so only a number written with a fraction (``500.0``) is valid (:class:`SpecNumber`);
* unknown keys are allowed (no schema sets ``additionalProperties: false``).

A variant the spec allows but the sandbox cannot honour (a condition type it does not evaluate, an
action type it does not model) is refused with a 400 that says so (:class:`Unsupported`), never
accepted and then evaluated wrongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from loyalty_emulators.klaviyo.common import error_item

Errors = list[dict[str, Any]]
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$")
# TimeDelayActionData.timezone enumerates 434 names ("profile", "UTC", "GMT" and IANA zones); the
# sandbox accepts those three and anything shaped like an IANA name instead of copying the list.
TZ_NAME = re.compile(r"^(profile|UTC|GMT|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+\-]+){1,2})$")


def err(detail: str, pointer: str) -> dict[str, Any]:
    return error_item(400, "invalid", detail, pointer=pointer)


def _name(ptr: str) -> str:
    return ptr.rsplit("/", 1)[-1] or "value"


def type_name(v: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "integer", float: "number"}.get(type(v), type(v).__name__)


class Shape:
    nullable: bool = False

    def check(self, v: Any, ptr: str, errs: Errors) -> None:
        if v is None:
            if not self.nullable:
                errs.append(err(f"'{_name(ptr)}' must not be null.", ptr))
            return
        self._check(v, ptr, errs)

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Str(Shape):
    enum: tuple[str, ...] | None = None
    nullable: bool = False
    fmt: str | None = None  # "date-time" | "time" | "timezone"

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if not isinstance(v, str):
            errs.append(err(f"'{_name(ptr)}' must be a string, got {type_name(v)}.", ptr))
        elif self.enum is not None and v not in self.enum:
            errs.append(err(f"'{v}' is not a valid value for '{_name(ptr)}'; expected one of: "
                            f"{', '.join(self.enum)}.", ptr))
        elif self.fmt == "date-time" and not _datetime_ok(v):
            errs.append(err(f"'{_name(ptr)}' must be an RFC 3339 date-time, e.g. 2026-11-23T00:00:00+00:00.", ptr))
        elif self.fmt == "time" and not TIME.match(v):
            errs.append(err(f"'{_name(ptr)}' must be a time, e.g. 09:00:00.", ptr))
        elif self.fmt == "timezone" and not TZ_NAME.match(v):
            errs.append(err(f"'{v}' is not a valid timezone: use 'profile' or an IANA name.", ptr))


def _datetime_ok(v: str) -> bool:
    if not RFC3339.match(v):
        return False
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Int(Shape):
    nullable: bool = False
    minimum: int | None = None

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if isinstance(v, bool) or not isinstance(v, int):
            errs.append(err(f"'{_name(ptr)}' must be an integer, got {type_name(v)}.", ptr))
        elif self.minimum is not None and v < self.minimum:
            errs.append(err(f"'{_name(ptr)}' must be at least {self.minimum}.", ptr))


@dataclass(frozen=True)
class SpecNumber(Shape):
    """``oneOf: [integer, number]``: only a non-integer JSON number matches exactly one branch."""

    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            errs.append(err(f"'{_name(ptr)}' must be a number, got {type_name(v)}.", ptr))
        elif isinstance(v, int):
            errs.append(err(f"'{_name(ptr)}' must be written with a decimal point ({v}.0): the spec declares it "
                            "oneOf [integer, number], and a JSON integer matches both.", ptr))


@dataclass(frozen=True)
class Bool(Shape):
    enum: tuple[bool, ...] | None = None
    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if not isinstance(v, bool):
            errs.append(err(f"'{_name(ptr)}' must be a boolean, got {type_name(v)}.", ptr))
        elif self.enum is not None and v not in self.enum:
            errs.append(err(f"'{_name(ptr)}' must be {str(self.enum[0]).lower()}.", ptr))


@dataclass(frozen=True)
class IntOrStr(Shape):
    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if isinstance(v, bool) or not isinstance(v, (int, str)):
            errs.append(err(f"'{_name(ptr)}' must be an integer or a string, got {type_name(v)}.", ptr))


@dataclass(frozen=True)
class Arr(Shape):
    items: Shape
    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if not isinstance(v, list):
            errs.append(err(f"'{_name(ptr)}' must be an array, got {type_name(v)}.", ptr))
            return
        for i, x in enumerate(v):
            self.items.check(x, f"{ptr}/{i}", errs)


@dataclass(frozen=True)
class Obj(Shape):
    props: dict[str, Shape] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if not isinstance(v, dict):
            errs.append(err(f"'{_name(ptr)}' must be an object, got {type_name(v)}.", ptr))
            return
        for k in self.required:
            if k not in v:
                errs.append(err(f"'{k}' is required.", f"{ptr}/{k}"))
        for k, shape in self.props.items():
            if k in v:
                shape.check(v[k], f"{ptr}/{k}", errs)


@dataclass(frozen=True)
class Unsupported:
    """A variant the spec allows that the sandbox refuses (with this reason)."""

    what: str


@dataclass(frozen=True)
class Tagged(Shape):
    """A ``oneOf`` told apart by the string in ``key`` (``type``, ``operator``…)."""

    key: str
    variants: dict[str, Shape | Unsupported]
    label: str = "value"
    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        if not isinstance(v, dict):
            errs.append(err(f"'{_name(ptr)}' must be an object, got {type_name(v)}.", ptr))
            return
        tag = v.get(self.key)
        kptr = f"{ptr}/{self.key}"
        if tag is None:
            errs.append(err(f"'{self.key}' is required.", kptr))
            return
        variant = self.variants.get(tag) if isinstance(tag, str) else None
        if variant is None:
            errs.append(err(f"{tag!r} is not a valid {self.key} for {self.label}; expected one of: "
                            f"{', '.join(self.variants)}.", kptr))
        elif isinstance(variant, Unsupported):
            errs.append(err(f"The sandbox does not support {variant.what} ({self.key} {tag!r}); Klaviyo's API "
                            "accepts it, but the offline sandbox cannot evaluate or model it.", kptr))
        else:
            variant.check(v, ptr, errs)


@dataclass(frozen=True)
class Both(Shape):
    """Both shapes must hold (e.g. a fixed ``type`` beside a :class:`Tagged` ``operator``)."""

    first: Shape
    second: Shape
    nullable: bool = False

    def _check(self, v: Any, ptr: str, errs: Errors) -> None:
        before = len(errs)
        self.first.check(v, ptr, errs)
        if len(errs) == before:
            self.second.check(v, ptr, errs)


def check(shape: Shape, value: Any, ptr: str) -> Errors:
    errs: Errors = []
    shape.check(value, ptr, errs)
    return errs


# --------------------------------------------------------------------------- filters

def _f(**props: Shape) -> Obj:
    """A filter object: ``type`` and ``operator`` (checked by the enclosing :class:`Tagged`) plus ``props``."""
    return Obj({"type": Str(), "operator": Str(), **props}, ("type", "operator", *props))


def _ops(names: tuple[str, ...], shape: Shape) -> dict[str, Shape | Unsupported]:
    return dict.fromkeys(names, shape)


STRING_OPS = ("contains", "ends-with", "equals", "not-contains", "not-ends-with", "not-equals",
              "not-starts-with", "nregex", "regex", "starts-with")
NUMERIC_OPS = ("equals", "greater-than", "greater-than-or-equal", "less-than", "less-than-or-equal", "not-equals")
LENGTH_OPS = ("length-equals", "length-greater-than", "length-greater-than-or-equal", "length-less-than",
              "length-less-than-or-equal")
UNITS = ("day", "hour", "week")

STRING_VALUE = _f(value=Str(nullable=True))
STRING_LIST = _f(value=Arr(Str()))
NUMERIC = _f(value=SpecNumber())
NUMERIC_RANGE = _f(start=SpecNumber(), end=SpecNumber())
BOOLEAN = _f(value=Bool())
EXISTENCE = _f()
STATIC_DATE = _f(date=Str(fmt="date-time"))
STATIC_RANGE = _f(start=Str(fmt="date-time"), end=Str(fmt="date-time"))
RELATIVE = _f(unit=Str(UNITS), quantity=Int())
RELATIVE_RANGE = _f(start=Int(), end=Int(), unit=Str(UNITS))
NO_VALUE = _f()
CALENDAR = _f(value=Int())

NUMERIC_FILTER = Obj({"type": Str(("numeric",)), "operator": Str(NUMERIC_OPS), "value": SpecNumber()},
                     ("type", "operator", "value"))


def _by_operator(type_: str, ops: dict[str, Shape | Unsupported]) -> Tagged:
    return Tagged("operator", ops, f"a '{type_}' filter")


_DATE_TYPE = Obj({"type": Str(("date",))}, ("type",))


def _date_ops(*, static: bool = True, relative: tuple[str, ...] = ("at-least", "in-the-last", "in-the-next"),
              anniversary_relative: bool = True, relative_range: bool = True, calendar: bool = True,
              extra: dict[str, Shape] | None = None) -> Both:
    ops: dict[str, Shape | Unsupported] = {}
    if static:
        ops.update(after=STATIC_DATE, before=STATIC_DATE, **{"between-static": STATIC_RANGE})
    ops.update(_ops(relative, RELATIVE))
    if anniversary_relative:
        ops.update(_ops(("anniversary-last", "anniversary-next"), RELATIVE))
    if relative_range:
        ops["between"] = RELATIVE_RANGE
    if calendar:
        ops.update({"calendar-month": CALENDAR, "anniversary": NO_VALUE, "anniversary-month": NO_VALUE})
    ops.update(extra or {})
    return Both(_DATE_TYPE, _by_operator("date", ops))


def filter_union(*, phone: bool = False, numeric_range: bool = False, list_kind: str = "profile",
                 date: bool = True) -> Tagged:
    """The filter ``oneOf`` of a property condition; the variants differ a little per context."""
    strings: dict[str, Shape | Unsupported] = {**_ops(STRING_OPS, STRING_VALUE), **_ops(("in", "not-in"), STRING_LIST)}
    if phone:
        strings.update(_ops(("phone-country-code-in", "phone-country-code-not-in"), STRING_LIST))
    numeric: dict[str, Shape | Unsupported] = _ops(NUMERIC_OPS, NUMERIC)
    if numeric_range:
        numeric["between"] = NUMERIC_RANGE
    lists: dict[str, Shape | Unsupported] = _ops(LENGTH_OPS, _f(value=Int()))
    if list_kind == "profile":
        lists.update(_ops(("contains", "not-contains"), _f(value=IntOrStr(nullable=True))))
    else:  # ProfileMetricPropertyFilter: set and substring operators instead
        lists.update(_ops(("contains-all", "contains-any", "not-contains-all", "not-contains-any"),
                          _f(value=Arr(Str()))))
        lists.update(_ops(("contains-substring", "not-contains-substring"), _f(value=Str(nullable=True))))
    variants: dict[str, Shape | Unsupported] = {
        "string": _by_operator("string", strings), "numeric": _by_operator("numeric", numeric),
        "boolean": _by_operator("boolean", {"equals": BOOLEAN}), "list": _by_operator("list", lists),
        "existence": _by_operator("existence", _ops(("is-set", "not-set"), EXISTENCE))}
    if date:
        variants["date"] = _date_ops()
    return Tagged("type", variants, "a filter")


PROFILE_PROPERTY_FILTER = filter_union(phone=True)
METRIC_PROPERTY_FILTER = filter_union(numeric_range=True)  # flow trigger filters
# metric_filters: the spec says "nullable" beside a oneOf, which its validator ignores: null is refused
EVENT_PROPERTY_FILTER = filter_union(list_kind="metric", date=False)

# --------------------------------------------------------------------------- conditions

_UNSUPPORTED_CONDITIONS = {
    "profile-marketing-consent": Unsupported("marketing-consent conditions"),
    "profile-postal-code-distance": Unsupported("postal-code distance conditions"),
    "profile-region": Unsupported("region conditions"),
    "profile-predictive-analytics": Unsupported("predictive-analytics conditions"),
    "profile-has-custom-object": Unsupported("custom-object conditions"),
    "profile-permissions": Unsupported("WhatsApp permission conditions"),
}


_GROUP_TIMEFRAME = _date_ops(anniversary_relative=False, calendar=False)


def _metric_timeframe(flows: bool) -> Both:
    return _date_ops(calendar=False, extra={"alltime": NO_VALUE, **({"flow-start": NO_VALUE} if flows else {})})


def conditions_union(*, flows: bool, not_in_flow: bool = False) -> Tagged:
    prop = Obj({"type": Str(), "property": Str(), "filter": PROFILE_PROPERTY_FILTER}, ("type", "property", "filter"))
    metric = Obj({"type": Str(), "metric_id": Str(), "measurement": Str(("count", "sum")),
                  "measurement_filter": NUMERIC_FILTER, "timeframe_filter": _metric_timeframe(flows),
                  "metric_filters": Arr(Obj({"property": Str(), "filter": EVENT_PROPERTY_FILTER}, ("property",)),
                                        nullable=True)},
                 ("type", "metric_id", "measurement", "measurement_filter", "timeframe_filter"))
    group = Obj({"type": Str(), "is_member": Bool(), "group_ids": Arr(Str()), "timeframe_filter": _GROUP_TIMEFRAME},
                ("type", "is_member", "group_ids"))
    variants: dict[str, Shape | Unsupported] = {
        "profile-property": prop, "profile-metric": metric, "profile-group-membership": group,
        **_UNSUPPORTED_CONDITIONS}
    if flows:
        variants.update({"profile-sample": Unsupported("random-sample conditions"),
                         "profile-not-sent-email": Unsupported("'has not been sent' conditions"),
                         "profile-not-sent-sms": Unsupported("'has not been sent' conditions"),
                         "profile-not-sent-push": Unsupported("'has not been sent' conditions")})
        if not_in_flow:
            variants["profile-not-in-flow"] = Unsupported("'not in flow' conditions")
    else:
        variants["profile-metric-funnel"] = Unsupported("metric-funnel conditions")
    return Tagged("type", variants, "a condition")


def condition_groups(conditions: Shape, *, nullable: bool = False) -> Obj:
    return Obj({"condition_groups": Arr(Obj({"conditions": Arr(conditions)}, ("conditions",)))},
               ("condition_groups",), nullable)


SEGMENT_DEFINITION = condition_groups(conditions_union(flows=False))
FLOW_PROFILE_FILTER = condition_groups(conditions_union(flows=True, not_in_flow=True), nullable=True)
FLOW_STEP_FILTER = condition_groups(conditions_union(flows=True), nullable=True)
