"""The main window's Settings tab: language (switched live), automatic sync and start at login
(schedule_box), the data folder, the API key (where it is kept, "Forget key…") and the sync's options
(options_box: Splio's contact options, replay history, the demo's "advance time"), saved as soon as
they change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.core import paths, platforms
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.options_box import OptionsBox
from loyalty_desktop.ui.main.schedule_box import ScheduleBox
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.widgets.open_url import open_page


def _at_size(*widgets: QWidget, note: QLabel | None = None) -> QWidget:
    """Widgets at their natural width (a combo box across the whole window reads badly)."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    lay.addLayout(row)
    if note is not None:
        note.setWordWrap(True)
        lay.addWidget(note)
    return box


class SettingsTab(QWidget):
    forgetClicked = Signal()

    def __init__(self, settings: Settings, tasks: Callable[[], TaskManager] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        style = self.style()
        page = QWidget()  # scrolls: the options make it taller than a small window
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(scroll)
        outer = QVBoxLayout(page)
        box = QWidget()
        box.setMaximumWidth(820)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        outer.addWidget(box)
        self.options: OptionsBox | None = None
        if tasks is not None:
            self.options = OptionsBox(tasks)
            self.options.setMaximumWidth(820)
            self.options.changed.connect(self._option_changed)
            outer.addWidget(self.options)
            self.configure_options()
        outer.addStretch(1)

        self.language_caption = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.addItem("", "")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.language_caption.setBuddy(self.language_combo)
        self.language_combo.setMinimumContentsLength(18)
        form.addRow(self.language_caption, _at_size(self.language_combo))

        self.schedule_box = ScheduleBox(settings)
        form.addRow(self.schedule_box.caption, self.schedule_box)

        self.folder_caption = QLabel()
        self.folder_edit = QLineEdit(str(paths.data_dir()))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setCursorPosition(0)
        self.folder_button = QPushButton()
        self.folder_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.folder_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        self.folder_caption.setBuddy(self.folder_edit)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_status = QLabel()  # nothing could open the folder: where it is
        self.folder_status.setWordWrap(True)
        self.folder_status.hide()
        folder_box = QVBoxLayout()
        folder_box.setSpacing(2)
        folder_box.addLayout(folder_row)
        folder_box.addWidget(self.folder_note)
        folder_box.addWidget(self.folder_status)
        form.addRow(self.folder_caption, folder_box)

        self.key_settings_caption = QLabel()
        self.key_settings_value = QLabel()
        self.forget_button = QPushButton()
        self.forget_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.forget_button.clicked.connect(self.forgetClicked)
        self.key_settings_caption.setBuddy(self.forget_button)
        form.addRow(self.key_settings_caption, _at_size(self.key_settings_value, self.forget_button))

    def retranslate(self) -> None:
        self.language_caption.setText(self.tr("La&nguage:"))
        self.language_combo.setItemText(0, self.tr("Same as the computer"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.schedule_box.retranslate()
        self.folder_note.setText(self.tr("The local copy of your loyalty data and the sync history. API keys are "
                                         "never stored there."))
        self.folder_caption.setText(self.tr("&Data folder:"))
        self.folder_edit.setAccessibleName(self.tr("Data folder"))
        self.folder_button.setText(self.tr("&Open"))
        self.folder_button.setAccessibleName(self.tr("Open the data folder"))
        self.key_settings_caption.setText(self.tr("API &key:"))
        self.forget_button.setText(self.tr("&Forget key…"))
        self.forget_button.setAccessibleName(self.tr("Forget the API key"))

    def show_key(self, demo: bool, mask: str | None, where: str | None) -> None:
        if demo:
            text = self.tr("Demo mode: no key is stored.")
        elif mask and where:
            text = self.tr("{key}, saved in {where}").format(key=mask, where=where)
        else:
            text = mask or self.tr("No key stored")
        self.key_settings_value.setText(text)

    def confirm_forget(self, platform: str, where: str | None) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Forget the {platform} key?").format(platform=platform),
            self.tr("The key will be removed from {where}. Syncing will stop until you enter a key again "
                    "(Connection → Paste the key…). Your data in {platform} is not touched.").format(
                where=where or self.tr("this computer"), platform=platform),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _language_chosen(self, _index: int) -> None:
        code = str(self.language_combo.currentData() or "")
        if code == self.settings.language:
            return
        self.settings.language = code
        self.settings.save()
        i18n.install(code)  # every widget gets a LanguageChange event and re-reads its texts

    @Slot()
    def open_data_folder(self) -> None:
        problem = open_page(QUrl.fromLocalFile(str(paths.data_dir())))
        self.folder_status.setText(problem)
        self.folder_status.setVisible(bool(problem))

    def configure_options(self) -> None:
        """Show the options of the platform and source set up now (after a change of set-up, too)."""
        if self.options is None:
            return
        s = self.settings
        platform = s.platform or platforms.DEFAULT_DESTINATION.id
        self.options.configure(platform, s.source_options if (s.source or "demo") == "demo" else None,
                               s.source_options)

    def _option_changed(self, name: str, on: bool) -> None:
        self.settings.source_options[name] = on  # the next sync reads it (sync_controller, options.py)
        self.settings.save()
