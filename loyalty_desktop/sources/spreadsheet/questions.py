"""What a spreadsheet leaves open, asked rather than guessed.

When a file's first rows allow two readings, the import does not pick one: `open_sheet` lists a
`Question` per doubt, naming the column(s) and the choice to make, and the import refuses to run
until each is answered — on the command line (`--email-column`, `--map FIELD=COLUMN`,
`--date-order dmy|mdy`, `--decimal comma|point`: `Choices`) or in the wizard (which saves the
answer with the file shape's mapping, as the first sync saves command-line answers, so next
month's export of the same shape is not asked again). The doubts:

- two columns that could be the email (two headers naming it, or no header naming it and two
  columns holding addresses);
- two columns with the same header, one of them mapped;
- a date column whose values read both as day/month and month/day (every day and month ≤ 12, not
  settled by another date column of the file);
- a number column mixing conventions ("1,234" and "1.234,5");
- a column matched to a number or date field by its header whose values are mostly text (a
  reward name matched to "rewards claimed").

A mapping the user saved (or confirmed) is not questioned again; conventions chosen are saved
with it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.options import SpreadsheetOptions
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.values import (
    BadValue,
    make_date,
    make_int,
    normalize_email,
    valid_email,
)

MIN_SAMPLES = 2  # a column is judged on at least this many non-blank values


class Ask(str, enum.Enum):
    EMAIL_COLUMN = "email column"
    DUPLICATE_HEADER = "duplicate header"
    DATE_ORDER = "date order"
    DECIMAL = "decimal separator"
    TEXT_IN_NUMBER = "text in a number column"


@dataclass(frozen=True, slots=True)
class Question:
    ask: Ask
    columns: tuple[int, ...]  # the columns concerned (indexes)
    field: str | None  # the field at stake (None: a convention of the file)
    message: str  # the doubt and the choice to make, in English (the CLI's words)
    option: str  # the command-line option that answers it

    def describe(self) -> str:
        return f"{self.message} ({self.option})"


@dataclass(frozen=True, slots=True)
class Choices:
    """Answers given on the command line."""

    email_column: str | None = None
    date_order: str | None = None  # "dmy" | "mdy"
    decimal: str | None = None  # "comma" | "point"
    maps: tuple[tuple[str, str], ...] = ()  # (field, column name or "#n"; "" = not imported)
    encoding: str | None = None  # a CSV's text encoding, when the detected one is wrong

    @classmethod
    def from_options(cls, options: SpreadsheetOptions | None) -> Choices:
        if options is None:
            return cls()
        return cls(options.email_column, options.date_order, options.decimal, options.maps, options.encoding)

    def __bool__(self) -> bool:
        return bool(self.email_column or self.date_order or self.decimal or self.maps)


def apply(mapping: hdr.ColumnMapping, choices: Choices | None) -> tuple[hdr.ColumnMapping, list[str]]:
    """The mapping with the command-line answers applied, and what could not be applied (sentences)."""
    if not choices:
        return mapping, []
    problems: list[str] = []
    known = hdr.FIELD_TYPES[mapping.kind]
    wanted = list(choices.maps) + ([("email", choices.email_column)] if choices.email_column else [])
    for field, column in wanted:
        field = field.strip().lower().replace(" ", "_")  # "Points_Balance" is points_balance
        if field not in known:
            if (mapping.kind == hdr.MEMBERS and field in hdr.LEDGER_FIELDS) or \
                    (mapping.kind == hdr.LEDGER and field in hdr.FIELD_TYPES[hdr.MEMBERS]):
                continue  # the other file's field
            problems.append(tr("--map: no field {field} (fields: {fields})").format(field=repr(field),
                                                                                     fields=", ".join(sorted(known))))
            continue
        if not column:
            col = mapping.column(field)
            if col is not None:
                mapping = mapping.with_column(col, None)
            continue
        col = hdr.find_column(mapping.headers, column)
        if col is None:
            problems.append(tr("no single column named {column} (columns: {columns}; #N names the Nth)").format(
                column=repr(column), columns=", ".join(repr(h) for h in mapping.headers if h)))
            continue
        mapping = mapping.with_column(col, field)
    if choices.date_order or choices.decimal:
        mapping = replace(mapping, date_order=choices.date_order or mapping.date_order,
                          decimal=choices.decimal or mapping.decimal)
    return replace(mapping, saved=False), problems


def _cells(sample: Sequence[Sequence[Any]], col: int) -> list[Any]:
    return [r[col] for r in sample if col < len(r) and r[col] is not None and str(r[col]).strip()]


def _name(mapping: hdr.ColumnMapping, col: int) -> str:
    h = mapping.headers[col] if col < len(mapping.headers) else ""
    return repr(h) if h else tr("column {number}").format(number=col + 1)


def _ref(mapping: hdr.ColumnMapping, col: int) -> str:
    """How to name the column on the command line."""
    h = mapping.headers[col]
    if not h or sum(1 for x in mapping.headers if x.strip().casefold() == h.strip().casefold()) > 1:
        return f"#{col + 1}"
    return f'"{h}"' if " " in h else h


# -- the doubts ---------------------------------------------------------------------------------

def _email_question(mapping: hdr.ColumnMapping, sample: Sequence[Sequence[Any]]) -> Question | None:
    exact = [i for i, h in enumerate(mapping.headers) if h and hdr.norm(h) in _EMAIL_NAMES]
    if len(exact) == 1:
        return None
    candidates = set(exact)
    if not exact:
        for i in range(len(mapping.headers)):
            cells = _cells(sample, i)
            good = sum(1 for c in cells if valid_email(normalize_email(c)))
            if len(cells) >= MIN_SAMPLES and good * 2 > len(cells):
                candidates.add(i)
        current = mapping.column("email")
        if current is not None:
            candidates.add(current)
    if len(candidates) < 2:
        return None
    cols = tuple(sorted(candidates))
    return Question(Ask.EMAIL_COLUMN, cols, "email",
                    tr("Columns {first} and {last} could both be the member's email: choose the one that identifies "
                       "each member").format(first=", ".join(_name(mapping, c) for c in cols[:-1]),
                                             last=_name(mapping, cols[-1])),
                    f"--email-column {_ref(mapping, cols[0])}")


_EMAIL_NAMES = frozenset(hdr.norm(w) for w in hdr.VOCABULARY[hdr.MEMBERS]["email"]) | {"email"}


def _duplicate_questions(mapping: hdr.ColumnMapping) -> list[Question]:
    groups: dict[str, list[int]] = {}
    for i, h in enumerate(mapping.headers):
        if h.strip():
            groups.setdefault(h.strip().casefold(), []).append(i)
    out = []
    for cols in groups.values():
        mapped = [mapping.fields[c] for c in cols if mapping.fields[c]]
        if len(cols) < 2 or not mapped:
            continue
        field = mapped[0]
        name = mapping.headers[cols[0]]
        where = ", ".join(f"#{c + 1}" for c in cols)
        out.append(Question(Ask.DUPLICATE_HEADER, tuple(cols), field,
                            tr("Columns {where} are all named {name}: choose the one that holds {field}").format(
                                where=where, name=repr(name), field=field),
                            f"--map {field}=#{cols[0] + 1}"))
    return out


_DATE_PARTS = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b")


def _date_order(cells: Sequence[Any]) -> str | None:
    """"dmy" or "mdy" when the values settle it, "" when they read both ways, None when no value
    is written as a/b/year (typed workbook dates, ISO dates)."""
    day_first = month_first = both = 0
    for c in cells:
        m = _DATE_PARTS.match(c) if isinstance(c, str) else None
        if m:
            a, b = int(m[1]), int(m[2])
            day_first += a > 12
            month_first += b > 12
            both += a != b and a <= 12 and b <= 12
    if day_first and not month_first:
        return "dmy"
    if month_first and not day_first:
        return "mdy"
    if day_first and month_first:
        return "dmy"  # contradictory: the rows that do not fit are rejected with their reason
    return "" if both else None


def _date_questions(mapping: hdr.ColumnMapping, sample: Sequence[Sequence[Any]]) -> tuple[dict[int, bool],
                                                                                         list[Question]]:
    """Day-first per date column, and the question when the file does not settle it."""
    orders = {col: _date_order(_cells(sample, col)) for col, _h, f in mapping.mapped() if hdr.is_date(mapping.kind, f)}
    if mapping.date_order:
        return dict.fromkeys(orders, mapping.date_order == "dmy"), []
    settled = {o for o in orders.values() if o}
    file_order = settled.pop() if len(settled) == 1 else None
    dayfirst = {col: (o or file_order or "dmy") == "dmy" for col, o in orders.items()}
    open_cols = tuple(col for col, o in orders.items() if o == "" and file_order is None)
    if not open_cols:
        return dayfirst, []
    example = next(c for c in _cells(sample, open_cols[0]) if isinstance(c, str) and _DATE_PARTS.match(c))
    return dayfirst, [Question(Ask.DATE_ORDER, open_cols, None,
                               (tr("The dates in {first} and {last} read both as day/month/year and month/day/year "
                                   "(e.g. {example}): choose the order this file uses") if len(open_cols) > 1 else
                                tr("The dates in {last} read both as day/month/year and month/day/year (e.g. "
                                   "{example}): choose the order this file uses")).format(
                                   first=", ".join(_name(mapping, c) for c in open_cols[:-1]),
                                   last=_name(mapping, open_cols[-1]), example=repr(example.strip())),
                               "--date-order dmy|mdy")]


_POINT = re.compile(r"[+-]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|[+-]?\d{1,3}(?:,\d{3})+\.\d+|[+-]?\d+\.\d{1,2}|"
                    r"[+-]?\d+\.\d{4,}|\d{1,3},\d{3}")
_COMMA = re.compile(r"[+-]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|[+-]?\d{1,3}(?:\.\d{3})+,\d+|[+-]?\d+,\d{1,2}|"
                    r"[+-]?\d+,\d{4,}|\d{1,3}\.\d{3}")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’_")


def _decimal_questions(mapping: hdr.ColumnMapping, sample: Sequence[Sequence[Any]]) -> list[Question]:
    """Number columns writing numbers both ways (a single "1,234" counts as 1234: the only whole
    reading, as "1.234" counts as the French 1234)."""
    if mapping.decimal:
        return []
    out = []
    for col, _h, f in mapping.mapped():
        if not hdr.is_numeric(mapping.kind, f):
            continue
        point = comma = None
        for c in _cells(sample, col):
            if isinstance(c, str):
                s = c.strip().translate(_SPACES)
                if point is None and _POINT.fullmatch(s):
                    point = c.strip()
                elif comma is None and _COMMA.fullmatch(s):
                    comma = c.strip()
        if point and comma:
            out.append(Question(Ask.DECIMAL, (col,), f,
                                tr("{column} writes numbers both as {point} and as {comma}: choose the decimal "
                                   "separator this file uses (rows written the other way are rejected)").format(
                                    column=_name(mapping, col), point=repr(point), comma=repr(comma)),
                                "--decimal comma|point"))
    return out


def _text_questions(mapping: hdr.ColumnMapping, sample: Sequence[Sequence[Any]], decimal_comma: bool,
                    dayfirst: dict[int, bool]) -> list[Question]:
    """A number or date field matched by its header to a column of text."""
    out = []
    for col, _h, f in mapping.mapped():
        numeric, is_date = hdr.is_numeric(mapping.kind, f), hdr.is_date(mapping.kind, f)
        if not (numeric or is_date):
            continue
        conv = make_int(decimal_comma, signed=True) if numeric else make_date(dayfirst.get(col, True))
        cells = _cells(sample, col)
        bad: list[Any] = []
        for c in cells:
            try:
                conv(c)
            except BadValue as exc:
                if exc.reason.name in ("NOT_A_NUMBER", "UNKNOWN_DATE"):
                    bad.append(c)
        if len(cells) >= MIN_SAMPLES and len(bad) * 2 > len(cells):
            said = (tr("{column} holds text (e.g. {example}), not numbers, yet its name matched {field}: import it "
                       "as {field} anyway, or leave it out") if numeric else
                    tr("{column} holds text (e.g. {example}), not dates, yet its name matched {field}: import it as "
                       "{field} anyway, or leave it out"))
            out.append(Question(Ask.TEXT_IN_NUMBER, (col,), f,
                                said.format(column=_name(mapping, col), example=repr(str(bad[0]).strip()), field=f),
                                f"--map {f}={_ref(mapping, col)} to import it, --map {f}= to leave it out"))
    return out


def conventions(mapping: hdr.ColumnMapping, sample: Sequence[Sequence[Any]], delimiter: str | None,
                guess_decimal_comma: Any) -> tuple[bool, dict[int, bool], list[Question]]:
    """(decimal comma, day-first per date column, questions about them)."""
    dayfirst, questions = _date_questions(mapping, sample)
    questions += _decimal_questions(mapping, sample)
    if mapping.decimal:
        decimal_comma = mapping.decimal == "comma"
    else:
        numbers = [r[col] for col, _h, f in mapping.mapped() if hdr.is_numeric(mapping.kind, f)
                   for r in sample if col < len(r) and isinstance(r[col], str)]
        decimal_comma = guess_decimal_comma(numbers, delimiter)
    return decimal_comma, dayfirst, questions


def mapping_questions(mapping: hdr.ColumnMapping, sample: Sequence[Sequence[Any]], decimal_comma: bool,
                      dayfirst: dict[int, bool], choices: Choices | None = None) -> list[Question]:
    """Doubts about which column is which field (none for a mapping the user saved, nor for the
    fields the command line chose a column for)."""
    if mapping.saved:
        return []
    answered = ({f.strip().lower().replace(" ", "_") for f, _ in choices.maps}
                | ({"email"} if choices.email_column else set())) if choices else set()
    out = []
    q = _email_question(mapping, sample)
    if q is not None:
        out.append(q)
    out += _duplicate_questions(mapping)
    out += _text_questions(mapping, sample, decimal_comma, dayfirst)
    return [q for q in out if q.field not in answered]


def options(question: Question) -> list[Any]:
    """The answers to a question, as `answer` takes them: a column index, "dmy"/"mdy",
    "comma"/"point", or "keep"/"drop" (import the text column as its field, or leave it out)."""
    if question.ask in (Ask.EMAIL_COLUMN, Ask.DUPLICATE_HEADER):
        return list(question.columns)
    if question.ask is Ask.DATE_ORDER:
        return list(hdr.DATE_ORDERS)
    if question.ask is Ask.DECIMAL:
        return list(hdr.DECIMALS)
    return ["keep", "drop"]


def answer(mapping: hdr.ColumnMapping, question: Question, choice: Any) -> hdr.ColumnMapping:
    """The mapping once `question` is answered with `choice` (one of `options`), to be saved for
    this file shape (a saved mapping is not questioned again)."""
    if question.ask in (Ask.EMAIL_COLUMN, Ask.DUPLICATE_HEADER):
        assert question.field is not None
        return mapping.with_column(int(choice), question.field)
    if question.ask is Ask.DATE_ORDER:
        return replace(mapping, date_order=str(choice), saved=False)
    if question.ask is Ask.DECIMAL:
        return replace(mapping, decimal=str(choice), saved=False)
    return mapping.with_column(question.columns[0], None) if choice == "drop" else replace(mapping, saved=False)
