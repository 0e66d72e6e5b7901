"""Languages: the app's own catalogue plus Qt's (so QWizard's Back/Next/Cancel are translated too).

The language follows the OS unless the user picked one in the settings; switching at runtime
re-installs the translators and widgets re-read their texts on `LanguageChange`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, Qt, QTimeZone, QTranslator

from loyalty_desktop import service_counts
from loyalty_desktop.core import translate
from loyalty_desktop.core.paths import resources_dir

LANGUAGES = {"en": "English", "fr": "Français"}
_installed: list[QTranslator] = []
_current = ["en"]


def system_language() -> str:
    name = QLocale.system().name()[:2]
    return name if name in LANGUAGES else "en"


def install(language: str = "") -> str:
    """Install translators for `language` ("" = the OS language); returns the language used."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    lang = language if language in LANGUAGES else system_language()
    _current[0] = lang
    # A native file dialog speaks the OS's language; when the app speaks another one, Qt's own
    # dialog (translated by qtbase_<lang>.qm) keeps the file pickers in the app's language.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang != system_language())
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "i18n" / f"loyalty_desktop_{lang}.qm")):
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        for t in _installed:
            app.installTranslator(t)
    return lang


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def language() -> str:
    """The language the translators were installed for ("en" before `install`)."""
    return _current[0]


def core_text(text: str) -> str:
    """A text the core made in English and kept (a run note, a rejected row's reason, a run's error),
    in the app's language (core.translate.translate_text reads the same catalogue)."""
    return translate.translate_text(text, _current[0])


def translate_core(text: str) -> str:
    """Translator for the core's sentences (errors.user_message, flows): lupdate extracts them from
    their `tr("…")` calls with an empty context."""
    return QCoreApplication.translate("", text)


def number(n: float) -> str:
    """A count or amount the reader's way: 1,234 (English), 1 234 (French)."""
    loc = QLocale()
    if isinstance(n, int):
        return loc.toString(n)
    if not math.isfinite(n):
        return str(n)
    return loc.toString(float(n), "f", 0 if n == int(n) else 2)


_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def display_value(value: Any) -> str:
    """A value a platform holds (a sample contact), as the reader writes it: a date "18/10/1984" (not
    "1984-10-18T00:00:00"), a moment in the computer's time zone, numbers grouped the reader's way."""
    loc = QLocale()
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, float)):
        return number(value)
    text = str(value)
    if (m := _ISO_DAY.fullmatch(text)) is not None:
        day = QDate.fromString(m.group(1), Qt.DateFormat.ISODate)
        return loc.toString(day, _four_digit_year(loc.dateFormat(QLocale.FormatType.ShortFormat))) \
            if day.isValid() else text
    if _ISO_MOMENT.fullmatch(text):
        moment = QDateTime.fromString(text.replace(" ", "T"), Qt.DateFormat.ISODateWithMs)
        if moment.isValid():
            if moment.timeSpec() == Qt.TimeSpec.LocalTime and not text.endswith("Z"):
                moment.setTimeZone(QTimeZone.utc())  # platforms keep naive moments in UTC
            return loc.toString(moment.toLocalTime(),
                                _four_digit_year(loc.dateTimeFormat(QLocale.FormatType.ShortFormat)))
    return text


def _four_digit_year(fmt: str) -> str:
    """A short date format with the whole year (a birthday in 1984 is not "84")."""
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def run_counts_line(counts: dict[str, Any], platform: str) -> str:
    """A run's figures in the app's language, numbers the reader's way: the one wording
    (sync/run_counts.py) the command line prints too."""
    parts = service_counts.count_parts(service_counts.RunCounts.of(counts), platform, translate_core, number)
    return " · ".join(p.replace(" ", "\u00a0") for p in parts)  # a wrapped line breaks between figures only
