"""Command line: `loyalty-desktop [sync|sandbox|demo|runs|key] …` (the GUI will be the default)."""

from __future__ import annotations

import argparse
import getpass
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loyalty_desktop import __version__, service
from loyalty_desktop.cli import convert, help_words
from loyalty_desktop.cli import guard as cli_guard
from loyalty_desktop.cli.output import (
    EXIT_CODES,
    TerminalProgress,
    print_connected,
    print_summary,
    run_state_words,
    tr,
)
from loyalty_desktop.cli.sandbox import cmd_sandbox
from loyalty_desktop.cli.schedule import add_parser as add_schedule_parser
from loyalty_desktop.cli.schedule import saved_sync
from loyalty_desktop.core import clock, logs, paths, platforms, secrets
from loyalty_desktop.core.errors import (
    ConfigError,
    local_hhmm,
    set_aside_note,
    user_message,
)
from loyalty_desktop.core.fields import PRESETS
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.core.translate import cli_language, cli_tr, format_date, format_decimal, format_int, translate_text
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.store.rejects import kind_word, origin_word, write_rejected_csv
from loyalty_desktop.sync import lock as sync_lock
from loyalty_desktop.sync.baseline import CONFIRM_MIN, CONFIRM_SHARE
from loyalty_desktop.sync.run_counts import RunCounts, counts_line, platform_of
from loyalty_emulators import launch

if TYPE_CHECKING:
    pass


def cmd_sync(args: argparse.Namespace) -> int:
    cancel = CancelToken()
    signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    signal.signal(signal.SIGTERM, lambda *_: cancel.cancel())
    store = paths.store_path()
    if args.wait and (busy := sync_lock.is_busy(store)) is not None:
        since = " " + tr("(since {time})").format(time=local_hhmm(busy.since)) if busy.since else ""
        print(tr("Another sync is running on this data folder{since}; waiting up to {seconds} s for it to "
                       "end…").format(since=since, seconds=f"{args.wait:g}"), file=sys.stderr)
    # Before connecting or opening the source: a second sync stops here, having done nothing.
    with service.sync_lock_for(store, wait=args.wait, cancel=cancel):
        return _sync(args, cancel)


def _sync(args: argparse.Namespace, cancel: CancelToken) -> int:
    if args.saved or args.to is None:  # the set-up the GUI saved (what the OS scheduler runs)
        saved = saved_sync(args)
        name, options, tgt = saved.source, saved.options, service.target(saved.target)
        mapping = saved.mapping or service.mapping_for(args.preset or tgt.default_preset)
    else:
        name, options, tgt = args.source or "demo", convert.sync_options(args), service.target(args.to)
        mapping = service.mapping_for(args.preset or tgt.default_preset)
    factory = service.source_factory(name)  # options checked before anything connects
    args.platform_label = tgt.label
    conn = tgt.connect(None, options.target, cancel)
    try:
        print_connected(conn.notes, tgt.label, conn.account, sys.stderr)
        src = factory.open(options.source, cancel)
        try:
            progress = TerminalProgress(sys.stderr, tgt.label)
            with service.open_store() as store:
                summary = service.sync(store, src.source, src.name, conn.dest, mapping, backfill=args.backfill,
                                       on_progress=progress, confirmed=args.yes)
            progress.close()
        finally:
            src.close()
        print_summary(summary, tgt.label, sys.stdout)
        if conn.sandbox is not None:
            _show_sample(conn.sandbox)
    finally:
        conn.close()
    return EXIT_CODES[summary.status]


def _show_sample(sandbox: Any) -> None:
    """In demo mode, show what the platform now holds (sandboxes offer a `describe()`, in English:
    its sentences are marked in core.known_texts.sandbox_lines)."""
    describe = getattr(sandbox, "describe", None)
    if describe is not None:
        for line in describe():
            text = line.lstrip(" ")  # indented sample lines keep their indent
            print(line[:len(line) - len(text)] + translate_text(text, cli_language()))


def cmd_demo(args: argparse.Namespace) -> int:
    spec = service.DemoSpec(args.members, args.seed)
    if args.action == "reset":
        with service.sync_lock_for():  # never pull the program from under a running sync
            for p in spec.path.parent.glob(spec.path.name + "*"):
                p.unlink()
        print(tr("Removed the demo program {name}").format(name=spec.source_name))
        return 0
    lang = cli_language()
    with service.open_demo(spec) as program:
        if args.action == "tick":
            start = program.as_of
            t = program.tick(args.days)
            print(tr("Advanced the demo program {name} by {days} day(s), from {start} to {end}. Over those days:")
                  .format(name=spec.source_name, days=args.days, start=format_date(start, lang),
                          end=format_date(program.as_of, lang)))
            for line in t.lines():  # sources.demo.program marks them
                print(f"  {translate_text(line, lang)}")
            print(tr("The next sync sends these changes.") if t.members_changed else tr("Nothing to send."))
        else:
            print(tr("Demo program {name} at {date} ({path})").format(
                name=spec.source_name, date=format_date(program.as_of, lang), path=spec.path))
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    with service.open_store() as store:
        if args.rejected is not None:
            if store.run(args.rejected) is None:
                raise ConfigError(tr("There is no run {run} in the sync history of {folder}; `loyalty-desktop "
                                     "runs` lists the runs.").format(run=args.rejected, folder=store.path.parent))
            rows = store.rejected_rows(args.rejected)
            if args.csv:  # every column, source rows (origin "source") with their file, line and cell
                lang = cli_language()  # header and reasons in the OS locale's language
                n = write_rejected_csv(rows, sys.stdout, terminal=True, language=lang) if args.csv == "-" \
                    else write_rejected_csv(rows, Path(args.csv), language=lang)
                if args.csv != "-":
                    print(tr("{count} refused or rejected row(s) of run {run} written to {path}").format(
                        count=n, run=args.rejected, path=args.csv))
                return 0
            for r in rows:  # kind, key, field, reason; a source row: source:kind … then where and the cell
                lang = cli_language()  # our reasons and words in the OS locale's language
                kind, key, fld, why, file, value = (printable(v) for v in (
                    kind_word(r.kind, lang), r.key, r.field, translate_text(r.reason, lang), r.file, r.value))
                if r.from_source:
                    where = f"{file} {tr('line')} {r.line}"  # no "{file} line {line}": it would match reasons
                    print(f"{origin_word(r.origin, lang)}:{kind}\t{key}\t{fld}\t{why}\t{where}\t{value}")
                else:
                    print(f"{kind}\t{key}\t{fld}\t{why}")
            return 0
        runs = store.runs(args.limit)
        if not runs:
            print(tr("No sync yet in {folder}.").format(folder=store.path.parent))
        lang = cli_language()
        for run in runs:  # the figures worded as in `sync` and on every screen (sync/run_counts.py)
            took = format_decimal(float(run.counts.get("seconds", 0)), lang)
            figures = counts_line(RunCounts.of(run.counts), platform_of(run.dest), tr,
                                  lambda n: format_int(n, lang))
            started, state = run.started_at, run_state_words(tr).get(run.status, run.status.value)
            print(printable(tr("#{run} {started} {destination} {state} {seconds} s  {figures}").format(
                run=run.id, started=f"{format_date(started, lang)} {started:%H:%M}", destination=run.dest,
                state=state, seconds=took, figures=figures)))
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    if args.action == "delete":
        secrets.forget(args.platform)
        print(tr("Removed the {platform} key from the keyring.").format(platform=args.platform))
        return 0
    key = getpass.getpass(tr("{platform} API key (input hidden): ").format(platform=args.platform)).strip() \
        if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not key:
        raise ConfigError(tr("No key was given: paste the key when asked (or send it on standard input). Nothing "
                             "was saved."))
    secrets.check_key(args.platform, key)  # KeyFormatError: main() prints why, nothing is stored
    try:
        where = secrets.save(args.platform, key)
    except secrets.NoKeyringError as exc:
        print(tr("error: no system keyring can store the key here ({detail}); use the {env} environment variable "
                 "for this session.").format(detail=translate_text(str(exc), cli_language()),
                                             env=platforms.get(args.platform).key_env), file=sys.stderr)
        return 1
    print(tr("Saved {key} in {where}.").format(key=secrets.mask(key), where=translate_text(where, cli_language())))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    """Detected format, suggested mapping and first rejected rows of a spreadsheet export."""
    inspect = service.load_entry("loyalty_desktop.sources.spreadsheet.inspection:main", "`inspect` command")
    try:
        options = convert.spreadsheet_options(args, Path(args.file))
    except ConfigError as exc:  # a malformed --map: said with the report, on standard output
        print(tr("error: {message}").format(message=user_message(exc, tr=cli_tr())), file=sys.stdout)
        return 1
    return int(inspect(args.file, sys.stdout, options))


def cmd_self_test(args: argparse.Namespace) -> int:
    self_test = service.load_entry("loyalty_desktop.ui.selftest:main", "`self-test` command")
    return int(self_test(args.members, sys.stdout, gui=not args.no_gui))


def cmd_screenshots(args: argparse.Namespace) -> int:
    # A development tool (devtools/ beside the package, not shipped): only from a source checkout.
    root = Path(__file__).resolve().parents[2]
    if (root / "devtools" / "screenshots.py").is_file() and str(root) not in sys.path:
        sys.path.append(str(root))  # an editable install maps the package only, not the checkout
    try:
        from devtools.screenshots import render_all
    except ModuleNotFoundError as exc:
        if exc.name not in ("devtools", "devtools.screenshots"):
            raise
        raise ConfigError(tr("Screenshots are a development tool: run it from a source checkout.")) from None
    for path in render_all(Path(args.dir), languages=args.languages.split(",")):
        print(path)
    return 0


def _sheet_choices(p: argparse.ArgumentParser) -> None:
    """csv: the answers to what a spreadsheet leaves open (remembered for files of the same shape)."""
    p.add_argument("--email-column", metavar="COLUMN", help="csv: the column holding each member's email")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="csv: read FIELD from COLUMN (a header, case-insensitive, or #N for the Nth column); "
                        "FIELD= leaves the field out; repeat for several")
    p.add_argument("--date-order", choices=["dmy", "mdy"], help="csv: dates are day/month/year or month/day/year")
    p.add_argument("--decimal", choices=["comma", "point"], help="csv: the decimal separator (1 234,5 or 1,234.5)")
    p.add_argument("--encoding", help="csv: the text encoding of the CSV files (utf-8, cp1252, mac_roman, utf-16…), "
                                      "when the detected one is wrong or the file mixes two")


def _int_in(lo: int, hi: int) -> Callable[[str], int]:
    """argparse type: a whole number in [lo, hi] (argparse words the refusal, exit code 2)."""
    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(tr("{text} is not a whole number").format(text=repr(text))) from None
        if not lo <= value <= hi:
            lang = cli_language()
            raise argparse.ArgumentTypeError(tr("{value} is out of range: between {low} and {high}").format(
                value=value, low=format_int(lo, lang), high=format_int(hi, lang)))
        return value

    return parse


def _float_in(lo: float, hi: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr("{text} is not a number").format(text=repr(text))) from None
        if not lo <= value <= hi:  # also refuses nan
            raise argparse.ArgumentTypeError(tr("{value} is out of range: between {low} and {high}").format(
                value=f"{value:g}", low=f"{lo:g}", high=f"{hi:g}"))
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="loyalty-desktop", description="Sync a loyalty program into Klaviyo or Splio.",
                                epilog="Exit codes: 0 done; 1 a problem the message explains; 2 a wrong option; "
                                       "75 another sync runs on this data folder (try later, or --wait); "
                                       "70 a bug (details in the log); 130 interrupted.")
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--data-dir", help=f"folder for the local store and logs (or ${paths.ENV_DATA_DIR})")
    p.add_argument("--demo", action="store_true", help="start the set-up wizard in offline demo mode")
    p.add_argument("--hidden", "--tray", dest="hidden", action="store_true",
                   help="start in the tray with no window (how the app starts at login)")
    p.add_argument("--set-aside-damaged-store", action="store_true",
                   help="if the local store is damaged or not ours, keep it aside (renamed) and start a new one")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("sync", help="sync loyalty data to a destination")
    s.add_argument("--saved", action="store_true", help="sync the set-up the app saved (default without --to)")
    s.add_argument("--source", choices=sorted(service.SOURCES), help="default: demo")
    s.add_argument("--members", default="500",
                   help="demo: number of members (default 500); csv: the members file")
    s.add_argument("--seed", type=_int_in(0, 2**31 - 1), default=42, help="demo program seed")
    s.add_argument("--wait", type=_float_in(0, 86_400), default=0, metavar="SECONDS",
                   help="if another sync runs on this data folder, wait up to SECONDS for it (default: stop at "
                        "once, exit code 75)")
    s.add_argument("--ledger", help="csv: the ledger file (one row per points movement)")
    s.add_argument("--source-base-url", help="source API address (e.g. a Smile sandbox)")
    s.add_argument("--to", choices=sorted(service.TARGETS), help="default: the saved set-up's destination")
    s.add_argument("--base-url", help="API address (e.g. a sandbox started with `loyalty-desktop sandbox`)")
    s.add_argument("--preset", choices=sorted(PRESETS), help="field mapping preset (default: the target's)")
    s.add_argument("--backfill", action="store_true", help="first sync: replay history as backfill events")
    s.add_argument("--yes", action="store_true",
                   help=f"send live events even when there are more than the larger of {CONFIRM_MIN} and "
                        f"{round(CONFIRM_SHARE * 100)}%% of the members (without it such a sync stops with the "
                        "counts by metric and exit code 3)")
    s.add_argument("--create-fields", action="store_true", help="Splio: create missing custom fields")
    s.add_argument("--create-missing", action="store_true", help="Splio: create contacts missing in Splio")
    s.add_argument("--remote-diff", action="store_true",
                   help="Splio: read current values first and write only what differs")
    _sheet_choices(s)
    s.set_defaults(func=cmd_sync)

    sb = sub.add_parser("sandbox", help="run the offline sandboxes (Klaviyo, Splio, Smile.io)")
    sb.add_argument("--platform", choices=["all", *service.SANDBOXES], default="all")
    sb.add_argument("--port", type=_int_in(0, 65_533), default=8765, help="first port (0: any free ports)")
    sb.add_argument("--job-seconds", type=_float_in(0, 3600), default=0.5)
    sb.add_argument("--rate-429", type=_float_in(0, 1), default=0.0)
    sb.add_argument("--rate-500", type=_float_in(0, 1), default=0.0)
    sb.add_argument("--rate-drop", type=_float_in(0, 1), default=0.0)
    sb.add_argument("--latency", type=_float_in(0, 60), default=0.0)
    sb.set_defaults(func=cmd_sandbox)

    d = sub.add_parser("demo", help="the demo loyalty program: show, tick DAYS, reset")
    d.add_argument("action", choices=["show", "tick", "reset"])
    d.add_argument("days", type=_int_in(0, 3650), nargs="?", default=30)
    d.add_argument("--members", type=_int_in(1, service.MAX_DEMO_MEMBERS), default=500)
    d.add_argument("--seed", type=_int_in(0, 2**31 - 1), default=42)
    d.set_defaults(func=cmd_demo)

    r = sub.add_parser("runs", help="sync history")
    r.add_argument("--limit", type=_int_in(1, 1_000_000), default=20)
    r.add_argument("--rejected", type=_int_in(1, 2**63 - 1), metavar="RUN",
                   help="list the rows of a run the platform refused or the loyalty data rejected (could not be used)")
    r.add_argument("--csv", metavar="FILE", help="with --rejected: write them as CSV to FILE (- for the terminal)")
    r.set_defaults(func=cmd_runs)

    i = sub.add_parser("inspect", help="show how a CSV/Excel export would be read")
    i.add_argument("file")
    _sheet_choices(i)
    i.set_defaults(func=cmd_inspect)

    st = sub.add_parser("self-test", help="check this installation: Qt, translations, keyring, a demo sync to "
                                          "each sandbox")
    st.add_argument("--members", type=_int_in(1, 100_000), default=200)
    st.add_argument("--no-gui", action="store_true", help="leave Qt out (a build checked where Qt cannot run)")
    st.set_defaults(func=cmd_self_test)

    sh = sub.add_parser("screenshots", help="render every wizard page and the main window to PNG (demo mode)")
    sh.add_argument("dir")
    sh.add_argument("--languages", default="en,fr")
    sh.set_defaults(func=cmd_screenshots)

    from loyalty_desktop.cli.kit import add_parser as add_kit_parser

    add_kit_parser(sub)
    add_schedule_parser(sub)

    k = sub.add_parser("key", help="store or delete an API key in the OS keyring")
    k.add_argument("action", choices=["set", "delete"])
    k.add_argument("platform", choices=sorted(platforms.PLATFORMS))
    k.set_defaults(func=cmd_key)
    return p


def _run(args: argparse.Namespace) -> int:
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if not getattr(args, "func", None):
        from loyalty_desktop.ui.app import run  # the GUI is the default

        return run(sys.argv[:1], demo=args.demo, hidden=args.hidden)
    logs.setup()
    if args.set_aside_damaged_store:
        kept = service.set_aside_store()
        if kept is not None:
            print(set_aside_note(str(paths.store_path()), str(kept)), file=sys.stderr)
    return int(args.func(args))


def main(argv: Sequence[str] | None = None) -> int:
    args = help_words.localized(build_parser, cli_language()).parse_args(argv)  # --help in the reader's language
    launch.follow_clock(clock, wall_only=True)  # the sandboxes read the app's "now" (LOYALTY_DESKTOP_NOW)
    return cli_guard.run(lambda: _run(args),
                         lambda: getattr(args, "platform_label", platforms.DEFAULT_DESTINATION.label))


if __name__ == "__main__":
    sys.exit(main())
