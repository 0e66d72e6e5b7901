"""Route tables (path pattern → {method: operation}) and the credential of an Authorization header."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from loyalty_emulators.base.http import HttpRequest

#: A path segment captured as ``id``, for route patterns.
ID = r"(?P<id>[^/]+)"


class NoRoute(Exception):
    """No pattern matches the path (the emulator answers its 404)."""


class MethodNotAllowed(Exception):
    """The path exists but not with this method (the emulator answers its 405)."""

    def __init__(self, allowed: tuple[str, ...]) -> None:
        super().__init__(", ".join(allowed))
        self.allowed = allowed


@dataclass(frozen=True)
class Route:
    operation: str
    params: dict[str, str]  # the pattern's named groups, as matched (not unquoted)


class Router:
    """Patterns are full-path regular expressions (``^prefix pattern$``); a trailing slash is ignored."""

    def __init__(self, table: Iterable[tuple[str, Mapping[str, str]]], prefix: str = "") -> None:
        self._table = [(re.compile(f"^{prefix}{p}$"), dict(m)) for p, m in table]

    def match(self, method: str, path: str) -> Route:
        """Raises :class:`NoRoute` or :class:`MethodNotAllowed`."""
        path = path.rstrip("/") or "/"
        for pattern, methods in self._table:
            m = pattern.match(path)
            if m:
                if method not in methods:
                    raise MethodNotAllowed(tuple(methods))
                return Route(methods[method], m.groupdict())
        raise NoRoute(path)


def credential(req: HttpRequest, scheme: str, *, case_sensitive: bool = True) -> str:
    """The credential after ``scheme`` in the Authorization header; ``""`` if absent or another scheme."""
    given, _, value = (req.header("authorization") or "").strip().partition(" ")
    same = given == scheme if case_sensitive else given.lower() == scheme.lower()
    return value.strip() if same else ""
