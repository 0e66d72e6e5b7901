"""JSON:API resource objects for segments, templates, flows and flow actions (2026-07-15 shapes)."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.klaviyo import render
from loyalty_emulators.klaviyo.common import iso
from loyalty_emulators.klaviyo.kit_state import (
    SandboxFlow,
    SandboxFlowAction,
    SandboxSegment,
    SandboxTemplate,
)
from loyalty_emulators.klaviyo.state import SandboxProfile

# Attributes the response schemas require: kept even when a sparse fieldset leaves them out.
_SEGMENT_REQUIRED = ("is_active", "is_processing", "is_starred")
_TEMPLATE_REQUIRED = ("name", "editor_type", "html")


def _rel(base: str, owner: str, oid: str, name: str) -> dict[str, str]:
    return {"self": f"{base}/api/{owner}/{oid}/relationships/{name}/", "related": f"{base}/api/{owner}/{oid}/{name}/"}


def _sparse(attrs: dict[str, Any], fields: set[str] | None, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    if fields is None:
        return attrs
    return {k: v for k, v in attrs.items() if k in fields or k in keep}


def segment(s: SandboxSegment, base: str, fields: set[str] | None = None,
            profile_count: int | None = None) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "name": s.name, "definition": copy.deepcopy(s.definition), "created": iso(s.created),
        "updated": iso(s.updated), "is_active": s.is_active, "is_processing": emclock.monotonic() < s.processing_until,
        "is_starred": s.is_starred}
    if profile_count is not None:
        attrs["profile_count"] = profile_count
    return {"type": "segment", "id": s.id, "attributes": _sparse(attrs, fields, _SEGMENT_REQUIRED),
            "relationships": {name: {"links": _rel(base, "segments", s.id, name)}
                              for name in ("profiles", "tags", "flow-triggers")},
            "links": {"self": f"{base}/api/segments/{s.id}/"}}


def member(p: SandboxProfile, joined: datetime, base: str, fields: set[str] | None,
           additional: set[str]) -> dict[str, Any]:
    out = render.profile(p, base, fields, additional)
    out["attributes"]["joined_group_at"] = iso(joined)
    return out


def template(t: SandboxTemplate, base: str, fields: set[str] | None = None) -> dict[str, Any]:
    attrs = {"name": t.name, "editor_type": t.editor_type, "html": t.html, "text": t.text, "amp": t.amp,
             "created": iso(t.created), "updated": iso(t.updated)}
    return {"type": "template", "id": t.id, "attributes": _sparse(attrs, fields, _TEMPLATE_REQUIRED),
            "links": {"self": f"{base}/api/templates/{t.id}/"}}


def flow(f: SandboxFlow, base: str, fields: set[str] | None = None, *, definition: bool = False,
         action_data: bool = False) -> dict[str, Any]:
    attrs: dict[str, Any] = {"name": f.name, "status": f.status, "archived": f.archived, "created": iso(f.created),
                             "updated": iso(f.updated), "trigger_type": f.trigger_type}
    if definition:
        attrs["definition"] = copy.deepcopy(f.definition)
    actions: dict[str, Any] = {"links": _rel(base, "flows", f.id, "flow-actions")}
    if action_data:
        actions["data"] = [{"type": "flow-action", "id": a} for a in f.action_ids]
    return {"type": "flow", "id": f.id, "attributes": _sparse(attrs, fields),
            "relationships": {"flow-actions": actions, "tags": {"links": _rel(base, "flows", f.id, "tags")}},
            "links": {"self": f"{base}/api/flows/{f.id}/"}}


def flow_action(a: SandboxFlowAction, base: str, fields: set[str] | None = None) -> dict[str, Any]:
    attrs = {"created": iso(a.created), "updated": iso(a.updated), "definition": copy.deepcopy(a.definition)}
    return {"type": "flow-action", "id": a.id, "attributes": _sparse(attrs, fields),
            "relationships": {
                "flow": {"data": {"type": "flow", "id": a.flow_id}, "links": _rel(base, "flow-actions", a.id, "flow")},
                "flow-messages": {"links": _rel(base, "flow-actions", a.id, "flow-messages")}},
            "links": {"self": f"{base}/api/flow-actions/{a.id}/"}}
