"""Disk and store failures (issue 13.4): a damaged, truncated or foreign store, a newer schema, a
read-only store or folder, a full disk, a file where a folder should be. Each is one message (what,
where, what to do), a non-zero exit, no traceback, nothing else lost; the run history keeps the
real error; a damaged store is kept aside only when asked."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.cli import cli
from helpers.sync_helpers import new_program, run_sync
from loyalty_desktop.core import disk_errors
from loyalty_desktop.core.errors import (
    DiskError,
    DiskProblem,
    StoreProblem,
    StoreUnusableError,
    user_message,
)
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.store.store import Store
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

MEMBERS = "200"


def sync_args(sb: KlaviyoSandbox) -> list[str]:
    return ["sync", "--members", MEMBERS, "--to", "klaviyo", "--base-url", sb.base_url or ""]


def one_message(r: subprocess.CompletedProcess, *needles: str) -> str:
    """A failed command: non-zero, no traceback, an `error:` line holding every needle."""
    assert r.returncode != 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, r.stderr
    for n in needles:
        assert n in errors[0], errors[0]
    return errors[0]


@pytest.fixture
def sb() -> Iterator[KlaviyoSandbox]:
    with KlaviyoSandbox(job_seconds=0.05) as s:
        yield s


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Read-only even for root (permission bits do not stop root): the ext4 immutable flag."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    r = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot make {path} immutable here: {r.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


# -- unusable stores ---------------------------------------------------------------------------------------


def test_random_file_as_store_is_refused_then_kept_aside_only_when_asked(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    data = tmp_path / "d"
    data.mkdir()
    store = data / "store.sqlite3"
    junk = os.urandom(20_000)
    store.write_bytes(junk)
    r = cli(data, *sync_args(sb))
    one_message(r, "The local store", str(store), "is damaged", "file is not a database", "Nothing was changed")
    assert "--set-aside-damaged-store" in r.stderr
    assert store.read_bytes() == junk  # never silently reset
    assert sb.count_requests(write_only=True) == 0

    r = cli(data, "--set-aside-damaged-store", *sync_args(sb))
    assert r.returncode == 0, r.stderr
    kept = [p for p in data.iterdir() if p.name.startswith("store.unusable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == junk
    assert f"kept aside as {kept[0]}" in r.stderr
    assert f"Contacts sent: {MEMBERS}" in r.stdout


def test_truncated_store_is_damaged_not_reset(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    data = tmp_path / "d"
    assert cli(data, *sync_args(sb)).returncode == 0
    store = data / "store.sqlite3"
    size = store.stat().st_size
    with store.open("r+b") as f:
        f.truncate(size // 2)
    for args in (["runs"], sync_args(sb)):
        one_message(cli(data, *args), str(store), "is damaged", "malformed")
    assert store.stat().st_size == size // 2


def test_another_applications_database_is_not_touched(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    data = tmp_path / "d"
    data.mkdir()
    store = data / "store.sqlite3"
    db = sqlite3.connect(store)
    db.execute("CREATE TABLE cookies(host TEXT, value TEXT)")
    db.execute("INSERT INTO cookies VALUES ('example.com', 'x')")
    db.commit()
    db.close()
    before = store.read_bytes()
    one_message(cli(data, *sync_args(sb)), "is not a Loyalty Desktop store", "cookies")
    assert store.read_bytes() == before  # no table of ours was added to it


def test_newer_schema_says_to_update(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    data = tmp_path / "d"
    assert cli(data, *sync_args(sb)).returncode == 0
    store = data / "store.sqlite3"
    db = sqlite3.connect(store)
    db.execute("PRAGMA user_version=99")
    db.commit()
    db.close()
    r = cli(data, "runs")
    one_message(r, "newer version of Loyalty Desktop", "schema 99")
    assert "--set-aside-damaged-store" not in r.stderr  # updating is the fix, not a new store


# -- read-only, full, not a folder ------------------------------------------------------------------------


def test_read_only_store_and_folder(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    data = tmp_path / "d"
    assert cli(data, *sync_args(sb)).returncode == 0
    store = data / "store.sqlite3"
    before = cli(data, "runs").stdout
    with immutable(store):
        one_message(cli(data, *sync_args(sb)), f"Cannot write to {store}: it is read-only")
        assert cli(data, "runs").stdout == before  # reading still works
    with immutable(data):
        one_message(cli(data, *sync_args(sb)), f"Cannot write to {data}", "read-only")
    r = cli(data, *sync_args(sb))
    assert r.returncode == 0, r.stderr  # nothing was lost: it syncs once writable again
    assert cli(data, "runs").stdout.count("completed") == 2


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    f = tmp_path / "not-a-folder"
    f.write_text("x")
    for data in (f, f / "sub"):
        one_message(cli(data, "runs"), f"{f} is a file, but Loyalty Desktop needs a folder there")
    data = tmp_path / "d"
    data.mkdir()
    (data / "logs").write_text("x")  # the log folder
    one_message(cli(data, "runs"), f"{data / 'logs'} is a file")


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({r.stderr.strip() or 'not permitted'})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    for size in (4096, 512, 1):  # the last crumbs too
        with contextlib.suppress(OSError), (folder / f"filler{size}").open("wb") as f:
            while True:
                f.write(b"\0" * size)
                f.flush()
    return filler


def test_full_disk_is_one_message_and_the_next_sync_resumes(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    with small_tmpfs(tmp_path / "mnt", "24m") as data:
        assert cli(data, *sync_args(sb)).returncode == 0
        assert cli(data, "demo", "tick", "30", "--members", MEMBERS).returncode == 0
        fill(data)
        r = cli(data, *sync_args(sb))
        one_message(r, f"The disk holding {data} is full", "free some space")
        for p in data.glob("filler*"):
            p.unlink()
        r = cli(data, *sync_args(sb))
        assert r.returncode == 0, r.stderr
        assert "Events sent: 0" not in r.stdout  # the month's events went out after all
        events = [e.unique_id for e in sb.events()]
        assert len(events) == len(set(events)) > 0
        assert sb.dropped_events().get("duplicate", 0) == 0


# -- in-process: the run history keeps the real error ----------------------------------------------------


def test_store_full_mid_sync_is_recorded_as_such(tmp_path: Path, sb: KlaviyoSandbox) -> None:
    with Store(tmp_path / "store.sqlite3") as store, new_program(tmp_path / "p.sqlite3", 300) as prog:
        assert run_sync(store, prog, sb, KLAVIYO_LOYALTY).status.value == "completed"
        prog.tick(30)
        # No free pages left to reuse (the first sync's sent outbox rows freed some): the next
        # write needs a new page, which the limit refuses.
        store.db.execute("VACUUM")
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count={pages}")  # the fault hook: SQLite's own SQLITE_FULL
        with pytest.raises(DiskError) as caught:
            run_sync(store, prog, sb, KLAVIYO_LOYALTY)
        assert caught.value.problem is DiskProblem.FULL
        last = store.runs(1)[0]
        assert last.status == "failed"
        assert last.error is not None and "is full (database or disk is full)" in last.error
        assert "cannot rollback" not in last.error
        store.db.execute("PRAGMA max_page_count=1073741823")  # space again
        again = run_sync(store, prog, sb, KLAVIYO_LOYALTY)
        assert again.status.value == "completed" and again.events_sent > 0
    events = [e.unique_id for e in sb.events()]
    assert len(events) == len(set(events))


def test_a_disk_error_inside_a_transaction_is_not_replaced_by_the_rollback(tmp_path: Path) -> None:
    with Store(tmp_path / "store.sqlite3") as store:
        with pytest.raises(sqlite3.OperationalError, match="database or disk is full"), store.tx() as db:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count={pages}")
            db.execute("CREATE TABLE filler(x)")
            db.executemany("INSERT INTO filler VALUES (?)", [("x" * 4000,)] * 200)
        assert not store.db.in_transaction
        store.db.execute("PRAGMA max_page_count=1073741823")
        with store.tx() as db:
            db.execute("CREATE TABLE ok(x)")  # the connection is usable afterwards


def test_classification_words_each_problem() -> None:
    full = disk_errors.from_os(OSError(errno.ENOSPC, "No space left on device", "/x/store"))
    assert isinstance(full, DiskError) and full.problem is DiskProblem.FULL
    ro = disk_errors.from_os(OSError(errno.EROFS, "Read-only file system", "/x"))
    assert isinstance(ro, DiskError) and ro.problem is DiskProblem.READ_ONLY
    assert disk_errors.from_os(OSError(errno.EPIPE, "Broken pipe")) is None  # not the user's to fix: a bug
    damaged = StoreUnusableError(StoreProblem.DAMAGED, "/x/store.sqlite3", "file is not a database")
    text = user_message(damaged)
    assert "/x/store.sqlite3" in text and "Nothing was changed" in text and "kept aside" in text
