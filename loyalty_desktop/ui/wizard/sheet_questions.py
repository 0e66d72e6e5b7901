"""The spreadsheet panel's questions: what a file leaves open (`spreadsheet_questions`), each with a
choice. Once every question has its answer, the panel saves the answered mappings for the file
shapes (as the command line's answers are saved at the first sync) and reads the files again (a
saved mapping is not questioned again, so the answers are taken together)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from loyalty_desktop import service_sheets as sheets
from loyalty_desktop.service_sheets import Ask, FileCheck, Question, answer_question, question_options
from loyalty_desktop.ui.wizard import sheet_texts as texts
from loyalty_desktop.ui.wizard.base import wrapping_label
from loyalty_desktop.ui.wizard.rejects_view import html

Answer = Callable[[list[sheets.ColumnMapping]], None]


class QuestionsBox(QWidget):
    """One row per open question: the doubt in words, and a choice."""

    def __init__(self, answered: Answer) -> None:
        super().__init__()
        self._answered = answered
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.combos: list[QComboBox] = []
        self._questions: list[tuple[FileCheck, Question]] = []
        self._answers: dict[int, Any] = {}  # question index → choice
        self.hide()

    def show_questions(self, questions: list[tuple[FileCheck, Question]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.combos = []
        self._questions, self._answers = list(questions), {}
        for row, (fc, q) in enumerate(questions):
            label = wrapping_label()
            label.setText("? " + html(self.sentence(fc, q)))
            combo = QComboBox()
            combo.addItem(self.tr("Choose…"), None)
            for choice in question_options(q):
                combo.addItem(self.choice_label(fc, q, choice), choice)
            combo.setAccessibleName(self.tr("Answer: {question}").format(question=self.sentence(fc, q)))
            combo.activated.connect(partial(self._chosen, row, combo))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.combos.append(combo)
        self.setVisible(bool(questions))

    def _chosen(self, row: int, combo: QComboBox, _index: int = 0) -> None:
        choice = combo.currentData()
        if choice is None:
            self._answers.pop(row, None)
            return
        self._answers[row] = choice
        if len(self._answers) < len(self._questions):
            return  # the others first
        mappings: dict[int, sheets.ColumnMapping] = {}  # per file
        for i, (fc, q) in enumerate(self._questions):
            key = id(fc)
            mappings[key] = answer_question(mappings.get(key, fc.mapping), q, self._answers[i])
        self._answered(list(mappings.values()))

    # -- words --------------------------------------------------------------------------------

    def _column(self, fc: FileCheck, col: int) -> str:
        header = fc.mapping.headers[col] if col < len(fc.mapping.headers) else ""
        return (self.tr("“{name}” (column {n})") if header else self.tr("column {n}")).format(name=header, n=col + 1)

    def sentence(self, fc: FileCheck, q: Question) -> str:
        file = fc.sheet.name
        cols = ", ".join(self._column(fc, c) for c in q.columns)
        field = texts.field_name(fc.mapping.kind, q.field) if q.field else ""
        if q.ask is Ask.EMAIL_COLUMN:
            s = self.tr("{file}: {columns} could each be the member's email. Which one identifies each member?")
        elif q.ask is Ask.DUPLICATE_HEADER:
            s = self.tr("{file}: {columns} have the same name. Which one holds “{field}”?")
        elif q.ask is Ask.DATE_ORDER:
            s = self.tr("{file}: the dates in {columns} read both as day/month/year and as month/day/year. "
                        "Which order does this file use?")
        elif q.ask is Ask.DECIMAL:
            s = self.tr("{file}: {columns} writes numbers both as 1,234 and as 1.234,5. Which decimal "
                        "separator does this file use? (Rows written the other way are rejected.)")
        else:
            s = self.tr("{file}: {columns} holds text, not numbers or dates, yet its name matched “{field}”. "
                        "Import it as “{field}” anyway?")
        return s.format(file=file, columns=cols, field=field)

    def choice_label(self, fc: FileCheck, q: Question, choice: Any) -> str:
        if q.ask in (Ask.EMAIL_COLUMN, Ask.DUPLICATE_HEADER):
            return self._column(fc, int(choice))
        words = {"dmy": self.tr("Day/month/year (31/12/2026)"), "mdy": self.tr("Month/day/year (12/31/2026)"),
                 "comma": self.tr("Decimal comma (1 234,5)"), "point": self.tr("Decimal point (1,234.5)"),
                 "keep": self.tr("Import it as “{field}”").format(
                     field=texts.field_name(fc.mapping.kind, q.field or "")),
                 "drop": self.tr("Leave it out (not imported)")}
        return words[str(choice)]


def not_provided_text(fields: list[str]) -> str:
    """"Not in this file: …" (fields the platform keeps as they are)."""
    if not fields:
        return ""
    names = ", ".join(texts.field_name(sheets.MEMBERS, f) for f in fields)
    return QCoreApplication.translate(
        "SheetTexts", "Not in this file (left as they are on the platform, never sent as 0 or empty): "
                      "{fields}.").format(fields=names)


__all__ = ["QuestionsBox", "not_provided_text"]
