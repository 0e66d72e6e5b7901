"""The main window's connection and sync life cycle, without widgets.

- Connection: verified at start (or handed over by the wizard), "Verify again", the key's mask and
  where it is kept, forgetting the key. Its health is a `Health`.
- Sync: a `SyncStage` (IDLE → RUNNING in the SyncRunner's worker process, which opens the source
  → IDLE), with the texts the status bar shows and the signals the window relays.

Everything slow runs off the GUI thread (TaskManager) or in the worker process (SyncRunner). The controller owns the
connection and closes it (stopping an in-process sandbox) at shutdown.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Signal

from loyalty_desktop import service
from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import platforms, secrets
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.options import source_options
from loyalty_desktop.ui.runs_model import format_duration
from loyalty_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the runner, the worker's protocol and the run's types load with the first sync
    from loyalty_desktop.destinations.base import AccountInfo
    from loyalty_desktop.sync.summary import Progress, RunSummary
    from loyalty_desktop.ui.sync_runner import SyncRunner

log = logging.getLogger(__name__)


class SyncStage(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"  # the engine runs in the SyncRunner's worker process


class Health(enum.Enum):
    IDLE = "idle"  # not connected yet
    CONNECTING = "connecting"
    VERIFYING = "verifying"
    OK = "ok"
    NO_KEY = "nokey"
    ERROR = "error"  # `health_error` says why


class SyncController(QObject):
    changed = Signal()  # health, key info or stage changed: the window re-reads the state
    connectionChanged = Signal(bool)  # connected (verified) or not
    started = Signal(bool)  # automatic?
    status = Signal(str)  # a line for the status bar
    progress = Signal(object)  # engine.Progress
    ended = Signal(str)  # back to IDLE; the outcome in words (a failure also comes as `failed`)
    finished = Signal(object)  # engine.RunSummary (any status)
    failed = Signal(str)  # connecting or syncing failed; the user-facing message
    blocked = Signal(str)  # not started: another sync holds the data folder
    confirmationNeeded = Signal(object, bool)  # RunSummary (NEEDS_CONFIRMATION), automatic?

    def __init__(self, settings: Settings, tasks: TaskManager, connection: service.Connection | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings, self.tasks = settings, tasks
        self.connection = connection
        self.target_name = settings.target_name()
        self.demo = settings.demo or self.target_name.endswith("-sandbox")
        self.health = Health.OK if connection is not None else Health.IDLE
        self.health_error = ""
        self.verified_at: datetime | None = clocks.local_now() if connection is not None else None
        self.key_mask: str | None = None
        self.key_where: str | None = None
        self.busy_verify = False
        self.stage = SyncStage.IDLE
        self.automatic = False
        self.last_progress: Progress | None = None
        self.last_message = ""
        self.sync_after_connect = False  # an automatic sync is waiting for the connection
        self.closed = False
        self.kit_running: Callable[[], bool] = lambda: False  # the Klaviyo kit uses the connection too
        self._confirmed = False
        self._runner: SyncRunner | None = None

    @property
    def runner(self) -> SyncRunner:
        """The worker process's side in the GUI, made with the first sync."""
        if self._runner is None:
            from loyalty_desktop.ui.sync_runner import SyncRunner

            self._runner = SyncRunner(self)
            self._runner.progress.connect(self._on_progress)
            self._runner.finished.connect(self._on_finished)
            self._runner.failed.connect(self._on_failed)
        return self._runner

    # -- state --------------------------------------------------------------------------------

    @property
    def syncing(self) -> bool:
        return self.stage is not SyncStage.IDLE

    @property
    def connected(self) -> bool:
        return self.connection is not None and self.health is Health.OK

    def platform(self) -> str:
        if self.settings.platform:
            return self.settings.platform
        try:
            return str(service.target(self.target_name).platform)
        except Exception:  # noqa: BLE001
            return self.target_name.split("-")[0]

    def platform_label(self) -> str:
        return platforms.label(self.platform())

    def mapping(self) -> Mapping:
        if self.settings.mapping:
            return Mapping.from_json(self.settings.mapping)
        return service.mapping_for(service.target(self.target_name).default_preset)

    def other_sync(self) -> str | None:
        """The message to show when another process syncs this data folder now (None: free).
        A quick, non-blocking look; the sync itself takes the lock in service.sync."""
        try:
            busy = service.sync_running_elsewhere()
        except LoyaltyError as exc:  # e.g. a read-only data folder: the sync could not run either
            return user_message(exc, tr=i18n.translate_core)
        return None if busy is None else user_message(busy, tr=i18n.translate_core)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status.emit(text)

    # -- connection ---------------------------------------------------------------------------

    def load_key_info(self) -> None:
        platform = self.platform()

        def work() -> tuple[str | None, str | None]:
            key = secrets.load(platform)
            return (secrets.mask(key) if key else None), (secrets.backend_label() if key else None)

        self.tasks.run(work, self._key_info_loaded)

    def _key_info_loaded(self, fut: Future[tuple[str | None, str | None]]) -> None:
        if self.closed:
            return
        try:
            self.key_mask, self.key_where = fut.result()
        except Exception:
            log.info("could not read the key for display", exc_info=True)
            self.key_mask, self.key_where = None, None
        self.changed.emit()

    def verify_again(self) -> None:
        """Check the key with the platform (connecting first when there is no connection yet)."""
        if self.busy_verify or self.syncing or self.closed:
            return
        self.busy_verify = True
        conn, platform, demo, name = self.connection, self.platform(), self.demo, self.target_name
        options = source_options(self.settings)
        self.health = Health.VERIFYING if conn is not None else Health.CONNECTING

        def work() -> tuple[service.Connection | None, AccountInfo | None, str | None, str | None]:
            key = secrets.load(platform)
            mask = secrets.mask(key) if key else None
            where = secrets.backend_label() if key else None
            if conn is not None:
                return None, conn.verify(), mask, where
            if not key and not demo:
                return None, None, None, None
            return service.target(name).connect(key, options.target, CancelToken()), None, mask, where

        self.changed.emit()
        self.tasks.run(work, self._verified)

    def _verified(self, fut: Future[Any]) -> None:
        self.busy_verify = False
        auto, self.sync_after_connect = self.sync_after_connect, False
        try:
            new_conn, info, mask, where = fut.result()
        except Exception as exc:  # noqa: BLE001 - shown to the user in plain words
            if self.closed:
                return
            self.health = Health.ERROR
            self.health_error = user_message(exc, self.platform_label(), tr=i18n.translate_core)
            self.changed.emit()
            self.connectionChanged.emit(False)
            if auto:  # nobody may be watching: say that the automatic sync could not run
                self.failed.emit(self.health_error)
            return
        if self.closed:
            if new_conn is not None:
                new_conn.close()
            return
        self.key_mask, self.key_where = mask, where
        if new_conn is not None:
            self.connection = new_conn
        elif info is not None and self.connection is not None:
            self.connection.account = info
        if self.connection is None:
            self.health = Health.NO_KEY
        else:
            self.health = Health.OK
            self.verified_at = clocks.local_now()
        self.changed.emit()
        self.connectionChanged.emit(self.connection is not None)
        if auto and self.connection is not None:
            self.sync_now(automatic=True)
        elif auto:
            self.failed.emit(self.tr("No key stored for {platform}: click “Paste the key…” to connect again.").format(
                platform=self.platform_label()))

    def forget_key(self) -> None:
        """Remove the key from the keyring and disconnect (the window asked first)."""
        secrets.forget(self.platform())
        self.key_mask, self.key_where = None, None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.health = Health.NO_KEY
        self._say(self.tr("The {platform} key was forgotten.").format(platform=self.platform_label()))
        self.changed.emit()
        self.connectionChanged.emit(False)

    def adopt(self, conn: service.Connection | None, mask: str | None, where: str | None) -> None:
        """Use `conn`, verified elsewhere (the key entered again, the set-up changed), from now on;
        the settings may name another platform or target since. None: connect again from the
        settings (as at launch)."""
        if self.connection is not None and self.connection is not conn:
            self.connection.close()
        self.target_name = self.settings.target_name()
        self.demo = self.settings.demo or self.target_name.endswith("-sandbox")
        self.connection, self.key_mask, self.key_where = conn, mask, where
        if conn is None:
            self.health = Health.IDLE
            self.verify_again()
            return
        self.health, self.verified_at = Health.OK, clocks.local_now()
        self.changed.emit()
        self.connectionChanged.emit(True)

    # -- sync ---------------------------------------------------------------------------------

    def sync_now(self, automatic: bool = False, confirmed: bool = False) -> bool:
        """Start a sync; returns False when one is running or there is no connection. `confirmed`:
        the user agreed to send the live events the previous run stopped on."""
        if self.syncing or self.connection is None or self.busy_verify or self.closed or self.kit_running():
            return False
        elsewhere = self.other_sync()
        if elsewhere is not None:  # e.g. a command-line sync on the same data folder: say so, start nothing
            self._say(elsewhere)
            self.blocked.emit(elsewhere)
            return False
        self.automatic, self._confirmed = automatic, confirmed
        self.last_progress = None
        try:  # the worker process opens the source and connects again itself
            from loyalty_desktop.worker import jobs  # with the first sync (the worker's protocol)

            saved = self.settings.source_options  # the options as the Settings tab last saved them
            job = jobs.sync_job(self.connection, self.settings.source or "demo", saved, self.mapping(),
                                confirmed=confirmed, backfill=bool(saved.get("backfill")))
            self.runner.start(job)
        except Exception as exc:  # noqa: BLE001 - e.g. a mapping the settings no longer describe
            message = user_message(exc, self.platform_label(), tr=i18n.translate_core)
            self._end(self.tr("Sync failed: {error}").format(error=message), failed=message)
            return False
        self.stage = SyncStage.RUNNING
        self.status.emit(self.tr("Sync started…"))
        self.changed.emit()
        self.started.emit(automatic)
        return True

    def sync_automatically(self) -> None:
        """The automatic sync is due: sync, or connect first, or say why not."""
        if self.syncing:
            log.info("automatic sync skipped: a sync is running")
        elif (elsewhere := self.other_sync()) is not None:
            log.info("automatic sync skipped: %s", elsewhere)
            self.status.emit(elsewhere)
        elif self.connection is None or self.health is Health.ERROR:
            # Not connected (no network at launch, the key failed): try again, then sync.
            self.sync_after_connect = True
            if not self.busy_verify:
                self.verify_again()
        elif not self.sync_now(automatic=True):
            self.sync_after_connect = True  # a verification is under way: sync once it ends

    def cancel_sync(self) -> bool:
        """Ask the sync to stop; False when there is nothing to cancel."""
        if self.stage is not SyncStage.RUNNING:
            return False
        self.runner.cancel()
        self.status.emit(self.tr("Cancelling…"))
        return True

    def _on_progress(self, p: Progress) -> None:
        if p.wait is None:
            self.last_progress = p
        self.progress.emit(p)

    def _on_finished(self, summary: RunSummary) -> None:
        from loyalty_desktop.sync.summary import RunStatus

        loc = QLocale()
        failed = None
        if summary.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS):
            # The figures are in the Sync box beside (the last sync's line): one line here.
            text = self.tr("Sync finished in {time}.").format(time=format_duration(summary.seconds))
            if summary.rejected or summary.source_rejected:
                text += " " + self.tr("Open the run to see why rows were refused or rejected.")
        elif summary.status is RunStatus.CANCELLED:
            text = self.tr("Sync cancelled; the next one resumes where it stopped.")
        elif summary.status is RunStatus.NEEDS_CONFIRMATION:
            text = self.tr("Sync stopped before sending anything: {count} live events wait for your "
                           "confirmation.").format(count=loc.toString(summary.live_events_total))
        else:
            failed = printable(i18n.core_text(summary.error)) if summary.error else self.tr("unknown error")
            text = self.tr("Sync failed: {error}").format(error=failed)
        self._end(text, failed=failed)
        if summary.status is RunStatus.NEEDS_CONFIRMATION:
            self.confirmationNeeded.emit(summary, self.automatic)
        self.finished.emit(summary)

    def confirmation_answered(self, send: bool) -> None:
        if send:
            self.sync_now(confirmed=True)
        else:
            self.status.emit(self.tr("Nothing sent. The live events will be asked about again at the next sync."))

    def _on_failed(self, message: str) -> None:
        self._end(self.tr("Sync failed: {error}").format(error=message), failed=message)

    def _end(self, text: str, failed: str | None = None) -> None:
        self.stage = SyncStage.IDLE
        self.last_progress = None
        self.last_message = text
        self.ended.emit(text)
        if failed is not None:
            self.failed.emit(failed)

    # -- shutdown -----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the sync (waiting for its worker process, killed after 15 s) and close the connection."""
        self.closed = True
        if self._runner is not None:
            self._runner.cancel()
            self._runner.wait(15_000)  # killed if it did not stop at a safe point by then: the outbox makes it safe
        if self.connection is not None:
            self.connection.close()
            self.connection = None
