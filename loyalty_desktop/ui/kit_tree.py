"""The kit panel's list: one group per kind, a checkable row per item with its result and details
(kit_panel.py). Columns take the width of their text (a horizontal scroll bar rather than cut
words); the details also show in full as the row's tooltip."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from loyalty_desktop.destinations.klaviyo.kit.model import ItemKind, ItemResult, ItemStatus, KitItem
from loyalty_desktop.store.kit_state import KitRecord
from loyalty_desktop.ui.kit_texts import kind_title, result_text, status_text

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def setup(tree: QTreeWidget) -> None:
    tree.setColumnCount(3)
    tree.setUniformRowHeights(True)
    tree.setWordWrap(False)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def show_result(child: QTreeWidgetItem, result: ItemResult) -> None:
    child.setText(1, status_text(result.status))
    text = result_text(result)
    child.setText(2, text)
    child.setToolTip(2, text)


def as_result(item: KitItem, record: KitRecord) -> ItemResult | None:
    """A remembered outcome as the panel shows a fresh one (None: a status this version lacks)."""
    try:
        status = ItemStatus(record.status)
    except ValueError:
        return None
    return ItemResult(item, status, record.message, record.remote_id, record.reason, record.args)


def fill(tree: QTreeWidget, plan: list[KitItem], checked: set[str] | None, tr_members: str) -> None:
    """List `plan`; `checked`: the keys to keep ticked (None: all); `tr_members`: the translated
    "{count} members today"."""
    tree.blockSignals(True)
    tree.clear()
    loc = QLocale()
    for kind in ItemKind:
        items = [i for i in plan if i.kind is kind]
        if not items:
            continue
        group = QTreeWidgetItem([kind_title(kind, len(items))])
        group.setFlags(group.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
        group.setData(0, KEY_ROLE, kind.value)
        tree.addTopLevelItem(group)
        for item in items:
            child = QTreeWidgetItem([item.name, "", ""])
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setData(0, KEY_ROLE, item.key)
            on = checked is None or item.key in checked
            child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if item.preview_count is not None:
                child.setText(2, tr_members.format(count=loc.toString(item.preview_count)))
            if item.skip_reason:
                show_result(child, ItemResult(item, ItemStatus.SKIPPED, item.skip_reason,
                                              reason=item.skip_code[0], args=item.skip_code[1]))
            child.setToolTip(0, item.description or item.name)
            group.addChild(child)
        group.setExpanded(True)
    tree.blockSignals(False)
