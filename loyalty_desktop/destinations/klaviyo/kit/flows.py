"""The kit's email templates and draft flows (one per event metric the sync sends), as Klaviyo
create payloads.

A flow is triggered by its metric and sends that metric's templates in order of their delay: a
time-delay action before each template that waits longer than the previous one, then a send-email
action with the template and its subject. Flows are drafts: nothing is sent until the merchant
reviews them and turns them live in Klaviyo.

Points Expiring: the sync sends one "Points Expiring" event 30 days before expiry and another 7
days before (`days_before` = 30 or 7), so the recommended "30-day warning then 7-day last chance"
is two flows on the same metric, each with a trigger filter on `days_before` (MetricTrigger's
`trigger_filter`, a metric-property condition). A single flow with a 23-day delay would be wrong:
the member may have spent the points in between, and the 7-day event already says they did not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol

from loyalty_desktop.core.events import POINTS_EXPIRY_WARNINGS, Metric
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.klaviyo.kit.model import (
    NAME_PREFIX,
    ItemKind,
    KitItem,
    Resolved,
)
from loyalty_desktop.sync.flows import source_kind, source_metrics
from loyalty_desktop.sync.segments import ENROLLED

# Who receives each metric's emails. "Referral Started" goes to the invited friend, who is not a
# member yet; every other metric is about a member, and only enrolled members get loyalty emails.
_TO_FRIEND = {Metric.REFERRAL_STARTED.value}
_DAYS_SUFFIX = re.compile(r"_(\d+)$")


class Rendered(Protocol):
    """A rendered template, as far as the kit uses it (read-only: renderings are frozen)."""

    @property
    def name(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def html(self) -> str: ...
    @property
    def text(self) -> str: ...


class TemplateSpecLike(Protocol):
    """kit/templates.py's TemplateSpec, as far as the kit uses it (read-only: specs are frozen)."""

    @property
    def id(self) -> str: ...
    @property
    def metric(self) -> Any: ...  # metric name (str, or an events.Metric)
    @property
    def delay_days(self) -> int: ...

    def render(self, language: str, mapping: Mapping) -> Rendered: ...


def metric_name(spec: TemplateSpecLike) -> str:
    return str(getattr(spec.metric, "value", spec.metric))


def days_before(spec: TemplateSpecLike) -> int | None:
    """The Points Expiring warning a template is for (30 or 7), from the spec or its id."""
    if metric_name(spec) != Metric.POINTS_EXPIRING.value:
        return None
    explicit = getattr(spec, "days_before", None)
    if isinstance(explicit, int):
        return explicit
    m = _DAYS_SUFFIX.search(spec.id)
    return int(m.group(1)) if m and int(m.group(1)) in POINTS_EXPIRY_WARNINGS else None


def template_key(spec_id: str, language: str) -> str:
    return f"template:{spec_id}:{language}"


def template_items(specs: Sequence[TemplateSpecLike], mapping: Mapping,
                   languages: Sequence[str]) -> tuple[list[KitItem], dict[str, Rendered]]:
    """One CODE template per spec and language; also returns the renderings by item key (flows use
    their subjects)."""
    items: list[KitItem] = []
    rendered: dict[str, Rendered] = {}
    for spec in specs:
        for lang in languages:
            r = spec.render(lang, mapping)
            key = template_key(spec.id, lang)
            rendered[key] = r

            def build(_: Resolved, r: Rendered = r) -> dict[str, Any]:
                return {"name": r.name, "editor_type": "CODE", "html": r.html, "text": r.text}

            items.append(KitItem(key, ItemKind.TEMPLATE, r.name, build, language=lang,
                                 description=f"Email sent on {metric_name(spec)}: {r.subject}"))
    return items, rendered


@dataclass(frozen=True, slots=True)
class FlowPlan:
    metric: str
    days_before: int | None
    specs: tuple[TemplateSpecLike, ...]  # by delay

    @property
    def to_members(self) -> bool:
        """Whether the emails go to members (the templates say so; else the metric does)."""
        default = "friend" if self.metric in _TO_FRIEND else "member"
        return all(getattr(s, "audience", default) == "member" for s in self.specs)

    @property
    def slug(self) -> str:
        base = "-".join(self.metric.lower().split())
        return base + (f"-{self.days_before}d" if self.days_before is not None else "")

    def name(self, language: str) -> str:
        """The flow's name in Klaviyo (its identity there), in its emails' language."""
        if language == "fr":
            window = f" {self.days_before} jours" if self.days_before is not None else ""
            return f"{NAME_PREFIX}{_METRICS_FR.get(self.metric, self.metric)}{window} (FR)"
        window = f" {self.days_before} days" if self.days_before is not None else ""
        return f"{NAME_PREFIX}{self.metric}{window} ({language.upper()})"


# The metrics in French words, for the French flows' names (the metrics themselves keep their names).
_METRICS_FR = {
    "Points Earned": "Points gagnés", "Points Redeemed": "Points échangés", "VIP Tier Achieved": "Palier atteint",
    "Referral Started": "Parrainage lancé", "Referral Completed": "Parrainage réussi",
    "Points Expiring": "Points qui expirent", "Reward Expiring": "Récompense qui expire",
    "Birthday Reward Issued": "Récompense d'anniversaire",
}


def flow_plans(specs: Sequence[TemplateSpecLike]) -> list[FlowPlan]:
    """Flows for the metrics the sync sends that have templates, in the order of events.Metric."""
    groups: dict[tuple[str, int | None], list[TemplateSpecLike]] = {}
    for spec in specs:
        groups.setdefault((metric_name(spec), days_before(spec)), []).append(spec)
    order = [m.value for m in Metric]
    keys = sorted((k for k in groups if k[0] in order), key=lambda k: (order.index(k[0]), -(k[1] or 0)))
    return [FlowPlan(m, d, tuple(sorted(groups[(m, d)], key=lambda s: s.delay_days))) for m, d in keys]


def _membership_filter(mapping: Mapping) -> dict[str, Any] | None:
    state = next((f.target for f in mapping.enabled if f.source == "membership_state"), None)
    if state is None or "'" in state:
        return None
    return {"condition_groups": [{"conditions": [{
        "type": "profile-property", "property": f"properties['{state}']",
        "filter": {"type": "string", "operator": "equals", "value": ENROLLED}}]}]}


def flow_definition(plan: FlowPlan, language: str, mapping: Mapping, rendered: dict[str, Rendered],
                    r: Resolved) -> dict[str, Any]:
    metric_id = r.metric_ids[plan.metric]
    trigger: dict[str, Any] = {"type": "metric", "id": metric_id}
    if plan.days_before is not None:
        # A float, like segment filters: an integer matches the spec's oneOf [integer, number] twice.
        trigger["trigger_filter"] = {"condition_groups": [{"conditions": [{
            "type": "metric-property", "metric_id": metric_id, "field": "days_before",
            "filter": {"type": "numeric", "operator": "equals", "value": float(plan.days_before)}}]}]}
    actions: list[dict[str, Any]] = []
    waited = 0
    for spec in plan.specs:
        if spec.delay_days > waited:
            actions.append({"temporary_id": f"action-{len(actions) + 1}", "type": "time-delay",
                            "data": {"unit": "days", "value": spec.delay_days - waited}})
            waited = spec.delay_days
        key = template_key(spec.id, language)
        t = rendered[key]
        actions.append({"temporary_id": f"action-{len(actions) + 1}", "type": "send-email", "data": {
            "message": {"name": t.name, "subject_line": t.subject, "template_id": r.item_ids[key]},
            "status": "draft"}})
    for a, nxt in pairwise(actions):
        a["links"] = {"next": nxt["temporary_id"]}
    definition: dict[str, Any] = {"triggers": [trigger], "actions": actions,
                                  "entry_action_id": actions[0]["temporary_id"]}
    members_only = _membership_filter(mapping) if plan.to_members else None
    if members_only:
        definition["profile_filter"] = members_only
    return definition


def flow_items(specs: Sequence[TemplateSpecLike], mapping: Mapping, languages: Sequence[str],
               rendered: dict[str, Rendered], source: str = "") -> list[KitItem]:
    """The draft flows; `source` (the store's source name, "" unknown): a flow on a moment it never
    produces is skipped, saying so (sync/flows.py source_metrics)."""
    produced = {m.value for m in source_metrics(source)}
    items = []
    for plan in flow_plans(specs):
        lacks = plan.metric not in produced
        why = (f"the source ({source_kind(source)}) never sends {plan.metric} moments: this flow would never start"
               if lacks else "")
        code = ("source_lacks", (("source", source_kind(source)), ("metric", plan.metric))) if lacks else ("", ())
        for lang in languages:
            name = plan.name(lang)

            def build(r: Resolved, plan: FlowPlan = plan, lang: str = lang, name: str = name) -> dict[str, Any]:
                return {"name": name, "definition": flow_definition(plan, lang, mapping, rendered, r)}

            deps = tuple(template_key(s.id, lang) for s in plan.specs)
            steps = ", then ".join((f"after {s.delay_days} days " if s.delay_days else "")
                                   + rendered[template_key(s.id, lang)].name for s in plan.specs)
            items.append(KitItem(f"flow:{plan.slug}:{lang}", ItemKind.FLOW, name, build, language=lang,
                                 metrics=(plan.metric,), depends_on=deps, skip_reason=why, skip_code=code,
                                 description=f"Draft flow on {plan.metric}: {steps}"))
    return items
