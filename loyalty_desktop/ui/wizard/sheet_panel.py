"""The spreadsheet part of the loyalty-data page: pick the members export (and the points history),
see how it reads — format, column → field mapping (editable), rejected rows — before importing.

The files are read in a worker process (the window stays responsive); a newer request cancels an
older one. A corrected column is saved for this file shape, the same way the import saves it, and
the files are read again with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service_sheets as sheets
from loyalty_desktop.core.errors import CancelledError, LoyaltyError, user_message
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service_sheets import (
    FileCheck,
    SheetCheck,
    SpreadsheetError,
    save_mapping,
)
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.sheet_checker import SheetChecker
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard import sheet_texts as texts
from loyalty_desktop.ui.wizard.base import busy_bar, wrapping_label
from loyalty_desktop.ui.wizard.rejects_view import (
    RejectsView,
    count,
    html,
    plural,
    table,
)
from loyalty_desktop.ui.wizard.sheet_questions import QuestionsBox, not_provided_text

log = logging.getLogger(__name__)


class SheetPanel(QWidget):
    changed = Signal()  # ready() may have changed

    def __init__(self, tasks: Callable[[], TaskManager]) -> None:
        super().__init__()
        self._tasks = tasks
        self.members_file = QLineEdit()
        self.members_file.editingFinished.connect(self._paths_edited)
        self.members_browse = QPushButton()
        self.members_browse.clicked.connect(lambda: self._browse(self.members_file))
        self.ledger_file = QLineEdit()
        self.ledger_file.editingFinished.connect(self._paths_edited)
        self.ledger_browse = QPushButton()
        self.ledger_browse.clicked.connect(lambda: self._browse(self.ledger_file))
        self.members_label = QLabel()
        self.ledger_label = QLabel()
        self.busy = busy_bar()
        self.summary = wrapping_label()  # what the files hold
        self.status = wrapping_label()  # ready, or why not
        self.questions = QuestionsBox(lambda mappings: self.read_files(save=mappings))  # what the files leave open
        self.not_provided = wrapping_label()  # the fields the file has no column for
        self.columns = table(3)
        self.ledger_columns = table(3)
        self.rejects = RejectsView()
        # What the tests and the page use by name.
        self.rejected, self.rejected_note, self.export_button = (self.rejects.table, self.rejects.note,
                                                                 self.rejects.export_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.columns, "")
        self.tabs.addTab(self.ledger_columns, "")
        self.tabs.addTab(self.rejects, "")
        self.tabs.hide()
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.members_label, 0, 0)
        grid.addWidget(self.members_file, 0, 1)
        grid.addWidget(self.members_browse, 0, 2)
        grid.addWidget(self.ledger_label, 1, 0)
        grid.addWidget(self.ledger_file, 1, 1)
        grid.addWidget(self.ledger_browse, 1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)
        lay.addWidget(self.busy)
        lay.addWidget(self.summary)
        lay.addWidget(self.status)
        lay.addWidget(self.questions)
        lay.addWidget(self.not_provided)
        lay.addWidget(self.tabs, 1)
        lay.addStretch(0)  # takes the room while the tables are hidden (keeps the messages at the top)
        self.check: SheetCheck | None = None
        self.problem = ""  # why the files cannot be imported as they are ("" when they can)
        self._paths: tuple[str, str] = ("", "")
        self._generation = 0
        self._cancel: CancelToken | None = None
        self.checker = SheetChecker(tasks, self)
        self.retranslate()

    # -- state --------------------------------------------------------------------------------

    @property
    def busy_reading(self) -> bool:
        return self._cancel is not None

    def ready(self) -> bool:
        return (not self.busy_reading and not self.problem and self.check is not None
                and self.check.importable)

    def paths(self) -> tuple[str, str | None]:
        return self.members_file.text().strip(), self.ledger_file.text().strip() or None

    def retranslate(self) -> None:
        self.members_label.setText(self.tr("Members file:"))
        self.ledger_label.setText(self.tr("Points history (optional):"))
        self.members_file.setPlaceholderText(self.tr("members.csv or members.xlsx"))
        self.ledger_file.setPlaceholderText(self.tr("points-history.csv (for “points earned” emails)"))
        self.members_file.setAccessibleName(self.tr("Members file"))
        self.ledger_file.setAccessibleName(self.tr("Points history file"))
        self.members_browse.setText(self.tr("Browse…"))
        self.ledger_browse.setText(self.tr("Browse…"))
        self.members_browse.setAccessibleName(self.tr("Choose the members file"))
        self.ledger_browse.setAccessibleName(self.tr("Choose the points history file"))
        for t in (self.columns, self.ledger_columns):
            t.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example"), self.tr("Loyalty field")])
        self.columns.setAccessibleName(self.tr("Columns of the members file"))
        self.ledger_columns.setAccessibleName(self.tr("Columns of the points history"))
        self.rejects.retranslate()
        self._show()

    # -- picking and reading ------------------------------------------------------------------

    def _browse(self, edit: QLineEdit) -> None:
        title = (self.tr("Choose the members export") if edit is self.members_file
                 else self.tr("Choose the points history export"))
        path, _ = QFileDialog.getOpenFileName(self, title, edit.text(),
                                              self.tr("Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            edit.setText(path)
            self._paths_edited()

    def _paths_edited(self) -> None:
        members, ledger = self.paths()
        if (members, ledger or "") != self._paths:
            self.read_files()

    def read_files(self, save: sheets.ColumnMapping | list[sheets.ColumnMapping] | None = None) -> None:
        """Read the chosen files in the background (first saving `save`, a corrected mapping, or
        the mappings the answers to the questions give)."""
        members, ledger = self.paths()
        self._paths = (members, ledger or "")
        if self._cancel is not None:
            self._cancel.cancel()
        self._generation += 1
        if not members:
            self._cancel = None
            self._set_check(None)
            self.problem = ""
            self._show()
            return
        self._cancel = CancelToken()  # set while the files are being read
        self.checker.cancel()
        generation = self._generation
        saves = [save] if isinstance(save, sheets.ColumnMapping) else save or []

        def check(saved: Future[None] | None = None) -> None:
            if generation != self._generation:  # a newer request replaced this one
                return
            if saved is not None and saved.exception() is not None:
                fut: Future[SheetCheck] = Future()
                fut.set_exception(saved.exception() or RuntimeError())
                self._read(generation, fut)
                return
            # Read in the worker process: a big export is much Python work, none of it in the GUI's process.
            self.checker.start(members, ledger, partial(self._read, generation))

        self.problem = ""
        self.busy.show()
        self.summary.setText(self.tr("Reading {file}…").format(file=Path(members).name))
        self.status.clear()
        self.changed.emit()
        def save_all() -> None:
            for mapping in saves:
                save_mapping(mapping)

        if saves:  # the corrected mapping first: the check reads it back, as the import will
            self._tasks().run(save_all, check)
        else:
            check()

    def _read(self, generation: int, future: Future[SheetCheck]) -> None:
        if generation != self._generation:  # a newer request replaced this one
            if not future.cancelled() and future.exception() is None:
                future.result().close()
            return
        self._cancel = None
        self.busy.hide()
        try:
            check = future.result()
        except SpreadsheetError as exc:
            ledger = self.paths()[1]
            wanted = sheets.LEDGER if ledger and Path(ledger) == exc.path else sheets.MEMBERS
            self._set_check(None)
            self.problem = texts.file_problem(exc, wanted)
        except CancelledError:
            return
        except Exception as exc:
            if not isinstance(exc, LoyaltyError):
                log.info("reading %s failed", self.paths()[0], exc_info=True)
            self._set_check(None)
            self.problem = user_message(exc, self.tr("the spreadsheet"), tr=i18n.translate_core)
        else:
            self._set_check(check)
            if check.questions:
                self.problem = self.tr("Some columns can be read more than one way: answer the questions below "
                                       "(the answers are remembered for files of the same shape).")
            else:
                self.problem = "" if check.importable else self.tr(
                    "No row of {file} can be imported: check the column mapping and the rejected rows.").format(
                    file=check.members.sheet.name)
        self._show()
        self.changed.emit()

    def _set_check(self, check: SheetCheck | None) -> None:
        if self.check is not None and self.check is not check:
            self.check.close()
        self.check = check
        if check is None:
            self.rejects.check = None  # nothing to export from a closed read

    def close_check(self) -> None:
        self.checker.cancel()
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
        self._generation += 1
        self._set_check(None)

    # -- showing ------------------------------------------------------------------------------

    def _show(self) -> None:
        check = self.check
        if self.busy_reading:
            return
        self.questions.show_questions(check.questions if check is not None else [])
        if check is None:
            self.tabs.hide()
            self.summary.clear()
            self.not_provided.clear()
            self._show_status()
            return
        self.not_provided.setText(not_provided_text(check.not_provided()))
        good = plural(check.members.good, self.tr("1 member"), self.tr("{n} members"))
        lines = [self._describe(check.members, good)]
        if check.ledger is not None:
            good = plural(check.ledger.good, self.tr("1 points movement"), self.tr("{n} points movements"))
            lines.append(self._describe(check.ledger, good))
        self.summary.setText("<br>".join(lines))
        self._show_status()
        self._fill_columns(self.columns, check.members)
        if check.ledger is not None:
            self._fill_columns(self.ledger_columns, check.ledger)
        self.rejects.show_check(check)
        self.tabs.setTabText(0, self.tr("Columns: {file}").format(file=check.members.sheet.name))
        self.tabs.setTabText(1, self.tr("Columns: {file}").format(
            file=check.ledger.sheet.name if check.ledger else ""))
        self.tabs.setTabVisible(1, check.ledger is not None)
        self.tabs.setTabText(2, self.tr("Rejected rows ({n})").format(n=count(check.rejected)))
        self.tabs.show()

    def _show_status(self) -> None:
        check = self.check
        if self.problem:
            self.status.setText("✗ " + html(self.problem))
        elif check is not None and check.importable:
            self.status.setText(plural(check.members.good, self.tr("✓ Ready to import 1 member."),
                                   self.tr("✓ Ready to import {n} members.")))
        else:
            self.status.clear()

    def _describe(self, fc: FileCheck, good: str) -> str:
        text = self.tr("<b>{file}</b>: {format}, header on line {line} · {rows} rows: {good}, {rejected} "
                       "rejected").format(file=html(fc.sheet.name),
                                          format=texts.file_format(fc.sheet.fmt, fc.sheet.sheet),
                                          line=fc.sheet.header_line, rows=count(fc.rows), good=good,
                                          rejected=count(fc.rows - fc.good))
        if fc.duplicates:
            text += plural(fc.duplicates, self.tr(" · 1 email listed twice: the later row is used"),
                       self.tr(" · {n} emails listed more than once: the later row is used"))
        return text

    def _fill_columns(self, table: QTableWidget, fc: FileCheck) -> None:
        kind, m = fc.mapping.kind, fc.mapping
        choices = sorted(sheets.FIELD_TYPES[kind], key=lambda k: texts.field_name(kind, k).casefold())
        table.setRowCount(len(m.headers))
        for col, (header, current) in enumerate(zip(m.headers, m.fields, strict=True)):
            name = header or self.tr("(column {n}, no name)").format(n=col + 1)
            table.setItem(col, 0, QTableWidgetItem(name))
            example = fc.examples[col] if col < len(fc.examples) else ""
            table.setItem(col, 1, QTableWidgetItem(example if len(example) <= 40 else example[:39] + "…"))
            combo = QComboBox()
            combo.addItem(texts.not_imported(), None)
            for key in choices:
                combo.addItem(texts.field_name(kind, key), key)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.setAccessibleName(self.tr("Loyalty field for the column {column}").format(column=name))
            combo.currentIndexChanged.connect(partial(self._remap, fc, col, combo))
            table.setCellWidget(col, 2, combo)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(2, 280)

    # -- correcting the mapping ---------------------------------------------------------------

    def _remap(self, fc: FileCheck, column: int, combo: QComboBox, _index: int = 0) -> None:
        mapping = fc.mapping.with_column(column, combo.currentData())
        why = texts.missing_required(mapping.kind, {f for f in mapping.fields if f})
        if why:  # not saved: a mapping the import refuses would stick to this file shape
            self.problem = why
            self._show_status()
            self.changed.emit()
            return
        self.read_files(save=mapping)

