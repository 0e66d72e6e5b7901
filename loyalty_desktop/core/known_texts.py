"""The English texts the core makes and keeps (rejected-row reasons, run notes), marked for lupdate.

They are made in English where they happen (sources, the engine, destinations) and stored so; the
reader sees them through `core.translate.translate_text`, which finds the template a text was made
from here and words it in the reader's language. Each `tr("…")` below is extracted by lupdate with
an empty context, like `errors.user_message`'s sentences; its {placeholders} are filled with the
values read back from the English text. Keep each template exactly as the code that makes it
writes it (tests/unit/test_translations_complete.py checks the makers' outputs match).
"""

from __future__ import annotations

from loyalty_desktop.core.translate import Tr


def templates(tr: Tr) -> list[str]:
    return reasons(tr) + notes(tr) + recipe_filters(tr) + preset_labels(tr) + sandbox_lines(tr)


def sandbox_lines(tr: Tr) -> list[str]:
    """What the sandboxes (loyalty_emulators, which import nothing of the app and speak English) say
    on `loyalty-desktop sandbox` and after a demo sync (`describe()`), and the notes of the sandbox
    targets (destinations/*/target.py): the command line words them in the reader's language."""
    return [
        tr("Klaviyo sandbox listening on {url}"),
        tr("Splio sandbox listening on {url}"),
        tr("Smile.io sandbox listening on {url}"),
        tr("Smile.io sandbox listening on {url} ({program})"),
        tr("Demo private key (full access): {key}"),
        tr("Demo API key: {key}"),
        tr("Demo API key (every read scope): {key}"),
        tr("Try: {command}"),
        tr("Seeded with {present} of the 500 members of the demo program (seed 42) and {unknown} contacts unknown "
           "to it"),
        tr("The sandbox now holds {profiles} profiles and {events} events."),
        tr("The Smile sandbox holds {customers} customers, {transactions} points transactions and {rewards} reward "
           "fulfillments."),
        tr("The Splio sandbox universe now holds {contacts} contacts; {loyalty} carry loyalty custom fields "
           "(contacts are identified by {key})."),
        tr("#{id} {email}: {points} points, {state}"),
        tr("{contact}, lists: {lists}"),
        tr('The Splio sandbox starts empty for this source: tick "Create missing contacts" (Settings → Sync '
           'options) or use --create-missing to create the contacts.'),
        tr("Splio sandbox universe seeded with {present} of the {members} demo members and {unknown} contacts "
           "unknown to the loyalty program."),
        tr("Splio API user {user}; contacts identified by {key}."),
    ]


def preset_labels(tr: Tr) -> list[str]:
    """core.fields.PRESET_LABELS, which the mapping page shows through `tr`."""
    return [tr("Klaviyo — Smile.io-compatible"), tr("Klaviyo — Loyalty"), tr("Splio — Loyoly-compatible")]


def recipe_filters(tr: Tr) -> list[str]:
    """The audience filters of the recommended flows on a platform without events (Splio), as
    resources/flows/recommended.json writes them ("splio_filter"); sync/flows.py translates them."""
    return [
        tr("points balance increased since yesterday"),
        tr("rewards claimed increased 7 days ago"),
        tr("reward expiring within 7 days"),
        tr("friends who received an invitation"),
        tr("invited friends who have not ordered after 5 days"),
        tr("referrals completed increased since yesterday"),
        tr("points expiry date in 30 days"),
        tr("points expiry date in 7 days"),
        tr("tier changed since yesterday"),
        tr("birthday is today"),
    ]


def reasons(tr: Tr) -> list[str]:
    """Why a row was not taken: spreadsheet rows (sources.spreadsheet.cells.Reason and the details),
    Smile.io customers, rows a destination refused for a reason of ours."""
    return [
        # A reason and its detail, as the sources record them.
        tr("{reason} ({detail})"),
        tr("missing email"),
        tr("invalid email"),
        tr("duplicate email"),
        tr("not a number"),
        tr("negative number"),
        tr("not a whole number"),
        tr("unknown date"),
        tr("unknown membership state"),
        tr("formula error"),
        tr("missing value"),
        tr("email not in the members file"),
        tr("number too large"),
        tr("implausible date"),
        tr("unbalanced quote"),
        tr("wrong number of cells"),
        tr("control character"),
        tr("not in the file's encoding"),
        tr("cell too long"),
        # Details.
        tr("the cell shows the Excel error {error}"),
        tr("at most {max}: the platforms cannot store a larger whole number exactly"),
        tr("before {year}"),
        tr("a birthday in the future"),
        tr("more than {years} years ahead (after {date})"),
        tr("expected {order} or year-month-day"),
        tr("day/month/year"),
        tr("month/day/year"),
        tr("expected member, candidate or disabled (membre, candidat, désactivé)"),
        tr("a movement needs its date"),
        tr("a movement needs its points"),
        tr("also on line {line}; line {line} is used"),
        tr("{count} cells where the header has {width}: a delimiter inside a cell that is not quoted shifts the "
           "cells after it; quote that cell or remove the delimiter"),
        tr("{count} cells where the header has {width}: a cell is missing or the row is cut short; complete the "
           "row"),
        tr("the cell holds {count} characters; a cell holds at most {limit} (as in Excel): shorten it"),
        tr("a NUL byte (U+0000) is in the cell: the file is damaged or was not saved as text; remove it or export "
           "the file again"),
        tr("{what} is in the cell (it cannot be sent): remove it"),
        tr("{what} is in the cell: Windows-1252 text converted to Unicode the wrong way; fix the cell, or export "
           "the file again as UTF-8"),
        tr("the control character {code}"),
        tr('a quote (") opens a cell and is never closed, so the lines below were read into that cell; close the '
           "quote (or remove it): the lines below were read again as rows of their own"),
        # Smile.io customers left out.
        tr("no email"),
        tr("Smile customer {id} is used"),
        tr("Smile customer {id}"),
        # Klaviyo's own words for the rows it refuses most often (its API answers in English).
        tr("A profile already exists with one of these identifiers."),
        tr("Invalid email address '{email}'."),
        # Splio contacts (destination side).
        tr('not in Splio: no contact has this {key}; skipped (the "create missing contacts" option creates it)'),
        tr("Splio neither has nor creates this contact"),
        tr("Splio rejected its creation (code {code})"),
    ]


def notes(tr: Tr) -> list[str]:
    """What a run says beside its figures (RunSummary.notes: the GUI's sync log, the CLI's summary)."""
    return [
        tr("{count} row(s) of the source could not be used; they are listed with this run's rejected rows."),
        tr("{count} row(s) of the source could not be used; they are listed with this run's rejected rows "
           "(the first {kept} kept in the history)."),
        tr("Trying again {count} member(s) rejected earlier: {why}."),
        tr('not in Splio, now created with the "create missing contacts" option'),
        tr("their contact is in Splio now"),
        tr("The loyalty data comes from another source than at the last sync (another program, file layout or "
           "account): this sync updates profiles only. What happened before it is kept as history, not sent as "
           "live events."),
        tr("More than half as many members again as at the last sync are new: this sync updates profiles only. "
           "What happened before it is kept as history, not sent as live events."),
        tr("{file}: {rows} rows, {members} members imported"),
        tr("{file}: {rows} rows, {entries} movements imported"),
        tr("{file}: {rows} rows, {members} members imported, {duplicates} duplicate emails (the later row is used)"),
        tr("rejected rows: {count} ({reasons})"),
        tr("line {line} [{column}] {value}: {reason}"),
        tr("all rejected rows: {path}"),
        tr("Klaviyo sandbox started at {url}"),
        tr("Splio sandbox started at {url}"),
        tr("Created Splio custom fields: {fields}."),
        tr("Reusing Splio custom fields: {fields}."),
        tr("Note: {advice}."),
    ]


def account_label(name: str, test_account: bool, tr: Tr) -> str:
    """The account's name, saying when it is a test account: "Maison Lumière (sandbox, test account)"
    rather than two brackets in a row when the name already ends with one."""
    if not test_account:
        return name
    if name.endswith(")") and "(" in name:
        return tr("{name_without_bracket}, test account)").format(name_without_bracket=name[:-1])
    return tr("{name} (test account)").format(name=name)
