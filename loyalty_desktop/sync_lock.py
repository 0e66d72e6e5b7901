"""One sync at a time per data folder, across processes: the CLI, the GUI, a scheduled run.

An OS lock (flock on Unix, LockFileEx on Windows, through `filelock`) on `sync.lock` in the data
folder. The OS drops it when its holder dies, even by kill -9, so a crashed sync never blocks the
next one. Beside it, `sync.lock.json` says who holds it (process id, start time) for the message
the next one shows; a side file because a contender opening the lock file may truncate it.

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

import filelock

from . import clock
from .disk_errors import from_os
from .errors import SyncBusyError
from .net import CancelToken

log = logging.getLogger(__name__)

LOCK_NAME = "sync.lock"
INFO_NAME = "sync.lock.json"
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


def holder(folder: Path) -> Holder | None:
    """Who holds the lock of `folder` as its side file says (None: no side file)."""
    try:
        raw = json.loads((folder / INFO_NAME).read_text(encoding="utf-8"))
        since = clock.parse_instant(raw["since"]) if raw.get("since") else None
        return Holder(int(raw["pid"]) if raw.get("pid") is not None else None, since)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _busy(folder: Path) -> SyncBusyError:
    h = holder(folder)
    return SyncBusyError(str(folder), h.since if h else None, h.pid if h else None)


def _try_lock(folder: Path) -> filelock.BaseFileLock | None:
    """The OS lock, or None if another holds it. A folder that cannot hold the lock file is a
    DiskError (read-only, a file in the way)."""
    lock = filelock.FileLock(str(folder / LOCK_NAME), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        return None
    except OSError as exc:
        raise from_os(exc, folder) or exc
    return lock


def _try_lock_here(folder: Path) -> filelock.BaseFileLock | None:
    with _registry_lock:  # another thread of this process holds it: as busy as another process
        if folder in _registry:
            return None
    return _try_lock(folder)


def _write_info(folder: Path) -> None:
    info = folder / INFO_NAME
    tmp = info.with_name(INFO_NAME + ".tmp")
    try:
        tmp.write_text(json.dumps({"pid": os.getpid(), "since": clock.now_iso()}), encoding="utf-8")
        os.replace(tmp, info)
    except OSError:  # only the message of a contender loses its detail
        log.info("could not write %s", info, exc_info=True)


def acquire(folder: Path, wait: float = 0.0, cancel: CancelToken | None = None) -> None:
    """Take the sync lock of `folder`, waiting up to `wait` seconds for another holder to finish;
    raises SyncBusyError (or CancelledError while waiting)."""
    folder = folder.resolve()
    me = threading.get_ident()
    with _registry_lock:
        held = _registry.get(folder)
        if held is not None and held.thread == me:
            held.count += 1
            return
    deadline = clock.monotonic() + max(0.0, wait)
    while (lock := _try_lock_here(folder)) is None:
        left = deadline - clock.monotonic()
        if left <= 0:
            raise _busy(folder)
        if cancel is not None:
            cancel.sleep(min(POLL_SECONDS, left))
        else:
            clock.sleep(min(POLL_SECONDS, left))
    _write_info(folder)
    with _registry_lock:
        _registry[folder] = _Held(lock, 1, me)
    log.info("sync lock taken on %s", folder)


def release(folder: Path) -> None:
    folder = folder.resolve()
    with _registry_lock:
        held = _registry.get(folder)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _registry[folder]
    # The side file first: once the lock is free a new holder writes its own.
    try:
        (folder / INFO_NAME).unlink(missing_ok=True)
    except OSError:
        log.info("could not remove %s", folder / INFO_NAME, exc_info=True)
    held.lock.release()


def held_here(folder: Path) -> bool:
    """Whether this thread holds the lock of `folder`."""
    with _registry_lock:
        held = _registry.get(folder.resolve())
        return held is not None and held.thread == threading.get_ident()


@contextmanager
def hold(folder: Path, wait: float = 0.0, cancel: CancelToken | None = None) -> Iterator[None]:
    acquire(folder, wait, cancel)
    try:
        yield
    finally:
        release(folder)


def is_busy(folder: Path) -> SyncBusyError | None:
    """Whether another process (or another thread) syncs `folder` now (a quick look: takes and drops
    the lock); None if it is free or this thread holds it."""
    if held_here(folder):
        return None
    lock = _try_lock_here(folder.resolve())
    if lock is None:
        return _busy(folder.resolve())
    lock.release()
    return None
