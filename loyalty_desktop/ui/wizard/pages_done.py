"""Wizard page 7: what the contacts now hold (one sample contact) and the recommended email flows,
with the Klaviyo kit."""

from __future__ import annotations

import json
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core.platforms import KitKind
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.wizard.always_on_box import AlwaysOnBox
from loyalty_desktop.ui.wizard.base import Page, wrapping_label
from loyalty_desktop.ui.wizard.pages_data import _flatten, ordered_columns

if TYPE_CHECKING:  # the kit (its panel, templates and platform clients) loads when the dialog first opens
    from loyalty_desktop.ui.kit_dialog import KitDialog


class DonePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.card = QGroupBox()
        self.card_form = QFormLayout(self.card)
        # Its rows set the card's minimum height: the scroll area scrolls instead of squeezing them.
        self.card_form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.flows_label = wrapping_label()
        self.flows = QListWidget()
        self.flow_text = QTextBrowser()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_flow)
        self.flows.currentRowChanged.connect(self._show_flow)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.flows_label)
        rl.addWidget(self.flows, 1)
        rl.addWidget(self.flow_text, 2)
        row = QHBoxLayout()
        self.kit_button = QPushButton()  # Klaviyo only: make segments, templates and draft flows
        self.kit_button.clicked.connect(self.open_kit)
        self.kit_dialog: KitDialog | None = None
        row.addWidget(self.kit_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        rl.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.card_scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.card_scroll.setMinimumWidth(330)
        split.setSizes([360, 500])
        self.always_on = AlwaysOnBox()  # the daily sync turned on, start at login proposed
        self.figures = wrapping_label()  # the sync's figures, worded as on every screen
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.addWidget(self.figures)
        lay.addWidget(split, 1)
        lay.addWidget(self.always_on)
        self._flows: list[Any] = []

    def retranslate(self) -> None:
        if self.wizard() is None:  # not yet in a wizard (Qt's stub says it always is)
            return
        st = self.state
        self.setTitle(self.tr("Done: your contacts carry their loyalty data"))
        self.setSubTitle(self.tr("Here is one contact as {platform} now holds it, and the email flows you can "
                                 "build on it.").format(platform=st.label))
        self.card.setTitle(self.tr("Sample contact in {platform}").format(platform=st.label))
        self.flows_label.setText(self.tr("Recommended email flows, with an example in English and French "
                                         "using {platform}'s variables:").format(platform=st.label))
        self.copy_button.setText(self.tr("Copy"))
        self.kit_button.setText(self.tr("Set up my Klaviyo loyalty &kit…"))
        self.kit_button.setToolTip(self.tr("Create these flows as drafts in Klaviyo, with their email templates and "
                                           "the loyalty segments"))
        self.kit_button.setVisible(st.descriptor.capabilities.kit is KitKind.FLOWS)  # Klaviyo's kit dialog
        self.flows.setAccessibleName(self.tr("Recommended flows"))
        self._fill_flows()
        self.always_on.retranslate()
        summary = st.summary
        self.figures.setText(self.tr("The sync: {counts}.").format(
            counts=i18n.run_counts_line(summary.counts(), st.label)) if summary is not None else "")
        self.figures.setVisible(summary is not None)

    def entered(self) -> None:
        """Shown (the wizard calls this each time; QWizard's initializePage only once): the latest
        sync's contact and flows."""
        self._fill_card()
        self.always_on.first_sync_done(self.setup_wizard().settings, self.state.summary, self.state.demo)
        self.retranslate()

    def stop_kit(self) -> None:
        if self.kit_dialog is not None and self.kit_dialog.panel.running:
            self.kit_dialog.panel.cancel()
            self.kit_dialog.panel.wait()

    def open_kit(self) -> KitDialog:
        """The kit in a dialog over the wizard, on the connection just verified."""
        if self.kit_dialog is None:
            from loyalty_desktop.ui.kit_dialog import KitDialog

            st = self.state
            self.kit_dialog = KitDialog(self.tasks, lambda: st.connection, lambda: st.mapping, self)
        self.kit_dialog.show()
        return self.kit_dialog

    def _fill_card(self) -> None:
        st = self.state
        if st.connection is None or st.mapping is None:
            self._clear_card()
            return
        conn, mapping = st.connection, st.mapping  # the platform and the store, off the GUI thread
        self.tasks.run(lambda: service.preview_sample(conn, mapping, 1), self._sample_loaded)

    def _clear_card(self) -> None:
        while self.card_form.rowCount():
            self.card_form.removeRow(0)

    def _sample_loaded(self, fut: Future[list[dict[str, Any]]]) -> None:
        self._clear_card()  # the last answer wins when the card was asked for twice
        sample = fut.result()
        st = self.state
        if not sample or st.connection is None or st.mapping is None:
            return
        member = sample[0]
        plan = st.connection.field_plan()  # Splio: custom fields by id, contact by its key
        names = {s.field_id: s.target for s in plan.slots if s.field_id is not None} if plan else None
        fields = _flatten(json.loads(st.connection.profile_encoder(st.mapping)(member)), names,
                          plan.key_label() if plan else "email")
        for k in ordered_columns([fields], st.mapping):
            v = fields[k]
            value = QLabel(i18n.display_value(v))  # 18/10/1984 rather than 1984-10-18T00:00:00
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.card_form.addRow(f"<b>{k}</b>", value)

    def _fill_flows(self) -> None:
        st = self.state
        if st.mapping is None:
            return
        current = max(self.flows.currentRow(), 0)
        tr = i18n.translate_core
        src = st.source.name if st.source is not None else ""
        self._flows = list(zip(service.recommended_flows(st.platform, st.mapping, "en", tr, src),
                               service.recommended_flows(st.platform, st.mapping, "fr", tr, src), strict=True))
        lang = self.setup_wizard().language
        self.flows.blockSignals(True)
        self.flows.clear()
        for en, fr in self._flows:
            self.flows.addItem(fr.name if lang == "fr" else en.name)
        self.flows.blockSignals(False)
        self.flows.setCurrentRow(current)
        self._show_flow(current)

    def _flow_text(self, i: int) -> str:
        en, fr = self._flows[i]
        parts = [en.trigger, ""]
        for label, f in ((self.tr("English"), en), (self.tr("French"), fr)):
            parts += [f"— {label} —", self.tr("Subject: {subject}").format(subject=f.subject), "", f.body, ""]
        return "\n".join(parts)

    def _show_flow(self, i: int) -> None:
        if 0 <= i < len(self._flows):
            self.flow_text.setPlainText(self._flow_text(i))

    def copy_flow(self) -> None:
        i = self.flows.currentRow()
        if 0 <= i < len(self._flows):
            QGuiApplication.clipboard().setText(self._flow_text(i))
