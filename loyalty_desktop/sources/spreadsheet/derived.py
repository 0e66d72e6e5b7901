"""Which derived fields (core/program.py) a spreadsheet import can send, and why the others are not.

A derived field is sent when the export has a column for it, or when the merchant's tables
(`program_table`) let core/program.py work it out: the tier fields need the tiers table and the
lifetime points column (the progress); the reward fields need the rewards table and the points
balance. The holdings (unused rewards, last reward code, pending referrals) only come from columns.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import Path

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import CATALOG_BY_KEY
from loyalty_desktop.core.program import HOLDING_FIELDS, REWARD_FIELDS, TIER_FIELDS, Program
from loyalty_desktop.sources.spreadsheet.program_table import table_paths


def derivable(program: Program | None, columns: frozenset[str]) -> frozenset[str]:
    """The derived fields the tables give for an export with these columns."""
    if program is None:
        return frozenset()
    out: set[str] = set()
    if program.tiers and "points_earned_lifetime" in columns:
        out |= TIER_FIELDS
    if program.rewards and "points_balance" in columns:
        out |= REWARD_FIELDS
    return frozenset(out)


def _labels(keys: AbstractSet[str]) -> str:
    return ", ".join(CATALOG_BY_KEY[k].label for k in sorted(keys, key=list(CATALOG_BY_KEY).index))


def derived_notes(program: Program | None, provided: frozenset[str], export: Path) -> list[str]:
    """One sentence per group of derived fields not sent, saying what would make them sent."""
    tiers_file, rewards_file = table_paths(export)
    notes: list[str] = []
    tier = TIER_FIELDS - provided
    if tier:
        if program is None or not program.tiers:
            notes.append(tr("{fields}: not sent (no column, and no tiers table: add {file} next to the export, or "
                            "a “Tiers” sheet to the workbook).").format(fields=_labels(tier), file=tiers_file.name))
        else:
            notes.append(tr("{fields}: not sent (the tiers table needs the export's lifetime points column).")
                         .format(fields=_labels(tier)))
    reward = REWARD_FIELDS - provided
    if reward:
        if program is None or not program.rewards:
            notes.append(tr("{fields}: not sent (no column, and no rewards table: add {file} next to the export, "
                            "or a “Rewards” sheet to the workbook).").format(fields=_labels(reward),
                                                                          file=rewards_file.name))
        else:
            notes.append(tr("{fields}: not sent (the rewards table needs the export's points balance column).")
                         .format(fields=_labels(reward)))
    held = HOLDING_FIELDS - provided
    if held:
        notes.append(tr("{fields}: not sent (only an export column gives them).").format(fields=_labels(held)))
    return notes
