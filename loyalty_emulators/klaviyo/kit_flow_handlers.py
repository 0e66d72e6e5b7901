"""Flows endpoints of the Klaviyo sandbox: create (as a draft), read, list, change status, list actions.

Flows are stored, never run: the sandbox checks and keeps what the kit creates so it can be read
back, found by name and shown, but it sends no email.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loyalty_emulators.base.http import HttpRequest, HttpResponse
from loyalty_emulators.klaviyo import kit_render, render
from loyalty_emulators.klaviyo.common import ApiError, short_id, utcnow
from loyalty_emulators.klaviyo.handlers import _csv
from loyalty_emulators.klaviyo.kit_base import name_ok, read_resource
from loyalty_emulators.klaviyo.kit_flows import (
    FLOW_DEFINITION,
    FLOW_STATUSES,
    plan_flow,
)
from loyalty_emulators.klaviyo.kit_handlers import SegmentTemplateHandlers
from loyalty_emulators.klaviyo.kit_query import (
    FLOW_ACTION_FILTERS,
    FLOW_FILTERS,
    parse,
    predicate,
)
from loyalty_emulators.klaviyo.kit_shapes import Obj, Str
from loyalty_emulators.klaviyo.kit_state import SandboxFlow, SandboxFlowAction
from loyalty_emulators.klaviyo.query import page_size

_ID = r"(?P<id>[^/]+)"
#: Routes of the kit's endpoints (path pattern, method -> operationId), appended to klaviyo.ROUTES.
KIT_ROUTES: tuple[tuple[str, dict[str, str]], ...] = (
    ("/api/segments", {"GET": "get_segments", "POST": "create_segment"}),
    (f"/api/segments/{_ID}", {"GET": "get_segment", "PATCH": "update_segment"}),
    (f"/api/segments/{_ID}/profiles", {"GET": "get_profiles_for_segment"}),
    ("/api/templates", {"GET": "get_templates", "POST": "create_template"}),
    (f"/api/templates/{_ID}", {"GET": "get_template", "PATCH": "update_template"}),
    ("/api/flows", {"GET": "get_flows", "POST": "create_flow"}),
    (f"/api/flows/{_ID}", {"GET": "get_flow", "PATCH": "update_flow"}),
    (f"/api/flows/{_ID}/flow-actions", {"GET": "get_actions_for_flow"}),
)
_FLOW_CREATE = Obj({"name": Str(), "definition": FLOW_DEFINITION}, ("name", "definition"))
_FLOW_UPDATE = Obj({"status": Str()}, ("status",))
_FLOW_SORTS: dict[str, Callable[[Any], Any]] = {
    "created": lambda f: f.created, "id": lambda f: f.id, "name": lambda f: f.name, "status": lambda f: f.status,
    "trigger_type": lambda f: f.trigger_type, "updated": lambda f: f.updated}
_ACTION_SORTS: dict[str, Callable[[Any], Any]] = {
    "action_type": lambda a: a.type, "created": lambda a: a.created, "id": lambda a: a.id,
    "status": lambda a: a.status, "updated": lambda a: a.updated}


class KitHandlers(SegmentTemplateHandlers):
    """Every kit endpoint (segments, templates, flows); the mixin KlaviyoSandbox inherits."""

    def _flow(self, fid: str) -> SandboxFlow:
        f = self.kit.flows.get(fid)
        if f is None:
            raise ApiError(404, "not_found", f"A flow with id {fid} does not exist.")
        return f

    def _included_actions(self, req: HttpRequest, flows: list[SandboxFlow]) -> list[dict[str, Any]]:
        fields = render.sparse(req.query, "flow-action")
        return [kit_render.flow_action(self.kit.actions[a], self._base, fields) for f in flows for a in f.action_ids]

    def h_create_flow(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        _csv(req.query, "additional-fields[flow]", ("definition",))
        attrs = read_resource(body, "flow", _FLOW_CREATE)["attributes"]
        name_ok(attrs["name"], "/data/attributes/name")
        with self.state.lock:
            kit = self.kit
            plan = plan_flow(attrs["definition"], "/data/attributes/definition", self.state, set(kit.templates),
                             kit.new_action_id, short_id)
            now = utcnow()
            flow = SandboxFlow(self._new_id(kit.flows), attrs["name"], "draft", plan.trigger_type, plan.definition,
                               [a["id"] for a in plan.actions], now, now)
            kit.flows[flow.id] = flow
            for a in plan.actions:
                status = a["data"]["status"] if a["type"] == "send-email" else "draft"
                kit.actions[a["id"]] = SandboxFlowAction(a["id"], flow.id, a["type"], a, status, now, now)
            data = kit_render.flow(flow, self._base, render.sparse(req.query, "flow"), definition=True,
                                   action_data=True)
        return self._doc(201, {"data": data, "links": {"self": data["links"]["self"]}})

    def h_update_flow(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        status = read_resource(body, "flow", _FLOW_UPDATE, url_id=params["id"])["attributes"]["status"]
        if status not in FLOW_STATUSES:
            raise ApiError(400, "invalid", f"Invalid status '{status}': use one of {', '.join(FLOW_STATUSES)}.",
                           pointer="/data/attributes/status")
        with self.state.lock:
            flow = self._flow(params["id"])
            if flow.status != status:
                now = utcnow()
                flow.status, flow.updated = status, now
                for aid in flow.action_ids:  # "the status of a flow ... and all actions in that flow"
                    action = self.kit.actions[aid]
                    action.status, action.updated = status, now
                    if action.type == "send-email":
                        action.definition["data"]["status"] = status
            data = kit_render.flow(flow, self._base, render.sparse(req.query, "flow"))
        return self._doc(200, {"data": data, "links": {"self": data["links"]["self"]}})

    def h_get_flow(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("flow-actions", "tags"))
        extra = _csv(req.query, "additional-fields[flow]", ("definition",))
        with self.state.lock:
            flow = self._flow(params["id"])
            data = kit_render.flow(flow, self._base, render.sparse(req.query, "flow"), definition=bool(extra),
                                   action_data="flow-actions" in include)
            doc: dict[str, Any] = {"data": data, "links": {"self": data["links"]["self"]}}
            if include:
                doc["included"] = self._included_actions(req, [flow]) if "flow-actions" in include else []
        return self._doc(200, doc)

    def h_get_flows(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("flow-actions", "tags"))
        with self.state.lock:
            doc = self._listing(req, self.kit.flows.values(), FLOW_FILTERS, _FLOW_SORTS, 50, "flow",
                                lambda f, fields: kit_render.flow(f, self._base, fields,
                                                                  action_data="flow-actions" in include))
            if include:
                page = [self.kit.flows[d["id"]] for d in doc["data"]]
                doc["included"] = self._included_actions(req, page) if "flow-actions" in include else []
        return self._doc(200, doc)

    def h_get_actions_for_flow(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        match = predicate(parse(req.query_one("filter"), FLOW_ACTION_FILTERS),
                          lambda a, k: a.type if k == "action_type" else getattr(a, k))
        size = page_size(req.query, 50, 50)
        fields = render.sparse(req.query, "flow-action")
        with self.state.lock:
            flow = self._flow(params["id"])
            items = [a for a in (self.kit.actions[i] for i in flow.action_ids) if match(a)]
            doc = self._page(req, items, _ACTION_SORTS, "id", size,
                             lambda a: kit_render.flow_action(a, self._base, fields))
        return self._doc(200, doc)
