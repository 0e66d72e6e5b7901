"""Synchronous payload validation for the Klaviyo sandbox.

Validators never raise for bad input: they return ``(value, errors)`` where ``errors`` is a list
of JSON:API error items whose ``source.pointer`` names the offending field, so that bulk endpoints
can report one error per bad row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from loyalty_emulators.klaviyo.common import (
    error_item,
    normalize_phone,
    parse_datetime,
    utcnow,
    valid_email,
)

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()

PROFILE_STR_ATTRS = ("email", "phone_number", "external_id", "_kx", "first_name", "last_name",
                     "organization", "locale", "title", "image")
IDENTIFIERS = ("email", "phone_number", "external_id", "_kx", "anonymous_id")
LOCATION_KEYS = ("address1", "address2", "city", "country", "latitude", "longitude", "region",
                 "zip", "timezone", "ip")
MAX_EVENT_PROPERTIES = 400
MAX_STRING_BYTES = 100 * 1024
MAX_ARRAY_ITEMS = 4000
MAX_DEPTH = 10
EARLIEST_EVENT_TIME = datetime(1990, 1, 1, tzinfo=UTC)


_BASE_ALLOWED = frozenset(PROFILE_STR_ATTRS) | {"location", "properties"}
_ALLOWED = {(ev, meta): _BASE_ALLOWED | ({"anonymous_id"} if ev else set()) | ({"meta"} if meta else set())
            for ev in (False, True) for meta in (False, True)}


@dataclass
class ProfileInput:
    """A validated profile write: only keys that were sent are present in ``attrs``."""

    id: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)  # value None = clear the attribute
    location: Any = MISSING  # dict (per-key merge) | None (clear) | MISSING
    properties: Any = MISSING  # dict (per-key merge) | None (clear all) | MISSING
    append: dict[str, Any] = field(default_factory=dict)
    unappend: dict[str, Any] = field(default_factory=dict)
    unset: list[str] = field(default_factory=list)
    phone_dropped: bool = False  # an invalid phone was ignored because another identifier exists
    raw: Any = None  # the row as sent (kept for import-error original_payload)

    @property
    def email_key(self) -> str | None:
        e = self.attrs.get("email")
        return e.lower() if e else None

    def identity_key(self) -> tuple[str, str] | None:
        """Stable key to group writes for the same person inside one request."""
        if self.id:
            return ("id", self.id)
        for k in ("email", "phone_number", "external_id", "_kx", "anonymous_id"):
            v = self.attrs.get(k)
            if v:
                return (k, v.lower() if k == "email" else v)
        return None


@dataclass
class EventInput:
    metric_name: str
    properties: dict[str, Any]
    time: datetime | None
    value: float | int | None
    value_currency: str | None
    unique_id: str | None
    backfill: bool | None
    service: str | None = None


def _err(detail: str, pointer: str) -> dict[str, Any]:
    return error_item(400, "invalid", detail, pointer=pointer)


def _type_name(v: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "integer", float: "number"}.get(type(v), type(v).__name__)


def validate_profile(obj: Any, base: str, *, event_profile: bool = False,
                     meta_in_attributes: bool = False) -> tuple[ProfileInput | None, list[dict]]:
    """Validate a ``{"type": "profile", "id"?, "attributes": {...}, "meta"?}`` resource object.

    ``base`` is the JSON pointer of the object (e.g. ``/data``). ``event_profile`` allows
    ``anonymous_id``; ``meta_in_attributes`` reads ``meta`` from inside ``attributes`` (the
    create_event placement) instead of beside it.
    """
    if not isinstance(obj, dict):
        return None, [_err(f"Expected an object, got {_type_name(obj)}.", base)]
    errors: list[dict] = []
    if obj.get("type") != "profile":
        errors.append(_err("Expected resource type 'profile'.", f"{base}/type"))
    pid = obj.get("id")
    if pid is not None and not isinstance(pid, str):
        errors.append(_err("'id' must be a string.", f"{base}/id"))
        pid = None
    attrs = obj.get("attributes")
    if not isinstance(attrs, dict):
        errors.append(_err("'attributes' is required and must be an object.", f"{base}/attributes"))
        return None, errors
    ap = f"{base}/attributes"
    inp = ProfileInput(id=pid or None, raw=obj)
    allowed = _ALLOWED[(event_profile, meta_in_attributes)]
    for key, value in attrs.items():
        if key not in allowed:
            errors.append(_err(f"'{key}' is not a valid attribute for the resource 'profile'.", f"{ap}/{key}"))
        elif key in ("location", "properties", "meta"):
            continue
        elif value is not None and not isinstance(value, str):
            errors.append(_err(f"'{key}' must be a string or null, got {_type_name(value)}.", f"{ap}/{key}"))
        else:
            inp.attrs[key] = value.strip() if isinstance(value, str) else None
    email = inp.attrs.get("email")
    if email == "":
        inp.attrs["email"] = email = None
    elif email is not None:
        inp.attrs["email"] = email = email.lower()  # Klaviyo stores addresses lower-cased
    if email is not None and not valid_email(email):
        errors.append(_err(f"Invalid email address '{email}'.", f"{ap}/email"))
    phone = inp.attrs.get("phone_number")
    if phone == "":
        inp.attrs["phone_number"] = phone = None
    if phone is not None:
        normalized = normalize_phone(phone)
        if normalized is not None:
            inp.attrs["phone_number"] = normalized
        elif email or inp.attrs.get("external_id") or inp.id:
            del inp.attrs["phone_number"]  # ignored, like Klaviyo's partial failure
            inp.phone_dropped = True
        else:
            errors.append(_err(f"Invalid phone number '{phone}'. Phone numbers must be in E.164 "
                               "format (e.g. +15005550006).", f"{ap}/phone_number"))
    if "location" in attrs:
        loc = attrs["location"]
        if loc is None:
            inp.location = None
        elif not isinstance(loc, dict):
            errors.append(_err("'location' must be an object or null.", f"{ap}/location"))
        else:
            for k, v in loc.items():
                ok = k in LOCATION_KEYS and (v is None or isinstance(v, str) or (
                    k in ("latitude", "longitude") and isinstance(v, (int, float)) and not isinstance(v, bool)))
                if not ok:
                    errors.append(_err(f"Invalid location field '{k}'.", f"{ap}/location/{k}"))
            inp.location = dict(loc)
    if "properties" in attrs:
        props = attrs["properties"]
        if props is not None and not isinstance(props, dict):
            errors.append(_err("'properties' must be an object or null.", f"{ap}/properties"))
        else:
            inp.properties = props
    if meta_in_attributes and "meta" in obj:
        errors.append(_err("In create_event, 'meta' belongs inside the profile's 'attributes'.", f"{base}/meta"))
    meta = attrs.get("meta") if meta_in_attributes else obj.get("meta")
    mp = f"{ap}/meta" if meta_in_attributes else f"{base}/meta"
    if meta is not None:
        errors.extend(_read_meta(meta, mp, inp))
    if not errors and not inp.id and not any(inp.attrs.get(k) for k in IDENTIFIERS):
        errors.append(_err("A profile identifier is required: one of email, phone_number, "
                           "external_id" + (", anonymous_id" if event_profile else "") + " or id.", ap))
    return (None if errors else inp), errors


def _read_meta(meta: Any, mp: str, inp: ProfileInput) -> list[dict]:
    if not isinstance(meta, dict):
        return [_err("'meta' must be an object.", mp)]
    errors: list[dict[str, Any]] = []
    pp = meta.get("patch_properties")
    if pp is None:
        return errors
    if not isinstance(pp, dict):
        return [_err("'patch_properties' must be an object.", f"{mp}/patch_properties")]
    for k in ("append", "unappend"):
        v = pp.get(k)
        if v is None:
            continue
        if not isinstance(v, dict):
            errors.append(_err(f"'{k}' must be an object.", f"{mp}/patch_properties/{k}"))
        else:
            setattr(inp, k, v)
    unset = pp.get("unset")
    if isinstance(unset, str):
        inp.unset = [unset]
    elif isinstance(unset, list) and all(isinstance(x, str) for x in unset):
        inp.unset = list(unset)
    elif unset is not None:
        errors.append(_err("'unset' must be a string or a list of strings.", f"{mp}/patch_properties/unset"))
    return errors


def _walk(value: Any, ptr: str, depth: int) -> str | None:
    if isinstance(value, str):
        if len(value) > MAX_STRING_BYTES // 4 and len(value.encode("utf-8")) > MAX_STRING_BYTES:
            return f"{ptr}: strings cannot be larger than 100 KB."
    elif isinstance(value, dict):
        if depth >= MAX_DEPTH:
            return f"{ptr}: nesting deeper than {MAX_DEPTH} levels."
        for k, v in value.items():
            if not isinstance(v, (int, float, bool)) and v is not None:
                problem = _walk(v, f"{ptr}/{k}", depth + 1)
                if problem:
                    return problem
    elif isinstance(value, list):
        if len(value) > MAX_ARRAY_ITEMS:
            return f"{ptr}: arrays cannot hold more than {MAX_ARRAY_ITEMS} items."
        if depth >= MAX_DEPTH:
            return f"{ptr}: nesting deeper than {MAX_DEPTH} levels."
        for i, v in enumerate(value):
            if not isinstance(v, (int, float, bool)) and v is not None:
                problem = _walk(v, f"{ptr}/{i}", depth + 1)
                if problem:
                    return problem
    elif isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
        return f"{ptr}: integers must fit in 64 bits."
    return None


def validate_event(obj: Any, base: str, now: datetime | None = None) -> tuple[EventInput | None, list[dict]]:
    """Validate an ``{"type": "event", "attributes": {...}}`` object (profile block excluded)."""
    if not isinstance(obj, dict):
        return None, [_err("Expected an object.", base)]
    errors: list[dict] = []
    if obj.get("type") != "event":
        errors.append(_err("Expected resource type 'event'.", f"{base}/type"))
    attrs = obj.get("attributes")
    ap = f"{base}/attributes"
    if not isinstance(attrs, dict):
        return None, [*errors, _err("'attributes' is required and must be an object.", ap)]
    props = attrs.get("properties")
    if not isinstance(props, dict):
        errors.append(_err("'properties' is required and must be an object.", f"{ap}/properties"))
        props = {}
    elif len(props) > MAX_EVENT_PROPERTIES:
        errors.append(_err(f"Events cannot have more than {MAX_EVENT_PROPERTIES} properties "
                           f"(got {len(props)}).", f"{ap}/properties"))
    else:
        problem = _walk(props, f"{ap}/properties", 0)
        if problem:
            ptr, _, msg = problem.partition(": ")
            errors.append(_err(f"Invalid event property: {msg}", ptr))
    when = None
    t = attrs.get("time")
    if t is not None:
        try:
            if not isinstance(t, str):
                raise ValueError
            when = parse_datetime(t).replace(microsecond=0)
        except ValueError:
            errors.append(_err(f"Invalid datetime '{t}'. Use ISO 8601, e.g. 2026-11-20T14:03:00+00:00.",
                               f"{ap}/time"))
        else:
            latest = (now or utcnow()) + timedelta(days=365)
            if when < EARLIEST_EVENT_TIME or when > latest:
                errors.append(_err("The time must be after the year 1990 and can only be up to 1 "
                                   "year in the future.", f"{ap}/time"))
    value = attrs.get("value")
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        errors.append(_err("'value' must be a number.", f"{ap}/value"))
    currency = attrs.get("value_currency")
    if currency is not None and not isinstance(currency, str):
        errors.append(_err("'value_currency' must be a string.", f"{ap}/value_currency"))
    uid = attrs.get("unique_id")
    if uid is not None and (not isinstance(uid, str) or not 1 <= len(uid) <= 255):
        errors.append(_err("'unique_id' must be a string of 1 to 255 characters.", f"{ap}/unique_id"))
    backfill = attrs.get("backfill")
    if backfill is not None and not isinstance(backfill, bool):
        errors.append(_err("'backfill' must be a boolean.", f"{ap}/backfill"))
    metric = attrs.get("metric")
    mdata = metric.get("data") if isinstance(metric, dict) else None
    mattrs = mdata.get("attributes") if isinstance(mdata, dict) else None
    name = mattrs.get("name") if isinstance(mattrs, dict) else None
    service = mattrs.get("service") if isinstance(mattrs, dict) else None
    mp = f"{ap}/metric/data"
    if not isinstance(mdata, dict) or mdata.get("type") != "metric":
        errors.append(_err("'metric.data' must be a metric resource object.", mp))
    elif not isinstance(name, str) or not name.strip():
        errors.append(_err("A metric name is required.", f"{mp}/attributes/name"))
    elif len(name) >= 128:
        errors.append(_err("Metric names must be less than 128 characters.", f"{mp}/attributes/name"))
    if errors:
        return None, errors
    assert isinstance(name, str)  # checked above
    return EventInput(metric_name=name, properties=props, time=when, value=value,
                      value_currency=currency, unique_id=uid, backfill=backfill,
                      service=service if isinstance(service, str) else None), []


def as_resource(doc: Any, rtype: str, pointer: str = "/data") -> tuple[dict | None, list[dict]]:
    """``doc['data']`` if it is an object of ``rtype`` with an ``attributes`` object."""
    data = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(data, dict):
        return None, [_err("The request body must be a JSON:API document with a 'data' object.", pointer)]
    if data.get("type") != rtype:
        return None, [_err(f"Expected resource type '{rtype}', got '{data.get('type')}'.", f"{pointer}/type")]
    if not isinstance(data.get("attributes"), dict):
        return None, [_err("'attributes' is required and must be an object.", f"{pointer}/attributes")]
    return data, []
