"""End to end over real HTTP: the derived fields (next tier, points to it, points to the next
reward, reward ready, unused rewards, last reward code, pending referrals) reach the Klaviyo and
Splio sandboxes with the values the demo program's tiers and vouchers give, for a few known
members, and follow the program a month later (a member reaching the top tier has them cleared)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import splio_spec
from helpers.sync_helpers import new_program
from helpers.sync_helpers import run_sync as klaviyo_sync
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, SPLIO_LOYOLY
from loyalty_desktop.core.model import Member, MembershipState, Referral, Reward
from loyalty_desktop.core.program import holdings
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.sources.demo.rules import PRODUCTS, TIERS
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.klaviyo.server import KlaviyoSandbox
from loyalty_emulators.splio.server import SplioSandbox

CHEAPEST = min(points for points, _value in PRODUCTS)
K = {f.source: f.target for f in KLAVIYO_LOYALTY.enabled}
S = {f.source: f.target for f in SPLIO_LOYOLY.enabled}


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "program.sqlite3"
    new_program(path, 400).close()
    return path


def expected(program: DemoProgram) -> dict[str, dict[str, Any]]:
    """Per email, the derived values worked out here from the rules and the records (not read
    from the members' own derived fields)."""
    read = program.read(None)
    members: list[Member] = list(read.members)
    records = list(read.records)
    held = holdings([r for r in records if isinstance(r, Reward)], [r for r in records if isinstance(r, Referral)],
                    read.as_of)
    out: dict[str, dict[str, Any]] = {}
    for m in members:
        h = held.get(m.email)
        values: dict[str, Any] = {"unused_rewards": h.unused_rewards if h else 0,
                                  "last_reward_code": h.last_reward_code if h else None,
                                  "referrals_pending": h.referrals_pending if h else 0}
        if m.membership_state is MembershipState.MEMBER:
            above = [(name, t) for _id, name, t in TIERS if t > m.points_earned_lifetime]
            values.update(next_tier_name=above[0][0] if above else None,
                          points_to_next_tier=above[0][1] - m.points_earned_lifetime if above else None,
                          points_to_next_reward=max(0, CHEAPEST - m.points_balance),
                          reward_ready=int(m.points_balance >= CHEAPEST))
        else:
            values.update(next_tier_name=None, points_to_next_tier=None, points_to_next_reward=None,
                          reward_ready=0)
        values["tier_name"] = m.tier_name
        out[m.email] = values
    return out


def known(exp: dict[str, dict[str, Any]], emails: set[str]) -> dict[str, str]:
    """A few members worth looking at: top tier, one point short, reward ready, holding vouchers,
    with pending referrals, not a member."""
    pick: dict[str, str] = {}
    tests = {
        "top tier": lambda v: v["tier_name"] == "Gold",
        "on the way": lambda v: v["next_tier_name"] == "Silver",
        "ready": lambda v: v["reward_ready"] == 1,
        "vouchers": lambda v: v["unused_rewards"] >= 1 and v["last_reward_code"],
        "referrals": lambda v: v["referrals_pending"] >= 1,
        "not a member": lambda v: v["tier_name"] is None,
    }
    for what, test in tests.items():
        pick[what] = next(e for e in sorted(emails) if test(exp[e]))
    return pick


def klaviyo_holds(sb: KlaviyoSandbox, email: str, values: dict[str, Any]) -> None:
    prof = next(p for p in sb.profiles() if p.email == email)
    for source, target in K.items():
        if source not in values or source == "tier_name":
            continue
        v = values[source]
        if v is None:  # empty: unset, never 0
            assert target not in prof.properties, (email, target, prof.properties.get(target))
        else:
            assert prof.properties.get(target) == v, (email, target)


def splio_holds(sb: SplioSandbox, email: str, values: dict[str, Any]) -> None:
    contact = next(c for c in sb.contacts() if c["email"] == email)
    for source, target in S.items():
        if source not in values or source == "tier_name":
            continue
        v = values[source]
        assert contact["custom"].get(target, "") == ("" if v is None else str(v)), (email, target)


def test_klaviyo_profiles_hold_the_derived_fields(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox
                                                  ) -> None:
    s1 = klaviyo_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    assert s1.status is RunStatus.COMPLETED, s1.error
    exp = expected(program)
    for email in known(exp, set(exp)).values():
        klaviyo_holds(sandbox, email, exp[email])
    props = {p.email: p.properties for p in sandbox.profiles()}
    assert all(props[e].get(K["reward_ready"]) == v["reward_ready"] for e, v in exp.items())

    before = exp
    program.tick(60)
    s2 = klaviyo_sync(store, program, sandbox, KLAVIYO_LOYALTY, confirmed=True)
    assert s2.status is RunStatus.COMPLETED, s2.error
    exp = expected(program)
    reached = [e for e in before if before[e]["next_tier_name"] == "Gold" and exp[e]["tier_name"] == "Gold"]
    assert reached, "nobody reached Gold in two months"
    for email in [*reached[:3], *known(exp, set(exp)).values()]:
        klaviyo_holds(sandbox, email, exp[email])  # the top tier's next tier and points: unset


@pytest.fixture
def splio(program: DemoProgram) -> Iterator[SplioSandbox]:
    with SplioSandbox(contacts_rps=400, other_rps=200) as sb:
        sb.seed_demo(program.read(None, history=False).members, present=1.0, unknown=0.0)
        yield sb
        assert not sb.internal_errors, sb.internal_errors
        if splio_spec.spec_available():
            counts = splio_spec.check_exchanges(sb)
            assert counts["no-schema"] == 0, counts


def test_splio_contacts_hold_the_derived_fields(store: Store, program: DemoProgram, splio: SplioSandbox) -> None:
    s1, _ = splio_spec.run_sync(store, program, splio, SPLIO_LOYOLY, create_fields=True)
    assert s1.status is RunStatus.COMPLETED, s1.error
    fields = {n: t for _, n, t in splio.fields()}
    assert fields[S["points_to_next_tier"]] == "int" and fields[S["next_tier_name"]] == "text"
    exp = expected(program)
    for email in known(exp, set(exp)).values():
        splio_holds(splio, email, exp[email])

    before = exp
    program.tick(60)
    s2, _ = splio_spec.run_sync(store, program, splio, SPLIO_LOYOLY)
    assert s2.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS), s2.error  # new members: absent
    exp = expected(program)
    reached = [e for e in before if before[e]["next_tier_name"] == "Gold" and exp[e]["tier_name"] == "Gold"]
    assert reached
    for email in [*reached[:3], *known(exp, set(before)).values()]:
        splio_holds(splio, email, exp[email])  # "" for the top tier: the field is cleared

