"""The main window's "Segments" tab: the segments the loyalty data makes possible, drawn as a bar chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from loyalty_desktop.sync.segments import Group, SegmentReport
from loyalty_desktop.ui.widgets.bar_chart import Bar, BarChart, BarGroup


class SegmentsView(QWidget):
    """A header (how many members, as of when) over one bar group per kind of segment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: SegmentReport | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.chart = BarChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.chart)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(scroll, 1)
        self.retranslate()

    def set_report(self, report: SegmentReport | None) -> None:
        """None while counting."""
        self.report = report
        self._show()

    def retranslate(self) -> None:
        self.chart.setAccessibleName(self.tr("Segments chart"))
        self.chart.set_placeholder(self.tr("No members yet: run a sync to see the segments your loyalty "
                                           "data makes possible."))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self) -> None:
        report = self.report
        if report is None:
            self.header.setText(self.tr("Counting…"))
            self.chart.set_groups([])
            return
        loc = QLocale()
        self.header.setText(
            self.tr("{members} loyalty members, as of {date} (the loyalty program's date). Candidates and "
                    "disabled members are not counted.").format(
                members=loc.toString(report.enrolled),
                date=loc.toString(QDate(report.as_of.year, report.as_of.month, report.as_of.day),
                                  QLocale.FormatType.LongFormat)))
        if report.enrolled == 0:
            self.chart.set_groups([])
            return
        total = report.enrolled

        def share(n: int) -> str:
            pct = round(100 * n / total) if total else 0
            if n and not pct:
                return self.tr("{count} (<1%)").format(count=loc.toString(n))
            return self.tr("{count} ({percent}%)").format(count=loc.toString(n), percent=pct)

        def bar(label: str, c: Any, text: str | None = None) -> Bar:
            return Bar(label, c.members, text or share(c.members),
                       label + "\n" + self.tr("{count} of {total} loyalty members").format(
                           count=loc.toString(c.members), total=loc.toString(total)), c.key)

        by_group: dict[Group, list[Any]] = {}
        for c in report.counts:
            by_group.setdefault(c.group, []).append(c)
        groups: list[BarGroup] = []
        tiers = [bar(c.segment.args.get("tier") or self.tr("No tier"), c) for c in by_group.get(Group.TIERS, [])
                 if c.members or c.segment.args.get("tier")]
        groups.append(BarGroup(self.tr("Members per tier"), tiers))
        points: list[Bar] = []
        for c in by_group.get(Group.POINTS, []):
            low, high = c.segment.args["low"], c.segment.args["high"]
            if high is None:
                label = self.tr("{low}+ points").format(low=loc.toString(low))
            elif low == high == 0:
                label = self.tr("No points")
            else:
                label = self.tr("{low}–{high} points").format(low=loc.toString(low), high=loc.toString(high))
            points.append(bar(label, c))
        groups.append(BarGroup(self.tr("Points balance"), points))
        act: list[Bar] = []
        for c in by_group.get(Group.REWARD_READY, []):
            act.append(bar(self.tr("Can claim a reward ({points}+ points)").format(
                points=loc.toString(c.segment.args["points"])), c))
        for c in by_group.get(Group.EXPIRING, []):
            act.append(bar(self.tr("Points expiring within {days} days").format(days=c.segment.args["days"]), c,
                           self.tr("{share} · {points} points").format(share=share(c.members),
                                                                        points=loc.toString(c.points or 0))))
        for c in by_group.get(Group.INACTIVE, []):
            act.append(bar(self.tr("Inactive for {days} days").format(days=c.segment.args["days"]), c))
        groups.append(BarGroup(self.tr("Worth an email"), act))
        refs = by_group.get(Group.REFERRALS, [])
        words = {"referrers": self.tr("Referred a friend"), "never-referred": self.tr("Never referred anyone")}
        groups.append(BarGroup(self.tr("Referrals"), [bar(words.get(c.key, c.segment.name), c) for c in refs]))
        self.chart.set_groups([g for g in groups if g.bars], scale=total)
