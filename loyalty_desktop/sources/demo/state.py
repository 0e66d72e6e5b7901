"""A simulated member's mutable state (`Mem`) and the run's counters, shared by history generation,
`tick` and the row conversions in db.py. Slotted classes: the demo builds hundreds of thousands."""

from __future__ import annotations

import random
from typing import Any

# A SQLite row of the demo program, or a record about to become one.
Row = tuple[Any, ...]
# A referral being simulated, in referral_row's column order (mutated as it progresses).
Ref = list[Any]


class Counters:
    """How many of each event a run produced (program.py sums them over runs)."""

    __slots__ = (
        "birthday_rewards",
        "missions",
        "new_members",
        "orders",
        "points_earned",
        "points_expired",
        "points_redeemed",
        "referrals_claimed",
        "referrals_completed",
        "referrals_expired",
        "referrals_started",
        "rewards_issued",
        "rewards_used",
        "tier_changes",
    )
    birthday_rewards: int
    missions: int
    new_members: int
    orders: int
    points_earned: int
    points_expired: int
    points_redeemed: int
    referrals_claimed: int
    referrals_completed: int
    referrals_expired: int
    referrals_started: int
    rewards_issued: int
    rewards_used: int
    tier_changes: int

    def __init__(self) -> None:
        for s in self.__slots__:
            setattr(self, s, 0)


class Mem:
    """A member's full mutable state (visible fields + simulation internals)."""

    __slots__ = (
        "balance",
        "batches",
        "birthday",
        "email",
        "first",
        "is_new",
        "last",
        "last_act",
        "lifetime",
        "locale",
        "mask",
        "missions",
        "n_ledger",
        "n_referral",
        "n_reward",
        "new_rewards",
        "num",
        "open",
        "orig",
        "phone",
        "rate",
        "redeem_p",
        "ref_code",
        "refer_rate",
        "referrals",
        "rewards",
        "seq",
        "since",
        "state",
        "tier",
    )
    num: int
    email: str
    phone: str | None
    first: str
    last: str
    locale: str
    state: int
    birthday: int | None  # date ordinal
    since: int | None  # epoch seconds
    last_act: int | None
    balance: int
    lifetime: int
    missions: int
    rewards: int
    referrals: int
    tier: int
    ref_code: str
    rate: float
    redeem_p: float
    refer_rate: float
    mask: int
    batches: list[list[int]]  # [expiry day, unspent points], oldest first
    open: list[list[int]]  # [reward n, expiry ts] of live vouchers
    new_rewards: list[list[Any]]  # rewards issued since the last save, in reward_rows' order
    n_ledger: int
    n_reward: int
    n_referral: int
    seq: int
    orig: Row | None  # visible() when loaded: a member is rewritten only when it changed
    is_new: bool

    def visible(self) -> Row:
        b = self.batches
        return (self.email, self.phone, self.first, self.last, self.balance, self.lifetime,
                self.missions, self.rewards, self.referrals, self.tier, self.ref_code,
                self.state, self.birthday, b[0][1] if b else 0, b[0][0] if b else None,
                self.since, self.last_act)


def new_mem(num: int, ident: Row, rng: random.Random, state: int) -> Mem:
    """`ident` = (locale, first, last, email, phone, birthday ordinal or None, ref_code)."""
    m = Mem()
    m.num = num
    m.locale, m.first, m.last, m.email, m.phone, m.birthday, m.ref_code = ident
    m.state = state
    m.since = m.last_act = None
    m.balance = m.lifetime = m.missions = m.rewards = m.referrals = 0
    m.tier = 0
    u = rng.random()  # orders per year: occasional / regular / loyal customers
    m.rate = rng.uniform(0.4, 2.0) if u < 0.4 else rng.uniform(2.0, 6.0) if u < 0.8 else rng.uniform(6.0, 18.0)
    v = rng.random()
    m.redeem_p = 0.03 if v < 0.2 else rng.uniform(0.2, 0.9)
    m.refer_rate = rng.uniform(0.5, 3.0) if rng.random() < 0.15 else 0.0
    m.mask = 0
    m.batches, m.open, m.new_rewards = [], [], []
    m.n_ledger = m.n_reward = m.n_referral = 0
    m.seq = 0
    m.orig = None
    m.is_new = True
    return m
