"""Wizard page 6: what the first sync will send (planned, nothing written: preview_panel), then, once
the user clicks Start, the sync in the worker process. The page plans again whenever what it was
planned or run for changed (the user went Back and chose another platform, source or mapping)."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core import platforms
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.options_box import BACKFILL
from loyalty_desktop.ui.phases import phase_name
from loyalty_desktop.ui.wizard.base import Page
from loyalty_desktop.ui.wizard.preview_panel import PreviewPanel

if TYPE_CHECKING:  # the plan, the sync and their types load when the page plans or runs, not with the wizard
    from loyalty_desktop import service_preview
    from loyalty_desktop.store.rejects import RejectedRow
    from loyalty_desktop.sync.summary import Phase, Progress, RunSummary
    from loyalty_desktop.ui.confirm_live import LiveEventsBox
    from loyalty_desktop.ui.sync_runner import SyncRunner
    from loyalty_desktop.worker import jobs


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(seconds)
    return f"{s // 60} min {s % 60:02d} s" if s >= 60 else f"{s} s"


class SyncPage(Page):
    runningChanged = Signal(bool)  # the wizard's one Cancel stops the sync while it runs
    synced = Signal()  # a sync ran to its end with the current choices

    def __init__(self) -> None:
        super().__init__()
        self.preview_panel = PreviewPanel(lambda: self.tasks)
        self.preview_panel.startClicked.connect(self.start)
        self.preview_panel.retryClicked.connect(self.plan)
        self.preview_panel.options.changed.connect(self._option_changed)
        self.preview_panel.options.advanced.connect(lambda _n: self.plan())
        self._runner: SyncRunner | None = None  # made with the first sync (the worker's protocol loads then)
        self.phase = QLabel()
        self.bar = QProgressBar()
        self.counts = QLabel()
        self.speed = QLabel()
        self.resume_button = QPushButton()
        self.resume_button.clicked.connect(self.start)
        self.resume_button.hide()
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        self.rejected_label = QLabel()
        self.rejected = QTableWidget(0, 3)
        self.rejected.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.rejected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected.verticalHeader().hide()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_rejected)
        self.create_missing_button = QPushButton()  # Splio skipped members it has no contact for
        self.create_missing_button.clicked.connect(self.create_missing)
        self.create_missing_button.hide()
        self.rejected_box = QWidget()
        box = QVBoxLayout(self.rejected_box)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.rejected_label, 1)
        row.addWidget(self.create_missing_button)
        row.addWidget(self.export_button)
        box.addLayout(row)
        box.addWidget(self.rejected)
        self.rejected_box.hide()
        self.run_box = QWidget()
        self.run_box.hide()
        outer = QVBoxLayout(self)
        outer.addWidget(self.preview_panel, 1)
        outer.addWidget(self.run_box, 1)
        lay = QVBoxLayout(self.run_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.phase)
        lay.addWidget(self.bar)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.speed)
        lay.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.resume_button)
        lay.addLayout(row)
        lay.addWidget(self.log, 1)
        lay.addWidget(self.rejected_box, 1)
        self._done = False
        self._planned_for: object = None  # what the preview or the run was made for (see `inputs`)
        self._plan_cancel: CancelToken | None = None
        self.confirm_box: LiveEventsBox | None = None  # open while asking about too many live events
        self._last_phase: Phase | None = None
        self._rejected_rows: list[tuple[str, str, str]] = []
        self._rows: list[RejectedRow] = []
        self.retranslate()

    def retranslate(self) -> None:
        # A change of set-up on an account already synced is not a first sync: the title says so.
        self.setTitle(self.tr("First sync") if getattr(self, "_first", True) else self.tr("Sync with your changes"))
        self.setSubTitle(self.tr("Check what will be sent, then click Start. You can cancel at any time: the next "
                                 "sync resumes where this one stopped."))
        self.resume_button.setText(self.tr("Resume"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.create_missing_button.setText(self.tr("Create the missing contacts"))
        self.rejected.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Field"), self.tr("Reason")])
        self.log.setAccessibleName(self.tr("Sync log"))
        self.bar.setAccessibleName(self.tr("Sync progress"))

    def initializePage(self) -> None:
        pass  # the wizard calls entered() each time the page is shown

    def entered(self) -> None:
        """Shown (again): plan, unless the page already planned or ran for the same choices."""
        if self.running or (self._planned_for == self.inputs() and self.run_box.isVisible()):
            return
        st = self.state
        if st.demo and st.source_kind == "demo" and st.descriptor.capabilities.events:
            # Demo: history replayed as backfill unless unticked (recorded, no flow starts), so every
            # kit flow's metric exists and the kit creates its flows at once.
            st.source_options.setdefault(BACKFILL, True)
        opts = self.preview_panel.options
        opts.configure(st.platform, st.source_options if st.source_kind == "demo" else None, st.source_options)
        self.plan()

    @property
    def runner(self) -> SyncRunner:
        if self._runner is None:
            from loyalty_desktop.ui.sync_runner import SyncRunner

            self._runner = SyncRunner(self)
            self._runner.progress.connect(self._progress)
            self._runner.finished.connect(self._finished)
            self._runner.failed.connect(self._failed)
        return self._runner

    @property
    def running(self) -> bool:
        """A sync runs (without making the runner to answer)."""
        return self._runner is not None and self._runner.running

    def inputs(self) -> tuple[object, ...]:
        """What a plan depends on: the connection (platform, account), the source, the mapping."""
        st = self.state
        return (id(st.connection), id(st.source), st.mapping.fingerprint() if st.mapping else None)

    def plan(self) -> None:
        from loyalty_desktop import service_preview

        """Work out what the sync will send, in the background; nothing is written."""
        st = self.state
        self._done, st.summary = False, None
        self.run_box.hide()
        self.preview_panel.show()
        self.completeChanged.emit()
        if self._plan_cancel is not None:
            self._plan_cancel.cancel()
        if st.connection is None or st.source is None or st.mapping is None:
            return
        self._planned_for = self.inputs()
        conn, src, mapping = st.connection, st.source, st.mapping
        backfill = bool(st.source_options.get(BACKFILL))
        cancel = self._plan_cancel = CancelToken()
        self.preview_panel.planning()
        self.tasks.run(lambda: service_preview.preview_sync(conn, src, mapping, backfill=backfill, cancel=cancel),
                       lambda f: self._planned(f, cancel))

    def _planned(self, fut: Future[service_preview.SyncPreview], cancel: CancelToken) -> None:
        if cancel.cancelled or self.wizard() is None:
            return
        self._plan_cancel = None
        try:
            preview = fut.result()
        except Exception as exc:  # noqa: BLE001 - shown in plain words; Start stays off
            if not isinstance(exc, LoyaltyError):
                self._log("✗ " + f"{type(exc).__name__}: {exc}")
            self.preview_panel.show_error(user_message(exc, self.state.label, tr=i18n.translate_core))
            return
        self.preview_panel.show_preview(preview, self.state.label)
        self._first = preview.first_sync
        self.retranslate()

    def _option_changed(self, name: str, on: bool) -> None:
        st = self.state
        st.source_options[name] = on
        if st.connection is not None:
            values = self.preview_panel.options.values()
            st.connection.set_contact_options(values["create_missing"], values["remote_diff"])
        if name == BACKFILL:
            self.plan()

    def isComplete(self) -> bool:
        return self._done

    def start(self) -> None:
        st = self.state
        if st.connection is None or st.source is None or st.mapping is None or self.running:
            return
        self.preview_panel.hide()
        self.run_box.show()
        self._planned_for = self.inputs()
        self.runningChanged.emit(True)
        self.resume_button.hide()
        self.rejected_box.hide()
        self._last_phase = None
        self._log(self.tr("Sync started: {source} → {platform} ({account}).").format(
            source=self.source_label(), platform=st.label, account=st.connection.account.name))
        self.runner.start(self._job())

    def _job(self, confirmed: bool = False) -> jobs.SyncJob:
        from loyalty_desktop.worker import jobs

        """The sync the worker process runs: the source as chosen, to the connection verified."""
        st = self.state
        assert st.connection is not None and st.mapping is not None
        return jobs.sync_job(st.connection, st.source_kind, {"create_fields": st.create_fields, **st.source_options},
                             st.mapping, confirmed=confirmed, backfill=bool(st.source_options.get(BACKFILL)))

    def source_label(self) -> str:
        st = self.state
        if st.source_kind == "demo":
            return self.tr("demo program ({members} members)").format(members=st.source_options.get("members"))
        if st.source_kind == "csv":
            return self.tr("spreadsheet {file}").format(file=str(st.source_options.get("members", "")))
        return platforms.SMILE.label

    def cancel(self) -> None:
        if self.running:
            self._log(self.tr("Cancelling…"))
            self.runner.cancel()

    def _log(self, line: str) -> None:
        self.log.appendPlainText(printable(line))  # platforms' and files' words: no control characters

    def _progress(self, p: Progress) -> None:
        from loyalty_desktop.sync.summary import Phase

        if p.wait is not None:  # a retry wait (429, 5xx, network): said in the log and under the bar
            text = service.wait_message(p.wait, self.state.label, tr=i18n.translate_core)
            self._log(text)
            self.speed.setText(text)
            return
        if p.phase != self._last_phase:
            self._last_phase = p.phase
            if p.phase is not Phase.DONE:
                self._log(phase_name(p.phase) + "…")
        self.phase.setText(phase_name(p.phase))
        self.bar.setRange(0, max(p.total, 1))
        self.bar.setValue(min(p.done, max(p.total, 1)))
        self.counts.setText(self.tr("{done} of {total}").format(done=i18n.number(p.done), total=i18n.number(p.total)))
        if p.rate > 0 and p.total > 0:
            self.speed.setText(self.tr("{rate} per second · {left} left").format(
                rate=i18n.number(round(p.rate)), left=duration(p.eta_s)))
        else:
            self.speed.clear()

    def _finished(self, s: RunSummary) -> None:
        from loyalty_desktop.sync.summary import RunStatus
        from loyalty_desktop.ui.confirm_live import LiveEventsBox

        self.state.summary = s
        self.runningChanged.emit(False)
        figures = i18n.run_counts_line(s.counts(), self.state.label)  # worded as on every screen
        self.counts.setText(figures)
        self.counts.setWordWrap(True)
        self.speed.setText(self.tr("in {time}").format(time=duration(s.seconds)))
        for note in s.notes:
            self._log(i18n.core_text(note))
        if s.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS):
            self.phase.setText(self.tr("Finished"))
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
            self._log(self.tr("Finished: {counts}.").format(counts=figures))
            self._done = True
            self.synced.emit()
        elif s.status is RunStatus.NEEDS_CONFIRMATION:
            self.phase.setText(self.tr("Waiting for your answer"))
            self._log(self.tr("Stopped before sending anything: too many live events."))
            self.resume_button.show()
            self.confirm_box = LiveEventsBox(self, s, self.state.label)
            self.confirm_box.answered.connect(self._confirmation_answered)
            self.confirm_box.open()
        elif s.status is RunStatus.CANCELLED:
            self.phase.setText(self.tr("Cancelled"))
            self._log(self.tr("Cancelled. Click Resume to continue where it stopped."))
            self.resume_button.show()
        else:
            self.phase.setText(self.tr("Stopped by an error"))
            self._log("✗ " + i18n.core_text(s.error or ""))
            self.resume_button.show()
        self.tasks.run(lambda: service.rejected_rows(s.run_id), self._rejected_loaded)  # the store, off the GUI thread
        self.completeChanged.emit()

    def _rejected_loaded(self, fut: Future[list[RejectedRow]]) -> None:
        rows = fut.result()
        self._rejected_rows = [(r.key, r.field, i18n.core_text(r.reason)) for r in rows]
        self._rows = rows
        if rows:
            self.rejected_label.setText(self.tr("Refused by {platform} or rejected in the loyalty data, with the "
                                                "reason:").format(platform=self.state.label))
            self.rejected.setRowCount(len(rows))
            for i, (key, fld, why) in enumerate(self._rejected_rows):
                for j, v in enumerate((key, fld, why)):
                    self.rejected.setItem(i, j, QTableWidgetItem(v))
            self.rejected.resizeColumnsToContents()
            self.rejected_box.show()
        # Members skipped as "not in Splio": the option their reason names, at hand.
        missing = any(r.reason.startswith("not in Splio") for r in rows)
        self.create_missing_button.setVisible(missing and self.state.descriptor.capabilities.create_missing)

    def create_missing(self) -> None:
        """Tick "Create missing contacts" and sync again: the skipped members are created."""
        self.create_missing_button.hide()
        self._done = False  # Next waits for this sync too
        self.completeChanged.emit()
        self.preview_panel.options.create_missing.setChecked(True)  # saved with the set-up, applied to the run
        self.start()

    def _confirmation_answered(self, send: bool) -> None:
        self.confirm_box = None
        st = self.state
        if send and st.connection is not None and st.source is not None and st.mapping is not None:
            self.resume_button.hide()
            self.runningChanged.emit(True)
            self.runner.start(self._job(confirmed=True))
        else:
            self._log(self.tr("Nothing sent. Click Resume to be asked again."))

    def _failed(self, message: str) -> None:
        self.phase.setText(self.tr("Stopped by an error"))
        self._log("✗ " + message)
        self.runningChanged.emit(False)
        self.resume_button.show()

    def export_rejected(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the refused and rejected rows"),
                                                  "rejected-rows.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return
        # The same file as the run dialog's export and `runs --rejected RUN --csv`.
        service.write_rejected_csv(self._rows, Path(path), i18n.language())
        self._log(self.tr("Refused and rejected rows exported to {path}").format(path=path))
