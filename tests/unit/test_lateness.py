"""The staleness rule per kind of moment (core/lateness.py) and the run report's words for it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.core.events import LoyaltyEvent, Metric, points_warning, reward_expiring
from loyalty_desktop.core.lateness import (
    LateEvent,
    LateReason,
    current_window,
    missed_warning_days,
    too_late,
)
from loyalty_desktop.sync.summary import late_text

NOW = datetime(2027, 3, 10, 6, 0, tzinfo=UTC)


def warning(days_left: int, window: int) -> LoyaltyEvent:
    return points_warning("a@b.fr", 40, NOW.date() + timedelta(days=days_left), window, NOW)


def test_points_warnings() -> None:
    assert too_late(warning(20, 30), NOW) is None
    assert too_late(warning(5, 7), NOW) is None
    assert too_late(warning(0, 7), NOW) is None  # expires today: the last chance still holds
    assert too_late(warning(5, 30), NOW) is LateReason.LATER_WARNING  # "30 days" when 5 are left
    assert too_late(warning(-2, 7), NOW) is LateReason.POINTS_EXPIRED


@given(st.integers(-400, 400), st.sampled_from([30, 7]))
def test_a_points_warning_is_due_exactly_in_its_window(days_left: int, window: int) -> None:
    late = too_late(warning(days_left, window), NOW)
    assert (late is None) == (current_window(days_left) == window)


def test_rewards_and_birthdays() -> None:
    r = {"id": "R", "email": "a@b.fr", "code": "C", "name": "n", "origin": "redemption"}
    assert too_late(reward_expiring({**r, "expires_at": (NOW + timedelta(days=3)).isoformat()}, NOW), NOW) is None
    assert too_late(reward_expiring({**r, "expires_at": (NOW - timedelta(hours=1)).isoformat()}, NOW),
                    NOW) is LateReason.REWARD_EXPIRED
    bday = LoyaltyEvent(Metric.BIRTHDAY_REWARD_ISSUED, "a@b.fr", NOW - timedelta(days=6), "R:birthday")
    assert too_late(bday, NOW) is None
    assert too_late(bday, NOW + timedelta(days=2)) is LateReason.TOO_OLD
    earned = LoyaltyEvent(Metric.POINTS_EARNED, "a@b.fr", NOW - timedelta(days=30), "L:earned")
    assert too_late(earned, NOW) is None  # the record rules (events.live_since) decide those


def test_missed_warning_days() -> None:
    expiry = date(2027, 3, 20)
    assert missed_warning_days(expiry, date(2027, 2, 1), date(2027, 3, 15)) == [30, 7]
    assert missed_warning_days(expiry, date(2027, 2, 25), date(2027, 3, 15)) == [7]  # the 30-day one was due before
    assert missed_warning_days(expiry, date(2027, 3, 14), date(2027, 3, 15)) == []


def test_late_text_for_each_reason() -> None:
    e = LateEvent(warning(5, 30), LateReason.LATER_WARNING).to_json()
    assert late_text(e) == "a@b.fr: Points Expiring not sent, only 5 day(s) were left: the 7-day warning is the one due"
    seen: list[str] = []

    def tr(text: str) -> str:
        seen.append(text)
        return "« " + text

    assert late_text({**e, "reason": "too_old"}, tr=tr).startswith("« a@b.fr")
    assert "the moment is too old to announce as new" in seen  # every sentence goes through the translator
