"""`loyalty-desktop kit --to klaviyo|klaviyo-sandbox`: make the loyalty kit from the command line.

`--to klaviyo` works on the merchant's account (key from the keyring or the environment, like
`sync`). `--to klaviyo-sandbox` starts an empty in-process sandbox, so it first syncs the demo
program into it, history included (as backfill events, which create the metrics the flows need
without triggering anything), then makes the kit and shows the sandbox's segment member counts
beside the app's own. Against a standalone sandbox (`loyalty-desktop sandbox`), sync with
`--backfill` first and pass `--to klaviyo --base-url URL`.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from typing import Any, TextIO

from loyalty_desktop import service
from loyalty_desktop.cli import convert
from loyalty_desktop.cli.output import print_connected, tr
from loyalty_desktop.core import clock, kit_words
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.fields import PRESETS, Mapping
from loyalty_desktop.core.platforms import DESTINATIONS, KitKind
from loyalty_desktop.core.translate import catalogue, cli_language, format_decimal, translate_text
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.store.store import Store

KINDS = ("segments", "templates", "flows")
KIT_PLATFORMS = [p for p in DESTINATIONS.values() if p.capabilities.kit is KitKind.FLOWS]


# The command line's own words for the kit (context "KitCli", not the core's: "{count} skipped" among
# the core's templates would be taken for the end of a stored reason by core.translate.translate_text).
def _translate() -> Callable[[str, str], str]:
    return catalogue(cli_language()).translate


def _status_words(dry_run: bool) -> dict[str, str]:
    """A result's first word (by ItemStatus value): short and lower case, as scripts read them in English."""
    translate = _translate()
    words = {"created": translate("KitCli", "created"), "updated": translate("KitCli", "updated"),
             "unchanged": translate("KitCli", "unchanged"), "failed": translate("KitCli", "FAILED"),
             "deferred": translate("KitCli", "deferred"), "skipped": translate("KitCli", "skipped"),
             "pending": translate("KitCli", "pending")}
    if dry_run:
        words.update(created=translate("KitCli", "would create"), updated=translate("KitCli", "would update"))
    return words


def _counted(status: str, count: int) -> str:
    translate = _translate()
    return {"created": translate("KitCli", "{count} created"), "updated": translate("KitCli", "{count} updated"),
            "unchanged": translate("KitCli", "{count} unchanged"), "failed": translate("KitCli", "{count} failed"),
            "deferred": translate("KitCli", "{count} deferred"), "skipped": translate("KitCli", "{count} skipped"),
            "pending": translate("KitCli", "{count} pending")}[status].format(count=count)


def add_parser(sub: Any) -> None:
    k = sub.add_parser("kit", help="create the Klaviyo loyalty kit: segments, email templates, draft flows")
    k.add_argument("--to", choices=[n for p in KIT_PLATFORMS for n in (p.id, p.sandbox_target)], required=True)
    k.add_argument("--base-url", help="API address (e.g. a sandbox started with `loyalty-desktop sandbox`)")
    k.add_argument("--language", choices=["fr", "en", "both"], default="both", help="templates' language(s)")
    k.add_argument("--only", default=",".join(KINDS), help="comma-separated: segments,templates,flows")
    k.add_argument("--dry-run", action="store_true", help="look everything up, change nothing")
    k.add_argument("--preset", choices=sorted(n for p in KIT_PLATFORMS for n in p.presets(list(PRESETS))),
                   help="field mapping (default: the one the last sync to this account used)")
    k.add_argument("--points-buckets", action="store_true", help="also one segment per points range")
    k.add_argument("--members", default="500", help="klaviyo-sandbox: demo members synced first")
    k.add_argument("--seed", type=int, default=42, help="klaviyo-sandbox: demo program seed")
    k.set_defaults(func=cmd_kit)


def _kinds(only: str) -> set[str]:
    kinds = {k.strip() for k in only.split(",") if k.strip()}
    unknown = kinds - set(KINDS)
    if unknown or not kinds:
        raise ConfigError(tr("--only takes some of: {kinds} (got {only})").format(kinds=", ".join(KINDS),
                                                                                  only=repr(only)))
    return kinds


def _mapping(args: argparse.Namespace, store: Store, dest_name: str, default_preset: str) -> Mapping:
    """The mapping the account's properties were written with: --preset, else the last sync's."""
    if args.preset:
        return service.mapping_for(args.preset)
    state = store.dest_state(dest_name)
    if state is not None:
        return Mapping.from_json(state.mapping)
    return service.mapping_for(default_preset)


def _sync_demo(args: argparse.Namespace, conn: service.Connection, store: Store, mapping: Mapping,
               cancel: CancelToken, err: TextIO) -> None:
    print(tr("The sandbox starts empty: syncing the demo program ({members} members, history as backfill events) "
             "first.").format(members=args.members), file=err)
    src = service.source_factory("demo").open(convert.demo_options(args), cancel)
    try:
        summary = service.sync(store, src.source, src.name, conn.dest, mapping, backfill=True)
    finally:
        src.close()
    if summary.error:
        raise ConfigError(tr("the demo sync failed: {error}").format(error=summary.error))
    print(tr("Synced {profiles} profiles and {events} events.").format(profiles=summary.profiles_sent,
                                                                      events=summary.events_sent), file=err)
    service.align_demo_clock(conn, store)


def _line(result: Any, dry_run: bool, lang: str) -> str:
    """One result: status, kind, name and why, in the reader's language (core.kit_words, as the Kit tab)."""
    translate = catalogue(lang).translate
    status = result.status.value
    kind = {"segment": translate("KitCli", "segment"), "template": translate("KitCli", "template"),
            "flow": translate("KitCli", "flow")}[result.item.kind.value]
    text = f"{_status_words(dry_run)[status]:<12} {kind:<9} {result.item.name}"
    why = kit_words.explained(result.reason, dict(result.args), translate)
    if why is None and result.message and result.message != status:
        why = translate_text(result.message, lang)  # a platform's own words stay as they are
    return text + (f" — {why}" if why else "")


def _show_counts(conn: service.Connection, report: Any, out: TextIO) -> None:
    """Demo mode: what the sandbox counts in each segment, beside the app's own preview."""
    members = getattr(conn.sandbox, "segment_members", None)
    if members is None:
        return
    print(tr("Segment members (sandbox / app preview):"), file=out)
    for r in report.results:
        if r.item.kind.value == "segment" and r.remote_id:
            print(f"  {r.item.name}: {len(members(r.remote_id))} / {r.item.preview_count}", file=out)


def cmd_kit(args: argparse.Namespace) -> int:
    from loyalty_desktop.destinations.klaviyo.kit.runner import plan_kit, run_kit

    kinds = _kinds(args.only)
    lang = cli_language()
    cancel = CancelToken()
    signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    signal.signal(signal.SIGTERM, lambda *_: cancel.cancel())
    tgt = service.target(args.to)
    args.platform_label = tgt.label
    conn = tgt.connect(None, convert.target_options(args), cancel)
    try:
        print_connected(conn.notes, tgt.label, conn.account, sys.stderr)
        with service.open_store() as store:
            mapping = _mapping(args, store, conn.dest.name, tgt.default_preset)
            if conn.sandbox is not None:
                _sync_demo(args, conn, store, mapping, cancel, sys.stderr)
            started = clock.monotonic()
            plan = plan_kit(store, mapping, args.language, points_buckets=args.points_buckets)
            chosen = [i for i in plan if i.kind.value + "s" in kinds]

            def show(done: int, total: int, result: Any) -> None:
                print(_line(result, args.dry_run, lang), flush=True)

            report = run_kit(conn, store, mapping, items=chosen, languages=args.language, progress=show,
                             cancel=cancel, dry_run=args.dry_run, points_buckets=args.points_buckets)
        parts = ", ".join(_counted(s.value, n) for s, n in sorted(report.counts().items(), key=lambda kv: kv[0].value))
        said = {(False, False): tr("Kit for {platform} account {account} done in {seconds} s: {counts}"),
                (False, True): tr("Kit for {platform} account {account} cancelled in {seconds} s: {counts}"),
                (True, False): tr("Dry run of the kit for {platform} account {account} done in {seconds} s: {counts}"),
                (True, True): tr("Dry run of the kit for {platform} account {account} cancelled in {seconds} s: "
                                 "{counts}")}[(bool(args.dry_run), report.cancelled)]
        print(said.format(platform=tgt.label, account=repr(conn.account.name),
                          seconds=format_decimal(clock.monotonic() - started, lang),
                          counts=parts or tr("nothing to do")))
        for note in report.notes:
            print(f"  {translate_text(note, lang)}")
        if conn.sandbox is not None and not args.dry_run:
            _show_counts(conn, report, sys.stdout)
    finally:
        conn.close()
    if report.cancelled:
        return 130
    return 1 if report.failed else 0
