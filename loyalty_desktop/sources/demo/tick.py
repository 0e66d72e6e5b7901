"""One simulated day of the demo program (used by `DemoProgram.tick`).

A day's actions: the `agenda` rows due that day (orders, missions, reviews, referral steps,
candidates joining), birthdays (by month/day), end-of-day points expiry (members whose next
expiry day is today) and a few organic sign-ups. They are sorted by time and run with the shared
`Engine` handlers on members loaded on demand; everything the day wrote is committed in one
transaction under a new change sequence number. The day's RNG is seeded from (seed, day), so a
program's evolution depends only on (members, seed, start) and on how many days were simulated.
"""

from __future__ import annotations

import math
import random
import sqlite3
from datetime import date

from loyalty_desktop.sources.demo import names
from loyalty_desktop.sources.demo.db import (
    MEMBER_COLS,
    SQL_INSERT_AGENDA,
    SQL_INSERT_LEDGER,
    SQL_INSERT_MEMBER,
    SQL_INSERT_REWARD,
    SQL_SELECT_MEMBER,
    SQL_SELECT_REFERRAL,
    SQL_UPDATE_MEMBER,
    SQL_UPSERT_REFERRAL,
    SQL_USE_REWARD,
    mem_from_row,
    member_row,
    member_update,
    ref_code,
    referral_row,
    reward_rows,
)
from loyalty_desktop.sources.demo.history import make_identity
from loyalty_desktop.sources.demo.rules import (
    A_BIRTHDAY,
    A_EXPIRE,
    A_JOIN,
    CANDIDATE,
    DAY,
    O_RECEIVER,
    REFERRAL_RECEIVER_VALUE,
    Engine,
    day_of,
    ts_of_day,
)
from loyalty_desktop.sources.demo.state import Mem, Ref, Row, new_mem

SIGNUPS_PER_MEMBER_DAY = 0.0005  # organic sign-ups per day, relative to the program's size


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


class TickEngine(Engine):
    def __init__(self, conn: sqlite3.Connection, rng: random.Random, seq: int, day: int,
                 meta: dict[str, int]) -> None:
        super().__init__(rng, seq)
        self.conn, self.day, self.meta = conn, day, meta
        self.cache: dict[int, Mem] = {}
        self.refs: dict[tuple[int, int], Ref] = {}
        self.refs_orig: dict[tuple[int, int], Row | None] = {}
        self.agenda: list[Row] = []
        self.new_emails: set[str] = set()

    def mem(self, num: int) -> Mem:
        m = self.cache.get(num)
        if m is None:
            row = self.conn.execute(SQL_SELECT_MEMBER, (num,)).fetchone()
            m = self.cache[num] = mem_from_row(row)
        return m

    def prefetch(self, nums: list[int]) -> None:
        """Load many members with few queries (sorted primary-key lookups)."""
        todo = sorted({n for n in nums if n not in self.cache})
        for i in range(0, len(todo), 500):
            part = todo[i:i + 500]
            sql = f"SELECT {MEMBER_COLS} FROM members WHERE num IN ({','.join('?' * len(part))})"
            for row in self.conn.execute(sql, part):
                self.cache[row[0]] = mem_from_row(row)

    def schedule(self, m: Mem, ts: float, action: int, arg: int = 0) -> None:
        if action != A_BIRTHDAY:
            self.agenda.append((max(day_of(int(ts)), self.day + 1), m.num, action, arg))

    def next_code(self) -> int:
        self.meta["code_n"] += 1
        return self.meta["code_n"]

    def get_ref(self, m: Mem, n: int) -> Ref | None:
        key = (m.num, n)
        ref = self.refs.get(key)
        if ref is None:
            row = self.conn.execute(SQL_SELECT_REFERRAL, key).fetchone()
            if row is None:
                return None
            ref = self.refs[key] = list(row)
            self.refs_orig[key] = row
        return ref

    def new_ref(self, m: Mem, ref: Ref) -> None:
        key = (m.num, ref[0])
        self.refs[key] = ref
        self.refs_orig[key] = None

    def is_free(self, email: str) -> bool:
        if email in self.new_emails:
            return False
        c = self.conn
        if c.execute("SELECT 1 FROM members WHERE email = ?", (email,)).fetchone():
            return False
        if c.execute("SELECT 1 FROM referrals WHERE receiver_email = ?", (email,)).fetchone():
            return False
        self.new_emails.add(email)
        return True

    def new_friend(self) -> Row:
        rng = self.rng
        locale, first, last, fslug, lslug = names.make_name(rng)
        return names.make_email(rng, locale, fslug, lslug, None, self.is_free), first, last, locale

    def new_member(self, ident: Row) -> Mem:
        num = self.meta["next_num"]
        self.meta["next_num"] += 1
        self.meta["members_total"] += 1
        m = self.cache[num] = new_mem(num, ident, self.rng, CANDIDATE)
        return m

    def on_referral_completed(self, m: Mem, ref: Ref, ts: int) -> None:
        """Half of the friends who order also join the program, with the receiver voucher."""
        if ref[11] is not None or self.rng.random() >= 0.5:
            return
        rng = self.rng
        email, first, last, locale = ref[1], ref[2], ref[3], ref[4]
        bday = None
        if rng.random() < 0.8:
            bday = date(date.fromordinal(self.day).year - int(rng.triangular(18, 78, 36)), 1, 1).toordinal()
            bday += rng.randrange(365)
        num = self.meta["next_num"]
        ident = (locale or "fr", first, last, email, names.make_phone(rng, locale or "fr"), bday,
                 ref_code(num, names.slug(first or "ami")))
        f = self.new_member(ident)
        ref[11] = f.num
        self.issue(f, ref[7] if ref[7] is not None else ts, O_RECEIVER, REFERRAL_RECEIVER_VALUE,
                   code_n=ref[10])
        self.join(f, ts + 60, referred=True)


def load_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta"))


def run_day(conn: sqlite3.Connection, seed: int, day: int, meta: dict[str, int],
            changed: set[int]) -> Engine:
    """Simulate `day` (an ordinal), without committing. Updates `meta` (seq, code_n, next_num, members_total)."""
    rng = random.Random(f"maison-lumiere/{seed}/{day}")
    seq = meta["seq"] + 1
    eng = TickEngine(conn, rng, seq, day, meta)
    base = ts_of_day(day)
    events: list[tuple[int, int, int, int]] = []
    for member, action, arg in conn.execute(
            "SELECT member, action, arg FROM agenda WHERE day = ? ORDER BY member, action, arg", (day,)):
        events.append((base + rng.randint(7 * 3600, 23 * 3600 - 1), member, action, arg))
    d = date.fromordinal(day)
    keys = [d.month * 100 + d.day]
    if keys[0] == 228 and not (d.year % 4 == 0 and (d.year % 100 or d.year % 400 == 0)):
        keys.append(229)
    for (num,) in conn.execute(
            f"SELECT num FROM members WHERE state = 0 AND bday_key IN ({','.join('?' * len(keys))}) "
            "AND bday_key IS NOT NULL ORDER BY num", keys):
        events.append((base + 6 * 3600 + rng.randint(0, 7200), num, A_BIRTHDAY, 0))
    for (num,) in conn.execute(
            "SELECT num FROM members WHERE expiry_day = ? AND expiry_day IS NOT NULL ORDER BY num", (day,)):
        events.append((base + DAY - 1, num, A_EXPIRE, 0))
    for _ in range(poisson(rng, meta["members_total"] * SIGNUPS_PER_MEMBER_DAY)):
        m = eng.new_member(make_identity(rng, meta["next_num"], day, eng.is_free))
        events.append((base + rng.randint(8 * 3600, 22 * 3600), m.num, A_JOIN, 0))
    events.sort()
    eng.prefetch([e[1] for e in events])
    for ts, num, action, arg in events:
        eng.process(eng.mem(num), ts, action, arg)
    _flush(conn, eng, day, meta, seq, changed)
    return eng


def _flush(conn: sqlite3.Connection, eng: TickEngine, day: int, meta: dict[str, int], seq: int,
           changed: set[int]) -> None:
    inserts, updates, states, rewards = [], [], [], []
    for m in eng.cache.values():
        if m.is_new or m.visible() != m.orig:
            m.seq = seq
            changed.add(m.num)
        row = member_row(m)
        if m.is_new:
            inserts.append(row)
        else:
            updates.append(member_update(row))
            if m.orig is not None and m.state != m.orig[11]:  # loaded members keep their original
                states.append((m.state, m.num))
        rewards.extend(reward_rows(m, seq))
    refs = [referral_row(k[0], ref, seq) for k, ref in eng.refs.items()
            if eng.refs_orig[k] is None or tuple(ref) != eng.refs_orig[k]]
    meta["seq"] = seq
    meta["as_of"] = ts_of_day(day + 1)
    if True:  # the caller commits (one transaction per tick)
        conn.executemany(SQL_INSERT_MEMBER, inserts)
        conn.executemany(SQL_UPDATE_MEMBER, updates)
        conn.executemany("UPDATE members SET state = ? WHERE num = ?", states)
        conn.executemany(SQL_INSERT_LEDGER, eng.ledger)
        conn.executemany(SQL_INSERT_REWARD, rewards)
        conn.executemany(SQL_USE_REWARD, eng.reward_used)
        conn.executemany(SQL_UPSERT_REFERRAL, refs)
        conn.execute("DELETE FROM agenda WHERE day <= ?", (day,))
        conn.executemany(SQL_INSERT_AGENDA, eng.agenda)
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                         [(k, str(v)) for k, v in meta.items()])
