"""The kit's loyalty email templates (resources/kit/, loyalty_desktop/kit/templates.py): every
template renders in French and English for the real presets, the HTML is well formed and carries
Klaviyo's unsubscribe tag, profile data goes through the mapped property names, and every event
variable is one the sync really sends: the reference is the events a demo sync delivered to the
Klaviyo sandbox, not a list kept by hand. Previews paint offscreen."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from helpers.sync_helpers import new_program, run_sync
from loyalty_desktop.core import paths
from loyalty_desktop.core.events import POINTS_EXPIRY_WARNINGS, Metric
from loyalty_desktop.core.fields import (
    KLAVIYO_ATTRIBUTES,
    KLAVIYO_LOYALTY,
    KLAVIYO_SMILE,
    Mapping,
)
from loyalty_desktop.destinations.klaviyo.kit.model import NAME_PREFIX
from loyalty_desktop.destinations.klaviyo.kit.templates import (
    RenderedTemplate,
    TemplateSpec,
    load_templates,
    parse_variable,
    sample_render,
    variables_in,
)
from loyalty_desktop.store.store import Store
from loyalty_desktop.ui.kit_preview import (
    preview_html,
    render_preview_png,
    sample_event,
    sample_values,
)
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

SPECS = load_templates()
PRESETS = (KLAVIYO_LOYALTY, KLAVIYO_SMILE)
ORGANIZATION = {"organization.name", "organization.url", "organization.full_address"}
FILTERS = {"lookup", "default", "format_date_string", "date"}
TAGS = {"if", "else", "endif", "unsubscribe", "unsubscribe_link"}
VOID = {"meta", "br", "img", "hr", "link", "input", "col", "area", "base", "wbr", "source"}


def by_id(template_id: str) -> TemplateSpec:
    return next(s for s in SPECS if s.id == template_id)


def flatten(d: dict[str, Any], prefix: str = "event.") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        out.update(flatten(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}": v})
    return out


@pytest.fixture(scope="module")
def sent_events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Event properties (flattened to `event.a.b`) a demo sync really delivered to the sandbox,
    by metric: a first sync, a month of the demo program, a second sync."""
    tmp = tmp_path_factory.mktemp("kit-events")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(paths.ENV_DATA_DIR, str(tmp / "data"))
        program, store = new_program(tmp / "program.sqlite3", 600), Store(tmp / "store.sqlite3")
        sb = KlaviyoSandbox(job_seconds=0.05)
        sb.start()
        try:
            run_sync(store, program, sb, KLAVIYO_LOYALTY)
            program.tick(30)
            run_sync(store, program, sb, KLAVIYO_LOYALTY, confirmed=True)  # a month: beyond the threshold
            events = sb.events()
        finally:
            sb.stop()
            store.close()
            program.close()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        out[e.metric_name].append(flatten(e.properties))
    return dict(out)


def renders() -> Iterator[tuple[TemplateSpec, str, Mapping, RenderedTemplate]]:
    for spec in SPECS:
        for lang in spec.languages:
            for mapping in PRESETS:
                yield spec, lang, mapping, spec.render(lang, mapping)


class Checker(HTMLParser):
    """Strict enough for email HTML: every non-void element closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.seen: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    return c


def profile_whitelist(mapping: Mapping) -> set[str]:
    allowed = {"person.first_name", "person.last_name", "person.email"}
    for f in mapping.enabled:
        allowed.add(f"person.{f.target}" if f.target in KLAVIYO_ATTRIBUTES else f"person|lookup:'{f.target}'")
    return allowed


_TOKEN = re.compile(r"\{%\s*(if|else|endif)\b\s*(.*?)\s*%\}|\{\{\s*(.*?)\s*\}\}", re.DOTALL)


def event_uses(text: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """(variable, the conditions of the {% if %} branches it sits in, its filters) for each
    event variable printed in `text`."""
    stack: list[list[Any]] = []
    for m in _TOKEN.finditer(text):
        kind, cond, var = m.groups()
        if kind == "if":
            stack.append([parse_variable(cond)[0], False])
        elif kind == "else":
            stack[-1][1] = True
        elif kind == "endif":
            stack.pop()
        else:
            key, filters = parse_variable(var)
            if key.startswith("event."):
                yield key, [c for c, in_else in stack if not in_else], [n for n, _ in filters]
    assert not stack


# ----------------------------------------------------------------------------------------- renders

def test_templates_cover_every_metric_the_sync_sends() -> None:
    ids = [s.id for s in SPECS]
    assert {"points_earned", "reward_redeemed", "reward_reminder", "points_expiring_30", "points_expiring_7",
            "referral_invitation", "referral_completed", "friend_reward", "tier_achieved", "birthday"} <= set(ids)
    assert len(ids) == len(set(ids))
    assert {s.metric for s in SPECS} == {m.value for m in Metric}  # one flow per metric is possible
    assert sorted(s.days_before or 0 for s in SPECS if s.metric == Metric.POINTS_EXPIRING.value) == sorted(
        POINTS_EXPIRY_WARNINGS)
    assert (by_id("reward_reminder").delay_days, by_id("friend_reward").delay_days) == (7, 5)
    assert {s.audience for s in SPECS if s.metric == Metric.REFERRAL_STARTED.value} == {"friend"}
    # The contract the kit client codes against.
    assert [f.name for f in dataclasses.fields(RenderedTemplate)] == [
        "name", "subject", "preheader", "html", "text", "missing_fields"]
    assert {"id", "metric", "delay_days", "languages"} <= {f.name for f in dataclasses.fields(TemplateSpec)}
    with pytest.raises(dataclasses.FrozenInstanceError):
        SPECS[0].render("en", KLAVIYO_LOYALTY).subject = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        SPECS[0].render("de", KLAVIYO_LOYALTY)


def test_every_template_and_language_renders_clean_email_html() -> None:
    names = set()
    for spec, lang, mapping, r in renders():
        where = (spec.id, lang, mapping.preset)
        assert r.name.startswith(NAME_PREFIX) and r.name.endswith(f"({lang.upper()})"), where
        names.add((mapping.preset, r.name))
        assert r.subject and r.preheader and r.text.strip(), where
        doc = parse(r.html)
        assert {"html", "head", "body", "table", "h1", "a", "style", "title"} <= doc.seen, where
        assert r.html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}"' in r.html
        assert "max-width:600px" in r.html and "@media only screen and (max-width: 620px)" in r.html
        assert re.search(r"\{% unsubscribe '[^']+' %\}", r.html) and "{% unsubscribe_link %}" in r.text, where
        assert 'href="{{ organization.url }}"' in r.html or "Referral URL" in r.html, where
        for part in (r.subject, r.preheader, r.html, r.text):
            assert "[[" not in part and "]]" not in part and "**" not in part, where
            assert len(re.findall(r"\{%\s*if\b", part)) == len(re.findall(r"\{%\s*endif\s*%\}", part)), where
            assert "\n" not in r.subject
        # The preheader is in the HTML (hidden), and the text part carries the same message.
        assert r.html.count("<!--preheader-->") == 1
    assert len(names) == len(SPECS) * 2 * len(PRESETS)  # names identify templates in Klaviyo


def test_only_variables_the_sync_and_the_mapping_provide(sent_events: dict[str, list[dict[str, Any]]]) -> None:
    assert {s.metric for s in SPECS} <= set(sent_events), set(sent_events)
    for spec, lang, mapping, r in renders():
        events = sent_events[spec.metric]
        paths_sent = set().union(*events)
        always = set.intersection(*(set(e) for e in events))
        allowed = ORGANIZATION | profile_whitelist(mapping) | paths_sent
        for part in (r.subject, r.preheader, r.html, r.text):
            used = set(variables_in(part))
            assert used <= allowed, (spec.id, lang, mapping.preset, used - allowed)
            tags = set(re.findall(r"\{%\s*(\w+)", part))
            assert tags <= TAGS, tags - TAGS
            filters = set(re.findall(r"\|(\w+)", " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", part))))
            assert filters <= FILTERS, filters - FILTERS
            # A property some events lack is printed only under an {% if %} on a property that
            # implies it, or with a default: never an empty hole in the sentence.
            for var, guards, filt in event_uses(part):
                if var in always or "default" in filt:
                    continue
                ok = any(any(g in e for e in events) and all(var in e for e in events if g in e) for g in guards)
                assert ok, (spec.id, lang, var, guards)


def test_sample_events_have_the_shape_of_the_real_ones(sent_events: dict[str, list[dict[str, Any]]]) -> None:
    for spec in SPECS:
        for lang in spec.languages:
            events = sent_events[spec.metric]
            sample = set(flatten(sample_event(spec, lang)))
            assert sample <= set().union(*events), (spec.id, sample - set().union(*events))
            assert set.intersection(*(set(e) for e in events)) <= sample, spec.id
    assert sample_event(by_id("points_expiring_7"), "en")["days_before"] == 7
    assert sample_event(by_id("points_expiring_30"), "fr")["days_before"] == 30


def test_lookups_use_the_mapped_property_names() -> None:
    loyalty = by_id("points_earned").render("en", KLAVIYO_LOYALTY)
    smile = by_id("points_earned").render("en", KLAVIYO_SMILE)
    assert "{{ person|lookup:'Loyalty Points Balance' }}" in loyalty.html
    assert "{{ person|lookup:'Smile Points Balance' }}" in smile.html and "Loyalty Points" not in smile.html
    assert "{{ person|lookup:'Smile Points Balance' }}" in smile.preheader
    # The referral link goes to the property each preset writes.
    ref = by_id("referral_completed")
    assert 'href="{{ person|lookup:\'Loyalty Referral URL\' }}"' in ref.render("fr", KLAVIYO_LOYALTY).html
    assert 'href="{{ person|lookup:\'Smile Referral URL\' }}"' in ref.render("fr", KLAVIYO_SMILE).html
    # A renamed field follows its new name; a first name mapped to a custom property too.
    renamed = KLAVIYO_LOYALTY.with_field("points_balance", target="Solde fidélité").with_field(
        "first_name", target="Prénom")
    r = by_id("points_earned").render("fr", renamed)
    assert "{{ person|lookup:'Solde fidélité' }}" in r.html and "Loyalty Points Balance" not in r.html
    assert "{% if person|lookup:'Prénom' %}Bonjour {{ person|lookup:'Prénom' }}," in r.html
    # An apostrophe in a name: double-quoted lookup in text, and the link falls back to the shop.
    odd = KLAVIYO_LOYALTY.with_field("points_balance", target="Points d'or").with_field(
        "referral_url", target="Lien d'ami")
    r = by_id("referral_completed").render("en", odd)
    assert "Lien d" not in r.html and 'href="{{ organization.url }}"' in r.html and "referral_url" in r.missing_fields
    parse(r.html)
    assert "{{ person|lookup:\"Points d'or\" }}" in by_id("points_earned").render("en", odd).html


def test_fields_the_mapping_does_not_send_degrade_gracefully() -> None:
    # Smile's preset has no referral count: the sentence is left out and the field reported.
    r = by_id("referral_completed").render("en", KLAVIYO_SMILE)
    assert "missing" not in r.text and "referrals_completed" in r.missing_fields and "referred so far" not in r.html
    assert by_id("referral_completed").render("en", KLAVIYO_LOYALTY).missing_fields == ()
    # Balance not synced: the sentence uses the event's own balance, under a guard.
    no_balance = KLAVIYO_LOYALTY.with_field("points_balance", enabled=False)
    r = by_id("points_earned").render("en", no_balance)
    assert r.missing_fields == ("points_balance",)
    assert re.search(r"\{% if event.points_balance %\}<tr>\s*<td[^>]*>Your balance is now "
                     r"<strong>\{\{ event.points_balance \}\}</strong> points.</td>\s*</tr>\{% endif %\}", r.html)
    assert "Points Balance" not in r.html + r.text + r.preheader
    # Nothing mapped at all: every template still renders, with no lookup of any property.
    empty = Mapping("custom", ())
    for spec in SPECS:
        for lang in spec.languages:
            r = spec.render(lang, empty)
            parse(r.html)
            assert "lookup" not in r.html + r.text + r.subject + r.preheader, spec.id
            assert set(variables_in(r.html)) <= ORGANIZATION | {"person.first_name"} | {
                v for v in variables_in(r.html) if v.startswith("event.")}
            if "[[points_balance]]" in json.dumps(spec.content[lang].details):
                assert "points_balance" in r.missing_fields, spec.id


def test_french_and_english_versions_differ_and_french_typography() -> None:
    for spec in SPECS:
        fr, en = spec.render("fr", KLAVIYO_LOYALTY), spec.render("en", KLAVIYO_LOYALTY)
        assert fr.name != en.name and fr.subject != en.subject and fr.preheader != en.preheader, spec.id
        assert fr.html != en.html and fr.text != en.text
        assert "Se désinscrire" in fr.html and "Unsubscribe" in en.html
        for r, french in ((fr, True), (en, False)):
            literal = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", r.text + r.subject)
            # French: a no-break space before ! ? : ; (never a plain space); English: none.
            assert not re.search(r" [!?:;]", literal) if french else "\u00a0" not in literal, (spec.id, literal)
            assert "\u00a0" not in r.html  # HTML carries it as &nbsp;, safe in any charset
    fr = by_id("points_earned").render("fr", KLAVIYO_LOYALTY)
    assert fr.subject == "Vous venez de gagner {{ event.points_change }} points\u00a0!"
    assert "Merci pour votre fidélité&nbsp;!" in fr.html


def test_sample_render_fills_every_variable() -> None:
    for spec in SPECS:
        for lang in spec.languages:
            for mapping in PRESETS:
                r = spec.render(lang, mapping)
                values = sample_values(spec, lang, mapping)
                out = sample_render(r.html, values, strict=True)
                parse(out)
                assert "{{" not in out and "{%" not in out, spec.id
                text = sample_render(r.text, values, escape=False, strict=True)
                assert "{{" not in text and "{%" not in text and "Maison Lumière" in text
    r = by_id("points_expiring_7").render("fr", KLAVIYO_LOYALTY)
    values = sample_values(by_id("points_expiring_7"), "fr", KLAVIYO_LOYALTY)
    out = sample_render(r.html, values)
    assert "Bonjour Camille," in out and "points expirent le 10/12/2026" in out and "<strong>1250</strong>" in out
    assert sample_render(r.subject, values, escape=False) == (
        "Dernière chance\u00a0: vos 150 points expirent le 10/12")
    en = by_id("points_expiring_7").render("en", KLAVIYO_LOYALTY)
    assert "December 10, 2026" in sample_render(en.html, sample_values(by_id("points_expiring_7"), "en",
                                                                       KLAVIYO_LOYALTY))
    # Branches follow the data: no previous tier, no "you move up from"; no first name, "Hello,".
    tier = by_id("tier_achieved")
    values = sample_values(tier, "en", KLAVIYO_LOYALTY)
    assert "You move up from Silver." in sample_render(tier.render("en", KLAVIYO_LOYALTY).html, values)
    values = {k: v for k, v in values.items() if not k.startswith("event.previous_vip_tier")}
    del values["person.first_name"]
    out = sample_render(tier.render("en", KLAVIYO_LOYALTY).html, values)
    assert "move up" not in out and "Hello," in out and "Hi " not in out
    # Nested branches: a redemption without an expiry date, then one without any reward attached.
    redeemed = by_id("reward_redeemed")
    html = redeemed.render("en", KLAVIYO_LOYALTY).html
    values = sample_values(redeemed, "en", KLAVIYO_LOYALTY)
    assert "It is valid until February 5, 2027." in sample_render(html, values)
    out = sample_render(html, {k: v for k, v in values.items() if "expires_at" not in k})
    assert "Enter this code at checkout.</td>" in out and "valid until" not in out and "LUMI-7K2QXA" in out
    out = sample_render(html, {k: v for k, v in values.items() if "reward_fulfillment" not in k})
    parse(out)
    assert "Enter this code" not in out and "Here is your code" not in out and "dashed" not in out
    assert out.count('<td class="ld-px" style="padding:0 40px 16px 40px;') == 4  # no empty paragraph rows
    with pytest.raises(KeyError):
        sample_render("{{ event.nope }}", {}, strict=True)
    assert sample_render("{{ event.nope|default:'x' }}", {}, strict=True) == "x"


def test_ids_agree_with_the_recommended_flows() -> None:
    data = json.loads((paths.resources_dir() / "flows" / "recommended.json").read_text(encoding="utf-8"))
    kit = {s.id: s for s in SPECS}
    for flow in data["flows"]:
        spec = kit.get(flow["id"])
        assert spec is not None, f"recommended flow {flow['id']} has no kit template"
        assert spec.metric == flow["klaviyo_metric"] and spec.delay_days == flow.get("delay_days", 0), spec.id
        m = re.fullmatch(r"days_before = (\d+)", flow.get("klaviyo_filter", ""))
        assert spec.days_before == (int(m.group(1)) if m else None), spec.id


# ----------------------------------------------------------------------------------------- previews

def test_preview_png_is_painted(qapp: Any, tmp_path: Path) -> None:  # qapp: pytest-qt's QApplication
    from PySide6.QtGui import QImage

    html = preview_html("points_earned", "fr", KLAVIYO_LOYALTY)
    assert "Vous avez maintenant 1250 points" not in html  # the hidden preheader is cut out
    assert "+120" in html and "Camille" in html
    for template_id, lang in (("points_earned", "fr"), ("points_expiring_7", "en")):
        path = render_preview_png(template_id, lang, KLAVIYO_SMILE, tmp_path / f"{template_id}-{lang}.png")
        img = QImage(str(path))
        assert not img.isNull() and img.width() == 600 and img.height() > 500, (img.width(), img.height())
        colours: set[int] = set()
        dark = white = 0
        for y in range(0, img.height(), 3):
            for x in range(0, img.width(), 3):
                c = img.pixelColor(x, y)
                colours.add(img.pixel(x, y))
                dark += c.lightness() < 100
                white += c.lightness() == 255
        samples = (img.height() // 3 + 1) * (img.width() // 3 + 1)
        assert len(colours) > 20 and dark > samples * 0.01 and white > samples * 0.3, (len(colours), dark, white)
