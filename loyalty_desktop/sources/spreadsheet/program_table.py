"""The merchant's tiers and rewards tables for a spreadsheet import, so core/program.py can derive
"next tier", "points to the next tier", "points to the next reward" and "reward ready".

Where a merchant puts them, without an engineer (README, "Tiers and rewards"):
- in the Excel export, a sheet named "Tiers" (or "Paliers", "Niveaux") and one named "Rewards"
  (or "Récompenses");
- next to a CSV (or Excel) export `members.csv`: `members.tiers.csv` (or `.paliers.csv`) and
  `members.rewards.csv` (or `.recompenses.csv`); a file wins over a sheet.
Each table has a header row with a name column ("Name", "Nom", "Palier"…) and a points column
(tiers: "Threshold", "Seuil", "Points"…, the lifetime points that reach the tier; rewards:
"Points", "Price", "Prix en points"…, what the reward costs). One row per tier or reward.

Nothing is guessed: a negative, decimal or garbled number, a blank name, tiers not listed from the
lowest threshold up, a repeated tier or threshold refuse the import with every problem named by
file, line and column; a table without the two columns likewise. Without a table the derived
fields are not sent (`SpreadsheetSource.derived_notes` says why).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.model import Tier
from loyalty_desktop.core.program import Program, ProgramError, RewardOffer
from loyalty_desktop.sources.spreadsheet.read import FileFormat, detect, iter_rows
from loyalty_desktop.sources.spreadsheet.words import fold

TIERS, REWARDS = "tiers", "rewards"
SHEET_NAMES = {TIERS: ("tiers", "paliers", "niveaux", "vip tiers", "niveaux vip"),
               REWARDS: ("rewards", "recompenses", "points products")}
FILE_SUFFIXES = {TIERS: ("tiers", "paliers"), REWARDS: ("rewards", "recompenses")}
NAME_HEADERS = ("name", "nom", "tier", "palier", "niveau", "reward", "recompense", "tier name", "nom du palier",
                "reward name", "nom de la recompense", "libelle", "label")
POINTS_HEADERS = {
    TIERS: ("threshold", "seuil", "points", "milestone", "points required", "points requis", "points needed",
            "lifetime points", "points cumules", "seuil de points", "points threshold", "a partir de"),
    REWARDS: ("points", "price", "prix", "cost", "cout", "points price", "prix en points", "points cost",
              "cout en points", "points required", "points requis"),
}
MAX_PROBLEMS = 10
# What a table's problems say, by kind (marked for translation: errors.user_message words them).
_NEEDS_COLUMNS = {
    TIERS: tr("{file}: the tiers table needs a name column and a threshold column in its first row (found: {found})."),
    REWARDS: tr("{file}: the rewards table needs a name column and a points column in its first row (found: "
                "{found})."),
}
_EMPTY = {TIERS: tr("{file}: the tiers table is empty."), REWARDS: tr("{file}: the rewards table is empty.")}
_NO_ROWS = {TIERS: tr("{file}: the tiers table has a header but no rows."),
            REWARDS: tr("{file}: the rewards table has a header but no rows.")}
_NOT_POINTS = {TIERS: tr("line {line}, {column}: {value} is not a whole number of points of 0 or more"),
               REWARDS: tr("line {line}, {column}: {value} is not a whole number of points above 0")}
_CORRECT = tr("{file}: {problems}. Correct the table and import again.")
_NUMBER = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$|^\d+$")  # 1200, "1 200" (French spacing)


class ProgramTableError(ConfigError):
    """A tiers or rewards table that cannot be used: every problem, by file, line and column."""


@dataclass(frozen=True, slots=True)
class TableSource:
    """Where one table is: a file (its first sheet) or a sheet of the export's workbook."""

    fmt: FileFormat
    sheet: str | None

    @property
    def label(self) -> str:
        return f"{self.fmt.path.name}, sheet {self.sheet!r}" if self.sheet else self.fmt.path.name


def find_tables(export: FileFormat) -> dict[str, TableSource]:
    """The tiers and rewards tables given for this export (absent kinds left out)."""
    found: dict[str, TableSource] = {}
    folder, stem = export.path.parent, export.path.stem
    for kind in (TIERS, REWARDS):
        for suffix in FILE_SUFFIXES[kind]:
            for ext in ("csv", "xlsx"):
                p = folder / f"{stem}.{suffix}.{ext}"
                if p.is_file():
                    found[kind] = TableSource(detect(p), None)
                    break
            if kind in found:
                break
        if kind not in found and export.type == "xlsx":
            sheet = next((s for s in export.sheets if fold(s) in SHEET_NAMES[kind]), None)
            if sheet is not None:
                found[kind] = TableSource(export, sheet)
    return found


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def parse_points(cell: Any) -> int | None:
    """A whole number of points ≥ 0 ("1200", "1 200", 1200.0), else None (negative, decimal, text)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell if cell >= 0 else None
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() and cell >= 0 else None
    text = _text(cell)
    return int(re.sub(r"\D", "", text)) if _NUMBER.match(text) else None


def _column(headers: Sequence[str], words: Iterable[str]) -> int | None:
    wanted = set(words)
    return next((i for i, h in enumerate(headers) if fold(h) in wanted), None)


def parse_table(rows: Iterable[tuple[int, Sequence[Any]]], kind: str, label: str
                ) -> list[tuple[int, str, int]]:
    """(line, name, points) of every row, or ProgramTableError naming each bad row and column."""
    problems: list[str] = []
    out: list[tuple[int, str, int]] = []
    headers: list[str] | None = None
    name_col = points_col = 0
    for line, cells in rows:
        texts = [_text(c) for c in cells]
        if not any(texts):
            continue
        if headers is None:
            headers = texts
            n, p = _column(headers, NAME_HEADERS), _column(headers, POINTS_HEADERS[kind])
            if n is None or p is None or n == p:
                raise ProgramTableError(_NEEDS_COLUMNS[kind].format(
                    file=label, found=", ".join(repr(h) for h in headers if h) or tr("nothing")))
            name_col, points_col = n, p
            continue
        name = texts[name_col] if name_col < len(texts) else ""
        raw = cells[points_col] if points_col < len(cells) else None
        points = parse_points(raw)
        if not name:
            problems.append(tr("line {line}, {column}: the name is empty").format(line=line,
                                                                                   column=repr(headers[name_col])))
        if points is None or (kind == REWARDS and points == 0):
            problems.append(_NOT_POINTS[kind].format(line=line, column=repr(headers[points_col]),
                                                     value=repr(_text(raw))))  # '' when empty
        if name and points is not None:
            out.append((line, name, points))
    if headers is None:
        raise ProgramTableError(_EMPTY[kind].format(file=label))
    if problems:
        more = tr(" (and {count} more)").format(count=len(problems) - MAX_PROBLEMS) if len(problems) > MAX_PROBLEMS \
            else ""
        raise ProgramTableError(_CORRECT.format(file=label, problems="; ".join(problems[:MAX_PROBLEMS]) + more))
    if not out:
        raise ProgramTableError(_NO_ROWS[kind].format(file=label))
    return out


def build_program(tiers: Sequence[tuple[int, str, int]], rewards: Sequence[tuple[int, str, int]],
                  origin: str) -> Program:
    """The Program of parsed tables (tier ids: their row order); ProgramTableError for tiers out of
    order or repeated (the message names the tiers)."""
    try:
        return Program(tuple(Tier(i + 1, name, points) for i, (_line, name, points) in enumerate(tiers)),
                       tuple(RewardOffer(name, points) for _line, name, points in rewards), origin=origin)
    except ProgramError as exc:
        raise ProgramTableError(_CORRECT.format(file=origin, problems=exc)) from exc


def load_program(export: FileFormat) -> Program | None:
    """The program the tables next to (or inside) the export describe; None when none is given."""
    tables = find_tables(export)
    if not tables:
        return None
    parsed = {kind: parse_table(iter_rows(t.fmt, t.sheet), kind, t.label) for kind, t in tables.items()}
    return build_program(parsed.get(TIERS, []), parsed.get(REWARDS, []),
                         " + ".join(t.label for t in tables.values()))


def table_paths(export: Path) -> tuple[Path, Path]:
    """The file names a merchant can create next to `export` (shown in notes and the README)."""
    return export.with_name(f"{export.stem}.tiers.csv"), export.with_name(f"{export.stem}.rewards.csv")
