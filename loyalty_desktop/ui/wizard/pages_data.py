"""Wizard pages 4–5: where the loyalty data comes from, and how fields map."""

from __future__ import annotations

import importlib.util
import json
from concurrent.futures import Future
from itertools import islice
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ... import service
from ...errors import LoyaltyError, user_message
from ...fields import CATALOG, KLAVIYO_LOYALTY, PRESET_LABELS, PRESETS, FieldMapping, Mapping
from ...net import CancelToken
from .. import i18n
from .base import Page, busy_bar, wrapping_label
from .mapping_model import TARGET, MappingModel


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


class SourcePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.demo = QRadioButton()
        self.sheet = QRadioButton()
        self.smile = QRadioButton()
        self.group = QButtonGroup(self)
        for i, b in enumerate((self.demo, self.sheet, self.smile)):
            self.group.addButton(b, i)
        self.demo.setChecked(True)
        self.members = QSpinBox()
        self.members.setRange(10, 100_000)
        self.members.setValue(500)
        self.members.setSingleStep(100)
        self.members_label = wrapping_label()
        self.file = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        from ..widgets.secret_edit import SecretEdit

        self.smile_key = SecretEdit()
        self.busy = busy_bar()
        self.status = wrapping_label()
        lay = QVBoxLayout(self)
        lay.addWidget(self.demo)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.members_label)
        row.addWidget(self.members)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.sheet)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        lay.addLayout(row)
        lay.addWidget(self.smile)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.smile_key, 1)
        lay.addLayout(row)
        lay.addWidget(self.busy)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.group.idToggled.connect(lambda *_: self._sync_enabled())
        self._opened = False
        self._busy = False
        self.retranslate()
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        self.sheet.setEnabled(_available("loyalty_desktop.sources.spreadsheet_source"))
        self.smile.setEnabled(_available("loyalty_desktop.sources.smile_source"))
        self.members.setEnabled(self.demo.isChecked())
        self.file.setEnabled(self.sheet.isChecked())
        self.browse.setEnabled(self.sheet.isChecked())
        self.smile_key.setEnabled(self.smile.isChecked())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where is your loyalty data?"))
        self.setSubTitle(self.tr("Choose the loyalty program to read. Nothing is changed in it."))
        self.demo.setText(self.tr("Demo loyalty program (realistic members, two years of history)"))
        self.members_label.setText(self.tr("Members:"))
        self.members.setAccessibleName(self.tr("Number of demo members"))
        self.sheet.setText(self.tr("A spreadsheet export (CSV or Excel) from Loyoly, Smile.io or your own"))
        self.file.setAccessibleName(self.tr("Spreadsheet file"))
        self.file.setPlaceholderText(self.tr("members.csv or members.xlsx"))
        self.browse.setText(self.tr("Browse…"))
        self.smile.setText(self.tr("Smile.io (API key from Settings → Developer tools)"))
        self.smile_key.edit.setAccessibleName(self.tr("Smile.io API key"))

    def initializePage(self) -> None:  # noqa: N802
        self._opened = False
        self.status.clear()
        if self.state.demo and self.smile.isEnabled():
            self.smile_key.setText("demo")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the members export"), "",
                                              self.tr("Spreadsheets (*.csv *.txt *.xlsx)"))
        if path:
            self.file.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return not self._busy

    def validatePage(self) -> bool:  # noqa: N802
        """Open the source in the background; the wizard moves on when it is ready."""
        if self._opened:
            return True
        if self._busy:
            return False
        st = self.state
        if self.demo.isChecked():
            st.source_kind, st.source_options = "demo", {"members": str(self.members.value()), "seed": 42}
        elif self.sheet.isChecked():
            if not self.file.text().strip():
                self.status.setText(self.tr("Choose the spreadsheet file first."))
                return False
            st.source_kind, st.source_options = "csv", {"members": self.file.text().strip()}
        else:
            st.source_kind = "smile-sandbox" if st.demo else "smile"
            st.source_options = {"members": "500", "seed": 42}
            if not st.demo:
                from ... import secrets

                secrets.keep_for_session("smile", self.smile_key.text())
        if st.source is not None:
            st.source.close()
            st.source = None
        self._busy = True
        self.busy.show()
        self.status.setText(self.tr("Reading the loyalty program…"))
        self.completeChanged.emit()
        factory, options = service.source_factory(st.source_kind), st.options()
        self.tasks.run(lambda: factory.open(options, CancelToken()), self._opened_done)
        return False

    def _opened_done(self, future: Future[service.OpenSource]) -> None:
        self._busy = False
        self.busy.hide()
        self.completeChanged.emit()
        try:
            self.state.source = future.result()
        except LoyaltyError as exc:
            self.status.setText("✗ " + user_message(exc, self.tr("the loyalty program"),
                                                     tr=i18n.translate_core))
            return
        self._opened = True
        self.status.clear()
        self.wizard().next()


def full_mapping(preset: Mapping, platform: str) -> Mapping:
    """The preset plus every other catalog field, disabled, with a suggested name, so the user can add
    any field by ticking it."""
    have = {f.source for f in preset.fields}
    suggested = {f.source: f.target for f in KLAVIYO_LOYALTY.fields}
    extra = [FieldMapping(c.key, suggested.get(c.key, c.key) if platform == "klaviyo" else c.key, False)
             for c in CATALOG if c.key not in have]
    return Mapping(preset.preset, preset.fields + tuple(extra))


class MappingPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.preset = QComboBox()
        self.preset_label = wrapping_label()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.preview_label = wrapping_label()
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.status = wrapping_label()
        self.model: MappingModel | None = None
        self._members: list[dict[str, Any]] = []
        row = QHBoxLayout()
        row.addWidget(self.preset_label)
        row.addWidget(self.preset, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.preview_label)
        lay.addWidget(self.preview, 2)
        lay.addWidget(self.status)
        self.preset.currentIndexChanged.connect(self._preset_changed)

    def retranslate(self) -> None:
        if not self.wizard():
            return
        st = self.state
        self.setTitle(self.tr("Choose what each {platform} contact gets").format(platform=st.label))
        self.setSubTitle(self.tr("Tick the fields to send and rename them if you like. The preview shows five "
                                 "real members as {platform} will hold them.").format(platform=st.label))
        self.preset_label.setText(self.tr("Preset:"))
        self.preset.setAccessibleName(self.tr("Mapping preset"))
        self.table.setAccessibleName(self.tr("Field mapping"))
        self.preview_label.setText(self.tr("Preview"))
        self.preview.setAccessibleName(self.tr("Preview of five members"))
        for i in range(self.preset.count()):
            key = self.preset.itemData(i)
            self.preset.setItemText(i, PRESET_LABELS.get(key, key))
        if self.model is not None:
            self.model.platform_label = st.label
            self.model.headerDataChanged.emit(*_horizontal(), 0, 3)

    def initializePage(self) -> None:  # noqa: N802
        st = self.state
        self.preset.blockSignals(True)
        self.preset.clear()
        for key in st.presets():
            self.preset.addItem(PRESET_LABELS.get(key, key), key)
        current = st.mapping or st.default_mapping()
        self.preset.setCurrentIndex(max(0, self.preset.findData(current.preset)))
        self.preset.blockSignals(False)
        self.model = MappingModel(full_mapping(current, st.platform), st.label)
        self.table.setModel(self.model)
        self.model.dataChanged.connect(self._refresh_preview)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.Stretch)
        self._members = self._sample_members()
        self.retranslate()
        self._refresh_preview()

    def _sample_members(self) -> list[dict[str, Any]]:
        """Five real members from the source (read lazily: only five rows are decoded)."""
        src = self.state.source
        if src is None:
            return []
        from ...model import to_jsonable

        members = src.source.read(None, history=False).members
        try:
            return [to_jsonable(m) for m in islice(members, 5)]
        finally:
            close = getattr(members, "close", None)
            if close:
                close()

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        if key in PRESETS and self.model is not None:
            self.model.set_mapping(full_mapping(PRESETS[key], self.state.platform))
            self._refresh_preview()

    def _refresh_preview(self) -> None:
        conn = self.state.connection
        if self.model is None:
            return
        try:
            mapping = self.model.mapping()
        except ValueError as exc:
            self.status.setText("✗ " + str(exc))
            self.preview.clear()
            self.completeChanged.emit()
            return
        if any(f.source == "email" for f in mapping.enabled):
            self.status.clear()
        else:
            self.status.setText(self.tr("The email must be sent: it is how contacts are matched."))
        self.completeChanged.emit()
        if conn is None or not self._members:
            return
        encode = conn.dest.profile_encoder(mapping)
        rows = [_flatten(json.loads(encode(m))) for m in self._members]
        columns = ordered_columns(rows, mapping)
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(columns)
        for i, r in enumerate(rows):
            for j, c in enumerate(columns):
                v = r.get(c)
                self.preview.setItem(i, j, QTableWidgetItem("" if v is None else json.dumps(v, ensure_ascii=False)
                                                            if not isinstance(v, str) else v))
        self.preview.resizeColumnsToContents()

    def isComplete(self) -> bool:  # noqa: N802
        if self.model is None:
            return False
        try:
            m = self.model.mapping()
        except ValueError:
            return False
        return any(f.source == "email" for f in m.enabled)

    def validatePage(self) -> bool:  # noqa: N802
        assert self.model is not None
        try:
            mapping = self.model.mapping()
        except ValueError as exc:
            self.status.setText("✗ " + str(exc))
            return False
        if not any(f.source == "email" for f in mapping.enabled):
            self.status.setText(self.tr("The email must be sent: it is how contacts are matched."))
            return False
        self.state.mapping = mapping
        return True


def _horizontal() -> tuple[Any]:
    from PySide6.QtCore import Qt

    return (Qt.Orientation.Horizontal,)


def ordered_columns(rows: list[dict[str, Any]], mapping: Mapping) -> list[str]:
    """The destination fields present in `rows`, in the mapping's order."""
    present = {k for r in rows for k in r}
    order = [f.target for f in mapping.enabled if f.target in present]
    return order + sorted(present - set(order))


def _flatten(payload: dict[str, Any]) -> dict[str, Any]:
    """Destination payload → field: value (Klaviyo attributes + properties, Splio fields)."""
    out: dict[str, Any] = {}
    attrs = payload.get("attributes", payload)
    for k, v in attrs.items():
        if k == "properties" and isinstance(v, dict):
            out.update(v)
        elif k == "custom_fields" and isinstance(v, list):
            out.update({str(f.get("name") or f.get("id")): f.get("value") for f in v if isinstance(f, dict)})
        elif not isinstance(v, (dict, list)):
            out[k] = v
    return out
