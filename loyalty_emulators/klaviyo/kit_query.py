"""``filter`` for the kit's collections (segments, templates, flows, flow actions, segment members).

Same syntax as :mod:`.klaviyo_query` (its parser is reused), plus what these endpoints allow and
the older ones did not: text operators (``contains``, ``starts-with``, ``ends-with``) and boolean
values (``equals(is_active,true)``). Each endpoint's allowed fields and operators are copied from
its ``filter`` parameter in the spec. Text matching is exact (case-sensitive).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from loyalty_emulators.klaviyo.query import Cond, Quoted, parse_filter

_CMP: dict[str, Callable[[Any, Any], bool]] = {
    "equals": lambda a, b: a == b, "greater-than": lambda a, b: a > b, "greater-or-equal": lambda a, b: a >= b,
    "less-than": lambda a, b: a < b, "less-or-equal": lambda a, b: a <= b,
    "contains": lambda a, b: b in a, "starts-with": lambda a, b: a.startswith(b),
    "ends-with": lambda a, b: a.endswith(b)}
def ops(kind: str, *names: str) -> dict[str, str]:
    return dict.fromkeys(names, kind)


DT_ALL = ops("datetime", "equals", "greater-or-equal", "greater-than", "less-or-equal", "less-than")
SEGMENT_FILTERS = {"name": {"any": "strs", "equals": "str"}, "id": {"any": "strs", "equals": "str"},
                   "created": ops("datetime", "greater-than"), "updated": ops("datetime", "greater-than"),
                   "is_active": {"any": "bools", "equals": "bool"}, "is_starred": ops("bool", "equals")}
TEMPLATE_FILTERS = {"id": {"any": "strs", "equals": "str"}, "name": {"any": "strs", **ops("str", "contains", "equals")},
                    "created": DT_ALL, "updated": DT_ALL}
FLOW_FILTERS = {"id": {"any": "strs"}, "name": ops("str", "contains", "ends-with", "equals", "starts-with"),
                "status": ops("str", "equals"), "archived": ops("bool", "equals"), "created": DT_ALL,
                "updated": DT_ALL, "trigger_type": ops("str", "equals")}
FLOW_ACTION_FILTERS = {"id": {"any": "strs"}, "action_type": {"any": "strs", "equals": "str"},
                       "status": ops("str", "equals"), "created": DT_ALL, "updated": DT_ALL}
MEMBER_FILTERS = {"profile_id": {"any": "strs", "equals": "str"}, "email": {"any": "strs", "equals": "str"},
                  "phone_number": {"any": "strs", "equals": "str"}, "push_token": {"any": "strs", "equals": "str"},
                  "_kx": ops("str", "equals"),
                  "joined_group_at": ops("datetime", "greater-or-equal", "greater-than", "less-or-equal", "less-than")}


parse = parse_filter  # the sandbox's one filter parser (klaviyo_query), with these resources' tables


def _plain(v: Any) -> Any:
    if isinstance(v, Quoted):
        return v.value
    if isinstance(v, datetime):
        return v.replace(microsecond=0)
    return v


def predicate(conds: list[Cond], get: Callable[[Any, str], Any]) -> Callable[[Any], bool]:
    """The AND of ``conds``; ``get(obj, field)`` reads a field (datetimes compare to the second)."""
    checks: list[Callable[..., bool]] = []  # `...`: the lambdas bind their loop values as defaults
    for c in conds:
        if c.op == "any":
            pool = {_plain(x) for x in c.value}
            checks.append(lambda o, f=c.field, pool=pool: _plain(get(o, f)) in pool)
        else:
            cmp, ref = _CMP[c.op], _plain(c.value)

            def check(o: Any, f: str = c.field, cmp: Callable = cmp, ref: Any = ref) -> bool:
                v = _plain(get(o, f))
                return v is not None and type(v) is type(ref) and cmp(v, ref)
            checks.append(check)
    return lambda o: all(ch(o) for ch in checks)
