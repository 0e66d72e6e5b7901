"""The sync phases in the user's language (one translation, shared by the wizard and the main window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # loaded with the first sync, not with the window
    from loyalty_desktop.sync.summary import Phase


def phase_name(phase: Phase) -> str:
    from loyalty_desktop.sync.summary import Phase

    return {Phase.CONFIRMING: QCoreApplication.translate("Phases", "Confirming earlier jobs"),
            Phase.READING: QCoreApplication.translate("Phases", "Reading the loyalty data"),
            Phase.PLANNING: QCoreApplication.translate("Phases", "Planning what changed"),
            Phase.SENDING_PROFILES: QCoreApplication.translate("Phases", "Sending contacts"),
            Phase.SENDING_EVENTS: QCoreApplication.translate("Phases", "Sending events"),
            Phase.DONE: QCoreApplication.translate("Phases", "Done")}[phase]
