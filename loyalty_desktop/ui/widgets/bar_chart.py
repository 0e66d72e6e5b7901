"""A small horizontal bar chart, painted with QPainter (no QtCharts): groups of labelled bars.

Colours come from the palette, so light and dark themes both work. Every bar's length is its
value over `scale` (e.g. the share of all members), so bars compare across groups. The chart's
accessible description lists every bar in words, for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str = ""  # shown at the end of the bar (default: the value)
    tooltip: str = ""
    key: str = ""


@dataclass(frozen=True)
class BarGroup:
    title: str
    bars: list[Bar] = field(default_factory=list)


class BarChart(QWidget):
    ROW = 1.7  # bar row height, in lines of text
    TITLE = 1.6  # group title height, in lines of text
    TWO_COLUMNS_FROM = 880  # pixels: groups flow into two columns from this width
    MAX_LABEL_SHARE = 0.5  # the label column takes at most this share of the width

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[BarGroup] = []
        self._scale = 0
        self._placeholder = ""
        self._hit: list[tuple[QRect, Bar]] = []
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setMouseTracking(True)

    # -- data ---------------------------------------------------------------------------------

    def set_groups(self, groups: list[BarGroup], scale: int | None = None) -> None:
        """Show these groups; a bar of value `scale` spans the whole width (default: the largest)."""
        self._groups = list(groups)
        biggest = max((b.value for g in groups for b in g.bars), default=0)
        self._scale = max(scale if scale is not None else biggest, biggest, 0)
        self.setAccessibleDescription("\n".join(
            f"{g.title}: " + "; ".join(f"{b.label}: {b.text or b.value}" for b in g.bars) for g in groups))
        self.updateGeometry()
        self.update()

    def groups(self) -> list[BarGroup]:
        return list(self._groups)

    def set_placeholder(self, text: str) -> None:
        """What the chart says when it has no bars."""
        self._placeholder = text
        self.update()

    # -- geometry -----------------------------------------------------------------------------

    def _metrics(self) -> tuple[QFontMetrics, int, int, int]:
        fm = self.fontMetrics()
        line = fm.height()
        return fm, line, int(line * self.ROW), line // 2

    def _group_height(self, g: BarGroup) -> int:
        _, line, row, pad = self._metrics()
        return int(line * self.TITLE) + row * len(g.bars) + pad * 2

    def _columns(self, width: int) -> list[list[BarGroup]]:
        """Groups flow into two columns when the chart is wide enough, balanced by height."""
        groups = [g for g in self._groups if g.bars]
        if width < self.TWO_COLUMNS_FROM or len(groups) < 2:
            return [groups]
        total = sum(self._group_height(g) for g in groups)
        best, cut = total, len(groups)
        acc = 0
        for i, g in enumerate(groups[:-1]):
            acc += self._group_height(g)
            tallest = max(acc, total - acc)
            if tallest < best:
                best, cut = tallest, i + 1
        return [groups[:cut], groups[cut:]]

    def _content_height(self, width: int) -> int:
        _, line, _, pad = self._metrics()
        if not any(g.bars for g in self._groups):
            return line * 4
        return pad + max(sum(self._group_height(g) for g in col) for col in self._columns(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._content_height(width)

    def sizeHint(self) -> QSize:
        return QSize(560, self._content_height(560))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._content_height(max(self.width(), 320)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._content_height(event.size().width()) != self._content_height(event.oldSize().width()):
            self.updateGeometry()  # one or two columns: the height changes with the width

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        _, line, _, pad = self._metrics()
        self._hit = []
        if not any(g.bars for g in self._groups):
            muted = QColor(self.palette().color(QPalette.ColorRole.WindowText))
            muted.setAlphaF(0.65)
            p.setPen(muted)
            p.drawText(self.rect().adjusted(pad, pad, -pad, -pad),
                       int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), self._placeholder)
            return
        columns = self._columns(self.width())
        gap = line * 2 if len(columns) > 1 else 0
        col_w = (self.width() - gap * (len(columns) - 1)) // len(columns)
        for i, col in enumerate(columns):
            self._paint_column(p, col, i * (col_w + gap), col_w)

    def _paint_column(self, p: QPainter, groups: list[BarGroup], left: int, width: int) -> None:
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_color)
        muted.setAlphaF(0.65)
        track = QColor(text_color)
        track.setAlphaF(0.08)
        bar_color = pal.color(QPalette.ColorRole.Highlight)
        fm, line, row, pad = self._metrics()
        labels = [b.label for g in groups for b in g.bars]
        texts = [b.text or str(b.value) for g in groups for b in g.bars]
        label_w = min(max(fm.horizontalAdvance(t) for t in labels) + line, int(width * self.MAX_LABEL_SHARE))
        text_w = max(fm.horizontalAdvance(t) for t in texts) + line // 2
        x0 = left + pad + label_w
        bar_max = max(left + width - x0 - text_w - pad - line // 2, line * 3)
        text_x = x0 + bar_max + line // 2  # values in their own column, after the track
        bold = p.font()
        bold.setBold(True)
        full = self.width()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        lead = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        trail = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight

        def flip(r: QRect) -> QRect:  # mirror for right-to-left languages
            return QRect(full - r.right() - 1, r.top(), r.width(), r.height()) if rtl else r

        y = pad
        for g in groups:
            p.setFont(bold)
            p.setPen(text_color)
            title_h = int(line * self.TITLE)
            p.drawText(flip(QRect(left + pad, y, width - 2 * pad, title_h)),
                       int(Qt.AlignmentFlag.AlignVCenter | lead), g.title)
            p.setFont(self.font())
            y += title_h
            for b in g.bars:
                label_rect = QRect(left + pad, y, label_w - line // 2, row)
                p.setPen(text_color)
                elided = fm.elidedText(b.label, Qt.TextElideMode.ElideRight, label_rect.width())
                p.drawText(flip(label_rect), int(Qt.AlignmentFlag.AlignVCenter | trail), elided)
                bar_h = max(int(row * 0.62), 4)
                top = y + (row - bar_h) // 2
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(track)
                p.drawRoundedRect(QRectF(flip(QRect(x0, top, bar_max, bar_h))), 3, 3)
                length = 0 if self._scale <= 0 else round(bar_max * b.value / self._scale)
                if b.value > 0:
                    length = max(length, 3)  # a small but non-zero segment stays visible
                    p.setBrush(bar_color)
                    p.drawRoundedRect(QRectF(flip(QRect(x0, top, length, bar_h))), 3, 3)
                p.setPen(muted if b.value == 0 else text_color)
                p.drawText(flip(QRect(text_x, y, text_w, row)),
                           int(Qt.AlignmentFlag.AlignVCenter | lead), b.text or str(b.value))
                self._hit.append((flip(QRect(left, y, width, row)), b))
                y += row
            y += pad * 2

    def bar_at(self, pos: QPoint) -> Bar | None:
        for rect, bar in self._hit:
            if rect.contains(pos):
                return bar
        return None

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            bar = self.bar_at(e.pos())
            if bar is not None and bar.tooltip:
                QToolTip.showText(e.globalPos(), bar.tooltip, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)
