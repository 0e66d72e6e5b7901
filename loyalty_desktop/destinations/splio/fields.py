"""Splio custom fields for a mapping: resolve targets to field ids, check types, encode values the
way Splio wants them, and compare a payload with a contact's current values (remote diff).

No I/O here: :mod:`.splio` lists and creates the fields, then builds a :class:`FieldPlan`.

- A mapping target is a contact custom field by name (reused by id when it exists), ``cN`` for
  custom field N, or one of the contact's own properties (``cellphone``, ``firstname``,
  ``lastname``, ``language``). ``email`` is the identifier and is never written.
- Values are JSON strings: ints ``"120"``, dates ``"YYYY-MM-DD HH:MM:SS"`` (the documented custom
  field format), texts as they are; an empty value is ``""``, which clears the field (an empty tier
  clears the tier). A contact property with no value is not sent (never wipes a phone).
- Types: catalog int ↔ Splio int or double, text ↔ text, date ↔ date. Splio's field listing has no
  type, so types come from contact payloads (``custom_fields[].data_type``: "string", "int", …).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import CATALOG_BY_KEY, FieldType, Mapping
from loyalty_desktop.store.store import dumps

SYSTEM_TARGETS = ("cellphone", "firstname", "lastname", "language")
IDENTITY_TARGETS = ("email",)
CREATE_TYPE = {FieldType.INT: "int", FieldType.TEXT: "text", FieldType.DATE: "date"}
COMPATIBLE = {FieldType.INT: ("int", "double"), FieldType.TEXT: ("text",), FieldType.DATE: ("date",)}
TYPE_WORDS = {FieldType.INT: tr("a number"), FieldType.TEXT: tr("a text"), FieldType.DATE: tr("a date")}
SPLIO_TYPE_WORDS = {"int": tr("an integer"), "double": tr("a decimal"), "text": tr("a text"), "date": tr("a date")}
_TYPE_ALIASES = {
    "text": "text", "string": "text", "varchar": "text", "char": "text", "str": "text",
    "int": "int", "integer": "int", "bigint": "int", "long": "int",
    "double": "double", "float": "double", "decimal": "double", "numeric": "double", "number": "double",
    "date": "date", "datetime": "date", "timestamp": "date",
}
_CUSTOM_ID = re.compile(r"^c(\d+)$")
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_]+$")
UNSENT = None  # in a wanted-values tuple: this slot is not written, any remote value matches


def splio_type(data_type: Any) -> str | None:
    """Splio's many spellings of a field type → int | double | text | date (None: unknown)."""
    return _TYPE_ALIASES.get(str(data_type or "").strip().lower())


@dataclass(frozen=True, slots=True)
class RemoteField:
    id: int
    name: str
    type: str | None  # int | double | text | date, None when Splio did not say
    is_system: bool = False


@dataclass(frozen=True, slots=True)
class Slot:
    """One mapped value: a catalog field written to a custom field (by id) or a contact property."""

    source: str  # catalog key
    target: str  # the mapping's target name
    field_id: int | None  # custom field id; None for a contact property
    splio_type: str  # int | double | text | date

    @property
    def is_custom(self) -> bool:
        return self.field_id is not None


@dataclass(frozen=True, slots=True)
class Missing:
    """A mapped custom field Splio does not have yet."""

    source: str
    name: str
    type: str  # what to create: int | text | date


def resolve(mapping: Mapping, fields: Iterable[RemoteField]) -> tuple[list[Slot], list[Missing], list[str]]:
    """Slots for the fields that exist, the custom fields to create, and type mismatches (sentences)."""
    custom = [f for f in fields if not f.is_system]
    by_name = {f.name: f for f in custom}
    by_id = {f.id: f for f in custom}
    slots: list[Slot] = []
    missing: list[Missing] = []
    problems: list[str] = []
    for fm in mapping.enabled:
        ctype = CATALOG_BY_KEY[fm.source].type
        label = CATALOG_BY_KEY[fm.source].label
        if fm.target in IDENTITY_TARGETS:
            continue
        if fm.target in SYSTEM_TARGETS:
            if ctype is not FieldType.TEXT:
                problems.append(tr("{label} is {type} but the contact's {field} is a text.").format(
                    label=label, type=TYPE_WORDS[ctype], field=fm.target))
            slots.append(Slot(fm.source, fm.target, None, "text"))
            continue
        remote = by_name.get(fm.target)
        m = _CUSTOM_ID.match(fm.target)
        if remote is None and m:
            remote = by_id.get(int(m.group(1)))
        if remote is None:
            missing.append(Missing(fm.source, fm.target, CREATE_TYPE[ctype]))
            continue
        if remote.type is not None and remote.type not in COMPATIBLE[ctype]:
            problems.append(tr("Splio field {name} (id {id}) holds {splio_type} but {label} is {type}.").format(
                name=repr(remote.name), id=remote.id, splio_type=SPLIO_TYPE_WORDS[remote.type], label=label,
                type=TYPE_WORDS[ctype]))
        slots.append(Slot(fm.source, fm.target, remote.id, remote.type or CREATE_TYPE[ctype]))
    return slots, missing, problems


def name_advice(name: str) -> str | None:
    """Splio advises names without spaces or accents (they break Designer personalisation variables)."""
    return None if _SAFE_NAME.match(name) else tr(
        "the Splio field name {name} has spaces, accents or symbols; Splio advises against them for Designer "
        "variables").format(name=repr(name))


def encode_value(ctype: FieldType, value: Any) -> str:
    """A catalog value as the string Splio stores ("" = empty)."""
    if value is None or value == "":
        return ""
    if ctype is FieldType.DATE:
        text = str(value)
        m = _DATE_PREFIX.match(text)
        if not m:
            return text
        return f"{m.group(1)} {m.group(2) or '00:00:00'}"
    if ctype is FieldType.INT:
        return str(int(value))
    return str(value)


def normalize(splio_type: str, value: Any) -> str:
    """A value as compared by the remote diff: numbers by value, dates by day (or to the second
    when a time is set), texts as they are; missing and empty are the same."""
    if value is None:
        return ""
    text = str(value).strip()
    if not text:
        return ""
    if splio_type in ("int", "double"):
        try:
            d = Decimal(text)
        except InvalidOperation:
            return text
        return format(d.normalize(), "f") if d == d.to_integral_value() else str(d.normalize())
    if splio_type == "date":
        m = _DATE_PREFIX.match(text)
        if m:
            return m.group(1) if m.group(2) in (None, "00:00:00") else f"{m.group(1)} {m.group(2)}"
    return text


@dataclass(frozen=True)
class FieldPlan:
    """How one mapping is written to one universe (after the fields were resolved)."""

    mapping_fp: str
    slots: tuple[Slot, ...]
    unique_key: str  # email | cellphone | cN
    key_source: str  # catalog key whose value addresses the contact
    key_slot: int | None  # index of the slot holding the cN key (never PATCHed: the key is immutable)

    @property
    def key_field_id(self) -> int | None:
        m = _CUSTOM_ID.match(self.unique_key)
        return int(m.group(1)) if m else None

    def key_label(self) -> str:
        if self.unique_key in ("email", "cellphone"):
            return self.unique_key
        slot = self.slots[self.key_slot] if self.key_slot is not None else None
        return slot.target if slot else self.unique_key

    def normalize_key(self, key: str) -> str:
        key = key.strip()
        return key.lower() if self.unique_key == "email" else key

    def encoder(self) -> Callable[[dict[str, Any]], str]:
        """member (catalog keys) → payload text ``{"b": <PATCH body>, "k": <unique key value>}``."""
        compiled = [(i, s.source, s.target, s.field_id, CATALOG_BY_KEY[s.source].type)
                    for i, s in enumerate(self.slots)]
        key_slot, key_source = self.key_slot, self.key_source
        key_type = CATALOG_BY_KEY[key_source].type

        def encode(member: dict[str, Any]) -> str:
            custom: list[dict[str, Any]] = []
            body: dict[str, Any] = {}
            for i, source, target, field_id, ctype in compiled:
                if i == key_slot or source not in member:  # not provided by the source: left as it is
                    continue
                value = member[source]
                if field_id is None:
                    if value is not None and value != "":
                        body[target] = str(value)
                else:
                    custom.append({"id": field_id, "value": encode_value(ctype, value)})
            if custom:
                body["custom_fields"] = sorted(custom, key=lambda c: c["id"])
            key = encode_value(key_type, member.get(key_source)) or None
            return dumps({"b": body, "k": key})

        return encode

    def wanted(self, body: dict[str, Any]) -> tuple[str | None, ...]:
        """The normalized values a PATCH body writes, aligned with the slots (UNSENT: not written)."""
        by_id = {c["id"]: c["value"] for c in body.get("custom_fields", ())}
        out: list[str | None] = []
        for i, s in enumerate(self.slots):
            if i == self.key_slot:
                out.append(UNSENT)
            elif s.field_id is None:
                out.append(normalize("text", body[s.target]) if s.target in body else UNSENT)
            else:
                out.append(normalize(s.splio_type, by_id[s.field_id]) if s.field_id in by_id else UNSENT)
        return tuple(out)

    def remote(self, contact: dict[str, Any]) -> tuple[str | None, tuple[str, ...]]:
        """(normalized unique key, normalized current values) of a contact as Splio returns it."""
        by_id: dict[int, Any] = {}
        by_name: dict[str, Any] = {}
        for cf in contact.get("custom_fields") or ():
            if isinstance(cf, dict):
                if isinstance(cf.get("id"), int):
                    by_id[cf["id"]] = cf.get("value")
                if isinstance(cf.get("name"), str):
                    by_name[cf["name"]] = cf.get("value")
        values = tuple(normalize(s.splio_type, by_id.get(s.field_id, by_name.get(s.target)))
                       if s.field_id is not None else normalize("text", contact.get(s.target))
                       for s in self.slots)
        kid = self.key_field_id
        raw = contact.get(self.unique_key) if kid is None else by_id.get(kid)
        key = self.normalize_key(str(raw)) if raw not in (None, "") else None
        return key, values

    def creation_body(self, member_email: str, key: str, body: dict[str, Any]) -> dict[str, Any]:
        """The body creating a contact missing from Splio: the key, the member's email, the values."""
        out = {k: v for k, v in body.items() if k != "custom_fields"}
        custom = [c for c in body.get("custom_fields", ()) if c["value"] != ""]
        kid = self.key_field_id
        if kid is not None:
            custom.append({"id": kid, "value": key})
            out["email"] = member_email
        elif self.unique_key == "cellphone":
            out["cellphone"] = key
            out["email"] = member_email
        else:
            out["email"] = key
        if custom:
            out["custom_fields"] = sorted(custom, key=lambda c: c["id"])
        return out


def plan_for(mapping: Mapping, slots: list[Slot], unique_key: str) -> tuple[FieldPlan | None, str | None]:
    """The plan, or why the mapping cannot address this universe's contacts."""
    key_slot: int | None = None
    if unique_key == "email":
        key_source = "email"
    elif unique_key == "cellphone":
        key_source = next((s.source for s in slots if s.target == "cellphone"), "phone")
    else:
        m = _CUSTOM_ID.match(unique_key)
        fid = int(m.group(1)) if m else -1
        key_slot = next((i for i, s in enumerate(slots) if s.field_id == fid), None)
        if key_slot is None:
            return None, tr("This Splio universe identifies contacts by its custom field {key} (id {id}); map the "
                            "loyalty field that holds this identifier (e.g. the external ID) to it.").format(
                key=unique_key, id=fid)
        key_source = slots[key_slot].source
    return FieldPlan(mapping.fingerprint(), tuple(slots), unique_key, key_source, key_slot), None
