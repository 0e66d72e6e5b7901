"""The mapping page's Splio box: which mapped custom fields Splio already has, which the first sync
would create, and the user's permission to create them.

Splio's fields are listed once in the background (`service_splio.splio_fields`); every mapping
edit is then checked locally with the adapter's own rules (`service_splio.field_status`), so
what the box says is what the sync will do.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)

from loyalty_desktop import service
from loyalty_desktop.core.errors import user_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.splio.fields import RemoteField
from loyalty_desktop.service_splio import FieldStatus, field_status, splio_fields
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard.base import busy_bar, wrapping_label


class SplioFieldsBox(QGroupBox):
    changed = Signal()  # loaded, or the permission changed

    def __init__(self, tasks: Callable[[], TaskManager]) -> None:
        super().__init__()
        self._tasks = tasks
        self.existing = wrapping_label()
        self.created = wrapping_label()
        self.allow = QCheckBox()
        self.allow.toggled.connect(lambda _checked: self.changed.emit())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)
        self.busy = busy_bar()
        self.error = wrapping_label()
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.existing)
        lay.addWidget(self.created)
        row = QHBoxLayout()
        row.addWidget(self.allow, 1)
        row.addWidget(self.refresh_button)
        lay.addLayout(row)
        lay.addWidget(self.busy)
        lay.addWidget(self.error)
        self.remote: list[RemoteField] | None = None
        self.unique_key = "email"
        self.conn: service.Connection | None = None
        self.status = FieldStatus()
        self._loading = False
        self.retranslate()

    @property
    def loading(self) -> bool:
        return self._loading

    def retranslate(self) -> None:
        self.setTitle(self.tr("Custom fields in Splio"))
        self.allow.setText(self.tr("Let Loyalty Desktop create the missing custom fields in Splio"))
        self.allow.setAccessibleName(self.tr("Create the missing Splio custom fields"))
        self.refresh_button.setText(self.tr("Check again"))
        self.refresh_button.setToolTip(self.tr("Read the custom fields from Splio again (after creating some there)"))
        self._show()

    def load(self) -> None:
        """List Splio's contact fields in the background."""
        conn = self.conn
        if conn is None or self._loading:
            return
        self._loading = True
        self.busy.show()
        self.error.clear()
        self.error.hide()
        self.refresh_button.setEnabled(False)
        self.changed.emit()
        self._tasks().run(lambda: splio_fields(conn), self._loaded)

    def _loaded(self, future: Future[tuple[list[RemoteField], str]]) -> None:
        self._loading = False
        self.busy.hide()
        self.refresh_button.setEnabled(True)
        try:
            self.remote, self.unique_key = future.result()
        except Exception as exc:  # noqa: BLE001 - said to the user in plain words
            self.error.setText("✗ " + user_message(exc, "Splio", tr=i18n.translate_core))
            self.error.show()
        self.changed.emit()

    def update_status(self, mapping: Mapping) -> FieldStatus:
        self.status = (field_status(mapping, self.remote, self.unique_key) if self.remote is not None
                       else FieldStatus())
        self._show()
        return self.status

    def _show(self) -> None:
        if self.remote is None:
            self.existing.setText(self.tr("Reading the custom fields from Splio…") if self._loading else "")
            self.created.clear()
            self.allow.setVisible(False)
            return
        st = self.status
        none = self.tr("none")
        self.existing.setText(self.tr("Already in Splio (kept as they are, values updated): {names}").format(
            names=", ".join(f"<b>{n}</b>" for n in st.existing) or none))
        self.created.setText(self.tr("Missing in Splio, created before the first sync: {names}").format(
            names=", ".join(f"<b>{m.name}</b> ({m.type})" for m in st.missing) or none))
        self.allow.setVisible(bool(st.missing))

    def ready(self) -> bool:
        """Loaded, and every mapped custom field exists or may be created."""
        return (self.remote is not None and not self._loading and not self.status.problems and not self.status.why
                and (not self.status.missing or self.allow.isChecked()))
