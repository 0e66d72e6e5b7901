"""Recipes and kit flows that can work (issue 16.6): a recommended recipe showing a field the mapping
does not send, or triggered by a moment the source never produces, says what to turn on; the kit
skips its flows on moments the source never produces, saying why."""

from __future__ import annotations

from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE, PRESETS
from loyalty_desktop.destinations.klaviyo.kit import ItemKind, plan_kit
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.flows import recommended_flows, source_kind, source_metrics

EXPIRING = {"points_expiring_30", "points_expiring_7"}
REFERRALS = {"referral_invitation", "friend_reward", "referral_completed"}


def test_every_recipe_fits_the_loyalty_preset_and_the_demo() -> None:
    flows = recommended_flows("klaviyo", KLAVIYO_LOYALTY, source="demo:500:42")
    assert flows and all(f.usable and f.note == "" for f in flows)


def test_smile_never_produces_referrals_nor_expiring_points() -> None:
    flows = {f.id: f for f in recommended_flows("klaviyo", KLAVIYO_SMILE, source="smile:acct")}
    unusable = {k for k, f in flows.items() if not f.usable}
    assert unusable == REFERRALS | EXPIRING
    for k in unusable:
        assert flows[k].source_lacks and "(smile) never sends" in flows[k].note
        assert flows[k].trigger.startswith(flows[k].note)  # the wizard shows it first
    order = [f.usable for f in flows.values()]
    assert order == sorted(order, reverse=True)  # the usable recipes first
    assert source_kind("smile-sandbox:demo:1:2") == "smile" and source_metrics("csv:file") == source_metrics("")


def test_splio_preset_names_the_fields_to_turn_on() -> None:
    flows = {f.id: f for f in recommended_flows("splio", PRESETS["splio-loyoly"], source="demo:500:42")}
    assert {k for k, f in flows.items() if not f.usable} == EXPIRING
    for k in EXPIRING:
        assert "points_expiring" in flows[k].missing_fields
        assert "Turn on" in flows[k].note and "“Points expiring”" in flows[k].note
    assert "Points Expiring" not in "".join(f.note for f in flows.values())  # the demo produces every moment


def test_the_recipe_notes_are_translated_through_tr() -> None:
    seen: list[str] = []

    def tr(s: str) -> str:
        seen.append(s)
        return s

    recommended_flows("klaviyo", KLAVIYO_SMILE, "fr", tr=tr, source="smile:acct")
    assert any("never sends" in s for s in seen)


def test_the_kit_skips_flows_on_moments_smile_never_produces(store: Store) -> None:
    store.start_run("klaviyo:acct@host", "smile-sandbox:demo:300:42")
    flows = {i.key: i for i in plan_kit(store, KLAVIYO_SMILE, "en") if i.kind is ItemKind.FLOW}
    skipped = {k for k, i in flows.items() if i.skip_reason}
    assert skipped == {k for k, i in flows.items() if i.metrics[0] in
                       ("Referral Started", "Referral Completed", "Points Expiring")}
    assert skipped and len(skipped) < len(flows)
    for k in skipped:
        code, args = flows[k].skip_code
        assert code == "source_lacks" and dict(args)["source"] == "smile"
    with_demo = plan_kit(store, KLAVIYO_LOYALTY, "en")
    store.start_run("klaviyo:acct@host", "demo:300:42")
    assert not [i for i in plan_kit(store, KLAVIYO_LOYALTY, "en") if i.kind is ItemKind.FLOW and i.skip_reason]
    assert with_demo


def test_the_cli_words_every_kit_status() -> None:
    from loyalty_desktop.cli import kit as cli_kit
    from loyalty_desktop.destinations.klaviyo.kit import ItemStatus

    assert {s.value for s in ItemStatus} <= set(cli_kit._status_words(dry_run=False))
    for s in ItemStatus:
        assert cli_kit._counted(s.value, 2).startswith("2 ")
