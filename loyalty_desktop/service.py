"""The small service surface the CLI and the UI share: open a source or destination, connect
(verify + name the destination), run a sync. Nothing here imports Qt."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from . import paths, secrets
from .destinations.base import AccountInfo
from .destinations.klaviyo import BASE_URL as KLAVIYO_URL
from .destinations.klaviyo import KlaviyoDestination
from .engine import ProgressCallback, RunSummary, SyncEngine
from .errors import ConfigError
from .fields import PRESETS, Mapping
from .net import CancelToken
from .sources.demo import DemoProgram
from .store import Store

log = logging.getLogger(__name__)

DEFAULT_PRESET = "klaviyo-loyalty"


@dataclass(frozen=True, slots=True)
class DemoSpec:
    members: int = 500
    seed: int = 42

    @property
    def source_name(self) -> str:
        return f"demo:{self.members}:{self.seed}"

    @property
    def path(self) -> Path:
        return paths.data_dir() / f"demo-program-{self.members}-s{self.seed}.sqlite3"


def open_demo(spec: DemoSpec, start: datetime | None = None) -> DemoProgram:
    """The demo loyalty program for these parameters, created on first use."""
    if not spec.path.exists():
        log.info("creating a demo program with %d members (seed %d)", spec.members, spec.seed)
        # Built beside and renamed into place: a kill mid-way never leaves a half-made program.
        tmp = spec.path.with_name(spec.path.name + ".partial")
        for leftover in tmp.parent.glob(tmp.name + "*"):
            leftover.unlink()
        DemoProgram.create(tmp, members=spec.members, seed=spec.seed, start=start).close()
        tmp.rename(spec.path)
    return DemoProgram.open(spec.path)


def open_klaviyo(api_key: str | None, base_url: str | None = None, cancel: CancelToken | None = None
                 ) -> KlaviyoDestination:
    key = api_key or secrets.load("klaviyo")
    if not key:
        raise ConfigError("No Klaviyo key: store one with `loyalty-desktop key set klaviyo` "
                          f"or set {secrets.ENV_VARS['klaviyo']}.")
    return KlaviyoDestination(key, base_url or KLAVIYO_URL, cancel=cancel)


def connect(dest: KlaviyoDestination) -> AccountInfo:
    """Verify the key and bind per-destination state to this account at this address."""
    info = dest.verify()
    dest.name = f"klaviyo:{info.account_id}@{urlparse(dest.base_url).netloc}"
    return info


def mapping_for(preset: str) -> Mapping:
    try:
        return PRESETS[preset]
    except KeyError:
        raise ConfigError(f"Unknown preset {preset!r}; choose one of: {', '.join(PRESETS)}") from None


@contextmanager
def open_store(path: Path | None = None) -> Iterator[Store]:
    store = Store(path or paths.store_path())
    try:
        yield store
    finally:
        store.close()


def sync(store: Store, source: DemoProgram, source_name: str, dest: KlaviyoDestination, mapping: Mapping, *,
         backfill: bool = False, on_progress: ProgressCallback | None = None,
         poll_interval: float = 0.5) -> RunSummary:
    engine = SyncEngine(store, source, source_name, dest, mapping, backfill=backfill,
                        on_progress=on_progress, poll_interval=poll_interval)
    return engine.run()
