"""Flow definitions for ``POST /api/flows`` (revision 2026-07-15): shape, account checks, stored form.

The sandbox models flows as Klaviyo's create_flow documents them: one trigger, a list of actions
linked by ids, ``temporary_id`` on every new action (``id`` is "not allowed on create"), and an
``entry_action_id``. It supports metric and list triggers and the time-delay, send-email and
conditional-split actions; any other trigger or action type the spec lists gets a 400 naming it.
Beyond the shapes it checks what Klaviyo can only check against the account: the trigger's metric
(or list) exists, every template an email uses exists, links point at actions of this flow, the
graph has no cycle and every action is reachable from the entry action.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from loyalty_emulators.klaviyo.common import ApiError
from loyalty_emulators.klaviyo.kit_segments import compile_definition
from loyalty_emulators.klaviyo.kit_shapes import (
    FLOW_PROFILE_FILTER,
    FLOW_STEP_FILTER,
    METRIC_PROPERTY_FILTER,
    Arr,
    Bool,
    Int,
    Obj,
    Str,
    Tagged,
    Unsupported,
    condition_groups,
    err,
)
from loyalty_emulators.klaviyo.state import SandboxState

WEEKDAYS = ("friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday")
FLOW_STATUSES = ("draft", "manual", "live")  # update_flow's documented values
TRIGGER_TYPES = {"metric": "Metric", "list": "Added to List"}  # FlowResponseObjectResource.trigger_type

_LINK = Obj({"next": Str(nullable=True)})
_BRANCH_LINKS = Obj({"next_if_true": Str(nullable=True), "next_if_false": Str(nullable=True)},
                    ("next_if_true", "next_if_false"))
_BASE = {"id": Str(nullable=True), "temporary_id": Str(nullable=True), "type": Str()}
_TIME_DELAY = Obj({"unit": Str(("days", "hours", "minutes")), "value": Int(), "secondary_value": Int(nullable=True),
                   "timezone": Str(fmt="timezone"), "delay_until_time": Str(nullable=True, fmt="time"),
                   "delay_until_weekdays": Arr(Str(WEEKDAYS), nullable=True)}, ("value",))
_NULLABLE_STR = Str(nullable=True)
FLOW_EMAIL = Obj({
    **dict.fromkeys(("from_email", "from_label", "reply_to_email", "cc_email", "bcc_email", "subject_line",
                     "preview_text", "template_id", "name", "id"), _NULLABLE_STR),
    "smart_sending_enabled": Bool(), "transactional": Bool(), "add_tracking_params": Bool(),
    "custom_tracking_params": Arr(Obj({"param": Str(), "value": Str()}, ("param", "value")), nullable=True),
    "additional_filters": FLOW_STEP_FILTER})
_SEND_EMAIL = Obj({"message": FLOW_EMAIL, "status": Str(("disabled", "draft", "live", "manual"))})

ACTION = Tagged("type", {
    "time-delay": Obj({**_BASE, "links": _LINK, "data": _TIME_DELAY}, ("type", "data")),
    "send-email": Obj({**_BASE, "links": _LINK, "data": _SEND_EMAIL}, ("type",)),
    "conditional-split": Obj({**_BASE, "links": _BRANCH_LINKS,
                              "data": Obj({"profile_filter": FLOW_STEP_FILTER}, ("profile_filter",))}, ("type",)),
    **{t: Unsupported(f"'{t}' actions") for t in (
        "action-output-split", "back-in-stock-delay", "content-experiment", "send-mobile-push", "send-sms",
        "send-webhook", "send-internal-alert", "send-whatsapp", "trigger-split", "update-profile", "target-date",
        "countdown-delay", "ab-test", "internal-service", "code", "multi-branch-split", "list-update")},
}, "an action")

METRIC_PROPERTY_CONDITION = Obj({"type": Str(("metric-property",)), "metric_id": Str(), "field": Str(),
                                 "filter": METRIC_PROPERTY_FILTER}, ("type", "metric_id", "field", "filter"))
TRIGGER = Tagged("type", {
    "metric": Obj({"type": Str(), "id": Str(nullable=True),
                   "trigger_filter": condition_groups(METRIC_PROPERTY_CONDITION, nullable=True)}, ("type",)),
    "list": Obj({"type": Str(), "id": Str(nullable=True)}, ("type",)),
    "segment": Unsupported("segment triggers"), "date": Unsupported("date-property triggers"),
    "price-drop": Unsupported("price-drop triggers"), "low-inventory": Unsupported("low-inventory triggers"),
}, "a trigger")

FLOW_DEFINITION = Obj({
    "triggers": Arr(TRIGGER), "profile_filter": FLOW_PROFILE_FILTER, "actions": Arr(ACTION),
    "entry_action_id": Str(nullable=True),
    "reentry_criteria": Obj({"duration": Int(), "unit": Str(("day", "hour", "week", "alltime"))},
                            ("duration", "unit"))},
    ("triggers", "actions", "entry_action_id"))

_BRANCH_KEYS = ("next_if_true", "next_if_false")


@dataclass
class PlannedFlow:
    """A checked definition with real ids: what the flow and its actions will store."""

    definition: dict[str, Any]  # as rendered (ids, links and entry_action_id rewritten)
    actions: list[dict[str, Any]]  # the action objects of ``definition``, in order
    trigger_type: str


class _Problems:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, detail: str, pointer: str) -> None:
        self.items.append(err(detail, pointer))


def _check_triggers(triggers: list[dict[str, Any]], ptr: str, state: SandboxState, bad: _Problems) -> None:
    if len(triggers) != 1:
        bad.add("A flow needs exactly one trigger (only one trigger is supported).", ptr)
        return
    t, tptr = triggers[0], f"{ptr}/0"
    tid = t.get("id")
    if not tid:
        bad.add(f"A {t['type']} trigger needs the id of its {t['type']}.", f"{tptr}/id")
    elif t["type"] == "metric" and tid not in state.metrics:
        bad.add(f"Metric {tid!r} does not exist in this account: a metric appears once an event with "
                "that name has been recorded.", f"{tptr}/id")
    elif t["type"] == "list" and tid not in state.lists:
        bad.add(f"List {tid!r} does not exist in this account.", f"{tptr}/id")
    for gi, g in enumerate((t.get("trigger_filter") or {}).get("condition_groups", [])):
        for ci, c in enumerate(g["conditions"]):
            if tid and c["metric_id"] != tid:
                bad.add("A trigger filter condition must be on the trigger's metric.",
                        f"{tptr}/trigger_filter/condition_groups/{gi}/conditions/{ci}/metric_id")


def _check_filter(flt: dict[str, Any] | None, ptr: str, state: SandboxState, bad: _Problems) -> None:
    if flt is not None:
        try:
            compile_definition(flt, ptr, state, require_conditions=False)
        except ApiError as exc:
            bad.items.extend(exc.errors)


def _check_graph(actions: list[dict[str, Any]], entry: str | None, ptr: str, bad: _Problems) -> None:
    temp: dict[str, int] = {}
    for i, a in enumerate(actions):
        aptr = f"{ptr}/actions/{i}"
        if a.get("id") is not None:
            bad.add("'id' is not allowed on create; give new actions a 'temporary_id'.", f"{aptr}/id")
        tid = a.get("temporary_id")
        if not tid:
            bad.add("Every new action needs a 'temporary_id' (links and entry_action_id refer to it).",
                    f"{aptr}/temporary_id")
        elif tid in temp:
            bad.add(f"temporary_id {tid!r} is used by more than one action.", f"{aptr}/temporary_id")
        else:
            temp[tid] = i
    edges: dict[int, list[int]] = {}
    for i, a in enumerate(actions):
        for key in _BRANCH_KEYS if a["type"] == "conditional-split" else ("next",):
            target = (a.get("links") or {}).get(key)
            if target is None:
                continue
            if target not in temp:
                bad.add(f"links.{key} refers to {target!r}, which is not the temporary_id of an action in this "
                        "flow.", f"{ptr}/actions/{i}/links/{key}")
            else:
                edges.setdefault(i, []).append(temp[target])
    if not actions:
        if entry is not None:
            bad.add("entry_action_id must be null when the flow has no actions.", f"{ptr}/entry_action_id")
        return
    if entry not in temp:
        bad.add("entry_action_id must be the temporary_id of one of the actions.", f"{ptr}/entry_action_id")
        return
    if bad.items:
        return
    state = dict.fromkeys(range(len(actions)), 0)  # 0 unseen, 1 on the path, 2 done

    def visit(i: int) -> bool:
        state[i] = 1
        for j in edges.get(i, ()):
            if state[j] == 1 or (state[j] == 0 and not visit(j)):
                return False
        state[i] = 2
        return True
    if not visit(temp[entry]):
        bad.add("The actions' links form a cycle.", f"{ptr}/actions")
        return
    for i, s in state.items():
        if s == 0:
            bad.add("This action cannot be reached from entry_action_id.", f"{ptr}/actions/{i}")


def _render_action(a: dict[str, Any], new_id: str, ids: dict[str, str], message_id: Callable[[], str]
                   ) -> dict[str, Any]:
    links = a.get("links") or {}
    out: dict[str, Any] = {"id": new_id, "type": a["type"]}
    data = copy.deepcopy(a.get("data") or {})
    if a["type"] == "conditional-split":
        out["links"] = {k: ids.get(links.get(k) or "") for k in _BRANCH_KEYS}
    else:
        out["links"] = {"next": ids.get(links.get("next") or "")}
    if a["type"] == "time-delay":
        data = {"unit": "days", "secondary_value": None, "timezone": "profile", "delay_until_time": None,
                "delay_until_weekdays": None, **data}
    elif a["type"] == "send-email":
        msg = {"from_email": None, "from_label": None, "reply_to_email": None, "cc_email": None, "bcc_email": None,
               "subject_line": None, "preview_text": None, "template_id": None, "smart_sending_enabled": True,
               "transactional": False, "add_tracking_params": False, "custom_tracking_params": None,
               "additional_filters": None, "name": None, **data.get("message", {}), "id": message_id()}
        data = {"message": msg, "status": data.get("status", "draft")}
    out["data"] = data
    return out


def plan_flow(defn: dict[str, Any], ptr: str, state: SandboxState, template_ids: set[str],
              new_action_id: Callable[[], str], message_id: Callable[[], str]) -> PlannedFlow:
    """Check a shape-valid definition against the account; raises ``ApiError`` (400) listing every problem."""
    bad = _Problems()
    _check_triggers(defn["triggers"], f"{ptr}/triggers", state, bad)
    _check_filter(defn.get("profile_filter"), f"{ptr}/profile_filter", state, bad)
    actions = defn["actions"]
    for i, a in enumerate(actions):
        aptr, data = f"{ptr}/actions/{i}/data", a.get("data") or {}
        if a["type"] == "time-delay" and data["value"] < 0:
            bad.add("A time delay cannot be negative.", f"{aptr}/value")
        if a["type"] == "send-email":
            msg = data.get("message") or {}
            tpl = msg.get("template_id")
            if tpl is not None and tpl not in template_ids:
                bad.add(f"Template {tpl!r} does not exist in this account.", f"{aptr}/message/template_id")
            if msg.get("id") is not None:
                bad.add("'id' is not allowed on create.", f"{aptr}/message/id")
            _check_filter(msg.get("additional_filters"), f"{aptr}/message/additional_filters", state, bad)
        if a["type"] == "conditional-split":
            _check_filter(data.get("profile_filter"), f"{aptr}/profile_filter", state, bad)
    _check_graph(actions, defn["entry_action_id"], ptr, bad)
    if bad.items:
        raise ApiError.many(400, bad.items)
    ids = {a["temporary_id"]: new_action_id() for a in actions}
    rendered = [_render_action(a, ids[a["temporary_id"]], ids, message_id) for a in actions]
    out: dict[str, Any] = {"triggers": copy.deepcopy(defn["triggers"]),
                           "profile_filter": copy.deepcopy(defn.get("profile_filter")),
                           "actions": rendered, "entry_action_id": ids.get(defn["entry_action_id"])}
    if defn.get("reentry_criteria") is not None:
        out["reentry_criteria"] = dict(defn["reentry_criteria"])
    return PlannedFlow(out, rendered, TRIGGER_TYPES[defn["triggers"][0]["type"]])
