"""The local store cannot be used (damaged, another application's file): ask before keeping it
aside. Never done silently: the user's sync history and outbox are in that file."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from loyalty_desktop import service
from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import (
    StoreProblem,
    StoreUnusableError,
    set_aside_note,
    user_message,
)
from loyalty_desktop.ui.i18n import translate_core
from loyalty_desktop.ui.tasks import TaskManager


def can_set_aside(exc: BaseException) -> bool:
    """A newer version's store is not offered: installing that version again is the fix."""
    return isinstance(exc, StoreUnusableError) and exc.problem is not StoreProblem.NEWER


def ask(parent: QWidget, exc: StoreUnusableError) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("StoreProblem", "The local store cannot be used"),
        user_message(exc, tr=translate_core) + "\n\n"
        + QCoreApplication.translate("StoreProblem", "Keep it aside and start a new store?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def offer_set_aside(parent: QWidget, tasks: TaskManager, exc: StoreUnusableError,
                    done: Callable[[str], None]) -> None:
    """Ask; if the user agrees, keep the store aside in the background, then `done(message)`
    (where it went, or why it could not be moved)."""
    if not ask(parent, exc):
        return
    store = paths.store_path()

    def finished(fut: Future[Path | None]) -> None:
        try:
            kept = fut.result()
        except Exception as err:  # noqa: BLE001 - e.g. another sync holds the folder meanwhile
            done(user_message(err, tr=translate_core))
            return
        done(set_aside_note(str(store), str(kept), tr=translate_core) if kept is not None
             else QCoreApplication.translate("StoreProblem", "The local store can be used again; nothing was moved."))

    tasks.run(lambda: service.set_aside_store(store), finished)
