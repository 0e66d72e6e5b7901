"""Lists: renaming one (`update_list`, PATCH /api/lists/{id}, scope `lists:write`). The app never
renames a list; a key check asks for an id no account holds and reads 404 (scope there) or 403
(scope missing), so `lists:write` is checked alone, not through the bulk import's two scopes."""

from __future__ import annotations

from typing import Any

from loyalty_emulators.base.http import HttpRequest, HttpResponse
from loyalty_emulators.klaviyo.common import ApiError, utcnow
from loyalty_emulators.klaviyo.handlers import HandlerBase
from loyalty_emulators.klaviyo.kit_base import name_ok, read_resource
from loyalty_emulators.klaviyo.kit_shapes import Obj, Str

_LIST_UPDATE = Obj({"name": Str(nullable=True), "opt_in_process": Str(nullable=True)})


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class ListHandlers(HandlerBase):
    def h_update_list(self, req: HttpRequest, params: dict, body: Any) -> HttpResponse:
        attrs = read_resource(body, "list", _LIST_UPDATE, url_id=params["id"])["attributes"]
        name_ok(attrs.get("name"), "/data/attributes/name")
        process = attrs.get("opt_in_process")
        if process is not None and process not in ("double_opt_in", "single_opt_in"):
            raise ApiError(400, "invalid", f"'{process}' is not a valid opt-in process.",
                           pointer="/data/attributes/opt_in_process")
        with self.state.lock:
            lst = self.state.lists.get(params["id"])
            if lst is None:
                raise ApiError(404, "not_found", f"A list with id {params['id']} does not exist.")
            if attrs.get("name"):
                lst.name = attrs["name"]
            url = f"{self._base}/api/lists/{lst.id}/"
            data = {"type": "list", "id": lst.id, "attributes": {
                "name": lst.name, "created": _iso(lst.created), "updated": _iso(utcnow()),
                "opt_in_process": process or "single_opt_in"}, "links": {"self": url}}
        return self._doc(200, {"data": data, "links": {"self": url}})
