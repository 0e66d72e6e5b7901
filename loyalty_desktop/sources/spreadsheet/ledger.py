"""Ledger sheet → `LedgerEntry`s (plus a `Reward` when a movement carries a reward code).

Ledger ids are derived from the movement (email, moment, points, kind: `ledger_ids`), never from
its labels (reason, description) nor its line number, so re-importing the same history, a longer
export of it or one worded differently yields the same ids and no new events. Identical rows in one file
are told apart by their occurrence (second, third…). When the export has its own transaction id column,
that id is used instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core.ledger_ids import derived_id, movement_key
from loyalty_desktop.core.model import (
    LedgerEntry,
    LedgerKind,
    Record,
    Reward,
    RewardOrigin,
)
from loyalty_desktop.sources.spreadsheet.csvfile import BadRow
from loyalty_desktop.sources.spreadsheet.parse import Parser, email_of, is_blank_row
from loyalty_desktop.sources.spreadsheet.values import (
    EMAIL_RE,
    BadValue,
    Reason,
    ledger_kind,
)

if TYPE_CHECKING:
    from loyalty_desktop.sources.spreadsheet.rows import MemberParser


class LedgerParser(Parser):
    """Ledger sheet → `LedgerEntry`s (and `Reward`s for movements with a reward code)."""

    def records(self, members: MemberParser | None = None) -> Iterator[Record]:
        """Stream the records. With `members`, rows whose email is not a member are rejected; the
        members stream must have been read to its end first (as `Store.ingest` does)."""
        if members is not None and not members.done:
            raise RuntimeError("read the members before the ledger")
        is_member = members.is_member if members is not None else None
        plan = self._plan()
        ei, email_header = self.email_col, self.email_header
        assert ei is not None
        cols = {f: self.sheet.header(c) for c, _h, f in self.sheet.mapping.mapped()}
        match = EMAIL_RE.fullmatch
        reject = self._reject
        occurrences: dict[int, int] = {}
        for line, cells in self.sheet.data_rows(self.cancel):
            if isinstance(cells, BadRow):
                self._reject_bad(line, cells)
                continue
            n = len(cells)
            raw = cells[ei] if ei < n else None
            email = email_of(raw)
            if not email:
                if is_blank_row(cells):
                    continue
                self.rows += 1
                reject(line, email_header, raw, Reason.MISSING_EMAIL)
                continue
            self.rows += 1
            if len(email) > 100 or match(email) is None:
                reject(line, email_header, raw, Reason.INVALID_EMAIL)
                continue
            if is_member is not None and not is_member(email):
                reject(line, email_header, raw, Reason.UNKNOWN_MEMBER, "", email)
                continue
            kw: dict[str, Any] = {}
            try:
                for col, key, conv, header in plan:  # noqa: B007 - header names the failing column below
                    if col < n:
                        v = cells[col]
                        if v is not None and v != "":
                            r = conv(v)
                            if r is not None:
                                kw[key] = r
            except BadValue as exc:
                reject(line, header, v, exc.reason, exc.detail, email)
                continue
            at = kw.get("at")
            if at is None:
                reject(line, cols["at"], "", Reason.MISSING_VALUE, "a movement needs its date", email)
                continue
            if "points_change" in kw:
                change = kw["points_change"]
            elif "points_credit" in kw or "points_debit" in kw:
                change = kw.get("points_credit", 0) - kw.get("points_debit", 0)
            else:
                where = cols.get("points_change") or cols.get("points_credit") or cols.get("points_debit") or ""
                reject(line, where, "", Reason.MISSING_VALUE, "a movement needs its points", email)
                continue
            self.valid += 1
            yield from self._entry(email, at, change, kw, occurrences)
        self.done = True

    def _entry(self, email: str, at: Any, change: int, kw: dict[str, Any], occurrences: dict[int, int]
               ) -> Iterator[Record]:
        reason_text = kw.get("reason")
        description = kw.get("description") or reason_text or ""
        code = kw.get("reward_code")
        kind = ledger_kind(reason_text or kw.get("description"), change)
        if kind is LedgerKind.ADJUST and code and change < 0:
            kind = LedgerKind.REDEEM  # points spent and a code received: a redemption
        if kind in (LedgerKind.REDEEM, LedgerKind.EXPIRE) and change > 0:
            change = -change  # exports often write points spent as a positive number
        tid = kw.get("transaction_id")
        if tid:
            rid = f"sheet:{tid}"
        else:
            key = movement_key(email, at, change, kind)  # never the labels (ledger_ids)
            h = hash(key)
            nth = occurrences.get(h, 0)
            occurrences[h] = nth + 1
            rid = derived_id(key, nth)
        reward_id = None
        if code:
            reward_id = f"{rid}:reward"
            origin = {LedgerKind.BIRTHDAY: RewardOrigin.BIRTHDAY,
                      LedgerKind.REFERRAL: RewardOrigin.REFERRAL_SENDER}.get(kind, RewardOrigin.REDEMPTION)
            yield Reward(reward_id, email, kw.get("reward_name") or description or "Reward", code, origin, at,
                         kw.get("reward_expires_at"), kw.get("reward_used_at"), max(0, -change))
        yield LedgerEntry(rid, email, at, change, kind, description, kw.get("balance_after"), reward_id)
