"""One sheet's cell conversions, compiled into a function once per file.

A members row goes through ten or so converters (one per mapped column). Looping over a plan of
(column, field, converter) costs as much per row as the conversions themselves, so the plan is
turned into straight-line Python — one block per column, constants inlined — run on every row
that has all the mapped columns. Columns whose values repeat (tiers, states, dates, counts) keep
a memo of converted text cells. Shorter rows take the generic loop. Both fill the same `vals`
list, so the result does not depend on the path.

A conversion raises `BadValue`; `failure` finds which column did it (only for rejected rows, by
converting again: converters are pure), so the fast path tracks nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from loyalty_desktop.sources.spreadsheet.values import BadValue, Converter

CACHE_MAX = 50_000  # distinct cells memoised per column
_NOTHING = object()


@dataclass(frozen=True, slots=True)
class Column:
    col: int  # index in the row
    idx: int  # index in the values list
    conv: Converter
    header: str
    cached: bool


RowFill = Callable[[Sequence[Any], list[Any]], None]


def compile_fill(plan: Sequence[Column], text_cells: bool) -> RowFill:
    """fill(cells, vals): convert every planned column of `cells` into `vals`; the row must have
    at least `max(col) + 1` cells. `text_cells`: all cells are `str` (a CSV), so an empty cell is
    simply falsy; otherwise (a workbook) 0 and False are values and only str cells are memoised."""
    scope: dict[str, Any] = {"NOTHING": _NOTHING, "MAX": CACHE_MAX}
    lines = ["def fill(cells, vals):"]
    for k, c in enumerate(plan):
        scope[f"conv{k}"] = c.conv
        present = "v" if text_cells else "v is not None and v != ''"
        lines += [f"    v = cells[{c.col}]", f"    if {present}:"]
        if c.cached:
            scope[f"memo{k}"] = {}
            pad = "        "
            if not text_cells:
                lines += ["        if v.__class__ is not str:", f"            r = conv{k}(v)", "        else:"]
                pad = "            "
            lines += [f"{pad}r = memo{k}.get(v, NOTHING)", f"{pad}if r is NOTHING:", f"{pad}    r = conv{k}(v)",
                      f"{pad}    if len(memo{k}) < MAX:", f"{pad}        memo{k}[v] = r"]
        else:
            lines.append(f"        r = conv{k}(v)")
        lines += ["        if r is not None:", f"            vals[{c.idx}] = r"]
    if not plan:
        lines.append("    pass")
    exec(compile("\n".join(lines) + "\n", "<spreadsheet row>", "exec"), scope)  # built above
    return scope["fill"]  # type: ignore[no-any-return]


def fill_short(plan: Sequence[Column], cells: Sequence[Any], vals: list[Any]) -> None:
    """The generic loop, for a row shorter than the plan needs (its missing cells are empty)."""
    n = len(cells)
    for c in plan:
        if c.col < n:
            v = cells[c.col]
            if v is not None and v != "":
                r = c.conv(v)
                if r is not None:
                    vals[c.idx] = r


def failure(plan: Sequence[Column], cells: Sequence[Any]) -> tuple[Column, Any, BadValue]:
    """The first column of a rejected row whose conversion fails, its cell and the error."""
    n = len(cells)
    for c in plan:
        if c.col < n:
            v = cells[c.col]
            if v is not None and v != "":
                try:
                    c.conv(v)
                except BadValue as exc:
                    return c, v, exc
    raise AssertionError("a conversion failed once and not again")  # converters are pure
