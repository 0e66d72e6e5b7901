"""Builds ~2 years of history for a new demo program, member by member, in chunks.

Each member's past is a small discrete-event simulation (a heap of timed actions) run with the
shared `Engine` handlers; actions falling on or after `start` go to the `agenda` table, where
`tick` picks them up. Members are numbered in join order (external id LOY-000001 joined first).
A referral completed before `start` may have a member as its receiver: that member is generated a
little later, joins at the completion time, and receives the receiver voucher.
"""

from __future__ import annotations

import heapq
import random
import sqlite3
from collections import deque
from collections.abc import Callable
from datetime import date

from loyalty_desktop.sources.demo import names
from loyalty_desktop.sources.demo.db import (
    SQL_INSERT_AGENDA,
    SQL_INSERT_LEDGER,
    SQL_INSERT_MEMBER,
    SQL_INSERT_REFERRAL,
    SQL_INSERT_REWARD,
    member_row,
    ref_code,
    referral_row,
    reward_rows,
)
from loyalty_desktop.sources.demo.rules import (
    A_BIRTHDAY,
    A_DISABLE,
    A_JOIN,
    CANDIDATE,
    DAY,
    DISABLED,
    MEMBER,
    O_RECEIVER,
    REFERRAL_RECEIVER_VALUE,
    Engine,
    day_of,
    ts_of_day,
)
from loyalty_desktop.sources.demo.state import Mem, Ref, Row, new_mem

HISTORY_DAYS = 730
CHUNK = 5000


def make_identity(rng: random.Random, num: int, ref_day: int, is_free: Callable[[str], bool]) -> Row:
    locale, first, last, fslug, lslug = names.make_name(rng)
    bday = None
    if rng.random() < 0.82:
        age = int(rng.triangular(18, 78, 36))
        year = date.fromordinal(ref_day).year - age
        bday = date(year, 1, 1).toordinal() + rng.randrange(365)
    byear = date.fromordinal(bday).year if bday else None
    email = names.make_email(rng, locale, fslug, lslug, byear, is_free)
    phone = names.make_phone(rng, locale)
    return (locale, first, last, email, phone, bday, ref_code(num, fslug))


def next_birthday(bday: int, after_ts: int) -> int | None:
    """Epoch seconds of the first birthday (06:00 UTC) strictly after `after_ts`."""
    b = date.fromordinal(bday)
    y = date.fromordinal(day_of(after_ts)).year
    for year in (y, y + 1):
        try:
            d = date(year, b.month, b.day)
        except ValueError:
            d = date(year, 2, 28)
        ts = ts_of_day(d.toordinal()) + 6 * 3600
        if ts > after_ts:
            return ts
    return None


class HistoryEngine(Engine):
    def __init__(self, rng: random.Random, start_ts: int) -> None:
        super().__init__(rng, seq=1)
        self.start_ts = start_ts
        self.code_n = 0
        self.heap: list[tuple[int, int, int, int]] = []  # (ts, tie-breaker, action, arg)
        self.hn = 0
        self.agenda: list[Row] = []
        self.refs: dict[int, Ref] = {}
        self.deferred: set[int] = set()
        self.pending: deque[tuple[int, Ref]] = deque()  # (sender num, ref) waiting for a member receiver
        self.used_emails: set[str] = set()
        self.m: Mem | None = None

    def is_free(self, email: str) -> bool:
        if email in self.used_emails:
            return False
        self.used_emails.add(email)
        return True

    def daytime(self, ts: int) -> int:
        """Move a night-time moment (23:00–07:00 UTC) forward to the next morning."""
        tod = ts % DAY
        if 7 * 3600 <= tod < 23 * 3600:
            return ts
        wait = (7 * 3600 - tod) if tod < 7 * 3600 else (DAY - tod + 7 * 3600)
        return ts + wait + int(10800 * self.rng.random())

    def schedule(self, m: Mem, ts: float, action: int, arg: int = 0) -> None:
        ts = int(ts)
        if not 25200 <= ts % DAY < 82800:  # 07:00–23:00
            ts = self.daytime(ts)
        if ts < self.start_ts:
            self.hn += 1
            heapq.heappush(self.heap, (ts, self.hn, action, arg))
        elif action != A_BIRTHDAY:  # ticks find birthdays by date
            self.agenda.append((day_of(ts), m.num, action, arg))

    def schedule_birthday(self, m: Mem, after_ts: int) -> None:
        if m.birthday is not None:
            ts = next_birthday(m.birthday, after_ts)
            if ts is not None and ts < self.start_ts:
                self.schedule(m, ts + int(7200 * self.rng.random()), A_BIRTHDAY)

    def next_code(self) -> int:
        self.code_n += 1
        return self.code_n

    def get_ref(self, m: Mem, n: int) -> Ref | None:
        return self.refs.get(n)

    def new_ref(self, m: Mem, ref: Ref) -> None:
        self.refs[ref[0]] = ref

    def new_friend(self) -> Row:
        rng = self.rng
        locale, first, last, fslug, lslug = names.make_name(rng)
        return names.make_email(rng, locale, fslug, lslug, None, self.is_free), first, last, locale

    def on_referral_completed(self, m: Mem, ref: Ref, ts: int) -> None:
        if self.rng.random() < 0.5:
            self.pending.append((m.num, ref))
            self.deferred.add(ref[0])

    def run_member(self, m: Mem, join_ts: int, disable_ts: int | None, referral: tuple[int, Ref] | None) -> None:
        self.m, self.heap, self.hn, self.refs, self.deferred = m, [], 0, {}, set()
        self.schedule(m, join_ts, A_JOIN, 1 if referral else 0)
        if disable_ts is not None:
            self.schedule(m, disable_ts, A_DISABLE)
        heap, process = self.heap, self.process
        while heap:
            ts, _n, action, arg = heapq.heappop(heap)
            process(m, ts, action, arg)
        if m.state == MEMBER:
            self.expire_until(m, day_of(self.start_ts) - 1)
        elif m.state == DISABLED:
            for ref in self.refs.values():
                if ref[5] < 2:
                    ref[5] = 3  # expired with the account


def generate(conn: sqlite3.Connection, members: int, seed: int, start_ts: int) -> dict[str, int]:
    """Fill an empty schema; returns meta counters (code_n, next_num)."""
    rng = random.Random(seed)
    eng = HistoryEngine(rng, start_ts)
    start_day = day_of(start_ts)
    span = HISTORY_DAYS * DAY
    joins = sorted(start_ts - int(span * rng.random() ** 1.25) - 6 * 3600 for _ in range(members))
    mrows: list[Row] = []
    rrows: list[Row] = []
    frows: list[Row] = []

    def flush() -> None:
        with conn:
            conn.executemany(SQL_INSERT_MEMBER, mrows)
            conn.executemany(SQL_INSERT_LEDGER, eng.ledger)
            conn.executemany(SQL_INSERT_REWARD, rrows)
            conn.executemany(SQL_INSERT_REFERRAL, frows)
            conn.executemany(SQL_INSERT_AGENDA, eng.agenda)
        for lst in (mrows, eng.ledger, rrows, frows, eng.agenda):
            lst.clear()

    for num in range(1, members + 1):
        u = rng.random()
        state = CANDIDATE if u < 0.06 else DISABLED if u < 0.10 else MEMBER
        ident = make_identity(rng, num, start_day, eng.is_free)
        m = new_mem(num, ident, rng, CANDIDATE if state == CANDIDATE else MEMBER)
        agenda_mark = len(eng.agenda)
        if state == CANDIDATE:
            if rng.random() < 0.3:  # will join the program some day
                eng.agenda.append((start_day + 1 + int(rng.expovariate(1 / 150.0)), num, A_JOIN, 0))
        else:
            join_ts = eng.daytime(joins[num - 1])
            referral = None
            if state == MEMBER and eng.pending:
                referral = eng.pending.popleft()
                sender, ref = referral
                join_ts = ref[8]
                ref[1], ref[2], ref[3], ref[4], ref[11] = m.email, m.first, m.last, m.locale, num
                eng.issue(m, ref[7], O_RECEIVER, REFERRAL_RECEIVER_VALUE, code_n=ref[10])
                frows.append(referral_row(sender, ref, 1))
            disable_ts = None
            if state == DISABLED:
                disable_ts = join_ts + int((start_ts - join_ts) * rng.uniform(0.3, 0.97))
            eng.run_member(m, join_ts, disable_ts, referral)
            if m.state != MEMBER:
                del eng.agenda[agenda_mark:]
            for ref in eng.refs.values():
                if ref[0] not in eng.deferred:
                    frows.append(referral_row(num, ref, 1))
        m.seq = 1
        mrows.append(member_row(m))
        rrows.extend(reward_rows(m, 1))
        if num % CHUNK == 0:
            flush()
    for sender, ref in eng.pending:  # no member left to play the friend: keep the friend's email
        frows.append(referral_row(sender, ref, 1))
    flush()
    return {"code_n": eng.code_n, "next_num": members + 1}
