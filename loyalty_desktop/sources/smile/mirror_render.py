"""The Smile mirror's rows rendered as the model: each email's winning customer as a Member (its
counters derived from its transactions and fulfillments), transactions as LedgerEntry with the
balance after each, issued fulfillments as Reward. A mixin of `sources.smile.mirror.Mirror`, which
owns the connection and the temporary id tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from loyalty_desktop.core.model import (
    DERIVED,
    LedgerEntry,
    LedgerKind,
    Member,
    MembershipState,
    Reward,
    RewardOrigin,
)
from loyalty_desktop.core.program import Holdings, Program, derive
from loyalty_desktop.sources.smile.mapping import format_datetime, parse_birthday

NO_PROGRAM = Program()
_LIVE = ("r.customer_id = c.id AND r.status = 'issued' AND r.used_at IS NULL AND r.usage != 'used'"
         " AND (r.expires_at IS NULL OR r.expires_at >= :as_of)")

_STATES = {s.value: s for s in MembershipState}


def _dt(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s) if s else None


class MirrorRendering:
    """Members, ledger entries and rewards read from the mirror (see the module's docstring)."""

    # Provided by Mirror.
    db: sqlite3.Connection
    _load_ids: Callable[[str, Iterable[int]], None]

    # Catalog fields Smile.io's API does not give: left untouched in the destination, never sent
    # as 0 or empty.
    NOT_FROM_SMILE = frozenset({"phone", "external_id", "points_expiring", "points_expiry_date"}) | DERIVED

    _MEMBER_SQL = (
        "SELECT c.id, c.email, c.state, c.first_name, c.last_name, c.dob, c.points_balance, c.referral_url,"
        " c.vip_tier_id, c.created_at,"
        " (SELECT coalesce(sum(points_change), 0) FROM txns t WHERE t.customer_id = c.id AND points_change > 0),"
        " (SELECT count(*) FROM txns t WHERE t.customer_id = c.id AND kind = 'mission'),"
        " (SELECT count(*) FROM txns t WHERE t.customer_id = c.id AND kind = 'referral' AND points_change > 0),"
        " (SELECT count(*) FROM rewards r WHERE r.customer_id = c.id AND status = 'issued'),"
        " (SELECT count(*) FROM rewards r WHERE r.customer_id = c.id AND status = 'issued'"
        "    AND origin = 'referral_sender'),"
        " (SELECT max(created_at) FROM txns t WHERE t.customer_id = c.id), c.progress,"
        # holdings: issued fulfillments neither used nor expired at the read's clock (:as_of)
        f" (SELECT count(*) FROM rewards r WHERE {_LIVE}),"
        f" (SELECT r.code FROM rewards r WHERE {_LIVE} ORDER BY r.created_at DESC, r.id DESC LIMIT 1)"
        " FROM customers c WHERE c.winner = 1")

    def members(self, emails: Iterable[str] | None, tiers: dict[int, str], program: Program = NO_PROGRAM,
                as_of: datetime | None = None) -> Iterator[Member]:
        """The winning customer of each email (all emails when None) as a Member, with the fields
        `program` derives (tier progress from Smile's own progress value; holdings at `as_of`;
        pending referrals stay unknown: Smile's API lists no referrals)."""
        sql = self._MEMBER_SQL
        at = format_datetime(as_of) if as_of is not None else "9999"  # no clock: nothing counts as live
        if emails is not None:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS memails (email TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM temp.memails")
            self.db.executemany("INSERT OR IGNORE INTO temp.memails VALUES (?)", ((e,) for e in emails))
            sql += " AND c.email IN (SELECT email FROM temp.memails)"
        cur = self.db.execute(sql + " ORDER BY c.email", {"as_of": at})
        try:
            for (_id, email, state, first, last, dob, balance, url, tier, created, lifetime, missions,
                 ref_txns, rewards, ref_rewards, last_txn, progress, unused, last_code) in cur:
                st = _STATES.get(state or "", MembershipState.MEMBER)
                since = _dt(created)
                member = Member(
                    email=email, first_name=first, last_name=last, points_balance=balance,
                    points_earned_lifetime=lifetime, missions_completed=missions, rewards_claimed=rewards,
                    # A completed referral rewards the sender with points, a coupon or both: count the
                    # larger of the two so a program giving both does not count it twice.
                    referrals_completed=max(ref_txns, ref_rewards),
                    tier_name=tiers.get(tier) if tier is not None else None, tier_id=tier,
                    referral_url=url, membership_state=st, birthday=parse_birthday(dob),
                    member_since=since.date() if since and st is not MembershipState.CANDIDATE else None,
                    last_activity_at=_dt(last_txn).date() if last_txn else None,  # type: ignore[union-attr]
                    unknown=self.NOT_FROM_SMILE)
                # Progress is Smile's (points or money, as the program counts); without it the
                # tier fields stay unknown, lifetime points are never taken for it.
                yield derive(program, member, progress=None if progress is None else int(progress),
                             lifetime_progress=False,
                             held=Holdings(unused, last_code or None, None) if as_of is not None else None)
        finally:
            cur.close()

    def ledger(self, txn_ids: Iterable[int] | None) -> Iterator[LedgerEntry]:
        """Transactions of winning customers (those listed, or all), with the balance after each."""
        scope = ""
        if txn_ids is not None:
            self._load_ids("tsel", txn_ids)
            scope = " AND t.id IN (SELECT id FROM temp.tsel)"
            cust = " AND t.customer_id IN (SELECT customer_id FROM txns WHERE id IN (SELECT id FROM temp.tsel))"
        else:
            cust = ""
        cur = self.db.execute(
            "SELECT * FROM (SELECT t.id, c.email, t.created_at, t.points_change, t.kind, t.description,"
            " c.points_balance - coalesce(sum(t.points_change) OVER (PARTITION BY t.customer_id ORDER BY t.id DESC"
            "   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS after, t.reward_id"
            " FROM txns t JOIN customers c ON c.id = t.customer_id AND c.winner = 1 WHERE 1=1" + cust
            + ") t WHERE 1=1" + scope + " ORDER BY t.id")
        try:
            for tid, email, created, change, kind, desc, after, rid in cur:
                yield LedgerEntry(f"smile:pt:{tid}", email, datetime.fromisoformat(created), change,
                                  LedgerKind(kind or "adjust"), desc or "", after,
                                  f"smile:rf:{rid}" if rid is not None else None)
        finally:
            cur.close()

    def rewards(self, reward_ids: Iterable[int] | None, open_at: datetime | None = None) -> Iterator[Reward]:
        """Issued fulfillments of winning customers (those listed, or all; `open_at`: only those
        still usable then: unused and not expired)."""
        sql = ("SELECT r.id, c.email, r.name, r.code, r.origin, r.created_at, r.expires_at, r.used_at,"
               " r.points_spent FROM rewards r JOIN customers c ON c.id = r.customer_id AND c.winner = 1"
               " WHERE r.status = 'issued'")
        args: list[Any] = []
        if reward_ids is not None:
            self._load_ids("rsel", reward_ids)
            sql += " AND r.id IN (SELECT id FROM temp.rsel)"
        if open_at is not None:
            sql += " AND r.used_at IS NULL AND r.usage != 'used' AND (r.expires_at IS NULL OR r.expires_at >= ?)"
            args.append(format_datetime(open_at))
        cur = self.db.execute(sql + " ORDER BY r.id", args)
        try:
            for rid, email, name, code, origin, created, expires, used, spent in cur:
                yield Reward(f"smile:rf:{rid}", email, name or "", code or "",
                             RewardOrigin(origin or "redemption"), datetime.fromisoformat(created),
                             _dt(expires), _dt(used), spent)
        finally:
            cur.close()
