"""Several processes opening (and so creating or migrating) the same store at once: each gets a
working store. A store another process was creating must never look damaged or foreign (the app
would then offer to set a good store aside)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from loyalty_desktop.store.migrate import MIGRATIONS
from loyalty_desktop.store.store import SCHEMA_VERSION, Store

OPEN = "import sys; from loyalty_desktop.store.store import Store; Store(sys.argv[1]).close(); print('ok')"


def test_threads_creating_one_store_at_once_all_succeed(tmp_path: Path) -> None:
    for round_ in range(15):
        path = tmp_path / f"s{round_}.sqlite3"
        errors: list[BaseException] = []
        start = threading.Barrier(4)

        def open_it(start: threading.Barrier = start, path: Path = path,
                    errors: list[BaseException] = errors) -> None:
            try:
                start.wait()
                Store(path).close()
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == [], errors
        with Store(path) as s:
            assert s.schema_version == SCHEMA_VERSION


def test_processes_migrating_an_old_store_at_once_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(f"{MIGRATIONS[0]};PRAGMA user_version=1;")
    db.close()
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err[-2000:] for _, err in outs]
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
