"""`SmileSource`: the Smile.io REST API as a loyalty source (full and incremental reads).

    with SmileClient(key) as client:
        src = SmileSource(client, Mirror(path))
        first = src.read(None)              # every customer, transaction, fulfillment, tier
        later = src.read(first.cursor)      # only what changed (updated_at_min), at least once

A read fetches eagerly (VIP tiers, then customers with `include=vip_status`, points transactions
and reward fulfillments, 250 per page at ≤ 10 requests/s) into the local mirror
(`smile_mirror`), then streams members and records from it. The cursor holds the mirror's id and,
per resource, the latest `updated_at` Smile returned; the next read asks for changes from 10
minutes before it (a row committed late is not missed; re-reading a row changes nothing). A cursor
from another mirror (another account, a deleted data folder) gives a full read.

- Customers without an email (POS guests) or with an invalid one are skipped and counted; emails
  shared by several customers are reported, one customer winning (see `smile_mirror`).
- Derived fields (core/program.py) from the VIP tiers and points products (`sources.smile.program`):
  next tier and points to it from `vip_status.progress_value`, points to the next reward and
  reward ready, unused rewards and the latest one's code; pending referrals are not sent (no list).
- Members: points balance, referral URL, state, VIP tier (`vip_status.vip_tier_id`, name from
  `GET /vip_tiers`), birthday (`date_of_birth`, year 1004 = day and month only, kept as is),
  names, member since (`created_at`, not for candidates); lifetime points = sum of positive
  transactions; missions, rewards and referrals counted from transactions and fulfillments
  (`smile_map` classifies them); last activity = latest transaction. Smile's API exposes no points
  expiry, phone or external id: those fields stay empty.
- Records: ledger entries (every points transaction), rewards (issued fulfillments). Smile has no
  referral list endpoint, so no Referral records: Referral Started/Completed events cannot be
  derived from the API (completed referrals still show in the counts and as Points Earned).
- `history=False` on a full read leaves out the ledger and closed rewards (the counts still come
  from every transaction, which is why they are always fetched).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core.errors import MissingScopeError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.model import Record, SourceRead, Tier
from loyalty_desktop.core.source_rejects import SourceReject
from loyalty_desktop.net.client import HttpClient
from loyalty_desktop.sources.smile.api import PLATFORM, SmileClient
from loyalty_desktop.sources.smile.mapping import (
    as_int,
    as_opt_int,
    format_datetime,
    parse_datetime,
)
from loyalty_desktop.sources.smile.mirror import Mirror, Skipped
from loyalty_desktop.sources.smile.program import smile_program

log = logging.getLogger(__name__)

_PREFIX = "smile1"
OVERLAP = timedelta(minutes=10)
MAX_LOOKUPS = 500  # customers fetched one by one when a transaction names one not yet seen


@dataclass(slots=True)
class ReadReport:
    full: bool
    customers: int = 0  # customer objects Smile returned in this read
    transactions: int = 0
    rewards: int = 0
    members: int = 0  # members (distinct emails) this read yields
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[tuple[str, int, list[int]]] = field(default_factory=list)  # (email, kept, others)
    requests: int = 0
    throttled: int = 0

    @property
    def skipped_no_email(self) -> int:
        return sum(1 for s in self.skipped if s.reason == "no email")

    @property
    def skipped_invalid_email(self) -> int:
        return sum(1 for s in self.skipped if s.reason == "invalid email")

    def rejects(self) -> list[SourceReject]:
        """Customers left out, as the sync run records them: skipped (no or invalid email) and
        those sharing an email with the customer that was kept."""
        out = [SourceReject("customer", f"Smile customer {s.customer_id}", "email", s.reason, "", PLATFORM)
               for s in self.skipped]
        out += [SourceReject("customer", email, "email", f"duplicate email (Smile customer {kept} is used)",
                             f"Smile customer {other}", PLATFORM)
                for email, kept, others in self.duplicates for other in others]
        return out

    def notes(self, sample: int = 5) -> list[str]:
        read = (tr("{platform} (full read): {customers} customers, {transactions} points transactions, {rewards} "
                   "reward fulfillments in {requests} requests; {members} members.") if self.full else
                tr("{platform} (changes): {customers} customers, {transactions} points transactions, {rewards} "
                   "reward fulfillments in {requests} requests; {members} members."))
        out = [read.format(platform=PLATFORM, customers=self.customers, transactions=self.transactions,
                           rewards=self.rewards, requests=self.requests, members=self.members)]
        for reason, n, said, more in (
                ("no email", self.skipped_no_email,
                 tr("{platform}: skipped {count} customer(s) without an email (Smile ids {ids})."),
                 tr("{platform}: skipped {count} customer(s) without an email (Smile ids {ids} and {more} more).")),
                ("invalid email", self.skipped_invalid_email,
                 tr("{platform}: skipped {count} customer(s) with an invalid email (Smile ids {ids})."),
                 tr("{platform}: skipped {count} customer(s) with an invalid email (Smile ids {ids} and {more} "
                    "more)."))):
            if n:
                ids = ", ".join([str(s.customer_id) for s in self.skipped if s.reason == reason][:sample])
                out.append((more if n > sample else said).format(platform=PLATFORM, count=n, ids=ids,
                                                                  more=n - sample))
        if self.duplicates:  # one line each (a list inside one sentence would not translate)
            out.append(tr("{platform}: {count} email(s) belong to several customers; the member account updated "
                          "last is kept:").format(platform=PLATFORM, count=len(self.duplicates)))
            out += [tr("{email}: kept Smile customer {kept}, left out {others}").format(
                email=e, kept=k, others=", ".join(map(str, o))) for e, k, o in self.duplicates[:sample]]
            if len(self.duplicates) > sample:
                out.append(tr("… and {count} more email(s) of several customers").format(
                    count=len(self.duplicates) - sample))
        return out


class SmileSource:
    """Reads a Smile.io account through `client` into `mirror`. Not thread-safe (one read at a time)."""

    def __init__(self, client: SmileClient, mirror: Mirror, *, overlap: timedelta = OVERLAP,
                 clock: Callable[[], datetime] = clocks.now) -> None:
        self.client = client
        self.mirror = mirror
        self.overlap = overlap
        self.clock = clock
        self.report: ReadReport | None = None

    @property
    def http(self) -> HttpClient:
        """Smile's client: its retry waits (429, 5xx) show in the sync's progress."""
        return self.client.http

    def close(self) -> None:
        self.client.close()
        self.mirror.close()

    # -- cursor -------------------------------------------------------------------------------

    def _parse_cursor(self, cursor: str | None) -> tuple[str, str, str] | None:
        if not cursor:
            return None
        parts = str(cursor).split("|")
        if len(parts) != 5 or parts[0] != _PREFIX or parts[1] != self.mirror.uid:
            return None
        if any(parse_datetime(p) is None for p in parts[2:]):
            return None
        return parts[2], parts[3], parts[4]

    def _since(self, ts: str) -> str:
        dt = parse_datetime(ts)
        assert dt is not None
        return format_datetime(dt - self.overlap)

    # -- read ---------------------------------------------------------------------------------

    def read(self, cursor: str | None = None, history: bool = True) -> SourceRead:
        since = self._parse_cursor(cursor)
        full = since is None
        client, m = self.client, self.mirror
        before = (client.http.stats.requests, client.http.stats.throttled)
        report = ReadReport(full=full)
        raw_tiers = client.vip_tiers()
        tiers = [Tier(tid, str(t.get("name") or tid), as_int(t.get("milestone")))
                 for t in raw_tiers if (tid := as_opt_int(t.get("id"))) is not None]
        tier_names = {t.id: t.name for t in tiers}
        try:
            raw_products: list[dict[str, object]] | None = client.points_products()
        except MissingScopeError:
            raw_products = None  # an older key: everything else still syncs (the note says what is not sent)
        program, program_notes = smile_program(raw_tiers, raw_products)
        customers: set[int] = set()
        txns: list[int] = []
        rewards: list[int] = []
        touched: set[int] = set()
        try:
            with m.tx():
                if full:
                    m.clear()
                c_since, t_since, r_since = (None, None, None) if since is None else map(self._since, since)
                for page in client.customers(c_since):
                    customers.update(m.upsert_customers(page))
                    report.customers += len(page)
                for page in client.points_transactions(t_since):
                    pairs = m.upsert_transactions(page)
                    txns.extend(t for t, _ in pairs)
                    touched.update(c for _, c in pairs)
                    report.transactions += len(page)
                    if report.transactions % 25_000 < len(page):
                        log.info("Smile: %d points transactions read", report.transactions)
                for page in client.reward_fulfillments(r_since):
                    pairs = m.upsert_rewards(page)
                    rewards.extend(r for r, _ in pairs)
                    touched.update(c for _, c in pairs)
                    report.rewards += len(page)
                # Rows of customers not seen yet (created between the customer pages and these).
                unknown = sorted(touched - m.known_customers(touched))
                for cid in unknown[:MAX_LOOKUPS]:
                    c = client.customer(cid)
                    if c is not None:
                        customers.update(m.upsert_customers([c]))
                if len(unknown) > MAX_LOOKUPS:
                    log.info("Smile: %d customers referenced but not read yet; next read", len(unknown) - MAX_LOOKUPS)
                affected = customers | touched
                m.classify(None if full else affected, list(tier_names.values()))
                m.pick_winners()
                cursor_parts = []
                for table, prev in zip(("customers", "txns", "rewards"), since or (None, None, None), strict=False):
                    latest = max(filter(None, (m.max_updated(table), prev)), default=None)
                    cursor_parts.append(latest or format_datetime(datetime(2000, 1, 1, tzinfo=UTC)))
        except BaseException:
            m.reload()
            raise
        emails = None if full else m.emails_of(affected)
        report.skipped = m.skipped(None if full else customers)
        report.duplicates = m.duplicates(emails)
        report.members = (m.db.execute("SELECT count(*) FROM customers WHERE winner = 1").fetchone()[0]
                          if emails is None else len(emails))
        report.requests = client.http.stats.requests - before[0]
        report.throttled = client.http.stats.throttled - before[1]
        self.report = report
        notes = report.notes() + program_notes
        for line in notes:
            log.info("%s", line)
        latest_seen = max((t for p in cursor_parts if (t := parse_datetime(p)) is not None), default=None)
        now = self.clock()
        as_of = max(now, latest_seen) if latest_seen else now
        records: Iterable[Record]
        if full:
            records = (itertools.chain(m.ledger(None), m.rewards(None)) if history
                       else m.rewards(None, open_at=as_of))
        else:
            records = itertools.chain(m.ledger(txns), m.rewards(rewards))
        return SourceRead(as_of=as_of, full=full, members=m.members(emails, tier_names, program, as_of),
                         records=records,
                         tiers=tiers, cursor="|".join([_PREFIX, m.uid, *cursor_parts]), notes=notes,
                         rejected_rows=report.rejects)
