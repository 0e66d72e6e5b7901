"""The app's catalogue without Qt (the command line, and any process without a QApplication), and the
one helper that puts the core's English texts into the reader's language.

There is one catalogue: `resources/i18n/loyalty_desktop_<lang>.qm`, compiled by update.py from the
strings lupdate extracts (GUI `self.tr(…)`, and the core's `tr("…")` calls, which have an empty
context). The GUI reads it through Qt (ui/i18n.py); `Catalogue` reads the same file here.

Texts the core makes and keeps (run notes, rejected-row reasons in the store, a summary's notes)
stay English where they are made and stored; `translate_text` words them in the reader's language
when they are shown, by matching them against the marked English templates (`known_texts`).
"""

from __future__ import annotations

import functools
import locale
import os
import re
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from loyalty_desktop.core.paths import resources_dir

Tr = Callable[[str], str]
LANGUAGES = ("en", "fr")
ENV_LANG = "LOYALTY_DESKTOP_LANG"

# .qm sections and message tags (Qt's qtranslator.cpp).
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES, _END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 0x69, 1, 3, 5, 6, 7, 8


def same(text: str) -> str:
    return text


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """(context, English source) → translation, from a compiled Qt catalogue (lrelease keeps the
    source texts). Numerus entries give their first form. Raises ValueError on a damaged file."""
    try:
        return _read_qm(data)
    except (struct.error, IndexError) as exc:
        raise ValueError(f"damaged translation file ({exc})") from None


def _read_qm(data: bytes) -> dict[tuple[str, str], str]:
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a Qt translation file")
    pos, messages = len(_QM_MAGIC), b""
    while pos + 5 <= len(data):
        tag, size = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        if tag == _MESSAGES:
            messages = data[pos + 5:pos + 5 + size]
        pos += 5 + size
    out: dict[tuple[str, str], str] = {}
    fields: dict[int, bytes] = {}
    p = 0
    while p < len(messages):
        tag = messages[p]
        p += 1
        if tag == _END:
            if _SOURCE in fields and _TRANSLATION in fields:
                key = (fields.get(_CONTEXT, b"").decode("utf-8"), fields[_SOURCE].decode("utf-8"))
                out.setdefault(key, fields[_TRANSLATION].decode("utf-16-be"))
            fields = {}
        elif tag == _OBSOLETE1:
            continue
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            size = struct.unpack_from(">I", messages, p)[0]
            p += 4
            size = 0 if size == 0xFFFFFFFF else size
            if tag != _TRANSLATION or tag not in fields:  # the first numerus form
                fields[tag] = messages[p:p + size]
            p += size
        else:
            raise ValueError(f"unknown tag {tag} in the translation file")
    return out


class Catalogue:
    """One language's translations; an English (or missing) catalogue returns the source text."""

    def __init__(self, language: str, entries: Mapping[tuple[str, str], str] | None = None) -> None:
        self.language = language
        self.entries = dict(entries or {})

    def translate(self, context: str, text: str) -> str:
        return self.entries.get((context, text)) or text

    def core(self, text: str) -> str:
        """The core's sentences (`tr("…")`, empty context): the `tr` the core's functions take."""
        return self.translate("", text)


@functools.lru_cache(maxsize=4)
def catalogue(language: str) -> Catalogue:
    if language == "en" or language not in LANGUAGES:
        return Catalogue("en")
    path = resources_dir() / "i18n" / f"loyalty_desktop_{language}.qm"
    try:
        return Catalogue(language, read_qm(path.read_bytes()))
    except (OSError, ValueError):
        return Catalogue("en")  # no catalogue: English rather than no message at all


def os_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the OS locale asks for ("fr", or "en" for anything we do not ship): POSIX order
    LANGUAGE, LC_ALL, LC_MESSAGES, LANG; then the locale Python reads (Windows, macOS)."""
    env = os.environ if environ is None else environ
    names: list[str] = []
    if env.get("LANGUAGE"):
        names += env["LANGUAGE"].split(":")
    names += [env.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for name in names:
        if name and name not in ("C", "POSIX") and not name.startswith("C."):
            return _supported(name)
        if name:  # C / POSIX: English on purpose
            return "en"
    if environ is None:
        try:
            return _supported(locale.getlocale()[0] or "")
        except ValueError:
            return "en"
    return "en"


def _supported(name: str) -> str:
    lang = name[:2].lower()
    return lang if lang in LANGUAGES else "en"


def cli_language() -> str:
    """The command line's language: LOYALTY_DESKTOP_LANG when set (tests pin it), else the OS locale's."""
    return _supported(os.environ.get(ENV_LANG, "")) if os.environ.get(ENV_LANG) else os_language()


def cli_tr(language: str | None = None) -> Tr:
    """The command line's translator: the OS locale's language unless `language` is given."""
    return catalogue(language or cli_language()).core


# -- numbers and dates in the reader's format ------------------------------------------------------------

def format_int(n: int, language: str) -> str:
    """1,234 (English), 1 234 with a narrow no-break space (French, as QLocale("fr") writes it)."""
    text = f"{n:,}"
    return text.replace(",", "\u202f") if language == "fr" else text


def format_decimal(x: float, language: str, places: int = 1) -> str:
    """2.5 (English), 2,5 (French)."""
    text = f"{x:.{places}f}"
    return text.replace(".", ",") if language == "fr" else text


def format_date(d: date | datetime, language: str) -> str:
    """A calendar date (a datetime's date part): 18/10/1984 in French, 1984-10-18 otherwise."""
    day = d.date() if isinstance(d, datetime) else d
    return f"{day:%d/%m/%Y}" if language == "fr" else day.isoformat()


# -- the core's stored English texts, in the reader's language --------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")  # 1,234 as the core writes it (a year stays 1984)


@dataclass(frozen=True, slots=True)
class _Template:
    text: str  # the English template, e.g. "also on line {line}; line {line} is used"
    prefix: str  # its fixed text before the first placeholder, and after the last one
    suffix: str
    weight: int  # how much fixed text it has: the closest template wins
    pattern: re.Pattern[str]


@functools.lru_cache(maxsize=4)
def _patterns(language: str) -> dict[str, list[_Template]]:
    """Every core sentence the catalogue translates, by the first character of its fixed start ("":
    it starts with a placeholder), each list closest first."""
    out: dict[str, list[_Template]] = {}
    for context, template in catalogue(language).entries:
        if context:
            continue
        parts, fixed, last = [], [], 0
        for m in _PLACEHOLDER.finditer(template):
            fixed.append(template[last:m.start()])
            parts.append(re.escape(template[last:m.start()]))
            name = m.group(1)
            parts.append(f"(?P={name})" if f"(?P<{name}>" in "".join(parts) else f"(?P<{name}>.+?)")
            last = m.end()
        fixed.append(template[last:])
        parts.append(re.escape(template[last:]))
        if not "".join(fixed).strip():
            continue  # a template of placeholders only would match anything
        t = _Template(template, fixed[0], fixed[-1], len("".join(fixed)), re.compile("".join(parts), re.DOTALL))
        out.setdefault(t.prefix[:1], []).append(t)
    for items in out.values():
        items.sort(key=lambda t: -t.weight)  # "{reason} ({detail})" only when nothing closer fits
    return out


def _closest(text: str, language: str) -> tuple[_Template, re.Match[str]] | None:
    index = _patterns(language)
    best: tuple[_Template, re.Match[str]] | None = None
    for key in {text[:1], ""}:
        for t in index.get(key, ()):
            if best is not None and t.weight <= best[0].weight:
                break
            if text.startswith(t.prefix) and text.endswith(t.suffix) and (m := t.pattern.fullmatch(text)):
                best = (t, m)
                break
    return best


@functools.lru_cache(maxsize=8192)
def translate_text(text: str, language: str, _depth: int = 0) -> str:
    """`text` (made in English by the core, maybe read back from the store) in `language`: the marked
    template it was made from (known_texts, errors…), translated and filled with its values, themselves
    translated when they are known texts (a reason inside a note) and numbers written the reader's way.
    A text no template fits is returned as it is (a platform's own words)."""
    if language == "en" or not text:
        return text
    found = _closest(text, language)
    if found is None:
        return text
    template, m = found
    values = {k: _value(v, language, _depth, k) for k, v in m.groupdict().items()}
    try:
        return catalogue(language).core(template.text).format(**values)
    except (KeyError, IndexError, ValueError):
        return text


_CATALOG = "Catalog"  # the loyalty fields' labels (core.fields.CATALOG), in a template's {fields}
_COUNTED = re.compile(r"(\d{1,3}(?:,\d{3})*) (.+)")  # "12 invalid email", an item of a list of counts


def _value(value: str, language: str, depth: int, name: str = "") -> str:
    entries = catalogue(language).entries
    labels = value.split(", ")
    if name == "fields" and all((_CATALOG, label) in entries for label in labels):
        return ", ".join(entries[(_CATALOG, label)] for label in labels)  # loyalty fields by their labels
    items = [_COUNTED.fullmatch(part) for part in value.split(", ")]
    if all(items) and depth < 3:  # "3 invalid email, 1 not a number": each count and reason
        return ", ".join(_value(m.group(1), language, depth) + " " + translate_text(m.group(2), language, depth + 1)
                         for m in items if m is not None)
    if _GROUPED.fullmatch(value):
        return format_int(int(value.replace(",", "")), language)
    if _ISO_DATE.fullmatch(value):
        try:
            return format_date(date.fromisoformat(value), language)
        except ValueError:
            return value
    return translate_text(value, language, depth + 1) if depth < 3 else value


def reword(text: str, tr: Tr, _depth: int = 0) -> str:
    """`text`, made in English from a marked template (an error's message), worded by `tr` (the GUI's
    Qt translator or a catalogue's `core`): the template is found among the shipped catalogues' (they
    all hold the same English sources), then translated by `tr` and filled with its values, each
    reworded in turn (an error inside an error). A text no template fits is returned as it is."""
    if not text or tr is same:
        return text
    for language in LANGUAGES[1:]:
        found = _closest(text, language)
        if found is not None:
            template, m = found
            worded = tr(template.text)
            # `tr` speaks this catalogue's language: 1,234 is then written its way (1 234 in French).
            ours = worded != template.text and worded == catalogue(language).core(template.text)
            values = {k: format_int(int(v.replace(",", "")), language) if ours and _GROUPED.fullmatch(v)
                      else reword(v, tr, _depth + 1) if _depth < 3 else v for k, v in m.groupdict().items()}
            try:
                return worded.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
    return text


def translate_all(texts: Iterable[str], language: str) -> list[str]:
    return [translate_text(t, language) for t in texts]
