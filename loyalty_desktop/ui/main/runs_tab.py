"""The main window's "Last runs" tab: one row per sync, newest first; open a run (double-click,
Enter or the button) to see its rejected rows, read from the store in the background."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core.errors import user_message
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.runs_model import RunsModel
from loyalty_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:
    from loyalty_desktop.store.store import RejectedRow, RunRecord
    from loyalty_desktop.ui.run_dialog import RunDialog


class RunsTab(QWidget):
    selectionChanged = Signal()
    problem = Signal(str)  # a run's rejected rows could not be read (the message)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.closed = False  # the window closed: late answers are dropped
        self.run_dialog: RunDialog | None = None
        self.runs_model = RunsModel(self)
        self.runs_view = QTableView()
        self.runs_view.setModel(self.runs_model)
        self.runs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs_view.setAlternatingRowColors(True)
        self.runs_view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.runs_view.verticalHeader().hide()
        header = self.runs_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.runs_view.activated.connect(self._run_activated)  # double-click, or Enter
        self.runs_view.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        self.runs_empty = QLabel()
        self.runs_empty.setWordWrap(True)
        self.open_run_button = QPushButton()
        self.open_run_button.clicked.connect(self.open_selected_run)
        buttons = QHBoxLayout()
        buttons.addWidget(self.runs_empty, 1)
        buttons.addWidget(self.open_run_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.runs_view, 1)
        lay.addLayout(buttons)

    def retranslate(self) -> None:
        self.runs_view.setAccessibleName(self.tr("Sync history"))
        self.runs_view.setAccessibleDescription(self.tr("One row per sync, newest first. Press Enter to see a "
                                                        "run's refused and rejected rows."))
        self.runs_empty.setText(self.tr("Double-click a run, or select it and press Enter, to see its "
                                        "refused and rejected rows."))
        self.open_run_button.setText(self.tr("&Refused and rejected rows…"))
        self.open_run_button.setAccessibleName(self.tr("Show the refused and rejected rows of the selected run"))
        self.runs_model.retranslate()

    def update_state(self) -> None:
        self.open_run_button.setEnabled(self.runs_view.selectionModel().hasSelection())

    def set_runs(self, runs: list[RunRecord]) -> None:
        """Show these runs, keeping the selected one selected."""
        selected = self.selected_run()
        self.runs_model.set_runs(runs)
        if selected is not None:
            for row, r in enumerate(runs):
                if r.id == selected.id:
                    self.runs_view.selectRow(row)

    def selected_run(self) -> RunRecord | None:
        rows = self.runs_view.selectionModel().selectedRows()
        return self.runs_model.run_at(rows[0].row()) if rows else None

    @Slot(QModelIndex)
    def _run_activated(self, index: QModelIndex) -> None:
        run = self.runs_model.run_at(index.row())
        if run is not None:
            self.open_run(run)

    @Slot()
    def open_selected_run(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.open_run(run)

    def open_run(self, run: RunRecord) -> None:
        """Show the run's rejected rows (read in the background) in a dialog."""
        def work() -> list[RejectedRow]:
            return service.rejected_rows(run.id)

        def done(fut: Future[list[RejectedRow]]) -> None:
            if self.closed:
                return
            try:
                rows = fut.result()
            except Exception as exc:  # noqa: BLE001
                self.problem.emit(user_message(exc, tr=i18n.translate_core))
                return
            self.close_dialog()
            from loyalty_desktop.ui.run_dialog import RunDialog  # loads when first opened

            self.run_dialog = RunDialog(run, rows, self.runs_model.status_text(run.status), self.window())
            self.run_dialog.open()

        self.tasks.run(work, done)

    def close_dialog(self) -> None:
        if self.run_dialog is not None:
            self.run_dialog.close()
            self.run_dialog.deleteLater()
            self.run_dialog = None
