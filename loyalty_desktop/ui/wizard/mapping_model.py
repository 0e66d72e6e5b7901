"""Table model for the field mapping: catalog field → destination field, type, enabled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from loyalty_desktop.core.fields import CATALOG_BY_KEY, FieldMapping, FieldType, Mapping

Index = QModelIndex | QPersistentModelIndex
SEND, FIELD, TYPE, TARGET = range(4)


def field_label(key: str) -> str:
    return QCoreApplication.translate("Catalog", CATALOG_BY_KEY[key].label)


def type_label(t: FieldType) -> str:
    return {FieldType.TEXT: QCoreApplication.translate("Catalog", "Text"),
            FieldType.INT: QCoreApplication.translate("Catalog", "Number"),
            FieldType.DATE: QCoreApplication.translate("Catalog", "Date")}[t]


# lupdate: the catalog labels (fields.py holds them in English, outside the UI).
_CATALOG_LABELS = [
    QCoreApplication.translate("Catalog", "Email"), QCoreApplication.translate("Catalog", "Phone"),
    QCoreApplication.translate("Catalog", "First name"), QCoreApplication.translate("Catalog", "Last name"),
    QCoreApplication.translate("Catalog", "External ID"), QCoreApplication.translate("Catalog", "Points balance"),
    QCoreApplication.translate("Catalog", "Points earned (lifetime)"),
    QCoreApplication.translate("Catalog", "Missions completed"),
    QCoreApplication.translate("Catalog", "Rewards claimed"),
    QCoreApplication.translate("Catalog", "Referrals completed"), QCoreApplication.translate("Catalog", "Tier name"),
    QCoreApplication.translate("Catalog", "Tier ID"), QCoreApplication.translate("Catalog", "Referral URL"),
    QCoreApplication.translate("Catalog", "Membership state"), QCoreApplication.translate("Catalog", "Birthday"),
    QCoreApplication.translate("Catalog", "Points expiring"),
    QCoreApplication.translate("Catalog", "Points expiry date"), QCoreApplication.translate("Catalog", "Member since"),
    QCoreApplication.translate("Catalog", "Last activity"),
]


class MappingModel(QAbstractTableModel):
    def __init__(self, mapping: Mapping, platform_label: str) -> None:
        super().__init__()
        self.rows: list[FieldMapping] = list(mapping.fields)
        self.preset = mapping.preset
        self.platform_label = platform_label

    def set_mapping(self, mapping: Mapping) -> None:
        self.beginResetModel()
        self.rows = list(mapping.fields)
        self.preset = mapping.preset
        self.endResetModel()

    def mapping(self) -> Mapping:
        """The edited mapping (raises ValueError with a reason when it is not valid)."""
        return Mapping(self.preset, tuple(self.rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Send"), self.tr("Loyalty field"), self.tr("Type"),
                self.tr("{platform} field").format(platform=self.platform_label)][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == SEND:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() == TARGET:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == SEND:
            return Qt.CheckState.Checked if row.enabled else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == FIELD:
                return field_label(row.source)
            if col == TYPE:
                return type_label(CATALOG_BY_KEY[row.source].type)
            if col == TARGET:
                return row.target
        if role == Qt.ItemDataRole.ToolTipRole and col == FIELD:
            return row.source
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == SEND:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.rows[index.row()] = FieldMapping(row.source, row.target, checked)
        elif role == Qt.ItemDataRole.EditRole and index.column() == TARGET:
            text = str(value).strip()
            if not text:
                return False
            self.rows[index.row()] = FieldMapping(row.source, text, row.enabled)
        else:
            return False
        self.preset = "custom"
        self.dataChanged.emit(index, index)
        return True
