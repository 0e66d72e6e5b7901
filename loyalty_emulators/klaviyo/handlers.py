"""Shared handler helpers, account and profile endpoints of the Klaviyo sandbox."""

from __future__ import annotations

import bisect
from typing import Any

from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response
from loyalty_emulators.klaviyo import render
from loyalty_emulators.klaviyo.common import (
    JSONAPI,
    ApiError,
    invalid,
    normalize_phone,
    utcnow,
)
from loyalty_emulators.klaviyo.query import (
    Cond,
    Quoted,
    compile_filter,
    decode_cursor,
    encode_cursor,
    keyset_page,
    page_links,
    page_size,
    parse_filter,
)
from loyalty_emulators.klaviyo.state import SandboxProfile, SandboxState
from loyalty_emulators.klaviyo.validate import validate_profile

_STR_FILTER = {"any": "list", "equals": "str"}
_DT_FILTER = {"greater-than": "datetime", "less-than": "datetime"}
_DT_CMP = dict.fromkeys(("greater-or-equal", "greater-than", "less-or-equal", "less-than"), "datetime_or_int")
_SUPPRESSION_TS = dict.fromkeys(("greater-or-equal", "greater-than", "less-or-equal", "less-than"), "datetime")
PROFILE_FILTERS = {
    "id": _STR_FILTER, "email": _STR_FILTER, "phone_number": _STR_FILTER, "external_id": _STR_FILTER,
    "_kx": {"equals": "str"}, "created": _DT_FILTER, "updated": _DT_FILTER,
    "subscriptions.email.marketing.list_suppressions.reason": {"equals": "str"},
    "subscriptions.email.marketing.list_suppressions.timestamp": _SUPPRESSION_TS,
    "subscriptions.email.marketing.list_suppressions.list_id": {"equals": "str"},
    "subscriptions.email.marketing.suppression.reason": {"equals": "str"},
    "subscriptions.email.marketing.suppression.timestamp": _SUPPRESSION_TS,
}
EVENT_FILTERS = {"metric_id": {"equals": "str"}, "profile_id": {"equals": "str"},
                 "profile": {"has": "none"}, "metric": {"has": "none"},
                 "datetime": _DT_CMP, "timestamp": _DT_CMP}
METRIC_FILTERS = {"integration.name": {"equals": "str"}, "integration.category": {"equals": "str"}}
JOB_FILTERS = {"status": _STR_FILTER}
PROFILE_SORTS = ("id", "created", "updated", "email", "subscriptions.email.marketing.suppression.timestamp",
                 "subscriptions.email.marketing.list_suppressions.timestamp")


def _profile_field(p: SandboxProfile, f: str) -> Any:
    if f == "_kx":
        return p.kx
    return getattr(p, f, None) if "." not in f else None


def _e164(c: Cond) -> Cond:
    def norm(q: Quoted) -> Quoted:
        return Quoted(normalize_phone(q.value) or q.value)
    return Cond(c.op, c.field, [norm(v) for v in c.value] if isinstance(c.value, list) else norm(c.value))


def _sort(query: dict[str, list[str]], allowed: tuple[str, ...], default: str) -> tuple[str, bool]:
    raw = query.get("sort", [default])[-1] or default
    name = raw.lstrip("-")
    if name not in allowed:
        raise invalid(f"'{raw}' is not a valid sort field.", parameter="sort")
    return name, raw.startswith("-")


def _csv(query: dict[str, list[str]], name: str, allowed: tuple[str, ...]) -> set[str]:
    values = {v.strip() for raw in query.get(name, []) for v in raw.split(",") if v.strip()}
    bad = values - set(allowed)
    if bad:
        raise invalid(f"'{min(bad)}' is not an allowed {name} parameter for this resource.", parameter=name)
    return values


class HandlerBase:
    """Helpers shared by the handler mixins, plus account and profile handlers."""

    state: SandboxState
    job_seconds: float
    organization_name: str
    test_account: bool
    account_id: str
    _wake: Any

    @property
    def _base(self) -> str:
        return getattr(self, "base_url", None) or "http://127.0.0.1"

    @staticmethod
    def _doc(status: int, doc: Any, headers: list[tuple[str, str]] | None = None) -> HttpResponse:
        return json_response(status, doc, JSONAPI, headers or [])

    def _filter(self, req: HttpRequest, allowed: dict) -> list[Cond]:
        raw = req.query_one("filter")
        return parse_filter(raw, allowed)

    def _collection(self, req: HttpRequest, items: list, key, desc: bool, size: int, dt_first: bool,
                    render_one) -> dict[str, Any]:
        cursor_raw = req.query_one("page[cursor]")
        tag = req.query_one("sort") or ""
        cursor = decode_cursor(cursor_raw, dt_first, tag) if cursor_raw else None
        page, next_key = keyset_page(items, key, desc, cursor, size)
        nxt = encode_cursor(next_key, tag) if next_key is not None else None
        return {"data": [render_one(x) for x in page],
                "links": page_links(self._base, req.path, req.query, nxt)}

    # ------------------------------------------------------------------ accounts

    def h_get_accounts(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        acct = render.account(self.account_id, self.organization_name, self.test_account, self._base)
        return self._doc(200, {"data": [acct], "links": page_links(self._base, req.path, req.query, None)})

    def h_get_account(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        if params["id"] != self.account_id:
            raise ApiError(404, "not_found", f"An account with id {params['id']} does not exist.")
        acct = render.account(self.account_id, self.organization_name, self.test_account, self._base)
        return self._doc(200, {"data": acct, "links": {"self": acct["links"]["self"]}})

    # ------------------------------------------------------------------ profiles

    def _profile_doc(self, req: HttpRequest, p: SandboxProfile) -> dict[str, Any]:
        additional = _csv(req.query, "additional-fields[profile]", ("subscriptions", "predictive_analytics"))
        data = render.profile(p, self._base, render.sparse(req.query, "profile"), additional)
        return {"data": data, "links": {"self": data["links"]["self"]}}

    def _read_profile(self, body: Any) -> Any:
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, dict):
            raise invalid("The request body must be a JSON:API document with a 'data' object.", pointer="/data")
        inp, errors = validate_profile(data, "/data")
        if errors:
            raise ApiError.many(400, errors)
        return inp

    def h_create_or_update_profile(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        inp = self._read_profile(body)
        with self.state.lock:
            p, created, _ = self.state.upsert(inp, utcnow())
            doc = self._profile_doc(req, p)
        headers = [("X-Klaviyo-Partial-Failure", "phone_number")] if inp.phone_dropped else []
        return self._doc(201 if created else 200, doc, headers)

    def h_create_profile(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        inp = self._read_profile(body)
        inp.id = None
        with self.state.lock:
            owner = self.state.conflicting_owner(inp)
            if owner:
                raise ApiError(409, "duplicate_profile", "A profile already exists with one of these identifiers.",
                               pointer="/data/attributes", meta={"duplicate_profile_id": owner})
            p, _, _ = self.state.upsert(inp, utcnow())
            doc = self._profile_doc(req, p)
        headers = [("X-Klaviyo-Partial-Failure", "phone_number")] if inp.phone_dropped else []
        return self._doc(201, doc, headers)

    def h_update_profile(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        inp = self._read_profile(body)
        if not inp.id:
            raise invalid("'id' is required and must match the profile id in the URL.", pointer="/data/id")
        if inp.id != params["id"]:
            raise ApiError(409, "conflict", "The id in the request body does not match the id in the URL.",
                           pointer="/data/id")
        with self.state.lock:
            p, _, _ = self.state.upsert(inp, utcnow(), id_conflict_status=409)
            doc = self._profile_doc(req, p)
        return self._doc(200, doc)

    def h_get_profile(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        include = _csv(req.query, "include", ("conversations", "lists", "push-tokens", "segments"))
        with self.state.lock:
            p = self.state.profiles.get(params["id"])
            if p is None:
                raise ApiError(404, "not_found", f"A profile with id {params['id']} does not exist.")
            doc = self._profile_doc(req, p)
            if include:
                doc["included"] = [render.list_(lst, self._base) for lst in self.state.lists.values()
                                   if "lists" in include and p.id in lst.members]
        return self._doc(200, doc)

    def h_get_profiles(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        _csv(req.query, "include", ("conversations", "push-tokens"))
        additional = _csv(req.query, "additional-fields[profile]", ("subscriptions", "predictive_analytics"))
        fields = render.sparse(req.query, "profile")
        conds = self._filter(req, PROFILE_FILTERS)
        sort, desc = _sort(req.query, PROFILE_SORTS, "id")
        size = page_size(req.query, 20, 100)
        conds = [_e164(c) if c.field == "phone_number" else c for c in conds]
        pred = compile_filter(conds, _profile_field, casefold=("email",))
        st = self.state
        with st.lock:
            if sort == "id" or "." in sort:
                page, nxt = self._profiles_by_id(req, conds, pred, desc, size)
            else:
                if sort == "email":
                    key = lambda p: ((p.email or "").lower(), p.id)  # noqa: E731
                else:
                    key = lambda p: (getattr(p, sort), p.id)  # noqa: E731
                doc = self._collection(req, [p for p in self._profile_candidates(conds) if pred(p)], key,
                                       desc, size, sort != "email",
                                       lambda p: render.profile(p, self._base, fields, additional))
                return self._doc(200, doc)
            data = [render.profile(p, self._base, fields, additional) for p in page]
        return self._doc(200, {"data": data, "links": page_links(self._base, req.path, req.query, nxt)})

    def _profile_candidates(self, conds: list[Cond]) -> list[SandboxProfile]:
        st = self.state
        for c in conds:
            if c.field in ("id", "email", "phone_number") and c.op in ("equals", "any"):
                vals = [v.value for v in (c.value if isinstance(c.value, list) else [c.value])]
                index = {"id": None, "email": st.by_email, "phone_number": st.by_phone}[c.field]
                ids = {v if index is None else index.get(v.lower() if c.field == "email" else v) for v in vals}
                return sorted((st.profiles[i] for i in ids if i in st.profiles), key=lambda p: p.id)
        return [st.profiles[i] for i in st.order]

    def _profiles_by_id(self, req: HttpRequest, conds: list[Cond], pred, desc: bool, size: int):
        cursor_raw = req.query_one("page[cursor]")
        tag = req.query_one("sort") or ""
        after = decode_cursor(cursor_raw, False, tag)[1] if cursor_raw else None
        candidates = self._profile_candidates(conds)
        ids = [p.id for p in candidates]
        if desc:
            start = bisect.bisect_left(ids, after) - 1 if after else len(ids) - 1
            seq = (candidates[i] for i in range(start, -1, -1))
        else:
            start = bisect.bisect_right(ids, after) if after else 0
            seq = (candidates[i] for i in range(start, len(candidates)))
        page: list[SandboxProfile] = []
        for p in seq:
            if pred(p):
                if len(page) == size:
                    return page, encode_cursor(("", page[-1].id), tag)
                page.append(p)
        return page, None
