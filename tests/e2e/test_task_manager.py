"""The GUI's TaskManager: results come back on the GUI thread, one failing callback does not drop
the others, and a result whose widget was deleted meanwhile is dropped (no RuntimeError from a
deleted C++ object, as when the set-up wizard closed while the done page read the store)."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel


def test_results_reach_the_gui_thread_and_each_callback_is_isolated(qtbot: Any, tasks: Any) -> None:
    got: list[tuple[int, bool]] = []

    def boom(_f: Future[int]) -> None:
        raise ValueError("a bug in one callback")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("loyalty_desktop.ui.tasks.log.exception", lambda *a, **k: None)
        tasks.run(lambda: 1, boom)
        tasks.run(lambda: 2, lambda f: got.append((f.result(), threading.current_thread() is threading.main_thread())))
        qtbot.waitUntil(lambda: got == [(2, True)], timeout=5000)


def test_a_deleted_widget_gets_no_callback(qtbot: Any, tasks: Any) -> None:
    release = threading.Event()
    label = QLabel()
    seen: list[str] = []

    class Card(QLabel):
        def loaded(self, f: Future[str]) -> None:  # a bound method: the widget owns the answer
            self.setText(f.result())
            seen.append(f.result())

    card = Card()
    tasks.run(lambda: release.wait(5) and "late", card.loaded)
    tasks.run(lambda: release.wait(5) and "owned", lambda f: seen.append(f.result()), owner=label)
    card.deleteLater()
    label.deleteLater()
    qtbot.wait(50)  # both deleted while their work runs
    release.set()
    done = tasks.run(lambda: "after", lambda f: seen.append(f.result()))
    qtbot.waitUntil(lambda: "after" in seen, timeout=5000)
    assert done.done() and seen == ["after"]
