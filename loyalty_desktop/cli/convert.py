"""The command line's options (an argparse namespace) → the typed options below the CLI
(core/options.py). The one place where `--members` is read as a count or as a file, by source."""

from __future__ import annotations

import argparse
from pathlib import Path

from loyalty_desktop import service
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.options import (
    DEMO_MEMBERS,
    DEMO_SEED,
    DemoOptions,
    SmileOptions,
    SourceOptions,
    SpreadsheetOptions,
    SyncOptions,
    TargetOptions,
    member_count,
    members_file,
)


def demo_options(args: argparse.Namespace, what: str = "--members for the demo source") -> DemoOptions:
    """`--members N --seed S`, checked as the demo program checks them (ConfigError if they make
    no sense, e.g. a file given as --members)."""
    members = member_count(getattr(args, "members", None) or DEMO_MEMBERS, what)
    seed = getattr(args, "seed", None)
    spec = service.DemoSpec(members, DEMO_SEED if seed is None else int(seed))  # range checks
    return DemoOptions(spec.members, spec.seed)


def map_pairs(items: list[str] | None) -> tuple[tuple[str, str], ...]:
    """`--map FIELD=COLUMN` (repeated) as (field, column) pairs."""
    pairs = []
    for item in items or ():
        field, sep, column = str(item).partition("=")
        if not sep:
            raise ConfigError(tr("--map takes FIELD=COLUMN (got {item})").format(item=repr(item)))
        pairs.append((field, column.strip()))
    return tuple(pairs)


def spreadsheet_options(args: argparse.Namespace, members: Path) -> SpreadsheetOptions:
    """A spreadsheet and the answers given about it (`--email-column`, `--map`, …)."""
    ledger = getattr(args, "ledger", None)
    return SpreadsheetOptions(members, Path(ledger) if ledger else None,
                              email_column=getattr(args, "email_column", None),
                              date_order=getattr(args, "date_order", None),
                              decimal=getattr(args, "decimal", None),
                              maps=map_pairs(getattr(args, "map", None)),
                              encoding=getattr(args, "encoding", None) or None)


def source_options(args: argparse.Namespace) -> SourceOptions:
    """`--source` and what it reads: `--members` is a count for demo and smile-sandbox, a file for csv."""
    kind = getattr(args, "source", None) or "demo"
    if kind == "csv":
        return spreadsheet_options(args, members_file(getattr(args, "members", None)))
    if kind.startswith("smile"):
        demo = (demo_options(args, "--members for the Smile sandbox") if kind == "smile-sandbox"
                else DemoOptions())
        return SmileOptions(getattr(args, "source_base_url", None) or None, demo)
    return demo_options(args)


def target_options(args: argparse.Namespace, source: SourceOptions | None = None) -> TargetOptions:
    """`--base-url`, `--create-fields`, `--create-missing`, `--remote-diff`; a sandbox destination
    starts with the demo program's members when the demo program is the source."""
    return TargetOptions(base_url=getattr(args, "base_url", None) or None,
                         create_fields=bool(getattr(args, "create_fields", False)),
                         create_missing=bool(getattr(args, "create_missing", False)),
                         remote_diff=bool(getattr(args, "remote_diff", False)),
                         seed_from=source if isinstance(source, DemoOptions) else None)


def sync_options(args: argparse.Namespace) -> SyncOptions:
    source = source_options(args)
    return SyncOptions(source, target_options(args, source))
