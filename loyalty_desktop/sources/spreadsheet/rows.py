"""Members rows → `Member`s, with a reason for every row that cannot be used.

`MemberParser` turns a members sheet into `Member`s (`LedgerParser`, a ledger sheet into
`LedgerEntry`s, lives in `spreadsheet_ledger`). Both stream: a row is converted, checked and
yielded; what is kept per row is one small entry per email (to settle duplicates and check ledger
emails). A rejected row is recorded in a `RejectLog` with its line, column, value and reason
(`spreadsheet_rejects`); `write_rejects_csv` exports them.

Duplicate emails: the later row wins. A first pass over the email column tells which row is the
last of its email; earlier ones are not yielded (each is reported with the line that is used, once
that is known), so each email is yielded once and re-importing the same file changes nothing. If
the last row of an email is unreadable, the latest readable earlier one is used (read again in a
last pass). Nothing is held per duplicate but a line of a temporary file.

A row whose structure is wrong (an unbalanced quote, too many or too few cells, a control
character, a cell too long: `spreadsheet_csv.BadRow`) is rejected with its line and the reason;
the first pass leaves it out too, so it never stands for its email.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import MISSING
from dataclasses import fields as dc_fields
from itertools import repeat
from operator import call as _call
from typing import Any

from loyalty_desktop.core.fields import BLANK_IS_UNKNOWN
from loyalty_desktop.core.model import Member, Tier
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sources.spreadsheet.convert import (
    Column,
    compile_fill,
    failure,
    fill_short,
)
from loyalty_desktop.sources.spreadsheet.csvfile import BadRow
from loyalty_desktop.sources.spreadsheet.ledger import LedgerParser
from loyalty_desktop.sources.spreadsheet.parse import (
    EMAIL_JUNK,
    Parser,
    email_of,
    is_blank_row,
)

# Rejected rows live in spreadsheet_rejects; imported from here by older code too.
from loyalty_desktop.sources.spreadsheet.rejects import (
    REJECT_COLUMNS,
    RejectLog,
    RowReject,
    write_rejects_csv,
)
from loyalty_desktop.sources.spreadsheet.replay import Replay
from loyalty_desktop.sources.spreadsheet.sheet import Sheet
from loyalty_desktop.sources.spreadsheet.values import (
    DOMAIN_RE,
    LOCAL_RE,
    BadValue,
    Reason,
    fold,
)
from loyalty_desktop.store.codec import member_values_encoder, spreadsheet_member

__all__ = ["REJECT_COLUMNS", "LedgerParser", "MemberParser", "RejectLog", "RowReject", "email_check", "make_member",
           "tier_rank", "write_rejects_csv"]

_new = object.__new__


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


def email_check() -> Callable[[str], bool]:
    """valid(email) for normalized emails, as `EMAIL_RE` (at most 100 characters) decides, with
    each domain's verdict memoised: the address pattern is one local part (no @), one @, one
    domain (no @), so the local part and the domain can be checked apart."""
    domains: dict[str, bool] = {}
    local_ok, domain_ok = _LOCAL_RE.fullmatch, _DOMAIN_RE.fullmatch

    def valid(email: str) -> bool:
        if len(email) > 100:
            return False
        local, at, domain = email.partition("@")
        # Letters and digits only (most addresses' local part) pass the pattern's class as they are.
        if not at or not (local.isalnum() or local_ok(local) is not None):
            return False
        ok = domains.get(domain)
        if ok is None:
            ok = domain_ok(domain) is not None
            if len(domains) < 10_000:
                domains[domain] = ok
        return ok

    return valid


_LOCAL_RE, _DOMAIN_RE = LOCAL_RE, DOMAIN_RE  # EMAIL_RE is the local part, "@", the domain


def make_member(values: list[Any]) -> Member:
    """A Member from its field values in field order (as Member(*values))."""
    if not _FAST_MEMBERS:
        return Member(*values)
    m = _new(Member)
    deque(map(_call, _MEMBER_SETTERS, repeat(m), values), maxlen=0)
    return m


# Columns whose values repeat (tiers, states, small counts, first names, dates): their
# conversions are memoised per distinct cell (spreadsheet_convert). Not points nor last names:
# with tens of thousands of distinct cells a memo lookup costs more than converting.
_CACHED_FIELDS = frozenset({"first_name", "tier_name", "tier_id", "membership_state", "missions_completed",
                            "rewards_claimed", "referrals_completed", "birthday", "points_expiry_date",
                            "member_since", "last_activity_at", "points_expiring"})


class MemberParser(Parser):
    """Members sheet → `Member`s, each email once (the last valid row with that email).

    A first pass indexes the emails (hash → last line), so the main pass knows whether a row is
    superseded by a later one: a superseded row is not yielded, only noted (line and email, in a
    temporary file) and reported at the end with the line that is used. If the last row of an
    email cannot be read, the latest valid earlier row is used instead (found by a last pass
    over the rows of those emails only); an email none of whose rows can be read is noted
    (`unused`): the ledger checks its emails against the members imported. Memory: the index,
    nothing per duplicate.
    """

    def __init__(self, sheet: Sheet, rejects: RejectLog, cancel: CancelToken | None = None) -> None:
        super().__init__(sheet, rejects, cancel)
        self.index: dict[int, int] = {}  # email hash → the line used (the last line holding it, unless unreadable)
        self.unused: set[int] = set()  # hashes of (valid) emails no row of which could be imported
        self.duplicates = 0
        fields = {f for f in sheet.mapping.fields if f}
        self.derive_tier_ids = "tier_name" in fields and "tier_id" not in fields
        self.tiers: dict[int, tuple[str, int | None]] = {}  # id → (name, lowest lifetime points seen)
        # The fields this file provides; a blank cell of a number, date or state stays None: unknown.
        self.varying = frozenset(fields | {"email"} | ({"tier_id"} if self.derive_tier_ids else set()))
        self.defaults = [None if k in self.varying and k in BLANK_IS_UNKNOWN else d
                         for k, d in zip(_MEMBER_FIELDS, _MEMBER_DEFAULTS, strict=True)]

    def is_member(self, email: str) -> bool:
        """Was a member imported with this (valid, normalized) email? Once the stream is done."""
        h = hash(email)
        return h in self.index and h not in self.unused

    def _index_emails(self) -> Iterator[tuple[int, Sequence[Any] | BadRow]]:
        """Index the emails; return the rows for the main pass (a workbook is parsed once and its
        rows replayed from a temporary file; a CSV is read again)."""
        index, ei = self.index, self.email_col
        assert ei is not None
        index.clear()  # a second stream starts afresh
        self.unused.clear()
        if self.sheet.fmt.type == "xlsx":
            replay = Replay(self.sheet.data_rows(self.cancel))
            column: Iterable[tuple[int, Any]] = ((line, cells[ei] if ei < len(cells) else None)
                                                 for line, cells in replay.first() if not isinstance(cells, BadRow))
        else:
            replay = None
            column = self.sheet.column(ei, self.cancel)
        for line, raw in column:
            if raw is None:
                continue
            email = email_of(raw) if raw.__class__ is not str else raw.strip(EMAIL_JUNK).lower()
            if email:
                index[hash(email.removeprefix("mailto:"))] = line
        return replay.again() if replay is not None else self.sheet.data_rows(self.cancel)

    def members(self, tiers_out: list[Tier] | None = None, require_valid: bool = True) -> Iterator[Member]:
        """Stream the members. When the stream ends, `tiers_out` (if given) is filled with the
        tiers seen, and a file without one valid row raises `SpreadsheetError`."""
        return self._stream(spreadsheet_member(self.varying), tiers_out, require_valid)

    def member_texts(self, tiers_out: list[Tier] | None = None, require_valid: bool = True
                     ) -> Iterator[tuple[str, str]]:
        """As `members`, but (email, the store's JSON text of the Member): what an import into the
        store needs, without building each Member only to encode it."""
        encode = member_values_encoder(self.varying)
        return self._stream(lambda vals: (vals[0], encode(vals)), tiers_out, require_valid)

    def _stream(self, make: Callable[[list[Any]], Any], tiers_out: list[Tier] | None, require_valid: bool
                ) -> Iterator[Any]:
        rows = self._index_emails()
        plan = [Column(col, _MEMBER_INDEX[key], conv, header, key in _CACHED_FIELDS)
                for col, key, conv, header in self._plan()]
        fill = compile_fill(plan, self.sheet.fmt.type == "csv")
        need = max((c.col for c in plan), default=-1) + 1
        ei, email_header = self.email_col, self.email_header
        assert ei is not None
        valid_email = email_check()
        index = self.index
        reject, defaults = self._reject, self.defaults
        # Valid rows a later row of the same email supersedes: "line email" lines, reported at the end.
        superseded = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below
        retry: set[int] = set()  # emails whose last row is unreadable: an earlier valid row may stand in
        i_tier_name, i_tier_id = _MEMBER_INDEX["tier_name"], _MEMBER_INDEX["tier_id"]
        i_life = _MEMBER_INDEX["points_earned_lifetime"]
        derive, tiers, tier_ids = self.derive_tier_ids, self.tiers, {}  # type: ignore[var-annotated]
        track_tiers = derive or "tier_id" in self.sheet.mapping.fields
        has_life = "points_earned_lifetime" in self.sheet.mapping.fields
        try:
            for line, cells in rows:
                if isinstance(cells, BadRow):
                    self._reject_bad(line, cells)
                    continue
                n = len(cells)
                raw = cells[ei] if ei < n else None
                if raw.__class__ is str:
                    email = raw.strip(EMAIL_JUNK).lower().removeprefix("mailto:")
                else:
                    email = email_of(raw)
                if not email:
                    if is_blank_row(cells):
                        continue
                    self.rows += 1
                    reject(line, email_header, raw, Reason.MISSING_EMAIL)
                    continue
                self.rows += 1
                if not valid_email(email):
                    reject(line, email_header, raw, Reason.INVALID_EMAIL)
                    continue
                h = hash(email)
                last = index[h] == line
                vals = defaults.copy()
                vals[0] = email
                try:
                    if n >= need:
                        fill(cells, vals)
                    else:
                        fill_short(plan, cells, vals)
                except BadValue:
                    column, v, exc = failure(plan, cells)
                    reject(line, column.header, v, exc.reason, exc.detail, email)
                    if last:
                        retry.add(h)
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
                if not last:  # the same email comes again further down
                    superseded.write(f"{line} {email}\n")
                    continue
                self.valid += 1
                yield make(vals)
            if retry:
                yield from self._stand_ins(retry, make, plan, fill, need)
            self._report_superseded(superseded, email_header)
        finally:
            superseded.close()
        self.done = True
        if tiers_out is not None:
            tiers_out[:] = self.tier_list()
        if require_valid and self.valid == 0:
            raise self._no_valid_rows()

    def _stand_ins(self, retry: set[int], make: Callable[[list[Any]], Any], plan: list[Column],
                   fill: Callable[[Sequence[Any], list[Any]], None], need: int) -> Iterator[Any]:
        """For each email whose last row is unreadable, the latest valid earlier row (one more pass
        over the rows, keeping one row per such email); emails without one are `unused`."""
        ei = self.email_col
        assert ei is not None
        found: dict[int, tuple[int, list[Any]]] = {}
        for line, cells in self.sheet.data_rows(self.cancel):
            if isinstance(cells, BadRow) or ei >= len(cells):
                continue
            email = email_of(cells[ei])
            h = hash(email)
            if h not in retry or line >= self.index[h]:
                continue
            vals = self.defaults.copy()
            vals[0] = email
            try:
                (fill if len(cells) >= need else lambda c, v: fill_short(plan, c, v))(cells, vals)
            except BadValue:
                continue
            found[h] = (line, vals)
        for h in retry:
            if h in found:
                line, vals = found[h]
                self.index[h] = line  # the line used
                self.valid += 1
                yield make(vals)
            else:
                self.unused.add(h)

    def _report_superseded(self, superseded: Any, header: str) -> None:
        superseded.seek(0)
        for text in superseded:
            line_s, _, email = text.rstrip("\n").partition(" ")
            line, h = int(line_s), hash(email)
            if h in self.unused or self.index[h] == line:
                continue  # the row stands in for an unreadable last row: it is the one used
            used = self.index[h]
            self.duplicates += 1
            self._reject(line, header, email, Reason.DUPLICATE_EMAIL, f"also on line {used}; line {used} is used",
                         email)

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
