"""Refresh the translations: extract strings (pyside6-lupdate), merge contributed translations,
compile (pyside6-lrelease).

    .venv/bin/python resources/i18n/update.py

`loyalty_desktop_fr.ts` is the Qt Linguist source of truth (open it in pyside6-linguist). Files
`fr_*.json` ({"context": {"English source": "French"}}) are a convenient way to add translations
in bulk; they fill entries the .ts does not translate yet. The compiled `.qm` ships in resources/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
LANGS = ["fr"]


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "loyalty_desktop").rglob("*.py")
                  if p.name != "i18n.py")


# French typography, applied to every translation (contributors may type plain spaces): a no-break
# space before : ; ! ? (one is added where there was none); on screen (a GUI context), "e-mail" with a
# non-breaking hyphen so that a wrapped label never shows "e-" and "mail" on two lines (the core's
# sentences, context "", also go to CSV files and terminals: a plain hyphen there).
_FR_SPACE = re.compile(r"(?<=\S)[ \u202f]([:;!?])(?=\s|$|[»).,\"”'])")
_FR_GLUED = re.compile(r"(?<=[\w»)\]}%…])([:;!?])(?=\s|$)")
_FR_EMAIL = re.compile(r"\b([eE])-(&?)(mails?)\b")


def typography(text: str, lang: str, context: str = "") -> str:
    if lang != "fr" or not text:
        return text
    text = _FR_GLUED.sub("\u00a0\\1", _FR_SPACE.sub("\u00a0\\1", text))
    return _FR_EMAIL.sub("\\1\u2011\\2\\3", text) if context else text


def merge(ts: Path, lang: str) -> tuple[int, list[str]]:
    contributed: dict[str, dict[str, str]] = {}
    for f in sorted(HERE.glob(f"{lang}_*.json")):
        for ctx, items in json.loads(f.read_text(encoding="utf-8")).items():
            contributed.setdefault(ctx, {}).update(items)
    tree = ET.parse(ts)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            assert tr is not None
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            text = contributed.get(name, {}).get(src)
            if msg.get("numerus") == "yes":
                forms = tr.findall("numerusform")
                if text is not None:
                    for form in forms:
                        form.text = text
                    tr.attrib.pop("type", None)
                    filled += 1
                elif not any(f.text for f in forms):
                    missing.append(f"{name}: {src}")
                for form in forms:
                    form.text = typography(form.text or "", lang, name) or None
                continue
            if text is not None:
                tr.text = text
                tr.attrib.pop("type", None)
                filled += 1
            elif not tr.text:
                missing.append(f"{name}: {src}")
            if tr.text:
                tr.text = typography(tr.text, lang, name)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled, missing


def build(lang: str, ts: Path, qm: Path, quiet: bool = False) -> tuple[int, list[str]]:
    """Extract into `ts` (updated in place), merge the fr_*.json translations, compile `qm`; returns
    (filled from json, untranslated). tests/unit/test_translations_complete.py builds into a copy."""
    out = subprocess.DEVNULL if quiet else None
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts)], cwd=ROOT, check=True,
                   stdout=out)
    filled, missing = merge(ts, lang)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, stdout=out)
    return filled, missing


def main() -> int:
    status = 0
    for lang in LANGS:
        filled, missing = build(lang, HERE / f"loyalty_desktop_{lang}.ts", HERE / f"loyalty_desktop_{lang}.qm")
        print(f"{lang}: {filled} filled from json, {len(missing)} untranslated")
        for m in missing:
            print("  missing:", m)
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
