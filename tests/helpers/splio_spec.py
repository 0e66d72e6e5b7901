"""Check HTTP exchanges against Splio's own Swagger 2.0 (``../shared/specs/splio/``), and shared
pieces of the Splio tests (not a test module).

Splio's Swagger declares request bodies as inline JSON Schemas (``parameters[in=body].schema``):
they are validated with ``jsonschema`` (Draft 4, Swagger 2.0's dialect). Query and path parameters
are checked against their declared type, bounds, enum and pattern. Responses have **no schema** in
the Swagger, only examples: a 2xx JSON answer must carry at least the keys of the operation's
example (and, for a page, of every example element). Known quirk, handled explicitly: the
``/authenticate`` schema lists ``password`` as required but defines only ``api_key``; no client
sends a password (reference §2), so that one requirement is dropped.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from helpers.paths import SHARED

SPEC_PATH = SHARED / "specs/splio/splio-doc-swagger2.json"
INTERACTIONS_PATH = SHARED / "specs/splio/interactions-openapi.json"  # OpenAPI 3: /events, /events/bulk
START = datetime(2026, 11, 2, tzinfo=UTC)


def spec_available() -> bool:
    return SPEC_PATH.is_file()


def _deref(node: Any, root: dict[str, Any]) -> Any:
    """An OpenAPI 3 schema with its local $refs replaced by what they point to."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = root
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return _deref(target, root)
        return {k: _deref(v, root) for k, v in node.items()}
    if isinstance(node, list):
        return [_deref(v, root) for v in node]
    return node


def _interactions_paths() -> dict[str, Any]:
    """The Interactions API's operations in the Swagger 2.0 shape the checks read: the request body
    as a body parameter, the response examples under examples/application/json."""
    spec = json.loads(INTERACTIONS_PATH.read_text(encoding="utf-8"))
    paths: dict[str, Any] = {}
    for template, methods in spec["paths"].items():
        for method, op in methods.items():
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
            responses = {}
            for code, r in op.get("responses", {}).items():
                ex = (r.get("content") or {}).get("application/json", {}).get("examples", {}).get("response", {})
                responses[code] = {"examples": {"application/json": ex.get("value")}} if ex else {}
            params = [{"in": "body", "name": "payload", "required": True, "schema": _deref(body, spec)}] if body else []
            paths.setdefault(template.rstrip("/") or "/", {})[method] = {"parameters": params, "responses": responses}
    return paths


@functools.lru_cache(maxsize=1)
def _operations() -> list[tuple[re.Pattern[str], int, str, str, dict[str, Any]]]:
    spec = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    ops = []
    for template, methods in {**spec["paths"], **_interactions_paths()}.items():
        literal = template.count("{") == 0
        regex = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template)) + "$")
        for method, op in methods.items():
            if method.lower() in ("get", "post", "put", "patch", "delete"):
                # Literal paths win over templated ones (/data/contacts/bulk before /data/contacts/{id}).
                ops.append((regex, 0 if literal else 1, method.upper(), template, op))
    ops.sort(key=lambda o: o[1])
    return ops


def operation(method: str, path: str) -> tuple[str, dict[str, Any]]:
    """(path template, operation) the spec declares for this request; AssertionError if none."""
    for regex, _, m, template, op in _operations():
        if m == method.upper() and regex.match(path):
            return template, op
    raise AssertionError(f"{method} {path}: Splio's Swagger declares no such operation")


def body_schema(method: str, path: str) -> dict[str, Any] | None:
    template, op = operation(method, path)
    for p in op.get("parameters", []):
        if p.get("in") == "body" and "schema" in p:
            schema = json.loads(json.dumps(p["schema"]))
            if template == "/authenticate":  # the documented quirk: password is never sent nor required
                schema["required"] = [r for r in schema.get("required", []) if r != "password"]
            return schema
    return None


def _check_param(where: str, p: dict[str, Any], raw: str) -> None:
    if p.get("type") == "integer":
        assert re.fullmatch(r"-?\d+", raw), f"{where}: {p['name']}={raw!r} is not an integer"
        v = int(raw)
        assert "minimum" not in p or v >= p["minimum"], f"{where}: {p['name']}={v} < {p['minimum']}"
        assert "maximum" not in p or v <= p["maximum"], f"{where}: {p['name']}={v} > {p['maximum']}"
    if "enum" in p:
        assert raw in p["enum"], f"{where}: {p['name']}={raw!r} not in {p['enum']}"
    if "pattern" in p:
        assert re.search(p["pattern"], raw), f"{where}: {p['name']}={raw!r} does not match {p['pattern']}"


def validate_request(method: str, target: str, body: bytes | None) -> str:
    """Raise AssertionError if the request does not match the Swagger. Returns "schema" when a body
    was validated against a schema, "no-body" when the operation takes none, "no-schema" when a
    body was sent to an operation whose body has no schema."""
    from jsonschema import Draft4Validator

    split = urlsplit(target)
    path = split.path.rstrip("/") or "/"
    template, op = operation(method, path)
    where = f"{method} {target}"
    params = op.get("parameters", [])
    declared = {p["name"]: p for p in params if p.get("in") == "query"}
    for name, values in parse_qs(split.query, keep_blank_values=True).items():
        assert name in declared, f"{where}: query parameter {name!r} is not declared"
        for raw in values:
            _check_param(where, declared[name], raw)
    t_names = re.findall(r"\{([^}]+)\}", template)
    if t_names:
        regex = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template)) + "$")
        m = regex.match(path)
        assert m
        for name, raw in zip(t_names, m.groups(), strict=True):
            p = next((p for p in params if p.get("in") == "path" and p["name"] == name), None)
            if p is not None:
                _check_param(where, p, unquote(raw))
    schema = body_schema(method, path)
    if not body:
        assert schema is None or not any(p.get("required") for p in params if p.get("in") == "body"), \
            f"{where}: the operation requires a body"
        return "no-body"
    if schema is None:
        return "no-schema"
    try:
        instance = json.loads(body)
    except ValueError as exc:
        raise AssertionError(f"{where}: the body is not JSON ({exc})") from None
    errors = sorted(Draft4Validator(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]
        raise AssertionError(f"{where}: body does not match Splio's schema:\n" + "\n".join(lines))
    return "schema"


def _example(op: dict[str, Any], status: int) -> Any:
    resp = op.get("responses", {}).get(str(status)) or {}
    return (resp.get("examples") or {}).get("application/json")


def check_response(method: str, target: str, status: int, body: bytes) -> bool:
    """A 2xx JSON answer carries the keys of the Swagger's example; False when there is none."""
    path = urlsplit(target).path.rstrip("/") or "/"
    _, op = operation(method, path)
    example = _example(op, status)
    if not (200 <= status < 300) or not isinstance(example, dict):
        return False
    got = json.loads(body)
    where = f"{method} {target} -> {status}"
    assert isinstance(got, dict), f"{where}: expected an object, got {got!r:.200}"
    missing = set(example) - set(got)
    assert not missing, f"{where}: keys {sorted(missing)} of Splio's example are missing"
    for list_key in ("elements", "items"):
        samples = [e for e in example.get(list_key) or [] if isinstance(e, dict)]
        if samples and isinstance(got.get(list_key), list):
            common = set.intersection(*(set(e) for e in samples))
            for e in got[list_key]:
                lack = common - set(e)
                assert not lack, f"{where}: an item of {list_key} lacks {sorted(lack)}"
    return True


def check_exchanges(sb: Any) -> Counter[str]:
    """Validate every exchange a sandbox recorded; counts of "schema"/"no-body"/"no-schema" bodies
    and of responses checked against an example ("response-example")."""
    counts: Counter[str] = Counter()
    for rec in sb.requests:
        if rec.operation is None:
            continue  # injected fault, throttled, or a route Splio does not have (tested on purpose)
        counts[validate_request(rec.method, rec.path, rec.body)] += 1
        if (rec.status and rec.response_body and rec.response_headers.get("Content-Type") == "application/json"
                and check_response(rec.method, rec.path, rec.status, rec.response_body)):
            counts["response-example"] += 1
    return counts


# -- shared pieces of the Splio tests -------------------------------------------------------------

@contextmanager
def destination(sb: Any, key: str | None = None, **kw: Any) -> Iterator[Any]:
    """A connected SplioDestination on a sandbox; fast retries, and the sandbox's pace by default."""
    from loyalty_desktop.destinations.splio.adapter import SplioDestination
    from loyalty_desktop.destinations.splio.target import connect_splio
    from loyalty_desktop.net.client import RetryPolicy
    from loyalty_emulators.splio.server import DEMO_KEY

    kw.setdefault("retry", RetryPolicy(base_delay=0.05, max_delay=0.5))
    kw.setdefault("contacts_rps", sb.limits["contacts"][0])
    kw.setdefault("other_rps", sb.limits["other"][0])
    dest = SplioDestination(key or DEMO_KEY, sb.base_url or "", **kw)
    try:
        connect_splio(dest)
        yield dest
    finally:
        dest.close()


def run_sync(store: Any, program: Any, sb: Any, mapping: Any, *, confirmed: bool = True,
             **kw: Any) -> tuple[Any, Any]:
    """(run summary, the adapter's SendStats) of one engine run; the moments a month gives a few
    thousand members pass the confirmation threshold, so it is confirmed unless told otherwise."""
    from loyalty_desktop import service

    with destination(sb, **kw) as dest:
        return service.sync(store, program, "demo", dest, mapping, confirmed=confirmed), dest.stats


def expected_values(member: dict[str, Any], mapping: Any) -> dict[str, str]:
    """What a Splio contact must carry for a member (custom fields by name, strings, empty = unset)."""
    from loyalty_desktop.core.fields import CATALOG_BY_KEY
    from loyalty_desktop.destinations.splio.fields import encode_value

    out = {}
    for f in mapping.enabled:
        v = encode_value(CATALOG_BY_KEY[f.source].type, member.get(f.source))
        if v != "":
            out[f.target] = v
    return out


def loyalty_values(contact: dict[str, Any], mapping: Any) -> dict[str, str]:
    names = {f.target for f in mapping.enabled}
    return {k: v for k, v in contact["custom"].items() if k in names}
