"""The kit's loyalty email templates (FR/EN), rendered as Klaviyo CODE templates for the user's
field mapping. No Qt; reads only resources/kit/.

Content is data (templates.json: one entry per template, one block per language); the responsive
layout is layout.html + blocks.html (table-based, inline CSS) and layout.txt for the text part.
In the content, `[[catalog_key]]` is a profile field: it becomes `{{ person|lookup:'<property>' }}`
with the property name the mapping sends it to. A text given as a list holds alternatives: the
first whose fields the mapping sends is used, so a sentence about a field that is not synced is
reworded or left out ("") rather than rendered as a lookup of a property nobody writes;
`missing_fields` names those fields. `{{ event.* }}` are the trigger event's properties (events.py).

`sample_render` evaluates the Klaviyo syntax the templates use (variables with lookup / default /
format_date_string / date, `{% if %}`, unsubscribe links) with sample values, for previews.
"""

from __future__ import annotations

import html as _html
import json
import re
from collections.abc import Mapping as TMapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

from loyalty_desktop.core.events import POINTS_EXPIRY_WARNINGS, Metric
from loyalty_desktop.core.fields import CATALOG_BY_KEY, KLAVIYO_ATTRIBUTES, Mapping
from loyalty_desktop.core.paths import resources_dir
from loyalty_desktop.destinations.klaviyo.kit.model import NAME_PREFIX

LANGUAGES = ("fr", "en")
AUDIENCES = ("member", "friend")  # "friend": the invited friend, not a member (no greeting by name)
# Klaviyo holds these on every profile (the shop fills them), whether the mapping sends them or not.
ALWAYS_ON_PROFILE = ("first_name", "last_name", "email")

Alternatives = tuple[str, ...]
_FIELD = re.compile(r"\[\[(\w+)\]\]")
_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.DOTALL)
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_FR_SPACE = re.compile(r" ([!?:;»])|(«) ")  # French: no-break space before ! ? : ; » and after «
_WHOLE_IF = re.compile(r"\{% if ([^%]+?) %\}((?:(?!\{%).)*)\{% endif %\}", re.DOTALL)
_UNSAFE_NAME = re.compile(r"[{}%<>&\\]|^\s|\s$")  # property names a lookup cannot carry safely


def _dir() -> Path:
    return resources_dir() / "kit"


@dataclass(frozen=True, slots=True)
class Cta:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Highlight:
    style: str  # a block of blocks.html: "badge" (a big number or word) or "code" (a reward code)
    value: str
    condition: str = ""  # Klaviyo variable: the block shows only when the event carries it


@dataclass(frozen=True, slots=True)
class Content:
    name: str
    subject: Alternatives
    preheader: Alternatives
    heading: Alternatives
    intro: tuple[Alternatives, ...]
    highlight_label: Alternatives
    details: tuple[Alternatives, ...]
    cta: tuple[Cta, ...]  # alternatives too


@dataclass(frozen=True, slots=True)
class RenderedTemplate:
    name: str  # the template's name in Klaviyo, e.g. "Loyalty · Points earned (EN)"
    subject: str
    preheader: str
    html: str
    text: str
    missing_fields: tuple[str, ...]  # catalog fields the mapping does not send (their sentences left out)


@dataclass(frozen=True)
class TemplateSpec:
    id: str
    metric: str  # events.Metric value that triggers the flow sending it
    delay_days: int  # after the trigger
    languages: tuple[str, ...]
    days_before: int | None = None  # Points Expiring: the warning it answers (30 or 7)
    audience: str = "member"
    highlight: Highlight | None = None
    content: TMapping[str, Content] = field(default_factory=dict, repr=False, compare=False)

    def render(self, language: str, mapping: Mapping) -> RenderedTemplate:
        if language not in self.content:
            raise ValueError(f"template {self.id!r} has no {language!r} version")
        return _Renderer(self, language, mapping).render()


# -- profile variables ---------------------------------------------------------------------------

def profile_variable(key: str, mapping: Mapping) -> str | None:
    """The Klaviyo variable holding catalog field `key` for this mapping, or None if not synced."""
    target = next((f.target for f in mapping.enabled if f.source == key), None)
    if target is not None and target in KLAVIYO_ATTRIBUTES:
        return f"person.{target}"
    if target is not None and not _UNSAFE_NAME.search(target) and not ("'" in target and '"' in target):
        return f"person|lookup:'{target}'" if "'" not in target else f'person|lookup:"{target}"'
    return f"person.{key}" if key in ALWAYS_ON_PROFILE else None


def _resolve(text: str, mapping: Mapping, attribute: bool = False) -> str | list[str]:
    """`text` with its [[fields]] as Klaviyo variables, or the fields the mapping cannot provide."""
    missing: list[str] = []

    def sub(m: re.Match[str]) -> str:
        expr = profile_variable(m.group(1), mapping)
        if expr is None or (attribute and '"' in expr):
            missing.append(m.group(1))
            return ""
        return "{{ " + expr + " }}"

    out = _FIELD.sub(sub, text)
    return missing or out


class _Renderer:
    def __init__(self, spec: TemplateSpec, language: str, mapping: Mapping) -> None:
        self.spec, self.lang, self.mapping = spec, language, mapping
        self.c = spec.content[language]
        self.common = _assets().common[language]
        self.missing: list[str] = []

    def pick(self, alts: Alternatives, attribute: bool = False) -> str | None:
        for alt in alts:
            out = _resolve(alt, self.mapping, attribute)
            if isinstance(out, str):
                return out
            self.missing += [k for k in out if k not in self.missing]
        return None

    def typo(self, s: str) -> str:
        if self.lang != "fr":
            return s
        return _FR_SPACE.sub(lambda m: "\u00a0" + m.group(1) if m.group(1) else m.group(2) + "\u00a0", s)

    def plain(self, s: str) -> str:
        """Subject, preheader, text part: Klaviyo tags kept as written, literal text typeset."""
        return "".join(p if i % 2 else self.typo(p) for i, p in enumerate(_TAG.split(s))).replace("**", "")

    def rich(self, s: str, attribute: bool = False) -> str:
        parts = _TAG.split(s)
        out = "".join(p if i % 2 else _html.escape(self.typo(p), quote=attribute) for i, p in enumerate(parts))
        out = out.replace("\u00a0", "&nbsp;").replace("\n", "<br>")
        return out if attribute else _BOLD.sub(r"<strong>\1</strong>", out)

    def greeting(self) -> str:
        fallback = self.common["greeting_fallback"]
        name = profile_variable("first_name", self.mapping)
        if self.spec.audience == "friend" or name is None:
            return fallback
        return "{% if " + name + " %}" + self.common["greeting"].replace("[[first_name]]", "{{ " + name + " }}") \
            + "{% else %}" + fallback + "{% endif %}"

    def paragraphs(self, texts: list[str]) -> str:
        rows = []
        for t in texts:
            # A paragraph that is one {% if %} block: the condition goes around the row, so a false
            # one leaves no empty padded row behind.
            m = _WHOLE_IF.fullmatch(t)
            row = _assets().blocks["paragraph"].substitute(text=self.rich(m.group(2) if m else t))
            rows.append(f"{{% if {m.group(1)} %}}{row}{{% endif %}}" if m else row)
        return "\n".join(rows)

    def render(self) -> RenderedTemplate:
        c, a, common = self.c, _assets(), self.common
        colon = " : " if self.lang == "fr" else ": "
        subject, preheader, heading = (self.pick(x) or "" for x in (c.subject, c.preheader, c.heading))
        intro = [self.greeting(), *(t for x in c.intro if (t := self.pick(x)))]
        details = [t for x in c.details if (t := self.pick(x))]
        label, url = next(((lab, u) for o in c.cta if (lab := self.pick((o.label,))) is not None
                           and (u := self.pick((o.url,), True)) is not None), ("", ""))
        box_html = box_text = ""
        if (h := self.spec.highlight) is not None:
            box_label = self.pick(c.highlight_label) or ""
            box_html = a.blocks[h.style].substitute(value=self.rich(h.value), label=self.rich(box_label))
            box_text = f"{h.value} {box_label}" if h.style == "badge" else f"{box_label}{colon}{h.value}"
            if h.condition:
                box_html, box_text = (f"{{% if {h.condition} %}}{x}{{% endif %}}" for x in (box_html, box_text))
        footer = common["footer_friend" if self.spec.audience == "friend" else "footer_member"]
        page = a.layout_html.substitute(
            lang=self.lang, title=self.rich(subject), preheader=self.rich(preheader.replace("**", "")),
            heading=self.rich(heading), intro=self.paragraphs(intro), highlight=box_html,
            details=self.paragraphs(details), signoff=self.rich(common["signoff"]), footer=self.rich(footer),
            cta=a.blocks["button"].substitute(url=self.rich(url, True), label=self.rich(label)) if label else "",
            unsubscribe="{% unsubscribe '" + common["unsubscribe"] + "' %}")
        text = a.layout_txt.substitute(
            heading=heading, intro="\n\n".join(intro), highlight=box_text, details="\n\n".join(details),
            cta=f"{label}{colon}{url}" if label else "", signoff=common["signoff"], footer=footer,
            unsubscribe=f"{common['unsubscribe']}{colon}{{% unsubscribe_link %}}")
        return RenderedTemplate(f"{NAME_PREFIX}{c.name} ({self.lang.upper()})", self.plain(subject),
                                self.plain(preheader), page, self.plain(re.sub(r"\n{3,}", "\n\n", text).strip()) + "\n",
                                tuple(self.missing))


# -- loading -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Assets:
    layout_html: Template
    layout_txt: Template
    blocks: dict[str, Template]
    common: dict[str, dict[str, str]]


@lru_cache(maxsize=1)
def _assets() -> _Assets:
    d = _dir()
    parts = re.split(r"<!-- block:(\w+) -->\n", (d / "blocks.html").read_text(encoding="utf-8"))
    blocks = {name: Template(body.strip()) for name, body in zip(parts[1::2], parts[2::2], strict=True)}
    common = json.loads((d / "templates.json").read_text(encoding="utf-8"))["common"]
    return _Assets(Template((d / "layout.html").read_text(encoding="utf-8")),
                   Template((d / "layout.txt").read_text(encoding="utf-8")), blocks, common)


def _alts(v: Any, where: str, *, required: bool) -> Alternatives:
    alts = (v,) if isinstance(v, str) else tuple(v)
    if not alts or not all(isinstance(a, str) for a in alts):
        raise ValueError(f"{where}: expected a text or a list of texts")
    for a in alts:
        unknown = [k for k in _FIELD.findall(a) if k not in CATALOG_BY_KEY]
        if unknown:
            raise ValueError(f"{where}: unknown catalog field(s) {unknown}")
        if len(re.findall(r"\{%\s*if\b", a)) != len(re.findall(r"\{%\s*endif\s*%\}", a)):
            raise ValueError(f"{where}: unbalanced {{% if %}}")
    # The last alternative must render whatever the mapping: then no template is ever unrenderable.
    if required and any(k not in ALWAYS_ON_PROFILE for k in _FIELD.findall(alts[-1])):
        raise ValueError(f"{where}: the last alternative may only use {ALWAYS_ON_PROFILE}")
    return alts


def _content(raw: dict[str, Any], where: str) -> Content:
    ctas = tuple(Cta(o["label"], o["url"]) for o in raw["cta"])
    if not ctas or _FIELD.search(ctas[-1].url) or _FIELD.search(ctas[-1].label):
        raise ValueError(f"{where}/cta: the last choice must not depend on the mapping")
    return Content(raw["name"], _alts(raw["subject"], f"{where}/subject", required=True),
                   _alts(raw["preheader"], f"{where}/preheader", required=True),
                   _alts(raw["heading"], f"{where}/heading", required=True),
                   tuple(_alts(p, f"{where}/intro", required=False) for p in raw.get("intro", [])),
                   _alts(raw.get("highlight_label", ""), f"{where}/highlight_label", required=True),
                   tuple(_alts(p, f"{where}/details", required=False) for p in raw.get("details", [])), ctas)


@lru_cache(maxsize=1)
def _specs() -> tuple[TemplateSpec, ...]:
    data = json.loads((_dir() / "templates.json").read_text(encoding="utf-8"))
    metrics = {m.value for m in Metric}
    specs: list[TemplateSpec] = []
    for raw in data["templates"]:
        where = f"resources/kit/templates.json: {raw.get('id')}"
        if raw["metric"] not in metrics:
            raise ValueError(f"{where}: unknown metric {raw['metric']!r}")
        days = raw.get("days_before")
        if (raw["metric"] == Metric.POINTS_EXPIRING.value) != (days in POINTS_EXPIRY_WARNINGS):
            raise ValueError(f"{where}: days_before must be one of {POINTS_EXPIRY_WARNINGS} for Points Expiring only")
        if raw.get("audience", "member") not in AUDIENCES or int(raw["delay_days"]) < 0:
            raise ValueError(f"{where}: bad audience or delay")
        h = raw.get("highlight")
        highlight = Highlight(h["style"], h["value"], h.get("if", "")) if h else None
        if highlight and highlight.style not in ("badge", "code"):
            raise ValueError(f"{where}: unknown highlight style {highlight.style!r}")
        content = {lang: _content(raw[lang], f"{where}/{lang}") for lang in LANGUAGES}
        specs.append(TemplateSpec(raw["id"], raw["metric"], int(raw["delay_days"]), LANGUAGES, days,
                                  raw.get("audience", "member"), highlight, content))
    if len({s.id for s in specs}) != len(specs):
        raise ValueError("resources/kit/templates.json: duplicate template ids")
    return tuple(specs)


def load_templates() -> list[TemplateSpec]:
    """Every kit template, in the order of templates.json."""
    return list(_specs())


# -- sample rendering (previews) -----------------------------------------------------------------

_VAR = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.DOTALL)
_IF = re.compile(r"\{%\s*if\s+([^%]+?)\s*%\}((?:(?!\{%\s*if\b).)*?)(?:\{%\s*else\s*%\}((?:(?!\{%\s*if\b).)*?))?"
                 r"\{%\s*endif\s*%\}", re.DOTALL)
_LINK_TAG = re.compile(r"\{%\s*(unsubscribe|manage_preferences|web_view)(_link)?(?:\s+(['\"])(.*?)\3)?\s*%\}")
_EXPR = re.compile(r"([\w.]+)((?:\|\w+(?::(?:'[^']*'|\"[^\"]*\"|[^|\s'\"]+))?)*)$")
_FILTER = re.compile(r"\|(\w+)(?::('[^']*'|\"[^\"]*\"|[^|\s'\"]+))?")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def parse_variable(expr: str) -> tuple[str, list[tuple[str, str]]]:
    """`person|lookup:'X'|default:''` → ("person|lookup:'X'", [("default", "")]): the variable
    (base and lookups) and the other filters with unquoted arguments."""
    m = _EXPR.fullmatch(expr.strip())
    if m is None:
        raise ValueError(f"not a Klaviyo variable: {expr!r}")
    key, filters = m.group(1), list[tuple[str, str]]()
    for name, arg in _FILTER.findall(m.group(2)):
        if name == "lookup" and not filters:
            key += f"|lookup:{arg}"
        else:
            filters.append((name, arg[1:-1] if arg[:1] in "'\"" and arg else arg))
    return key, filters


def variables_in(text: str) -> list[str]:
    """The Klaviyo variables a template uses, in {{ }} and in {% if %} conditions."""
    exprs = _VAR.findall(text) + re.findall(r"\{%\s*if\s+([^%]+?)\s*%\}", text)
    return [parse_variable(e)[0] for e in exprs]


def _django_date(value: str, fmt: str) -> str:
    d = date.fromisoformat(value[:10])
    codes = {"d": f"{d.day:02d}", "j": str(d.day), "m": f"{d.month:02d}", "n": str(d.month), "Y": str(d.year),
             "y": f"{d.year % 100:02d}", "F": _MONTHS[d.month - 1], "M": _MONTHS[d.month - 1][:3]}
    return "".join(codes.get(ch, ch) for ch in fmt)


def _value(expr: str, values: TMapping[str, Any], strict: bool) -> str:
    key, filters = parse_variable(expr)
    if key not in values and strict and not any(n == "default" for n, _ in filters):
        raise KeyError(f"no sample value for {key}")
    v = "" if values.get(key) is None else str(values[key])
    for name, arg in filters:
        if name == "default" and not v:
            v = arg
        elif name == "date" and v:
            v = _django_date(v, arg)
    return v


def sample_render(html: str, values: TMapping[str, Any], *, escape: bool = True, strict: bool = False) -> str:
    """`html` with Klaviyo's tags evaluated against `values` (variable → value, variables as
    `variables_in` names them). `strict`: a variable without a value (and no default) raises."""
    out = html
    while (m := _IF.search(out)) is not None:
        branch = m.group(2) if _value(m.group(1), values, False) not in ("", "0", "False") else (m.group(3) or "")
        out = out[:m.start()] + branch + out[m.end():]

    def link(m: re.Match[str]) -> str:
        url = f"#{m.group(1)}"
        if m.group(2):
            return url
        label = m.group(4) or m.group(1).replace("_", " ").capitalize()
        return f'<a href="{url}" style="color:#6b7280;">{_html.escape(label)}</a>' if escape else label

    out = _LINK_TAG.sub(link, out)
    return _VAR.sub(lambda m: (_html.escape if escape else str)(_value(m.group(1), values, strict)), out)
