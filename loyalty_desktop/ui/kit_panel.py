""""Set up my Klaviyo loyalty kit": the segments, email templates and draft flows the kit makes,
with checkboxes, a language choice, progress and each item's result.

Used on the wizard's last page (in a dialog: kit_dialog.py) and as a tab of the main window. Planning reads the
store and the templates (TaskManager); the run goes through `kit.run_kit` in a worker thread whose
progress comes back as a queued signal. The panel never owns the connection: it asks its owner
for one when the run starts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core.errors import MissingScopeError, user_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.klaviyo.kit.model import (
    ItemKind,
    ItemResult,
    ItemStatus,
    KitItem,
    KitReport,
    Pace,
)
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service_kit import plan_kit, remembered_results, run_kit
from loyalty_desktop.store.kit_state import KitRecord
from loyalty_desktop.ui import i18n, kit_tree
from loyalty_desktop.ui.kit_texts import kind_title, pace_text, pending_line, remembered_line, status_text
from loyalty_desktop.ui.tasks import TaskManager

log = logging.getLogger(__name__)

ConnectionProvider = Callable[[], "service.Connection | None"]
LANGUAGE_CHOICES = ("both", "fr", "en")
_KEY_ROLE = kit_tree.KEY_ROLE


class _Bridge(QObject):
    """Carries the worker thread's progress to the GUI thread (queued connection)."""

    progress = Signal(int, int, object)  # done, total, kit.ItemResult
    waiting = Signal(object)  # kit.Pace: the run waits for Klaviyo's pace


class KitPanel(QWidget):
    started = Signal()
    finished = Signal(object)  # kit.KitReport, or None when the run failed before any item

    def __init__(self, tasks: TaskManager, connection: ConnectionProvider, mapping: Callable[[], Mapping | None],
                 parent: QWidget | None = None, *, busy: Callable[[], str] | None = None) -> None:
        """`busy`: why the kit cannot run right now ("" when it can), e.g. a sync using the connection."""
        super().__init__(parent)
        self.tasks, self._connection, self._mapping = tasks, connection, mapping
        self._busy = busy or (lambda: "")
        self.plan: list[KitItem] = []
        self.results: dict[str, ItemResult] = {}
        self.report: KitReport | None = None
        self._cancel: CancelToken | None = None
        self._thread: threading.Thread | None = None
        self._planning = False
        self._error = ""
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.waiting.connect(self._on_waiting)
        self.remembered: list[KitRecord] = []  # the last run's results, from the store (shown at launch)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language_caption = QLabel()
        self.language = QComboBox()
        for code in LANGUAGE_CHOICES:
            self.language.addItem("", code)
        self.language_caption.setBuddy(self.language)
        self.language.currentIndexChanged.connect(lambda _i: self.replan())
        self.tree = QTreeWidget()
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        kit_tree.setup(self.tree)
        self.tree.itemChanged.connect(self._item_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.language_caption)
        top.addWidget(self.language)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 3)
        buttons.addStretch(1)  # keeps the buttons at their size while the progress bar is hidden
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.summary)
        lay.addLayout(buttons)
        self.retranslate()

    # -- state --------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def languages(self) -> str:
        return str(self.language.currentData())

    def checked_keys(self) -> list[str]:
        return [str(child.data(0, _KEY_ROLE)) for child in self._children()
                if child.checkState(0) == Qt.CheckState.Checked and not child.isDisabled()]

    def set_checked(self, key: str, checked: bool) -> None:
        for child in self._children():
            if child.data(0, _KEY_ROLE) == key:
                child.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _groups(self) -> list[QTreeWidgetItem]:
        groups = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        return [g for g in groups if g is not None]

    def _children(self) -> list[QTreeWidgetItem]:
        children = (group.child(i) for group in self._groups() for i in range(group.childCount()))
        return [c for c in children if c is not None]

    def _update_buttons(self) -> None:
        busy = self.running or self._planning
        self.run_button.setEnabled(not busy and bool(self.checked_keys()))
        self.cancel_button.setEnabled(self.running)
        self.language.setEnabled(not busy)
        self.tree.setEnabled(not self.running)

    # -- planning -----------------------------------------------------------------------------

    def replan(self) -> None:
        """List the items (in the background: it reads the store and renders the templates)."""
        if self.running:
            return
        mapping = self._mapping()
        if mapping is None:
            self._error = self.tr("Map the loyalty fields first: the kit builds on the properties the sync sends.")
            self._show_summary()
            return
        self._planning = True
        self._error = ""
        self._update_buttons()
        languages = self.languages()

        conn = self._connection()

        def work() -> tuple[list[KitItem], list[KitRecord]]:
            with service.open_store() as store:
                return plan_kit(store, mapping, languages), remembered_results(store, conn)

        self.tasks.run(work, self._planned)

    def _planned(self, fut: Future[tuple[list[KitItem], list[KitRecord]]]) -> None:
        self._planning = False
        try:
            self.plan, self.remembered = fut.result()
        except Exception as exc:
            log.exception("kit planning failed")
            self.plan, self.remembered = [], []
            self._error = user_message(exc, tr=i18n.translate_core)
        self.results = {}
        self.report = None
        self._fill_tree()
        by_key = {i.key: i for i in self.plan}
        for record in self.remembered:  # the last run's outcomes, kept across launches
            item = by_key.get(record.key)
            result = kit_tree.as_result(item, record) if item is not None else None
            if result is not None:
                self.results[record.key] = result
        for child in self._children():
            if (result := self.results.get(str(child.data(0, _KEY_ROLE)))) is not None:
                self._show_result(child, result)
        self._show_summary()
        self._update_buttons()

    def _fill_tree(self) -> None:
        checked = set(self.checked_keys()) if self.tree.topLevelItemCount() else None
        kit_tree.fill(self.tree, self.plan, checked, self.tr("{count} members today"))

    def _item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._update_buttons()

    # -- running ------------------------------------------------------------------------------

    def start(self) -> bool:
        """Make the checked items in Klaviyo; False when it cannot start (no connection, nothing chosen)."""
        keys = self.checked_keys()
        mapping = self._mapping()
        conn = self._connection()
        if self.running or not keys or mapping is None:
            return False
        if conn is None or (why := self._busy()):
            self._error = why if conn is not None else self.tr(
                "Not connected to Klaviyo: verify the connection, then try again.")
            self._show_summary()
            return False
        if conn.account.missing_scopes:  # known from the key check: said once, before any item fails
            self._error = user_message(MissingScopeError(list(conn.account.missing_scopes)), "Klaviyo",
                                       tr=i18n.translate_core)
            self._show_summary()
            return False
        self._error = ""
        self.results = {}
        self.report = None
        for child in self._children():
            if child.data(0, _KEY_ROLE) in keys:
                child.setText(1, self.tr("Waiting…"))
                child.setText(2, "")
        self.progress.setRange(0, len(keys))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.show()
        cancel = self._cancel = CancelToken()
        languages = self.languages()
        bridge = self._bridge
        self.remembered = []

        def work() -> None:
            report: KitReport | None = None
            try:
                with service.open_store() as store:
                    service.align_demo_clock(conn, store)
                    report = run_kit(conn, store, mapping, items=keys, languages=languages, cancel=cancel,
                                     progress=bridge.progress.emit, waiting=bridge.waiting.emit)
            except Exception as exc:
                log.exception("kit run failed")
                bridge.progress.emit(-1, 0, user_message(exc, "Klaviyo"))
            bridge.progress.emit(-2, 0, report)

        self._thread = threading.Thread(target=work, name="kit", daemon=True)
        self._thread.start()
        self._update_buttons()
        self._show_summary()
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def wait(self, timeout: float = 15.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _on_progress(self, done: int, total: int, payload: Any) -> None:
        if done == -1:  # the run failed before or between items
            self._error = str(payload)
            return
        if done == -2:  # the worker ended
            self._thread = None
            self.report = payload
            self.progress.hide()
            self.tree.resizeColumnToContents(1)
            self._show_summary()
            self._update_buttons()
            self.finished.emit(payload)
            return
        result: ItemResult = payload
        self.results[result.item.key] = result
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.setValue(done)
        for child in self._children():
            if child.data(0, _KEY_ROLE) == result.item.key:
                self._show_result(child, result)
        self._show_summary()

    def _on_waiting(self, pace: Pace) -> None:
        """Say what the run waits for, in the progress bar, until the next item is done."""
        self.progress.setFormat(pace_text(pace))

    @staticmethod
    def _show_result(child: QTreeWidgetItem, result: ItemResult) -> None:
        kit_tree.show_result(child, result)

    def _show_summary(self) -> None:
        if self._error:
            self.summary.setText(self._error)
            return
        if self._planning:
            self.summary.setText(self.tr("Listing what the kit makes…"))
            return
        if self.running:
            self.summary.setText(self.tr("Creating the kit in Klaviyo. Segments are created one per second at "
                                         "most, as Klaviyo requires."))
            return
        if self.report is None:
            n = len(self.checked_keys())
            lines = [self.tr("{count} item(s) chosen. Items already in Klaviyo (found by name) are "
                             "not created twice.").format(count=QLocale().toString(n))]
            if self.remembered:
                last = max(r.at for r in self.remembered)
                when = QDateTime.fromString(last, Qt.DateFormat.ISODateWithMs).toLocalTime()
                lines.insert(0, remembered_line(QLocale().toString(when, QLocale.FormatType.ShortFormat)))
                pending = sum(r.status is ItemStatus.PENDING for r in self.results.values())
                if pending:
                    lines.append(pending_line(pending))
            self.summary.setText("\n".join(lines))
            return
        counts: dict[ItemStatus, int] = {}
        for r in self.report.results:
            counts[r.status] = counts.get(r.status, 0) + 1
        parts = [self.tr("{status}: {count}").format(status=status_text(s), count=QLocale().toString(n))
                 for s, n in counts.items()]
        lines = [" · ".join(parts) if parts else self.tr("Nothing was made.")]
        if self.report.cancelled:
            lines.append(self.tr("Cancelled: run the kit again to finish; nothing is made twice."))
        if counts.get(ItemStatus.PENDING):
            lines.append(pending_line(counts[ItemStatus.PENDING]))
        if counts.get(ItemStatus.DEFERRED):
            lines.append(self.tr("Some items wait for Klaviyo's daily limit: run the kit again tomorrow to "
                                 "finish."))
        if any(r.status is ItemStatus.CREATED and r.item.kind is ItemKind.FLOW for r in self.report.results):
            lines.append(self.tr("Flows are drafts: review them in Klaviyo, then turn them on."))
        self.summary.setText("\n".join(lines))

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "The kit creates, in your Klaviyo account, the segments your loyalty data makes possible, an email "
            "template for each loyalty moment (French and English), and a flow for each loyalty event, as a "
            "draft: nothing is sent until you review it and turn it on."))
        self.language_caption.setText(self.tr("Email lang&uage:"))
        for i, text in enumerate((self.tr("French and English"), self.tr("French"), self.tr("English"))):
            self.language.setItemText(i, text)
        self.language.setAccessibleName(self.tr("Language of the email templates"))
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Result"), self.tr("Details")])
        self.tree.setAccessibleName(self.tr("Kit items"))
        self.run_button.setText(self.tr("Cr&eate in Klaviyo"))
        self.run_button.setAccessibleName(self.tr("Create the chosen items in Klaviyo"))
        self.cancel_button.setText(self.tr("Cancel"))
        for group in self._groups():
            kind = ItemKind(group.data(0, _KEY_ROLE))
            group.setText(0, kind_title(kind, group.childCount()))
        for child in self._children():
            result = self.results.get(str(child.data(0, _KEY_ROLE)))
            if result is not None:
                self._show_result(child, result)
        self.tree.resizeColumnToContents(1)
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

