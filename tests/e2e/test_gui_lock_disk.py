"""The main window when a command-line sync holds the data folder (issue 12.6), and when the local
store cannot be used (issue 13.4): a plain message, nothing started, the store kept aside only
once the user agrees."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox
from test_main_window import (  # type: ignore[import-not-found]  # noqa: F401
    TIMEOUT,
    make_window,
    sandbox_connection,
    wait_connected,
)

from helpers.cli import cli_env
from loyalty_desktop.core import paths
from loyalty_desktop.sync import lock as sync_lock
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

pytestmark = pytest.mark.usefixtures("english", "fail_on_qt_warnings")

BUSY = "A sync is already running on this data folder (since "


def test_gui_says_a_cli_sync_holds_the_folder_and_starts_nothing(qtbot: Any, make_window: Any,
                                                                 data_dir: Path) -> None:
    with KlaviyoSandbox(job_seconds=30) as sb:
        cli = subprocess.Popen([sys.executable, "-m", "loyalty_desktop", "sync", "--members", "300", "--to", "klaviyo",
                                "--base-url", sb.base_url or ""],
                               env=cli_env(data_dir),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while (h := sync_lock.holder(data_dir / "store.sqlite3")) is None or h.pid != cli.pid:
                assert time.monotonic() < deadline and cli.poll() is None, "the CLI sync never took the lock"
                time.sleep(0.02)
            w = make_window(connection=sandbox_connection())
            wait_connected(qtbot, w)
            runs_before = w.runs_tab.runs_model.runs()
            with qtbot.waitSignal(w.syncBlocked, timeout=TIMEOUT) as blocked:
                assert w.sync_now() is False
            assert blocked.args[0].startswith(BUSY)
            assert w.status.status_label.text() == blocked.args[0]
            assert h.since is not None and f"(since {h.since.astimezone():%H:%M})" in w.status.status_label.text()
            assert not w.syncing and w.sync_panel.sync_button.isEnabled()
            assert w.runs_tab.runs_model.runs() == runs_before  # nothing recorded
        finally:
            cli.kill()
            cli.wait()
    # Once the other sync is gone (killed: the OS dropped its lock) the window syncs as usual.
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT):
        assert w.sync_now() is True


def test_lock_taken_between_the_check_and_the_run_is_a_plain_message(qtbot: Any, make_window: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The check in sync_now is only a quick look; the worker process takes the lock for real."""
    w = make_window(connection=sandbox_connection())
    wait_connected(qtbot, w)
    monkeypatch.setattr(sync_lock, "is_busy", lambda folder: None)  # the quick look sees it free…
    # …but this process (another one than the worker) holds it when the run starts.
    with sync_lock.hold(paths.store_path()), qtbot.waitSignal(w.syncFailed, timeout=TIMEOUT) as failed:
        assert w.sync_now() is True
    assert failed.args[0].startswith("A sync is already running on this data folder")
    assert "SyncBusyError" not in failed.args[0] and "SyncBusyError" not in w.status.status_label.text()


def _damage_store() -> Path:
    store = paths.store_path()
    store.write_bytes(os.urandom(8192))
    return store


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_damaged_store_is_kept_aside_only_when_the_user_agrees(qtbot: Any, make_window: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store = _damage_store()
    damaged = store.read_bytes()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    w = make_window()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    assert "is damaged" in asked[0] and str(store) in asked[0]
    qtbot.wait(200)
    assert store.read_bytes() == damaged  # said no: untouched
    assert "Could not read the sync history" in w.status.status_label.text()
    w.close()

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = make_window()
    with qtbot.waitSignal(w.storeSetAside, timeout=TIMEOUT) as done:
        pass
    kept = [p for p in store.parent.iterdir() if p.name.startswith("store.unusable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # moved, not deleted
    assert str(kept[0]) in done.args[0]
    qtbot.waitUntil(lambda: not w.history.refreshing, timeout=TIMEOUT)
    assert "Could not read" not in w.status.status_label.text()


def test_newer_store_is_not_offered_to_be_set_aside(qtbot: Any, make_window: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    store = paths.store_path()
    db = sqlite3.connect(store)
    for t in ("members", "records", "outbox", "runs"):
        db.execute(f"CREATE TABLE {t}(x)")
    db.execute("PRAGMA user_version=99")
    db.commit()
    db.close()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = make_window()
    qtbot.waitUntil(lambda: "newer version" in w.status.status_label.text(), timeout=TIMEOUT)
    qtbot.wait(100)
    assert asked == [] and store.exists()
