"""The rows a spreadsheet import would reject: the first ones in a table (file, line, column, value,
reason; the detail as a tooltip), the total, and "Export CSV…" for all of them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.service_sheets import SheetCheck
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.wizard import sheet_texts as texts
from loyalty_desktop.ui.wizard.base import wrapping_label

SHOW_REJECTS = 50


def plural(n: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with {n} filled in (Qt's %n plurals need a compiled English catalogue)."""
    return one if n == 1 else many.replace("{n}", count(n))


def count(n: int) -> str:
    return i18n.number(n)


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table(columns: int) -> QTableWidget:
    t = QTableWidget(0, columns)
    t.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().hide()
    return t


class RejectsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = table(5)
        self.note = wrapping_label()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())  # noqa: PLW0108 - drops clicked's `checked` argument
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.export_button)
        lay.addLayout(row)
        self.check: SheetCheck | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("Column"), self.tr("Value"),
                                              self.tr("Reason")])
        self.table.setAccessibleName(self.tr("Rejected rows"))
        if self.check is not None:
            self.show_check(self.check)

    def show_check(self, check: SheetCheck) -> None:
        self.check = check
        members = check.members.sheet.name
        shown = sorted(check.rejects.first, key=lambda r: (r.file != members, r.line))[:SHOW_REJECTS]
        self.table.setRowCount(len(shown))
        for i, r in enumerate(shown):
            for j, v in enumerate((r.file, str(r.line), r.column, r.value, texts.reason(r.reason))):
                item = QTableWidgetItem(v)
                if r.detail:
                    item.setToolTip(i18n.core_text(r.detail))
                self.table.setItem(i, j, item)
        self.table.setColumnHidden(0, check.ledger is None)  # one file: no need to name it
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if check.rejected > len(shown):
            self.note.setText(self.tr("The first {shown} of {total} rejected rows; export them all to CSV.")
                              .format(shown=len(shown), total=count(check.rejected)))
        elif check.rejected:
            self.note.setText(plural(check.rejected, self.tr("1 rejected row: it is not imported."),
                                     self.tr("{n} rejected rows: they are not imported.")))
        else:
            self.note.setText(self.tr("No rejected rows."))
        self.export_button.setEnabled(check.rejected > 0)

    def export(self, path: str | None = None) -> int:
        """Every rejected row (not only those shown) to a CSV file; asks where when `path` is not given."""
        check = self.check
        if check is None or not check.rejected:
            return 0
        if not path:
            stem = check.members.sheet.path.stem
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the rejected rows"),
                                                  f"{stem}.rejected.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return 0
        n = check.export_rejects(path, i18n.language())
        self.note.setText(plural(n, self.tr("1 rejected row exported to {path}."),
                                 self.tr("{n} rejected rows exported to {path}.")).replace("{path}", path))
        return n
