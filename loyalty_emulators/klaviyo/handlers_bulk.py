"""Bulk import job, event and metric handlers of the Klaviyo sandbox (mixed into KlaviyoSandbox)."""

from __future__ import annotations

import marshal
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_dumps
from loyalty_emulators.klaviyo import render
from loyalty_emulators.klaviyo.common import ApiError, error_item, invalid, utcnow
from loyalty_emulators.klaviyo.handlers import (
    EVENT_FILTERS,
    JOB_FILTERS,
    METRIC_FILTERS,
    HandlerBase,
    _csv,
    _sort,
)
from loyalty_emulators.klaviyo.query import compile_filter, page_size
from loyalty_emulators.klaviyo.validate import (
    as_resource,
    validate_event,
    validate_profile,
)

MAX_BULK_PROFILES = 10_000
MAX_BULK_EVENTS = 1_000
MAX_PROFILE_BYTES = 100 * 1024


def _bad(detail: str, pointer: str) -> dict[str, Any]:
    return error_item(400, "invalid", detail, pointer=pointer)


def _bulk_list(body: Any, rtype: str, attribute: str, empty: str) -> tuple[dict[str, Any], list[Any], str]:
    """``data``, the non-empty list at ``data.attributes.<attribute>.data`` and its pointer; raises 400."""
    data, errors = as_resource(body, rtype)
    if errors or data is None:
        raise ApiError.many(400, errors)
    container = data["attributes"].get(attribute)
    rows = container.get("data") if isinstance(container, dict) else None
    ptr = f"/data/attributes/{attribute}/data"
    if not isinstance(rows, list) or not rows:
        raise invalid(empty, pointer=ptr)
    return data, rows, ptr


class BulkEventHandlers(HandlerBase):
    # ------------------------------------------------------------------ bulk import jobs

    def h_bulk_import_profiles(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        data, rows, ptr = _bulk_list(body, "profile-bulk-import-job", "profiles",
                                     "'profiles.data' must be a non-empty list of profile objects.")
        if len(rows) > MAX_BULK_PROFILES:
            raise invalid(f"A bulk import accepts at most {MAX_BULK_PROFILES:,} profiles; got {len(rows):,}.",
                          pointer=ptr)
        # Cheap screen first: JSON is at most ~6x marshal's size (escapes), so only rows that could
        # exceed 100 KB get encoded exactly.
        check_size = len(req.body) > MAX_PROFILE_BYTES
        inputs, bad = [], []
        for i, row in enumerate(rows):
            inp, errs = validate_profile(row, f"{ptr}/{i}")
            if not errs and check_size and 6 * len(marshal.dumps(row)) > MAX_PROFILE_BYTES \
                    and len(json_dumps(row)) > MAX_PROFILE_BYTES:
                errs = [error_item(400, "invalid", "A profile in a bulk import cannot exceed 100KB.",
                                   pointer=f"{ptr}/{i}")]
            if errs:
                bad.append(errs[0])
            else:
                assert inp is not None  # no error: a profile
                inputs.append(inp)
        if bad:
            raise ApiError.many(400, bad)
        rel = data.get("relationships") or {}
        list_refs = ((rel.get("lists") or {}).get("data") or []) if isinstance(rel, dict) else []
        list_ids = [str(r.get("id")) for r in list_refs if isinstance(r, dict)]
        with self.state.lock:
            for lid in list_ids:
                if lid not in self.state.lists:
                    raise invalid(f"List ID {lid} does not exist.", pointer="/data")
            job = self.state.create_job(inputs, list_ids, utcnow(), emclock.monotonic(), self.job_seconds)
            doc = render.job(job, self._base, emclock.monotonic())
        self._wake.set()
        return self._doc(202, {"data": doc, "links": {"self": doc["links"]["self"]}})

    def _job(self, job_id: str):
        job = self.state.jobs.get(job_id)
        if job is None:
            raise ApiError(404, "not_found", f"A profile bulk import job with id {job_id} does not exist.")
        return job

    def h_get_bulk_import_profiles_job(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("lists",))
        with self.state.lock:
            job = self._job(params["id"])
            doc: dict[str, Any] = {"data": render.job(job, self._base, emclock.monotonic(),
                                      render.sparse(req.query, "profile-bulk-import-job"))}
            doc["links"] = {"self": doc["data"]["links"]["self"]}
            if include:
                doc["included"] = [render.list_(self.state.lists[lid], self._base)
                                   for lid in job.list_ids if lid in self.state.lists]
        return self._doc(200, doc)

    def h_get_bulk_import_profiles_jobs(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        conds = self._filter(req, JOB_FILTERS)
        _sort_key, desc = _sort(req.query, ("created_at",), "created_at")
        size = page_size(req.query, 20, 100)
        fields = render.sparse(req.query, "profile-bulk-import-job")
        mono = emclock.monotonic()
        pred = compile_filter(conds, lambda j, f: j.status(mono))
        with self.state.lock:
            jobs = [j for j in self.state.jobs.values() if pred(j)]
            doc = self._collection(req, jobs, lambda j: (j.created_at, j.id), desc, size, True,
                                   lambda j: render.job(j, self._base, mono, fields))
        return self._doc(200, doc)

    def h_get_errors_for_bulk_import_profiles_job(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        size = page_size(req.query, 20, 100)
        with self.state.lock:
            job = self._job(params["id"])
            items = list(enumerate(job.errors))
            doc = self._collection(req, items, lambda t: (t[0], t[1]["id"]), False, size, False, lambda t: t[1])
        return self._doc(200, doc)

    def h_get_profiles_for_bulk_import_profiles_job(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        size = page_size(req.query, 20, 100)
        additional = _csv(req.query, "additional-fields[profile]", ("subscriptions", "predictive_analytics"))
        fields = render.sparse(req.query, "profile")
        with self.state.lock:
            job = self._job(params["id"])
            profiles = [self.state.profiles[i] for i in dict.fromkeys(job.profile_ids)]
            doc = self._collection(req, profiles, lambda p: ("", p.id), False, size, False,
                                   lambda p: render.profile(p, self._base, fields, additional, False))
        return self._doc(200, doc)

    # ------------------------------------------------------------------ events

    def h_create_event(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        data, errors = as_resource(body, "event")
        if errors:
            raise ApiError.many(400, errors)
        assert data is not None  # no error: a resource object
        now = utcnow()
        ev, errors = validate_event(data, "/data", now)
        prof = data["attributes"].get("profile")
        pdata = prof.get("data") if isinstance(prof, dict) else None
        pinp, perrors = validate_profile(pdata, "/data/attributes/profile/data", event_profile=True,
                                         meta_in_attributes=True)
        if errors or perrors:
            raise ApiError.many(400, errors + perrors)
        assert pinp is not None and ev is not None  # no error: both validated
        with self.state.lock:
            self.state.record_event(pinp, ev, now)
        return HttpResponse(202, b"", [], None)

    def h_bulk_create_events(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        _, entries, ptr = _bulk_list(body, "event-bulk-create-job", "events-bulk-create",
                                     "'events-bulk-create.data' must be a non-empty list.")
        now = utcnow()
        total = 0
        parsed, errors, seen = [], [], {}
        for i, entry in enumerate(entries):
            base = f"{ptr}/{i}"
            attrs = entry.get("attributes") if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or entry.get("type") != "event-bulk-create" or not isinstance(attrs, dict):
                errors.append(_bad("Expected an 'event-bulk-create' resource object.", base))
                continue
            prof = attrs.get("profile")
            pinp, perr = validate_profile(prof.get("data") if isinstance(prof, dict) else None,
                                          f"{base}/attributes/profile/data", event_profile=True)
            errors += perr
            evs = attrs.get("events")
            evlist = evs.get("data") if isinstance(evs, dict) else None
            if not isinstance(evlist, list):
                errors.append(_bad("'events.data' must be a list.", f"{base}/attributes/events/data"))
                continue
            backfill = attrs.get("backfill")
            if backfill is not None and not isinstance(backfill, bool):
                errors.append(_bad("'backfill' must be a boolean.", f"{base}/attributes/backfill"))
            total += len(evlist)
            for j, raw in enumerate(evlist):
                eptr = f"{base}/attributes/events/data/{j}"
                ev, eerr = validate_event(raw, eptr, now)
                errors += eerr
                if ev is None or pinp is None:
                    continue
                if ev.unique_id is not None:
                    k = (pinp.identity_key(), ev.metric_name, ev.unique_id)
                    if k in seen:
                        errors.append(error_item(400, "invalid", f"unique_id '{ev.unique_id}' is repeated for the "
                                                 "same profile and metric; no events were processed.",
                                                 pointer=f"{eptr}/attributes/unique_id"))
                    seen[k] = True
                parsed.append((pinp, ev, backfill))
        if total > MAX_BULK_EVENTS:
            raise invalid(f"A bulk create accepts at most {MAX_BULK_EVENTS:,} events; got {total:,}.", pointer=ptr)
        if errors:
            raise ApiError.many(400, errors)
        with self.state.lock:
            for pinp, ev, backfill in parsed:
                self.state.record_event(pinp, ev, now, backfill)
        return HttpResponse(202, b"", [], None)

    def h_get_events(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("attributions", "metric", "profile"))
        conds = self._filter(req, EVENT_FILTERS)
        sort, desc = _sort(req.query, ("datetime", "timestamp"), "datetime") if req.query.get("sort") else ("id", False)
        size = page_size(req.query, 200, 1000)
        fields = render.sparse(req.query, "event")

        def get(e, f):
            return {"metric_id": e.metric_id, "profile_id": e.profile_id, "profile": e.profile_id,
                    "metric": e.metric_id, "datetime": e.time, "timestamp": e.time}[f]
        pred = compile_filter(conds, get)
        st = self.state
        with st.lock:
            events = [e for e in st.events if pred(e)]
            key = (lambda e: ("", e.id)) if sort == "id" else (lambda e: (e.time, e.id))
            doc = self._collection(req, events, key, desc, size, sort != "id",
                                   lambda e: render.event(e, self._base, fields))
            if include:
                inc: dict[tuple[str, str], Any] = {}
                for d in doc["data"]:
                    e = st.events_by_id[d["id"]]
                    if "metric" in include:
                        inc[("metric", e.metric_id)] = render.metric(st.metrics[e.metric_id], self._base)
                    if "profile" in include:
                        inc[("profile", e.profile_id)] = render.profile(st.profiles[e.profile_id], self._base)
                doc["included"] = list(inc.values())
        return self._doc(200, doc)

    def h_get_event(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        with self.state.lock:
            e = self.state.events_by_id.get(params["id"])
            if e is None:
                raise ApiError(404, "not_found", f"An event with id {params['id']} does not exist.")
            data = render.event(e, self._base, render.sparse(req.query, "event"))
        return self._doc(200, {"data": data, "links": {"self": data["links"]["self"]}})

    # ------------------------------------------------------------------ metrics

    def h_get_metrics(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        _csv(req.query, "include", ("flow-triggers",))
        conds = self._filter(req, METRIC_FILTERS)
        fields = render.sparse(req.query, "metric")

        def get(m, f):
            integ = render.metric(m, "")["attributes"]["integration"]
            return integ.get(f.split(".", 1)[1])
        pred = compile_filter(conds, get)
        with self.state.lock:
            metrics = [m for m in self.state.metrics.values() if pred(m)]
            doc = self._collection(req, metrics, lambda m: (m.created, m.id), False, 200, True,
                                   lambda m: render.metric(m, self._base, fields))
        return self._doc(200, doc)

    def h_get_metric(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        with self.state.lock:
            m = self.state.metrics.get(params["id"])
            if m is None:
                raise ApiError(404, "not_found", f"A metric with id {params['id']} does not exist.")
            data = render.metric(m, self._base, render.sparse(req.query, "metric"))
        return self._doc(200, {"data": data, "links": {"self": data["links"]["self"]}})
