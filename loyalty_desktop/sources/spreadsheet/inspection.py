"""`loyalty-desktop inspect FILE`: how a spreadsheet export would be read, without importing it.

Prints the detected format (encoding, delimiter, sheet, header line, number and date
conventions), the kind of file (members or ledger), the column → field mapping (saved for this
file shape, or suggested), what the rows give, and the first rejected rows with their reasons.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.fields import CATALOG
from loyalty_desktop.core.model import Reward
from loyalty_desktop.core.options import SpreadsheetOptions
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.questions import Choices
from loyalty_desktop.sources.spreadsheet.rows import (
    LedgerParser,
    MemberParser,
    RejectLog,
)
from loyalty_desktop.sources.spreadsheet.sheet import Sheet, open_sheet

SHOW_REJECTS = 10


def main(path: str, out: TextIO, options: SpreadsheetOptions | None = None) -> int:
    """Print the report; 0 when the file can be imported, 1 when it cannot (the reason printed:
    a file-level problem, or what it leaves open and the options answering it)."""
    try:
        sheet = open_sheet(path, None, Choices.from_options(options))
        _report(sheet, out)
    except LoyaltyError as exc:
        print(f"error: {user_message(exc)}", file=out)
        return 1
    except ValueError as exc:  # an answer that cannot apply to this file
        print(f"error: {exc}", file=out)
        return 1
    if sheet.questions:
        print("To answer before importing (remembered for files of the same shape):", file=out)
        for q in sheet.questions:
            print(f"  ? {q.describe()}", file=out)
        return 1
    return 0


def _report(sheet: Sheet, out: TextIO) -> None:
    kinds = {hdr.MEMBERS: "members (one row per member)", hdr.LEDGER: "points ledger (one row per points movement)"}
    print(f"File: {sheet.path}", file=out)
    for line in sheet.describe():
        print(line, file=out)
    print(f"Kind: {kinds[sheet.kind]}", file=out)
    origin = ("saved for this file shape" if sheet.mapping.saved
              else "suggested; saved for this file shape at the first sync")
    print(f"Column mapping ({origin}; {hdr.mappings_path()}):", file=out)
    width = min(max((len(h) for h in sheet.mapping.headers), default=10), 40)
    for col, (h, f) in enumerate(zip(sheet.mapping.headers, sheet.mapping.fields, strict=True)):
        label = h or f"(column {col + 1}, no name)"
        target = f"{f} ({hdr.field_type(sheet.kind, f)})" if f else "(not imported)"
        print(f"  {label:<{width}} → {target}", file=out)

    rejects = RejectLog()
    try:
        if sheet.kind == hdr.MEMBERS:
            mp = MemberParser(sheet, rejects)
            blanks: Counter[str] = Counter()
            for m in mp.members(require_valid=False):
                blanks.update(m.unknown & mp.varying)
            print(f"Rows: {mp.rows:,} read; members: {mp.valid:,}; rejected: {rejects.count:,}", file=out)
            if mp.duplicates:
                print(f"  duplicate emails: {mp.duplicates:,} (the later row is used)", file=out)
            absent = [f.key for f in CATALOG if f.key not in mp.varying]
            if absent:
                print("Not in this file (left as they are on the platform, never sent as 0 or empty): "
                      + ", ".join(absent), file=out)
            if blanks:
                print("Cells without a value (that field left as it is for that member): "
                      + ", ".join(f"{f} {n:,}" for f, n in sorted(blanks.items())), file=out)
            if mp.derive_tier_ids and mp.tiers:
                names = ", ".join(f"{name}={tid}" for tid, (name, _) in sorted(mp.tiers.items()))
                print(f"Tier ids from the standard tier names (no tier id column): {names}", file=out)
        else:
            lp = LedgerParser(sheet, rejects)
            entries = rewards = 0
            for r in lp.records():
                if isinstance(r, Reward):
                    rewards += 1
                else:
                    entries += 1
            print(f"Rows: {lp.rows:,} read; points movements: {entries:,} ({rewards:,} with a reward code); "
                  f"rejected: {rejects.count:,}", file=out)
            print("  (whether each email is a member is checked when it is imported with its members file)", file=out)
        if rejects.count:
            reasons = ", ".join(f"{n:,} {r.value}" for r, n in rejects.reasons.most_common())
            print(f"Rejected rows by reason: {reasons}", file=out)
            print("First rejected rows:", file=out)
            for rej in sorted(rejects.first, key=lambda rej: rej.line)[:SHOW_REJECTS]:
                print(f"  {rej.describe()}", file=out)
    finally:
        rejects.close()
