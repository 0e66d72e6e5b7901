"""Rows → normalized records, with a reason for every row that cannot be used.

`MemberParser` turns a members sheet into `Member`s and `LedgerParser` a ledger sheet into
`LedgerEntry`s (plus a `Reward` when a movement carries a reward code). Both stream: a row is
converted, checked and yielded; what is kept per row is one small entry per email (to settle
duplicates and check ledger emails). A rejected row is recorded in a `RejectLog` with its line,
column, value and reason; `write_rejects_csv` exports them.

Duplicate emails: the later row wins. A first pass over the email column tells which rows come
again further down; those are held back (and reported with the line that is used), so each email
is yielded once and re-importing the same file changes nothing. If the last row of an email is
unreadable, the latest readable earlier one is used.

Ledger ids are derived from the row's content (email, moment, change, reason, description, code),
never from its line number, so re-importing the same history or a longer export of it yields the
same ids and no new events. Identical rows in one file are told apart by their occurrence
(second, third…). When the export has its own transaction id column, that id is used instead.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import MISSING, dataclass, fields as dc_fields
from itertools import repeat
from operator import call as _call
from pathlib import Path
from typing import Any, TextIO

from ..net import CancelToken
from ..model import LedgerEntry, LedgerKind, Member, Record, Reward, RewardOrigin, Tier
from . import spreadsheet_headers as hdr
from .spreadsheet_read import Problem, Replay, SpreadsheetError
from .spreadsheet_sheet import Sheet
from .spreadsheet_values import (
    EMAIL_RE, BadValue, Converter, Reason, fold, ledger_kind, make_date, make_datetime, make_int, to_state, to_text,
)

_EMAIL_JUNK = "\u200b\ufeff\u00a0 \t\r\n\"'<>"
_new = object.__new__


@dataclass(frozen=True, slots=True)
class RowReject:
    file: str
    line: int
    column: str
    value: str
    reason: Reason
    detail: str = ""

    def describe(self) -> str:
        value = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        out = f"line {self.line} [{self.column}] {value!r}: {self.reason.value}"
        return out + (f" ({self.detail})" if self.detail else "")


REJECT_COLUMNS = tuple(f.name for f in dc_fields(RowReject))


class RejectLog:
    """Every rejected row: the first ones in memory (for display), all of them spooled to a
    temporary CSV (memory stays bounded whatever the file holds)."""

    KEEP = 1000

    def __init__(self) -> None:
        self.count = 0
        self.first: list[RowReject] = []
        self.reasons: Counter[Reason] = Counter()
        self._spool: Any = None  # created with the first reject
        self._writer: Any = None

    def add(self, r: RowReject) -> None:
        self.count += 1
        self.reasons[r.reason] += 1
        if len(self.first) < self.KEEP:
            self.first.append(r)
        if self._spool is None:
            self._spool = tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", newline="", encoding="utf-8")
            self._writer = csv.writer(self._spool)
        self._writer.writerow((r.file, r.line, r.column, r.value, r.reason.value, r.detail))

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[RowReject]:
        if self._spool is None:
            return
        self._spool.flush()
        pos = self._spool.tell()
        self._spool.seek(0)
        try:
            for f, line, col, value, reason, detail in csv.reader(self._spool):
                yield RowReject(f, int(line), col, value, Reason(reason), detail)
        finally:
            self._spool.seek(pos)

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()

    def __del__(self) -> None:
        self.close()


def write_rejects_csv(rejects: Iterable[RowReject], dest: Path | str | TextIO, delimiter: str = ",") -> int:
    """Write rejected rows as CSV (file, line, column, value, reason, detail); returns how many.

    A path is written in UTF-8 with a BOM so Excel shows accents; pass the source file's delimiter
    so a French Excel opens it in columns."""
    if isinstance(dest, (str, Path)):
        p = Path(dest)
        p.parent.mkdir(parents=True, exist_ok=True)
        with p.open("w", encoding="utf-8-sig", newline="") as f:
            return write_rejects_csv(rejects, f, delimiter)
    w = csv.writer(dest, delimiter=delimiter)
    w.writerow(REJECT_COLUMNS)
    n = 0
    for r in rejects:
        w.writerow((r.file, r.line, r.column, r.value, r.reason.value, r.detail))
        n += 1
    return n


def _show(value: Any) -> str:
    s = "" if value is None else str(value)
    return s if len(s) <= 200 else s[:200] + "…"


def _is_blank_row(cells: Any) -> bool:
    return all(c is None or (c.__class__ is str and not c.strip()) for c in cells)


def _email_of(cell: Any) -> str:
    if cell is None:
        return ""
    s = (cell if cell.__class__ is str else str(cell)).strip(_EMAIL_JUNK).lower()
    return s.removeprefix("mailto:")


class _Parser:
    def __init__(self, sheet: Sheet, rejects: RejectLog, cancel: CancelToken | None = None) -> None:
        self.sheet = sheet
        self.rejects = rejects
        self.cancel = cancel
        self.rows = 0  # non-blank rows read
        self.valid = 0
        self.done = False
        self.email_col = sheet.mapping.column("email")
        assert self.email_col is not None
        self.email_header = sheet.header(self.email_col)

    def _reject(self, line: int, column: str, value: Any, reason: Reason, detail: str = "") -> None:
        self.rejects.add(RowReject(self.sheet.name, line, column, _show(value), reason, detail))

    def _converter(self, col: int, field: str) -> Converter:
        kind, sheet = self.sheet.kind, self.sheet
        ftype = hdr.field_type(kind, field)
        if ftype == "int":
            return make_int(sheet.decimal_comma)
        if ftype == "signed int":
            return make_int(sheet.decimal_comma, signed=True)
        if ftype == "date":
            return make_date(sheet.dayfirst.get(col, True))
        if ftype == "datetime":
            return make_datetime(sheet.dayfirst.get(col, True))
        if field == "membership_state":
            return to_state
        return to_text

    def _plan(self) -> list[tuple[int, str, Converter, str]]:
        return [(col, f, self._converter(col, f), self.sheet.header(col))
                for col, _h, f in self.sheet.mapping.mapped() if f != "email"]

    def _no_valid_rows(self) -> SpreadsheetError:
        first = self.rejects.first[0].describe() if self.rejects.first else "no rows"
        return SpreadsheetError(Problem.NO_VALID_ROWS, self.sheet.path,
                                f"None of the {self.rows} rows of {self.sheet.name} could be read (first problem: "
                                f"{first}); check the column mapping and the file (nothing was imported).")


# Standard tier names → rank, used as tier id when the file has tier names but no tier id column
# (so "VIP Tier Achieved" can be derived); other names keep no id.
TIER_RANKS: dict[str, int] = {"bronze": 1, "silver": 2, "argent": 2, "gold": 3, "or": 3, "platinum": 4,
                              "platine": 4, "platinium": 4, "diamond": 5, "diamant": 5}
STANDARD_TIERS_EN = ("Bronze", "Silver", "Gold", "Platinum", "Diamond")
STANDARD_TIERS_FR = ("Bronze", "Argent", "Or", "Platine", "Diamant")
_FRENCH_TIER_WORDS = frozenset({"argent", "or", "platine", "diamant", "palier", "niveau"})
_TIER_NOISE = frozenset({"vip", "tier", "palier", "niveau", "level", "club", "membre", "member", "statut", "status"})


def tier_rank(name: str) -> int | None:
    words = [w for w in fold(name).replace("-", " ").split() if w not in _TIER_NOISE]
    return TIER_RANKS.get(" ".join(words)) if words else None


# Building a frozen dataclass through its __init__ costs about as much as parsing the row; a
# Member is instead made by setting its slots directly, all of them, in field order. Equivalent to
# Member(**values) as long as Member has no __post_init__ (checked here, else __init__ is used).
_MEMBER_FIELDS = tuple(f.name for f in dc_fields(Member))
_MEMBER_INDEX = {name: i for i, name in enumerate(_MEMBER_FIELDS)}
_MEMBER_DEFAULTS = [None if f.default is MISSING else f.default for f in dc_fields(Member)]
_MEMBER_SETTERS = tuple(Member.__dict__[name].__set__ for name in _MEMBER_FIELDS)
_FAST_MEMBERS = not hasattr(Member, "__post_init__") and all(f.default_factory is MISSING for f in dc_fields(Member))


def make_member(values: list[Any]) -> Member:
    """A Member from its field values in field order (as Member(*values))."""
    if not _FAST_MEMBERS:
        return Member(*values)
    m = _new(Member)
    deque(map(_call, _MEMBER_SETTERS, repeat(m), values), maxlen=0)
    return m


# Columns whose values repeat (tiers, states, small counts, first names, dates): their
# conversions are memoised per distinct cell value.
_CACHED_FIELDS = frozenset({"first_name", "tier_name", "tier_id", "membership_state", "missions_completed",
                            "rewards_claimed", "referrals_completed", "birthday", "points_expiry_date",
                            "member_since", "last_activity_at", "points_expiring"})
_CACHE_MAX = 50_000
_NOTHING = object()


class MemberParser(_Parser):
    """Members sheet → `Member`s, each email once (the last valid row with that email).

    A first pass indexes the emails (hash → last line), so the main pass knows whether a row is
    superseded by a later one: superseded rows are held back (only duplicates are held, so memory
    stays small) and reported with the line that is used. If the last row of an email cannot be
    read, the latest valid earlier row is used instead. After the stream, `index` marks the
    emails imported (negative line), which the ledger checks against.
    """

    def __init__(self, sheet: Sheet, rejects: RejectLog, cancel: CancelToken | None = None) -> None:
        super().__init__(sheet, rejects, cancel)
        self.index: dict[int, int] = {}
        self.duplicates = 0
        fields = {f for f in sheet.mapping.fields if f}
        self.derive_tier_ids = "tier_name" in fields and "tier_id" not in fields
        self.tiers: dict[int, tuple[str, int | None]] = {}  # id → (name, lowest lifetime points seen)

    def is_member(self, email: str) -> bool:
        return self.index.get(hash(email), 0) < 0

    def _index_emails(self) -> Iterator[tuple[int, Sequence[Any]]]:
        """Index the emails; return the rows for the main pass (a workbook is parsed once and its
        rows replayed from a temporary file; a CSV is read again)."""
        index, ei = self.index, self.email_col
        assert ei is not None
        if self.sheet.fmt.type == "xlsx":
            replay = Replay(self.sheet.data_rows(self.cancel))
            column: Iterable[tuple[int, Any]] = ((line, cells[ei] if ei < len(cells) else None)
                                                 for line, cells in replay.first())
        else:
            replay = None
            column = self.sheet.column(ei, self.cancel)
        for line, raw in column:
            if raw is None:
                continue
            email = _email_of(raw) if raw.__class__ is not str else raw.strip(_EMAIL_JUNK).lower()
            if email:
                index[hash(email.removeprefix("mailto:"))] = line
        return replay.again() if replay is not None else self.sheet.data_rows(self.cancel)

    def members(self, tiers_out: list[Tier] | None = None, require_valid: bool = True) -> Iterator[Member]:
        """Stream the members. When the stream ends, `tiers_out` (if given) is filled with the
        tiers seen, and a file without one valid row raises `SpreadsheetError`."""
        rows = self._index_emails()
        plan = [(col, _MEMBER_INDEX[key], conv, header, {} if key in _CACHED_FIELDS else None)
                for col, key, conv, header in self._plan()]
        ei, email_header = self.email_col, self.email_header
        assert ei is not None
        match = EMAIL_RE.fullmatch
        index, reject, defaults, nothing = self.index, self._reject, _MEMBER_DEFAULTS, _NOTHING
        held: dict[int, tuple[int, Member, list[int]]] = {}  # hash → (line, member, lines it superseded)
        i_tier_name, i_tier_id = _MEMBER_INDEX["tier_name"], _MEMBER_INDEX["tier_id"]
        i_life = _MEMBER_INDEX["points_earned_lifetime"]
        derive, tiers, tier_ids = self.derive_tier_ids, self.tiers, {}  # type: ignore[var-annotated]
        track_tiers = derive or "tier_id" in self.sheet.mapping.fields
        has_life = "points_earned_lifetime" in self.sheet.mapping.fields
        for line, cells in rows:
            n = len(cells)
            raw = cells[ei] if ei < n else None
            if raw.__class__ is str:
                email = raw.strip(_EMAIL_JUNK).lower().removeprefix("mailto:")
            else:
                email = _email_of(raw)
            if not email:
                if _is_blank_row(cells):
                    continue
                self.rows += 1
                reject(line, email_header, raw, Reason.MISSING_EMAIL)
                continue
            self.rows += 1
            if len(email) > 100 or match(email) is None:
                reject(line, email_header, raw, Reason.INVALID_EMAIL)
                continue
            h = hash(email)
            last = index.get(h) == line
            vals = defaults.copy()
            vals[0] = email
            try:
                for col, idx, conv, header, cache in plan:
                    if col < n:
                        v = cells[col]
                        if v is not None and v != "":
                            if cache is None:
                                r = conv(v)
                            else:
                                r = cache.get(v, nothing)
                                if r is nothing:
                                    r = conv(v)
                                    if len(cache) < _CACHE_MAX:
                                        cache[v] = r
                            if r is not None:
                                vals[idx] = r
            except BadValue as exc:
                reject(line, header, v, exc.reason, exc.detail)
                if last and h in held:  # the last row is unusable: the latest valid earlier one is used
                    used, member, older = held.pop(h)
                    self._superseded(older, used, email, email_header)
                    index[h] = -used
                    self.valid += 1
                    yield member
                continue
            if track_tiers:
                if derive:
                    name = vals[i_tier_name]
                    if name is not None:
                        tid = tier_ids.get(name, 0)
                        if tid == 0:
                            tid = tier_ids[name] = tier_rank(name)
                        vals[i_tier_id] = tid
                tid = vals[i_tier_id]
                if tid is not None:
                    life = vals[i_life] if has_life else None
                    known = tiers.get(tid)
                    if known is None:
                        tiers[tid] = (vals[i_tier_name] or str(tid), life)
                    elif life is not None and (known[1] is None or life < known[1]):
                        tiers[tid] = (known[0], life)
            member = make_member(vals)
            if not last:  # the same email comes again further down: hold this row back
                prev = held.get(h)
                held[h] = (line, member, (prev[2] + [prev[0]]) if prev else [])
                continue
            if held:
                prev = held.pop(h, None)
                if prev is not None:
                    self._superseded(prev[2] + [prev[0]], line, email, email_header)
            index[h] = -line
            self.valid += 1
            yield member
        self.done = True
        if tiers_out is not None:
            tiers_out[:] = self.tier_list()
        if require_valid and self.valid == 0:
            raise self._no_valid_rows()

    def _superseded(self, lines: list[int], used: int, email: str, header: str) -> None:
        for old in lines:
            self.duplicates += 1
            self._reject(old, header, email, Reason.DUPLICATE_EMAIL, f"also on line {used}; line {used} is used")

    def tier_list(self) -> list[Tier]:
        """Tiers seen, ranked: by standard names (derived ids; the standard tiers nobody holds are
        listed too, in the file's language, so a move from one of them is still named), else by the
        lowest lifetime points of their members when that tells them apart, else by id."""
        items = sorted(self.tiers.items())
        if self.derive_tier_ids:
            if not items:
                return []
            seen = {tid: name for tid, (name, _) in items}
            french = any(w in _FRENCH_TIER_WORDS for name in seen.values() for w in fold(name).split())
            names = STANDARD_TIERS_FR if french else STANDARD_TIERS_EN
            return [Tier(rank, seen.get(rank, names[rank - 1]), rank) for rank in range(1, len(names) + 1)]
        lows = [low for _, (_, low) in items]
        by_points = all(low is not None for low in lows) and len(set(lows)) == len(lows)
        return [Tier(tid, name, int(low) if by_points and low is not None else tid) for tid, (name, low) in items]


class LedgerParser(_Parser):
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
            n = len(cells)
            raw = cells[ei] if ei < n else None
            email = _email_of(raw)
            if not email:
                if _is_blank_row(cells):
                    continue
                self.rows += 1
                reject(line, email_header, raw, Reason.MISSING_EMAIL)
                continue
            self.rows += 1
            if len(email) > 100 or match(email) is None:
                reject(line, email_header, raw, Reason.INVALID_EMAIL)
                continue
            if is_member is not None and not is_member(email):
                reject(line, email_header, raw, Reason.UNKNOWN_MEMBER)
                continue
            kw: dict[str, Any] = {}
            try:
                for col, key, conv, header in plan:
                    if col < n:
                        v = cells[col]
                        if v is not None and v != "":
                            r = conv(v)
                            if r is not None:
                                kw[key] = r
            except BadValue as exc:
                reject(line, header, v, exc.reason, exc.detail)
                continue
            at = kw.get("at")
            if at is None:
                reject(line, cols["at"], "", Reason.MISSING_VALUE, "a movement needs its date")
                continue
            if "points_change" in kw:
                change = kw["points_change"]
            elif "points_credit" in kw or "points_debit" in kw:
                change = kw.get("points_credit", 0) - kw.get("points_debit", 0)
            else:
                col = cols.get("points_change") or cols.get("points_credit") or cols.get("points_debit") or ""
                reject(line, col, "", Reason.MISSING_VALUE, "a movement needs its points")
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
            key = "|".join((email, at.isoformat(), str(change), reason_text or "", kw.get("description") or "",
                            code or ""))
            h = hash(key)
            nth = occurrences.get(h, 0)
            occurrences[h] = nth + 1
            rid = "sheet:" + hashlib.blake2b(key.encode(), digest_size=10).hexdigest() + (f"-{nth}" if nth else "")
        reward_id = None
        if code:
            reward_id = f"{rid}:reward"
            origin = {LedgerKind.BIRTHDAY: RewardOrigin.BIRTHDAY,
                      LedgerKind.REFERRAL: RewardOrigin.REFERRAL_SENDER}.get(kind, RewardOrigin.REDEMPTION)
            yield Reward(reward_id, email, kw.get("reward_name") or description or "Reward", code, origin, at,
                         kw.get("reward_expires_at"), kw.get("reward_used_at"), max(0, -change))
        yield LedgerEntry(rid, email, at, change, kind, description, kw.get("balance_after"), reward_id)

