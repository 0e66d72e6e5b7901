"""A kit email template filled with sample member values (resources/kit/samples.json), as Qt's
rich text shows it: for the kit page and `render_preview_png` (works offscreen).

Qt's rich text is a subset of HTML/CSS: it ignores the preheader's `display:none`, media queries
and rounded corners. The preheader is cut out (an inbox shows it beside the subject, not in the
body); the layout relies on table attributes (width, bgcolor, align) that Qt and mail clients
both honour.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping as TMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QTextDocument

from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.paths import resources_dir
from loyalty_desktop.destinations.klaviyo.kit.templates import TemplateSpec
from loyalty_desktop.service_kit import load_templates, profile_variable, sample_render

_PREHEADER = re.compile(r"<!--preheader-->.*?<!--/preheader-->", re.DOTALL)
_BACKGROUND = "#f5f1eb"  # layout.html's page colour, for the area below the document
_app: QGuiApplication | None = None  # kept alive when this module had to create one (CLI use)


@lru_cache(maxsize=1)
def _samples() -> dict[str, Any]:
    return json.loads((resources_dir() / "kit" / "samples.json").read_text(encoding="utf-8"))


def _flatten(d: TMapping[str, Any], prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        out.update(_flatten(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}": v})
    return out


def sample_event(spec: TemplateSpec, language: str) -> dict[str, Any]:
    """The sample trigger event's properties, shaped as events.py builds them."""
    s = _samples()
    return dict(s["template_events"].get(spec.id) or s["events"][language][spec.metric])


def sample_values(spec: TemplateSpec, language: str, mapping: Mapping) -> dict[str, Any]:
    """Sample organization, member and event values for `sample_render`, keyed by the variables
    as this mapping writes them (`person|lookup:'<mapped name>'`, `event.points_change`…)."""
    s = _samples()
    values = _flatten(s["organization"], "organization.")
    for key, v in s["members"][language].items():
        if (expr := profile_variable(key, mapping)) is not None:
            values[expr] = v
    values.update(_flatten(sample_event(spec, language), "event."))
    return values


def _spec(template_id: str) -> TemplateSpec:
    for spec in load_templates():
        if spec.id == template_id:
            return spec
    raise ValueError(f"no kit template {template_id!r}")


def preview_html(template_id: str, language: str, mapping: Mapping) -> str:
    """The template's HTML with sample values in place of Klaviyo's variables, preheader removed."""
    spec = _spec(template_id)
    body = sample_render(spec.render(language, mapping).html, sample_values(spec, language, mapping), strict=True)
    return _PREHEADER.sub("", body)


def preview_document(template_id: str, language: str, mapping: Mapping, width: int = 600) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(preview_html(template_id, language, mapping))
    doc.setTextWidth(width)
    return doc


def render_preview_png(template_id: str, language: str, mapping: Mapping, path: str | Path,
                       width: int = 600) -> Path:
    """Write the sample preview of one template in one language to `path` (PNG, `width` px wide)."""
    global _app  # noqa: PLW0603 - the app must outlive this call (Qt needs one per process)
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([])
    doc = preview_document(template_id, language, mapping, width)
    image = QImage(width, math.ceil(doc.size().height()), QImage.Format.Format_RGB32)
    image.fill(QColor(_BACKGROUND))
    painter = QPainter(image)
    try:
        doc.drawContents(painter)
    finally:
        painter.end()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes str
        raise OSError(f"could not write {out}")
    return out
