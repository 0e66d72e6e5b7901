"""Segments and templates endpoints of the Klaviyo sandbox (mixed into KlaviyoSandbox through
:class:`~.klaviyo_kit_flow_handlers.KitHandlers`; state and helpers in :mod:`.klaviyo_kit_base`)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.http import HttpRequest, HttpResponse
from loyalty_emulators.klaviyo import kit_render, render
from loyalty_emulators.klaviyo.common import ApiError, utcnow
from loyalty_emulators.klaviyo.handlers import _csv
from loyalty_emulators.klaviyo.kit_base import KitBase, name_ok, read_resource
from loyalty_emulators.klaviyo.kit_query import (
    MEMBER_FILTERS,
    SEGMENT_FILTERS,
    TEMPLATE_FILTERS,
    parse,
    predicate,
)
from loyalty_emulators.klaviyo.kit_segments import compile_definition
from loyalty_emulators.klaviyo.kit_shapes import SEGMENT_DEFINITION, Bool, Obj, Str
from loyalty_emulators.klaviyo.kit_state import SandboxSegment, SandboxTemplate
from loyalty_emulators.klaviyo.query import page_size

MAX_API_TEMPLATES = 1000  # "a limit of 1,000 templates that can be created via the API"
EDITOR_TYPES = ("CODE", "USER_DRAGGABLE", "SYSTEM_DRAGGABLE")
_SEGMENT_CREATE = Obj({"name": Str(), "definition": SEGMENT_DEFINITION, "is_starred": Bool(nullable=True)},
                      ("name", "definition"))
_SEGMENT_UPDATE = Obj({"definition": SEGMENT_DEFINITION, "name": Str(nullable=True), "is_starred": Bool(nullable=True),
                       "is_active": Bool(nullable=True)})
_TEXTS = {"html": Str(nullable=True), "text": Str(nullable=True), "amp": Str(nullable=True)}
_TEMPLATE_CREATE = Obj({"name": Str(), "editor_type": Str(), **_TEXTS}, ("name", "editor_type"))
_TEMPLATE_UPDATE = Obj({"name": Str(nullable=True), **_TEXTS})
_SEGMENT_SORTS: dict[str, Callable[[Any], Any]] = {
    "created": lambda s: s.created, "id": lambda s: s.id, "name": lambda s: s.name, "updated": lambda s: s.updated}
_TEMPLATE_SORTS = _SEGMENT_SORTS


class SegmentTemplateHandlers(KitBase):
    # ------------------------------------------------------------------ segments

    def _segment(self, sid: str) -> SandboxSegment:
        seg = self.kit.segments.get(sid)
        if seg is None:
            raise ApiError(404, "not_found", f"A segment with id {sid} does not exist.")
        return seg

    def _segment_doc(self, req: HttpRequest, seg: SandboxSegment, count: int | None = None) -> dict[str, Any]:
        data = kit_render.segment(seg, self._base, render.sparse(req.query, "segment"), count)
        return {"data": data, "links": {"self": data["links"]["self"]}}

    def h_create_segment(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        attrs = read_resource(body, "segment", _SEGMENT_CREATE)["attributes"]
        name_ok(attrs["name"], "/data/attributes/name")
        with self.state.lock:
            compiled = compile_definition(attrs["definition"], "/data/attributes/definition", self.state)
            now = utcnow()
            seg = SandboxSegment(self._new_id(self.kit.segments), attrs["name"], copy.deepcopy(attrs["definition"]),
                                 compiled, now, now, is_starred=bool(attrs.get("is_starred")),
                                 processing_until=emclock.monotonic() + self.job_seconds)
            self.kit.segments[seg.id] = seg
            self.kit.refresh_members(seg, self.state)
            doc = self._segment_doc(req, seg)
        return self._doc(201, doc)

    def h_update_segment(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        attrs = read_resource(body, "segment", _SEGMENT_UPDATE, url_id=params["id"])["attributes"]
        given = {k: v for k, v in attrs.items() if k in _SEGMENT_UPDATE.props and v is not None}
        if given.get("is_active") is False and len(given) > 1:
            raise ApiError(400, "invalid", "When deactivating a segment, is_active must be the only attribute "
                           "in the request body.", pointer="/data/attributes/is_active")
        name_ok(given.get("name"), "/data/attributes/name")
        with self.state.lock:
            seg = self._segment(params["id"])
            if "definition" in given:
                seg.compiled = compile_definition(given["definition"], "/data/attributes/definition", self.state)
                seg.definition = copy.deepcopy(given["definition"])
                seg.processing_until = emclock.monotonic() + self.job_seconds
            for k in ("name", "is_starred", "is_active"):
                if k in given:
                    setattr(seg, k, given[k])
            if given:
                seg.updated = utcnow()
                self._members(seg)
            doc = self._segment_doc(req, seg)
        return self._doc(200, doc)

    def h_get_segment(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("flow-triggers", "tags"))
        extra = _csv(req.query, "additional-fields[segment]", ("profile_count",))
        with self.state.lock:
            seg = self._segment(params["id"])
            doc = self._segment_doc(req, seg, len(self._members(seg)) if extra else None)
        if include:
            doc["included"] = []  # the sandbox keeps no tags, and flows it holds are not segment-triggered
        return self._doc(200, doc)

    def h_get_segments(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("flow-triggers", "tags"))
        with self.state.lock:
            doc = self._listing(req, self.kit.segments.values(), SEGMENT_FILTERS, _SEGMENT_SORTS, 10, "segment",
                                lambda s, fields: kit_render.segment(s, self._base, fields))
        if include:
            doc["included"] = []
        return self._doc(200, doc)

    def h_get_profiles_for_segment(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        additional = _csv(req.query, "additional-fields[profile]", ("subscriptions", "predictive_analytics"))
        fields = render.sparse(req.query, "profile")
        fields = None if fields is None else fields | {"joined_group_at"}
        conds = parse(req.query_one("filter"), MEMBER_FILTERS)

        def get(m: tuple, f: str) -> Any:
            p, joined = m
            return {"profile_id": p.id, "email": p.email, "phone_number": p.phone_number, "push_token": None,
                    "_kx": p.kx, "joined_group_at": joined}[f]
        match = predicate(conds, get)
        size = page_size(req.query, 20, 100)
        with self.state.lock:
            seg = self._segment(params["id"])
            items = [m for m in self._members(seg) if match(m)]
            doc = self._page(req, items, {"joined_group_at": lambda m: m[1]}, "joined_group_at", size,
                             lambda m: kit_render.member(m[0], m[1], self._base, fields, additional),
                             ident=lambda m: m[0].id)
        return self._doc(200, doc)

    # ------------------------------------------------------------------ templates

    def _template(self, tid: str) -> SandboxTemplate:
        t = self.kit.templates.get(tid)
        if t is None:
            raise ApiError(404, "not_found", f"A template with id {tid} does not exist.")
        return t

    def _template_doc(self, req: HttpRequest, t: SandboxTemplate) -> dict[str, Any]:
        _csv(req.query, "additional-fields[template]", ("definition",))
        data = kit_render.template(t, self._base, render.sparse(req.query, "template"))
        return {"data": data, "links": {"self": data["links"]["self"]}}

    @staticmethod
    def _no_definition(attrs: dict[str, Any]) -> None:
        if attrs.get("definition") is not None:
            raise ApiError(400, "invalid", "The sandbox does not support drag-and-drop template definitions; "
                           "send the HTML in 'html' (editor_type CODE).", pointer="/data/attributes/definition")

    def h_create_template(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        attrs = read_resource(body, "template", _TEMPLATE_CREATE)["attributes"]
        ap = "/data/attributes"
        name_ok(attrs["name"], f"{ap}/name")
        editor = attrs["editor_type"]
        if editor not in EDITOR_TYPES:
            raise ApiError(400, "invalid", f"Invalid editor_type '{editor}': restricted to CODE, USER_DRAGGABLE, "
                           "or SYSTEM_DRAGGABLE.", pointer=f"{ap}/editor_type")
        if editor == "SYSTEM_DRAGGABLE":
            raise ApiError(400, "invalid", "The sandbox does not support SYSTEM_DRAGGABLE (drag-and-drop) "
                           "templates; use CODE with 'html'.", pointer=f"{ap}/editor_type")
        self._no_definition(attrs)
        if not attrs.get("html"):
            raise ApiError(400, "invalid", f"'html' is required for {editor} templates.", pointer=f"{ap}/html")
        with self.state.lock:
            if len(self.kit.templates) >= MAX_API_TEMPLATES:
                raise ApiError(400, "invalid", f"An account can hold at most {MAX_API_TEMPLATES:,} templates "
                               "created through the API.", pointer="/data")
            now = utcnow()
            t = SandboxTemplate(self._new_id(self.kit.templates), attrs["name"], editor, attrs["html"],
                                attrs.get("text"), attrs.get("amp"), now, now)
            self.kit.templates[t.id] = t
            doc = self._template_doc(req, t)
        return self._doc(201, doc)

    def h_update_template(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        attrs = read_resource(body, "template", _TEMPLATE_UPDATE, url_id=params["id"])["attributes"]
        self._no_definition(attrs)
        name_ok(attrs.get("name"), "/data/attributes/name")
        with self.state.lock:
            t = self._template(params["id"])
            changed = False
            for k in ("name", "html", "text", "amp"):
                if k not in attrs or (attrs[k] is None and k in ("name", "html")):
                    continue  # name and html cannot be cleared: null leaves them as they are
                if getattr(t, k) != attrs[k]:
                    setattr(t, k, attrs[k])
                    changed = True
            if changed:
                t.updated = utcnow()
            doc = self._template_doc(req, t)
        return self._doc(200, doc)

    def h_get_template(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        with self.state.lock:
            doc = self._template_doc(req, self._template(params["id"]))
        return self._doc(200, doc)

    def h_get_templates(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        _csv(req.query, "additional-fields[template]", ("definition",))
        with self.state.lock:
            doc = self._listing(req, self.kit.templates.values(), TEMPLATE_FILTERS, _TEMPLATE_SORTS, 10, "template",
                                lambda t, fields: kit_render.template(t, self._base, fields))
        return self._doc(200, doc)
