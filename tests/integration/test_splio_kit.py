"""The Splio kit over HTTP (issue 17.2): one call creates the moment fields and the static groups;
the groups hold exactly the members the Segments tab counts, and every sync refreshes them (a month
later too); the guide names, for each moment, the field its trigger campaign watches."""

from __future__ import annotations

from pathlib import Path

from helpers import splio_spec
from helpers.splio_spec import START, destination, run_sync
from loyalty_desktop import service_splio
from loyalty_desktop.core.fields import SPLIO_LOYOLY
from loyalty_desktop.destinations.splio.kit.groups import group_name, kit_segments
from loyalty_desktop.destinations.splio.moments import MOMENT_FIELDS, MOMENTS
from loyalty_desktop.service import Connection
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_desktop.sync.segments import Group, segment_report
from loyalty_emulators.splio.server import SplioSandbox

MAPPING = SPLIO_LOYOLY


def assert_groups_equal_segments(sb: SplioSandbox, store: Store) -> int:
    report = segment_report(store)
    counts = report.by_key()
    groups = sb.groups()
    segs = kit_segments(store)
    assert {s.group for s in segs} == {Group.TIERS, Group.REWARD_READY, Group.EXPIRING, Group.INACTIVE}
    for s in segs:
        members = groups[group_name(s)]
        assert len(members) == counts[s.key].members, s.key  # the Segments tab's figure
        for email in members:  # and the right people (spot-check against the snapshot)
            m = store.member(email)
            assert m is not None and m["membership_state"] == "member"
            if s.group is Group.TIERS:
                assert m["tier_name"] == s.args["tier"]
    return len(segs)


def test_kit_makes_fields_and_groups_equal_to_the_segments_tab(tmp_path: Path) -> None:
    with DemoProgram.create(tmp_path / "p.sqlite3", members=600, seed=21, start=START) as program, \
            SplioSandbox(contacts_rps=400, other_rps=200) as sb, Store(tmp_path / "s.sqlite3") as store:
        sb.seed_demo(program.read(None, history=False).members)
        s1, _ = run_sync(store, program, sb, MAPPING, create_fields=True, create_missing=True)
        assert s1.status is RunStatus.COMPLETED, s1.error
        assert all(sb.field_id(f.name) is not None for f in MOMENT_FIELDS)  # the sync made them (asked to)
        with destination(sb) as dest:
            report = service_splio.run_splio_kit(Connection(dest, dest.verify(), None, []), store)
        assert report.fields_created == [] and report.fields_existing == len(MOMENT_FIELDS)
        assert report.groups.results and all(r.created and r.not_found == 0 for r in report.groups.results)
        n = assert_groups_equal_segments(sb, store)
        assert n >= 6  # a few tiers, reward-ready, expiring, inactive

        # A month later, the sync refreshes them (and says so) with the differences only: a group
        # is never emptied on the way.
        program.tick(30)
        sb.clear_requests()
        s2, _ = run_sync(store, program, sb, MAPPING, create_missing=True)
        assert s2.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS), s2.error
        assert any(n.startswith("Splio groups refreshed") for n in s2.notes), s2.notes
        assert_groups_equal_segments(sb, store)
        assert len(sb.groups()) == n  # refreshed, none made twice
        assert sb.count("group_clear") == 0 and sb.count("group_add") > 0 and sb.count("group_remove") > 0

        # Someone empties a group in Splio: the count disagrees with the record, it is refilled.
        gold = next(s for s in kit_segments(store) if s.group is Group.REWARD_READY)
        gid = next(r.group_id for r in report.groups.results if r.key == gold.key)
        with destination(sb) as dest:
            dest.call("other", "POST", f"/target/groups/{gid}/clear")
        program.tick(1)
        sb.clear_requests()
        s3, _ = run_sync(store, program, sb, MAPPING, create_missing=True)
        assert s3.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS), s3.error
        assert_groups_equal_segments(sb, store)
        assert sb.count("group_clear") >= 1
        counts = splio_spec.check_exchanges(sb)
        assert counts["schema"] > 0 and counts["no-schema"] == 0, counts
        assert not sb.internal_errors


def test_kit_creates_the_moment_fields_on_a_bare_universe(tmp_path: Path) -> None:
    with DemoProgram.create(tmp_path / "p.sqlite3", members=100, seed=3, start=START) as program, \
            SplioSandbox() as sb, Store(tmp_path / "s.sqlite3") as store:
        sb.seed_demo(program.read(None, history=False).members)
        with destination(sb) as dest:
            report = service_splio.run_splio_kit(Connection(dest, dest.verify(), None, []), store)
        assert sorted(report.fields_created) == sorted(f.name for f in MOMENT_FIELDS)
        assert {name: t for _, name, t in sb.fields() if name.startswith("loyalty_")} == {
            f.name: f.type for f in MOMENT_FIELDS}
        assert splio_spec.check_exchanges(sb)["no-schema"] == 0


def test_the_guide_names_each_moment_field_in_both_languages() -> None:
    guides = service_splio.splio_guide()
    assert [g.moment for g in guides] == list(MOMENTS)
    for lang in ("en", "fr"):
        text = service_splio.splio_guide_text(lang)
        for g in guides:
            assert g.watch in text and g.title.get(lang) in text
            # The example body reads the moment's values as $field$ (the 7-day notice needs no "J-7").
            unread = [name for name in g.moment.values if f"${name}$" not in g.body.get(lang)]
            assert unread in ([], ["loyalty_expiry_notice"]), (g.moment.key, unread)
    assert "Champ à surveiller\u00a0:" in service_splio.splio_guide_text("fr")


def test_groups_are_named_in_the_kit_language_and_found_again_after_a_switch(tmp_path: Path) -> None:
    """A French merchant gets French group names; switching the app's language later finds the
    groups again by their other-language name (no twins), and every sync refreshes them."""
    with DemoProgram.create(tmp_path / "p.sqlite3", members=300, seed=8, start=START) as program, \
            SplioSandbox(contacts_rps=400, other_rps=200) as sb, Store(tmp_path / "s.sqlite3") as store:
        sb.seed_demo(program.read(None, history=False).members)
        s1, _ = run_sync(store, program, sb, MAPPING, create_fields=True, create_missing=True)
        assert s1.status is RunStatus.COMPLETED, s1.error
        segs = kit_segments(store)
        with destination(sb) as dest:
            fr = service_splio.run_splio_kit(Connection(dest, dest.verify(), None, []), store, "fr")
        names = {s.key: group_name(s, "fr") for s in segs}
        assert all(r.created for r in fr.groups.results)
        assert set(sb.groups()) == set(names.values())
        assert all(n.startswith("Fidélité\u00a0: ") for n in names.values())
        assert any(n.startswith("Fidélité\u00a0: palier ") for n in names.values())
        tiers = next(s for s in segs if s.group is Group.TIERS)
        assert names[tiers.key] == f"Fidélité\u00a0: palier {tiers.args['tier']}"
        for s in segs:  # the same members as in English
            assert len(sb.groups()[names[s.key]]) == fr.groups.results[segs.index(s)].in_group

        # The app now speaks English: the kit finds the French groups and makes no English twins.
        with destination(sb) as dest:
            en = service_splio.run_splio_kit(Connection(dest, dest.verify(), None, []), store, "en")
        assert set(sb.groups()) == set(names.values())
        assert not any(r.created for r in en.groups.results)
        assert [r.name for r in en.groups.results] == [names[s.key] for s in segs]

        # A sync refreshes the French-named groups (found whatever the language).
        program.tick(30)
        s2, _ = run_sync(store, program, sb, MAPPING, create_missing=True)
        assert any(n.startswith("Splio groups refreshed: Fidélité") for n in s2.notes), s2.notes
        assert set(sb.groups()) == set(names.values())
        report = segment_report(store).by_key()
        for s in kit_segments(store):
            assert len(sb.groups()[names[s.key]]) == report[s.key].members, s.key


def test_english_groups_are_kept_when_the_kit_runs_in_french(tmp_path: Path) -> None:
    with DemoProgram.create(tmp_path / "p.sqlite3", members=200, seed=9, start=START) as program, \
            SplioSandbox(contacts_rps=400, other_rps=200) as sb, Store(tmp_path / "s.sqlite3") as store:
        sb.seed_demo(program.read(None, history=False).members)
        run_sync(store, program, sb, MAPPING, create_fields=True, create_missing=True)
        with destination(sb) as dest:
            service_splio.run_splio_kit(Connection(dest, dest.verify(), None, []), store, "en")
            before = dict(sb.groups())
            again = service_splio.run_splio_kit(Connection(dest, dest.verify(), None, []), store, "fr")
        assert set(sb.groups()) == set(before) == {group_name(s) for s in kit_segments(store)}
        assert not any(r.created for r in again.groups.results)
