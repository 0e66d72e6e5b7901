"""Klaviyo query-string features: ``filter`` parsing/evaluation, sorting and cursor pages.

Filter syntax (https://developers.klaviyo.com/en/docs/filtering_): ``op(field,value)``, combined
with ``and(...)`` or a top-level comma list. Strings are quoted (``'x'`` or ``"x"``), lists are
``["a","b"]``; datetimes, numbers, booleans and null are unquoted.
"""

from __future__ import annotations

import base64
import bisect
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from loyalty_emulators.klaviyo.common import invalid, parse_datetime


@dataclass(frozen=True)
class Quoted:
    value: str


@dataclass(frozen=True)
class Cond:
    op: str
    field: str
    value: Any  # Quoted | list | datetime | int | float | bool | None


_TOKEN = re.compile(r"""\s*(?:(?P<punct>[(),\[\]])
                          |(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
                          |(?P<bare>[^\s(),\[\]'"]+))""", re.VERBOSE)


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"unexpected character at position {pos}")
        pos = m.end()
        kind = m.lastgroup or "bare"
        out.append((kind, m.group(kind)))
    return out


def _bare_value(tok: str) -> Any:
    low = tok.lower()
    if low in ("true", "false"):
        return low == "true"
    if low == "null":
        return None
    if re.fullmatch(r"-?\d+", tok):
        return int(tok)
    if re.fullmatch(r"-?\d+\.\d+", tok):
        return float(tok)
    try:
        return parse_datetime(tok)
    except ValueError:
        raise ValueError(f"'{tok}' is not a valid unquoted value; quote strings") from None


def _unquote(tok: str) -> str:
    return re.sub(r"\\(.)", r"\1", tok[1:-1])


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, expect: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (expect is not None and tok[1] != expect):
            raise ValueError(f"expected {expect or 'more input'}")
        self.i += 1
        return tok

    def expr_list(self) -> list[Cond]:
        conds = self.expr()
        while (tok := self.peek()) and tok[1] == ",":
            self.take(",")
            conds += self.expr()
        return conds

    def expr(self) -> list[Cond]:
        kind, name = self.take()
        if kind != "bare":
            raise ValueError("expected an operator")
        self.take("(")
        if name == "and":
            conds = self.expr_list()
            self.take(")")
            return conds
        if name in ("or", "not"):
            raise ValueError(f"'{name}' is not supported here")
        kind, field = self.take()
        if kind != "bare":
            raise ValueError("expected a field name")
        if name == "has":
            self.take(")")
            return [Cond(name, field, None)]
        self.take(",")
        value = self.value()
        self.take(")")
        return [Cond(name, field, value)]

    def value(self) -> Any:
        kind, tok = self.take()
        if kind == "str":
            return Quoted(_unquote(tok))
        if tok == "[":
            items = []
            while True:
                items.append(self.value())
                kind, tok = self.take()
                if tok == "]":
                    return items
                if tok != ",":
                    raise ValueError("expected ',' or ']'")
        if kind == "bare":
            return _bare_value(tok)
        raise ValueError(f"unexpected '{tok}'")


def _quoted_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, Quoted) for x in v)


# What each kind of filter value must be, and how an error names it ("list" and "strs" are the
# same thing: the profiles' filters call it one name, the kit resources' the other).
_KIND_OK: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, Quoted), "list": _quoted_list, "strs": _quoted_list,
    "datetime": lambda v: isinstance(v, datetime),
    "datetime_or_int": lambda v: isinstance(v, datetime) or (isinstance(v, int) and not isinstance(v, bool)),
    "bool": lambda v: isinstance(v, bool),
    "bools": lambda v: isinstance(v, list) and all(isinstance(x, bool) for x in v),
    "none": lambda v: v is None}
_KIND_WORDS = {"str": "a quoted string", "list": "a list of quoted strings", "strs": "a list of quoted strings",
               "datetime": "an unquoted datetime", "datetime_or_int": "an unquoted datetime",
               "bool": "true or false", "bools": "a list of true/false", "none": "no value"}


def parse_filter(text: str | None, allowed: dict[str, dict[str, str]]) -> list[Cond]:
    """Parse and check against ``allowed``: ``{field: {op: kind}}`` with kind in ``_KIND_OK``
    (e.g. ``'str'`` quoted string, ``'list'`` list of quoted strings, ``'datetime'`` unquoted,
    ``'none'`` no value as in ``has``). No filter: no condition."""
    if not text:
        return []
    try:
        parser = _Parser(text)
        conds = parser.expr_list()
        if parser.peek() is not None:
            raise ValueError("unexpected trailing input")
    except ValueError as exc:
        raise invalid(f"Invalid filter provided: {exc}.", parameter="filter") from None
    for c in conds:
        kinds = allowed.get(c.field)
        if kinds is None:
            raise invalid(f"'{c.field}' is not a valid field for this filter.", parameter="filter")
        kind = kinds.get(c.op)
        if kind is None:
            raise invalid(f"Filter operation '{c.op}' not allowed for field '{c.field}'. Allowed: "
                          f"{', '.join(kinds)}.", parameter="filter")
        if not _KIND_OK[kind](c.value):
            raise invalid(f"Invalid filter provided: '{c.op}({c.field},...)' expects {_KIND_WORDS[kind]}.",
                          parameter="filter")
    return conds


def compile_filter(conds: Sequence[Cond], getter: Callable[[Any, str], Any],
                   casefold: Iterable[str] = ()) -> Callable[[Any], bool]:
    """Predicate for the AND of ``conds``; ``getter(obj, field)`` reads a field."""
    fold = set(casefold)

    def norm(field: str, v: Any) -> Any:
        if isinstance(v, Quoted):
            v = v.value
        return v.lower() if field in fold and isinstance(v, str) else v

    checks: list[Callable[..., bool]] = []  # `...`: the lambdas bind their loop values as defaults
    for c in conds:
        f = c.field
        if c.op == "equals":
            want = norm(f, c.value)
            checks.append(lambda o, f=f, want=want: norm(f, getter(o, f)) == want)
        elif c.op == "any":
            wants = {norm(f, x) for x in c.value}
            checks.append(lambda o, f=f, wants=wants: norm(f, getter(o, f)) in wants)
        elif c.op == "has":
            checks.append(lambda o, f=f: getter(o, f) is not None)
        else:
            ref = c.value
            cmp = {"greater-than": lambda a, b: a > b, "greater-or-equal": lambda a, b: a >= b,
                   "less-than": lambda a, b: a < b, "less-or-equal": lambda a, b: a <= b}[c.op]

            def check(o: Any, f: str = f, ref: Any = ref, cmp: Callable = cmp) -> bool:
                v = getter(o, f)
                if v is None:
                    return False
                if isinstance(ref, int) and isinstance(v, datetime):
                    v = int(v.timestamp())
                return cmp(v, ref)
            checks.append(check)
    return lambda o: all(ch(o) for ch in checks)


# --------------------------------------------------------------------------- pagination


def encode_cursor(key: Sequence[Any], tag: str = "") -> str:
    """Opaque cursor: the last item's sort key, tagged with the sort it was made for."""
    raw = json.dumps([tag] + [v.isoformat() if isinstance(v, datetime) else v for v in key], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, datetime_first: bool, tag: str = "") -> tuple:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
        if not isinstance(key, list) or len(key) != 3 or key[0] != tag:
            raise ValueError
        key = key[1:]
        if datetime_first:
            key[0] = datetime.fromisoformat(key[0])
        return tuple(key)
    except (ValueError, TypeError):
        raise invalid("Invalid page cursor.", parameter="page[cursor]") from None


def keyset_page(items: list[Any], key: Callable[[Any], tuple], descending: bool,
                cursor: tuple | None, size: int) -> tuple[list[Any], tuple | None]:
    """Sort ``items`` by ``key`` and return the page after ``cursor`` plus the next cursor key."""
    items = sorted(items, key=key, reverse=descending)
    keys = [key(x) for x in items]
    start = 0
    if cursor is not None and keys:
        try:
            keys[0] < cursor  # noqa: B015 - a cursor of the wrong shape cannot compare
        except TypeError:
            raise invalid("Invalid page cursor.", parameter="page[cursor]") from None
        if descending:
            # keys are descending: first index whose key < cursor
            lo, hi = 0, len(keys)
            while lo < hi:
                mid = (lo + hi) // 2
                if keys[mid] < cursor:
                    hi = mid
                else:
                    lo = mid + 1
            start = lo
        else:
            start = bisect.bisect_right(keys, cursor)
    page = items[start:start + size]
    more = start + size < len(items)
    return page, (keys[start + size - 1] if more and page else None)


def page_size(query: dict[str, list[str]], default: int, maximum: int) -> int:
    raw = query.get("page[size]")
    if not raw:
        return default
    try:
        n = int(raw[-1])
    except ValueError:
        n = -1
    if not 1 <= n <= maximum:
        raise invalid(f"page[size] must be an integer between 1 and {maximum}.", parameter="page[size]")
    return n


def page_links(base_url: str, path: str, query: dict[str, list[str]], next_cursor: str | None) -> dict[str, str]:
    def url(q: dict[str, list[str]]) -> str:
        qs = urlencode([(k, v) for k, vs in q.items() for v in vs])
        return f"{base_url}{path}" + (f"?{qs}" if qs else "")
    links = {"self": url(query)}
    if next_cursor is not None:
        q = {k: v for k, v in query.items() if k != "page[cursor]"}
        q["page[cursor]"] = [next_cursor]
        links["next"] = url(q)
    return links
