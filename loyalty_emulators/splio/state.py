"""The Splio sandbox's universe: custom fields, contacts, lists, and the validation rules of the
contact endpoints (``shared/reference/splio.md`` §3–§5, §11).

No HTTP here: :mod:`.splio` routes requests to these methods. Every method runs under
``Universe.lock`` (taken by the caller) and raises :class:`SplioApiError` for an answer in Splio's
error envelope ``{"status": N, "errors": [{"error_key", "error", "error_description"}]}``.

Modelling choices where the references are silent ([INF] in the reference):

* custom fields are resolved by ``id`` when given, else by exact ``name``; an unknown one is the
  documented 400 "Custom field not found for id N." (or "… for name X.");
* values must be JSON strings; ``""`` clears a field of any type; int ``^-?\\d+$``, double a decimal
  number, date exactly ``YYYY-MM-DD HH:MM:SS`` (the documented format);
* ``PATCH`` merges ``custom_fields`` (only the listed ones change) and replaces ``lists`` whole;
  the unique-key field cannot change (400); an unknown property is refused (400);
* bulk create validates the request's shape first (a JSON type error or a malformed email anywhere
  answers 400 for the whole request, with an indexed ``error_key`` like ``contacts[1].email``), then
  creates item by item: "already exists", unknown field, wrong field type and a missing key are
  per-item 400 codes inside the 207;
* a contact's ``custom_fields`` lists every custom field of the universe (``""`` when unset), with a
  ``data_type`` of ``string``/``int``/``double``/``date`` (the only place the type shows: the
  field listing has none, as in Splio's own example).
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.splio.wire import (
    CONTACT_KEYS,
    CREATION_DATE_RE,
    CUSTOM_KEY_RE,
    DATA_TYPE_WORD,
    EMAIL_RE,
    FIELD_SCOPES,
    FIELD_TYPES,
    MAX_BULK,
    MAX_CONTACT_FIELDS,
    MAX_PER_PAGE,
    PATCH_KEYS,
    STRING_KEYS,
    SplioApiError,
    bad,
    valid_value,
)

__all__ = ["DATA_TYPE_WORD", "FIELD_SCOPES", "FIELD_TYPES", "MAX_BULK", "MAX_CONTACT_FIELDS", "MAX_PER_PAGE",
           "Contact", "CustomField", "SplioApiError", "Universe", "bad"]


@dataclass
class CustomField:
    id: int
    name: str
    type: str  # date | text | int | double
    is_system: bool = False
    label: str = ""


@dataclass
class Contact:
    id: int  # Splio's internal id
    email: str = ""
    cellphone: str = ""
    firstname: str = ""
    lastname: str = ""
    language: str = ""
    creation_date: str = ""
    custom: dict[int, str] = field(default_factory=dict)  # field id → value (strings)
    lists: list[int] = field(default_factory=list)


def _now() -> str:
    return emclock.local_now().strftime("%Y-%m-%d %H:%M:%S")


class Universe:
    """One Splio universe: its unique key, fields, lists and contacts."""

    def __init__(self, unique_key: str = "email", name: str = "maison-lumiere-sandbox") -> None:
        self.lock = threading.RLock()
        self.name = name
        self.fields: dict[int, CustomField] = {0: CustomField(0, "ext_id", "text", True, "External ID")}
        self.next_field_id = 1
        self.lists: dict[int, str] = {}
        self.contacts: dict[str, Contact] = {}  # unique-key value (normalized) → contact
        self.by_id: dict[int, Contact] = {}
        self.next_contact_id = 1
        self.unique_key = "email"
        self.set_unique_key(unique_key)

    # -- configuration --------------------------------------------------------------------------

    def set_unique_key(self, unique_key: str) -> None:
        m = CUSTOM_KEY_RE.match(unique_key)
        if unique_key not in ("email", "cellphone") and not (m and int(m.group(1)) in self.fields):
            raise ValueError(f"unique key must be email, cellphone or cN of an existing field, not {unique_key!r}")
        if self.contacts:
            raise ValueError("set the unique key before adding contacts")
        self.unique_key = unique_key

    @property
    def key_field_id(self) -> int | None:
        m = CUSTOM_KEY_RE.match(self.unique_key)
        return int(m.group(1)) if m else None

    def add_field(self, name: object, type_: str) -> CustomField:  # name: as the JSON body gave it
        if type_ not in FIELD_TYPES:
            raise bad("type", "wrong_value", f"The value you selected is not a valid choice: {type_}.")
        if not isinstance(name, str) or not name.strip():
            raise bad("name", "is_blank", "This value should not be blank.")
        if len(name) > 255:
            raise bad("name", "too_long", "This value is too long. It should have 255 characters or less.")
        if any(f.name == name for f in self.fields.values()):
            raise bad("name", "wrong_value", f"A custom field named {name} already exists.")
        if sum(1 for f in self.fields.values() if not f.is_system) >= MAX_CONTACT_FIELDS:
            raise bad("name", "limit_reached", f"The universe already has {MAX_CONTACT_FIELDS} contact custom fields.")
        f = CustomField(self.next_field_id, name, type_, False, name)
        self.fields[f.id] = f
        self.next_field_id += 1
        return f

    def delete_field(self, field_id: int) -> None:
        f = self.fields.get(field_id)
        if f is None or f.is_system:
            raise SplioApiError(404, "id", "wrong_value", "Custom field not found.")
        if field_id == self.key_field_id:
            raise bad("id", "wrong_value", "The custom field used as unique key cannot be deleted.")
        del self.fields[field_id]
        for c in self.contacts.values():
            c.custom.pop(field_id, None)

    def add_list(self, list_id: int, name: str) -> None:
        self.lists[list_id] = name

    def field_by_name(self, name: str) -> CustomField | None:
        return next((f for f in self.fields.values() if f.name == name and not f.is_system), None)

    # -- rendering ------------------------------------------------------------------------------

    def field_listing(self) -> list[dict[str, Any]]:
        total = len(self.contacts)
        out = []
        for f in sorted(self.fields.values(), key=lambda f: f.id):
            if f.is_system:
                filled = sum(1 for c in self.contacts.values() if c.custom.get(0))
                values = {c.custom.get(0) for c in self.contacts.values() if c.custom.get(0)}
            else:
                filled = sum(1 for c in self.contacts.values() if c.custom.get(f.id))
                values = {c.custom[f.id] for c in self.contacts.values() if c.custom.get(f.id)}
            out.append({"intid": None if f.is_system else f.id, "id": f.id, "is_system": f.is_system,
                        "filling": round(100 * filled / total) if total else 0, "unique_values": len(values),
                        "name": f.name, "translation_key": "external_id" if f.is_system else f.name,
                        "label": f.label or f.name, "field_key": f.name})
        return out

    def render(self, c: Contact) -> dict[str, Any]:
        return {
            "id": c.id, "lastname": c.lastname, "firstname": c.firstname, "email": c.email,
            "cellphone": c.cellphone, "creation_date": c.creation_date, "language": c.language,
            "custom_fields": [{"id": f.id, "name": f.name, "value": c.custom.get(f.id, ""),
                               "data_type": DATA_TYPE_WORD[f.type]}
                              for f in sorted(self.fields.values(), key=lambda f: f.id) if not f.is_system],
            "lists": [{"id": i, "name": self.lists.get(i, "")} for i in c.lists],
            "loyalty": [],
        }

    def page(self, per_page: int, page_number: int) -> dict[str, Any]:
        """Contacts in internal-id order (`by_id` is kept in that order: ids only grow)."""
        start = (page_number - 1) * per_page
        chunk = itertools.islice(self.by_id.values(), start, start + per_page)
        return {"count_element": len(self.by_id), "current_page": page_number, "per_page": per_page, "sort": [],
                "elements": [self.render(c) for c in chunk]}

    # -- keys -----------------------------------------------------------------------------------

    def normalize_key(self, value: str) -> str:
        value = value.strip()
        return value.lower() if self.unique_key == "email" else value

    def key_of(self, c: Contact) -> str:
        if self.unique_key == "email":
            return c.email
        if self.unique_key == "cellphone":
            return c.cellphone
        return c.custom.get(self.key_field_id or 0, "")

    def find(self, ident: str, by: str | None = None) -> Contact:
        """The contact addressed by a path segment (unique key, or internal id with key=internal_id)."""
        if by not in (None, "unique_key", "internal_id"):
            raise bad("key", "wrong_value", "The value you selected is not a valid choice.")
        c: Contact | None
        if by == "internal_id":
            c = self.by_id.get(int(ident)) if ident.isdigit() else None
        else:
            c = self.contacts.get(self.normalize_key(ident))
        if c is None:
            raise SplioApiError(404, "id", "wrong_value", f"Record not found for id {{{ident}}}.")
        return c

    # -- validation -----------------------------------------------------------------------------

    def check_shape(self, body: Any, prefix: str = "", patch: bool = False) -> None:
        """JSON-type validation of a contact body (Splio's schema); raises a 400 listing every error."""
        err: SplioApiError | None = None

        def add(key: str, error: str, desc: str) -> None:
            nonlocal err
            if err is None:
                err = bad(prefix + key, error, desc)
            else:
                err.add(prefix + key, error, desc)

        if not isinstance(body, dict):
            raise bad(prefix.rstrip(".") or "payload", "wrong_type", "This value should be of type object.")
        allowed = PATCH_KEYS if patch else CONTACT_KEYS
        for k in body:
            if k not in allowed:
                add(k, "extra_field", "This field was not expected.")
        for k in STRING_KEYS:
            if k in body and not isinstance(body[k], str):
                add(k, "wrong_type", "This value should be of type string.")
        if isinstance(body.get("email"), str) and body["email"] and not EMAIL_RE.match(body["email"].strip()):
            add("email", "wrong_email", "The email given should have the right format")
        if isinstance(body.get("creation_date"), str) and not CREATION_DATE_RE.match(body["creation_date"]):
            add("creation_date", "wrong_format", "The date should have the format YYYY-MM-DD HH:MM:SS.")
        if patch and "key" in body and body["key"] not in ("unique_key", "internal_id"):
            add("key", "wrong_value", "The value you selected is not a valid choice.")
        cfs = body.get("custom_fields")
        if cfs is not None:
            if not isinstance(cfs, list):
                add("custom_fields", "wrong_type", "This value should be of type array.")
            else:
                for i, cf in enumerate(cfs):
                    where = f"custom_fields[{i}]"
                    if not isinstance(cf, dict):
                        add(where, "wrong_type", "This value should be of type object.")
                        continue
                    if "id" in cf and (not isinstance(cf["id"], int) or isinstance(cf["id"], bool)):
                        add(where + ".id", "wrong_type", "This value should be of type integer.")
                    if "name" in cf and not isinstance(cf["name"], str):
                        add(where + ".name", "wrong_type", "This value should be of type string.")
                    if "id" not in cf and "name" not in cf:
                        add(where, "is_blank", "A custom field needs an id or a name.")
                    if "value" not in cf:
                        add(where + ".value", "is_blank", "This value should not be blank.")
                    elif not isinstance(cf["value"], str):
                        add(where + ".value", "wrong_type", "This value should be of type string.")
        lists = body.get("lists")
        if lists is not None:
            if not isinstance(lists, list):
                add("lists", "wrong_type", "This value should be of type array.")
            else:
                for i, item in enumerate(lists):
                    if not isinstance(item, dict) or "id" not in item:
                        add(f"lists[{i}]", "wrong_value", "lists for contact created should contains id key")
                    elif not isinstance(item["id"], int) or isinstance(item["id"], bool):
                        add(f"lists[{i}].id", "wrong_type", "This value should be of type integer.")
        if err is not None:
            raise err

    def _resolve_values(self, cfs: list[dict[str, Any]]) -> dict[int, str]:
        """Custom fields by id (else name), values checked against each field's type."""
        out: dict[int, str] = {}
        for cf in cfs:
            if "id" in cf:
                f = self.fields.get(cf["id"])
                if f is None or f.is_system:
                    raise bad("custom_fields", "wrong_value", f"Custom field not found for id {cf['id']}.")
            else:
                f = self.field_by_name(cf["name"])
                if f is None:
                    raise bad("custom_fields", "wrong_value", f"Custom field not found for name {cf['name']}.")
            value = cf["value"]
            if value != "" and not valid_value(f.type, value):
                raise bad("custom_fields", "wrong_type",
                          f"Custom field with id {f.id} and name {f.name} must be of type {f.type}.")
            out[f.id] = value
        return out

    def _check_lists(self, lists: list[dict[str, Any]]) -> list[int]:
        ids: list[int] = []
        for item in lists:
            if item["id"] not in self.lists:
                raise bad("list_id", "wrong_value", f"list {item['id']} does not exist")
            if item["id"] not in ids:
                ids.append(item["id"])
        return ids

    @staticmethod
    def _check_email(body: dict[str, Any]) -> None:
        email = body.get("email")
        if email and not EMAIL_RE.match(email):
            raise bad("email", "wrong_email", "The email given should have the right format")

    # -- operations -----------------------------------------------------------------------------

    def create(self, body: dict[str, Any]) -> Contact:
        """Create one contact from a body whose shape was checked."""
        self._check_email(body)
        values = self._resolve_values(body.get("custom_fields") or [])
        lists = self._check_lists(body.get("lists") or [])
        c = Contact(0, email=(body.get("email") or "").strip().lower(), cellphone=(body.get("cellphone") or "").strip(),
                    firstname=body.get("firstname", ""), lastname=body.get("lastname", ""),
                    language=body.get("language", ""), creation_date=body.get("creation_date") or _now(),
                    custom={k: v for k, v in values.items() if v != ""}, lists=lists)
        key = self.normalize_key(self.key_of(c))
        if not key:
            raise bad("contact_key", "wrong_contact_key",
                      f"Bad key formating against universe key, {self.unique_key} is empty")
        if key in self.contacts:
            raise bad("id", "wrong_value", f"contact with unique key {key} already exists")
        c.id = self.next_contact_id
        self.next_contact_id += 1
        self.contacts[key] = c
        self.by_id[c.id] = c
        return c

    def patch(self, c: Contact, body: dict[str, Any]) -> Contact:
        """Edit a contact: custom fields merged, lists replaced, the unique key immutable."""
        self._check_email(body)
        values = self._resolve_values(body.get("custom_fields") or [])
        lists = self._check_lists(body["lists"]) if "lists" in body else None
        uk = self.unique_key
        if uk in ("email", "cellphone") and uk in body and self.normalize_key(body[uk]) != self.key_of(c):
            raise bad("unique_key", "wrong_value", f'unique key "{uk}" can\'t be updated')
        kid = self.key_field_id
        if kid is not None and kid in values and values[kid].strip() != c.custom.get(kid, ""):
            raise bad("unique_key", "wrong_value", f'unique key "{uk}" can\'t be updated')
        for k in ("firstname", "lastname", "language", "creation_date"):
            if k in body:
                setattr(c, k, body[k])
        if "email" in body and uk != "email":
            c.email = body["email"].strip().lower()
        if "cellphone" in body and uk != "cellphone":
            c.cellphone = body["cellphone"].strip()
        for fid, v in values.items():
            if v == "":
                c.custom.pop(fid, None)
            else:
                c.custom[fid] = v
        if lists is not None:
            c.lists = lists
        return c

    def delete(self, c: Contact) -> None:
        del self.contacts[self.normalize_key(self.key_of(c))]
        del self.by_id[c.id]

    def bulk_create(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict) or not isinstance(body.get("contacts"), list):
            raise bad("contacts", "wrong_type", "This value should be of type array.")
        items = body["contacts"]
        if not items:
            raise bad("contacts", "is_blank", "This collection should contain 1 element or more.")
        if len(items) > MAX_BULK:
            raise bad("contacts", "too_many", f"This collection should contain {MAX_BULK} elements or less.")
        extra = [k for k in body if k != "contacts"]
        if extra:
            raise bad(extra[0], "extra_field", "This field was not expected.")
        err: SplioApiError | None = None
        for i, item in enumerate(items):
            try:
                self.check_shape(item, prefix=f"contacts[{i}].")
            except SplioApiError as exc:
                if err is None:
                    err = exc
                else:
                    err.items.extend(exc.items)
        if err is not None:
            raise err
        results = []
        errors = 0
        for item in items:
            ident = item.get(self.unique_key) if self.key_field_id is None else next(
                (cf.get("value") for cf in item.get("custom_fields") or []
                 if cf.get("id") == self.key_field_id), "")
            try:
                c = self.create(item)
                results.append({"contact_id": self.key_of(c), "code": 201, "description": ""})
            except SplioApiError as exc:
                errors += 1
                desc = exc.items[0]["error_description"]
                if exc.items[0]["error_key"] == "id":  # the per-item wording of Splio's 207 example
                    desc = f"Contact with unique key {self.normalize_key(ident or '')} already exists"
                results.append({"contact_id": ident or "", "code": exc.status, "description": desc})
        return {"errors": errors, "items": results}

