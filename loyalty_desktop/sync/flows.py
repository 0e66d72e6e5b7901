"""Recommended loyalty email flows, rendered with the platform's variable syntax for the fields the
user actually mapped (no Qt; the wizard's last page and the docs show them)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from loyalty_desktop.core import platforms
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.paths import resources_dir
from loyalty_desktop.core.platforms import VariableSyntax
from loyalty_desktop.destinations.splio.moments import FIELD_FALLBACKS, FLOW_MOMENTS, FLOW_VALUES, MOMENT_BY_KEY

_FIELD = re.compile(r"\[\[(\w+)\]\]")
_EVENT = re.compile(r"\{\{\s*event\.([\w.]+)[^}]*\}\}")


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    name: str
    trigger: str
    subject: str
    body: str


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


def recommended_flows(platform: str, mapping: Mapping, language: str = "en",
                      tr: Callable[[str], str] = _same) -> list[Flow]:
    """The flows in `language` ("en"/"fr") for `platform` (a core.platforms id); `tr` translates the
    trigger wording for the UI. A platform that takes events triggers them on a metric; one that does
    not, on an audience filter recalculated daily."""
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
        out.append(Flow(f["id"], text["name"], trigger, render(text["subject"]), render(text["body"])))
    return out
