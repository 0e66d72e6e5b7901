"""Planner: mapped-payload diffs, derived events with stable unique_ids, first sync and backfill."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE
from loyalty_desktop.core.model import (
    LedgerEntry,
    LedgerKind,
    Member,
    Referral,
    ReferralState,
    Reward,
    RewardOrigin,
    SourceRead,
    Tier,
)
from loyalty_desktop.destinations.klaviyo.adapter import KlaviyoDestination
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.baseline import (
    Baseline,
    ConfirmationNeeded,
    confirm_threshold,
)
from loyalty_desktop.sync.planner import Planner, fingerprint

T0 = datetime(2026, 11, 1, tzinfo=UTC)
TIERS = [Tier(1, "Bronze", 0), Tier(2, "Silver", 1000), Tier(3, "Gold", 3000)]


def member(email: str, **kw: object) -> Member:
    base: dict[str, object] = {"points_balance": 100, "points_earned_lifetime": 100, "tier_name": "Bronze",
                               "tier_id": 1, "first_name": "Léa", "last_name": "Martin",
                               "member_since": date(2025, 1, 2)}
    base.update(kw)
    return Member(email=email, **base)  # type: ignore[arg-type]


@pytest.fixture
def dest() -> Iterator[KlaviyoDestination]:
    d = KlaviyoDestination("pk_" + "a" * 34, "http://127.0.0.1:9")
    yield d
    d.close()


def ingest(store: Store, members: list[Member], records: list = (), as_of: datetime = T0) -> None:  # type: ignore[assignment]
    store.ingest("test", SourceRead(as_of=as_of, full=True, members=members, records=list(records), tiers=TIERS))


def plan(store: Store, dest: KlaviyoDestination, mapping=KLAVIYO_LOYALTY, as_of: datetime = T0, backfill=False):
    _, _, tiers = store.source_state("test")
    return Planner(store, dest, mapping).plan(as_of, tiers, backfill=backfill)


def ack_all(store: Store, dest: KlaviyoDestination) -> None:
    rows = store.pending(dest.name, "profile", 100_000) + store.pending(dest.name, "event", 100_000)
    store.settle(dest.name, 1, rows, [])


def pending_events(store: Store, dest: KlaviyoDestination) -> dict[str, dict]:
    return {r.key: json.loads(r.payload) for r in store.pending(dest.name, "event", 100_000)}


def test_first_sync_queues_every_profile_and_no_events(store: Store, dest: KlaviyoDestination) -> None:
    ledger = [LedgerEntry("L1", "a@orange.fr", T0 - timedelta(days=3), 50, LedgerKind.ORDER, balance_after=100)]
    ingest(store, [member("a@orange.fr"), member("b@free.fr")], ledger)
    s = plan(store, dest)
    assert s.first_sync and s.profiles_queued == 2 and s.events_queued == 0
    payload = json.loads(store.pending(dest.name, "profile", 10)[0].payload)
    props = payload["attributes"]["properties"]
    assert props["Loyalty Points Balance"] == 100  # ints go out as JSON numbers
    assert props["Loyalty Member Since"] == "2025-01-02T00:00:00+00:00"  # dates as ISO 8601
    assert payload["attributes"]["first_name"] == "Léa"
    # None values clear the property rather than leaving a stale one
    assert "Loyalty Points Expiry Date" in payload["meta"]["patch_properties"]["unset"]


def test_no_change_plans_nothing_and_change_plans_only_changed(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member("a@orange.fr"), member("b@free.fr")])
    plan(store, dest)
    ack_all(store, dest)
    ingest(store, [member("a@orange.fr"), member("b@free.fr")])
    s = plan(store, dest)
    assert (s.profiles_queued, s.events_queued, s.unchanged) == (0, 0, 2)
    ingest(store, [member("a@orange.fr", points_balance=180), member("b@free.fr")])
    s = plan(store, dest)
    assert s.profiles_queued == 1
    assert [r.key for r in store.pending(dest.name, "profile", 10)] == ["a@orange.fr"]


def test_mapping_edit_resends_what_it_changes(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member("a@orange.fr"), member("b@free.fr")])
    plan(store, dest, KLAVIYO_SMILE)
    ack_all(store, dest)
    assert plan(store, dest, KLAVIYO_SMILE).profiles_queued == 0
    renamed = KLAVIYO_SMILE.with_field("points_balance", target="Points")
    s = plan(store, dest, renamed)
    assert s.profiles_queued == 2
    body = json.loads(store.pending(dest.name, "profile", 1)[0].payload)
    assert body["attributes"]["properties"]["Points"] == 100
    # A change that does not touch mapped fields does not re-send.
    ack_all(store, dest)
    ingest(store, [member("a@orange.fr", missions_completed=9), member("b@free.fr")])
    assert plan(store, dest, renamed).profiles_queued == 0


def test_events_derived_after_first_sync_with_template_keys(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member("a@orange.fr"), member("b@free.fr")])
    plan(store, dest)
    ack_all(store, dest)
    t1 = T0 + timedelta(days=30)
    reward = Reward("R1", "a@orange.fr", "10 € off", "LUMI-AAAA", RewardOrigin.REDEMPTION, t1 - timedelta(days=2),
                    expires_at=t1 + timedelta(days=5), points_spent=1000)
    bday = Reward("R2", "b@free.fr", "Birthday gift", "BDAY-BBBB", RewardOrigin.BIRTHDAY, t1 - timedelta(days=1),
                  expires_at=t1 + timedelta(days=60))
    records = [
        LedgerEntry("L2", "a@orange.fr", t1 - timedelta(days=3), 1500, LedgerKind.ORDER, balance_after=1600),
        LedgerEntry("L3", "a@orange.fr", t1 - timedelta(days=2), -1000, LedgerKind.REDEEM, balance_after=600,
                    reward_id="R1"),
        reward, bday,
        Referral("F1", "a@orange.fr", "c@gmail.com", ReferralState.COMPLETED, t1 - timedelta(days=10),
                 t1 - timedelta(days=1), "SEND-1", "RECV-1"),
    ]
    members = [member("a@orange.fr", points_balance=600, points_earned_lifetime=1600, tier_name="Silver", tier_id=2,
                      points_expiring=40, points_expiry_date=(t1 + timedelta(days=20)).date()),
               member("b@free.fr", points_expiring=10, points_expiry_date=(t1 + timedelta(days=5)).date())]
    ingest(store, members, records, as_of=t1)
    s = plan(store, dest, as_of=t1)
    ev = pending_events(store, dest)
    by_metric: dict[str, list[dict]] = {}
    for e in ev.values():
        by_metric.setdefault(e["event"]["attributes"]["metric"]["data"]["attributes"]["name"], []).append(e)
    assert set(by_metric) == {"Points Earned", "Points Redeemed", "VIP Tier Achieved", "Referral Started",
                              "Referral Completed", "Points Expiring", "Reward Expiring", "Birthday Reward Issued"}
    assert s.events_queued == len(ev) == 9
    props = lambda m, i=0: by_metric[m][i]["event"]["attributes"]["properties"]  # noqa: E731
    assert props("Points Earned")["points_change"] == 1500
    assert props("Points Redeemed")["reward_fulfillment"]["code"] == "LUMI-AAAA"
    assert props("Referral Started")["receiver_reward_fulfillment"]["code"] == "RECV-1"
    assert by_metric["Referral Started"][0]["email"] == "c@gmail.com"
    assert props("Referral Completed")["sender_reward_fulfillment"]["code"] == "SEND-1"
    assert props("VIP Tier Achieved")["current_vip_tier"] == {"id": 2, "name": "Silver"}
    assert props("VIP Tier Achieved")["previous_vip_tier"] == {"id": 1, "name": "Bronze"}
    windows = sorted(p["event"]["attributes"]["properties"]["days_before"] for p in by_metric["Points Expiring"])
    assert windows == [7, 30]
    assert props("Birthday Reward Issued")["reward_fulfillment"]["code"] == "BDAY-BBBB"
    assert all("backfill" not in e["event"]["attributes"] for e in ev.values())
    # unique_ids are deterministic: planning the same state again adds nothing
    ack_all(store, dest)
    ingest(store, members, records, as_of=t1)
    assert plan(store, dest, as_of=t1).events_queued == 0


def test_points_expiring_last_chance_after_warning(store: Store, dest: KlaviyoDestination) -> None:
    m = member("a@orange.fr", points_expiring=40, points_expiry_date=(T0 + timedelta(days=60)).date())
    ingest(store, [m])
    plan(store, dest)
    ack_all(store, dest)
    keys: list[str] = []
    for days in (35, 50, 55, 58):
        t = T0 + timedelta(days=days)
        ingest(store, [m], as_of=t)
        plan(store, dest, as_of=t)
        keys += [r.key for r in store.pending(dest.name, "event", 10)]
        ack_all(store, dest)
    assert keys == [f"expiring:a@orange.fr:{(T0 + timedelta(days=60)).date()}:30d",
                    f"expiring:a@orange.fr:{(T0 + timedelta(days=60)).date()}:7d"]


def test_backfill_replays_history_marked_backfill(store: Store, dest: KlaviyoDestination) -> None:
    ledger = [LedgerEntry("L1", "a@orange.fr", T0 - timedelta(days=300), 50, LedgerKind.ORDER, balance_after=50),
              LedgerEntry("L2", "a@orange.fr", T0 - timedelta(days=200), 50, LedgerKind.MISSION, balance_after=100)]
    ingest(store, [member("a@orange.fr")], ledger)
    s = plan(store, dest, backfill=True)
    ev = pending_events(store, dest)
    assert s.backfill and len(ev) == 2
    assert all(e["event"]["attributes"]["backfill"] is True for e in ev.values())
    assert ev["L1:earned"]["event"]["attributes"]["time"].startswith((T0 - timedelta(days=300)).date().isoformat())


def test_removed_member_leaves_snapshot_on_full_read(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member("a@orange.fr"), member("b@free.fr")])
    ingest(store, [member("a@orange.fr")])
    assert store.member_count() == 1


def test_fingerprint_is_of_the_encoded_payload(dest: KlaviyoDestination) -> None:
    encode = dest.profile_encoder(KLAVIYO_SMILE)
    a, b = encode({"email": "a@b.fr", "points_balance": 1}), encode({"email": "a@b.fr", "points_balance": 2})
    assert fingerprint(a) != fingerprint(b) and fingerprint(a) == fingerprint(a)


# -- baselines, members new to a destination, the confirmation threshold (baseline.py) ---------------

def plan_from(store: Store, dest: KlaviyoDestination, source: str, as_of: datetime, **kw):
    _, _, tiers = store.source_state("test")
    return Planner(store, dest, KLAVIYO_LOYALTY).plan(as_of, tiers, source=source, **kw)


def metrics(store: Store, dest: KlaviyoDestination) -> list[tuple[str, str]]:
    return sorted((e["event"]["attributes"]["metric"]["data"]["attributes"]["name"],
                   e["email"])
                  for e in pending_events(store, dest).values())


def test_new_member_gets_no_tier_event_for_the_tier_they_arrive_with(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member("a@orange.fr")])
    plan_from(store, dest, "test", T0)
    ack_all(store, dest)
    t1 = T0 + timedelta(days=3)
    ingest(store, [
        member("a@orange.fr", tier_name="Silver", tier_id=2),  # known: an upgrade is news
        member("old@x.fr", tier_name="Gold", tier_id=3),  # new to the destination, member since 2025
        member("nodate@x.fr", tier_name="Gold", tier_id=3, member_since=None),  # new, no sign-up date
        member("joined@x.fr", tier_name="Silver", tier_id=2, member_since=t1.date()),  # joined since the last sync
    ], as_of=t1)
    s = plan_from(store, dest, "test", t1)
    assert s.baseline is None
    assert metrics(store, dest) == [("VIP Tier Achieved", "a@orange.fr"), ("VIP Tier Achieved", "joined@x.fr")]
    # The newcomers are known from now on: their next upgrade is news.
    ack_all(store, dest)
    t2 = t1 + timedelta(days=1)
    ingest(store, [member("a@orange.fr", tier_name="Silver", tier_id=2),
                   member("old@x.fr", tier_name="Gold", tier_id=3),
                   member("nodate@x.fr", tier_name="Gold", tier_id=3, member_since=None),
                   member("joined@x.fr", tier_name="Gold", tier_id=3, member_since=t1.date())], as_of=t2)
    plan_from(store, dest, "test", t2)
    assert metrics(store, dest) == [("VIP Tier Achieved", "joined@x.fr")]


def test_another_source_is_a_new_baseline(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member("a@orange.fr")])
    plan_from(store, dest, "demo:500:7", T0)
    ack_all(store, dest)
    t1 = T0 + timedelta(days=1)
    ingest(store, [member("a@orange.fr", tier_name="Gold", tier_id=3)],
           [LedgerEntry("L9", "a@orange.fr", t1, 5000, LedgerKind.ORDER)], as_of=t1)
    s = plan_from(store, dest, "demo:2000:7", t1)
    assert s.baseline is Baseline.NEW_SOURCE and s.events_queued == 0 and s.profiles_queued == 1
    assert store.dest_state(dest.name).source == "demo:2000:7"  # type: ignore[union-attr]
    # The next plan from that source sends what happens from then on.
    ack_all(store, dest)
    t2 = t1 + timedelta(days=1)
    ingest(store, [member("a@orange.fr", tier_name="Gold", tier_id=3)],
           [LedgerEntry("L10", "a@orange.fr", t2, 10, LedgerKind.ORDER)], as_of=t2)
    s = plan_from(store, dest, "demo:2000:7", t2)
    assert s.baseline is None and metrics(store, dest) == [("Points Earned", "a@orange.fr")]


def test_a_jump_in_members_is_a_new_baseline(store: Store, dest: KlaviyoDestination) -> None:
    ingest(store, [member(f"m{i}@x.fr") for i in range(100)])
    plan_from(store, dest, "test", T0)
    ack_all(store, dest)
    t1 = T0 + timedelta(days=1)
    # 60 newcomers to 100 known: growth, not a jump (the newcomers joined long ago: no tier event)
    ingest(store, [member(f"m{i}@x.fr") for i in range(160)], as_of=t1)
    assert plan_from(store, dest, "test", t1).baseline is None
    ack_all(store, dest)
    # 100 newcomers to 160 known: more than half again, at least 100: a jump
    ingest(store, [member(f"m{i}@x.fr") for i in range(260)], as_of=t1)
    s = plan_from(store, dest, "test", t1)
    assert s.baseline is Baseline.MEMBERS_JUMP and s.events_queued == 0


def test_too_many_live_events_need_confirmation_and_plan_nothing(store: Store, dest: KlaviyoDestination) -> None:
    emails = [f"m{i}@x.fr" for i in range(600)]
    ingest(store, [member(e) for e in emails])
    plan_from(store, dest, "test", T0)
    ack_all(store, dest)
    before = store.dest_state(dest.name)
    t1 = T0 + timedelta(days=1)
    ingest(store, [member(e, tier_name="Silver", tier_id=2) for e in emails],
           [LedgerEntry(f"L{i}", e, t1, 10, LedgerKind.ORDER) for i, e in enumerate(emails[:20])], as_of=t1)
    with pytest.raises(ConfirmationNeeded) as caught:
        plan_from(store, dest, "test", t1)
    live = caught.value.live
    assert live.by_metric == {"VIP Tier Achieved": 600, "Points Earned": 20} and live.threshold == 500
    assert store.dest_state(dest.name) == before  # rolled back: nothing planned
    assert store.count_outbox(dest.name, "profile") == 0 and store.count_outbox(dest.name, "event") == 0
    s = plan_from(store, dest, "test", t1, confirmed=True)
    assert s.live is not None and s.live.total == 620 and store.count_outbox(dest.name, "event") == 620


def test_confirmation_threshold() -> None:
    assert [confirm_threshold(n) for n in (0, 500, 10_000, 20_000, 100_000)] == [500, 500, 500, 1000, 5000]
