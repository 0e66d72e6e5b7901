"""The Splio sandbox's data handlers: fields and contacts (mixed into :class:`~.server.SplioSandbox`)."""

from __future__ import annotations

import re
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response, media_type, parse_json_body
from loyalty_emulators.splio.auth import ApiUser
from loyalty_emulators.splio.state import FIELD_SCOPES, MAX_PER_PAGE, SplioApiError, Universe, bad


class Forbidden(Exception):
    """Answered 403 with the bare JSON string "Forbidden."."""


class DataHandlers:
    universe: Universe

    @staticmethod
    def _json(req: HttpRequest) -> Any:
        ctype = media_type(req.header("content-type"))
        if ctype and ctype != "application/json":
            raise bad("payload", "invalid_content_type",
                      f"Content type {ctype} is not supported, use application/json.")
        try:
            return parse_json_body(req.body)
        except ValueError:
            raise bad("payload", "invalid_json", "Json payload is invalid, verify its syntax.") from None


    def h_ping(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
               user: ApiUser) -> HttpResponse:
        return json_response(200, {"user_id": user.id})

    def h_unique_key(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                     user: ApiUser) -> HttpResponse:
        return json_response(200, {"unique_key": self.universe.unique_key})

    def h_list_fields(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        with self.universe.lock:
            elements = self.universe.field_listing()
        return json_response(200, {"count_element": len(elements), "current_page": 1,
                                   "per_page": max(100, len(elements)), "sort": {"id": "DESC"},
                                   "elements": elements})

    def h_create_field(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                       user: ApiUser) -> HttpResponse:
        if not user.can_create_fields:
            raise Forbidden()
        body = self._json(req)
        if not isinstance(body, dict):
            raise bad("payload", "wrong_type", "This value should be of type object.")
        for k in ("scope", "name", "type"):
            if k not in body:
                raise bad(k, "is_blank", "This value should not be blank.")
        extra = [k for k in body if k not in ("scope", "name", "type")]
        if extra:
            raise bad(extra[0], "extra_field", "This field was not expected.")
        if body["scope"] not in FIELD_SCOPES:
            raise bad("scope", "wrong_value", "The value you selected is not a valid choice.")
        if body["scope"] != "contacts":
            raise bad("scope", "wrong_value", "The sandbox only emulates contact fields.")
        with self.universe.lock:
            f = self.universe.add_field(body["name"], body["type"])
        return json_response(201, {"id": f.id, "name": f.name, "data_type": f.type})

    def h_delete_field(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                       user: ApiUser) -> HttpResponse:
        if params["scope"] != "contacts":
            raise SplioApiError(404, "id", "wrong_value", "Custom field not found.")
        if not params["id"].isdigit():
            raise SplioApiError(404, "id", "wrong_value", "Custom field not found.")
        with self.universe.lock:
            self.universe.delete_field(int(params["id"]))
        return HttpResponse(204, b"", [], None)

    def h_list_contacts(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                        user: ApiUser) -> HttpResponse:
        if "fields" in query:
            raise bad("fields", "not_supported", "The sandbox does not emulate contact search filters.")
        per_page = _int_param(query, "per_page", 20, 1, MAX_PER_PAGE)
        page_number = _int_param(query, "page_number", 1, 1, None)
        with self.universe.lock:
            page = self.universe.page(per_page, page_number)
        return json_response(200, page)

    def h_create_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                         user: ApiUser) -> HttpResponse:
        body = self._json(req)
        with self.universe.lock:
            self.universe.check_shape(body)
            c = self.universe.create(body)
            return json_response(201, self.universe.render(c))

    def h_bulk_create(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        started = emclock.monotonic()
        body = self._json(req)
        with self.universe.lock:
            result = self.universe.bulk_create(body)
        return json_response(207, {"time": round((emclock.monotonic() - started) * 1000), **result})

    def h_get_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        by = _last(query, "key")
        with self.universe.lock:
            return json_response(200, self.universe.render(self.universe.find(params.get("id", "bulk"), by)))

    def h_patch_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                        user: ApiUser) -> HttpResponse:
        body = self._json(req)
        with self.universe.lock:
            self.universe.check_shape(body, patch=True)
            by = body.get("key") or _last(query, "key")
            c = self.universe.find(params.get("id", "bulk"), by)
            return json_response(200, self.universe.render(self.universe.patch(c, body)))

    def h_delete_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                         user: ApiUser) -> HttpResponse:
        by = _last(query, "key")
        with self.universe.lock:
            self.universe.delete(self.universe.find(params.get("id", "bulk"), by))
        return HttpResponse(204, b"", [], None)



def _int_param(query: dict[str, list[str]], name: str, default: int, lo: int, hi: int | None) -> int:
    raw = _last(query, name)
    if raw is None:
        return default
    if not re.fullmatch(r"\d+", raw) or int(raw) < lo or (hi is not None and int(raw) > hi):
        limits = f"between {lo} and {hi}" if hi is not None else f"{lo} or more"
        raise bad(name, "wrong_value", f"This value should be {limits}.")
    return int(raw)


def _last(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[-1] if values else None
