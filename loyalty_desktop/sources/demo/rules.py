"""The demo program's rules, shared by history generation (create) and `tick`.

One `Engine` holds the handlers (order, mission, birthday, redemption, referral life cycle, FIFO
expiry, tiers). Subclasses decide where scheduled actions go (a per-member heap while building
history, the `agenda` table during ticks) and how referral friends are found.

Times are int epoch seconds (UTC); days are proleptic ordinals (`date.toordinal()`).

Rules
- Earning: 1 point per whole euro of an order (orders €20–€200); missions; 100 points on the
  birthday (+ a €5 birthday voucher valid 30 days); 200 points + a €10 voucher to the sender
  when a referral completes.
- Tiers on lifetime points: Bronze 0, Silver 500, Gold 1,200. Lifetime never decreases, so tiers
  only go up; entering Silver/Gold issues a tier-entry voucher (€5/€15). Candidates and disabled
  members have no tier.
- Redemption: 500/1,000/2,000 points → €5/€10/€20 voucher valid 90 days.
- Expiry (FIFO): points earned on day D are usable through the same calendar day one year later
  (29 Feb → 28 Feb) and expire at the end of that day (entry stamped 23:59:59 UTC), for the part
  still unspent. Spending (redemptions, adjustments) consumes the oldest points first.
  `points_expiring`/`points_expiry_date` = the unspent points of the earliest expiry day.
- Vouchers: an order uses the live voucher closest to expiry (75 % of the time); unused ones
  simply expire. Birthday and referral-receiver vouchers last 30 days, the others 90.
- Referrals: started (friend invited) → claimed (friend took the €10 welcome voucher, 65 %) →
  completed (friend ordered within 60 days of the invitation, ~60 % of claims) or expired.
  Half of the friends who order also join the program (then they are members and hold their
  welcome voucher as a Reward).
- Members: ~90 % member, ~6 % candidate (no points, may join later), ~4 % disabled (remaining
  points cancelled by an ADJUST entry, no tier, no further activity).
"""

from __future__ import annotations

import random
from datetime import date
from math import log as _log

from loyalty_desktop.sources.demo.state import Counters, Mem, Ref, Row

DAY = 86400
EPOCH_ORD = 719163  # date(1970, 1, 1).toordinal()

SHOP_URL = "https://maison-lumiere.fr"
CODE_PREFIX = "LUMI"

TIERS = ((1, "Bronze", 0), (2, "Silver", 500), (3, "Gold", 1200))
PRODUCTS = ((500, 5), (1000, 10), (2000, 20))  # points → € off
REWARD_DAYS = {0: 90, 1: 30, 2: 90, 3: 30, 4: 90}  # by origin index
TIER_REWARD = {2: 5, 3: 15}
BIRTHDAY_POINTS, BIRTHDAY_VALUE = 100, 5
REFERRAL_POINTS, REFERRAL_SENDER_VALUE, REFERRAL_RECEIVER_VALUE = 200, 10, 10
REFERRAL_WINDOW = 60 * DAY

# state / kind / origin / referral-state indexes (stored as ints; see demo.py for the enums)
MEMBER, CANDIDATE, DISABLED = 0, 1, 2
K_ORDER, K_MISSION, K_REFERRAL, K_BIRTHDAY, K_REDEEM, K_EXPIRE, K_ADJUST = range(7)
O_REDEMPTION, O_BIRTHDAY, O_SENDER, O_RECEIVER, O_TIER = range(5)
R_STARTED, R_CLAIMED, R_COMPLETED, R_EXPIRED = range(4)

# agenda actions
A_ORDER, A_MISSION, A_REFER, A_REF_CLAIM, A_REF_COMPLETE, A_REF_EXPIRE, A_JOIN = 1, 2, 3, 4, 5, 6, 7
A_BIRTHDAY, A_DISABLE, A_EXPIRE = 8, 9, 10

# missions: (points, probability of doing it once after joining, fr, en); the last one repeats
MISSIONS = (
    (100, 1.0, "Inscription au programme", "Joined the loyalty program"),
    (25, 0.55, "Inscription à la newsletter", "Subscribed to the newsletter"),
    (50, 0.35, "Abonnement Instagram", "Followed us on Instagram"),
    (50, 0.2, "J'aime sur Facebook", "Liked our Facebook page"),
    (50, 0.1, "Abonnement TikTok", "Followed us on TikTok"),
    (25, 0.7, "Date d'anniversaire renseignée", "Added a birthday"),
    (50, 0.0, "Avis produit publié", "Wrote a product review"),
)
M_SIGNUP, M_BIRTHDAY_PROFILE, M_REVIEW = 0, 5, 6


def day_of(ts: int) -> int:
    return EPOCH_ORD + ts // DAY


def ts_of_day(d: int) -> int:
    return (d - EPOCH_ORD) * DAY


_EXP_CACHE: dict[int, int] = {}


def expiry_day(d: int) -> int:
    """Last day on which points earned on day `d` can be used (same day next year)."""
    e = _EXP_CACHE.get(d)
    if e is None:
        x = date.fromordinal(d)
        try:
            e = x.replace(year=x.year + 1).toordinal()
        except ValueError:  # 29 February
            e = date(x.year + 1, 2, 28).toordinal()
        _EXP_CACHE[d] = e
    return e


def tier_for(lifetime: int) -> int:
    t = 1
    for tid, _name, threshold in TIERS:
        if lifetime >= threshold:
            t = tid
    return t


_MIN_PRICE = PRODUCTS[0][0]
_TOP = TIERS[-1][0]
_NEXT = {TIERS[i][0]: TIERS[i + 1][2] for i in range(len(TIERS) - 1)}  # tier id → next threshold
_NEXT[0] = 0


class Engine:
    """Handlers. Subclasses provide `schedule`, `next_code`, `get_ref`, `new_friend`,
    `on_referral_completed`, and the sinks `ledger` (list) / `reward_used` (list)."""

    def __init__(self, rng: random.Random, seq: int) -> None:
        self.rng = rng
        self.seq = seq
        self.c = Counters()
        self.ledger: list[Row] = []
        self.reward_used: list[Row] = []  # (used_ts, seq, member, n) for rewards already stored

    # -- hooks ----------------------------------------------------------------------------------
    def schedule(self, m: Mem, ts: float, action: int, arg: int = 0) -> None:
        raise NotImplementedError

    def next_code(self) -> int:
        raise NotImplementedError

    def get_ref(self, m: Mem, n: int) -> Ref | None:
        raise NotImplementedError

    def new_ref(self, m: Mem, ref: Ref) -> None:
        raise NotImplementedError

    def new_friend(self) -> Row:
        raise NotImplementedError

    def on_referral_completed(self, m: Mem, ref: Ref, ts: int) -> None:
        pass

    def schedule_birthday(self, m: Mem, after_ts: int) -> None:
        pass

    # -- points ---------------------------------------------------------------------------------
    def _row(self, m: Mem, ts: int, change: int, kind: int, info: int, reward_n: int | None) -> None:
        m.n_ledger += 1
        self.ledger.append((m.num, m.n_ledger, ts, change, kind, info, m.balance, reward_n, self.seq))

    def earn(self, m: Mem, ts: int, pts: int, kind: int, info: int) -> None:
        m.balance += pts
        m.lifetime += pts
        d = EPOCH_ORD + ts // DAY
        d = _EXP_CACHE.get(d) or expiry_day(d)
        b = m.batches
        if b and b[-1][0] == d:
            b[-1][1] += pts
        else:
            b.append([d, pts])
        m.n_ledger += 1
        self.ledger.append((m.num, m.n_ledger, ts, pts, kind, info, m.balance, None, self.seq))
        self.c.points_earned += 1
        if m.state == MEMBER and m.tier < _TOP and m.lifetime >= _NEXT[m.tier]:
            old, m.tier = m.tier, tier_for(m.lifetime)
            if old:
                self.c.tier_changes += 1
                self.issue(m, ts + 1, O_TIER, TIER_REWARD[m.tier])

    def spend(self, m: Mem, ts: int, pts: int, kind: int, info: int, reward_n: int | None) -> None:
        """Consume `pts` (≤ balance) oldest-first."""
        m.balance -= pts
        b, left = m.batches, pts
        while left:
            if b[0][1] <= left:
                left -= b.pop(0)[1]
            else:
                b[0][1] -= left
                left = 0
        self._row(m, ts, -pts, kind, info, reward_n)

    def expire_until(self, m: Mem, day: int) -> None:
        """Expire every batch whose last usable day is ≤ `day`."""
        b = m.batches
        while b and b[0][0] <= day:
            d, r = b.pop(0)
            m.balance -= r
            self._row(m, ts_of_day(d + 1) - 1, -r, K_EXPIRE, 0, None)
            self.c.points_expired += 1

    # -- rewards --------------------------------------------------------------------------------
    def issue(self, m: Mem, ts: int, origin: int, value: int, points: int = 0,
              code_n: int | None = None) -> tuple[int, int]:
        m.n_reward += 1
        m.rewards += 1
        if code_n is None:
            code_n = self.next_code()
        exp = ts + REWARD_DAYS[origin] * DAY
        m.new_rewards.append([m.n_reward, origin, value, code_n, ts, exp, None, points])
        m.open.append([m.n_reward, exp])
        self.c.rewards_issued += 1
        return m.n_reward, code_n

    def use_reward(self, m: Mem, ts: int, p: float) -> None:
        if not m.open:
            return
        live = [o for o in m.open if o[1] > ts]
        m.open = live
        if not live or self.rng.random() >= p:
            return
        o = min(live, key=lambda x: x[1])
        live.remove(o)
        self.c.rewards_used += 1
        for r in m.new_rewards:
            if r[0] == o[0]:
                r[6] = ts
                return
        self.reward_used.append((ts, self.seq, m.num, o[0]))

    def maybe_redeem(self, m: Mem, ts: int) -> None:
        if m.balance < _MIN_PRICE:
            return
        rng = self.rng
        if rng.random() >= m.redeem_p:
            return
        if len(m.open) > 1 and any(o[1] > ts for o in m.open):  # holding vouchers already: wait
            return
        ok = [p for p in PRODUCTS if p[0] <= m.balance]
        pts, value = ok[-1] if rng.random() < 0.5 else ok[0]
        n, _code = self.issue(m, ts, O_REDEMPTION, value, pts)
        self.spend(m, ts, pts, K_REDEEM, value, n)
        self.c.points_redeemed += 1
        m.last_act = day_of(ts)

    # -- actions --------------------------------------------------------------------------------
    def gap(self, m: Mem) -> float:
        """Seconds to the next order: exponential around 365/rate days, sometimes a dormant spell."""
        rnd = self.rng.random
        g = -_log(1.0 - rnd()) * (365.0 * DAY) / m.rate
        if rnd() < 0.12:
            g *= 3.0 + 5.0 * rnd()
        return max(DAY, g)

    def process(self, m: Mem, ts: int, action: int, arg: int) -> None:
        if action == A_JOIN:
            if m.state == CANDIDATE or m.since is None:
                self.join(m, ts, referred=bool(arg))
            return
        if m.state != MEMBER:
            return
        b = m.batches
        if b and b[0][0] < EPOCH_ORD + ts // DAY:
            self.expire_until(m, EPOCH_ORD + ts // DAY - 1)
        if action == A_ORDER:
            self.order(m, ts, 0.75)
            self.schedule(m, ts + self.gap(m), A_ORDER)
        elif action == A_MISSION:
            self.mission(m, ts, arg)
        elif action == A_BIRTHDAY:
            self.birthday(m, ts)
        elif action == A_REFER:
            self.refer(m, ts)
        elif action == A_REF_CLAIM:
            self.ref_claim(m, ts, arg)
        elif action == A_REF_COMPLETE:
            self.ref_complete(m, ts, arg)
        elif action == A_REF_EXPIRE:
            ref = self.get_ref(m, arg)
            if ref is not None and ref[5] in (R_STARTED, R_CLAIMED):
                ref[5] = R_EXPIRED
                self.c.referrals_expired += 1
        elif action == A_EXPIRE:
            self.expire_until(m, day_of(ts))
        elif action == A_DISABLE:
            self.disable(m, ts)

    def join(self, m: Mem, ts: int, referred: bool) -> None:
        rng = self.rng
        m.state = MEMBER
        m.since = day_of(ts)
        m.tier = 1
        self.c.new_members += 1
        self.mission(m, ts, M_SIGNUP)
        for i in range(1, M_REVIEW):
            p = MISSIONS[i][1]
            if i == M_BIRTHDAY_PROFILE and m.birthday is None:
                continue
            if rng.random() < p:
                delay = rng.uniform(0, 10) if i == M_BIRTHDAY_PROFILE else rng.expovariate(1 / 45.0)
                self.schedule(m, ts + 60 + delay * DAY, A_MISSION, i)
        if referred:
            self.order(m, ts + 120, 1.0)
            self.schedule(m, ts + 120 + self.gap(m), A_ORDER)
        elif rng.random() < 0.55:  # joined at checkout
            self.schedule(m, ts + 30 + int(870 * rng.random()), A_ORDER)
        else:
            self.schedule(m, ts + self.gap(m), A_ORDER)
        if m.refer_rate:
            self.schedule(m, ts + rng.expovariate(m.refer_rate / 365.0) * DAY, A_REFER)
        self.schedule_birthday(m, ts)

    def order(self, m: Mem, ts: int, p_use: float) -> None:
        rnd = self.rng.random
        euros = 20 + int(180 * rnd() ** 1.8)  # €20–€200, mean ≈ €84
        cents = euros * 100 + (90 if rnd() < 0.6 else 0) - (100 if euros > 20 and rnd() < 0.3 else 0)
        if m.open:
            self.use_reward(m, ts, p_use)
        self.earn(m, ts, cents // 100, K_ORDER, cents)
        self.c.orders += 1
        m.last_act = EPOCH_ORD + ts // DAY
        if rnd() < 0.15:
            self.schedule(m, ts + (3 + 18 * rnd()) * DAY, A_MISSION, M_REVIEW)
        if m.balance >= _MIN_PRICE:
            self.maybe_redeem(m, ts + 5)

    def mission(self, m: Mem, ts: int, i: int) -> None:
        bit = 1 << i
        if i != M_REVIEW:
            if m.mask & bit:
                return
            m.mask |= bit
        self.earn(m, ts, MISSIONS[i][0], K_MISSION, i)
        m.missions += 1
        self.c.missions += 1
        m.last_act = day_of(ts)
        if i:
            self.maybe_redeem(m, ts + 5)

    def birthday(self, m: Mem, ts: int) -> None:
        self.earn(m, ts, BIRTHDAY_POINTS, K_BIRTHDAY, 0)
        self.issue(m, ts + 1, O_BIRTHDAY, BIRTHDAY_VALUE)
        self.c.birthday_rewards += 1
        self.schedule_birthday(m, ts + DAY)

    def disable(self, m: Mem, ts: int) -> None:
        if m.balance:
            self.spend(m, ts, m.balance, K_ADJUST, 0, None)
        m.state = DISABLED
        m.tier = 0

    # -- referrals: ref = [n, receiver_email, first, last, locale, state, created, claimed,
    #                      completed, sender_code_n, receiver_code_n, receiver_num]
    def refer(self, m: Mem, ts: int) -> None:
        rng = self.rng
        m.n_referral += 1
        email, first, last, locale = self.new_friend()
        ref = [m.n_referral, email, first, last, locale, R_STARTED, ts, None, None, None, None, None]
        self.new_ref(m, ref)
        self.c.referrals_started += 1
        m.last_act = day_of(ts)
        if rng.random() < 0.65:
            self.schedule(m, ts + rng.uniform(0.1, 10) * DAY, A_REF_CLAIM, ref[0])
        else:
            self.schedule(m, ts + REFERRAL_WINDOW, A_REF_EXPIRE, ref[0])
        self.schedule(m, ts + max(rng.expovariate(m.refer_rate / 365.0), 1.0) * DAY, A_REFER)

    def ref_claim(self, m: Mem, ts: int, n: int) -> None:
        ref = self.get_ref(m, n)
        if ref is None or ref[5] != R_STARTED:
            return
        ref[5], ref[7], ref[10] = R_CLAIMED, ts, self.next_code()
        self.c.referrals_claimed += 1
        t = ts + self.rng.uniform(1, 30) * DAY
        if self.rng.random() < 0.6 and t < ref[6] + REFERRAL_WINDOW:
            self.schedule(m, t, A_REF_COMPLETE, n)
        else:
            self.schedule(m, ref[6] + REFERRAL_WINDOW, A_REF_EXPIRE, n)

    def ref_complete(self, m: Mem, ts: int, n: int) -> None:
        ref = self.get_ref(m, n)
        if ref is None or ref[5] != R_CLAIMED:
            return
        ref[5], ref[8] = R_COMPLETED, ts
        _rn, ref[9] = self.issue(m, ts, O_SENDER, REFERRAL_SENDER_VALUE)
        self.earn(m, ts, REFERRAL_POINTS, K_REFERRAL, n)
        m.referrals += 1
        self.c.referrals_completed += 1
        self.on_referral_completed(m, ref, ts)
        self.maybe_redeem(m, ts + 5)
