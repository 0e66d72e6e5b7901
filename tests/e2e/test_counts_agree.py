"""Counts agree in every dialog (issue 16, item 9): one run with contacts sent, unchanged, refused by
the platform (Splio's "not in Splio" contacts) and rows rejected in the loyalty data (a spreadsheet
with bad rows), synced over real HTTP to the Splio sandbox from the main window; then every place
that shows the run's figures is read and must say the store's numbers: the status line, the last
sync line, the run history, the run dialog (and its CSV), the CLI's `sync` summary and `runs`
listing, the wizard's sync page (its rejected-rows panel and CSV) and done page."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from helpers.splio_spec import loyalty_values
from helpers.spreadsheet_make import write_csv
from helpers.window_sync import sync
from loyalty_desktop import service, service_preview
from loyalty_desktop.cli.main import main as cli_main
from loyalty_desktop.cli.output import print_summary
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.sync.run_counts import Count, RunCounts, label
from loyalty_desktop.ui.main.options import source_options
from loyalty_desktop.ui.runs_model import RunsModel
from loyalty_desktop.ui.wizard.preview_panel import PreviewPanel

TIMEOUT = 60_000
MEMBERS = 40
BAD_ROWS = [["dan@", "10"], ["eve at exemple.fr", "20"]]  # invalid emails: rejected in the loyalty data
PLATFORM = "Splio"

pytestmark = [pytest.mark.usefixtures("english")]


def email(i: int) -> str:
    return f"m{i:02d}@exemple.fr"


def export(path: Path, bumped: set[str] = frozenset()) -> Path:  # type: ignore[assignment]
    rows = [["Email", "Points"]] + [[email(i), "150" if email(i) in bumped else "100"] for i in range(MEMBERS)]
    return write_csv(path, rows[:11] + BAD_ROWS + rows[11:])


def shown(text: str) -> dict[str, int]:
    """The figures a text shows, by label ("Refused by Splio: 9 (8 in earlier runs)" → 9)."""
    out = {}
    text = text.replace("\u00a0", " ")  # the screens keep each figure on one line
    for count in Count:
        name = label(count, platform=PLATFORM)
        m = re.search(re.escape(name) + r": ([\d,]+)", text)
        if m:
            out[name] = int(m[1].replace(",", ""))
    return out


def expected(c: RunCounts) -> dict[str, int]:
    return {label(k, platform=PLATFORM): c.value(k) for k in c.shown()}


def test_every_screen_and_the_cli_show_the_stores_counts(qtbot: Any, open_window: Any, make_wizard: Any,
                                                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = export(tmp_path / "membres.csv")
    settings = Settings(platform="splio", demo=True, target="splio-sandbox", source="csv",
                        source_options={"members": str(file)}, wizard_done=True)
    settings.save()
    w = open_window(settings)
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    assert w.connection is not None
    sb = w.connection.sandbox
    sb.seed_demo([SimpleNamespace(email=email(i)) for i in range(MEMBERS)], present=0.7, unknown=0)
    present = sorted(c["email"] for c in sb.contacts())
    absent = sorted(set(map(email, range(MEMBERS))) - set(present))
    assert len(present) > 10 and len(absent) > 2

    first = sync(qtbot, w)  # every contact Splio has is sent; the others are refused ("not in Splio")
    assert (first.profiles_sent, first.members_rejected, first.source_rejected) == (len(present), len(absent), 2)

    # Next month's export: three contacts Splio has, and one it does not, changed.
    bumped = {*present[:3], absent[0]}
    export(file, bumped)
    s = sync(qtbot, w)
    got = RunCounts.of(s.counts())
    assert (got.sent, got.unchanged, got.refused, got.refused_earlier, got.rejected) == (
        3, len(present) - 3, len(absent), len(absent) - 1, 2)
    assert got.adds_up() and got.members == MEMBERS
    # What Splio holds: the three changed contacts carry the new points; nobody was created.
    assert sorted(c["email"] for c in sb.contacts()) == present
    for c in sb.contacts():
        values = {str(v) for v in loyalty_values(c, w.controller.mapping()).values()}
        assert ("150" in values) == (c["email"] in bumped), c["email"]

    with service.open_store() as store:
        record = store.runs(1)[0]
        listed = store.rejected_rows(record.id)
    stored = RunCounts.of(record.counts)
    assert stored == got and record.id == s.run_id
    truth = expected(stored)
    assert {Count.MEMBERS, Count.SENT, Count.UNCHANGED, Count.REFUSED, Count.REJECTED} <= set(stored.shown())
    assert all(truth[label(k, platform=PLATFORM)] for k in (Count.SENT, Count.UNCHANGED, Count.REFUSED,
                                                             Count.REJECTED))
    # This run's rows: the one refused again, and the loyalty data's two bad rows.
    assert len(listed) == stored.listed == 1 + 2

    # The main window: the status line, the last sync line, the run history.
    assert w.status.status_label.text().startswith("Sync finished in ")  # the figures: in the Sync box beside
    assert w.status.status_label.text().endswith("Open the run to see why rows were refused or rejected.")
    assert shown(w.sync_panel.last_sync_label.text()) == truth
    last = w.sync_panel.last_sync_label  # every line of it on screen, none cut off
    qtbot.waitUntil(lambda: last.height() >= last.heightForWidth(last.width()), timeout=TIMEOUT)
    m = w.runs_tab.runs_model
    columns = (Count.MEMBERS, Count.SENT, Count.UNCHANGED, Count.REFUSED, Count.NOT_SENT, Count.REJECTED,
               Count.EVENTS_SENT)
    assert [m.headerData(col, Qt.Orientation.Horizontal) for col in range(RunsModel.MEMBERS, RunsModel.EVENTS + 1)] \
        == ["Members", "Contacts sent", "Unchanged", "Refused", "Not sent yet", "Rejected", "Events sent"]
    table = shown(" ".join(f"{label(k, platform=PLATFORM)}: {m.data(m.index(0, col))}"
                           for col, k in enumerate(columns, RunsModel.MEMBERS)))
    assert {k: v for k, v in table.items() if v or k in truth} == truth  # a column of zeros: not in the line
    # The run dialog and its CSV.
    w.runs_tab.open_run(m.runs()[0])
    qtbot.waitUntil(lambda: w.runs_tab.run_dialog is not None and w.runs_tab.run_dialog.isVisible(), timeout=TIMEOUT)
    dlg = w.runs_tab.run_dialog
    assert shown(dlg.summary.text()) == truth
    assert dlg.table.rowCount() == stored.listed
    exported = dlg.export_csv(tmp_path / "run.csv")
    assert exported is not None
    with exported.open(encoding="utf-8-sig", newline="") as f:
        dialog_csv = list(csv.reader(f))
    assert len(dialog_csv) == 1 + stored.listed
    assert sorted(r[0] for r in dialog_csv[1:]) == ["destination", "source", "source"]
    dlg.close()

    # The command line: `sync`'s summary of this run and the `runs` listing.
    out = io.StringIO()
    print_summary(s, PLATFORM, out, language="en")
    assert shown(out.getvalue()) == truth
    capsys.readouterr()
    assert cli_main(["runs", "--limit", "1"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith(f"#{s.run_id} ") and shown(listing) == truth

    # What the next sync will send (the sync page's plan), counted the run's way: nothing changed since,
    # so nothing to write; the refused contacts stay refused, not "already up to date".
    src = service.source_factory("csv").open(source_options(settings).source, CancelToken())
    try:
        preview = service_preview.preview_sync(w.connection, src, w.controller.mapping())
    finally:
        src.close()
    assert (preview.members, preview.profiles, preview.unchanged, preview.refused) == (
        MEMBERS, 0, len(present), len(absent))
    panel = PreviewPanel(lambda: w.tasks)
    qtbot.addWidget(panel)
    assert f"{len(absent)} contacts Splio refused earlier are not sent again" in panel.text(preview, PLATFORM)

    # The wizard's sync page (its line, its log, its rejected-rows panel and CSV) and done page.
    wiz = make_wizard()
    wiz.state.platform = "splio"
    page = wiz.sync_page
    page._finished(s)
    assert shown(page.counts.text()) == truth
    assert shown(page.log.toPlainText().splitlines()[-1]) == truth
    qtbot.waitUntil(lambda: page.rejected.rowCount() == stored.listed, timeout=TIMEOUT)
    assert "Refused by Splio or rejected in the loyalty data" in page.rejected_label.text()
    assert not page.create_missing_button.isHidden()  # the refused contact is not in Splio: create it
    page.export_rejected(str(tmp_path / "wizard.csv"))
    assert (tmp_path / "wizard.csv").read_text(encoding="utf-8-sig") == exported.read_text(encoding="utf-8-sig")
    wiz.state.summary = s
    wiz.done_page.retranslate()
    assert shown(wiz.done_page.figures.text()) == truth
