"""Wizard page 5: how loyalty fields map to the platform's fields, with a live preview (page 4, the
loyalty data, is in pages_source.py)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from loyalty_desktop.core import platforms
from loyalty_desktop.core.fields import (
    CATALOG,
    PRESET_LABELS,
    PRESETS,
    FieldMapping,
    Mapping,
)
from loyalty_desktop.service_splio import FieldStatus
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.wizard.base import Page, wrapping_label
from loyalty_desktop.ui.wizard.mapping_model import TARGET, MappingModel, field_label
from loyalty_desktop.ui.wizard.splio_box import SplioFieldsBox


def full_mapping(preset: Mapping, platform: str) -> Mapping:
    """The preset plus every other catalog field, disabled, with a suggested name, so the user can add
    any field by ticking it."""
    have = {f.source for f in preset.fields}
    suggested = {f.source: f.target for f in PRESETS[platforms.get(platform).default_preset].fields}
    extra = [FieldMapping(c.key, suggested.get(c.key, c.key), False)
             for c in CATALOG if c.key not in have]
    return Mapping(preset.preset, preset.fields + tuple(extra))


class MappingPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.preset = QComboBox()
        self.preset_label = wrapping_label()
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.splio_box = SplioFieldsBox(lambda: self.tasks)
        self.splio_box.hide()
        self.splio_box.changed.connect(self._refresh_preview)
        self.preview_label = wrapping_label()
        self.preview = QTableWidget()
        self.preview.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.status = wrapping_label()
        self.unprovided = wrapping_label()  # mapped fields the source does not provide (left untouched)
        self.model: MappingModel | None = None
        self._members: list[dict[str, Any]] = []
        self._for_source: object = None  # the source the page was set up for
        row = QHBoxLayout()
        row.addWidget(self.preset_label)
        row.addWidget(self.preset, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.splio_box)
        lay.addWidget(self.preview_label)
        lay.addWidget(self.preview, 2)
        lay.addWidget(self.unprovided)
        lay.addWidget(self.status)
        self.preset.currentIndexChanged.connect(self._preset_changed)

    @property
    def splio(self) -> bool:
        # A platform whose custom fields must exist before a sync (Splio): the fields box shows.
        return self.wizard() is not None and self.state.descriptor.capabilities.create_fields

    def retranslate(self) -> None:
        if self.wizard() is None:  # not yet in a wizard (Qt's stub says it always is)
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
            self.preset.setItemText(i, i18n.translate_core(PRESET_LABELS.get(key, key)))  # known_texts.preset_labels
        self.splio_box.retranslate()
        if self.model is not None:
            self.model.platform_label = st.label
            self.model.headerDataChanged.emit(*_horizontal(), 0, 3)
            self._refresh_preview()

    def initializePage(self) -> None:
        st = self.state
        self._for_source = st.source
        self.preset.blockSignals(True)
        self.preset.clear()
        for key in st.presets():
            self.preset.addItem(i18n.translate_core(PRESET_LABELS.get(key, key)), key)
        current = st.mapping or st.default_mapping()
        self.preset.setCurrentIndex(max(0, self.preset.findData(current.preset)))
        self.preset.blockSignals(False)
        self.model = MappingModel(full_mapping(current, st.platform), st.label)
        self.table.setModel(self.model)
        self.model.dataChanged.connect(self._refresh_preview)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.Stretch)
        self._members = self.state.sample  # read with the source, off the GUI thread
        self.splio_box.setVisible(self.splio)
        if self.splio and st.connection is not None:
            box = self.splio_box
            if box.conn is not st.connection:
                box.conn, box.remote = st.connection, None
                # The sandbox creates fields without asking (demo); a real account waits for the tick.
                box.allow.setChecked(st.connection.creates_fields or st.create_fields)
            if box.remote is None:
                box.load()
        self.retranslate()
        self._refresh_preview()

    def entered(self) -> None:
        """The page is shown again (QWizard initializes a page only once): a new source since?"""
        if self.model is not None and self._for_source is not self.state.source:
            self.initializePage()

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        if key in PRESETS and self.model is not None:
            self.model.set_mapping(full_mapping(PRESETS[key], self.state.platform))
            self._refresh_preview()

    def _problem(self, mapping: Mapping) -> tuple[str, FieldStatus | None]:
        """Why Next is not possible yet ("" when it is), and for Splio the fields' status."""
        if not self.splio:
            if any(f.source == "email" for f in mapping.enabled):
                return "", None
            return self.tr("The email must be sent: it is how contacts are matched."), None
        box = self.splio_box
        status = box.update_status(mapping)
        if box.remote is None:
            return "", None  # still reading (or the box says why it could not)
        if status.problems or status.why:
            return "✗ " + " ".join(status.problems + ([status.why] if status.why else [])), status
        if status.missing and not box.allow.isChecked():
            return self.tr("Tick the box to let Loyalty Desktop create the missing fields, or create them in Splio "
                           "(Settings → Fields) and click “Check again”."), status
        return "", status

    def _refresh_preview(self) -> None:
        if self.model is None or self.wizard() is None:
            return
        try:
            mapping = self.model.mapping()
        except ValueError as exc:
            self.status.setText("✗ " + str(exc))
            self.preview.clear()
            self.completeChanged.emit()
            return
        message, splio = self._problem(mapping)
        self.status.setText(message)
        missing = self.not_provided(mapping)
        self.unprovided.setText(self.tr("Not provided by this source, so left as they are in {platform} (never "
                                        "sent as 0 or empty): {fields}.").format(
            platform=self.state.label, fields=", ".join(field_label(k) for k in missing)) if missing else "")
        self.completeChanged.emit()
        conn = self.state.connection
        if conn is None or not self._members:
            return
        if not self.splio:
            encode = conn.profile_encoder(mapping)
            rows = [_flatten(json.loads(encode(m))) for m in self._members]
        elif splio is not None and splio.plan is not None:
            encode = splio.plan.encoder()
            key = splio.plan.key_label()
            rows = [_flatten(json.loads(encode(m)), splio.names, key) for m in self._members]
        else:
            self.preview.clear()
            self.preview.setRowCount(0)
            return
        columns = ordered_columns(rows, mapping)
        kept = self.tr("(left as is)")
        if not self.splio:  # mapped fields a member lacks: shown as kept, not as empty
            columns += [f.target for f in mapping.enabled if f.target not in columns and f.source != "email"]
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(columns)
        for i, r in enumerate(rows):
            for j, c in enumerate(columns):
                v = r.get(c)
                text = kept if c not in r and not self.splio else "" if v is None else (
                    json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                self.preview.setItem(i, j, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def not_provided(self, mapping: Mapping) -> list[str]:
        """Enabled catalog fields the source does not provide (a spreadsheet without that column;
        otherwise: no sampled member has it)."""
        src = self.state.source
        provided = getattr(getattr(src, "source", None), "provided_fields", None)
        if callable(provided):
            have = set(provided())
        elif self._members:
            have = {k for m in self._members for k in m}
        else:
            return []
        return [f.source for f in mapping.enabled if f.source != "email" and f.source not in have]

    def isComplete(self) -> bool:
        if self.model is None:
            return False
        try:
            m = self.model.mapping()
        except ValueError:
            return False
        if self.splio:
            return self.splio_box.ready()
        return any(f.source == "email" for f in m.enabled)

    def validatePage(self) -> bool:
        assert self.model is not None
        try:
            mapping = self.model.mapping()
        except ValueError as exc:
            self.status.setText("✗ " + str(exc))
            return False
        message, _status = self._problem(mapping)
        if message or not self.isComplete():
            self.status.setText(message)
            return False
        st = self.state
        st.mapping = mapping
        if self.splio and st.connection is not None:
            allowed = self.splio_box.allow.isChecked()
            st.connection.allow_field_creation(allowed)
            st.create_fields = allowed
            st.source_options["create_fields"] = allowed  # later syncs (main window) keep the permission
        return True


def _horizontal() -> tuple[Any]:
    from PySide6.QtCore import Qt

    return (Qt.Orientation.Horizontal,)


def ordered_columns(rows: list[dict[str, Any]], mapping: Mapping) -> list[str]:
    """The destination fields present in `rows`: the email first, then in the mapping's order."""
    present = {k for r in rows for k in r}
    order = [f.target for f in mapping.enabled if f.target in present]
    rest = sorted(present - set(order))
    if "email" in rest:  # Splio's contact key, not a mapped field
        rest.remove("email")
        order.insert(0, "email")
    return order + rest


def _flatten(payload: dict[str, Any], names: dict[int, str] | None = None, key_label: str = "email"
             ) -> dict[str, Any]:
    """Destination payload → field: value (Klaviyo attributes + properties; Splio's PATCH body with
    its custom fields named by `names`, and the contact's key)."""
    out: dict[str, Any] = {}
    if set(payload) == {"b", "k"} and isinstance(payload["b"], dict):  # Splio: {"b": body, "k": contact key}
        if payload["k"] is not None:
            out[key_label] = payload["k"]
        payload = payload["b"]
    attrs = payload.get("attributes", payload)
    for k, v in attrs.items():
        if k == "properties" and isinstance(v, dict):
            out.update(v)
        elif k == "custom_fields" and isinstance(v, list):
            for f in v:
                if isinstance(f, dict):
                    fid = f.get("id")
                    name = (names or {}).get(fid) if isinstance(fid, int) else None
                    out[str(name or f.get("name") or f"c{fid}")] = f.get("value")
        elif not isinstance(v, (dict, list)):
            out[k] = v
    meta = payload.get("meta")  # Klaviyo: properties emptied (a top tier's next tier) show empty, not "left as is"
    for k in (meta.get("patch_properties") or {}).get("unset") or () if isinstance(meta, dict) else ():
        out.setdefault(k, None)
    return out
