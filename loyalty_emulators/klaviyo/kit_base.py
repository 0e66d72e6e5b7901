"""The kit's common ground in the Klaviyo sandbox: its state, inspection helpers, daily caps and the
helpers its handlers share (:mod:`.klaviyo_kit_handlers`, :mod:`.klaviyo_kit_flow_handlers`).

Inspection for tests and the demo: ``segments()``, ``templates()``, ``flows()``, ``flow_actions()``
return snapshots; ``segment_members(id)`` evaluates a segment over the profiles and events held;
``set_clock(when)`` / ``now()`` set and read the instant relative dates are evaluated against
(default: real UTC now); ``set_daily_used(op, n)`` / ``daily_used(op)`` / ``reset_daily()`` move the
daily caps (create_segment, update_segment, create_flow: 100 a day).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response
from loyalty_emulators.klaviyo import render
from loyalty_emulators.klaviyo.common import (
    JSONAPI,
    ApiError,
    error_item,
    invalid,
    short_id,
)
from loyalty_emulators.klaviyo.handlers import HandlerBase
from loyalty_emulators.klaviyo.kit_query import parse, predicate
from loyalty_emulators.klaviyo.kit_shapes import Obj, check, err
from loyalty_emulators.klaviyo.kit_state import (
    KitState,
    SandboxFlow,
    SandboxFlowAction,
    SandboxSegment,
    SandboxTemplate,
)
from loyalty_emulators.klaviyo.query import page_size
from loyalty_emulators.klaviyo.validate import as_resource


def read_resource(body: Any, rtype: str, shape: Obj, *, url_id: str | None = None) -> dict[str, Any]:
    """``data`` of a create/update body, checked against ``shape`` (its attributes); raises 400/409."""
    data, errors = as_resource(body, rtype)
    if errors:
        raise ApiError.many(400, errors)
    assert data is not None  # no error: a resource object
    if url_id is not None:
        if not isinstance(data.get("id"), str):
            raise ApiError.many(400, [err("'id' is required and must match the id in the URL.", "/data/id")])
        if data["id"] != url_id:
            raise ApiError(409, "conflict", "The id in the request body does not match the id in the URL.",
                           pointer="/data/id")
    errors = check(shape, data["attributes"], "/data/attributes")
    if errors:
        raise ApiError.many(400, errors)
    return data


def name_ok(name: Any, ptr: str) -> None:
    if isinstance(name, str) and not name.strip():
        raise ApiError(400, "invalid", "The name cannot be blank.", pointer=ptr)


class KitBase(HandlerBase):
    """The kit's state, inspection helpers and the collection helper shared by its handlers."""

    _counters_lock: Any
    throttled_count: int
    _advance_jobs: Callable[[], None]  # KlaviyoSandbox's

    @property
    def kit(self) -> KitState:
        kit = self.__dict__.get("_kit")
        if kit is None:
            with self.state.lock:
                kit = self.__dict__.setdefault("_kit", KitState())
        return kit

    # ------------------------------------------------------------------ inspection

    def segments(self) -> list[SandboxSegment]:
        with self.state.lock:
            return [copy.deepcopy(s) for s in self.kit.segments.values()]

    def templates(self) -> list[SandboxTemplate]:
        with self.state.lock:
            return [copy.deepcopy(t) for t in self.kit.templates.values()]

    def flows(self) -> list[SandboxFlow]:
        with self.state.lock:
            return [copy.deepcopy(f) for f in self.kit.flows.values()]

    def flow_actions(self, flow_id: str) -> list[SandboxFlowAction]:
        with self.state.lock:
            return [copy.deepcopy(self.kit.actions[a]) for a in self.kit.flows[flow_id].action_ids]

    def segment_members(self, segment_id: str) -> list[str]:
        """Emails (ids for profiles without one) of the segment's members now, in profile-id order."""
        with self.state.lock:
            self._advance_jobs()
            seg = self.kit.segments[segment_id]
            return [p.email or p.id for p, _ in self._members(seg)]

    def set_clock(self, when: datetime | date | None) -> None:
        """Evaluate relative dates at ``when`` (a date = midnight UTC); ``None`` = real UTC now."""
        with self.state.lock:
            self.kit.set_clock(when)

    def now(self) -> datetime:
        return self.kit.now()

    def set_daily_used(self, op_id: str, count: int) -> None:
        """Pretend ``count`` requests of ``op_id`` were made today (the next one beyond the cap is refused)."""
        self.kit.daily.set_used(op_id, count)

    def daily_used(self, op_id: str) -> int:
        return self.kit.daily.used(op_id)

    def reset_daily(self, op_id: str | None = None) -> None:
        """A new day: every daily counter (or ``op_id``'s) back to zero."""
        self.kit.daily.reset(op_id)

    def _daily_cap(self, op_id: str, limit: int, now: float) -> HttpResponse | None:
        """Count a request against ``op_id``'s daily cap; a 429 once it is used up."""
        wait = self.kit.daily.hit(op_id, limit, now)
        if wait is None:
            return None
        with self._counters_lock:
            self.throttled_count += 1
        detail = (f"Request was throttled. The daily limit of {limit} requests for this operation is reached. "
                  f"Expected available in {wait} seconds.")
        return json_response(429, {"errors": [error_item(429, "throttled", detail)]}, JSONAPI,
                             [("Retry-After", str(wait))])

    # ------------------------------------------------------------------ helpers

    def _new_id(self, taken: dict[str, Any]) -> str:
        while True:
            i = short_id()
            if i not in taken:
                return i

    def _page(self, req: HttpRequest, items: list, sorts: dict[str, Callable[[Any], Any]], default: str,
              size: int, render_one: Callable[[Any], dict], ident: Callable[[Any], str] = lambda o: o.id
              ) -> dict[str, Any]:
        raw = req.query_one("sort") or default
        name = raw.lstrip("-")
        if name not in sorts:
            raise invalid(f"'{raw}' is not a valid sort field.", parameter="sort")
        get = sorts[name]
        key = (lambda o: ("", ident(o))) if name == "id" else (lambda o: (get(o), ident(o)))
        dt_first = name in ("created", "updated", "joined_group_at")
        return self._collection(req, items, key, raw.startswith("-"), size, dt_first, render_one)

    def _listing(self, req: HttpRequest, items: Iterable[Any], filters: dict[str, Any],
                 sorts: dict[str, Callable[[Any], Any]], size: int, rtype: str,
                 render_one: Callable[[Any, Any], dict]) -> dict[str, Any]:
        """A page of segments, templates or flows: ``filter`` (on attributes), ``sort``, sparse
        fieldsets of ``rtype``, ``size`` per page at most. The caller holds the state's lock."""
        match = predicate(parse(req.query_one("filter"), filters), getattr)
        per_page = page_size(req.query, size, size)
        fields = render.sparse(req.query, rtype)
        return self._page(req, [o for o in items if match(o)], sorts, "id", per_page,
                          lambda o: render_one(o, fields))

    def _members(self, seg: SandboxSegment) -> list[tuple[Any, datetime]]:
        if seg.is_active:
            return self.kit.refresh_members(seg, self.state)
        # an inactive segment stops updating: it keeps the members it had
        return [(self.state.profiles[i], j) for i, j in seg.joined.items() if i in self.state.profiles]
