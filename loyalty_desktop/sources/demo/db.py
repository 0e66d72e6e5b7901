"""SQLite layout of the demo program and the conversions between rows, `Mem` and model types.

Compact on purpose (100k members ≈ 1M ledger rows): records are stored as integers and their
ids, codes, descriptions and names are rendered at read time. Every row carries `seq`, the change
sequence number of the commit that last wrote it (history = 1, then +1 per simulated day).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from loyalty_desktop.core.model import (
    LedgerEntry,
    LedgerKind,
    Member,
    MembershipState,
    Referral,
    ReferralState,
    Reward,
    RewardOrigin,
    Tier,
)
from loyalty_desktop.core.program import Program, RewardOffer, next_tier_values, reward_values
from loyalty_desktop.sources.demo.rules import (
    CODE_PREFIX,
    MISSIONS,
    PRODUCTS,
    SHOP_URL,
    TIERS,
)
from loyalty_desktop.sources.demo.state import Mem, Ref, Row

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE members (
  num INTEGER PRIMARY KEY, email TEXT NOT NULL, phone TEXT, first TEXT, last TEXT, locale TEXT,
  state INTEGER NOT NULL, birthday INTEGER, bday_key INTEGER, since INTEGER, last_act INTEGER,
  balance INTEGER NOT NULL, lifetime INTEGER NOT NULL, missions INTEGER NOT NULL,
  rewards INTEGER NOT NULL, referrals INTEGER NOT NULL, tier INTEGER NOT NULL, ref_code TEXT,
  expiring INTEGER NOT NULL, expiry_day INTEGER,
  rate REAL, redeem_p REAL, refer_rate REAL, mask INTEGER, batches TEXT, open TEXT,
  n_ledger INTEGER, n_reward INTEGER, n_referral INTEGER, seq INTEGER NOT NULL);
CREATE TABLE ledger (
  member INTEGER NOT NULL, n INTEGER NOT NULL, at INTEGER NOT NULL, change INTEGER NOT NULL,
  kind INTEGER NOT NULL, info INTEGER NOT NULL, balance_after INTEGER, reward_n INTEGER,
  seq INTEGER NOT NULL);
CREATE TABLE rewards (
  member INTEGER NOT NULL, n INTEGER NOT NULL, origin INTEGER NOT NULL, value INTEGER NOT NULL,
  code_n INTEGER NOT NULL, created INTEGER NOT NULL, expires INTEGER, used INTEGER,
  points_spent INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (member, n)) WITHOUT ROWID;
CREATE TABLE referrals (
  sender INTEGER NOT NULL, n INTEGER NOT NULL, receiver_email TEXT NOT NULL, recv_first TEXT,
  recv_last TEXT, recv_locale TEXT, state INTEGER NOT NULL, created INTEGER NOT NULL,
  claimed INTEGER, completed INTEGER, sender_code_n INTEGER, receiver_code_n INTEGER,
  receiver_num INTEGER, seq INTEGER NOT NULL, PRIMARY KEY (sender, n)) WITHOUT ROWID;
CREATE TABLE agenda (day INTEGER NOT NULL, member INTEGER NOT NULL, action INTEGER NOT NULL,
  arg INTEGER NOT NULL);
"""

INDEXES = """
CREATE UNIQUE INDEX members_email ON members (email);
CREATE INDEX members_seq ON members (seq);
CREATE INDEX members_bday ON members (bday_key) WHERE state = 0 AND bday_key IS NOT NULL;
CREATE INDEX members_expiry ON members (expiry_day) WHERE expiry_day IS NOT NULL;
CREATE INDEX ledger_seq ON ledger (seq);
CREATE INDEX rewards_seq ON rewards (seq);
CREATE INDEX referrals_seq ON referrals (seq);
CREATE INDEX referrals_receiver ON referrals (receiver_email);
CREATE INDEX agenda_day ON agenda (day);
"""

MEMBER_COLS = ("num, email, phone, first, last, locale, state, birthday, bday_key, since, last_act, "
               "balance, lifetime, missions, rewards, referrals, tier, ref_code, expiring, expiry_day, "
               "rate, redeem_p, refer_rate, mask, batches, open, n_ledger, n_reward, n_referral, seq")
_MC = MEMBER_COLS.split(", ")
SQL_INSERT_MEMBER = f"INSERT INTO members ({MEMBER_COLS}) VALUES ({', '.join('?' * len(_MC))})"
SQL_SELECT_MEMBER = f"SELECT {MEMBER_COLS} FROM members WHERE num = ?"
# What a tick may change on an existing member (identity columns are left alone so that their
# indexes are not rewritten); `state` is updated separately, rarely.
_DYN = ("since, last_act, balance, lifetime, missions, rewards, referrals, tier, expiring, expiry_day, "
        "mask, batches, open, n_ledger, n_reward, n_referral, seq").split(", ")
_DYN_IDX = [_MC.index(c) for c in _DYN]
SQL_UPDATE_MEMBER = f"UPDATE members SET {', '.join(c + ' = ?' for c in _DYN)} WHERE num = ?"


def member_update(row: Row) -> Row:
    return (*tuple(row[i] for i in _DYN_IDX), row[0])
SQL_INSERT_LEDGER = "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
SQL_INSERT_REWARD = "INSERT INTO rewards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
SQL_USE_REWARD = "UPDATE rewards SET used = ?, seq = ? WHERE member = ? AND n = ?"
SQL_UPSERT_REFERRAL = "INSERT OR REPLACE INTO referrals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
SQL_INSERT_REFERRAL = SQL_UPSERT_REFERRAL
SQL_SELECT_REFERRAL = ("SELECT n, receiver_email, recv_first, recv_last, recv_locale, state, created, "
                       "claimed, completed, sender_code_n, receiver_code_n, receiver_num "
                       "FROM referrals WHERE sender = ? AND n = ?")
SQL_INSERT_AGENDA = "INSERT INTO agenda VALUES (?, ?, ?, ?)"

# --- codes ----------------------------------------------------------------------------------------
_ALPH = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols, no 0/O/1/I


def _mix(n: int, bits: int, k1: int, k2: int) -> int:
    """A bijection on [0, 2**bits): distinct inputs give distinct codes."""
    mask = (1 << bits) - 1
    x = (n * k1 + 0x5BD1E995) & mask
    x ^= x >> (bits // 2)
    x = (x * k2) & mask
    x ^= x >> (bits // 3)
    return x


_PAIRS = [a + b for b in _ALPH for a in _ALPH]  # 10-bit chunks → 2 symbols


def _b32(x: int, width: int) -> str:
    out = []
    for _ in range(width // 2):
        out.append(_PAIRS[x & 1023])
        x >>= 10
    if width % 2:
        out.append(_ALPH[x & 31])
    return "".join(out)


def reward_code(code_n: int) -> str:
    return f"{CODE_PREFIX}-{_b32(_mix(code_n, 30, 0x2545F491, 0x6F4F2A35), 6)}"


def ref_code(num: int, first_slug: str) -> str:
    return f"{first_slug}-{_b32(_mix(num, 25, 0x19E3779B, 0x0C2B2AE3), 5).lower()}"


# --- Mem <-> row -----------------------------------------------------------------------------------
def _ser(pairs: list[list[int]]) -> str:
    return ",".join(f"{a},{b}" for a, b in pairs)


def _de(s: str | None) -> list[list[int]]:
    if not s:
        return []
    v = list(map(int, s.split(",")))
    return [[v[i], v[i + 1]] for i in range(0, len(v), 2)]


def member_row(m: Mem) -> Row:
    b = m.batches
    bd = m.birthday
    key = None
    if bd is not None:
        d = date.fromordinal(bd)
        key = d.month * 100 + d.day
    return (m.num, m.email, m.phone, m.first, m.last, m.locale, m.state, bd, key, m.since,
            m.last_act, m.balance, m.lifetime, m.missions, m.rewards, m.referrals, m.tier,
            m.ref_code, b[0][1] if b else 0, b[0][0] if b else None, m.rate, m.redeem_p,
            m.refer_rate, m.mask, _ser(b), _ser(m.open), m.n_ledger, m.n_reward, m.n_referral, m.seq)


def mem_from_row(r: Row) -> Mem:
    m = Mem()
    (m.num, m.email, m.phone, m.first, m.last, m.locale, m.state, m.birthday, _key, m.since,
     m.last_act, m.balance, m.lifetime, m.missions, m.rewards, m.referrals, m.tier, m.ref_code,
     _exp, _expd, m.rate, m.redeem_p, m.refer_rate, m.mask, batches, open_, m.n_ledger,
     m.n_reward, m.n_referral, m.seq) = r
    m.batches, m.open, m.new_rewards = _de(batches), _de(open_), []
    m.is_new = False
    m.orig = m.visible()
    return m


def reward_rows(m: Mem, seq: int) -> list[Row]:
    return [(m.num, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], seq) for r in m.new_rewards]


def referral_row(sender: int, ref: Ref, seq: int) -> Row:
    return (sender, ref[0], ref[1], ref[2], ref[3], ref[4], ref[5], ref[6], ref[7], ref[8], ref[9],
            ref[10], ref[11], seq)


# --- rendering for read() ----------------------------------------------------------------------------
TIER_OBJS = [Tier(id=t[0], name=t[1], threshold=t[2]) for t in TIERS]
_TIER_NAME = {t[0]: t[1] for t in TIERS}
_STATES = (MembershipState.MEMBER, MembershipState.CANDIDATE, MembershipState.DISABLED)
_KINDS = (LedgerKind.ORDER, LedgerKind.MISSION, LedgerKind.REFERRAL, LedgerKind.BIRTHDAY,
          LedgerKind.REDEEM, LedgerKind.EXPIRE, LedgerKind.ADJUST)
_ORIGINS = (RewardOrigin.REDEMPTION, RewardOrigin.BIRTHDAY, RewardOrigin.REFERRAL_SENDER,
            RewardOrigin.REFERRAL_RECEIVER, RewardOrigin.TIER_ENTRY)
_RSTATES = (ReferralState.STARTED, ReferralState.CLAIMED, ReferralState.COMPLETED, ReferralState.EXPIRED)
_UTC = UTC
_fromts = datetime.fromtimestamp


def _d(x: int | None) -> date | None:
    return date.fromordinal(x) if x else None


def _dt(x: int | None) -> datetime | None:
    return _fromts(x, _UTC) if x is not None else None


# The program members see: its tiers and the vouchers sold for points (rules.py), from which
# core/program.py derives the progress and reward fields.
PROGRAM = Program(tuple(TIER_OBJS), tuple(RewardOffer(f"€{value} voucher", points) for points, value in PRODUCTS),
                  origin="demo")

_KNOWN: frozenset[str] = frozenset()  # the demo knows every field, the derived ones included

# The holdings at the program's clock (the one parameter, `as_of` in epoch seconds): vouchers
# neither used nor expired (and the latest one's code), referrals started or claimed.
_LIVE = "r.member = m.num AND r.used IS NULL AND (r.expires IS NULL OR r.expires >= :as_of)"
SQL_READ_MEMBERS = ("SELECT num, email, phone, first, last, state, birthday, since, last_act, balance, "
                    "lifetime, missions, rewards, referrals, tier, ref_code, expiring, expiry_day, "
                    f"(SELECT count(*) FROM rewards r WHERE {_LIVE}), "
                    f"(SELECT r.code_n FROM rewards r WHERE {_LIVE} ORDER BY r.created DESC, r.n DESC LIMIT 1), "
                    "(SELECT count(*) FROM referrals f WHERE f.sender = m.num AND f.state IN (0, 1)) "
                    "FROM members m")
# An incremental read's members: rewritten ones, and those whose holdings changed (a voucher
# issued, used or expired in between, a referral moving on).
SQL_CHANGED_MEMBERS = (" WHERE m.seq > :since OR m.num IN (SELECT member FROM rewards WHERE seq > :since "
                       "OR (expires >= :before AND expires < :as_of)) "
                       "OR m.num IN (SELECT sender FROM referrals WHERE seq > :since)")


def render_member(r: Row) -> Member:
    (num, email, phone, first, last, state, bday, since, last_act, balance, lifetime, missions,
     rewards, referrals, tier, code, expiring, expiry_day, unused, last_code, pending) = r
    # core/program.py's rules, called directly (a Member built once: the demo reads 100k of them)
    tier_name = _TIER_NAME.get(tier)
    active = state == 0
    next_name, to_next = next_tier_values(PROGRAM, active, lifetime, tier_name, tier or None)
    to_reward, ready = reward_values(PROGRAM, active, balance)
    # positional: cheaper than keywords for a frozen dataclass (field order of model.Member)
    return Member(
        email, phone, first, last, f"LOY-{num:06d}", balance, lifetime, missions, rewards,
        referrals, tier_name, tier or None, f"{SHOP_URL}/r/{code}", _STATES[state],
        _d(bday), expiring, _d(expiry_day), _d(since), _d(last_act), next_name, to_next, to_reward, ready,
        unused, reward_code(last_code) if last_code is not None else None, pending, _KNOWN)


_FIXED = {
    (2, "fr"): "Parrainage réussi", (2, "en"): "Referral completed",
    (3, "fr"): "Bonus anniversaire", (3, "en"): "Birthday bonus",
    (5, "fr"): "Points expirés (12 mois)", (5, "en"): "Points expired (12 months)",
    (6, "fr"): "Compte désactivé : points annulés", (6, "en"): "Account disabled: points cancelled",
}


def _describe(kind: int, info: int, locale: str) -> str:
    fr = locale == "fr"
    if kind == 0:
        e, c = divmod(info, 100)
        return f"Commande de {e},{c:02d} €" if fr else f"Order of €{e}.{c:02d}"
    if kind == 1:
        return MISSIONS[info][2] if fr else MISSIONS[info][3]
    if kind == 4:
        return f"Échangés contre un bon de {info} €" if fr else f"Redeemed for a €{info} voucher"
    return _FIXED[(kind, "fr" if fr else "en")]


_DESC: dict[tuple[int, int, str], str] = {}  # bounded: kinds × order amounts × 2 locales


def describe(kind: int, info: int, locale: str) -> str:
    key = (kind, info, locale)
    d = _DESC.get(key)
    if d is None:
        d = _DESC[key] = _describe(kind, info, locale)
    return d


SQL_READ_LEDGER = ("SELECT l.member, l.n, l.at, l.change, l.kind, l.info, l.balance_after, l.reward_n, "
                   "m.email, m.locale FROM ledger l CROSS JOIN members m ON m.num = l.member")


def render_ledger(r: Row) -> LedgerEntry:
    member, n, at, change, kind, info, bal, rn, email, locale = r
    d = _DESC.get((kind, info, locale)) or describe(kind, info, locale)
    return LedgerEntry(
        f"L{member:06d}-{n:04d}", email, _fromts(at, _UTC), change, _KINDS[kind], d, bal,
        f"R{member:06d}-{rn:03d}" if rn else None)


def reward_name(origin: int, value: int, locale: str) -> str:
    fr = locale == "fr"
    if origin == 0:
        return f"{value} € de réduction" if fr else f"€{value} off"
    if origin == 1:
        return f"Cadeau d'anniversaire : {value} € offerts" if fr else f"Birthday gift: €{value} off"
    if origin == 2:
        return f"Parrainage : {value} € offerts" if fr else f"Referral reward: €{value} off"
    if origin == 3:
        return (f"Bienvenue : {value} € offerts sur la 1re commande" if fr
                else f"Welcome gift: €{value} off your first order")
    tier = "Gold" if value >= 15 else "Silver"
    return f"Bienvenue au palier {tier} : {value} € offerts" if fr else f"Welcome to {tier}: €{value} off"


SQL_READ_REWARDS = ("SELECT r.member, r.n, r.origin, r.value, r.code_n, r.created, r.expires, r.used, "
                    "r.points_spent, m.email, m.locale FROM rewards r CROSS JOIN members m "
                    "ON m.num = r.member")


def render_reward(r: Row) -> Reward:
    member, n, origin, value, code_n, created, expires, used, spent, email, locale = r
    return Reward(
        f"R{member:06d}-{n:03d}", email, reward_name(origin, value, locale), reward_code(code_n),
        _ORIGINS[origin], _fromts(created, _UTC), _dt(expires), _dt(used), spent)


SQL_READ_REFERRALS = ("SELECT f.sender, f.n, m.email, f.receiver_email, f.state, f.created, f.completed, "
                      "f.sender_code_n, f.receiver_code_n FROM referrals f CROSS JOIN members m "
                      "ON m.num = f.sender")


def render_referral(r: Row) -> Referral:
    sender, n, semail, remail, state, created, completed, scode, rcode = r
    return Referral(
        f"F{sender:06d}-{n:03d}", semail, remail, _RSTATES[state], _fromts(created, _UTC),
        _dt(completed), reward_code(scode) if scode else None, reward_code(rcode) if rcode else None)
