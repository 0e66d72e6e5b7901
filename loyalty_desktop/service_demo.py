"""The demo program the app's offline demo and the command line share: which one (DemoSpec: members
and seed, its file in the data folder) and opening it, made on first use. Nothing here imports Qt."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr

log = logging.getLogger(__name__)

MAX_DEMO_MEMBERS = 1_000_000  # a bigger demo takes hours to make and gigabytes of disk


@dataclass(frozen=True, slots=True)
class DemoSpec:
    members: int = 500
    seed: int = 42

    def __post_init__(self) -> None:
        if not 1 <= self.members <= MAX_DEMO_MEMBERS:
            raise ConfigError(tr("The demo program has between 1 and {max} members, not {members}.").format(
                max=f"{MAX_DEMO_MEMBERS:,}", members=f"{self.members:,}"))
        if self.seed < 0:
            raise ConfigError(tr("The demo program's seed is a whole number from 0, not {seed}.").format(
                seed=self.seed))

    @property
    def source_name(self) -> str:
        return f"demo:{self.members}:{self.seed}"

    @property
    def path(self) -> Path:
        return paths.data_dir() / f"demo-program-{self.members}-s{self.seed}.sqlite3"


def open_demo(spec: DemoSpec, start: datetime | None = None) -> Any:
    """The demo loyalty program for these parameters, created on first use."""
    from loyalty_desktop.sources.demo.program import DemoProgram

    if not spec.path.exists():
        log.info("creating a demo program with %d members (seed %d)", spec.members, spec.seed)
        # Built beside and renamed into place: a kill mid-way never leaves a half-made program.
        tmp = spec.path.with_name(spec.path.name + ".partial")
        for leftover in tmp.parent.glob(tmp.name + "*"):
            leftover.unlink()
        DemoProgram.create(tmp, members=spec.members, seed=spec.seed, start=start).close()
        tmp.rename(spec.path)
    try:
        return DemoProgram.open(spec.path)
    except ValueError as exc:  # a damaged file: the demo can be made again, nothing of the user's is in it
        raise ConfigError(tr("The demo program is damaged ({error}). Remove it with `loyalty-desktop demo reset "
                             "--members {members} --seed {seed}`; the next sync makes it again.").format(
            error=exc, members=spec.members, seed=spec.seed)) from exc
