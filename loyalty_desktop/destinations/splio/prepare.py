"""What SplioDestination does before planning (``prepare``): resolve the mapping to the universe's
contact fields (creating the missing custom fields when the user agreed, stopping on a type mismatch)
and, on a first sync or on demand, read every contact's current values (the remote diff), so rows
whose values Splio already holds are acknowledged without a request. A mixin of the adapter, which
owns the HTTP calls, the thread pool and the stats."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core.errors import ConfigError, MissingScopeError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.destinations.splio.fields import (
    FieldPlan,
    RemoteField,
    name_advice,
    plan_for,
    resolve,
    splio_type,
)
from loyalty_desktop.destinations.splio.http import SplioApiError
from loyalty_desktop.destinations.splio.moments import MOMENT_FIELDS
from loyalty_desktop.store.store import OutboxRow, dumps

if TYPE_CHECKING:
    import httpx

    from loyalty_desktop.destinations.splio.adapter import SendStats

MAX_PER_PAGE = 1000
FIELDS_FORBIDDEN = tr("This Splio API user may not create custom fields ({names}). Create them in Splio "
                      "(Settings → Fields, contact fields: {types}), or give the API user that right, then sync "
                      "again.")
FIELDS_MISSING = (tr("Splio has no custom field {names} yet. Let Loyalty Desktop create it (--create-fields, or the "
                     "wizard's \"create missing fields\" box), or create it in Splio ({types}), then sync again."),
                  tr("Splio has no custom fields {names} yet. Let Loyalty Desktop create them (--create-fields, or "
                     "the wizard's \"create missing fields\" box), or create them in Splio ({types}), then sync "
                     "again."))  # one field, several
NOT_IN_SPLIO_PREFIX = "not in Splio:"


class SplioPreparation:
    """The fields and remote-values half of SplioDestination (see the module's docstring)."""

    # Provided by SplioDestination.
    unique_key: str | None
    create_fields: bool
    create_missing: bool
    remote_diff: bool
    supports_events: bool
    _moment_ids: dict[str, int]
    stats: SendStats
    _stats_lock: threading.Lock
    _plan: FieldPlan | None
    _snapshot: dict[str, tuple[str, ...]] | None
    verify: Callable[[], AccountInfo]
    _call: Callable[..., httpx.Response]
    _parallel: Callable[[Callable[[int], dict[str, Any]], Sequence[int]], list[dict[str, Any]]]

    def verify_scopes(self) -> tuple[str, ...]:
        """The user's Verify: the reads every sync starts with (a page of contacts, the contact
        fields), so an API user without them is told now, not mid-sync. Writes nothing; the right to
        create fields cannot be checked without creating one (a sync that needs it says so)."""
        for bucket, path, params, right in (
                ("contacts", "/data/contacts", {"per_page": "1", "page_number": "1"}, "contacts"),
                ("other", "/data/fields/contacts", None, "custom fields")):
            try:
                self._call(bucket, "GET", path, params=params)
            except SplioApiError as exc:
                if exc.status == 403:
                    raise MissingScopeError([right], f"Splio refused reading {right} to this API user") from None
                raise
        return ()

    def prepare(self, mapping: Mapping, first_sync: bool) -> list[str]:
        """Resolve the mapping to Splio fields (creating the missing ones if allowed), check types,
        and on a first sync (or on demand) read the contacts' current values."""
        if self.unique_key is None:
            self.verify()
        assert self.unique_key is not None
        notes: list[str] = []
        remote_read = first_sync or self.remote_diff
        first_page = self._contacts_page(1, MAX_PER_PAGE if remote_read else 20)
        fields = self._fields(first_page.get("elements") or [])
        slots, missing, problems = resolve(mapping, fields)
        created_names = {m.name for m in missing}
        if problems:
            raise ConfigError(tr("The field mapping does not fit the Splio fields: {problems} Map these loyalty "
                                 "fields to other Splio fields.").format(problems=" ".join(problems)))
        plan, why = plan_for(mapping, slots, self.unique_key)
        if why:
            raise ConfigError(why)
        if missing:
            names = ", ".join(m.name for m in missing)
            types = ", ".join(f"{m.name}: {m.type}" for m in missing)
            if not self.create_fields:
                raise ConfigError(FIELDS_MISSING[len(missing) > 1].format(names=names, types=types))
            made = []
            for m in missing:
                created = self._create_field(m.name, m.type, names, types)
                made.append(f"{m.name} ({m.type}, id {created.id})")
                if (advice := name_advice(m.name)) is not None:
                    notes.append(f"Note: {advice}.")
            notes.insert(0, "Created Splio custom fields: " + ", ".join(made) + ".")
            fields = self._fields(first_page.get("elements") or [])
            slots, missing, problems = resolve(mapping, fields)
            plan, why = plan_for(mapping, slots, self.unique_key)
            if missing or problems or why or plan is None:
                raise ConfigError(why or tr("Splio did not show the custom fields just created; try again."))
        assert plan is not None
        reused = [f"{s.target} (id {s.field_id})" for s in slots if s.is_custom and s.target not in created_names]
        if reused:
            notes.append("Reusing Splio custom fields: " + ", ".join(reused) + ".")
        self._plan = plan
        notes += self._prepare_moments(fields)
        self._snapshot = None
        if remote_read:
            self._snapshot = self._read_remote(plan, first_page)
            notes.append(tr("Read {count} Splio contacts first: only contacts whose values differ are written.")
                         .format(count=f"{len(self._snapshot):,}"))
        return notes

    def _prepare_moments(self, fields: list[RemoteField]) -> list[str]:
        """Moments go to contacts keyed by email; their fields are reused by name, the missing ones
        created when the user agreed (like the loyalty fields), else moments are interactions only."""
        if self.unique_key != "email":
            self.supports_events = False
            return [tr("Moments are not sent: this universe identifies contacts by {key}, and Loyalty Desktop "
                       "sends moments to contacts identified by email.").format(key=self.unique_key)]
        self.supports_events = True
        by_name = {f.name: f.id for f in fields if not f.is_system}
        missing = [m for m in MOMENT_FIELDS if m.name not in by_name]
        notes: list[str] = []
        if missing and self.create_fields:
            names = ", ".join(m.name for m in missing)
            types = ", ".join(f"{m.name}: {m.type}" for m in missing)
            for m in missing:
                by_name[m.name] = self._create_field(m.name, m.type, names, types).id
            notes.append(tr("Created the {count} Splio moment fields (loyalty_points_earned_at, …).").format(
                count=len(missing)))
        elif missing:
            notes.append(tr("{count} of the Splio moment fields do not exist yet: moments are posted as "
                            "interactions, and written to the fields that exist. Run the Splio kit (or allow "
                            "creating missing fields) so trigger campaigns can watch them.").format(count=len(missing)))
        self._moment_ids = {m.name: by_name[m.name] for m in MOMENT_FIELDS if m.name in by_name}
        return notes

    def ensure_moment_fields(self) -> tuple[list[str], int]:
        """Create the moment fields Splio lacks (the kit): (names created, how many existed)."""
        if self.unique_key is None:
            self.verify()
        fields = self._fields([])
        have = {f.name for f in fields if not f.is_system}
        missing = [m for m in MOMENT_FIELDS if m.name not in have]
        names = ", ".join(m.name for m in missing)
        types = ", ".join(f"{m.name}: {m.type}" for m in missing)
        for m in missing:
            self._create_field(m.name, m.type, names, types)
        return [m.name for m in missing], len(MOMENT_FIELDS) - len(missing)

    def retry_rejected(self, rejected: Sequence[tuple[OutboxRow, str]]) -> tuple[list[OutboxRow], str]:
        """Of the members rejected earlier, those "not in Splio" whose contact can now be written:
        all of them once missing contacts may be created, else those the remote read (first sync
        or "compare with Splio") found in Splio since. Called after prepare()."""
        absent = [row for row, why in rejected if why.startswith(NOT_IN_SPLIO_PREFIX)]
        if not absent:
            return [], ""
        if self.create_missing:
            return absent, "not in Splio, now created with the \"create missing contacts\" option"
        plan, snapshot = self._plan, self._snapshot
        if plan is None or snapshot is None:
            return [], ""
        found = [row for row in absent
                 if (key := json.loads(row.payload).get("k")) and plan.normalize_key(key) in snapshot]
        return found, "their contact is in Splio now"

    def _contacts_page(self, page: int, per_page: int) -> dict[str, Any]:
        body = self._call("contacts", "GET", "/data/contacts",
                          params={"per_page": str(per_page), "page_number": str(page)}).json()
        return body if isinstance(body, dict) else {}

    def _fields(self, sample: list[Any]) -> list[RemoteField]:
        """The contact fields, typed from the listing when it says, else from contacts' data_type."""
        body = self._call("other", "GET", "/data/fields/contacts").json()
        seen: dict[int, str] = {}
        for contact in sample:
            for cf in (contact.get("custom_fields") or []) if isinstance(contact, dict) else []:
                t = splio_type(cf.get("data_type")) if isinstance(cf, dict) else None
                if t and isinstance(cf.get("id"), int):
                    seen.setdefault(cf["id"], t)
        out = []
        for e in (body.get("elements") or []) if isinstance(body, dict) else []:
            if isinstance(e, dict) and isinstance(e.get("id"), int) and isinstance(e.get("name"), str):
                out.append(RemoteField(e["id"], e["name"], splio_type(e.get("data_type")) or seen.get(e["id"]),
                                       bool(e.get("is_system"))))
        return out

    @property
    def field_plan(self) -> FieldPlan | None:
        """How the mapping is written to this universe, once prepare() resolved it."""
        return self._plan

    def remote_fields(self) -> list[RemoteField]:
        """The universe's contact fields, typed from a few contacts (the wizard shows which mapped
        custom fields exist and which a sync would create; `splio_fields.resolve` tells them apart)."""
        return self._fields(self._contacts_page(1, 20).get("elements") or [])

    def _create_field(self, name: str, type_: str, names: str, types: str) -> RemoteField:
        try:
            resp = self._call("other", "POST", "/data/fields",
                              content=dumps({"name": name, "scope": "contacts", "type": type_}).encode())
        except SplioApiError as exc:
            if exc.status == 403:
                raise ConfigError(FIELDS_FORBIDDEN.format(names=names, types=types)) from None
            raise ConfigError(tr("Splio refused to create the custom field {name} ({type}): {detail}").format(
                name=name, type=type_, detail=exc.detail)) from None
        body = resp.json()
        return RemoteField(int(body["id"]), str(body.get("name") or name), splio_type(body.get("data_type")))

    def _read_remote(self, plan: FieldPlan, first: dict[str, Any]) -> dict[str, tuple[str, ...]]:
        """Every contact's current mapped values, by normalized unique key."""
        snapshot: dict[str, tuple[str, ...]] = {}

        def take(page: dict[str, Any]) -> None:
            for contact in page.get("elements") or []:
                if isinstance(contact, dict):
                    key, values = plan.remote(contact)
                    if key:
                        snapshot[key] = values

        take(first)
        total = int(first.get("count_element") or 0)
        per_page = int(first.get("per_page") or MAX_PER_PAGE)
        pages = list(range(2, -(-total // per_page) + 1)) if per_page > 0 else []
        for page in self._parallel(lambda n: self._contacts_page(n, per_page), pages):
            take(page)
        with self._stats_lock:
            self.stats.remote_contacts = len(snapshot)
        return snapshot
