"""`loyalty-desktop inspect FILE`: how a spreadsheet export would be read, without importing it.

Prints the detected format (encoding, delimiter, sheet, header line, number and date
conventions), the kind of file (members or ledger), the column → field mapping (saved for this
file shape, or suggested), what the rows give, and the first rejected rows with their reasons.
Worded in the OS locale's language (core.translate.cli_tr), like every command's output.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.fields import CATALOG
from loyalty_desktop.core.model import Reward
from loyalty_desktop.core.options import SpreadsheetOptions
from loyalty_desktop.core.translate import cli_language, cli_tr, format_int, translate_text
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.questions import Choices
from loyalty_desktop.sources.spreadsheet.rows import (
    LedgerParser,
    MemberParser,
    RejectLog,
)
from loyalty_desktop.sources.spreadsheet.sheet import Sheet, open_sheet

SHOW_REJECTS = 10


def tr(text: str) -> str:
    """A sentence of the report in the reader's language (lupdate extracts the `tr("…")` calls)."""
    return cli_tr()(text)


def _n(n: int) -> str:
    return format_int(n, cli_language())


def _said(text: str) -> str:
    """A sentence the spreadsheet code made in English (marked there), in the reader's language."""
    return translate_text(text, cli_language())


def main(path: str, out: TextIO, options: SpreadsheetOptions | None = None) -> int:
    """Print the report; 0 when the file can be imported, 1 when it cannot (the reason printed:
    a file-level problem, or what it leaves open and the options answering it)."""
    try:
        sheet = open_sheet(path, None, Choices.from_options(options))
        _report(sheet, out)
    except LoyaltyError as exc:
        print(tr("error: {message}").format(message=user_message(exc, tr=cli_tr())), file=out)
        return 1
    except ValueError as exc:  # an answer that cannot apply to this file
        print(tr("error: {message}").format(message=_said(str(exc))), file=out)
        return 1
    if sheet.questions:
        print(tr("To answer before importing (remembered for files of the same shape):"), file=out)
        for q in sheet.questions:
            print(f"  ? {_said(q.message)} ({q.option})", file=out)
        return 1
    return 0


def _report(sheet: Sheet, out: TextIO) -> None:
    kinds = {hdr.MEMBERS: tr("Kind: members (one row per member)"),
             hdr.LEDGER: tr("Kind: points ledger (one row per points movement)")}
    print(tr("File: {path}").format(path=sheet.path), file=out)
    for line in sheet.describe():
        print(_said(line), file=out)
    print(kinds[sheet.kind], file=out)
    print((tr("Column mapping (saved for this file shape; {path}):") if sheet.mapping.saved
           else tr("Column mapping (suggested; saved for this file shape at the first sync; {path}):")).format(
        path=hdr.mappings_path()), file=out)
    width = min(max((len(h) for h in sheet.mapping.headers), default=10), 40)
    for col, (h, f) in enumerate(zip(sheet.mapping.headers, sheet.mapping.fields, strict=True)):
        label = h or tr("(column {number}, no name)").format(number=col + 1)
        target = f"{f} ({hdr.field_type(sheet.kind, f)})" if f else tr("(not imported)")
        print(f"  {label:<{width}} → {target}", file=out)

    rejects = RejectLog()
    try:
        if sheet.kind == hdr.MEMBERS:
            mp = MemberParser(sheet, rejects)
            blanks: Counter[str] = Counter()
            for m in mp.members(require_valid=False):
                blanks.update(m.unknown & mp.varying)
            print(tr("Rows: {rows} read; members: {members}; rejected: {rejected}").format(
                rows=_n(mp.rows), members=_n(mp.valid), rejected=_n(rejects.count)), file=out)
            if mp.duplicates:
                print("  " + tr("duplicate emails: {count} (the later row is used)").format(count=_n(mp.duplicates)),
                      file=out)
            absent = [f.key for f in CATALOG if f.key not in mp.varying]
            if absent:
                print(tr("Not in this file (left as they are on the platform, never sent as 0 or empty): {fields}")
                      .format(fields=", ".join(absent)), file=out)
            if blanks:
                print(tr("Cells without a value (that field left as it is for that member): {fields}").format(
                    fields=", ".join(f"{f} {_n(n)}" for f, n in sorted(blanks.items()))), file=out)
            if mp.derive_tier_ids and mp.tiers:
                names = ", ".join(f"{name}={tid}" for tid, (name, _) in sorted(mp.tiers.items()))
                print(tr("Tier ids from the standard tier names (no tier id column): {tiers}").format(tiers=names),
                      file=out)
        else:
            lp = LedgerParser(sheet, rejects)
            entries = rewards = 0
            for r in lp.records():
                if isinstance(r, Reward):
                    rewards += 1
                else:
                    entries += 1
            print(tr("Rows: {rows} read; points movements: {entries} ({rewards} with a reward code); rejected: "
                     "{rejected}").format(rows=_n(lp.rows), entries=_n(entries), rewards=_n(rewards),
                                          rejected=_n(rejects.count)), file=out)
            print("  " + tr("(whether each email is a member is checked when it is imported with its members file)"),
                  file=out)
        if rejects.count:
            reasons = ", ".join(f"{_n(n)} {_said(r.value)}" for r, n in rejects.reasons.most_common())
            print(tr("Rejected rows by reason: {reasons}").format(reasons=reasons), file=out)
            print(tr("First rejected rows:"), file=out)
            for rej in sorted(rejects.first, key=lambda rej: rej.line)[:SHOW_REJECTS]:
                print(f"  {_said(rej.describe())}", file=out)
    finally:
        rejects.close()
