"""Validate HTTP exchanges against Klaviyo's official OpenAPI (revision 2026-07-15).

Helper for tests (not a test module). The spec is loaded once per process (about 2 s) with
openapi-core, spec validation off (the full spec fails strict validation on an unrelated font
enumeration). Requests and responses are matched against the spec's server
``https://a.klaviyo.com``, whatever host they were really sent to, so sandbox URLs validate too.
"""

from __future__ import annotations

import functools
import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from helpers.paths import SHARED

SPEC_PATH = SHARED / "specs/klaviyo/stable.json"
SPEC_SERVER = "https://a.klaviyo.com"
JSONAPI = "application/vnd.api+json"


def spec_available() -> bool:
    return SPEC_PATH.is_file()


@functools.lru_cache(maxsize=1)
def _openapi() -> Any:
    if not spec_available():
        raise FileNotFoundError(f"Klaviyo OpenAPI spec not found at {SPEC_PATH}")
    from openapi_core import Config, OpenAPI

    return OpenAPI.from_file_path(str(SPEC_PATH), config=Config(spec_validator_cls=None))


def _lower(headers: Any) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in dict(headers or {}).items()}


def _mock_request(method: str, url: str, headers: Any, body: bytes | None) -> Any:
    from openapi_core.testing import MockRequest

    parts = urlsplit(str(url))
    path = parts.path.rstrip("/") or "/"  # the sandbox (like Klaviyo) accepts a trailing slash
    hs = _lower(headers)
    ctype = hs.get("content-type", JSONAPI).split(";", 1)[0].strip()
    if ctype == "application/json":
        # Klaviyo accepts plain JSON too (docs examples use it); the spec only lists JSON:API.
        ctype = JSONAPI
        hs["content-type"] = JSONAPI
    return MockRequest(SPEC_SERVER, method.lower(), path, args=parse_qsl(parts.query, keep_blank_values=True),  # type: ignore[arg-type]  # pairs: repeated params kept
                       headers=hs, data=body or None, content_type=ctype)


def _describe(exc: BaseException) -> str:
    lines = [f"{type(exc).__name__}: {exc}"]
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        for err in getattr(cur, "schema_errors", None) or ():
            path = "/".join(str(p) for p in getattr(err, "absolute_path", ()))
            lines.append(f"  at /{path}: {getattr(err, 'message', err)}")
        cur = cur.__cause__ or cur.__context__
        if cur is not None:
            lines.append(f"caused by {type(cur).__name__}: {cur}")
    return "\n".join(lines)


def validate_request(method: str, url: str, headers: dict, body: bytes | None) -> None:
    """Raise AssertionError if the request does not match the spec (path, params, body)."""
    from openapi_core.exceptions import OpenAPIError

    try:
        _openapi().validate_request(_mock_request(method, url, headers, body))
    except OpenAPIError as exc:
        raise AssertionError(f"{method} {url}: request does not match the Klaviyo spec:\n{_describe(exc)}") from None


def validate_response(method: str, url: str, req_headers: dict, body: bytes | None, status: int,
                      resp_headers: Any, resp_body: bytes) -> None:
    """Raise AssertionError if the response does not match the operation's declared response."""
    from openapi_core.exceptions import OpenAPIError
    from openapi_core.testing import MockResponse

    hs = _lower(resp_headers)
    ctype = hs.get("content-type", "").split(";", 1)[0].strip()
    if resp_body and ctype != JSONAPI:
        raise AssertionError(f"{method} {url}: response Content-Type is {ctype!r}, expected {JSONAPI}")
    if resp_body:
        try:
            json.loads(resp_body)
        except ValueError as exc:
            raise AssertionError(f"{method} {url}: response body is not JSON: {exc}") from None
    request = _mock_request(method, url, req_headers, body)
    response = MockResponse(resp_body or b"", status_code=status, headers=hs, content_type=ctype or JSONAPI)
    try:
        _openapi().validate_response(request, response)
    except OpenAPIError as exc:
        raise AssertionError(f"{method} {url} -> {status}: response does not match the Klaviyo spec:\n"
                             f"{_describe(exc)}\nbody: {resp_body[:2000]!r}") from None
