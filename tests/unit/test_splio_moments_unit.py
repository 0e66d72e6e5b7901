"""Splio moments without I/O: which fields each moment writes, the interaction's ext_id (stable,
safe for Splio), and that history replayed as backfill writes no trigger field."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.core.events import LoyaltyEvent, Metric
from loyalty_desktop.destinations.splio.moments import (
    EXT_PROVIDER,
    MOMENT_FIELDS,
    MOMENTS,
    encode,
    ext_id,
    field_values,
    moment_of,
    splio_datetime,
)
from loyalty_emulators.splio.interactions import _EXT_ID

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def event(metric: Metric, **props: object) -> LoyaltyEvent:
    return LoyaltyEvent(metric, "ana@example.com", AT, f"x:{metric.name}", dict(props))


def test_each_moment_writes_its_trigger_and_its_values() -> None:
    cases = {
        "points_earned": event(Metric.POINTS_EARNED, points_change=120),
        "points_redeemed": event(Metric.POINTS_REDEEMED, points_spent=500, reward_fulfillment={"code": "LUMI-1"}),
        "tier_reached": event(Metric.VIP_TIER_ACHIEVED, tier_name="Gold"),
        "referral_completed": event(Metric.REFERRAL_COMPLETED, sender_reward_fulfillment={"code": "REF-9"}),
        "reward_expiring": event(Metric.REWARD_EXPIRING, code="LUMI-2", expires_at="2026-11-27T09:00:00+00:00"),
        "points_expiring_30d": event(Metric.POINTS_EXPIRING, points_expiring=80, expiry_date="2026-12-20",
                                     days_before=30),
        "points_expiring_7d": event(Metric.POINTS_EXPIRING, points_expiring=80, expiry_date="2026-11-27",
                                    days_before=7),
        "birthday": event(Metric.BIRTHDAY_REWARD_ISSUED, code="BDAY-3"),
    }
    assert set(cases) == {m.key for m in MOMENTS}
    names = {f.name for f in MOMENT_FIELDS}
    for key, e in cases.items():
        moment = moment_of(e)
        assert moment is not None and moment.key == key
        values = field_values(e)
        assert values[moment.trigger] == "2026-11-20 09:30:00" and values["loyalty_last_moment"] == key
        assert set(values) <= names and all(values[v] != "" for v in moment.values), (key, values)
    assert field_values(cases["points_expiring_7d"])["loyalty_expiry_notice"] == "J-7"
    assert field_values(cases["reward_expiring"])["loyalty_reward_expiry_date"] == "2026-11-27 09:00:00"
    assert moment_of(event(Metric.REFERRAL_STARTED)) is None  # the friend's: not a Splio moment


def test_backfill_is_an_interaction_only() -> None:
    e = event(Metric.POINTS_EARNED, points_change=5)
    live = json.loads(encode(e))
    history = json.loads(encode(LoyaltyEvent(e.metric, e.email, e.time, e.unique_id, e.properties, True)))
    assert live["f"] and history["f"] == {}
    assert history["i"] == live["i"] and live["i"]["ext_provider"] == EXT_PROVIDER
    assert live["i"]["ext_id"] == e.unique_id and live["i"]["value_date"] == "2026-11-20 09:30:00"


@given(st.text(min_size=1, max_size=400))
def test_ext_id_is_stable_and_acceptable_to_splio(unique_id: str) -> None:
    a, b = ext_id(unique_id), ext_id(unique_id)
    assert a == b and _EXT_ID.match(a) and len(a) <= 190
    assert a == unique_id or re.fullmatch(r"h-[0-9a-f]{32}", a)


def test_recommended_splio_flows_name_the_moment_field_and_read_its_values() -> None:
    from loyalty_desktop.core.fields import SPLIO_LOYOLY
    from loyalty_desktop.sync.flows import recommended_flows

    flows = {f.id: f for f in recommended_flows("splio", SPLIO_LOYOLY)}
    assert "loyalty_points_earned_at" in flows["points_earned"].trigger
    assert "$loyalty_points_earned$" in flows["points_earned"].body
    assert "$loyalty_birthday_reward_code$" in flows["birthday"].body
    assert "Audience filter" in flows["referral_invitation"].trigger  # the friend's: no moment
    assert all("{{" not in f.body for f in flows.values())
    # The preset maps no expiring points: the 7-day notice reads them from the moment's fields.
    assert "$loyalty_expiring_points$" in flows["points_expiring_7"].body
    assert "$loyalty_points_expiry_date$" in flows["points_expiring_7"].body


def test_moment_dates_are_written_in_the_computers_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Splio reads "YYYY-MM-DD HH:MM:SS" in the API user's time zone: a Paris merchant's moment at
    # 09:30 UTC in winter is 10:30 there; a day without a zone (an expiry day) is written as it is.
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        assert splio_datetime(datetime(2027, 1, 15, 9, 30, tzinfo=UTC)) == "2027-01-15 10:30:00"
        assert splio_datetime("2027-07-15T09:30:00+00:00") == "2027-07-15 11:30:00"  # summer time
        assert splio_datetime("2027-12-31") == "2027-12-31 00:00:00"
        assert splio_datetime(None) == ""
    finally:
        monkeypatch.undo()
        time.tzset()
