""""Set up my Splio kit": one click creates the moment fields and the static groups (kept equal to
the Segments tab by every sync), and a guide shows, in French or English, how to create each
trigger campaign in Splio (the field it watches, an example email in Splio's $field$ syntax).

The Splio variant of the main window's kit tab (kit_tab.py picks it for Splio). The run goes
through `service_splio.run_splio_kit` on the TaskManager; the panel never owns the connection.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service, service_splio
from loyalty_desktop.core.errors import user_message
from loyalty_desktop.destinations.splio.kit.guide import CampaignGuide
from loyalty_desktop.destinations.splio.kit.runner import SplioKitReport
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager

log = logging.getLogger(__name__)

ConnectionProvider = Callable[[], "service.Connection | None"]


class SplioKitPanel(QWidget):
    started = Signal()
    finished = Signal(object)  # SplioKitReport, or None when the run failed

    def __init__(self, tasks: TaskManager, connection: ConnectionProvider, parent: QWidget | None = None, *,
                 busy: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self.tasks, self._connection = tasks, connection
        self._busy = busy or (lambda: "")
        self.plan: tuple[CampaignGuide, ...] = ()  # the guide's campaigns (listed when first shown)
        self.report: SplioKitReport | None = None
        self._future: Future[SplioKitReport] | None = None
        self._error = ""
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.start)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(QLocale().name()[:2])))
        self.language.currentIndexChanged.connect(lambda _i: self._show_guide())
        self.language_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.groups = QTreeWidget()
        self.groups.setColumnCount(4)
        self.groups.setRootIsDecorated(False)
        self.groups.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.guide = QTextBrowser()
        self.guide.setOpenExternalLinks(False)

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.progress, 1)
        top.addStretch(1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        split = QSplitter()
        split.addWidget(self.groups)
        split.addWidget(self.guide)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.retranslate()

    # -- the owner's interface (the same as KitPanel's) -----------------------------------------

    @property
    def running(self) -> bool:
        return self._future is not None

    def replan(self) -> None:
        """Show the guide (no I/O: the guide is the package's own text)."""
        self.plan = service_splio.splio_guide()
        self._show_guide()

    def cancel(self) -> None:
        """The kit is a few dozen requests: it is left to finish."""

    def wait(self, timeout: float = 15.0) -> None:
        if self._future is not None:
            try:
                self._future.exception(timeout)
            except Exception:
                log.info("the Splio kit did not end in time", exc_info=True)

    # -- running ------------------------------------------------------------------------------

    def start(self) -> bool:
        conn = self._connection()
        if self.running:
            return False
        if conn is None or (why := self._busy()):
            self._error = why if conn is not None else self.tr(
                "Not connected to Splio: verify the connection, then try again.")
            self._show_summary()
            return False
        self._error = ""
        self.report = None
        self.progress.show()
        language = str(self.language.currentData() or i18n.language())  # the kit's: groups named like the guide

        def work() -> SplioKitReport:
            with service.open_store() as store:
                return service_splio.run_splio_kit(conn, store, language)

        self._future = self.tasks.run(work, self._done)
        self.run_button.setEnabled(False)
        self._show_summary()
        self.started.emit()
        return True

    def _done(self, fut: Future[SplioKitReport]) -> None:
        self._future = None
        self.progress.hide()
        self.run_button.setEnabled(True)
        try:
            self.report = fut.result()
        except Exception as exc:
            log.info("the Splio kit failed", exc_info=True)
            self._error = user_message(exc, "Splio", i18n.translate_core)
        self._show_summary()
        self._fill_groups()
        self.finished.emit(self.report)

    # -- texts --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Splio kit"))
        self.intro.setText(self.tr(
            "One click creates, in your Splio universe, the fields each loyalty moment writes (points earned, "
            "tier reached, points expiring…) and static groups for the tiers, reward-ready members, points "
            "expiring within 30 days and inactive members. Every sync keeps the groups equal to the Segments "
            "tab. Then create one trigger campaign per moment, as the guide shows."))
        self.run_button.setText(self.tr("Set up my Splio &kit"))
        self.language_label.setText(self.tr("Guide language:"))
        self.groups.setHeaderLabels([self.tr("Splio group"), self.tr("Contacts"), self.tr("Segments tab"),
                                     self.tr("No Splio contact")])
        self._show_summary()
        self._fill_groups()

    def _show_summary(self) -> None:
        r = self.report
        if self._error:
            text = self._error
        elif self.running:
            text = self.tr("Setting up the kit in Splio…")
        elif r is None:
            text = self.tr("Not set up from this computer yet.")
        else:
            loc = QLocale()
            text = self.tr("Moment fields: {created} created, {existing} already there. Groups: {groups}.").format(
                created=loc.toString(len(r.fields_created)), existing=loc.toString(r.fields_existing),
                groups=loc.toString(len(r.groups.results)))
            if r.note:
                text += " " + i18n.core_text(r.note)
        self.summary.setText(text)

    def _fill_groups(self) -> None:
        self.groups.clear()
        loc = QLocale()
        for g in self.report.groups.results if self.report else ():
            item = QTreeWidgetItem([g.name, loc.toString(g.in_group), loc.toString(g.members),
                                    loc.toString(g.not_found)])
            item.setToolTip(0, g.name)
            self.groups.addTopLevelItem(item)

    def _show_guide(self) -> None:
        lang = str(self.language.currentData() or "en")
        fr = lang == "fr"
        labels = (("Champ à surveiller\u00a0:", "Objet\u00a0:", "Créer les campagnes trigger dans Splio")
                  if fr else ("Field to watch:", "Subject:", "Create the trigger campaigns in Splio"))
        steps, groups = service_splio.splio_guide_steps(lang)
        parts = [f"<h3>{html.escape(labels[2])}</h3><p>{html.escape(steps)}</p>"]
        for g in self.plan:
            parts.append(
                f"<h4>{html.escape(g.title.get(lang))}</h4>"
                f"<p>{html.escape(labels[0])} <code><b>{html.escape(g.watch)}</b></code><br>"
                f"{html.escape(labels[1])} {html.escape(g.subject.get(lang))}</p>"
                f"<pre style='background:#f4f4f4; white-space:pre-wrap'>{html.escape(g.body.get(lang))}</pre>")
        parts.append(f"<p><i>{html.escape(groups)}</i></p>")
        self.guide.setHtml("".join(parts))
