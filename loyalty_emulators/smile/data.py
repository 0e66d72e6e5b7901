"""The Smile.io sandbox's account: customers, points transactions, reward fulfillments and VIP
tiers as Smile's API returns them, built from the demo program (and kept in step with its ticks).

Ids are derived from the demo program's own ids (member number, entry number), so the same demo
program always gives the same Smile ids, in any process. Within a customer they grow with time;
lists are sorted by id, descending, as Smile documents ("newest first").

`updated_at`: on the first load, the time of the row's latest activity; rows changed by later
ticks (`refresh`) get at least the program clock of the previous load, so a client asking for
`updated_at_min` = what it saw last gets every change.

Extras (on by default) make the account look like a real one: a few POS guests without an email
(one of them with points), one customer with an invalid email, and duplicate accounts of existing
members under the same email in another case (older, so the demo member wins: one `candidate`
with no points, one `member` with a sign-up transaction).
"""

from __future__ import annotations

import base64
import bisect
import copy
import hashlib
import random
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.smile.feed import (
    SHOP_URL,
    LedgerEntryFeed,
    MemberFeed,
    ProgramFeed,
    RewardFeed,
    TierFeed,
    is_ledger_entry,
    is_reward,
)

CUSTOMER_BASE = 304_100_000
EXTRA_BASE = 309_000_000
TXN_BASE = 800_000_000_000
REWARD_BASE = 600_000_000_000
TIER_BASE = 426_715_790
UNKNOWN_YEAR = 1004
_TAIL = re.compile(r"(\d+)(?:-(\d+))?$")


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def parse_iso(value: str) -> datetime:
    dt = datetime.fromisoformat(value)
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _hash_id(text: str, space: int) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=6).digest(), "big") % space


def _nums(demo_id: str | None) -> tuple[int, int]:
    """'L000123-0004' → (123, 4); 'LOY-000123' → (123, 0)."""
    m = _TAIL.search(demo_id or "")
    if not m:
        return _hash_id(demo_id or "", 90_000_000), 0
    if m.group(2) is None:
        return int(m.group(1)), 0
    return int(m.group(1)), int(m.group(2))


def encode_cursor(item_id: int, direction: str) -> str:
    return base64.b64encode(f"id:{item_id},direction:{direction}".encode()).decode()


def decode_cursor(cursor: str) -> tuple[int, str]:
    """Raises ValueError when the cursor is not one of ours."""
    raw = base64.b64decode(cursor.encode(), validate=True).decode()
    parts = dict(p.split(":", 1) for p in raw.split(","))
    direction = parts["direction"]
    if direction not in ("next", "prev"):
        raise ValueError(direction)
    return int(parts["id"]), direction


@dataclass
class Collection:
    """Objects of one resource by id, with the order Smile lists them in (id descending)."""

    items: dict[int, dict[str, Any]] = field(default_factory=dict)
    _desc: list[int] = field(default_factory=list)  # negated ids, ascending = ids descending
    _dirty: bool = False

    def put(self, obj: dict[str, Any]) -> None:
        if obj["id"] not in self.items:
            self._dirty = True
        self.items[obj["id"]] = obj

    def order(self) -> list[int]:
        if self._dirty:
            self._desc = sorted(-i for i in self.items)
            self._dirty = False
        return self._desc

    def page(self, match: Any, limit: int, after: int | None, direction: str
             ) -> tuple[list[dict[str, Any]], bool, bool]:
        """(items, more after, more before) of the matching objects, id descending.

        `after`: the id a cursor points at; "next" lists ids below it, "prev" the ids above it
        (the page just before)."""
        order = self.order()
        if direction == "prev" and after is not None:
            i = bisect.bisect_left(order, -after)  # index of `after` (or where it would be)
            out: list[dict[str, Any]] = []
            j = i - 1
            while j >= 0 and len(out) < limit:
                obj = self.items[-order[j]]
                if match(obj):
                    out.append(obj)
                j -= 1
            out.reverse()
            more_before = any(match(self.items[-order[k]]) for k in range(j, -1, -1))
            return out, True, more_before
        start = 0 if after is None else bisect.bisect_right(order, -after)
        out = []
        j = start
        while j < len(order) and len(out) < limit:
            obj = self.items[-order[j]]
            if match(obj):
                out.append(obj)
            j += 1
        more_after = any(match(self.items[-order[k]]) for k in range(j, len(order)))
        more_before = start > 0 and any(match(self.items[-order[k]]) for k in range(start))
        return out, more_after, more_before


class SmileAccount:
    """What the sandbox serves. Objects are stored as the JSON Smile returns (plus nothing else)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.customers = Collection()
        self.transactions = Collection()
        self.fulfillments = Collection()
        self.vip_tiers: list[dict[str, Any]] = []
        self._tiers: list[TierFeed] = []
        self.clock: datetime | None = None  # program clock of the last load
        self._demo_cursor: str | None = None
        self._extras_done = False

    # -- from the demo program ----------------------------------------------------------------

    def load(self, program: ProgramFeed, extras: bool = True) -> None:
        """Everything in the program (first call), or what changed since the last call."""
        with self.lock:
            first = self._demo_cursor is None
            read = program.read(self._demo_cursor, history=True)
            members: list[MemberFeed] = list(read.members)
            records = list(read.records)
            self._tiers = list(read.tiers)
            self.vip_tiers = [self._tier_obj(t) for t in self._tiers]
            floor = None if first else self.clock
            self._apply(members, records, floor, read.as_of, program)
            self.clock = read.as_of
            self._demo_cursor = read.cursor
            if extras and not self._extras_done:
                self._add_extras()
                self._extras_done = True

    def _tier_obj(self, t: TierFeed) -> dict[str, Any]:
        return {"id": TIER_BASE + t.id, "name": t.name,
                "image_url": f"https://platform.smile.io/v1/images/vip_tiers/vip-tier-{t.id}.svg",
                "milestone": float(t.threshold)}

    def tier_extras(self, tier: dict[str, Any]) -> dict[str, Any]:
        """`perks` and `entry_rewards` of a tier (for include=perks,entry_rewards)."""
        n = tier["id"] - TIER_BASE
        perks = [{"name": "Free shipping"}] if n >= 2 else []
        if n >= 3:
            perks.append({"name": "Early access to new collections"})
        value = {2: 5, 3: 15}.get(n)
        rewards = [] if value is None else [{
            "id": 924_565_000 + n, "name": f"€{value} off", "description": f"Welcome to {tier['name']}",
            "image_url": "https://platform-images.smilecdn.co/3755938.png",
            "created_at": "2024-01-01T00:00:00.000Z", "updated_at": "2024-01-01T00:00:00.000Z"}]
        return {"perks": perks, "entry_rewards": rewards}

    def _apply(self, members: list[MemberFeed], records: list[Any], floor: datetime | None, as_of: datetime,
               program: ProgramFeed) -> None:
        last_act: dict[str, datetime] = {}
        first_act: dict[str, datetime] = {}
        cid_of: dict[str, int] = {}
        for mem in members:
            cid_of[mem.email] = CUSTOMER_BASE + _nums(mem.external_id)[0]
        for c in self.customers.items.values():
            if c.get("_email_key"):
                cid_of.setdefault(c["_email_key"], c["id"])

        def seen(email: str, at: datetime | None) -> None:
            if at is None:
                return
            if email not in last_act or at > last_act[email]:
                last_act[email] = at
            if email not in first_act or at < first_act[email]:
                first_act[email] = at

        def upd(at: datetime) -> str:
            at = max(at, floor) if floor is not None else at
            return iso(min(at, as_of))  # type: ignore[return-value]

        for r in records:
            if not (is_ledger_entry(r) or is_reward(r)):
                continue  # referrals: Smile has no list endpoint for them
            cid = cid_of.get(r.email)
            if cid is None:
                continue
            mnum, n = _nums(r.id)
            if is_ledger_entry(r):
                e: LedgerEntryFeed = r
                self.transactions.put({
                    "id": TXN_BASE + mnum * 100_000 + n, "customer_id": cid, "points_change": e.points_change,
                    "description": e.description, "internal_note": None,
                    "created_at": iso(e.at), "updated_at": upd(e.at)})
                seen(e.email, e.at)
            else:
                rw: RewardFeed = r
                changed = max(rw.created_at, rw.used_at or rw.created_at)
                expires = rw.expires_at
                self.fulfillments.put({
                    "id": REWARD_BASE + mnum * 10_000 + n, "name": rw.name, "code": rw.code, "customer_id": cid,
                    "fulfillment_status": "issued",
                    "image_url": "https://platform-images.smilecdn.co/9283449.png",
                    "action_text": "Apply code", "action_url": f"{SHOP_URL}/discount/{rw.code}",
                    "usage_instructions": "Use this discount code on your next order!",
                    "terms_and_conditions": (f"Reward expires on {expires:%B} {expires.day}, {expires.year}."
                                             if expires else None),
                    "expires_at": iso(expires), "usage_status": "used" if rw.used_at else "unused",
                    "used_at": iso(rw.used_at), "created_at": iso(rw.created_at), "updated_at": upd(changed)})
                seen(rw.email, rw.created_at)
                seen(rw.email, rw.used_at)
        start = getattr(program, "start", as_of)
        for mem in members:
            num = _nums(mem.external_id)[0]
            cid = CUSTOMER_BASE + num
            old = self.customers.items.get(cid)
            if old is not None:
                created = old["created_at"]
            else:
                candidates = [first_act.get(mem.email)]
                if mem.member_since is not None:
                    candidates.append(datetime.combine(mem.member_since, time(0), UTC))
                known = [c for c in candidates if c is not None]
                created_dt = min(known) if known else start - timedelta(days=30 + num % 600, hours=-9)
                created = iso(created_dt)
            changed = last_act.get(mem.email) or parse_iso(created)
            self.customers.put(self._customer_obj(mem, cid, num, created, upd(changed)))

    def _customer_obj(self, mem: MemberFeed, cid: int, num: int, created: str, updated: str) -> dict[str, Any]:
        tier = TIER_BASE + mem.tier_id if mem.tier_id else None
        nxt = next((t for t in self._tiers if mem.tier_id and t.id > mem.tier_id), None)
        dob = None
        if mem.birthday is not None:
            b = mem.birthday
            dob = (date(UNKNOWN_YEAR, b.month, b.day) if num % 3 == 0 else b).isoformat()
        email = mem.email
        if num % 17 == 0:  # Smile keeps what the shop sent: some emails are capitalized
            email = email[:1].upper() + email[1:]
        return {
            "id": cid, "first_name": mem.first_name, "last_name": mem.last_name, "email": email,
            "state": mem.membership_state.value, "date_of_birth": dob, "points_balance": mem.points_balance,
            "referral_url": mem.referral_url, "vip_tier_id": tier,
            "vip_status": {
                "vip_tier_id": tier, "vip_tier_expires_at": None,
                "progress_value": float(mem.points_earned_lifetime) if tier else None,
                "current_vip_period_end": None, "delta_to_retain_vip_tier": None,
                "next_vip_tier_id": TIER_BASE + nxt.id if nxt else None,
                "delta_to_next_vip_tier": float(max(0, nxt.threshold - mem.points_earned_lifetime)) if nxt else None,
            },
            "created_at": created, "updated_at": updated, "_email_key": mem.email,
        }

    def _add_extras(self) -> None:
        rng = random.Random(4242)
        real = sorted(self.customers.items.values(), key=lambda c: c["id"])
        clock = self.clock or emclock.now()
        k = 0

        def add(**fields: Any) -> dict[str, Any]:
            nonlocal k
            k += 1
            obj = {"id": EXTRA_BASE + k, "first_name": None, "last_name": None, "email": None,
                   "state": "candidate", "date_of_birth": None, "points_balance": 0,
                   "referral_url": f"{SHOP_URL}/r/guest-{k:04d}", "vip_tier_id": None,
                   "vip_status": {"vip_tier_id": None, "vip_tier_expires_at": None, "progress_value": None,
                                  "current_vip_period_end": None, "delta_to_retain_vip_tier": None,
                                  "next_vip_tier_id": None, "delta_to_next_vip_tier": None},
                   **fields}
            self.customers.put(obj)
            return obj

        guests = max(2, len(real) // 60)
        for g in range(guests):
            when = clock - timedelta(days=rng.randint(2, 300), seconds=rng.randint(0, 86_000))
            obj = add(first_name=rng.choice(["Guest", "Client", "POS"]), last_name=f"#{g + 1}",
                      email="" if g == 1 else None, created_at=iso(when), updated_at=iso(when))
            if g == 0:  # a guest who earned points at the till
                obj["points_balance"] = 42
                self.transactions.put({"id": TXN_BASE + 99_000_000 * 100_000 + g, "customer_id": obj["id"],
                                       "points_change": 42, "description": "Placed an order", "internal_note": "POS",
                                       "created_at": iso(when), "updated_at": iso(when)})
        when = clock - timedelta(days=40)
        add(first_name="Typo", last_name="Address", email="not-an-email", created_at=iso(when), updated_at=iso(when))
        members = [c for c in real if c["state"] == "member" and c.get("email")]
        picks = rng.sample(members, min(len(members), max(2, len(real) // 150)))
        for i, orig in enumerate(picks):
            created = parse_iso(orig["created_at"]) - timedelta(days=1 + i)
            variant = orig["_email_key"].upper() if i % 2 == 0 else " " + orig["_email_key"]
            dup = add(first_name=orig["first_name"], last_name=orig["last_name"], email=variant,
                      state="candidate" if i % 2 == 0 else "member", created_at=iso(created),
                      updated_at=iso(created), _email_key=None)
            if dup["state"] == "member":
                dup["points_balance"] = 100
                self.transactions.put({"id": TXN_BASE + 99_000_001 * 100_000 + i, "customer_id": dup["id"],
                                       "points_change": 100, "description": "Joined the loyalty program",
                                       "internal_note": None, "created_at": iso(created),
                                       "updated_at": iso(created)})

    # -- reads ---------------------------------------------------------------------------------

    @staticmethod
    def public(obj: dict[str, Any]) -> dict[str, Any]:
        """The object as the API shows it (our private keys start with an underscore)."""
        return {k: copy.deepcopy(v) for k, v in obj.items() if not k.startswith("_")}

    def all(self, kind: str) -> list[dict[str, Any]]:
        with self.lock:
            coll = {"customers": self.customers, "points_transactions": self.transactions,
                    "reward_fulfillments": self.fulfillments}[kind]
            return [self.public(coll.items[-i]) for i in coll.order()]

    def stats(self) -> dict[str, int]:
        with self.lock:
            return {"customers": len(self.customers.items), "points_transactions": len(self.transactions.items),
                    "reward_fulfillments": len(self.fulfillments.items), "vip_tiers": len(self.vip_tiers)}

