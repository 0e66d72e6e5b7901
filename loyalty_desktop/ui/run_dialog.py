"""One sync run in its own dialog: its outcome and the rows that were rejected, exportable to CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service, service_counts
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.store.store import RejectedRow, RunRecord
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.runs_model import (
    format_duration,
    long_when,
    run_seconds,
)


class RunDialog(QDialog):
    """One run: its outcome and the rows the platform rejected, exportable to CSV."""

    def __init__(self, run: RunRecord, rows: list[RejectedRow], status_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run, self.rows, self._status_text = run, rows, status_text
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(len(rows), 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for i, r in enumerate(rows):
            for j, v in ((0, i18n.core_text(r.key) if r.kind == "customer" else r.key), (2, r.field),
                         (3, i18n.core_text(r.reason))):  # our reasons in the reader's language
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                self.table.setItem(i, j, item)
            self.table.setItem(i, 1, QTableWidgetItem())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setEnabled(bool(rows))
        self.export_button.clicked.connect(lambda: self.export_csv())  # noqa: PLW0108 - drops clicked's `checked` argument
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        if not rows:
            lay.addStretch(1)
        lay.addWidget(buttons)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.exported_to: Path | None = None
        self.resize(820, 480 if rows else 200)
        self.retranslate()
        if rows:
            self.table.resizeColumnsToContents()
            for col, cap in ((0, 300), (1, 140), (2, 200)):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col) + 16, cap))
            self.table.setFocus()

    def retranslate(self) -> None:
        run = self.run
        when = long_when(run.started_at)
        self.setWindowTitle(self.tr("Sync run of {when}").format(when=when))
        lines = [self.tr("Started {when} · {status}").format(when=when, status=self._status_text)]
        if run.counts:  # how long it took, then the run's figures, worded as on every screen
            lines[0] += " · " + format_duration(run_seconds(run)).replace(" ", "\u00a0")
            lines.append(i18n.run_counts_line(run.counts, service_counts.platform_of(run.dest)))
        if run.error:
            lines.append(printable(i18n.core_text(run.error)))
        if self.rows:
            lines.append(self.tr("The rows below were refused by {platform} or rejected in the loyalty data, each with "
                                 "the reason; once fixed, the next sync sends them.").format(
                platform=service_counts.platform_of(run.dest)))
        self.summary.setText("\n".join(lines))
        self.table.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Kind"), self.tr("Field"),
                                              self.tr("Reason")])
        for i, r in enumerate(self.rows):
            kind = self.table.item(i, 1)
            if kind is not None:
                kind.setText(self.tr("Rejected row") if r.from_source
                             else self.tr("Refused event") if r.kind == "event" else self.tr("Refused contact"))
            where = self.table.item(i, 2)
            if where is not None and r.from_source:  # where the row is, and the cell as read
                text = self.tr("{field} — {file}, line {line}: “{value}”").format(
                    field=r.field, file=r.file, line=r.line if r.line is not None else "?", value=r.value)
                where.setText(text)
                where.setToolTip(text)
        self.table.setAccessibleName(self.tr("Refused and rejected rows"))
        self.empty.setText(self.tr("Nothing refused or rejected in this run."))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the refused and rejected rows to a CSV file"))

    def export_csv(self, path: str | Path | None = None) -> Path | None:
        """Write the rejected rows to `path` (asks where when not given); returns the file written."""
        if not path:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the refused and rejected rows"), f"rejected-rows-run-{self.run.id}.csv",
                self.tr("CSV files (*.csv)"))
            if not chosen:
                return None
            path = chosen
        out = Path(path)
        # every column, source rows with their file, line and cell; header and reasons in the app's language
        service.write_rejected_csv(self.rows, out, i18n.language())
        self.exported_to = out
        return out

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
