"""The words the spreadsheet panel shows for what the core names by key: file problems, row reject
reasons, ledger columns, file formats (the core keeps English; the UI translates by key)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from loyalty_desktop import service_sheets as sheets
from loyalty_desktop.service_sheets import DELIMITER_NAMES, FileFormat, Problem, SpreadsheetError
from loyalty_desktop.sources.spreadsheet.values import Reason
from loyalty_desktop.ui.wizard.mapping_model import field_label

# Each sentence is written out as QCoreApplication.translate("SheetTexts", …): that is what lupdate extracts.
_T = QCoreApplication

def file_problem(exc: SpreadsheetError, wanted: str) -> str:
    """One sentence saying why this file cannot be imported and what to do."""
    p = exc.problem
    if p is Problem.WRONG_KIND:
        s = (_T.translate("SheetTexts", "{file} looks like a points history (one row per points movement), not a "
                                        "members list: choose it as the points history, and the members export as "
                                        "the members file.") if wanted == sheets.MEMBERS else
             _T.translate("SheetTexts", "{file} looks like a members list (one row per member), not a points "
                                        "history: choose it as the members file."))
        return s.format(file=exc.path.name)
    words = {
        Problem.NOT_FOUND: _T.translate("SheetTexts", "{file} cannot be found: choose the file again."),
        Problem.EMPTY: _T.translate("SheetTexts", "{file} is empty: export it again from your loyalty program."),
        Problem.NO_ROWS: _T.translate("SheetTexts", "{file} has column names but no rows: export it again with "
                                                    "the data."),
        Problem.NO_HEADER: _T.translate("SheetTexts", "{file} starts with data instead of column names: add a "
                                                      "first row naming the columns (for example Email, Points, "
                                                      "Tier) and choose it again."),
        Problem.NO_EMAIL_COLUMN: _T.translate("SheetTexts", "{file} has no email column. Name the column that "
                                                            "holds the email addresses “Email” (or “E-mail”, "
                                                            "“Courriel”) and choose it again."),
        Problem.MISSING_COLUMN: _T.translate("SheetTexts", "{file} is a points history without a date or a points "
                                                           "column: name those columns (for example Date, Points) "
                                                           "and choose it again."),
        Problem.NOT_SPREADSHEET: _T.translate("SheetTexts", "{file} is not a spreadsheet: export the loyalty data "
                                                            "as CSV or Excel (.xlsx) and choose that file."),
        Problem.PASSWORD_PROTECTED: _T.translate("SheetTexts", "{file} is protected by a password: open it in "
                                                               "Excel, remove the password (File → Info → Protect "
                                                               "Workbook → Encrypt with Password, then clear it), "
                                                               "save, and choose it again."),
        Problem.OLD_EXCEL: _T.translate("SheetTexts", "{file} is an old Excel 97–2003 workbook (.xls): open it in "
                                                      "Excel, save it as .xlsx or CSV, and choose that file."),
        Problem.OPENDOCUMENT: _T.translate("SheetTexts", "{file} is an OpenDocument spreadsheet (.ods): save it as "
                                                         ".xlsx or CSV, and choose that file."),
        Problem.UNREADABLE: _T.translate("SheetTexts", "{file} cannot be read: it may be damaged. Export it again, "
                                                       "or save it as CSV."),
    }
    text = words.get(p)
    return text.format(file=exc.path.name) if text else exc.message  # else the core's own (English) sentence


def reason(r: Reason) -> str:
    words = {
        Reason.MISSING_EMAIL: _T.translate("SheetTexts", "missing email"),
        Reason.INVALID_EMAIL: _T.translate("SheetTexts", "invalid email"),
        Reason.DUPLICATE_EMAIL: _T.translate("SheetTexts", "duplicate email"),
        Reason.NOT_A_NUMBER: _T.translate("SheetTexts", "not a number"),
        Reason.NEGATIVE: _T.translate("SheetTexts", "negative number"),
        Reason.NOT_WHOLE: _T.translate("SheetTexts", "not a whole number"),
        Reason.UNKNOWN_DATE: _T.translate("SheetTexts", "unknown date"),
        Reason.UNKNOWN_STATE: _T.translate("SheetTexts", "unknown membership state"),
        Reason.FORMULA_ERROR: _T.translate("SheetTexts", "formula error"),
        Reason.MISSING_VALUE: _T.translate("SheetTexts", "missing value"),
        Reason.UNKNOWN_MEMBER: _T.translate("SheetTexts", "email not in the members file"),
        Reason.TOO_LARGE: _T.translate("SheetTexts", "number too large"),
        Reason.IMPLAUSIBLE_DATE: _T.translate("SheetTexts", "implausible date"),
        Reason.QUOTE: _T.translate("SheetTexts", "unbalanced quote"),
        Reason.CELL_COUNT: _T.translate("SheetTexts", "wrong number of cells"),
        Reason.CONTROL: _T.translate("SheetTexts", "control character"),
        Reason.ENCODING: _T.translate("SheetTexts", "not in the file's encoding"),
        Reason.TOO_LONG: _T.translate("SheetTexts", "cell too long"),
    }
    return words.get(r, r.value)


def ledger_label(key: str) -> str:
    words = {
        "email": _T.translate("SheetTexts", "Email"),
        "transaction_id": _T.translate("SheetTexts", "Movement ID"),
        "at": _T.translate("SheetTexts", "Date"),
        "points_change": _T.translate("SheetTexts", "Points (+ earned, − spent)"),
        "points_credit": _T.translate("SheetTexts", "Points earned"),
        "points_debit": _T.translate("SheetTexts", "Points spent"),
        "reason": _T.translate("SheetTexts", "Reason"),
        "description": _T.translate("SheetTexts", "Description"),
        "balance_after": _T.translate("SheetTexts", "Balance after"),
        "reward_code": _T.translate("SheetTexts", "Reward code"),
        "reward_name": _T.translate("SheetTexts", "Reward name"),
        "reward_expires_at": _T.translate("SheetTexts", "Reward expiry date"),
        "reward_used_at": _T.translate("SheetTexts", "Reward used on"),
    }
    return words.get(key, key)


def field_name(kind: str, key: str) -> str:
    return field_label(key) if kind == sheets.MEMBERS else ledger_label(key)


def not_imported() -> str:
    return QCoreApplication.translate("SheetTexts", "— not imported —")


def file_format(fmt: FileFormat, sheet: str | None) -> str:
    if fmt.type == "xlsx":
        text = _T.translate("SheetTexts", "Excel workbook")
        if sheet and len(fmt.sheets) > 1:
            text += _T.translate("SheetTexts", ", sheet “{sheet}”").format(sheet=sheet)
        return text
    delimiters = {",": _T.translate("SheetTexts", "commas"), ";": _T.translate("SheetTexts", "semicolons"),
                  "\t": _T.translate("SheetTexts", "tabs"), "|": _T.translate("SheetTexts", "vertical bars")}
    delimiter = fmt.delimiter or ","
    encoding = _T.translate("SheetTexts", "UTF-8 with BOM") if fmt.encoding_label == "UTF-8 with BOM" \
        else fmt.encoding_label
    return _T.translate("SheetTexts", "CSV, {encoding}, separated by {delimiter}").format(
        encoding=encoding, delimiter=delimiters.get(delimiter, DELIMITER_NAMES.get(delimiter, delimiter)))


def missing_required(kind: str, fields: set[str]) -> str:
    """Why a corrected mapping cannot be used ("" when it can)."""
    if "email" not in fields:
        return _T.translate("SheetTexts", "Choose the column that holds the email addresses (Email).")
    if kind == sheets.LEDGER and "at" not in fields:
        return _T.translate("SheetTexts", "Choose the column that holds the date of each points movement (Date).")
    if kind == sheets.LEDGER and not fields & {"points_change", "points_credit", "points_debit"}:
        return _T.translate("SheetTexts", "Choose the column that holds the points of each movement.")
    return ""
