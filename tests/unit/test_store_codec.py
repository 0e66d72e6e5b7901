"""The store's fast JSON text encoders write exactly what the generic path writes
(`dumps(to_jsonable(obj))`): the store compares that text to tell what changed, so one character
of difference would make every member look changed."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from loyalty_desktop.core.fields import BLANK_IS_UNKNOWN
from loyalty_desktop.core.model import (
    MEMBER_KEYS,
    LedgerEntry,
    LedgerKind,
    Member,
    MembershipState,
    Referral,
    ReferralState,
    Reward,
    RewardOrigin,
    to_jsonable,
)
from loyalty_desktop.store.codec import (
    member_values_encoder,
    member_values_text,
    spreadsheet_member,
    text_encoder,
    to_text,
)
from loyalty_desktop.store.store import dumps

TEXTS = ["", "Zoé", 'quote " and \\ backslash', "line\nbreak\ttab", "\x00\x1f control", "emoji 🎉", "\u2028\u2029",
         "ünïcödé ‘’ “” – €", "a" * 300]
ZONES = [UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30)), None]


class Text(str):
    """A str subclass: takes the generic path."""


def _value(rnd: random.Random, ftype: str) -> Any:
    if ftype.startswith("frozenset"):  # Member.unknown: the fields the source does not provide
        return frozenset(rnd.sample(MEMBER_KEYS[1:], rnd.choice([0, 0, 1, 3])))
    if rnd.random() < 0.2 and "None" in ftype:
        return None
    if ftype.startswith("MembershipState"):
        return rnd.choice(list(MembershipState))
    if ftype.startswith("LedgerKind"):
        return rnd.choice(list(LedgerKind))
    if ftype.startswith("RewardOrigin"):
        return rnd.choice(list(RewardOrigin))
    if ftype.startswith("ReferralState"):
        return rnd.choice(list(ReferralState))
    if "datetime" in ftype:
        return datetime(rnd.randint(1990, 2030), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 23),
                         rnd.randint(0, 59), rnd.randint(0, 59), rnd.choice([0, 123456]), tzinfo=rnd.choice(ZONES))
    if "date" in ftype:
        return date(rnd.randint(1004, 2030), rnd.randint(1, 12), rnd.randint(1, 28))
    if ftype.startswith("int"):
        return rnd.choice([0, 1, -7, 2**40, rnd.randint(0, 100_000)])
    return rnd.choice(TEXTS)


def _objects(cls: type, n: int, seed: int) -> list[Any]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        out.append(cls(**{f.name: _value(rnd, str(f.type)) for f in dataclasses.fields(cls)}))
    return out


@pytest.mark.parametrize("cls", [Member, LedgerEntry, Reward, Referral])
def test_fast_text_equals_the_generic_encoding(cls: type) -> None:
    enc = text_encoder(cls)
    for obj in _objects(cls, 400, seed=sum(map(ord, cls.__name__))):
        expected = dumps(to_jsonable(obj))
        assert enc(obj) == expected
        assert to_text(obj) == expected


def test_values_the_model_does_not_declare_take_the_generic_path() -> None:
    odd = Member("a@b.fr", first_name=Text("Zoé"), last_name=5, points_balance=2.5,  # type: ignore[arg-type]
                 tier_id=True, birthday=datetime(2000, 1, 2, 3, 4),
                 last_activity_at=datetime(2020, 5, 6, tzinfo=timezone(timedelta(hours=3))),
                 external_id=Text('x"y'))
    assert to_text(odd) == dumps(to_jsonable(odd))
    entry = LedgerEntry("id", "a@b.fr", datetime(2026, 1, 1, 23, 30), 10, LedgerKind.ORDER,  # naive: taken as UTC
                        description=Text("desc"), balance_after=3.0)  # type: ignore[arg-type]
    assert to_text(entry) == dumps(to_jsonable(entry))


def test_member_from_its_values_list() -> None:
    for m in _objects(Member, 300, seed=7):
        assert member_values_text([getattr(m, f.name) for f in dataclasses.fields(Member)]) == dumps(to_jsonable(m))


def test_dates_memo_gives_the_same_text_for_equal_dates() -> None:
    a = Member("a@b.fr", birthday=date(1985, 3, 15), member_since=date(1985, 3, 15))
    b = Member("b@b.fr", birthday=date(1985, 3, 15))
    assert to_text(a) == dumps(to_jsonable(a)) and to_text(b) == dumps(to_jsonable(b))
    assert '"birthday":"1985-03-15"' in to_text(b)


def test_unknown_fields_are_left_out_of_the_text() -> None:
    m = Member("a@b.fr", points_balance=0, tier_name="Or", unknown=frozenset({"points_balance", "birthday"}))
    text = to_text(m)
    assert '"points_balance"' not in text and '"birthday"' not in text and '"unknown"' not in text
    assert '"tier_name":"Or"' in text and '"missions_completed":0' in text
    # Read back from the store's text, the missing keys are the unknown fields again.
    import json

    from loyalty_desktop.core.model import from_jsonable
    assert from_jsonable("member", json.loads(text)) == m


@pytest.mark.parametrize("seed", range(6))
def test_spreadsheet_values_text_equals_the_member_it_stands_for(seed: int) -> None:
    """The import's fast path (values list → text) and the Member path (inspect, previews) agree:
    unmapped fields and blank numbers, dates and states are unknown, blank texts are empty."""
    rnd = random.Random(seed)
    varying = frozenset(rnd.sample(MEMBER_KEYS[1:], rnd.randint(0, len(MEMBER_KEYS) - 1))) | {"email"}
    encode, make = member_values_encoder(varying), spreadsheet_member(varying)
    for m in _objects(Member, 200, seed=seed):
        vals = [getattr(m, f.name) for f in dataclasses.fields(Member)]
        for i, k in enumerate(MEMBER_KEYS):
            if k in BLANK_IS_UNKNOWN and k in varying and rnd.random() < 0.3:
                vals[i] = None  # a blank cell
        member = make(vals)
        assert encode(vals) == to_text(member) == dumps(to_jsonable(member))
        assert member.unknown == (frozenset(MEMBER_KEYS) - varying) | {
            k for i, k in enumerate(MEMBER_KEYS) if k in varying and k in BLANK_IS_UNKNOWN and vals[i] is None}
