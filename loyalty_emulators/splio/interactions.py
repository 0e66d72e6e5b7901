"""The Splio sandbox's interactions and static groups (mixed into :class:`~.server.SplioSandbox`).

- ``POST /events/`` and ``POST /events/bulk`` (Interactions API, ``shared/specs/splio/
  interactions-openapi.json``): ``individual_id``, ``channel`` (the spec's enum), ``event`` and
  ``value_date`` (``YYYY-MM-DD HH:MM:SS``) are required; the ``ext_id`` + ``ext_provider`` pair is
  unique: a repeat is refused per item (400 "the key ext_id,ext_provider already exists"); the bulk
  answers 200 ``{"errors", "items": [{code, description, ext_id, ext_provider}], "time"}``. An
  individual the universe does not have is refused per item [INF: the spec does not say].
- ``/target/groups`` (Swagger): create (``name`` required, ≤ 10,000 keys), ``/{id}/add`` and
  ``/{id}/remove`` (1–10,000 keys), ``/{id}/clear``, ``GET /target/groups/list`` (paged, ``term``
  filters names). Keys are contacts' unique-key values; unknown ones come back in
  ``keys_not_found``.

Inspection: ``interactions()`` (every interaction stored), ``groups()`` (name → member keys).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response
from loyalty_emulators.splio.auth import ApiUser
from loyalty_emulators.splio.handlers import DataHandlers
from loyalty_emulators.splio.state import MAX_PER_PAGE, SplioApiError, Universe, bad

CHANNELS = ("email", "sms", "wechat oa", "Wechat mp", "x-channel", "facebook", "twitter", "instagram",
            "custom channel")
MAX_GROUP_KEYS = 10_000
MAX_EVENTS = 1000  # [INF] Splio's other bulk routes take 1,000 items
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
_EXT_ID = re.compile(r"^\S{1,255}$")


@dataclass
class Group:
    id: int
    name: str
    description: str = ""
    source: str = ""
    members: set[int] = field(default_factory=set)  # contact internal ids
    updated_at: str = "0000-00-00 00:00:00"


class InteractionsAndGroups(DataHandlers):
    universe: Universe

    def _init_interactions(self) -> None:
        self._ia_lock = threading.Lock()
        self._interactions: dict[tuple[str, str], dict[str, Any]] = {}
        self._next_interaction = 1
        self._groups: dict[int, Group] = {}
        self._next_group = 1

    # -- interactions ---------------------------------------------------------------------------

    def _interaction(self, ev: Any) -> tuple[int, str, dict[str, Any] | None]:
        """(code, description, stored) for one EventPayload."""
        if not isinstance(ev, dict):
            return 400, "an interaction must be an object", None
        for k in ("individual_id", "channel", "event", "value_date"):
            if not isinstance(ev.get(k), str) or not ev[k].strip():
                return 400, f"the {k} is missing", None
        if ev["channel"] not in CHANNELS:
            return 400, f"the channel `{ev['channel']}` is not valid", None
        for k in ("value_date", "source_date"):
            if k in ev and not (isinstance(ev[k], str) and _DATE.match(ev[k])):
                return 400, f"the {k} `{ev.get(k)}` is not valid", None
        ext, provider = ev.get("ext_id"), ev.get("ext_provider", "splio")
        if ext is not None and not (isinstance(ext, str) and _EXT_ID.match(ext)):
            return 400, f"the ext_id `{ext}` is not valid", None
        with self.universe.lock:
            contact = self.universe.contacts.get(self.universe.normalize_key(ev["individual_id"]))
        if contact is None:
            return 400, f"individual `{ev['individual_id']}` not found", None
        with self._ia_lock:
            pair = (str(ext), str(provider)) if ext is not None else ("", str(self._next_interaction))
            if pair in self._interactions:
                return 400, "the key ext_id,ext_provider already exists", None
            stored = {**ev, "id": self._next_interaction, "ext_provider": provider, "contact_id": contact.id}
            self._next_interaction += 1
            self._interactions[pair] = stored
        return 201, "", stored

    def h_post_event(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                     user: ApiUser) -> HttpResponse:
        body = self._json(req)
        _, desc, stored = self._interaction(body)
        if stored is None:
            key = "ext_id" if "ext_id" in desc else "payload"
            return json_response(400, {"error": "invalid_" + key, "error_description": desc, "error_key": key})
        return json_response(201, {k: v for k, v in stored.items() if k != "contact_id"})

    def h_post_events_bulk(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                           user: ApiUser) -> HttpResponse:
        started = emclock.monotonic()
        body = self._json(req)
        events = body.get("events") if isinstance(body, dict) else None
        if not isinstance(events, list) or not events:
            raise bad("events", "is_blank", "This collection should contain 1 element or more.")
        if len(events) > MAX_EVENTS:
            raise bad("events", "too_many", f"This collection should contain {MAX_EVENTS} elements or less.")
        items = []
        for ev in events:
            code, desc, _ = self._interaction(ev)
            items.append({"code": code, "description": desc,
                          "ext_id": ev.get("ext_id") if isinstance(ev, dict) else None,
                          "ext_provider": ev.get("ext_provider", "splio") if isinstance(ev, dict) else None})
        return json_response(200, {"errors": sum(1 for i in items if i["code"] != 201), "items": items,
                                   "time": round((emclock.monotonic() - started) * 1000)})

    def interactions(self) -> list[dict[str, Any]]:
        """Every interaction the universe holds, in the order received (contact key added)."""
        with self._ia_lock:
            stored = sorted(self._interactions.values(), key=lambda s: s["id"])
        with self.universe.lock:
            return [{**s, "key": self.universe.key_of(self.universe.by_id[s["contact_id"]])}
                    for s in stored if s["contact_id"] in self.universe.by_id]

    # -- groups ---------------------------------------------------------------------------------

    def _keys(self, body: Any, *, required: bool) -> list[str]:
        keys = body.get("keys") if isinstance(body, dict) else None
        if keys is None and not required:
            return []
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise bad("keys", "wrong_type", "This value should be of type array of strings.")
        if required and not keys:
            raise bad("keys", "is_blank", "This collection should contain 1 element or more.")
        if len(keys) > MAX_GROUP_KEYS:
            raise bad("keys", "too_many", f"This collection should contain {MAX_GROUP_KEYS} elements or less.")
        return keys

    def _resolve(self, keys: list[str]) -> tuple[set[int], list[str]]:
        found: set[int] = set()
        missing: list[str] = []
        with self.universe.lock:
            for k in keys:
                c = self.universe.contacts.get(self.universe.normalize_key(k))
                if c is None:
                    missing.append(k)
                else:
                    found.add(c.id)
        return found, missing

    def _group(self, raw: str) -> Group:
        g = self._groups.get(int(raw)) if raw.isdigit() else None
        if g is None:
            raise SplioApiError(404, "id", "wrong_value", f"Group not found for id {raw}.")
        return g

    def h_create_group(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                       user: ApiUser) -> HttpResponse:
        body = self._json(req)
        if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"].strip():
            raise bad("name", "is_blank", "This value should not be blank.")
        found, missing = self._resolve(self._keys(body, required=False))
        with self._ia_lock:
            if any(g.name == body["name"] for g in self._groups.values()):
                raise bad("name", "wrong_value", f"A group named {body['name']} already exists.")
            g = Group(self._next_group, body["name"], str(body.get("description") or ""),
                      str(body.get("source") or ""), found, _now())
            self._groups[g.id] = g
            self._next_group += 1
        return json_response(201, {"group": {"id": g.id, "name": g.name, "description": g.description,
                                             "members": len(g.members), "user_creator": user.name,
                                             "source": g.source}, "keys_not_found": missing})

    def h_group_add(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                    user: ApiUser) -> HttpResponse:
        found, missing = self._resolve(self._keys(self._json(req), required=True))
        with self._ia_lock:
            g = self._group(params["id"])
            new = found - g.members
            g.members |= found
            g.updated_at = _now()
        return json_response(200, {"group_id": g.id, "nb_total_contacts": len(g.members),
                                   "nb_inserted_contacts": len(new), "keys_not_found": missing})

    def h_group_remove(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                       user: ApiUser) -> HttpResponse:
        found, missing = self._resolve(self._keys(self._json(req), required=True))
        with self._ia_lock:
            g = self._group(params["id"])
            gone = found & g.members
            g.members -= found
            g.updated_at = _now()
        return json_response(200, {"group_id": g.id, "nb_total_contacts": len(g.members),
                                   "nb_removed_contacts": len(gone), "keys_not_found": missing})

    def h_group_clear(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        with self._ia_lock:
            g = self._group(params["id"])
            g.members.clear()
            g.updated_at = _now()
        return json_response(200, [])

    def h_list_groups(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        if "fields" in query:
            raise bad("fields", "not_supported", "The sandbox does not emulate group search filters.")
        per_page = _int(query, "per_page", 20, MAX_PER_PAGE)
        page = _int(query, "page_number", 1, None)
        term = (query.get("term") or [""])[-1].lower()
        with self._ia_lock:
            groups = [g for g in sorted(self._groups.values(), key=lambda g: g.id) if term in g.name.lower()]
            elements: list[dict[str, Any]] = [
                {"intid": g.id, "id": g.id, "name": g.name, "nb_binded_members": None, "tags": [],
                         "updated_at": g.updated_at, "status": "active", "is_favorite": False,
                         "is_protected": False, "nb_emails": len(g.members), "nb_sms": 0}
                        for g in groups[(page - 1) * per_page:page * per_page]]
        return json_response(200, {"count_element": len(groups), "current_page": page, "per_page": per_page,
                                   "sort": [], "elements": elements})

    def groups(self) -> dict[str, set[str]]:
        """Group name → the unique keys of its contacts."""
        with self._ia_lock:
            snapshot = {g.name: set(g.members) for g in self._groups.values()}
        with self.universe.lock:
            return {name: {self.universe.key_of(self.universe.by_id[i]) for i in ids if i in self.universe.by_id}
                    for name, ids in snapshot.items()}


def _now() -> str:
    return emclock.local_now().strftime("%Y-%m-%d %H:%M:%S")


def _int(query: dict[str, list[str]], name: str, default: int, hi: int | None) -> int:
    values = query.get(name)
    if not values:
        return default
    raw = values[-1]
    if not raw.isdigit() or int(raw) < 1 or (hi is not None and int(raw) > hi):
        raise bad(name, "wrong_value", f"This value should be between 1 and {hi or 'more'}.")
    return int(raw)
