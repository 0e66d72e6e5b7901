"""Recommended loyalty email flows, rendered with the platform's variable syntax for the fields the
user actually mapped (no Qt; the wizard's last page and the docs show them).

A recipe that cannot work as things are says what to turn on (`Flow.note`): a field it shows that
the mapping does not send (e.g. points expiring, which the Splio and Smile.io presets leave out), or,
on a platform triggered by events, a moment the source never produces (Smile.io has no referrals
and no expiring points: `source_metrics`). The Klaviyo kit skips its flows on the same rule."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from loyalty_desktop.core import platforms
from loyalty_desktop.core.events import Metric
from loyalty_desktop.core.fields import CATALOG_BY_KEY, Mapping
from loyalty_desktop.core.paths import resources_dir
from loyalty_desktop.core.platforms import VariableSyntax
from loyalty_desktop.destinations.splio.moments import FIELD_FALLBACKS, FLOW_MOMENTS, FLOW_VALUES, MOMENT_BY_KEY

_FIELD = re.compile(r"\[\[(\w+)\]\]")
_EVENT = re.compile(r"\{\{\s*event\.([\w.]+)[^}]*\}\}")


# Moments a source cannot produce: Smile.io's API has no referral records, and no points expiry
# (sources/smile/mirror_render.py NOT_FROM_SMILE). The demo program and spreadsheets can produce all.
_NOT_PRODUCED: dict[str, frozenset[Metric]] = {
    "smile": frozenset({Metric.REFERRAL_STARTED, Metric.REFERRAL_COMPLETED, Metric.POINTS_EXPIRING}),
}
# Profile fields every platform has, whether the mapping lists them or not.
_STANDARD = frozenset({"first_name", "last_name", "email"})


def source_kind(source: str) -> str:
    """"smile" for "smile:acct" or "smile-sandbox:…", "demo" for "demo:500:42"; "" stays ""."""
    return source.split(":", 1)[0].removesuffix("-sandbox")


def source_metrics(source: str) -> frozenset[Metric]:
    """The moments the source named `source` (a store or target name) can produce; all when unknown."""
    return frozenset(Metric) - _NOT_PRODUCED.get(source_kind(source), frozenset())


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    name: str
    trigger: str
    subject: str
    body: str
    missing_fields: tuple[str, ...] = ()  # catalog keys it shows that the mapping does not send
    source_lacks: str = ""  # the metric it triggers on, when the source never produces it
    note: str = ""  # what to turn on (translated), "" when the recipe works as things are

    @property
    def usable(self) -> bool:
        return not self.missing_fields and not self.source_lacks


def _variable(syntax: VariableSyntax, mapping: Mapping, key: str) -> str:
    target = next((f.target for f in mapping.enabled if f.source == key), None)
    if syntax is VariableSyntax.DJANGO:  # Klaviyo: the profile's standard fields, else its properties
        if key in ("first_name", "last_name", "email"):
            return f"{{{{ person.{key}|default:'' }}}}"
        return f"{{{{ person|lookup:'{target or key}' }}}}"
    # Splio Designer: $field$ for the contact table (custom fields by their name)
    # An unmapped value a moment field carries is read from it (the kit creates those fields).
    name = target or FIELD_FALLBACKS.get(key, key)
    return {"first_name": "$firstname$", "last_name": "$lastname$", "email": "$email$"}.get(key, f"${name}$")


def _moment_value(desc: platforms.Platform, flow: str, path: str) -> str:
    """Splio: the moment field holding an event value in this flow ($field$), else "…"."""
    name = FLOW_VALUES.get((flow, path)) if desc.id == platforms.SPLIO.id else None
    return f"${name}$" if name else "…"


def _same(text: str) -> str:
    return text


def _note(flow: Flow, source: str, tr: Callable[[str], str]) -> str:
    parts = []
    if flow.source_lacks:
        parts.append(tr("The source ({source}) never sends “{metric}” moments: this recipe would never start."
                        ).format(source=source_kind(source), metric=flow.source_lacks))
    elif flow.missing_fields:  # (a source without the moment has none of its fields either)
        labels = ", ".join(f"“{CATALOG_BY_KEY[k].label if k in CATALOG_BY_KEY else k}”" for k in flow.missing_fields)
        parts.append(tr("Turn on {fields} in the field mapping to use this recipe.").format(fields=labels))
    return " ".join(parts)


def recommended_flows(platform: str, mapping: Mapping, language: str = "en",
                      tr: Callable[[str], str] = _same, source: str = "") -> list[Flow]:
    """The flows in `language` ("en"/"fr") for `platform` (a core.platforms id); `tr` translates the
    trigger wording for the UI. A platform that takes events triggers them on a metric; one that does
    not, on an audience filter recalculated daily. `source` (a store or target name, "" unknown):
    recipes on moments it never produces say so in their `note`, as do those showing unsent fields;
    usable recipes come first."""
    desc = platforms.get(platform)
    events = desc.capabilities.events
    data = json.loads((resources_dir() / "flows" / "recommended.json").read_text(encoding="utf-8"))
    lang = language if language in ("en", "fr") else "en"
    out: list[Flow] = []
    for f in data["flows"]:
        text = f[lang]

        def render(s: str, flow: str = f["id"]) -> str:
            s = _FIELD.sub(lambda m: _variable(desc.variables, mapping, m.group(1)), s)
            if not events:
                # No event data (Splio): a moment field where one carries the value, else "…".
                s = _EVENT.sub(lambda m: _moment_value(desc, flow, m.group(1)), s)
            return s

        if events:
            trigger = tr("Triggered by the metric “{metric}”").format(metric=f["klaviyo_metric"])
            if f.get("klaviyo_filter"):
                trigger += tr(", filtered on {condition}").format(condition=f["klaviyo_filter"])
            if f.get("delay_days"):
                trigger += tr(", then wait {days} days").format(days=f["delay_days"])
        elif desc.id == platforms.SPLIO.id and f["id"] in FLOW_MOMENTS:  # moments write a field of their own
            trigger = tr("Trigger campaign on \"Contact update\" of the field {field} (Splio kit)").format(
                field=MOMENT_BY_KEY[FLOW_MOMENTS[f["id"]]].trigger)
        else:
            condition = f["splio_filter"]  # data: its translations are marked in core/known_texts.recipe_filters
            trigger = tr("Audience filter recalculated daily: {condition}").format(condition=tr(condition))
        sent = {f.source for f in mapping.enabled}
        used = sorted({k for k in _FIELD.findall(text["subject"] + text["body"]) if k not in _STANDARD} - sent)
        lacks = ""
        if Metric(f["klaviyo_metric"]) not in source_metrics(source):  # the moment, event or field change
            lacks = f["klaviyo_metric"]
        flow = Flow(f["id"], text["name"], trigger, render(text["subject"]), render(text["body"]),
                    tuple(used), lacks)
        note = _note(flow, source, tr)
        out.append(Flow(flow.id, flow.name, (note + "\n" + trigger) if note else trigger, flow.subject, flow.body,
                        flow.missing_fields, flow.source_lacks, note))
    return sorted(out, key=lambda fl: not fl.usable)  # stable: the file's order within each group
