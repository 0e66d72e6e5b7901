"""The app's loyalty segments (segments.py) as Klaviyo segment definitions.

The kit creates exactly the definitions the app previews (`segments.segment_report`), so Klaviyo's
member counts can be checked against the app's own. Each catalog field is addressed through the
merchant's field mapping (`properties['Smile Points Balance']`…); "event:<metric>" conditions become
profile-metric conditions on that metric. Klaviyo ANDs condition groups and ORs the conditions in a
group, and the translation keeps segments.py's semantics where a value is missing: numeric tests
there read a missing value as 0, so a test that 0 passes also accepts "not set".
"""

from __future__ import annotations

from collections.abc import Mapping as TMapping
from typing import Any

from loyalty_desktop.core.fields import KLAVIYO_ATTRIBUTES, Mapping
from loyalty_desktop.destinations.klaviyo.kit.model import (
    NAME_PREFIX,
    ItemKind,
    KitItem,
    Resolved,
)
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync import segments as app_segments
from loyalty_desktop.sync.segments import Condition, Group, Op, Segment

# The list: one per tier, reward-ready, points expiring within 30 days, never referred,
# inactive 90 days. Points buckets are optional (`points_buckets=True`).
KIT_KEYS = ("reward-ready", f"expiring-{app_segments.EXPIRING_DAYS}d", "never-referred",
            f"inactive-{app_segments.INACTIVE_DAYS}d")

# Stable names (no thresholds in them): a new cheapest reward updates the segment, not a new one.
_NAMES = {
    "reward-ready": "Reward ready",
    f"expiring-{app_segments.EXPIRING_DAYS}d": f"Points expiring within {app_segments.EXPIRING_DAYS} days",
    "never-referred": "Never referred a friend",
    f"inactive-{app_segments.INACTIVE_DAYS}d": f"Inactive for {app_segments.INACTIVE_DAYS} days",
}
# The same in French, in the Segments tab's words (the kit names its segments in the kit's first
# language; "Loyalty · " stays).
_NAMES_FR = {
    "reward-ready": "Récompense possible",
    f"expiring-{app_segments.EXPIRING_DAYS}d": f"Points qui expirent sous {app_segments.EXPIRING_DAYS} jours",
    "never-referred": "N'ont jamais parrainé",
    f"inactive-{app_segments.INACTIVE_DAYS}d": f"Inactifs depuis {app_segments.INACTIVE_DAYS} jours",
}
_DESCRIPTIONS = {
    "reward-ready": "Members with enough points for the cheapest reward ({points}+ points)",
    f"expiring-{app_segments.EXPIRING_DAYS}d": "Members with points expiring in the next {days} days",
    "never-referred": "Members who have not referred a friend yet",
    f"inactive-{app_segments.INACTIVE_DAYS}d": "Members with no loyalty activity for {days} days",
}
_DESCRIPTIONS_FR = {
    "reward-ready": "Membres qui ont assez de points pour la récompense la moins chère ({points} points et +)",
    f"expiring-{app_segments.EXPIRING_DAYS}d": "Membres dont des points expirent dans les {days} prochains jours",
    "never-referred": "Membres qui n'ont encore parrainé personne",
    f"inactive-{app_segments.INACTIVE_DAYS}d": "Membres sans activité de fidélité depuis {days} jours",
}


class Untranslatable(Exception):
    """A condition Klaviyo's segment definitions cannot express as the app means it."""


class MissingMetric(Exception):
    def __init__(self, metric: str) -> None:
        super().__init__(metric)
        self.metric = metric


def kit_segments(store: Store, *, points_buckets: bool = False) -> list[app_segments.SegmentCount]:
    """The app's preview counts of the segments the kit creates, with their definitions."""
    report = app_segments.segment_report(store)  # reward-ready at the cheapest reward's points
    out = []
    for c in report.counts:
        s = c.segment
        if ((s.group is Group.TIERS and s.key != app_segments.NO_TIER_KEY) or s.key in KIT_KEYS
                or (points_buckets and s.group is Group.POINTS)):
            out.append(c)
    return out


def segment_name(s: Segment, language: str = "en") -> str:
    """The segment's name in Klaviyo, in `language` ("en"/"fr"): its identity there."""
    fr = language == "fr"
    colon = "\u00a0:" if fr else ":"
    if s.group is Group.TIERS:
        return f"{NAME_PREFIX}{'Palier' if fr else 'Tier'}{colon} {s.args['tier']}"
    if s.group is Group.POINTS:
        low, high = s.args["low"], s.args["high"]
        span = f"{low}+" if high is None else (f"{low}" if low == high else f"{low}–{high}")
        return f"{NAME_PREFIX}Points{colon} {span}"
    return NAME_PREFIX + (_NAMES_FR if fr else _NAMES).get(s.key, s.name.removeprefix("Loyalty: ").capitalize())


def _description(s: Segment, language: str = "en") -> str:
    fr = language == "fr"
    if s.group is Group.TIERS:
        return f"Membres du palier {s.args['tier']}" if fr else f"Members in the {s.args['tier']} tier"
    if s.group is Group.POINTS:
        return "Membres par solde de points" if fr else "Members by points balance"
    return (_DESCRIPTIONS_FR if fr else _DESCRIPTIONS).get(s.key, s.name).format(**s.args)


# -- translation ----------------------------------------------------------------------------------

def _conditions(s: Segment) -> tuple[Condition, ...]:
    return (*s.all_of, *s.any_of)


def required_metrics(s: Segment) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.field[len("event:"):] for c in _conditions(s) if c.field.startswith("event:")))


def unmapped_fields(s: Segment, mapping: Mapping) -> list[str]:
    sent = {f.source for f in mapping.enabled}
    return list(dict.fromkeys(c.field for c in _conditions(s)
                              if not c.field.startswith("event:") and c.field not in sent))


def _property(field: str, mapping: Mapping) -> str:
    target = next(f.target for f in mapping.enabled if f.source == field)
    if target in KLAVIYO_ATTRIBUTES:
        return target
    if "'" in target or "\\" in target:  # Klaviyo documents no escape inside properties['…']
        raise Untranslatable(f"the Klaviyo property name {target!r} contains a quote or backslash")
    return f"properties['{target}']"


def _numeric(operator: str, value: float) -> dict[str, Any]:
    # Sent as a JSON float: the spec types `value` as oneOf [integer, number], which an integer
    # matches twice (so a strict validator refuses it); Klaviyo reads 500.0 as 500.
    return {"type": "numeric", "operator": operator, "value": float(value)}


def _groups(c: Condition, mapping: Mapping, metric_ids: TMapping[str, str]) -> list[list[dict[str, Any]]]:
    """One app condition as Klaviyo condition groups (ANDed; each a list of ORed conditions)."""
    if c.field.startswith("event:"):
        metric = c.field[len("event:"):]
        if metric not in metric_ids:
            raise MissingMetric(metric)
        if c.op is not Op.HAS_DONE or not isinstance(c.value, int) or c.value < 0:
            raise Untranslatable(f"cannot express {c}")
        measure = _numeric("equals", 0) if c.value == 0 else _numeric("greater-than-or-equal", c.value)
        return [[{"type": "profile-metric", "metric_id": metric_ids[metric], "measurement": "count",
                  "measurement_filter": measure, "timeframe_filter": {"type": "date", "operator": "alltime"}}]]
    prop = _property(c.field, mapping)

    def cond(flt: dict[str, Any]) -> dict[str, Any]:
        return {"type": "profile-property", "property": prop, "filter": flt}

    not_set = cond({"type": "existence", "operator": "not-set"})
    if c.op is Op.EQ:
        if isinstance(c.value, bool) or not isinstance(c.value, (str, int, float)):
            raise Untranslatable(f"cannot express {c}")
        flt = ({"type": "string", "operator": "equals", "value": c.value} if isinstance(c.value, str)
               else _numeric("equals", c.value))
        return [[cond(flt)]]
    if c.op is Op.IS_EMPTY:
        return [[not_set]]  # the sync unsets empty values rather than sending ""
    if c.op is Op.GTE:
        return [[cond(_numeric("greater-than-or-equal", c.value)), *([not_set] if c.value <= 0 else [])]]
    if c.op is Op.BETWEEN:
        low, high = c.value
        zero = [not_set] if low <= 0 <= high else []
        if low == high:
            return [[cond(_numeric("equals", low)), *zero]]
        return [[cond(_numeric("greater-than-or-equal", low)), *zero],
                [cond(_numeric("less-than-or-equal", high)), *zero]]
    if c.op is Op.IN_NEXT_DAYS:
        return [[cond({"type": "date", "operator": "in-the-next", "unit": "day", "quantity": int(c.value)})]]
    if c.op is Op.NOT_IN_LAST_DAYS:
        # The app means "before the day N days ago" (strictly); Klaviyo's "at least N days ago"
        # includes that day. Dates are whole days, so "at least N + 1 days ago" is the app's test.
        return [[cond({"type": "date", "operator": "at-least", "unit": "day", "quantity": int(c.value) + 1}),
                 not_set]]
    raise Untranslatable(f"cannot express {c}")


def definition(s: Segment, mapping: Mapping, metric_ids: TMapping[str, str]) -> dict[str, Any]:
    """Klaviyo's `SegmentDefinition` for the app's segment. Raises MissingMetric or Untranslatable."""
    groups: list[list[dict[str, Any]]] = []
    for c in s.all_of:
        groups.extend(_groups(c, mapping, metric_ids))
    if s.any_of:
        alternatives = [_groups(c, mapping, metric_ids) for c in s.any_of]
        if any(len(g) != 1 for g in alternatives):  # an OR of ANDs has no Klaviyo form
            raise Untranslatable(f"the alternatives of {s.key} need more than one condition each")
        groups.append([cond for g in alternatives for cond in g[0]])
    return {"condition_groups": [{"conditions": g} for g in groups]}


def _skip_reason(s: Segment, mapping: Mapping) -> tuple[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """(plain words, (code, values)) when the segment cannot be made with this mapping."""
    missing = unmapped_fields(s, mapping)
    if missing:
        from loyalty_desktop.core.fields import CATALOG_BY_KEY

        labels = ", ".join(CATALOG_BY_KEY[f].label for f in missing if f in CATALOG_BY_KEY) or ", ".join(missing)
        return (f"the field mapping does not send {labels} to Klaviyo; turn it on in the field mapping, "
                "sync, then run the kit again"), ("field_not_sent", (("field", labels),))
    try:
        definition(s, mapping, dict.fromkeys(required_metrics(s), ""))
    except Untranslatable as exc:
        return f"Klaviyo segments cannot express it: {exc}", ("", ())
    return "", ("", ())


def segment_items(store: Store, mapping: Mapping, *, points_buckets: bool = False,
                  language: str = "en") -> list[KitItem]:
    items = []
    for count in kit_segments(store, points_buckets=points_buckets):
        s = count.segment
        name = segment_name(s, language)

        def build(r: Resolved, s: Segment = s, name: str = name) -> dict[str, Any]:
            return {"name": name, "definition": definition(s, mapping, r.metric_ids)}

        why = _skip_reason(s, mapping)
        # A kit made in the other language (or before segments were named in French) made this
        # segment under that name: found by it, it keeps that name and is never made twice.
        former = tuple(sorted({segment_name(s, lang) for lang in ("en", "fr")} - {name}))
        items.append(KitItem(f"segment:{s.key}", ItemKind.SEGMENT, name, build,
                             metrics=required_metrics(s), skip_reason=why[0], skip_code=why[1],
                             preview_count=count.members, description=_description(s, language),
                             former_names=former))
    return items
