"""`--help` and argparse's own messages in the reader's language.

The parser (cli/main.py `build_parser`, cli/kit.py, cli/schedule.py) is written in English; `localized`
words its descriptions and help texts in the OS locale's language through the catalogue
(core.translate.translate_text: the templates below, marked for lupdate like the core's sentences,
values such as `{minimum}` read back from the English), and argparse's own sentences ("usage:",
"invalid choice: …") through the same catalogue. tests/integration/test_cli_french.py checks that
every help text of the parser has its French, so a new option cannot stay English unnoticed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator

from loyalty_desktop.core.translate import Tr, catalogue, translate_text


def help_texts(tr: Tr) -> list[str]:
    """Every description and help text of the command line, as the parser writes it."""
    return [
        tr("Sync a loyalty program into Klaviyo or Splio."),
        tr("Exit codes: 0 done; 1 a problem the message explains; 2 a wrong option; 75 another sync runs on this "
           "data folder (try later, or --wait); 70 a bug (details in the log); 130 interrupted."),
        tr("folder for the local store and logs (or ${env})"),
        tr("start the set-up wizard in offline demo mode"),
        tr("start in the tray with no window (how the app starts at login)"),
        tr("if the local store is damaged or not ours, keep it aside (renamed) and start a new one"),
        tr("sync loyalty data to a destination"),
        tr("run the offline sandboxes (Klaviyo, Splio, Smile.io)"),
        tr("the demo loyalty program: show, tick DAYS, reset"),
        tr("sync history"),
        tr("show how a CSV/Excel export would be read"),
        tr("check this installation: Qt, translations, keyring, a demo sync to each sandbox"),
        tr("render every wizard page and the main window to PNG (demo mode)"),
        tr("create the Klaviyo loyalty kit: segments, email templates, draft flows"),
        tr("have the system run the saved sync on its schedule (no tray needed)"),
        tr("store or delete an API key in the OS keyring"),
        tr("sync the set-up the app saved (default without --to)"),
        tr("default: demo"),
        tr("demo: number of members (default 500); csv: the members file"),
        tr("demo program seed"),
        tr("if another sync runs on this data folder, wait up to SECONDS for it (default: stop at once, exit code "
           "75)"),
        tr("csv: the ledger file (one row per points movement)"),
        tr("source API address (e.g. a Smile sandbox)"),
        tr("default: the saved set-up's destination"),
        tr("API address (e.g. a sandbox started with `loyalty-desktop sandbox`)"),
        tr("field mapping preset (default: the target's)"),
        tr("first sync: replay history as backfill events"),
        tr("send live events even when there are more than the larger of {minimum} and {share}%% of the members "
           "(without it such a sync stops with the counts by metric and exit code 3)"),
        tr("Splio: create missing custom fields"),
        tr("Splio: create contacts missing in Splio"),
        tr("Splio: read current values first and write only what differs"),
        tr("csv: the column holding each member's email"),
        tr("csv: read FIELD from COLUMN (a header, case-insensitive, or #N for the Nth column); FIELD= leaves the "
           "field out; repeat for several"),
        tr("csv: dates are day/month/year or month/day/year"),
        tr("csv: the decimal separator (1 234,5 or 1,234.5)"),
        tr("csv: the text encoding of the CSV files (utf-8, cp1252, mac_roman, utf-16…), when the detected one is "
           "wrong or the file mixes two"),
        tr("first port (0: any free ports)"),
        tr("list the rows of a run the platform refused or the loyalty data rejected (could not be used)"),
        tr("with --rejected: write them as CSV to FILE (- for the terminal)"),
        tr("leave Qt out (a build checked where Qt cannot run)"),
        tr("templates' language(s)"),
        tr("comma-separated: segments,templates,flows"),
        tr("look everything up, change nothing"),
        tr("field mapping (default: the one the last sync to this account used)"),
        tr("also one segment per points range"),
        tr("klaviyo-sandbox: demo members synced first"),
        tr("klaviyo-sandbox: demo program seed"),
        tr("install: every day at this time"),
        tr("install: every HOURS hours (1-168)"),
    ]


def argparse_words(tr: Tr) -> dict[str, str]:
    """argparse's own sentences a user meets (its gettext messages), by their English text."""
    return {
        "usage: ": tr("usage: "),
        "positional arguments": tr("positional arguments"),
        "options": tr("options"),
        "show this help message and exit": tr("show this help message and exit"),
        "show program's version number and exit": tr("show program's version number and exit"),
        "argument %(argument_name)s: %(message)s": tr("argument %(argument_name)s: %(message)s"),
        "%(prog)s: error: %(message)s\n": tr("%(prog)s: error: %(message)s\n"),
        "invalid choice: %(value)r (choose from %(choices)s)": tr("invalid choice: %(value)r (choose from "
                                                                  "%(choices)s)"),
        "the following arguments are required: %s": tr("the following arguments are required: %s"),
        "unrecognized arguments: %s": tr("unrecognized arguments: %s"),
        "expected one argument": tr("expected one argument"),
        "invalid %(type)s value: %(value)r": tr("invalid %(type)s value: %(value)r"),
        "ambiguous option: %(option)s could match %(matches)s": tr("ambiguous option: %(option)s could match "
                                                                   "%(matches)s"),
        "not allowed with argument %s": tr("not allowed with argument %s"),
    }


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for p in _parsers(parser):
        for action in p._actions:
            yield action
            if isinstance(action, argparse._SubParsersAction):
                yield from action._choices_actions


def english_texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every description, epilog and help text of `parser` and its subcommands (what `localized` words)."""
    texts = [t for p in _parsers(parser) for t in (p.description, p.epilog) if t]
    return texts + [a.help for a in _actions(parser) if a.help and a.help is not argparse.SUPPRESS]


def localized(build: Callable[[], argparse.ArgumentParser], language: str) -> argparse.ArgumentParser:
    """The parser `build` makes, with its help and argparse's messages in `language` (English: as
    written). argparse's words are set first: it words "-h"'s help as the parser is made."""
    words = argparse_words(catalogue(language).core)
    argparse._ = lambda text: words.get(text, text)  # type: ignore[attr-defined]  # argparse's gettext
    parser = build()
    if language == "en":
        return parser
    for p in _parsers(parser):
        p.description = translate_text(p.description, language) if p.description else p.description
        p.epilog = translate_text(p.epilog, language) if p.epilog else p.epilog
    for action in _actions(parser):
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = translate_text(action.help, language)
    return parser
