"""One sync at a time per data folder, across processes: the CLI, the GUI, a scheduled run.

A data folder has one store; the lock is that store's: an OS lock (flock on Unix, LockFileEx on
Windows, through `filelock`) on `store.sqlite3.sync-lock` beside it. The OS drops it when its
holder dies, even by kill -9, so a crashed sync never blocks the next one. Beside it,
`store.sqlite3.sync-lock.json` says who holds it (process id, start time) for the message the next
one shows; a side file because a contender opening the lock file may truncate it. (Keyed by the
store rather than the folder so the self-test's parallel syncs, each on its own store in one
temporary folder, do not block each other.)

Re-entrant for the thread that holds it: the CLI takes it before opening the source (so a second
sync fails before doing anything) and `service.sync` takes it again around the run, which is the
one place every sync goes through. Another thread of the same process is refused like another
process.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from loyalty_desktop.core import clock
from loyalty_desktop.core.disk_errors import from_os
from loyalty_desktop.core.errors import SyncBusyError
from loyalty_desktop.core.paths import ensure_folder
from loyalty_desktop.net.cancel import CancelToken

if TYPE_CHECKING:
    import filelock

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".sync-lock"
INFO_SUFFIX = ".sync-lock.json"
POLL_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int | None
    since: datetime | None


@dataclass(slots=True)
class _Held:
    lock: filelock.BaseFileLock
    count: int
    thread: int  # threading.get_ident() of the holder


_registry: dict[Path, _Held] = {}
_registry_lock = threading.Lock()


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + LOCK_SUFFIX)


def info_path(store: Path) -> Path:
    return store.with_name(store.name + INFO_SUFFIX)


def holder(store: Path) -> Holder | None:
    """Who holds the lock of `store` as its side file says (None: no side file)."""
    try:
        raw = json.loads(info_path(store).read_text(encoding="utf-8"))
        since = clock.parse_instant(raw["since"]) if raw.get("since") else None
        return Holder(int(raw["pid"]) if raw.get("pid") is not None else None, since)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _busy(store: Path) -> SyncBusyError:
    h = holder(store)
    return SyncBusyError(str(store.parent), h.since if h else None, h.pid if h else None)


def _try_lock(store: Path) -> filelock.BaseFileLock | None:
    """The OS lock, or None if another holds it. A folder that cannot hold the lock file is a
    DiskError (read-only, a file in the way)."""
    import filelock  # loaded by the first sync, not at start-up

    ensure_folder(store.parent)
    lock = filelock.FileLock(str(lock_path(store)), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        return None
    except OSError as exc:
        raise from_os(exc, store.parent) or exc  # noqa: B904 - as in paths.ensure_dir
    return lock


def _try_lock_here(store: Path) -> filelock.BaseFileLock | None:
    with _registry_lock:  # another thread of this process holds it: as busy as another process
        if store in _registry:
            return None
    return _try_lock(store)


def _write_info(store: Path) -> None:
    info = info_path(store)
    tmp = info.with_name(info.name + ".tmp")
    try:
        tmp.write_text(json.dumps({"pid": os.getpid(), "since": clock.now_iso()}), encoding="utf-8")
        tmp.replace(info)
    except OSError:  # only the message of a contender loses its detail
        log.info("could not write %s", info, exc_info=True)


def acquire(store: Path, wait: float = 0.0, cancel: CancelToken | None = None) -> None:
    """Take the sync lock of `store` (its file path), waiting up to `wait` seconds for another
    holder to finish; raises SyncBusyError (or CancelledError while waiting)."""
    store = store.resolve()
    me = threading.get_ident()
    with _registry_lock:
        held = _registry.get(store)
        if held is not None and held.thread == me:
            held.count += 1
            return
    deadline = clock.monotonic() + max(0.0, wait)
    while (lock := _try_lock_here(store)) is None:
        left = deadline - clock.monotonic()
        if left <= 0:
            raise _busy(store)
        if cancel is not None:
            cancel.sleep(min(POLL_SECONDS, left))
        else:
            clock.sleep(min(POLL_SECONDS, left))
    _write_info(store)
    with _registry_lock:
        _registry[store] = _Held(lock, 1, me)
    log.info("sync lock taken on %s", store)


def release(store: Path) -> None:
    store = store.resolve()
    with _registry_lock:
        held = _registry.get(store)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _registry[store]
    # The side file first: once the lock is free a new holder writes its own.
    try:
        info_path(store).unlink(missing_ok=True)
    except OSError:
        log.info("could not remove %s", info_path(store), exc_info=True)
    held.lock.release()


def held_here(store: Path) -> bool:
    """Whether this thread holds the lock of `store`."""
    with _registry_lock:
        held = _registry.get(store.resolve())
        return held is not None and held.thread == threading.get_ident()


@contextmanager
def hold(store: Path, wait: float = 0.0, cancel: CancelToken | None = None) -> Iterator[None]:
    acquire(store, wait, cancel)
    try:
        yield
    finally:
        release(store)


def is_busy(store: Path) -> SyncBusyError | None:
    """Whether another process (or another thread) syncs `store` now (a quick look: takes and drops
    the lock); None if it is free or this thread holds it."""
    if held_here(store):
        return None
    store = store.resolve()
    lock = _try_lock_here(store)
    if lock is None:
        return _busy(store)
    lock.release()
    return None
