"""The Smile.io source: mapping rules, full and incremental reads over HTTP against the sandbox,
pagination, 10 req/s and 429, auth errors, skipped and duplicate customers, the factories."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers.smile_helpers import fast_sandbox, new_program, serving, source
from loyalty_desktop.core.errors import ConfigError, MissingScopeError, WrongKeyError
from loyalty_desktop.core.model import (
    LedgerEntry,
    LedgerKind,
    Member,
    MembershipState,
    Reward,
    RewardOrigin,
    SourceRead,
)
from loyalty_desktop.core.options import DemoOptions, SmileOptions
from loyalty_desktop.net.client import CancelToken, RateLimit
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.sources.smile.api import RATE_LIMIT
from loyalty_desktop.sources.smile.mapping import (
    classify_reward,
    classify_transaction,
    normalize_email,
    parse_birthday,
)
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.smile.data import TIER_BASE
from loyalty_emulators.smile.server import DEMO_KEY, SmileSandbox

# Fields the Smile API gives (directly or through the counts derived from transactions and
# fulfillments) that must equal the demo program's, member for member.
SAME = ("first_name", "last_name", "points_balance", "points_earned_lifetime", "missions_completed",
        "rewards_claimed", "referrals_completed", "tier_name", "referral_url", "membership_state")


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("smile") / "program.sqlite3"
    new_program(path, 200).close()
    return path


@pytest.fixture
def sb(program: DemoProgram) -> Iterator[SmileSandbox]:
    with serving(program) as s:
        yield s


def consume(read: SourceRead) -> tuple[dict[str, Member], list[LedgerEntry], list[Reward]]:
    members = {m.email: m for m in read.members}
    records = list(read.records)
    return (members, [r for r in records if isinstance(r, LedgerEntry)],
            [r for r in records if isinstance(r, Reward)])


def queries(sb: SmileSandbox, path: str) -> list[dict[str, list[str]]]:
    return [parse_qs(urlsplit(r.path).query) for r in sb.requests if urlsplit(r.path).path == "/v1" + path]


# -- mapping rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "text", "kind"), [
    (42, "Order of €42.90", LedgerKind.ORDER), (42, "Commande de 42,90 €", LedgerKind.ORDER),
    (5, "Placed an order", LedgerKind.ORDER),
    (100, "Joined the loyalty program", LedgerKind.MISSION), (100, "Inscription au programme", LedgerKind.MISSION),
    (25, "Added a birthday", LedgerKind.MISSION), (25, "Date d'anniversaire renseignée", LedgerKind.MISSION),
    (50, "Followed us on Instagram", LedgerKind.MISSION), (50, "Avis produit publié", LedgerKind.MISSION),
    (100, "Birthday bonus", LedgerKind.BIRTHDAY), (100, "Bonus anniversaire", LedgerKind.BIRTHDAY),
    (200, "Referral completed", LedgerKind.REFERRAL), (200, "Parrainage réussi", LedgerKind.REFERRAL),
    (30, "Points correction", LedgerKind.ADJUST),
    (-300, "Points expired (12 months)", LedgerKind.EXPIRE), (-300, "Points expirés (12 mois)", LedgerKind.EXPIRE),
    (-500, "Redeemed for a €5 voucher", LedgerKind.REDEEM), (-500, "Échangés contre un bon de 5 €", LedgerKind.REDEEM),
    (-80, "Account disabled: points cancelled", LedgerKind.ADJUST),
    (-80, "Compte désactivé : points annulés", LedgerKind.ADJUST), (0, "Nothing", LedgerKind.ADJUST),
])
def test_transaction_kinds_in_both_languages(change: int, text: str, kind: LedgerKind) -> None:
    assert classify_transaction(change, text) is kind


def test_a_negative_transaction_matched_to_a_fulfillment_is_a_redemption_whatever_its_wording() -> None:
    assert classify_transaction(-500, "Points spent", redemption=True) is LedgerKind.REDEEM
    assert classify_transaction(-500, "Manual deduction", redemption=True) is LedgerKind.REDEEM
    assert classify_reward("$5 off coupon", redemption=True) is RewardOrigin.REDEMPTION


@pytest.mark.parametrize(("name", "origin"), [
    ("Birthday gift: €5 off", RewardOrigin.BIRTHDAY), ("Cadeau d'anniversaire : 5 € offerts", RewardOrigin.BIRTHDAY),
    ("Welcome to Silver: €5 off", RewardOrigin.TIER_ENTRY), ("Bienvenue au palier Gold : 15 € offerts",
                                                            RewardOrigin.TIER_ENTRY),
    ("Welcome gift: €10 off your first order", RewardOrigin.REFERRAL_RECEIVER),
    ("Bienvenue : 10 € offerts sur la 1re commande", RewardOrigin.REFERRAL_RECEIVER),
    ("Referral reward: €10 off", RewardOrigin.REFERRAL_SENDER), ("Parrainage : 10 € offerts",
                                                                 RewardOrigin.REFERRAL_SENDER),
    ("$5 off coupon", RewardOrigin.REDEMPTION),
])
def test_reward_origins_in_both_languages(name: str, origin: RewardOrigin) -> None:
    assert classify_reward(name, ["Bronze", "Silver", "Gold"]) is origin


def test_values() -> None:
    assert parse_birthday("1004-05-27") == date(1004, 5, 27)  # day and month only: Smile's marker kept
    assert parse_birthday("1990-02-03") == date(1990, 2, 3)
    assert parse_birthday(None) is None and parse_birthday("soon") is None
    assert normalize_email("  Jane.Doe@Example.FR ") == ("jane.doe@example.fr", "")
    assert normalize_email(None) == (None, "no email") and normalize_email(" ") == (None, "no email")
    assert normalize_email("not-an-email") == (None, "invalid email")


# -- reads -----------------------------------------------------------------------------------------

def test_full_read_gives_the_demo_program_back(sb: SmileSandbox, program: DemoProgram) -> None:
    demo = program.read(None)
    dm = {m.email: m for m in demo.members}
    drecs = list(demo.records)
    with source(sb) as src:
        read = src.read(None)
        members, ledger, rewards = consume(read)
    assert read.full and read.cursor and read.cursor.startswith("smile1|")
    assert set(members) == set(dm)
    for email, m in members.items():
        d = dm[email]
        assert {f: getattr(m, f) for f in SAME} == {f: getattr(d, f) for f in SAME}, email
        assert m.tier_id == (TIER_BASE + d.tier_id if d.tier_id else None)
        assert m.external_id is None and m.phone is None and m.points_expiring == 0
        if d.birthday:
            assert m.birthday in (d.birthday, d.birthday.replace(year=1004))
        if d.membership_state is MembershipState.CANDIDATE:
            assert m.member_since is None
    assert {m.birthday.year for m in members.values() if m.birthday} >= {1004}
    # Ledger: every transaction, with the demo's kinds and balances; rewards with their origins.
    dledger = sorted((r.email, r.at, r.points_change, r.kind, r.balance_after) for r in drecs
                     if isinstance(r, LedgerEntry))
    assert sorted((r.email, r.at, r.points_change, r.kind, r.balance_after) for r in ledger) == dledger
    drewards = sorted((r.email, r.code, r.origin, r.points_spent, r.expires_at, r.used_at) for r in drecs
                      if isinstance(r, Reward))
    assert sorted((r.email, r.code, r.origin, r.points_spent, r.expires_at, r.used_at) for r in rewards) == drewards
    by_id = {r.id: r for r in rewards}
    redeemed = [e for e in ledger if e.kind is LedgerKind.REDEEM]
    assert redeemed and all(by_id[e.reward_id].points_spent == -e.points_change  # type: ignore[index]
                            for e in redeemed)
    assert [(t.id, t.name, t.threshold) for t in read.tiers] == [
        (TIER_BASE + 1, "Bronze", 0), (TIER_BASE + 2, "Silver", 500), (TIER_BASE + 3, "Gold", 1200)]
    # No referral records: Smile has no endpoint listing referrals.
    assert sum(1 for r in drecs if type(r).__name__ == "Referral") > 0
    assert len(ledger) + len(rewards) == sum(1 for r in drecs if type(r).__name__ != "Referral")


def test_pagination_follows_next_cursor_to_the_end(sb: SmileSandbox) -> None:
    with source(sb, page_size=20) as src:
        _members, ledger, rewards = consume(src.read(None))
    txn_pages = queries(sb, "/points_transactions")
    assert len(txn_pages) == -(-len(sb.points_transactions()) // 20)
    assert all(q["limit"] == ["20"] for q in txn_pages)
    assert "cursor" not in txn_pages[0] and all("cursor" in q for q in txn_pages[1:])
    assert all(q.get("include") == ["vip_status"] for q in queries(sb, "/customers"))
    no_email_txns = 1  # the POS guest's
    dup_txns = 1  # the older duplicate member's
    assert len(ledger) == len(sb.points_transactions()) - no_email_txns - dup_txns
    assert len(rewards) == len(sb.reward_fulfillments())


def test_incremental_reads_ask_for_changes_since_the_last_one(sb: SmileSandbox, program: DemoProgram) -> None:
    demo_before = program.read(None).cursor
    with source(sb) as src:
        first = src.read(None)
        consume(first)
        program.tick(15)
        sb.refresh()
        sb.clear_requests()
        second = src.read(first.cursor)
        members, ledger, rewards = consume(second)
        assert not second.full
        cursor_times = (first.cursor or "").split("|")[2:]
        for path, ts in zip(("/customers", "/points_transactions", "/reward_fulfillments"), cursor_times, strict=True):
            (q,) = queries(sb, path)  # one page each: only the changes
            expect = datetime.fromisoformat(ts) - timedelta(minutes=10)
            assert datetime.fromisoformat(q["updated_at_min"][0]) == expect
        after = {m.email: m for m in program.read(None).members}
        assert 0 < len(members) < len(after)
        for email, m in members.items():
            assert {f: getattr(m, f) for f in SAME} == {f: getattr(after[email], f) for f in SAME}, email
        new_ledger = [r for r in program.read(demo_before).records if isinstance(r, LedgerEntry)]
        assert new_ledger
        assert sorted((e.email, e.at, e.points_change) for e in new_ledger) == sorted(
            (e.email, e.at, e.points_change) for e in ledger if e.at >= program.start)
        # Besides, at most the overlap window's older rows (at least once, never a gap).
        since = datetime.fromisoformat(cursor_times[1]) - timedelta(minutes=10)
        assert all(e.at >= since for e in ledger)
        assert rewards
        # The same changes read again (an interrupted run) give the same answer, and nothing else.
        again = consume(src.read(first.cursor))
        assert again[0] == members and len(again[1]) == len(ledger)
        # Nothing new: the latest cursor gives (at most) the overlap window again, never new rows.
        third = src.read(second.cursor)
        assert {e.id for e in consume(third)[1]} <= {e.id for e in ledger}


def test_a_cursor_from_elsewhere_gives_a_full_read(sb: SmileSandbox) -> None:
    with source(sb) as src:
        first = src.read(None)
        consume(first)
        for cursor in ("smile1|otheruid|2026-01-01T00:00:00.000Z|x|y", "demo1:abc:3"):
            assert src.read(cursor).full
    with source(sb) as other:  # another mirror: the first source's cursor means nothing there
        assert other.read(first.cursor).full


def test_first_read_without_history_takes_only_open_rewards(sb: SmileSandbox) -> None:
    with source(sb) as src:
        read = src.read(None, history=False)
        members, ledger, rewards = consume(read)
    assert not ledger and rewards
    assert all(r.used_at is None and (r.expires_at is None or r.expires_at >= read.as_of) for r in rewards)
    # The counts still come from every transaction.
    assert sum(m.points_earned_lifetime for m in members.values()) > 0
    assert queries(sb, "/points_transactions")


def _customer(cid: int, email: str | None, state: str, updated: str, points: int = 0) -> dict:
    return {"id": cid, "first_name": "A", "last_name": "B", "email": email, "state": state,
            "date_of_birth": None, "points_balance": points, "referral_url": f"https://x.example/r/{cid}",
            "vip_tier_id": None, "vip_status": {"vip_tier_id": None, "vip_tier_expires_at": None,
                                                "progress_value": None, "current_vip_period_end": None,
                                                "delta_to_retain_vip_tier": None, "next_vip_tier_id": None,
                                                "delta_to_next_vip_tier": None},
            "created_at": "2025-01-01T10:00:00.000Z", "updated_at": updated}


def _txn(tid: int, cid: int, change: int) -> dict:
    return {"id": tid, "customer_id": cid, "points_change": change, "description": "Placed an order",
            "internal_note": None, "created_at": "2025-02-01T10:00:00.000Z", "updated_at": "2025-02-01T10:00:00.000Z"}


def test_customers_without_email_are_skipped_and_duplicates_reported() -> None:
    sb = fast_sandbox()
    try:
        acc = sb.account
        for obj in (
            # jane: an older member account and a newer one → the newer member wins
            _customer(1, "jane@example.fr", "member", "2025-03-01T00:00:00.000Z", 100),
            _customer(2, " Jane@Example.fr", "member", "2025-06-01T00:00:00.000Z", 250),
            # paul: a member account and a newer candidate duplicate (a POS guest) → the member wins
            _customer(3, "paul@example.fr", "member", "2025-03-01T00:00:00.000Z", 70),
            _customer(4, "PAUL@example.fr", "candidate", "2025-09-01T00:00:00.000Z", 0),
            # no email (null and empty) and an invalid one → skipped, counted
            _customer(5, None, "candidate", "2025-03-01T00:00:00.000Z", 42),
            _customer(6, "", "member", "2025-03-01T00:00:00.000Z"),
            _customer(7, "nobody", "member", "2025-03-01T00:00:00.000Z"),
        ):
            acc.customers.put(obj)
        for obj in (_txn(10, 1, 100), _txn(11, 2, 250), _txn(12, 3, 70), _txn(13, 5, 42)):
            acc.transactions.put(obj)
        with source(sb) as src:
            read = src.read(None)
            members, ledger, _ = consume(read)
            report = src.report
            # The older jane account becomes the newest: it wins from then on (an incremental read).
            acc.customers.put(_customer(1, "jane@example.fr", "member", "2025-10-01T00:00:00.000Z", 120))
            later = src.read(read.cursor)
            m2, _, _ = consume(later)
            later_report = src.report
        assert set(members) == {"jane@example.fr", "paul@example.fr"}
        assert members["jane@example.fr"].points_balance == 250
        assert members["paul@example.fr"].points_balance == 70
        assert members["paul@example.fr"].membership_state is MembershipState.MEMBER
        # Only the winners' transactions; none of the skipped customers'.
        assert sorted(e.id for e in ledger) == ["smile:pt:11", "smile:pt:12"]
        assert report is not None
        assert (report.skipped_no_email, report.skipped_invalid_email) == (2, 1)
        assert report.duplicates == [("jane@example.fr", 2, [1]), ("paul@example.fr", 3, [4])]
        text = "\n".join(read.notes)
        assert "skipped 2 customer(s) without an email (Smile ids 5, 6)" in text
        assert "skipped 1 customer(s) with an invalid email (Smile ids 7)" in text
        assert "jane@example.fr: kept Smile customer 2, left out 1" in text  # one line per email
        # (paul's candidate account, the latest change before, comes again: the 10-minute overlap)
        assert not later.full and set(m2) == {"jane@example.fr", "paul@example.fr"}
        assert m2["jane@example.fr"].points_balance == 120 and m2["paul@example.fr"].points_balance == 70
        assert later_report is not None and later_report.duplicates[0] == ("jane@example.fr", 1, [2])
    finally:
        sb.stop()


# -- rate limit, 429, errors -----------------------------------------------------------------------

def test_429_from_going_faster_than_10_per_second_is_waited_out(sb: SmileSandbox, program: DemoProgram) -> None:
    limited = fast_sandbox(program, rate_per_second=10)
    try:
        with source(sb) as ref:
            expected = consume(ref.read(None))
        with source(limited, rate=RateLimit(40, 2400), page_size=150) as src:
            got = consume(src.read(None))
            throttled = src.client.http.stats.throttled
        assert throttled > 0 and limited.throttled_count == throttled
        assert got[0] == expected[0] and len(got[1]) == len(expected[1])
    finally:
        limited.stop()


def test_at_the_documented_pace_no_request_is_refused(program: DemoProgram) -> None:
    sb = fast_sandbox(program, rate_per_second=10)
    try:
        with source(sb, rate=RATE_LIMIT, page_size=100) as src:
            consume(src.read(None))
        times = sorted(r.received_monotonic for r in sb.requests)
        assert len(times) >= 15
        assert sb.throttled_count == 0
        # never more than 10 within any span the server's 1 s window could hold (its 0.1 s
        # tolerance for network jitter aside: see FixedWindowLimiter)
        assert max(sum(1 for u in times if t <= u < t + 0.9) for t in times) <= 10
    finally:
        sb.stop()


def test_server_errors_and_dropped_connections_are_retried(sb: SmileSandbox) -> None:
    with source(sb) as ref:
        expected = consume(ref.read(None))
    sb.faults = Faults(rate_500=0.15, rate_drop=0.1, seed=5)
    with source(sb) as src:
        got = consume(src.read(None))
        assert src.client.http.stats.retries > 0
    assert got[0] == expected[0] and len(got[1]) == len(expected[1])
    sb.faults = Faults()


def test_wrong_key_is_a_clear_error_that_never_shows_the_key(sb: SmileSandbox,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "smile_live_WrongKey1234567890"
    with source(sb, key=wrong) as src, pytest.raises(WrongKeyError) as info:
        src.read(None)
    assert "Smile.io refused the API key" in info.value.message and info.value.status == 401
    assert getattr(info.value, "platform", None) == "Smile.io"  # the sync's destination is another platform
    assert wrong not in str(info.value) and wrong not in caplog.text
    narrow = sb.add_key({"customer:read", "vip_tier:read"})
    with source(sb, key=narrow) as src, pytest.raises(MissingScopeError) as scope:
        src.read(None)
    assert scope.value.scopes == ["points_transaction:read"] and narrow not in str(scope.value)


def test_network_down_is_a_network_error_marked_as_smiles() -> None:
    from loyalty_desktop.core.errors import NetworkError
    from loyalty_desktop.net.client import RetryPolicy
    from loyalty_desktop.sources.smile.api import SmileClient

    with SmileClient("k", "http://127.0.0.1:9", retry=RetryPolicy(max_attempts=1)) as client:
        assert client.base_url == "http://127.0.0.1:9/v1"
        with pytest.raises(NetworkError) as info:
            client.verify()
    assert getattr(info.value, "platform", None) == "Smile.io"


def test_a_failed_read_leaves_the_mirror_as_it_was(sb: SmileSandbox) -> None:
    with source(sb) as src:
        first = src.read(None)
        consume(first)
        before = src.mirror.counts()
        sb.revoke_key(DEMO_KEY)
        with pytest.raises(WrongKeyError):
            src.read(None)
        assert src.mirror.counts() == before
        assert src._parse_cursor(first.cursor) is not None  # the old cursor still matches


# -- factories -------------------------------------------------------------------------------------

def test_live_factory_needs_a_key_and_says_how_to_add_one() -> None:
    from loyalty_desktop.sources.smile.source import LIVE

    with pytest.raises(ConfigError, match="loyalty-desktop key set smile"):
        LIVE.open(SmileOptions(), CancelToken())


def test_live_factory_verifies_the_key_and_keeps_its_mirror_in_the_data_folder(
        sb: SmileSandbox, program: DemoProgram, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from loyalty_desktop.sources.smile.source import LIVE

    key = sb.add_key()
    opts = SmileOptions(sb.base_url)
    monkeypatch.setenv("LOYALTY_DESKTOP_SMILE_KEY", "smile_wrong_but_long_enough")
    with pytest.raises(WrongKeyError):
        LIVE.open(opts, CancelToken())
    monkeypatch.setenv("LOYALTY_DESKTOP_SMILE_KEY", key)
    opened = LIVE.open(opts, CancelToken())
    try:
        assert opened.name.startswith("smile:") and key not in opened.name
        first = opened.source.read(None)
        consume(first)
    finally:
        opened.close()
    program.tick(5)
    sb.refresh()
    again = LIVE.open(opts, CancelToken())  # a later run: the mirror on disk makes it incremental
    try:
        assert again.name == opened.name
        assert not again.source.read(first.cursor).full
    finally:
        again.close()
    files = [f for f in data_dir.rglob("*") if f.is_file()]
    assert any(f.name.startswith("smile-mirror-") for f in files)
    assert all(key.encode() not in f.read_bytes() for f in files)


def test_sandbox_factory_runs_offline_from_the_demo_program(data_dir: Path) -> None:
    from loyalty_desktop.sources.smile.source import SANDBOX

    opened = SANDBOX.open(SmileOptions(demo=DemoOptions(30, 3)), CancelToken())
    try:
        assert opened.name == "smile-sandbox:demo:30:3"
        read = opened.source.read(None)
        members, ledger, rewards = consume(read)
        assert len(members) == 30 and ledger and rewards
        assert any("without an email" in n for n in read.notes)
    finally:
        opened.close()
    assert Counter(f.suffix for f in data_dir.glob("smile-mirror-*")) == Counter()  # kept in memory
