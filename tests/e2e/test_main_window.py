"""The main window driven through its real widgets (pytest-qt, offscreen), against the Klaviyo
sandbox in-process: connect, Sync now, cancel and resume, runs table, rejected rows and CSV export,
segments chart, language switch, forget key, window size (the automatic sync and the tray:
test_always_on.py)."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from helpers.sync_helpers import demo_settings
from helpers.window_sync import sync

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from devtools.main_window_shots import demo_phone_conflicts, screenshots
from loyalty_desktop import service
from loyalty_desktop.core import secrets
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.store.runs import RunRecord, RunState
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.options import source_options
from loyalty_desktop.ui.main.sync_controller import SyncStage
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.runs_model import RunsModel, format_duration
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.widgets.bar_chart import Bar, BarChart, BarGroup
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

TIMEOUT = 60_000
MEMBERS = 300
# The offscreen platform's own notice is not ours to fix (pyproject's qt_log_ignore says the same).
QT_NOISE = ("This plugin does not support propagateSizeHints",)

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.usefixtures("english", "fail_on_qt_warnings")]


def sandbox_connection(**faults: Any) -> service.Connection:
    """What the wizard hands over: a verified connection to an in-process sandbox."""
    conn = service.target("klaviyo-sandbox").connect(None, source_options(demo_settings()).target,
                                                      CancelToken())
    if faults:
        conn.sandbox.faults = Faults(**faults)
    return conn


@pytest.fixture
def make_window(qtbot: Any, tasks: TaskManager) -> Callable[..., MainWindow]:
    def make(settings: Settings | None = None, connection: service.Connection | None = None,
             show: bool = True) -> MainWindow:
        w = MainWindow(settings or demo_settings(), tasks, connection)
        qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
        if show:
            w.show()
        return w

    return make


def wait_connected(qtbot: Any, w: MainWindow) -> None:
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)


# -- the sync ----------------------------------------------------------------------------------------


def test_connects_on_show_then_sync_now_fills_runs_and_segments(qtbot: Any, make_window: Any) -> None:
    w = make_window()
    assert w.connection is None  # connects in the background once shown
    wait_connected(qtbot, w)
    assert "Maison Lumière" in w.connection_panel.account_value.text()
    assert w.connection_panel.health_value.text().startswith("✓ Connected")
    assert "offline demo" in w.connection_panel.platform_value.text()
    assert w.runs_tab.runs_model.rowCount() == 0 and w.sync_panel.last_sync_label.text() == "No sync yet."

    progress: list[Progress] = []
    w.controller.runner.progress.connect(progress.append)
    summary = sync(qtbot, w)
    assert summary.status is RunStatus.COMPLETED and summary.profiles_sent == MEMBERS
    assert w.connection is not None and len(w.connection.sandbox.profiles()) == MEMBERS
    assert Phase.SENDING_PROFILES in {p.phase for p in progress}
    # The status area is back to rest and tells the outcome.
    assert not w.status.progress_bar.isVisible() and not w.sync_panel.cancel_button.isEnabled() \
        and w.sync_panel.sync_button.isEnabled()
    assert w.status.status_label.text().startswith("Sync finished in")
    # Runs table: one completed run with its counts.
    m = w.runs_tab.runs_model
    assert m.data(m.index(0, RunsModel.STATUS)) == "Completed"
    assert m.data(m.index(0, RunsModel.SENT)) == QLocale().toString(MEMBERS)
    assert m.data(m.index(0, RunsModel.REJECTED)) == "0"
    assert "Completed" in w.sync_panel.last_sync_label.text()
    # Segments: counted from the store, drawn as bars whose tiers add up to the enrolled members.
    report = w.history.report
    assert report is not None and 0 < report.enrolled <= MEMBERS
    groups = {g.title: g for g in w.segments_tab.chart.groups()}
    assert set(groups) == {"Members per tier", "Points balance", "Worth an email", "Referrals"}
    assert sum(b.value for b in groups["Members per tier"].bars) == report.enrolled
    assert sum(b.value for b in groups["Points balance"].bars) == report.enrolled
    expiring = report.by_key()["expiring-30d"]
    assert any(b.key == "expiring-30d" and QLocale().toString(expiring.points) in b.text
               for b in groups["Worth an email"].bars)
    assert f"{report.enrolled} loyalty members" in w.segments_tab.header.text()

    # A second sync with nothing changed sends nothing and adds a run on top.
    again = sync(qtbot, w)
    assert again.profiles_sent == 0 and again.unchanged == MEMBERS
    assert m.data(m.index(0, RunsModel.UNCHANGED)) == QLocale().toString(MEMBERS)


def test_progress_shows_phase_rate_and_time_left(make_window: Any) -> None:
    w = make_window(show=False)
    w.controller.progress.emit(Progress(Phase.SENDING_PROFILES, 2500, 10_000, 1234.4, 6.2))
    assert w.status.status_label.text() == "Sending contacts"
    assert (w.status.progress_bar.maximum(), w.status.progress_bar.value()) == (10_000, 2500)
    assert w.status.progress_bar.format() == "2,500 of 10,000"
    assert w.status.rate_label.text() == "1,234/s"
    assert w.status.eta_label.text() == "6 s left"
    w.controller.progress.emit(Progress(Phase.READING, 0, 1, 0.0, None))
    assert w.status.status_label.text() == "Reading the loyalty data"
    assert w.status.progress_bar.maximum() == 0  # busy indicator while the total is unknown
    assert w.status.rate_label.isHidden() and w.status.eta_label.isHidden()


def test_cancel_mid_sync_then_the_next_sync_resumes(qtbot: Any, make_window: Any) -> None:
    conn = sandbox_connection(latency_s=0.4)  # slow answers: the run is still going when we cancel
    w = make_window(connection=conn)
    assert w.sync_panel.sync_button.isEnabled()
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(w.sync_panel.sync_button, Qt.MouseButton.LeftButton)
        assert w.sync_panel.cancel_button.isEnabled() and not w.sync_panel.sync_button.isEnabled()
        qtbot.waitUntil(lambda: w.controller.stage is SyncStage.RUNNING, timeout=TIMEOUT)
        # The worker process reports the engine's first step: the run is recorded, then cancelled.
        qtbot.waitUntil(lambda: w.controller.last_progress is not None, timeout=TIMEOUT)
        qtbot.mouseClick(w.sync_panel.cancel_button, Qt.MouseButton.LeftButton)
        assert w.status.status_label.text() == "Cancelling…"
    assert finished.args[0].status is RunStatus.CANCELLED
    # The history read at start-up may land while the run is going (it shows "Running" then): wait
    # for the read that follows the end of the run.
    qtbot.waitUntil(lambda: w.runs_tab.runs_model.rowCount() == 1 and not w.history.refreshing, timeout=TIMEOUT)
    assert w.runs_tab.runs_model.data(w.runs_tab.runs_model.index(0, RunsModel.STATUS)) == "Cancelled"
    assert "resumes where it stopped" in w.status.status_label.text()
    assert len(conn.sandbox.profiles()) < MEMBERS

    conn.sandbox.faults = Faults()
    summary = sync(qtbot, w)
    assert summary.status is RunStatus.COMPLETED
    assert len(conn.sandbox.profiles()) == MEMBERS  # resumed: everything arrived in the end


def test_cancel_before_the_worker_starts_the_run(qtbot: Any, make_window: Any) -> None:
    w = make_window(connection=sandbox_connection())
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        assert w.sync_now()
        assert w.controller.stage is SyncStage.RUNNING and w.controller.runner.running
        w.cancel_sync()  # the worker process reads it before it connects: nothing recorded, nothing sent
    assert finished.args[0].status is RunStatus.CANCELLED
    qtbot.waitUntil(lambda: not w.syncing, timeout=TIMEOUT)
    assert "resumes where it stopped" in w.status.status_label.text()
    assert not w.controller.runner.running and w.connection is not None and not w.connection.sandbox.profiles()
    assert w.sync_panel.sync_button.isEnabled() and not w.sync_panel.cancel_button.isEnabled()


# -- runs: rejected rows ------------------------------------------------------------------------------


def test_rejected_rows_dialog_and_csv_export(qtbot: Any, make_window: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    conn = sandbox_connection()
    settings = demo_settings()
    w = make_window(settings, conn)
    sync(qtbot, w)
    # Three members' phone numbers already belong to other Klaviyo profiles; map phones and resync.
    demo_phone_conflicts(conn, 3)
    settings.mapping = KLAVIYO_LOYALTY.with_field("phone", enabled=True).to_json()
    summary = sync(qtbot, w)
    assert summary.status is RunStatus.COMPLETED_WITH_REJECTS and summary.rejected == 3
    m = w.runs_tab.runs_model
    assert m.data(m.index(0, RunsModel.STATUS)) == "Completed, some refused"
    assert m.data(m.index(0, RunsModel.REFUSED)) == "3"
    assert "open the run" in w.status.status_label.text().lower()

    # Keyboard: select the newest run and press Enter.
    w.runs_tab.runs_view.setFocus()
    w.runs_tab.runs_view.setCurrentIndex(m.index(0, 0))
    qtbot.keyClick(w.runs_tab.runs_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.runs_tab.run_dialog is not None and w.runs_tab.run_dialog.isVisible(), timeout=TIMEOUT)
    dlg = w.runs_tab.run_dialog
    assert dlg.table.rowCount() == 3
    assert dlg.export_button.isEnabled()
    keys = {dlg.table.item(i, 0).text() for i in range(3)}
    reasons = {dlg.table.item(i, 3).text() for i in range(3)}
    assert all("@" in k for k in keys) and all(reasons)
    summary_text = dlg.summary.text().replace("\u00a0", " ")  # each figure kept on one line
    assert "Refused by Klaviyo: 3" in summary_text and "refused by Klaviyo" in summary_text

    out = tmp_path / "rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["origin", "kind", "key", "field", "reason", "file", "line", "value"]
    assert {r[2] for r in rows[1:]} == keys and all(r[:2] == ["destination", "profile"] for r in rows[1:])

    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # the dialog is window-modal: close it first
    assert not dlg.isVisible()
    # Double-click on the older run (no rejects) opens it too, with nothing to export.
    rect = w.runs_tab.runs_view.visualRect(m.index(1, 0))
    qtbot.mouseClick(w.runs_tab.runs_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real
    qtbot.mouseDClick(w.runs_tab.runs_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: w.runs_tab.run_dialog is not dlg and w.runs_tab.run_dialog is not None
                    and w.runs_tab.run_dialog.isVisible(),
                    timeout=TIMEOUT)
    assert w.runs_tab.run_dialog.table.rowCount() == 0 and not w.runs_tab.run_dialog.export_button.isEnabled()
    assert w.runs_tab.run_dialog.empty.text() == "Nothing refused or rejected in this run."


# -- settings ------------------------------------------------------------------------------------------


def test_language_switches_live(qtbot: Any, make_window: Any) -> None:
    w = make_window(connection=sandbox_connection())
    sync(qtbot, w)
    assert w.sync_panel.sync_button.text() == "&Sync now"
    w.tabs.setCurrentWidget(w.settings_tab)
    w.settings_tab.language_combo.setFocus()
    w.settings_tab.language_combo.setCurrentIndex(w.settings_tab.language_combo.findData("fr"))
    assert Settings.load().language == "fr"
    assert QLocale().name().startswith("fr")
    # Qt posts LanguageChange to every window; the texts change as soon as the event loop runs.
    qtbot.waitUntil(lambda: w.sync_panel.sync_button.text() == "&Synchroniser maintenant", timeout=TIMEOUT)
    assert w.tabs.tabText(0) == "&Historique"
    assert w.runs_tab.runs_model.headerData(RunsModel.WHEN, Qt.Orientation.Horizontal) == "Date"
    assert w.runs_tab.runs_model.data(w.runs_tab.runs_model.index(0, RunsModel.STATUS)) == "Terminée"
    assert w.settings_tab.language_combo.itemText(0) == "Celle de l'ordinateur"
    assert "membres du programme" in w.segments_tab.header.text()
    assert any(g.title == "Membres par niveau" for g in w.segments_tab.chart.groups())
    assert w.connection_panel.health_value.text().startswith("✓ Connecté")
    assert_mnemonics_unique(w)
    w.settings_tab.language_combo.setCurrentIndex(w.settings_tab.language_combo.findData("en"))
    qtbot.waitUntil(lambda: w.sync_panel.sync_button.text() == "&Sync now", timeout=TIMEOUT)
    assert w.tabs.tabText(0) == "&Last runs"
    assert Settings.load().language == "en"


def live_settings(**kw: Any) -> Settings:
    return demo_settings(demo=False, target="klaviyo", **kw)


def test_forget_key_asks_then_removes(qtbot: Any, make_window: Any, live_sandbox: KlaviyoSandbox,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    key = live_sandbox.add_key()
    secrets.save("klaviyo", key)
    w = make_window(live_settings())
    wait_connected(qtbot, w)  # connected with the key from the keyring
    assert w.connection_panel.key_value.text() == secrets.mask(key)
    assert key not in w.connection_panel.key_value.text() and key not in w.settings_tab.key_settings_value.text()
    assert "MemoryKeyring" in w.settings_tab.key_settings_value.text()  # says where the key is kept
    assert w.settings_tab.forget_button.isEnabled()

    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(parent: Any, title: str, text: str, *a: Any) -> QMessageBox.StandardButton:
            asked.append(title)
            return reply
        return question

    w.tabs.setCurrentWidget(w.settings_tab)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer(QMessageBox.StandardButton.No)))
    qtbot.mouseClick(w.settings_tab.forget_button, Qt.MouseButton.LeftButton)
    assert asked == ["Forget the Klaviyo key?"]
    assert secrets.load("klaviyo") == key and w.sync_panel.sync_button.isEnabled()  # "No" keeps it

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer(QMessageBox.StandardButton.Yes)))
    with qtbot.waitSignal(w.keyForgotten) as forgotten:
        qtbot.mouseClick(w.settings_tab.forget_button, Qt.MouseButton.LeftButton)
    assert forgotten.args == ["klaviyo"] and len(asked) == 2
    assert secrets.load("klaviyo") is None
    assert w.connection is None and not w.sync_panel.sync_button.isEnabled() \
        and not w.settings_tab.forget_button.isEnabled()
    assert "No key stored for Klaviyo" in w.connection_panel.health_value.text()
    assert w.settings_tab.key_settings_value.text() == "No key stored"


def test_no_key_and_wrong_key_are_said_plainly(qtbot: Any, make_window: Any, live_sandbox: KlaviyoSandbox) -> None:
    w = make_window(live_settings())
    qtbot.waitUntil(lambda: "No key stored" in w.connection_panel.health_value.text(), timeout=TIMEOUT)
    assert not w.sync_panel.sync_button.isEnabled()

    secrets.save("klaviyo", "pk_" + "x" * 34)  # a key Klaviyo does not know
    qtbot.mouseClick(w.connection_panel.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.connection_panel.health_value.text().startswith("✗ Klaviyo refused the API key"),
                    timeout=TIMEOUT)
    assert not w.sync_panel.sync_button.isEnabled() and w.connection_panel.verify_button.isEnabled()

    secrets.save("klaviyo", live_sandbox.add_key())  # a good key: Verify again connects
    with qtbot.waitSignal(w.connectionChanged, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(w.connection_panel.verify_button, Qt.MouseButton.LeftButton)
    assert changed.args == [True] and w.sync_panel.sync_button.isEnabled()
    assert w.connection_panel.health_value.text().startswith("✓ Connected")


def test_verify_again_after_a_cancelled_sync(qtbot: Any, make_window: Any) -> None:
    conn = sandbox_connection()
    w = make_window(connection=conn)
    conn.dest.http.cancel.cancel()  # what a cancelled run leaves behind
    with qtbot.waitSignal(w.connectionChanged, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(w.connection_panel.verify_button, Qt.MouseButton.LeftButton)
    assert changed.args == [True] and w.connection_panel.health_value.text().startswith("✓ Connected")


def test_data_folder_shown_and_opened(make_window: Any, data_dir: Path, qtbot: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    w = make_window(show=False)
    assert w.settings_tab.folder_edit.text() == str(data_dir.resolve()) and w.settings_tab.folder_edit.isReadOnly()
    qtbot.mouseClick(w.settings_tab.folder_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(data_dir.resolve())]


def test_window_remembers_its_size(qtbot: Any, make_window: Any, tasks: TaskManager) -> None:
    w = make_window()
    w.resize(760, 540)  # within the offscreen screen (800×600): restoring clamps to the screen
    qtbot.waitUntil(lambda: w.size() == QSize(760, 540))
    w.close()
    saved = Settings.load()
    assert saved.window_geometry
    again = MainWindow(saved, tasks)
    qtbot.addWidget(again, before_close_func=lambda win: win.shutdown())
    assert again.size() == QSize(760, 540)


def test_inputs_have_accessible_names_and_mnemonics(make_window: Any) -> None:
    w = make_window(show=False)
    for widget in w.findChildren(QComboBox) + w.findChildren(QLineEdit):
        assert widget.accessibleName(), widget
    for button in w.findChildren(QPushButton):
        assert button.text() or button.accessibleName(), button
    assert w.runs_tab.runs_view.accessibleName() == "Sync history"
    assert w.segments_tab.chart.accessibleName() == "Segments chart"
    assert_mnemonics_unique(w)


def assert_mnemonics_unique(w: MainWindow) -> None:
    """Every action is reachable with Alt+letter, and no two share a letter."""
    st = w.settings_tab
    texts = [w.sync_panel.sync_button.text(), w.sync_panel.cancel_button.text(),
             w.connection_panel.verify_button.text(), w.runs_tab.open_run_button.text(),
             st.folder_button.text(), st.forget_button.text(), st.language_caption.text(),
             st.schedule_box.caption.text(), st.folder_caption.text(), st.key_settings_caption.text()]
    texts += [w.tabs.tabText(i) for i in range(w.tabs.count())]
    if w.kit_panel is not None:
        texts += [w.kit_panel.run_button.text(), w.kit_panel.language_caption.text()]
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert len(set(letters)) == len(letters), texts


# -- pieces ----------------------------------------------------------------------------------------


def test_runs_model_words_and_numbers(qapp: Any) -> None:
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    runs = [RunRecord(2, "klaviyo:x", "demo", t0, None, RunState.FAILED, {}, "Klaviyo refused the API key."),
            RunRecord(1, "klaviyo:x", "demo", t0, t0, RunState.COMPLETED_WITH_REJECTS,
                      {"seconds": 75.2, "members": 12000, "profiles_sent": 11990, "events_sent": 4,
                       "unchanged": 0, "rejected": 10}, None)]
    m = RunsModel()
    m.set_runs(runs)
    assert (m.rowCount(), m.columnCount()) == (2, 10)
    assert m.data(m.index(0, RunsModel.STATUS)) == "Failed"
    assert m.data(m.index(0, RunsModel.STATUS), Qt.ItemDataRole.ToolTipRole) == "Klaviyo refused the API key."
    assert m.data(m.index(0, RunsModel.SENT)) == "–"  # a failed run recorded no counts
    assert m.data(m.index(1, RunsModel.DURATION)) == "1 min 15 s"
    assert m.data(m.index(1, RunsModel.MEMBERS)) == "12,000"
    assert m.data(m.index(1, RunsModel.REFUSED)) == "10"  # a run recorded before the member counts
    assert m.data(m.index(1, RunsModel.REFUSED), RunsModel.RunRole) is runs[1]
    assert m.data(m.index(1, RunsModel.REFUSED), Qt.ItemDataRole.ForegroundRole) is not None
    assert m.headerData(RunsModel.REFUSED, Qt.Orientation.Horizontal) == "Refused"
    assert m.headerData(RunsModel.REJECTED, Qt.Orientation.Horizontal) == "Rejected"
    assert [format_duration(x) for x in (0.8, 12, 3605)] == ["0.8 s", "12 s", "1 h 00 min"]


def test_bar_chart_paints_bars_scaled_to_the_total(qtbot: Any) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_placeholder("Nothing yet")
    empty = chart.grab()
    assert not empty.isNull()
    groups = [BarGroup("Tiers", [Bar("Gold", 10, "10 (10%)", "Gold tip", "gold"), Bar("Silver", 0)]),
              BarGroup("Points", [Bar("0", 90, key="zero")])]
    chart.set_groups(groups, scale=100)
    assert "Tiers: Gold: 10 (10%); Silver: 0" in chart.accessibleDescription()
    narrow = chart.heightForWidth(400)
    assert chart.heightForWidth(1200) < narrow  # two columns when wide
    chart.resize(400, narrow)
    image = chart.grab().toImage()
    assert chart.bar_at(QPoint(5, 5)) is None  # the group title
    hits = [chart.bar_at(QPoint(200, y)) for y in range(narrow)]
    assert {b.key for b in hits if b is not None} == {"gold", "", "zero"}
    # The Gold bar is a tenth of the track, the "0 points" bar nine tenths: count highlight pixels.
    highlight = chart.palette().color(QPalette.ColorRole.Highlight)

    def filled(key: str) -> int:
        ys = [y for y, b in enumerate(hits) if b is not None and b.key == key]
        y = ys[len(ys) // 2]
        return sum(1 for x in range(image.width()) if image.pixelColor(x, y) == highlight)

    gold, zero = filled("gold"), filled("zero")
    assert gold > 0 and 7 <= zero / gold <= 11


@pytest.mark.usefixtures("moving_rate_clock")  # the kit (shot 4) paces at 1/s on the fake clock
def test_screenshots_in_both_languages(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    shots = screenshots(tmp_path, "fr") + screenshots(tmp_path, "en")
    i18n.install("en")
    assert [p.name for p in shots] == [f"{lang}-main-{n}.png" for lang in ("fr", "en")
                                       for n in ("1-runs", "2-segments", "3-settings", "4-kit", "5-rejected-rows",
                                                 "6-change-setup", "7-change-mapping", "8-change-preview",
                                                 "11-saved-without-sync", "9-no-key", "10-key-dialog")]
    for p in shots:
        image = QImage(str(p))
        assert image.width() >= 600 and image.height() >= 180, p


def test_run_dialog_shows_where_a_source_row_is(qtbot: Any, tmp_path: Path) -> None:
    from loyalty_desktop.core.source_rejects import SourceReject
    from loyalty_desktop.store.store import Store
    from loyalty_desktop.ui.run_dialog import RunDialog

    with Store(tmp_path / "s.sqlite3") as store:
        run_id = store.start_run("klaviyo", "csv:members")
        store.add_source_rejects(run_id, "csv:members", [SourceReject(
            "member", "ann@example.fr", "Points", "not a number", "douze", "membres.csv", 7)])
        store.finish_run(run_id, "completed", {"source_rejected": 1})
        run, rows = store.runs(1)[0], store.rejected_rows(run_id)
    dlg = RunDialog(run, rows, "Completed")
    qtbot.addWidget(dlg)
    kind, detail = dlg.table.item(0, 1), dlg.table.item(0, 2)
    assert kind is not None and kind.text() == "Rejected row"
    assert detail is not None and detail.text() == "Points — membres.csv, line 7: “douze”"
    out = dlg.export_csv(tmp_path / "r.csv")
    assert out is not None and "source,member,ann@example.fr,Points,not a number,membres.csv,7,douze" in \
        out.read_text(encoding="utf-8-sig")


def test_too_many_live_events_asks_and_no_sends_nothing(qtbot: Any, make_window: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from loyalty_desktop.service import DemoSpec

    members = 5_000  # the sync runs in the worker process: a real threshold (500 live events), a bigger program
    conn = sandbox_connection()
    w = make_window(demo_settings(source_options={"members": str(members), "seed": 42}), connection=conn)
    assert sync(qtbot, w).status is RunStatus.COMPLETED  # first sync: profiles only
    with service.open_demo(DemoSpec(members, 42)) as program:
        program.tick(7)  # a week of activity: more live events than the threshold
    writes = conn.sandbox.count_requests(write_only=True)

    stopped = sync(qtbot, w)
    assert stopped.status is RunStatus.NEEDS_CONFIRMATION and stopped.live_events_total > 500
    box = w.confirm_box
    assert box is not None and box.isVisible()
    assert f"{QLocale().toString(stopped.live_events_total)} live events" in box.text()
    assert "Points Earned: " in box.informativeText()  # the counts by metric
    m = w.runs_tab.runs_model
    assert m.data(m.index(0, RunsModel.STATUS)) == "Stopped: live events to confirm"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.confirm_box is None, timeout=TIMEOUT)
    assert not w.syncing and w.status.status_label.text().startswith("Nothing sent.")
    assert conn.sandbox.count_requests(write_only=True) == writes and conn.sandbox.events() == []

    # Asked again at the next sync; Yes sends exactly what was announced.
    again = sync(qtbot, w)
    assert again.status is RunStatus.NEEDS_CONFIRMATION and again.live_events == stopped.live_events
    runs_before = len(w.runs_tab.runs_model.runs())
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(w.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.runs_tab.runs_model.runs()) == runs_before + 1 and not w.history.refreshing,
                    timeout=TIMEOUT)
    sent = finished.args[0]
    assert sent.status is RunStatus.COMPLETED and sent.events_sent == stopped.live_events_total
    assert len([e for e in conn.sandbox.events() if not e.backfill]) == stopped.live_events_total
