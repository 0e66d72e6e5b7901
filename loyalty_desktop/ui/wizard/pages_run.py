"""Wizard pages 6–7: the first sync (in the worker process), then what the contacts now hold and the
recommended email flows."""

from __future__ import annotations

import json
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core import platforms
from loyalty_desktop.core.errors import wait_message
from loyalty_desktop.core.textsafe import csv_writer, printable
from loyalty_desktop.store.rejects import RejectedRow
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus, RunSummary
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.confirm_live import LiveEventsBox
from loyalty_desktop.ui.kit_dialog import KitDialog
from loyalty_desktop.ui.phases import phase_name
from loyalty_desktop.ui.sync_runner import SyncRunner
from loyalty_desktop.ui.wizard.base import Page, wrapping_label
from loyalty_desktop.ui.wizard.pages_data import _flatten, ordered_columns
from loyalty_desktop.worker import jobs


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(seconds)
    return f"{s // 60} min {s % 60:02d} s" if s >= 60 else f"{s} s"


class SyncPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.runner = SyncRunner(self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.phase = QLabel()
        self.bar = QProgressBar()
        self.counts = QLabel()
        self.speed = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
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
        self.rejected_box = QWidget()
        box = QVBoxLayout(self.rejected_box)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.rejected_label, 1)
        row.addWidget(self.export_button)
        box.addLayout(row)
        box.addWidget(self.rejected)
        self.rejected_box.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.phase)
        lay.addWidget(self.bar)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.speed)
        lay.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.resume_button)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        lay.addWidget(self.log, 1)
        lay.addWidget(self.rejected_box, 1)
        self._done = False
        self.confirm_box: LiveEventsBox | None = None  # open while asking about too many live events
        self._last_phase: Phase | None = None
        self._rejected_rows: list[tuple[str, str, str]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("First sync"))
        self.setSubTitle(self.tr("Your loyalty data is being copied. You can cancel at any time: the next sync "
                                 "resumes where this one stopped."))
        self.cancel_button.setText(self.tr("Cancel sync"))
        self.resume_button.setText(self.tr("Resume"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.rejected.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Field"), self.tr("Reason")])
        self.log.setAccessibleName(self.tr("Sync log"))
        self.bar.setAccessibleName(self.tr("Sync progress"))

    def initializePage(self) -> None:
        if not self._done and not self.runner.running:
            self.start()

    def isComplete(self) -> bool:
        return self._done

    def start(self) -> None:
        st = self.state
        if st.connection is None or st.source is None or st.mapping is None:
            return
        self.resume_button.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.rejected_box.hide()
        self._last_phase = None
        self._log(self.tr("Sync started: {source} → {platform} ({account}).").format(
            source=self.source_label(), platform=st.label, account=st.connection.account.name))
        self.runner.start(self._job())

    def _job(self, confirmed: bool = False) -> jobs.SyncJob:
        """The sync the worker process runs: the source as chosen, to the connection verified."""
        st = self.state
        assert st.connection is not None and st.mapping is not None
        return jobs.sync_job(st.connection, st.source_kind, {"create_fields": st.create_fields, **st.source_options},
                             st.mapping, confirmed=confirmed)

    def source_label(self) -> str:
        st = self.state
        if st.source_kind == "demo":
            return self.tr("demo program ({members} members)").format(members=st.source_options.get("members"))
        if st.source_kind == "csv":
            return self.tr("spreadsheet {file}").format(file=str(st.source_options.get("members", "")))
        return platforms.SMILE.label

    def cancel(self) -> None:
        if self.runner.running:
            self.cancel_button.setEnabled(False)
            self._log(self.tr("Cancelling…"))
            self.runner.cancel()

    def _log(self, line: str) -> None:
        self.log.appendPlainText(printable(line))  # platforms' and files' words: no control characters

    def _progress(self, p: Progress) -> None:
        if p.wait is not None:  # a retry wait (429, 5xx, network): said in the log and under the bar
            text = wait_message(p.wait, self.state.label, tr=i18n.translate_core)
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
        self.counts.setText(self.tr("{done} of {total}").format(done=f"{p.done:,}".replace(",", " "),
                                                                 total=f"{p.total:,}".replace(",", " ")))
        if p.rate > 0 and p.total > 0:
            self.speed.setText(self.tr("{rate} per second · {left} left").format(
                rate=f"{p.rate:,.0f}".replace(",", " "), left=duration(p.eta_s)))
        else:
            self.speed.clear()

    def _finished(self, s: RunSummary) -> None:
        self.state.summary = s
        self.cancel_button.hide()
        self.counts.setText(self.tr("Sent: {sent} · Unchanged: {unchanged} · Rejected: {rejected} · Events: {events}"
                                    ).format(sent=s.profiles_sent, unchanged=s.unchanged,
                                             rejected=s.rejected + s.source_rejected, events=s.events_sent))
        self.speed.setText(self.tr("in {time}").format(time=duration(s.seconds)))
        for note in s.notes:
            self._log(note)
        if s.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS):
            self.phase.setText(self.tr("Finished"))
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
            self._log(self.tr("Finished: {sent} contacts updated, {events} events sent, {rejected} rejected.").format(
                sent=s.profiles_sent, events=s.events_sent, rejected=s.rejected + s.source_rejected))
            self._done = True
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
            self._log("✗ " + (s.error or ""))
            self.resume_button.show()
        self.tasks.run(lambda: service.rejected_rows(s.run_id), self._rejected_loaded)  # the store, off the GUI thread
        self.completeChanged.emit()

    def _rejected_loaded(self, fut: Future[list[RejectedRow]]) -> None:
        rows = fut.result()
        self._rejected_rows = [(r.key, r.field, r.reason) for r in rows]
        if rows:
            self.rejected_label.setText(self.tr("%n row(s) rejected:", "", len(rows)))
            self.rejected.setRowCount(len(rows))
            for i, (key, fld, why) in enumerate(self._rejected_rows):
                for j, v in enumerate((key, fld, why)):
                    self.rejected.setItem(i, j, QTableWidgetItem(v))
            self.rejected.resizeColumnsToContents()
            self.rejected_box.show()

    def _confirmation_answered(self, send: bool) -> None:
        self.confirm_box = None
        st = self.state
        if send and st.connection is not None and st.source is not None and st.mapping is not None:
            self.resume_button.hide()
            self.cancel_button.setEnabled(True)
            self.cancel_button.show()
            self.runner.start(self._job(confirmed=True))
        else:
            self._log(self.tr("Nothing sent. Click Resume to be asked again."))

    def _failed(self, message: str) -> None:
        self.phase.setText(self.tr("Stopped by an error"))
        self._log("✗ " + message)
        self.cancel_button.hide()
        self.resume_button.show()

    def export_rejected(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rejected rows"), "rejected-rows.csv",
                                                  self.tr("CSV files (*.csv)"))
        if not path:
            return
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv_writer(f)  # formula-looking cells made inert
            w.writerow(["contact", "field", "reason"])
            w.writerows(self._rejected_rows)
        self._log(self.tr("Rejected rows exported to {path}").format(path=path))


class DonePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.card = QGroupBox()
        self.card_form = QFormLayout(self.card)
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.flows_label = wrapping_label()
        self.flows = QListWidget()
        self.flow_text = QTextBrowser()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_flow)
        self.flows.currentRowChanged.connect(self._show_flow)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.flows_label)
        rl.addWidget(self.flows, 1)
        rl.addWidget(self.flow_text, 2)
        row = QHBoxLayout()
        self.kit_button = QPushButton()  # Klaviyo only: make segments, templates and draft flows
        self.kit_button.clicked.connect(self.open_kit)
        self.kit_dialog: KitDialog | None = None
        row.addWidget(self.kit_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        rl.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.card_scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.card_scroll.setMinimumWidth(330)
        split.setSizes([360, 500])
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        self._flows: list[Any] = []

    def retranslate(self) -> None:
        if self.wizard() is None:  # not yet in a wizard (Qt's stub says it always is)
            return
        st = self.state
        self.setTitle(self.tr("Done: your contacts carry their loyalty data"))
        self.setSubTitle(self.tr("Here is one contact as {platform} now holds it, and the email flows you can "
                                 "build on it.").format(platform=st.label))
        self.card.setTitle(self.tr("Sample contact in {platform}").format(platform=st.label))
        self.flows_label.setText(self.tr("Recommended email flows, with an example in English and French "
                                         "using {platform}'s variables:").format(platform=st.label))
        self.copy_button.setText(self.tr("Copy"))
        self.kit_button.setText(self.tr("Set up my Klaviyo loyalty &kit…"))
        self.kit_button.setToolTip(self.tr("Create these flows as drafts in Klaviyo, with their email templates and "
                                           "the loyalty segments"))
        self.kit_button.setVisible(st.descriptor.capabilities.kit)
        self.flows.setAccessibleName(self.tr("Recommended flows"))
        self._fill_flows()

    def initializePage(self) -> None:
        self._fill_card()
        self.retranslate()

    def stop_kit(self) -> None:
        if self.kit_dialog is not None and self.kit_dialog.panel.running:
            self.kit_dialog.panel.cancel()
            self.kit_dialog.panel.wait()

    def open_kit(self) -> KitDialog:
        """The kit in a dialog over the wizard, on the connection just verified."""
        if self.kit_dialog is None:
            st = self.state
            self.kit_dialog = KitDialog(self.tasks, lambda: st.connection, lambda: st.mapping, self)
        self.kit_dialog.show()
        return self.kit_dialog

    def _fill_card(self) -> None:
        st = self.state
        if st.connection is None or st.mapping is None:
            self._clear_card()
            return
        conn, mapping = st.connection, st.mapping  # the platform and the store, off the GUI thread
        self.tasks.run(lambda: service.preview_sample(conn, mapping, 1), self._sample_loaded)

    def _clear_card(self) -> None:
        while self.card_form.rowCount():
            self.card_form.removeRow(0)

    def _sample_loaded(self, fut: Future[list[dict[str, Any]]]) -> None:
        self._clear_card()  # the last answer wins when the card was asked for twice
        sample = fut.result()
        st = self.state
        if not sample or st.connection is None or st.mapping is None:
            return
        member = sample[0]
        plan = st.connection.field_plan()  # Splio: custom fields by id, contact by its key
        names = {s.field_id: s.target for s in plan.slots if s.field_id is not None} if plan else None
        fields = _flatten(json.loads(st.connection.profile_encoder(st.mapping)(member)), names,
                          plan.key_label() if plan else "email")
        for k in ordered_columns([fields], st.mapping):
            v = fields[k]
            value = QLabel(v if isinstance(v, str) else json.dumps(v))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.card_form.addRow(f"<b>{k}</b>", value)

    def _fill_flows(self) -> None:
        st = self.state
        if st.mapping is None:
            return
        current = max(self.flows.currentRow(), 0)
        tr = i18n.translate_core
        self._flows = list(zip(service.recommended_flows(st.platform, st.mapping, "en", tr),
                               service.recommended_flows(st.platform, st.mapping, "fr", tr), strict=True))
        lang = self.setup_wizard().language
        self.flows.blockSignals(True)
        self.flows.clear()
        for en, fr in self._flows:
            self.flows.addItem(fr.name if lang == "fr" else en.name)
        self.flows.blockSignals(False)
        self.flows.setCurrentRow(current)
        self._show_flow(current)

    def _flow_text(self, i: int) -> str:
        en, fr = self._flows[i]
        parts = [en.trigger, ""]
        for label, f in ((self.tr("English"), en), (self.tr("French"), fr)):
            parts += [f"— {label} —", self.tr("Subject: {subject}").format(subject=f.subject), "", f.body, ""]
        return "\n".join(parts)

    def _show_flow(self, i: int) -> None:
        if 0 <= i < len(self._flows):
            self.flow_text.setPlainText(self._flow_text(i))

    def copy_flow(self) -> None:
        i = self.flows.currentRow()
        if 0 <= i < len(self._flows):
            QGuiApplication.clipboard().setText(self._flow_text(i))
