"""Typed options for opening a source and connecting a target (no argparse below the CLI).

The command line (cli/convert.py) and the GUI (wizard state, main window, self-test) build these;
sources' factories and targets take them. A number of demo members and a members file are
different fields of different options, so neither is ever read as the other.

Settings keep the wizard's choices as a small dict under the command line's option names
(`{"members": "500", "seed": 42}`, `{"members": "/path/export.csv", "ledger": …}`): `from_saved`
reads it back for the source kind it was saved with.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr

DEMO_MEMBERS = 500
DEMO_SEED = 42


class SandboxPlace(enum.Enum):
    """Where an offline sandbox (a destination's, Smile.io's) runs."""

    IN_PROCESS = "in-process"  # threads of this process (the CLI; tests that inspect its objects)
    CHILD_PROCESS = "child-process"  # a child process of the app's executable (the GUI: its own GIL)


@dataclass(frozen=True, slots=True)
class DemoOptions:
    """The demo loyalty program: how many members, made from which seed."""

    members: int = DEMO_MEMBERS
    seed: int = DEMO_SEED


@dataclass(frozen=True, slots=True)
class SpreadsheetOptions:
    """A members export (CSV or .xlsx), optionally a points ledger, and the answers to what the
    files leave open (remembered for files of the same shape)."""

    members_file: Path
    ledger_file: Path | None = None
    email_column: str | None = None
    date_order: str | None = None  # "dmy" | "mdy"
    decimal: str | None = None  # "comma" | "point"
    maps: tuple[tuple[str, str], ...] = ()  # (field, column); column "" leaves the field out
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class SmileOptions:
    """A Smile.io account. `base_url`: another address than Smile's (a standalone sandbox); the
    app's own sandbox (no `base_url`) is seeded from the demo program `demo` and runs where
    `sandbox_place` says."""

    base_url: str | None = None
    demo: DemoOptions = DemoOptions()
    sandbox_place: SandboxPlace = SandboxPlace.IN_PROCESS


SourceOptions = DemoOptions | SpreadsheetOptions | SmileOptions


@dataclass(frozen=True, slots=True)
class TargetOptions:
    """How to connect a destination. `base_url`: another address (a sandbox, a proxy).
    `create_fields`, `create_missing`, `remote_diff`: what a destination that can (Splio) may do.
    `seed_from`: a sandbox that keeps contacts of its own starts with the members of this demo
    program (None: it starts empty). `sandbox_place`: where a sandbox target's emulator runs."""

    base_url: str | None = None
    create_fields: bool = False
    create_missing: bool = False
    remote_diff: bool = False
    seed_from: DemoOptions | None = None
    sandbox_place: SandboxPlace = SandboxPlace.IN_PROCESS


@dataclass(frozen=True, slots=True)
class SyncOptions:
    source: SourceOptions
    target: TargetOptions = TargetOptions()


# -- reading a member count -------------------------------------------------------------------------

def member_count(raw: object, what: str = "--members for the demo source") -> int:
    """A number of demo members from text ("500", "1_000"); a ConfigError naming `what` otherwise
    (e.g. a file path given where a count is expected)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = str(raw).strip()
    try:
        return int(text.replace("_", ""))
    except ValueError:
        raise ConfigError(tr("{what} is a number of members, not {text}").format(what=what, text=repr(text))) from None


def members_file(raw: object, what: str = "--source csv") -> Path:
    """The members export named by `raw`; a ConfigError when it is missing or a bare number that
    names no file (a member count given where a file is expected)."""
    text = "" if raw is None else str(raw)
    if not text or (text.isdigit() and not Path(text).exists()):
        raise ConfigError(tr("{what} needs --members FILE: the members export (CSV or Excel .xlsx), and "
                             "optionally --ledger FILE, the points history.").format(what=what))
    return Path(text)


def _seed(raw: object) -> int:
    try:
        return int(str(raw if raw not in (None, "") else DEMO_SEED))
    except ValueError:
        raise ConfigError(tr("The demo program's seed is a whole number from 0, not {seed}.").format(seed=repr(raw))) \
            from None


# -- the settings' dict ---------------------------------------------------------------------------

def from_saved(kind: str, saved: Mapping[str, Any], *, seed_sandbox: bool = True) -> SyncOptions:
    """The options a source of `kind` ("demo", "csv", "smile", "smile-sandbox") was saved with.
    `seed_sandbox`: a destination sandbox starts with the demo members the source reads (False:
    it starts empty, e.g. while the wizard fills it itself)."""
    demo = DemoOptions(member_count(saved.get("members") or DEMO_MEMBERS, f"The {kind} source's member count"),
                       _seed(saved.get("seed"))) if kind in ("demo", "smile-sandbox") else None
    source: SourceOptions
    if kind == "csv":
        ledger = saved.get("ledger")
        source = SpreadsheetOptions(members_file(saved.get("members")), Path(ledger) if ledger else None)
    elif kind.startswith("smile"):
        source = SmileOptions(saved.get("source_base_url") or None, demo or DemoOptions())
    else:
        source = demo or DemoOptions()
    seed_from = demo if seed_sandbox else None  # the destination sandbox holds the source's people
    target = TargetOptions(base_url=saved.get("base_url") or None,
                           create_fields=bool(saved.get("create_fields", False)),
                           create_missing=bool(saved.get("create_missing", False)),
                           remote_diff=bool(saved.get("remote_diff", False)),
                           seed_from=seed_from)
    return SyncOptions(source, target)
