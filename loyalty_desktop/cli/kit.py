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
from typing import Any, TextIO

from loyalty_desktop import service
from loyalty_desktop.cli import convert
from loyalty_desktop.cli.output import print_connected
from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.fields import PRESETS, Mapping
from loyalty_desktop.core.platforms import DESTINATIONS, KitKind
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.store.store import Store

KINDS = ("segments", "templates", "flows")
KIT_PLATFORMS = [p for p in DESTINATIONS.values() if p.capabilities.kit is KitKind.FLOWS]
_STATUS_WORDS = {"created": "created", "updated": "updated", "unchanged": "unchanged", "failed": "FAILED",
                 "deferred": "deferred", "skipped": "skipped", "pending": "pending"}
_DRY_WORDS = {"created": "would create", "updated": "would update"}


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
        raise ConfigError(f"--only takes some of: {', '.join(KINDS)} (got {only!r})")
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
    print(f"The sandbox starts empty: syncing the demo program ({args.members} members, history as backfill "
          "events) first.", file=err)
    src = service.source_factory("demo").open(convert.demo_options(args), cancel)
    try:
        summary = service.sync(store, src.source, src.name, conn.dest, mapping, backfill=True)
    finally:
        src.close()
    if summary.error:
        raise ConfigError(f"the demo sync failed: {summary.error}")
    print(f"Synced {summary.profiles_sent} profiles and {summary.events_sent} events.", file=err)
    service.align_demo_clock(conn, store)


def _line(result: Any, dry_run: bool) -> str:
    status = result.status.value
    word = (_DRY_WORDS.get(status) if dry_run else None) or _STATUS_WORDS[status]
    text = f"{word:<12} {result.item.kind.value:<9} {result.item.name}"
    return text + (f" — {result.message}" if result.message and result.message != status else "")


def _show_counts(conn: service.Connection, report: Any, out: TextIO) -> None:
    """Demo mode: what the sandbox counts in each segment, beside the app's own preview."""
    members = getattr(conn.sandbox, "segment_members", None)
    if members is None:
        return
    print("Segment members (sandbox / app preview):", file=out)
    for r in report.results:
        if r.item.kind.value == "segment" and r.remote_id:
            print(f"  {r.item.name}: {len(members(r.remote_id))} / {r.item.preview_count}", file=out)


def cmd_kit(args: argparse.Namespace) -> int:
    from loyalty_desktop.destinations.klaviyo.kit.runner import plan_kit, run_kit

    kinds = _kinds(args.only)
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
                print(_line(result, args.dry_run), flush=True)

            report = run_kit(conn, store, mapping, items=chosen, languages=args.language, progress=show,
                             cancel=cancel, dry_run=args.dry_run, points_buckets=args.points_buckets)
        counts = report.counts()
        parts = ", ".join(f"{n} {s.value}" for s, n in sorted(counts.items(), key=lambda kv: kv[0].value))
        verb = "Dry run of the kit" if args.dry_run else "Kit"
        state = "cancelled" if report.cancelled else "done"
        print(f"{verb} for {tgt.label} account {conn.account.name!r} {state} in {clock.monotonic() - started:.1f} s: "
              f"{parts or 'nothing to do'}")
        for note in report.notes:
            print(f"  {note}")
        if conn.sandbox is not None and not args.dry_run:
            _show_counts(conn, report, sys.stdout)
    finally:
        conn.close()
    if report.cancelled:
        return 130
    return 1 if report.failed else 0
