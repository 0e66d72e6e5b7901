"""The schedule's arithmetic: next run from the last run, missed runs due at once, back-off, 48 h."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.schedule.model import (
    Cadence,
    Schedule,
    from_settings,
    is_due,
    is_stale,
    next_run,
    retry_delay,
)

DAILY = Schedule(enabled=True, cadence=Cadence.DAILY, daily_at=time(6, 0))
T = datetime(2027, 3, 10, 10, 0, tzinfo=UTC)


def test_off_has_no_next_run() -> None:
    assert next_run(Schedule(), T, T) is None
    assert not is_due(Schedule(), None, T)


def test_never_run_is_due_now() -> None:
    assert next_run(DAILY, None, T) == T
    assert is_due(DAILY, None, T)


def test_daily_counts_from_the_last_run() -> None:
    assert next_run(DAILY, T, T) == datetime(2027, 3, 11, 6, 0, tzinfo=UTC)
    early = datetime(2027, 3, 10, 5, 0, tzinfo=UTC)
    assert next_run(DAILY, early, early) == datetime(2027, 3, 10, 6, 0, tzinfo=UTC)


def test_run_missed_while_asleep_is_due_at_wake() -> None:
    last = datetime(2027, 3, 8, 6, 0, 5, tzinfo=UTC)
    assert is_due(DAILY, last, T)  # 9 March 06:00 passed while the laptop was shut


def test_every_n_hours_counts_from_the_last_run() -> None:
    s = Schedule.every(6)
    assert next_run(s, T, T + timedelta(hours=1)) == T + timedelta(hours=6)
    assert not is_due(s, T, T + timedelta(hours=5, minutes=59))
    assert is_due(s, T, T + timedelta(hours=6))


def test_json_round_trip_and_lenient_reading() -> None:
    s = Schedule(enabled=True, cadence=Cadence.EVERY_HOURS, daily_at=time(21, 30), every_hours=4)
    assert Schedule.from_json(s.to_json()) == s
    assert Schedule.from_json({"cadence": "weekly", "daily_at": "25:00", "every_hours": 0}) == Schedule()
    assert Schedule.from_json("junk") == Schedule()


def test_older_settings_keep_their_every_n_hours() -> None:
    assert from_settings({}, 6) == Schedule.every(6)
    assert from_settings({}, 0) == Schedule()
    assert from_settings({"enabled": True}, 6).cadence is Cadence.DAILY


def test_retry_backs_off_to_an_hour() -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert retry_delay(30) == timedelta(hours=1)


def test_stale_after_48_hours() -> None:
    assert is_stale(None, T)
    assert not is_stale(T - timedelta(hours=47, minutes=59), T)
    assert is_stale(T - timedelta(hours=48), T)


@given(st.dictionaries(st.sampled_from(["enabled", "cadence", "daily_at", "every_hours", "x"]),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8))))
def test_any_settings_blob_reads_without_error(raw: dict[str, object]) -> None:
    Schedule.from_json(raw)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)),
       st.times())
def test_daily_next_run_is_within_a_day_after_the_last(last: datetime, at: time) -> None:
    s = Schedule(enabled=True, daily_at=at.replace(tzinfo=None))
    due = next_run(s, last, last)
    assert due is not None and last < due <= last + timedelta(days=1)
